#!/usr/bin/env python3
"""The JSON Schemas in schema/ against what orgaudit reads and writes: schemas_test.py ORGAUDIT SOURCE_DIR

- every schema is a valid draft-07 schema with an absolute $id naming its file;
- every sample and rule fixture validates against the org schema, read as the YAML language server
  reads it (dates kept as strings), and a file with a misspelt key does not;
- every .orgaudit.yaml in the tree and the one `orgaudit init` writes validate against the config
  schema; a baseline `orgaudit baseline create` writes against the baseline schema; the JSON report
  of each sample, and of a run with suppressed and baselined findings, against the report schema;
- `init` and `convert` start their files with the yaml-language-server line naming the schema.
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


class YamlLanguageServerLoader(yaml.SafeLoader):
    """YAML as editors validate it: a date like 2026-03-31 stays the string it is in JSON."""


YamlLanguageServerLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=YamlLanguageServerLoader)


def validator(source, name):
    with open(os.path.join(source, "schema", name), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    check(re.match(r"^[a-z][a-z0-9+.-]*:", schema.get("$id", "")) and schema["$id"].endswith("/" + name),
          "%s has an absolute $id naming it (%r)" % (name, schema.get("$id")))
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def validate(v, document, what):
    errors = list(v.iter_errors(document))
    for e in errors[:3]:
        print("  %s at /%s: %s" % (what, "/".join(map(str, e.absolute_path)), e.message[:200]))
    check(not errors, "%s validates" % what)


def run(orgaudit, args, cwd):
    return subprocess.run([orgaudit] + args, cwd=cwd, capture_output=True, text=True, timeout=120)


def schema_line(path):
    with open(path, encoding="utf-8") as f:
        first = f.readline()
    match = re.match(r"^# yaml-language-server: \$schema=file://(\S+)\n$", first)
    return match.group(1) if match else None


def main():
    orgaudit, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    names = sorted(os.path.basename(p) for p in glob.glob(os.path.join(source, "schema/*.schema.json")))
    check(names == ["orgaudit-baseline.schema.json", "orgaudit-config.schema.json", "orgaudit-org.schema.json",
                    "orgaudit-report.schema.json", "orgaudit-rules.schema.json", "orgaudit-scenario.schema.json"],
          "the six schemas are in schema/: %s" % names)
    # YAML rule files: the cookbook validates; a misspelt key or test does not.
    rules_schema = validator(source, "orgaudit-rules.schema.json")
    cookbook = sorted(glob.glob(os.path.join(source, "rules/cookbook/*.yaml")))
    check(len(cookbook) == 10, "found the ten cookbook rule files (%d)" % len(cookbook))
    for path in cookbook:
        validate(rules_schema, load_yaml(path), os.path.relpath(path, source))
    rule = {"id": "custom-x", "summary": "s", "dimension": "Span health", "select": "people", "where": {"span": {"above": 3}}, "message": "m"}
    check(rules_schema.is_valid({"orgaudit-rules": 1, "rules": [rule]}), "a minimal rule file is valid")
    check(not rules_schema.is_valid({"orgaudit-rules": 1, "rules": [dict(rule, sumary="s")]}), "the rules schema refuses an unknown key")
    check(not rules_schema.is_valid({"orgaudit-rules": 1, "rules": [dict(rule, where={"span": {"abov": 3}})]}),
          "the rules schema refuses an unknown test")
    # A what-if scenario that orgaudit whatif applies; a misspelt change kind does not validate.
    scenario_schema = validator(source, "orgaudit-scenario.schema.json")
    scenario = os.path.join(source, "tests/workflow/scenario/flatter.yaml")
    validate(scenario_schema, load_yaml(scenario), "the scenario " + scenario)
    for name in ("ecosystem.yaml", "proposed-traditional.yaml"):
        other = os.path.join(source, "tests/workflow/scenario", name)
        validate(scenario_schema, load_yaml(other), "the scenario " + other)
    check(not scenario_schema.is_valid({"changes": [{"split-me": "ME-1", "by": "half", "people": ["P-1"]}]}),
          "the scenario schema refuses a split both by half and by people")
    check(not scenario_schema.is_valid({"changes": [{"mvoe": "P-1", "to": "P-2"}]}), "the scenario schema refuses an unknown change")
    check(run(orgaudit, ["whatif", "samples/traditional/org.yaml", "--scenario", scenario], source).returncode in (0, 1),
          "orgaudit whatif applies the scenario")
    org, config = validator(source, "orgaudit-org.schema.json"), validator(source, "orgaudit-config.schema.json")
    baseline, report = validator(source, "orgaudit-baseline.schema.json"), validator(source, "orgaudit-report.schema.json")

    orgs = sorted(glob.glob(os.path.join(source, "samples/*/*.yaml")) +
                  glob.glob(os.path.join(source, "tests/fixtures/**/*.yaml"), recursive=True))
    check(len(orgs) >= 60, "found the samples and fixtures (%d files)" % len(orgs))
    for path in orgs:
        validate(org, load_yaml(path), os.path.relpath(path, source))
    check(not org.is_valid({"orgaudit": 1, "people": [{"id": "P1", "nmae": "Typo"}]}), "a misspelt key is invalid")
    check(not org.is_valid({"orgaudit": 1, "org": {"as_of": "31/03/2026"}}), "a date not YYYY-MM-DD is invalid")

    configs = glob.glob(os.path.join(source, "**/.orgaudit.yaml"), recursive=True)
    configs = [c for c in configs if "/build" not in os.path.relpath(c, source)]
    check(len(configs) >= 3, "found the .orgaudit.yaml files (%d)" % len(configs))
    for path in configs:
        validate(config, load_yaml(path), os.path.relpath(path, source))
    check(not config.is_valid({"fail-on": "sometimes"}), "a fail-on orgaudit refuses is invalid")

    scratch = tempfile.mkdtemp(prefix="orgaudit-schemas-")
    # init: the yaml-language-server line names the config schema, which validates what it wrote.
    check(run(orgaudit, ["init", scratch], source).returncode == 0, "orgaudit init")
    written = os.path.join(scratch, ".orgaudit.yaml")
    named = schema_line(written)
    check(named is not None and named.endswith("/orgaudit-config.schema.json") and os.path.isfile(named),
          "init's first line names the config schema (%r)" % named)
    validate(config, load_yaml(written), "orgaudit init's .orgaudit.yaml")

    # convert: the org schema, and the YAML it writes validates against it.
    converted = os.path.join(scratch, "org.yaml")
    result = run(orgaudit, ["convert", "tests/import/bamboohr.csv", "-o", converted], source)
    check(result.returncode == 0, "orgaudit convert: " + result.stderr)
    named = schema_line(converted)
    check(named is not None and named.endswith("/orgaudit-org.schema.json") and os.path.isfile(named),
          "convert's first line names the org schema (%r)" % named)
    validate(org, load_yaml(converted), "orgaudit convert's org.yaml")

    # A baseline, and the JSON reports: every sample, and a run with baselined findings.
    base = os.path.join(scratch, "baseline.json")
    check(run(orgaudit, ["baseline", "create", "tests/cli/deep.yaml", "--disable", "structure-hierarchy-depth",
                         "-o", base], source).returncode == 0, "orgaudit baseline create")
    with open(base, encoding="utf-8") as f:
        validate(baseline, json.load(f), "the baseline")
    runs = [[s, "--format", "json"] for s in sorted(glob.glob(os.path.join(source, "samples/*/org.yaml")))]
    runs.append(["tests/cli/deep.yaml", "--baseline", base, "--format", "json"])
    runs.append(["tests/workflow/suppressed.yaml", "--format", "json"])
    for args in runs:
        result = run(orgaudit, ["check"] + args, source)
        check(result.returncode in (0, 1), "orgaudit check %s: %s" % (args, result.stderr[:300]))
        validate(report, json.loads(result.stdout), "the JSON report of " + " ".join(args))
    print("schemas: %s" % ("%d failures" % len(failures) if failures else "every file validates"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
