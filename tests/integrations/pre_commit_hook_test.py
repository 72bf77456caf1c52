#!/usr/bin/env python3
"""The pre-commit hook run the way pre-commit runs it: pre_commit_hook_test.py ORGAUDIT SOURCE_DIR

pre-commit (4.x, language unsupported) runs shlex.split(entry) + args + the staged files that match
`files` and not `exclude` (none with pass_filenames: false), in the repository root. This test takes
the hook from .pre-commit-hooks.yaml, the overrides from docs/ci/pre-commit-config.yaml (its
commented-out lines too, which are the documented way to check a split org), builds that command
line and runs it in a scratch repository, with the orgaudit under test first on PATH.
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

import yaml

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def documented_overrides(config_path):
    """The hook's settings in the docs config: the active ones, and the commented `key: value` lines."""
    with open(config_path, encoding="utf-8") as f:
        text = f.read()
    config = yaml.safe_load(text)
    hooks = [h for repo in config["repos"] for h in repo["hooks"] if h["id"] == "orgaudit"]
    check(len(hooks) == 1, "docs config uses the orgaudit hook once")
    commented = {}
    for line in text.splitlines():
        match = re.match(r"^\s+# (pass_filenames|args): (.*)$", line)
        if match:
            commented.update(yaml.safe_load(match.group(1) + ": " + match.group(2)))
    return hooks[0], commented


def hook_command(hook, files):
    """What pre-commit executes: entry, args, then the matching files unless pass_filenames is off."""
    command = shlex.split(hook["entry"]) + list(hook.get("args", []))
    if hook.get("pass_filenames", True):
        command += [f for f in files
                    if re.search(hook.get("files", ""), f) and not re.search(hook.get("exclude", "^$"), f)]
    return command


def run(command, cwd, orgaudit):
    env = dict(os.environ, PATH=os.path.dirname(orgaudit) + os.pathsep + os.environ["PATH"])
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def main():
    orgaudit, source = os.path.abspath(sys.argv[1]), sys.argv[2]
    with open(os.path.join(source, ".pre-commit-hooks.yaml"), encoding="utf-8") as f:
        hooks = yaml.safe_load(f)
    hook = next(h for h in hooks if h["id"] == "orgaudit")
    check(hook["language"] == "unsupported", "language is 'unsupported' (pre-commit 4.4's name for 'system')")
    check(tuple(int(p) for p in hook["minimum_pre_commit_version"].split(".")) >= (4, 4, 0),
          "minimum_pre_commit_version is at least 4.4.0, the first to know 'unsupported'")
    active, commented = documented_overrides(os.path.join(source, "docs/ci/pre-commit-config.yaml"))
    check("args" not in active, "the documented hook passes no args by default")

    scratch = tempfile.mkdtemp(prefix="orgaudit-pre-commit-")
    try:
        os.makedirs(os.path.join(scratch, "people"))
        shutil.copy(os.path.join(source, "tests/cli/deep.yaml"), os.path.join(scratch, "org.yaml"))
        shutil.copy(os.path.join(source, "tests/cli/clean.yaml"), os.path.join(scratch, "people/org-chart.yaml"))
        with open(os.path.join(scratch, ".orgaudit.yaml"), "w", encoding="utf-8") as f:
            f.write("fail-on: error\n")
        staged = ["org.yaml", ".orgaudit.yaml", "people/org-chart.yaml", "README.md"]

        # The default hook on a commit that stages an org with errors: exit 1, findings, no summary.
        command = hook_command(dict(hook, **active), staged)
        check(command == ["orgaudit", "check", "--quiet", "org.yaml", "people/org-chart.yaml"],
              "default hook command is %r" % command)
        result = run(command, scratch, orgaudit)
        print("$", " ".join(command), "->", result.returncode)
        check(result.returncode == 1, "default hook exits 1 on the errors in org.yaml: " + result.stderr)
        check("[structure-hierarchy-depth]" in result.stdout, "default hook prints the findings")
        check(" findings (" not in result.stdout, "--quiet leaves the summary out")

        # The documented split org: board and engineering in two files, checked whole.
        with open(os.path.join(scratch, "people/board.yaml"), "w", encoding="utf-8") as f:
            f.write("orgaudit: 1\norg: {name: Split Co}\npeople:\n  - {id: CEO, name: Ann Root}\n")
        with open(os.path.join(scratch, "people/engineering.yaml"), "w", encoding="utf-8") as f:
            f.write("orgaudit: 1\npeople:\n" + "".join(
                "  - {id: E%d, name: Engineer %d, manager: CEO}\n" % (i, i) for i in range(6)))
        check(commented.get("pass_filenames") is False and "args" in commented,
              "docs config documents pass_filenames: false with args for a split org")
        command = hook_command(dict(hook, **active, **commented), staged)
        check(command[:3] == ["orgaudit", "check", "--quiet"] and "check" not in command[3:],
              "documented args do not repeat the command: %r" % command)
        result = run(command, scratch, orgaudit)
        print("$", " ".join(command), "->", result.returncode)
        check(result.returncode == 0, "split org checked whole exits 0: %s%s" % (result.stdout, result.stderr))
        check("unknown" not in result.stdout + result.stderr, "no manager looks unknown when checked whole")
    finally:
        shutil.rmtree(scratch)
    print("pre-commit hook: %s" % ("%d failures" % len(failures) if failures else "runs as documented"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
