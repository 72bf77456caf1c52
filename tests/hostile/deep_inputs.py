#!/usr/bin/env python3
"""Hostile inputs of size and depth, generated at test time (too large to commit).

    deep_inputs.py DIR [N [FILE...]]   writes the files below (or only those named) into DIR
                                       (N: the chain length, default 100000)

chain.csv / chain.xml / chain.yaml   one reporting chain N people deep (each reports to the one before)
units.yaml                           a unit tree N units deep, one person in the deepest
cycle.csv / cycle.yaml               N people reporting in one cycle (the last to the first)
breaks.csv                           64 MB of nothing but line breaks
field.csv / field.yaml               one 50 MB field
columns.csv                          10,000 columns
empty.csv, bom.csv, blank.csv, empty.yaml, bom.yaml, blank.yaml   empty, BOM-only, whitespace-only

Each must be read in seconds with exit 0, 1 or 2 (tests/hostile/deep_inputs_test.cc): a tool must
survive data errors of any depth without recursion on depth or work that grows with its square.
"""
import os
import sys


def write(directory, name, text, mode="w"):
    with open(os.path.join(directory, name), mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        f.write(text)


def chain_csv(n, cycle=False):
    rows = ["id,name,manager_id"]
    for i in range(n):
        manager = "P%d" % (i - 1) if i > 0 else ("P%d" % (n - 1) if cycle else "")
        rows.append("P%d,Person %d,%s" % (i, i, manager))
    return "\n".join(rows) + "\n"


def chain_yaml(n, cycle=False):
    lines = ["orgaudit: 1", "org: {name: Deep}", "people:"]
    for i in range(n):
        manager = "P%d" % (i - 1) if i > 0 else ("P%d" % (n - 1) if cycle else None)
        lines.append("  - {id: P%d, name: Person %d%s}" % (i, i, ", manager: %s" % manager if manager else ""))
    return "\n".join(lines) + "\n"


def chain_xml(n):
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<OrganizationChart>", "<OrganizationUnit>",
             "<OrganizationUnitID>U</OrganizationUnitID>"]
    for i in range(n):
        reports = "<ReportsToPosition><PositionID>S%d</PositionID></ReportsToPosition>" % (i - 1) if i else ""
        parts.append("<MemberPosition><PositionID>S%d</PositionID><PositionIncumbent><PersonID>P%d</PersonID>"
                     "</PositionIncumbent>%s</MemberPosition>" % (i, i, reports))
    parts += ["</OrganizationUnit>", "</OrganizationChart>"]
    return "\n".join(parts) + "\n"


def unit_tree_yaml(n):
    lines = ["orgaudit: 1", "org: {name: Deep units}", "units:"]
    for i in range(n):
        lines.append("  - {id: U%d, name: Unit %d, kind: department%s}" % (i, i, ", parent: U%d" % (i - 1) if i else ""))
    lines += ["people:", "  - {id: P0, name: Only, unit: U%d}" % (n - 1)]
    return "\n".join(lines) + "\n"


def files(n):
    """Each file's name and a function making its content (text, or bytes)."""
    big = lambda: "x" * (50 << 20)  # noqa: E731
    made = {
        "chain.csv": lambda: chain_csv(n),
        "chain.yaml": lambda: chain_yaml(n),
        "chain.xml": lambda: chain_xml(n),
        "units.yaml": lambda: unit_tree_yaml(n),
        "cycle.csv": lambda: chain_csv(n, cycle=True),
        "cycle.yaml": lambda: chain_yaml(n, cycle=True),
        "breaks.csv": lambda: b"\n" * (64 << 20),
        "field.csv": lambda: "id,name,manager_id\nP1,%s,\n" % big(),
        "field.yaml": lambda: "orgaudit: 1\npeople:\n  - {id: P1, name: %s}\n" % big(),
        "columns.csv": lambda: ",".join(["id", "name", "manager_id"] + ["c%d" % i for i in range(9997)]) + "\n" +
                               ",".join(["P1", "One", ""] + ["v"] * 9997) + "\n",
    }
    for ext in ("csv", "yaml"):
        made["empty." + ext] = lambda: b""
        made["bom." + ext] = lambda: b"\xef\xbb\xbf"
        made["blank." + ext] = lambda: " \n\t\n  \r\n"
    return made


def main():
    directory = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    os.makedirs(directory, exist_ok=True)
    made = files(n)
    for name in sys.argv[3:] or sorted(made):
        content = made[name]()
        write(directory, name, content, "wb" if isinstance(content, bytes) else "w")


if __name__ == "__main__":
    main()
