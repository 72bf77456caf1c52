#!/usr/bin/env python3
"""The script a user would write instead of orgaudit, for bench/run.sh to time beside it.

A spans-and-layers review of an org export with networkx, doing the structure checks orgaudit's
classic profile does (spans of 4 to 15, single-report and pass-through managers, more than 7 layers
below the root, roots, cycles and unknown managers) on the same files: the generic CSV export
(csv module) or the org YAML (PyYAML, with its libyaml loader when built with it). It prints the
counts as one JSON object whose "findings" are named like orgaudit's (rule/key), so
bench/peer/agreement.py can check that both found the same. No locations, messages, grades, units or
scores: the least a user would need, so the comparison flatters the script rather than orgaudit.
Grade inversions and units (owners, unit cycles) are left out for the same reason.

usage: org_review.py EXPORT.csv|ORG.yaml
"""
import csv
import json
import sys
from collections import Counter

import networkx as nx

MIN_SPAN, MAX_SPAN, MAX_LAYERS, ERROR_LAYERS = 4, 15, 7, 9


def truthy(value):
    return value is True or str(value).strip().lower() in ("true", "yes", "1")


def read_csv(path):
    """(id, manager id, assistant, vacant) per row of a generic CSV export."""
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            yield row["id"], row["manager_id"], truthy(row["assistant"]), truthy(row["vacant"])


def read_yaml(path):
    """The same from an orgaudit org file's `people:` list."""
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as f:
        org = yaml.load(f, Loader=loader)
    for p in org.get("people") or []:
        yield (str(p["id"]), str(p.get("manager") or ""), truthy(p.get("assistant", False)),
               truthy(p.get("vacant", False)))


def build_graph(records):
    """The reporting lines as a DiGraph (manager -> report), and the manager ids that name nobody."""
    graph = nx.DiGraph()
    manager_of = {}
    for person, manager, assistant, vacant in records:
        graph.add_node(person, counted=not (assistant or vacant), vacant=vacant)
        manager_of[person] = manager
    unknown = 0
    for person, manager in manager_of.items():
        if not manager:
            continue
        if manager in graph:
            graph.add_edge(manager, person)
        else:
            unknown += 1
    return graph, unknown


def span_findings(graph):
    """One key per manager out of range, as structure-span-of-control gives them."""
    counted = nx.get_node_attributes(graph, "counted")
    vacant = nx.get_node_attributes(graph, "vacant")
    span = {m: sum(1 for r in graph.successors(m) if counted[r]) for m in graph if graph.out_degree(m)}
    keys = Counter({k: 0 for k in ("pass-through", "single-report", "too-narrow", "too-wide")})
    for manager, n in span.items():
        if vacant[manager]:
            continue  # nobody in post: no span to judge
        narrow, wide = n < MIN_SPAN, n > MAX_SPAN
        only = next((r for r in graph.successors(manager) if counted[r]), None) if n == 1 else None
        if only is not None and span.get(only, 0) > 0:
            keys["pass-through"] += 1
        elif only is not None and narrow:
            keys["single-report"] += 1
        elif narrow:
            keys["too-narrow"] += 1
        elif wide:
            keys["too-wide"] += 1
    return keys


def depth_findings(graph, roots):
    """Lines deeper than MAX_LAYERS: one per manager on the last allowed layer with people below."""
    layer = {}
    for depth, people in enumerate(nx.bfs_layers(graph, roots)):
        for p in people:
            layer[p] = depth
    heads = {}  # head -> deepest layer below them
    for p, depth in layer.items():
        if depth == MAX_LAYERS + 1:
            head = next(graph.predecessors(p))
            heads[head] = max(heads.get(head, 0), depth)
    # The deepest layer of each line: walk each deeper person up to their head.
    for p, depth in layer.items():
        if depth > MAX_LAYERS + 1:
            head = p
            for _ in range(depth - MAX_LAYERS):
                head = next(graph.predecessors(head))
            heads[head] = max(heads[head], depth)
    lines = {"structure-hierarchy-depth": len(heads),
             "structure-hierarchy-depth/error": sum(1 for d in heads.values() if d >= ERROR_LAYERS)}
    return lines, {"people-beyond": sum(1 for d in layer.values() if d > MAX_LAYERS),
                   "max-layer": max(layer.values(), default=0), "reached": len(layer)}


def main():
    path = sys.argv[1]
    graph, unknown = build_graph(read_yaml(path) if path.endswith((".yaml", ".yml")) else read_csv(path))
    roots = [p for p in graph if graph.in_degree(p) == 0]  # with no manager, or one that names nobody
    findings = {"structure-integrity/extra-root": max(0, len(roots) - unknown - 1),
                "structure-integrity/unknown-manager": unknown,
                "structure-integrity/reporting-cycle":
                    sum(1 for c in nx.strongly_connected_components(graph) if len(c) > 1),
                "structure-integrity/own-manager": nx.number_of_selfloops(graph)}
    findings.update(("structure-span-of-control/" + k, n) for k, n in span_findings(graph).items())
    lines, layers = depth_findings(graph, roots)
    findings.update(lines)
    print(json.dumps({"people": graph.number_of_nodes(), "findings": findings, **layers}, sort_keys=True))


if __name__ == "__main__":
    main()
