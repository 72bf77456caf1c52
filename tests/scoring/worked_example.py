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
scores = json.loads(run.stdout)["scores"]
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
    ("pass-through 55.56", round(rule_score("structure-pass-through-manager"), 2), 55.56),
    ("single-report 50", rule_score("structure-single-report-manager"), 50),
    ("Flatness 63.52", round(dimensions["Flatness"]["score"], 2), 63.52),
    ("Span health 50", dimensions["Span health"]["score"], 50),
    ("org score 56.76", round(scores["org"], 2), 56.76),
    ("Data quality 100", scores["data_quality"], 100),
]
quoted = ["Failing weight 1.5", "= 85", "= 55.56", "Flatness = mean(85, 55.56, 50) = 63.52",
          "Span health = 50", "mean(63.52, 50) = 56.76, shown as 57", "Data quality = 100"]
failures = [f"{what}: orgaudit gives {got}" for what, got, want in figures if abs(got - want) > 1e-6]
failures += [f"docs/scoring.md no longer quotes '{text}'" for text in quoted if text not in page]
for failure in failures:
    print(failure)
print(f"{len(figures)} figures and {len(quoted)} quotations checked, {len(failures)} wrong")
sys.exit(1 if failures else 0)
