#!/usr/bin/env python3
"""docs/scoring.md's worked example is what orgaudit computes.

Runs `orgaudit check tests/cli/deep.yaml --format json`, checks each figure the page quotes against
the JSON, and checks the page still quotes it, so neither can drift from the other.

usage: worked_example.py ORGAUDIT SOURCE_DIR
"""
import json
import os
import subprocess
import sys

orgaudit, source = sys.argv[1], sys.argv[2]
page = open(os.path.join(source, "docs/scoring.md"), encoding="utf-8").read()
run = subprocess.run([orgaudit, "check", os.path.join(source, "tests/cli/deep.yaml"), "--format", "json",
                      "--fail-on", "never"], capture_output=True, text=True)
if run.returncode != 0:
    sys.exit(f"orgaudit exited {run.returncode}: {run.stderr}")
report = json.loads(run.stdout)
scores = report["scores"]
keys = [f["key"] for f in report["findings"] if f["rule"] == "structure-span-of-control"]
dimensions = {d["name"]: d for d in scores["dimensions"]}
rules = {r["rule"]: r for d in scores["dimensions"] for r in d["rules"]}

def rule_score(rule):
    r = rules[rule]
    return 100 * (1 - r["failing_weight"] / r["assessed"])

# (what the page says, the figure from the JSON, the figure the page quotes)
figures = [
    ("depth assessed 10 people", rules["structure-hierarchy-depth"]["assessed"], 10),
    ("depth failing weight 1.5", rules["structure-hierarchy-depth"]["failing_weight"], 1.5),
    ("depth fails the 2 people below the limit", rules["structure-hierarchy-depth"]["failing"], 2),
    ("depth score 85", rule_score("structure-hierarchy-depth"), 85),
    ("Flatness 85", dimensions["Flatness"]["score"], 85),
    ("span assessed the 9 managers", rules["structure-span-of-control"]["assessed"], 9),
    ("span: one finding per manager", rules["structure-span-of-control"]["failing"], 9),
    ("span failing weight 4.5", rules["structure-span-of-control"]["failing_weight"], 4.5),
    ("span keys: 8 pass-through", keys.count("pass-through"), 8),
    ("span keys: 1 single-report", keys.count("single-report"), 1),
    ("span score 50", rule_score("structure-span-of-control"), 50),
    ("Span health 50", dimensions["Span health"]["score"], 50),
    ("org score 67.5", scores["org"], 67.5),
    ("Data quality 100", scores["data_quality"], 100),
]
quoted = ["Failing weight 1.5", "= 85", "Flatness = 85", "failing weight 4.5: 100 x (1 - 4.5/9) = 50",
          "health = 50", "mean(85, 50) = 67.5, shown as 68", "Data quality = 100"]
failures = [f"{what}: orgaudit gives {got}" for what, got, want in figures if abs(got - want) > 1e-6]
failures += [f"docs/scoring.md no longer quotes '{text}'" for text in quoted if text not in page]
for failure in failures:
    print(failure)
print(f"{len(figures)} figures and {len(quoted)} quotations checked, {len(failures)} wrong")
sys.exit(1 if failures else 0)
