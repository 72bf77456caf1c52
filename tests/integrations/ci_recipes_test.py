#!/usr/bin/env python3
"""The CI integrations run as their runners would: ci_recipes_test.py ORGAUDIT SOURCE_DIR

- action.yml (GitHub composite action): every input and step output it refers to exists; its run
  steps run in bash with the env GitHub would give them (inputs substituted, GITHUB_OUTPUT and
  GITHUB_STEP_SUMMARY files), orgaudit already on PATH, in a scratch checkout holding an org with
  findings: the reports are written, the exit code is passed on, the SARIF uploaded is the one
  written, and the last step fails the job.
- docs/ci/gitlab-ci.yml: its script runs in bash with the job's variables; every artifact it names
  exists afterwards, the Code Quality report has the fields GitLab reads, and the job fails.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

failures = []


def check(condition, what):
    print(("ok: " if condition else "FAIL: ") + what)
    if not condition:
        failures.append(what)


def bash(script, cwd, env):
    return subprocess.run(["bash", "-e", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def expressions(text):
    return re.findall(r"\$\{\{\s*([^}]*?)\s*\}\}", text)


def substitute(value, inputs, source):
    def one(match):
        expression = match.group(1).strip()
        if expression.startswith("inputs."):
            return inputs[expression[len("inputs."):]]
        if expression == "github.action_path":
            return source
        raise KeyError(expression)
    return re.sub(r"\$\{\{\s*([^}]*?)\s*\}\}", one, str(value))


def sample_problems(orgaudit, source):
    """How many problems the sample has, from orgaudit's own JSON: the findings less the rules'
    "not assessed" notes, which are run notifications in SARIF and left out of Code Quality."""
    result = subprocess.run([orgaudit, "check", os.path.join(source, "samples/traditional/org.yaml"),
                             "--format", "json", "--fail-on", "never"], capture_output=True, text=True, check=True)
    findings = json.loads(result.stdout)["findings"]
    problems = [f for f in findings if not f["not_assessed"]]
    check(0 < len(problems) < len(findings), "the sample has problems and not-assessed notes to tell apart")
    return len(problems)


def scratch_checkout(source):
    scratch = tempfile.mkdtemp(prefix="orgaudit-ci-")
    os.makedirs(os.path.join(scratch, "org"))
    shutil.copy(os.path.join(source, "samples/traditional/org.yaml"), os.path.join(scratch, "org/org.yaml"))
    return scratch


def test_action(orgaudit, source, base_env):
    with open(os.path.join(source, "action.yml"), encoding="utf-8") as f:
        text = f.read()
    action = yaml.safe_load(text)
    check(action["runs"]["using"] == "composite", "action.yml is a composite action")
    steps = action["runs"]["steps"]
    declared = set(action["inputs"])
    step_ids = {s["id"] for s in steps if "id" in s}
    for expression in expressions(text):
        for name in re.findall(r"inputs\.([\w-]+)", expression):
            check(name in declared, "input '%s' used by action.yml is declared" % name)
        for step in re.findall(r"steps\.([\w-]+)\.", expression):
            check(step in step_ids, "step '%s' referred to in action.yml exists" % step)
    upload = [s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]
    check(len(upload) == 1 and upload[0]["with"]["sarif_file"] == "${{ inputs.sarif-file }}",
          "the SARIF written is the one upload-sarif uploads")
    check("always()" in upload[0].get("if", ""), "the SARIF is uploaded even when the audit fails")

    inputs = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    inputs.update({"files": "org/org.yaml", "args": "--fail-on error"})
    scratch = scratch_checkout(source)
    try:
        output, summary = os.path.join(scratch, "github-output"), os.path.join(scratch, "step-summary")
        outputs = {}
        for step in steps:
            if "run" not in step:
                continue
            check(step.get("shell") == "bash", "step '%s' names its shell, as a composite step must" % step["name"])
            env = dict(base_env, GITHUB_OUTPUT=output, GITHUB_STEP_SUMMARY=summary, RUNNER_TEMP=scratch)
            for key, value in step.get("env", {}).items():
                env[key] = substitute(value, inputs, source) if "steps." not in value else outputs.get("exit-code", "")
            result = bash(step["run"], scratch, env)
            print("$ step '%s' -> %d" % (step["name"], result.returncode))
            if step.get("id") == "check":
                check(result.returncode == 0, "the audit step itself succeeds, so the upload runs: " + result.stderr)
                with open(output, encoding="utf-8") as f:
                    outputs = dict(line.strip().split("=", 1) for line in f if "=" in line)
                check(outputs.get("exit-code") == "1", "exit-code output is orgaudit's 1 for the sample's errors")
                with open(os.path.join(scratch, inputs["sarif-file"]), encoding="utf-8") as f:
                    sarif = json.load(f)
                expected = sample_problems(orgaudit, source)
                check(len(sarif["runs"][0]["results"]) == expected, "the SARIF holds the sample's %d problems" % expected)
                with open(summary, encoding="utf-8") as f:
                    check("orgaudit" in f.read(), "the Markdown summary goes to the run page")
                check("[rendanheyi-silo]" in result.stdout, "the findings are in the job log")
            elif step["name"] == "Install orgaudit":
                check(result.returncode == 0 and result.stdout.startswith("orgaudit "),
                      "with orgaudit on PATH the install step uses it: " + (result.stdout + result.stderr).strip())
            else:
                check(result.returncode == 1, "the last step fails the job with orgaudit's exit code")
    finally:
        shutil.rmtree(scratch)


def test_gitlab(orgaudit, source, base_env):
    with open(os.path.join(source, "docs/ci/gitlab-ci.yml"), encoding="utf-8") as f:
        job = yaml.safe_load(f)["orgaudit"]
    reports = job["artifacts"]["reports"]
    check(set(reports) == {"codequality", "junit"}, "the job reports Code Quality and JUnit")
    check(job["artifacts"]["when"] == "always", "artifacts are kept when the audit fails")
    scratch = scratch_checkout(source)
    try:
        env = dict(base_env, **{k: str(v) for k, v in job["variables"].items()})
        result = bash("\n".join(job["script"]), scratch, env)
        print("$ gitlab script ->", result.returncode)
        check(result.returncode == 1, "the job fails on the sample's errors: " + result.stderr)
        check("[rendanheyi-silo]" in result.stdout, "the findings are in the job log")
        for path in job["artifacts"]["paths"]:
            check(os.path.exists(os.path.join(scratch, path)), "artifact %s is written" % path)
        with open(os.path.join(scratch, reports["codequality"]), encoding="utf-8") as f:
            issues = json.load(f)
        expected = sample_problems(orgaudit, source)
        check(len(issues) == expected, "Code Quality lists the sample's %d problems (the not-assessed notes left out)" % expected)
        fields_ok = all(isinstance(i["description"], str) and isinstance(i["check_name"], str) and
                        isinstance(i["fingerprint"], str) and i["severity"] in ("info", "minor", "major", "critical", "blocker") and
                        isinstance(i["location"]["path"], str) and isinstance(i["location"]["lines"]["begin"], int)
                        for i in issues)
        check(fields_ok, "every issue has description, check_name, fingerprint, severity, location.path, lines.begin")
        check(len({i["fingerprint"] for i in issues}) == len(issues), "fingerprints are unique")
        check(all(i["location"]["path"] == "org/org.yaml" for i in issues), "paths are relative to the checkout")
    finally:
        shutil.rmtree(scratch)


def main():
    orgaudit, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    base_env = dict(os.environ, PATH=os.path.dirname(orgaudit) + os.pathsep + os.environ["PATH"])
    for name in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE"):
        base_env.pop(name, None)
    test_action(orgaudit, source, base_env)
    test_gitlab(orgaudit, source, base_env)
    print("ci recipes: %s" % ("%d failures" % len(failures) if failures else "run as documented"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
