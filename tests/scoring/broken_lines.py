#!/usr/bin/env python3
"""Breaking a reporting line never raises the org score.

For every sample, every STEP-th `manager:` line is pointed at an id that matches no one (the person
and everyone below them are cut off from the top), the org is audited again, and the org score
must not be higher than the intact org's. The issue this guards against: people cut off by a
broken line dropped out of the depth rule, so breaking lines raised the score.

usage: broken_lines.py ORGAUDIT SAMPLE.yaml... [--step N]
"""
import json
import os
import re
import subprocess
import sys
import tempfile


def org_score(orgaudit, path):
    run = subprocess.run([orgaudit, "check", path, "--format", "json", "--fail-on", "never"],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"{path}: orgaudit exited {run.returncode}: {run.stderr}")
    return json.loads(run.stdout)["scores"]["org"]


def main():
    args = sys.argv[1:]
    step = 1
    if "--step" in args:
        i = args.index("--step")
        step = int(args[i + 1])
        del args[i:i + 2]
    orgaudit, samples = args[0], args[1:]
    failures, tried = [], 0
    with tempfile.TemporaryDirectory() as scratch:
        for sample in samples:
            lines = open(sample, encoding="utf-8").read().split("\n")
            intact = org_score(orgaudit, sample)
            manager_lines = [i for i, line in enumerate(lines) if re.match(r"\s+manager:\s*\S", line)]
            if not manager_lines:
                sys.exit(f"{sample}: no manager lines to break")
            # The profile is chosen by what the org declares, which breaking a line does not change;
            # the broken copy keeps the sample's name so messages stay readable.
            broken_path = os.path.join(scratch, os.path.basename(sample))
            for i in manager_lines[::step]:
                broken = list(lines)
                broken[i] = re.sub(r"manager:\s*\S+", "manager: NO-SUCH-MANAGER", broken[i])
                with open(broken_path, "w", encoding="utf-8") as out:
                    out.write("\n".join(broken))
                score = org_score(orgaudit, broken_path)
                tried += 1
                if score > intact + 1e-9:
                    failures.append(f"{sample}:{i + 1}: breaking this line raises the org score {intact:.3f} -> {score:.3f}")
    for failure in failures:
        print(failure)
    print(f"{tried} broken lines tried, {len(failures)} raised the org score")
    return 1 if failures or tried == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
