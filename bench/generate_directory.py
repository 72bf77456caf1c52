#!/usr/bin/env python3
"""Writes the synthetic org of bench/generate_org.py as identity-directory exports, for the import
benchmarks (bench/run.sh with FORMATS="json ldif"):

    python3 bench/generate_directory.py 1000000      # -> bench/out/org-1000000.{json,ldif}

  - org-N.json: a SCIM 2.0 ListResponse of User resources (core and enterprise attributes, the
    manager as enterprise manager.value, the unit as department), one resource per line;
  - org-N.ldif: the same people as LDIF entries as ldifde writes them (DNs under OU=People, the
    manager as a DN, a base64 displayName, userAccountControl 512).

The people come from bench/out/org-N.yaml (generated first when missing) through
bench/generate_exports.py's reader, so these hold exactly the org the other benchmarks measure.
"""

import base64
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate_exports import generated_org  # noqa: E402

ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"


def write_scim(people, path):
    with open(path, "w", encoding="utf-8", buffering=1 << 22) as f:
        f.write('{"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": %d, '
                '"Resources": [\n' % len(people))
        for i, p in enumerate(people):
            user = {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE], "id": p["id"],
                    "userName": p["id"] + "@example.com", "displayName": p.get("name", ""), "title": p.get("title", ""),
                    "active": True, "emails": [{"value": p["id"] + "@example.com", "primary": True}],
                    ENTERPRISE: {"employeeNumber": p["id"], "department": p.get("unit", "")}}
            if p.get("manager"):
                user[ENTERPRISE]["manager"] = {"value": p["manager"]}
            f.write(("," if i else "") + json.dumps(user, ensure_ascii=False) + "\n")
        f.write("]}\n")


def dn(person_id):
    return "CN=%s,OU=People,DC=example,DC=com" % person_id


def write_ldif(people, path):
    with open(path, "w", encoding="utf-8", buffering=1 << 22) as f:
        f.write("version: 1\n\n")
        for p in people:
            name = base64.b64encode(p.get("name", "").encode("utf-8")).decode("ascii")
            f.write("dn: %s\nobjectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\nobjectClass: user\n"
                    "cn: %s\ndisplayName:: %s\ntitle: %s\ndepartment: %s\nemployeeID: %s\nmail: %s@example.com\n"
                    "userAccountControl: 512\n" % (dn(p["id"]), p["id"], name, p.get("title", ""), p.get("unit", ""),
                                                  p["id"], p["id"]))
            if p.get("manager"):
                f.write("manager: %s\n" % dn(p["manager"]))
            f.write("\n")


def main():
    count, out, _, people = generated_org(__doc__.split("\n")[0])
    for name, write in (("org-%d.json", write_scim), ("org-%d.ldif", write_ldif)):
        path = os.path.join(out, name % count)
        write(people, path + ".tmp")
        os.replace(path + ".tmp", path)
    print("%s: %d people as SCIM JSON and LDIF" % (out, len(people)), file=sys.stderr)


if __name__ == "__main__":
    main()
