#!/usr/bin/env python3
"""Writes the synthetic org of bench/generate_org.py as HR exports, for the import benchmarks:

    python3 bench/generate_exports.py 1000000        # -> bench/out/org-1000000.{csv,xml}, units-1000000.yaml

  - org-N.csv: the people as a generic-preset CSV export (id, manager_id, name, title, grade, unit,
    fte, assistant, vacant, contractor, location), RFC 4180 quoting where a value needs it;
  - org-N.xml: the same org as an HR-XML 3.0 OrganizationChart (units with their positions nested,
    ReportsToPosition lines, FullTimeEquivalentRatio), read by the hr-xml preset;
  - units-N.yaml: the units alone (ids, names, parents, owners), to merge with the CSV.

The people and units are read back from bench/out/org-N.yaml (generated first when missing), so the
exports hold exactly the org the YAML benchmark measures. Deterministic, like the YAML.
"""

import argparse
import csv
import os
import subprocess
import sys
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))


def read_org(path):
    """The block-style YAML generate_org.py writes: sections of `- id:` items, one key per line."""
    units, people, section, current = [], [], None, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("units:"):
                section = units
            elif line.startswith("people:"):
                section = people
            elif line.startswith("  - id: ") and section is not None:
                current = {"id": line[8:].strip()}
                section.append(current)
            elif line.startswith("    ") and not line.startswith("      ") and current is not None:
                key, _, value = line.strip().partition(": ")
                current[key.rstrip(":")] = value
            elif line.startswith("      location: ") and current is not None:
                current["location"] = line[16:].strip()
    return units, people


def write_csv(people, path):
    columns = ["id", "manager_id", "name", "title", "grade", "unit", "fte", "assistant", "vacant", "contractor", "location"]
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(columns)
        for p in people:
            out.writerow([p["id"], p.get("manager", ""), p.get("name", ""), p.get("title", ""), p.get("grade", ""),
                          p.get("unit", ""), p.get("fte", ""), p.get("assistant", ""), p.get("vacant", ""),
                          p.get("contractor", ""), p.get("location", "")])


def write_units(units, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write("orgaudit: 1\nunits:\n")
        for u in units:
            f.write("  - id: %s\n    name: %s\n    kind: department\n" % (u["id"], u["name"]))
            if "parent" in u:
                f.write("    parent: %s\n" % u["parent"])
            if "owner" in u:
                f.write("    owner: %s\n" % u["owner"])


def write_xml(units, people, path):
    members = {}
    for p in people:
        members.setdefault(p.get("unit", ""), []).append(p)
    with open(path, "w", encoding="utf-8", buffering=1 << 22) as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<OrganizationChart>\n')
        buf = []
        for u in units:
            buf.append("  <OrganizationUnit>\n    <OrganizationUnitID>%s</OrganizationUnitID>\n"
                       "    <OrganizationUnitName>%s</OrganizationUnitName>\n" % (u["id"], escape(u["name"])))
            if "parent" in u:
                buf.append("    <ParentOrganizationUnit><OrganizationUnitID>%s</OrganizationUnitID></ParentOrganizationUnit>\n"
                           % u["parent"])
            for p in members.get(u["id"], []):
                buf.append("    <MemberPosition>\n      <PositionID>%s</PositionID>\n      <PositionTitle>%s</PositionTitle>\n"
                           "      <PositionGrade>%s</PositionGrade>\n" % (p["id"], escape(p.get("title", "")), p.get("grade", "")))
                if p.get("vacant") != "true":
                    buf.append("      <PositionIncumbent><PersonName><FormattedName>%s</FormattedName></PersonName></PositionIncumbent>\n"
                               % escape(p.get("name", "")))
                if "manager" in p:
                    buf.append("      <ReportsToPosition><PositionID>%s</PositionID></ReportsToPosition>\n" % p["manager"])
                if "fte" in p:
                    buf.append("      <IndicativeDeployment><FullTimeEquivalentRatio>%s</FullTimeEquivalentRatio></IndicativeDeployment>\n"
                               % p["fte"])
                buf.append("    </MemberPosition>\n")
            buf.append("  </OrganizationUnit>\n")
            if len(buf) > 20000:
                f.write("".join(buf))
                buf.clear()
        f.write("".join(buf))
        f.write("</OrganizationChart>\n")


def generated_org(description):
    """Parses the command line (a number of people) and reads bench/out/org-N.yaml back, generating
    it first when missing: (N, the output folder, units, people). Each export writer starts here."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("people", type=int)
    args = ap.parse_args()
    out = os.path.join(HERE, "out")
    os.makedirs(out, exist_ok=True)
    yaml_path = os.path.join(out, "org-%d.yaml" % args.people)
    if not os.path.exists(yaml_path):
        subprocess.run([sys.executable, os.path.join(HERE, "generate_org.py"), str(args.people), "-o", yaml_path], check=True)
    units, people = read_org(yaml_path)
    return args.people, out, units, people


def main():
    count, out, units, people = generated_org(__doc__.split("\n")[0])
    # People whose unit is not one of the org's units (the generator gives everyone one) would be
    # lost in the XML, which nests positions in units.
    assert all(p.get("unit") for p in people), "a person without a unit"
    for name, write in (("org-%d.csv", lambda p: write_csv(people, p)), ("units-%d.yaml", lambda p: write_units(units, p)),
                        ("org-%d.xml", lambda p: write_xml(units, people, p))):
        path = os.path.join(out, name % count)
        write(path + ".tmp")
        os.replace(path + ".tmp", path)
    print("%s: %d people, %d units as CSV, XML and units YAML" % (out, len(people), len(units)), file=sys.stderr)


if __name__ == "__main__":
    main()
