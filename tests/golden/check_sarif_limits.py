#!/usr/bin/env python3
"""Checks a SARIF file against the JSON output of the same run: check_sarif_limits.py SARIF JSON

GitHub code scanning keeps 5,000 results a run, so the SARIF must list exactly the 5,000 most
severe findings of the JSON (open before suppressed; error, warning, info; file order within each),
in that order, and, when it left some out, carry one run-level warning with the count. The rules'
"not assessed" notes are no results but notifications of level note, one each. Exits 0 when it
does, 1 naming the first difference.
"""
import json
import sys

MAX_RESULTS = 5000
LEVELS = {"error": 0, "warning": 1, "info": 2}


def priority(finding):
    return (3 if finding["suppressed"] else 0) + LEVELS[finding["severity"]]


def key_of_finding(f):
    loc = f["location"]
    return (f["rule"], f["message"], loc["line"], loc["column"])


def key_of_result(r):
    region = r["locations"][0]["physicalLocation"].get("region", {})
    return (r["ruleId"], r["message"]["text"], region.get("startLine", 0), region.get("startColumn", 0))


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        run = json.load(f)["runs"][0]
    with open(sys.argv[2], encoding="utf-8") as f:
        everything = json.load(f)["findings"]
    findings = [f for f in everything if not f["not_assessed"]]
    notes = [(f["rule"], f["message"]) for f in everything if f["not_assessed"]]
    # sorted() is stable: file order survives within a priority.
    expected = [key_of_finding(f) for f in sorted(findings, key=priority)[:MAX_RESULTS]]
    actual = [key_of_result(r) for r in run["results"]]
    if actual != expected:
        first = next((i for i, (a, e) in enumerate(zip(actual, expected)) if a != e), min(len(actual), len(expected)))
        print("results differ from the %d most severe findings (%d results, %d expected) at %d: %r, expected %r"
              % (MAX_RESULTS, len(actual), len(expected), first,
                 actual[first] if first < len(actual) else None, expected[first] if first < len(expected) else None))
        return 1
    notifications = [n for i in run.get("invocations", []) for n in i.get("toolExecutionNotifications", [])]
    noted = [(n["associatedRule"]["id"], n["message"]["text"]) for n in notifications
             if n["descriptor"]["id"] == "rule-not-assessed" and n["level"] == "note"]
    if noted != notes:
        print("not-assessed notes %r, but the run's note notifications are %r" % (notes, noted))
        return 1
    notifications = [n for n in notifications if n["descriptor"]["id"] != "rule-not-assessed"]
    omitted = len(findings) - len(expected)
    if omitted == 0:
        if notifications:
            print("no finding was left out, yet the run has notifications: %r" % notifications)
            return 1
    elif len(notifications) != 1 or notifications[0]["properties"]["omitted"] != omitted or \
            ("%d of %d findings are left out" % (omitted, len(findings))) not in notifications[0]["message"]["text"]:
        print("%d findings left out, but the run's notifications say: %r" % (omitted, notifications))
        return 1
    print("%d findings, %d results, %d left out and counted" % (len(findings), len(actual), omitted))
    return 0


if __name__ == "__main__":
    sys.exit(main())
