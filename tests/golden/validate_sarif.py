#!/usr/bin/env python3
"""Validates SARIF files against the SARIF 2.1.0 JSON schema: validate_sarif.py SCHEMA FILE...

Exits 0 when every file is valid, 1 with the first errors of each invalid file, and 2 with a clear
message when the jsonschema module is missing (Debian python3-jsonschema), so a test fails rather
than passing without having validated anything.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("validate_sarif: Python's jsonschema module is missing: install python3-jsonschema "
          "(bash scripts/setup.sh does)", file=sys.stderr)
    sys.exit(2)


def main():
    if len(sys.argv) < 3:
        print("usage: validate_sarif.py SCHEMA FILE...", file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema)  # the SARIF schema is draft-04
    status = 0
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        if errors:
            status = 1
            print("%s: %d schema errors" % (path, len(errors)), file=sys.stderr)
            for error in errors[:10]:
                where = "/".join(str(p) for p in error.absolute_path)
                print("  at /%s: %s" % (where, error.message[:300]), file=sys.stderr)
        else:
            print("%s: valid SARIF 2.1.0 (%d results)" % (path, len(document["runs"][0]["results"])))
    return status


if __name__ == "__main__":
    sys.exit(main())
