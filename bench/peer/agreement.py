#!/usr/bin/env python3
"""Checks that the peer script and orgaudit found the same problems in one file, so that the
benchmark compares two programs doing the same job. Reads the peer's JSON (bench/peer/org_review.py)
on stdin and orgaudit's JSON report from the first argument; prints one line, and exits 1 when any
count the peer reports differs from orgaudit's.

usage: org_review.py FILE | agreement.py REPORT.json FILE
"""
import json
import sys
from collections import Counter


def orgaudit_counts(report):
    """Findings per rule/key (the rule alone when it has no key), and per rule/error for depth lines."""
    counts = Counter()
    for finding in report["findings"]:
        name = finding["rule"] + ("/" + finding["key"] if finding.get("key") else "")
        counts[name] += 1
        if finding["rule"] == "structure-hierarchy-depth" and finding["severity"] == "error":
            counts[finding["rule"] + "/error"] += 1
    return counts


def main():
    peer = json.load(sys.stdin)["findings"]
    with open(sys.argv[1], encoding="utf-8") as f:
        ours = orgaudit_counts(json.load(f))
    differ = {name: (n, ours[name]) for name, n in peer.items() if ours[name] != n}
    label = sys.argv[2] if len(sys.argv) > 2 else sys.argv[1]
    if differ:
        print("bench: the peer and orgaudit disagree on %s (name: peer, orgaudit): %s" % (label, differ), file=sys.stderr)
        sys.exit(1)
    print("agreement on %s: %s" % (label, ", ".join("%s %d" % (k, v) for k, v in sorted(peer.items()) if v)))


if __name__ == "__main__":
    main()
