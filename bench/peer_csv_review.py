#!/usr/bin/env python3
"""The script an analyst would write instead of orgaudit, for bench/run.sh to time beside it.

Reads a generic HR CSV export (id, manager_id, ...) with the csv module and computes the classic
spans-and-layers review: each manager's direct reports, each person's layer below the root, and how
many managers fall outside a span of 4 to 15 and how many people sit more than 7 layers down. No
findings file, no locations, no scores: the least a user would need, so the comparison flatters the
script rather than orgaudit.

usage: peer_csv_review.py EXPORT.csv
"""
import csv
import json
import sys
from collections import defaultdict, deque

MIN_SPAN, MAX_SPAN, MAX_LAYERS = 4, 15, 7

with open(sys.argv[1], newline="", encoding="utf-8") as f:
    reader = csv.DictReader(f)
    manager_of = {row["id"]: row["manager_id"] for row in reader}

reports = defaultdict(list)
roots = []
for person, manager in manager_of.items():
    if manager and manager in manager_of:
        reports[manager].append(person)
    else:
        roots.append(person)

layer = {root: 0 for root in roots}
queue = deque(roots)
while queue:
    person = queue.popleft()
    for report in reports.get(person, ()):
        layer[report] = layer[person] + 1
        queue.append(report)

print(json.dumps({
    "people": len(manager_of),
    "managers": len(reports),
    "span_out_of_range": sum(1 for r in reports.values() if not MIN_SPAN <= len(r) <= MAX_SPAN),
    "too_deep": sum(1 for d in layer.values() if d > MAX_LAYERS),
    "max_layer": max(layer.values(), default=0),
}))
