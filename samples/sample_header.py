"""The two computed blocks of a sample's header comment, shared by samples/*/generate.py.

"Planted on purpose": what the generator put in the data on purpose, one line per problem, which
plugins/rendanheyi/samples_test.cc checks against the real rules (the format is in samples/README.md).
The generator writes these down from its own variables; nothing here restates a rule.

"Finding counts": what orgaudit itself finds on the file, per profile and rule, from
`orgaudit check --format json`. The same test fails when the rules no longer give these counts, so a
rule change that moves them means regenerating the sample.
"""

import json
import os
import subprocess
import sys
import tempfile
import textwrap

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_ORGAUDIT = os.path.join(REPO, "build", "bin", "orgaudit")


class Planted:
    def __init__(self):
        self.lines = []

    def finding(self, profiles, rule, key, entity, number, severity, why):
        """A finding the rules must report under each of `profiles` (comma-separated): `key` "-"
        for a rule without keys, `number` one the message must give ("-" for none)."""
        self.lines.append(("%s %s %s %s %s %s" % (profiles, rule, key, entity, number, severity), why))

    def only(self, profiles, why):
        """Under these profiles the planted findings are all there is (not-assessed notes aside)."""
        self.lines.append(("only " + profiles, why))

    def none(self, profiles, rule, why):
        self.lines.append(("none %s %s" % (profiles, rule), why))

    def header(self):
        L = ["# Planted on purpose (plugins/rendanheyi/samples_test.cc checks each line against the rules:",
             "# profiles, rule, key, entity, a number its message gives, severity; - for none):"]
        for fields, why in self.lines:
            L += textwrap.wrap(why, 100, initial_indent="#   %s: " % fields,  # the fields on one line
                               subsequent_indent="#       ", break_on_hyphens=False)
        return L + ["#"]


def audit(body, profiles, orgaudit=None):
    """Runs orgaudit on the org text `body` under each profile: {profile: its JSON report}."""
    orgaudit = orgaudit or os.environ.get("ORGAUDIT", DEFAULT_ORGAUDIT)
    if not os.access(orgaudit, os.X_OK):
        sys.exit("%s: not found; build orgaudit first (bash scripts/build.sh) or set ORGAUDIT" % orgaudit)
    reports = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "org.yaml")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(body)
        for profile in profiles:
            run = subprocess.run([orgaudit, "check", "--no-config", "--profile", profile, "--format", "json",
                                  "--fail-on", "never", path], capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit("orgaudit check --profile %s failed:\n%s" % (profile, run.stderr))
            reports[profile] = json.loads(run.stdout)
    return reports


def summary(report):
    """orgaudit's own summary: "N findings (E errors, W warnings, I info, K rules not assessed)"."""
    s = report["summary"]
    plural = lambda n, word: "%d %s%s" % (n, word, "" if n == 1 else "s")
    text = "%s (%s, %s, %d info" % (plural(len(report["findings"]), "finding"), plural(s["errors"], "error"),
                                   plural(s["warnings"], "warning"), s["infos"])
    if s["not_assessed"]:
        text += ", %s not assessed" % plural(s["not_assessed"], "rule")
    return text + ")"


def counts(reports):
    """The "Finding counts" block: one "#   PROFILE: rule=N ..." line per profile."""
    L = ["# Finding counts per rule and profile, from `orgaudit check --format json` on this file",
         "# (plugins/rendanheyi/samples_test.cc fails when the rules no longer give them):"]
    for profile, report in reports.items():
        n = {}
        for f in report["findings"]:
            n[f["rule"]] = n.get(f["rule"], 0) + 1
        L.append("#   %s: %s" % (profile, " ".join("%s=%d" % (r, n[r]) for r in sorted(n))))
    return L + ["#"]
