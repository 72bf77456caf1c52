#!/usr/bin/env python3
"""Validates SARIF files against the SARIF 2.1.0 JSON schema: validate_sarif.py SCHEMA FILE...

Format checking is on: a `format` the schema uses that this jsonschema cannot check fails the run
rather than passing unchecked. `uri` and `uri-reference` need an optional module (rfc3987) that
most installs lack, so they are checked here against RFC 3986's grammar.

Exits 0 when every file is valid, 1 with the first errors of each invalid file, and 2 with a clear
message when the jsonschema module is missing (Debian python3-jsonschema), so a test fails rather
than passing without having validated anything.
"""
import json
import re
import sys

try:
    import jsonschema
except ImportError:
    print("validate_sarif: Python's jsonschema module is missing: install python3-jsonschema "
          "(bash scripts/setup.sh does)", file=sys.stderr)
    sys.exit(2)


# RFC 3986 characters: unreserved, reserved (gen-delims and sub-delims), and percent-encodings.
_URI_CHARS = r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})"
_ABSOLUTE_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:" + _URI_CHARS + r"*\Z")
_URI_REFERENCE = re.compile(_URI_CHARS + r"*\Z")


def format_checker(schema_text):
    checker = jsonschema.FormatChecker()
    if "uri" not in checker.checkers:
        checker.checks("uri")(lambda value: not isinstance(value, str) or bool(_ABSOLUTE_URI.match(value)))
    if "uri-reference" not in checker.checkers:
        checker.checks("uri-reference")(lambda value: not isinstance(value, str) or bool(_URI_REFERENCE.match(value)))
    used = set(re.findall(r'"format"\s*:\s*"([^"]+)"', schema_text))
    unchecked = used - set(checker.checkers)
    if unchecked:
        print("validate_sarif: cannot check the formats %s the schema uses" % sorted(unchecked), file=sys.stderr)
        sys.exit(2)
    return checker


def main():
    if len(sys.argv) < 3:
        print("usage: validate_sarif.py SCHEMA FILE...", file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        schema_text = f.read()
    # The SARIF schema is draft-04.
    validator = jsonschema.Draft4Validator(json.loads(schema_text), format_checker=format_checker(schema_text))
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
