#!/usr/bin/env python3
"""Breaking a reporting line never raises the org score.

For every sample, each `manager:` line in turn is pointed at an id that matches no one (the person
and everyone below them are cut off from the top), the org is audited again, and the org score
must not be higher than the intact org's. The issue this guards against: people cut off by a
broken line dropped out of the depth rule, so breaking lines raised the score.

Every line of every sample is broken (about 1,200 audits, some 25 s of CPU: most of each audit is
start-up), on as many workers as there are cores. --step N breaks every N-th line instead, for a
quick look while editing.

usage: broken_lines.py ORGAUDIT SAMPLE.yaml... [--step N]
"""
import concurrent.futures
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
        raise RuntimeError(f"{path}: orgaudit exited {run.returncode}: {run.stderr}")
    return json.loads(run.stdout)["scores"]["org"]


def broken_score(orgaudit, lines, i, scratch):
    """The org score with line i's manager replaced by one that matches no one."""
    broken = list(lines)
    broken[i] = re.sub(r"manager:\s*\S+", "manager: NO-SUCH-MANAGER", broken[i])
    # The profile is chosen by what the org declares, which breaking a line does not change; each
    # copy has a directory of its own and keeps the sample's name so messages stay readable.
    directory = os.path.join(scratch, str(i))
    os.mkdir(directory)
    path = os.path.join(directory, "org.yaml")
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(broken))
    return org_score(orgaudit, path)


def main():
    args = sys.argv[1:]
    step = 1
    if "--step" in args:
        i = args.index("--step")
        step = int(args[i + 1])
        del args[i:i + 2]
    orgaudit, samples = args[0], args[1:]
    try:
        failures, tried = try_every_line(orgaudit, samples, step)
    except RuntimeError as error:  # orgaudit could not audit a copy: say which, without a traceback
        sys.exit(str(error))
    for failure in failures:
        print(failure)
    print(f"{tried} broken lines tried, {len(failures)} raised the org score")
    return 1 if failures or tried == 0 else 0


def try_every_line(orgaudit, samples, step):
    """(the lines whose breaking raised the score, how many lines were broken)"""
    failures, tried = [], 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for sample in samples:
            lines = open(sample, encoding="utf-8").read().split("\n")
            intact = org_score(orgaudit, sample)
            manager_lines = [i for i, line in enumerate(lines) if re.match(r"\s+manager:\s*\S", line)]
            if not manager_lines:
                sys.exit(f"{sample}: no manager lines to break")
            with tempfile.TemporaryDirectory() as scratch:
                tried_here = manager_lines[::step]
                scores = pool.map(lambda i: broken_score(orgaudit, lines, i, scratch), tried_here)
                for i, score in zip(tried_here, scores):
                    tried += 1
                    if score > intact + 1e-9:
                        failures.append(f"{sample}:{i + 1}: breaking this line raises the org score "
                                        f"{intact:.3f} -> {score:.3f}")
    return failures, tried


if __name__ == "__main__":
    sys.exit(main())
