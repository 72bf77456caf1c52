"""Writes org-chart-as-code YAML (orgaudit: 1) from a generator's plain dicts, in the block style a
person would write: one `- id:` entry per unit, person and link.

Used by samples/transformation/generate.py.
"""

import textwrap

RESERVED = ("null", "true", "false", "yes", "no", "~", "on", "off")


def scalar(v):
    """A YAML scalar that reads back as the same value."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    s = str(v)
    plain = (s and s[0] not in "!&*-?:,[]{}#|>@`'\"%" and ": " not in s and " #" not in s
             and s.strip() == s and s.lower() not in RESERVED
             and not s.replace(".", "").replace("-", "").isdigit())
    return s if plain else '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow_list(values):
    return "[" + ", ".join(scalar(v) for v in values) + "]"


def comment(text, indent="  "):
    return textwrap.wrap(text, 100, initial_indent=indent + "# ", subsequent_indent=indent + "# ")


def unit_lines(u):
    L = comment(u["note"]) if u.get("note") else []
    L.append("  - id: " + u["id"])
    L.append("    name: " + scalar(u["name"]))
    L.append("    kind: " + u["kind"])
    for key in ("parent", "owner"):
        if u.get(key):
            L.append("    %s: %s" % (key, u[key]))
    if u.get("user_facing"):
        L.append("    user_facing: true")
    if u.get("members"):
        L.append("    members: " + flow_list(u["members"]))
    if u.get("rights") is not None:
        L.append("    rights:")
        for right in ("decision", "people", "pay"):
            if right in u["rights"]:
                L.append("      %s: %s" % (right, u["rights"][right]))
    for block in ("metrics", "win_win"):
        table = u.get(block)
        if table:
            L.append("    %s:" % block)
            L.append("      periods: " + flow_list(table["periods"]))
            for k, v in table.items():
                if k != "periods":
                    L.append("      %s: %s" % (k, flow_list(v)))
    c = u.get("contract")
    if c is not None:
        L.append("    contract:")
        if c.get("updated"):
            L.append("      updated: " + c["updated"])
        if c.get("objectives"):
            L.append("      objectives:")
            L += ["        - " + scalar(o) for o in c["objectives"]]
        if c.get("value_sharing"):
            L.append("      value_sharing: " + scalar(c["value_sharing"]))
        if c.get("loss_threshold") is not None:
            L.append("      loss_threshold: " + scalar(c["loss_threshold"]))
    if u.get("attributes"):
        L.append("    attributes:")
        L += ["      %s: %s" % (k, scalar(v)) for k, v in u["attributes"].items()]
    return L


PERSON_FLAGS = ("assistant", "contractor", "vacant", "user_facing", "external")


def person_lines(p):
    L = comment(p["note"]) if p.get("note") else []
    L.append("  - id: " + p["id"])
    for key in ("name", "title", "grade"):
        if p.get(key):
            L.append("    %s: %s" % (key, scalar(p[key])))
    if p.get("manager"):
        L.append("    manager: " + p["manager"])
    L.append("    unit: " + p["unit"])
    if p.get("fte", 1) != 1:
        L.append("    fte: " + scalar(p["fte"]))
    L += ["    %s: true" % flag for flag in PERSON_FLAGS if p.get(flag)]
    if p.get("location"):
        L.append("    attributes:")
        L.append("      location: " + scalar(p["location"]))
    return L


def link_lines(link):
    a, b, kind, weight = link
    return ["  - {from: %s, to: %s, kind: %s, weight: %s}" % (a, b, kind, scalar(weight))]


def org_yaml(header, name, as_of, units, people, links):
    """The whole file: the header comment lines, then the org."""
    L = list(header) + ["orgaudit: 1", "org:", "  name: " + scalar(name), "  as_of: " + as_of, "", "units:"]
    for u in units:
        L += unit_lines(u)
    L += ["", "people:"]
    for p in people:
        L += person_lines(p)
    L += ["", "links:"]
    for link in links:
        L += link_lines(link)
    return "\n".join(L) + "\n"
