#!/usr/bin/env python3
"""Writes a synthetic org of N people as orgaudit YAML v1, for benchmarks.

    python3 bench/generate_org.py 100000                  # -> bench/out/org-100000.yaml
    python3 bench/generate_org.py 1000000 -o /tmp/big.yaml --seed 7

Deterministic: the same N and seed give the same bytes. The shape aims at a real large employer:

  - spans: mostly 4-10, some narrow (1-3) and some wide (11-14, 15-25); assistants of the top three
    layers and vacant posts are in the tree and excluded from spans by the rules;
  - depth: the regular tree is 6 layers (root + 5) for ~10k people, 7 for ~100k, 8 for ~1M; three
    planted pockets of extra layers (chains of single-report managers) reach depth 8 and 9;
  - units: one per manager (their team), nested like the reporting lines, the top ones named after
    departments; every person belongs to their manager's team unit (managers to their own);
  - grades SCS4..AA, one step down per layer (two for some individual contributors);
  - a few planted problems besides the pockets: grade inversions (1 in ~20,000 people), one
    dangling manager reference, one unit without an owner; contractors (~3%), part-timers (~4%).

Block style throughout, as a real file would be; written in large buffered chunks (1M people take
a few seconds).
"""

import argparse
import os
import random
import sys
import time
from array import array

GRADES = ["SCS4", "SCS3", "SCS2", "SCS1", "G6", "G7", "SEO", "HEO", "EO", "AO", "AA"]
DEPARTMENTS = ["Sales", "Marketing", "Research and Development", "Manufacturing", "Finance",
               "Human Resources", "Information Technology", "Legal", "Procurement",
               "Customer Service", "Logistics", "Quality"]
MANAGER_TITLES = ["Chief Executive", "Director", "Head of Division", "Senior Manager", "Manager",
                  "Team Leader", "Supervisor", "Section Lead", "Lead", "Lead", "Lead"]
IC_TITLES = ["Analyst", "Engineer", "Officer", "Associate", "Specialist", "Adviser", "Technician",
             "Coordinator", "Operator", "Consultant", "Administrator", "Designer"]
FIRST = """Aisha Akira Alejandro Amara Ana Anders Aoife Arjun Astrid Ayumi Bartosz Beatriz Bilal Bongani
Carlos Catalina Chen Chiamaka Chloe Daniel Darius Dmitri Elena Emeka Emma Erik Fatima Felipe Femi
Fiona Gabriel Grace Hamza Hana Hannah Hiroshi Ibrahim Ines Ingrid Isaac Ivan Jamal James Javier Jia Jin
Joanna Jonas Jorge Julia Kamal Karin Kavya Kenji Khadija Kofi Lars Layla Leila Liam Lucia Luis Mai
Malik Marco Maria Mateo Mei Mia Miguel Ming Mohammed Nadia Naledi Nikhil Nina Noah Nour Olga Omar
Oskar Pablo Priya Rahul Rania Ravi Rosa Ruth Sakura Samuel Sara Sergei Shreya Sipho Sofia Sunil Tariq
Thabo Tomasz Valentina Vikram Wei Xin Yara Yusuf Zainab Zanele Zoë Björn Siân""".split()
LAST = """Abbasi Adeyemi Agarwal Alvarez Andersen Bajwa Banerjee Bauer Becker Bianchi Boateng Brown
Castro Chen Chowdhury Costa Dlamini Dubois Edwards Eze Fernandes Fischer Fitzgerald Garcia Gomez
Gonzalez Gupta Haddad Hansen Hashemi Hoffmann Hussain Ibrahim Ito Ivanova Jensen Johansson Jones Kaur
Khan Kim Kowalski Kumar Larsen Lee Lin Liu Lopez Mahlangu Martin Mendes Mensah Moreau Mueller Murphy
Nakamura Nguyen Novak Nowak Okafor Okonkwo Olsen Osei Park Patel Pereira Petrov Qureshi Rahman Reyes
Rossi Santos Sato Schmidt Shah Silva Singh Smith Sokolov Suzuki Tanaka Taylor Usman Vasquez Volkov
Wang Williams Wu Yamamoto Yang Yilmaz Zhang Zhao Zhou O'Brien O'Connor Núñez Søndergaard""".split()
LOCATIONS = ["London", "Leeds", "Manchester", "Glasgow", "Cardiff", "Belfast", "Bristol", "Qingdao",
             "Shanghai", "Louisville", "Warsaw", "Bangalore"]

# Span distribution: (weight %, low, high).
SPAN_BANDS = [(4, 1, 1), (8, 2, 3), (76, 4, 10), (5, 11, 14), (7, 15, 25)]


def span_table():
    table = []
    for weight, lo, hi in SPAN_BANDS:
        for i in range(weight * 10):
            table.append(lo + i % (hi - lo + 1))
    return table


def regular_depth(n):
    """Depth below the root of the regular tree's bottom layer."""
    if n <= 30_000:
        return 5
    if n <= 300_000:
        return 6
    return 7


def solve_q(target, frontier, levels_left, mean_span):
    """Probability that a report is itself a manager, so that `frontier` managers grow into about
    `target` more people over the next `levels_left` layers. Re-solved at every layer, so the
    randomness of the top layers does not compound."""
    def size(q):
        managers, total = float(frontier), 0.0
        for k in range(1, levels_left + 1):
            people = managers * mean_span
            total += people
            managers = people * q if k < levels_left else 0.0
        return total
    lo, hi = 0.0, 1.0
    for _ in range(60):
        mid = (lo + hi) / 2
        if size(mid) < target:
            lo = mid
        else:
            hi = mid
    return min(hi, 0.97)


def build(n, seed):
    rng = random.Random(seed * 1_000_003 + n)
    spans = span_table()
    mean_span = sum(spans) / len(spans)
    depth = regular_depth(n)

    manager = array("l", [-1])   # manager index, -1 for the root
    level = bytearray([0])
    flags = bytearray([0])       # 1 assistant, 2 vacant, 4 contractor, 8 part-time
    reports = array("l", [0])    # direct reports (all kinds)
    is_mgr = bytearray([1])

    def add(m, lvl, f=0, mgr=0):
        manager.append(m)
        level.append(lvl)
        flags.append(f)
        reports.append(0)
        is_mgr.append(mgr)
        reports[m] += 1
        return len(manager) - 1

    frontier = [0]
    lvl = 0
    rnd = rng.random
    while frontier and len(manager) < n:
        nxt = []
        child_level = lvl + 1
        can_manage = child_level < depth
        # aim a little high, then stop at exactly n
        q = solve_q(n * 1.10 - len(manager), len(frontier), depth - lvl, mean_span)
        for m in frontier:
            if len(manager) >= n:
                break
            if lvl <= 2:  # the top layers have an assistant each
                add(m, child_level, 1)
            if lvl == 0:
                s = 12
            elif lvl <= 2:  # executives run wider teams of managers
                s = 6 + int(rnd() * 7)
            else:
                s = spans[int(rnd() * len(spans))]
            for _ in range(s):
                if len(manager) >= n:
                    break
                if can_manage and rnd() < q:
                    nxt.append(add(m, child_level, 0, 1))
                else:
                    r = rnd()
                    f = 2 if r < 0.015 else 4 if r < 0.045 else 8 if r < 0.085 else 0
                    add(m, child_level, f)
        frontier = nxt
        lvl += 1

    # Short of n (bad luck on a small n): widen the bottom managers' teams a little.
    bottom = [i for i in range(len(manager)) if is_mgr[i] and level[i] == depth - 1] or [0]
    k = 0
    while len(manager) < n:
        m = bottom[k % len(bottom)]
        add(m, level[m] + 1)
        k += 1

    # Managers without reports (cut off at n) are individual contributors after all.
    for i in range(len(manager)):
        if is_mgr[i] and reports[i] == 0:
            is_mgr[i] = 0

    # Planted: three pockets of single-report managers, each below a bottom-layer manager,
    # reaching depth 8 and 9 below the root. They replace the last people so the total stays n.
    planted = {"pockets": []}
    bottoms = [i for i in range(len(manager)) if is_mgr[i] and level[i] == depth - 1]
    pocket_people = 0
    pockets = []
    for p in range(3):
        target = 8 + (p % 2)  # deepest person at depth 8 or 9
        chain = target - depth  # single-report managers, then a team of 4
        pockets.append((bottoms[(p * 7919) % len(bottoms)], chain))
        pocket_people += chain + 4
    # Free room: drop the last pocket_people individual contributors (leaves, added last).
    cut = len(manager) - pocket_people
    for i in range(cut, len(manager)):
        assert not is_mgr[i] or reports[i] == 0
        reports[manager[i]] -= 1
    del manager[cut:], level[cut:], flags[cut:], reports[cut:], is_mgr[cut:]
    for i in range(len(manager)):
        if is_mgr[i] and reports[i] == 0:
            is_mgr[i] = 0
    for start, chain in pockets:
        m = start
        is_mgr[m] = 1
        for _ in range(chain):
            m = add(m, level[m] + 1, 0, 1)
        for _ in range(4):
            add(m, level[m] + 1)
        planted["pockets"].append(start)

    assert len(manager) == n, (len(manager), n)
    return manager, level, flags, is_mgr, reports, rng, planted


def write(n, seed, path):
    t0 = time.time()
    manager, level, flags, is_mgr, reports, rng, planted = build(n, seed)
    t1 = time.time()
    count = len(manager)
    rnd = rng.random

    # Units: one per manager; department = the level-1 ancestor's index among the root's reports.
    unit_of_mgr = {}
    dept = array("l", [0]) * count
    unit_ids = []
    top_rank = 0
    for i in range(count):
        m = manager[i]
        if level[i] == 1 and not flags[i] & 1:
            dept[i] = top_rank
            top_rank += 1
        elif i:
            dept[i] = dept[m]
        if is_mgr[i]:
            unit_of_mgr[i] = len(unit_ids)
            unit_ids.append(i)
    no_owner_unit = unit_ids[len(unit_ids) // 2] if len(unit_ids) > 2 else None

    # Planted person-level problems, chosen deterministically.
    inversions = set(range(1234, count, 20011))
    dangling = count // 3 if count > 3 else None
    grade = bytearray(count)
    for i in range(count):
        if i == 0:
            grade[i] = 0
        elif is_mgr[i]:
            grade[i] = min(level[i], 9)
        else:
            grade[i] = min(grade[manager[i]] + (1 if rnd() < 0.5 else 2), 10)
        if i in inversions and i:
            grade[i] = grade[manager[i]]

    nf, nl, nt, nloc = len(FIRST), len(LAST), len(IC_TITLES), len(LOCATIONS)
    with open(path, "w", encoding="utf-8", newline="\n", buffering=1 << 22) as f:
        f.write("# Synthetic org for orgaudit benchmarks: %d people, %d units.\n" % (count, len(unit_ids)))
        f.write("# GENERATED by bench/generate_org.py %d --seed %d; do not edit.\n" % (n, seed))
        f.write("orgaudit: 1\norg:\n  name: Synthetic Org %d\n  as_of: 2026-10-31\n\nunits:\n" % n)
        buf = []
        for k, i in enumerate(unit_ids):
            d = DEPARTMENTS[dept[i] % len(DEPARTMENTS)]
            if i == 0:
                name = "Synthetic Org %d" % n
            elif level[i] == 1:
                name = d if dept[i] < len(DEPARTMENTS) else "%s %d" % (d, dept[i] // len(DEPARTMENTS) + 1)
            else:
                name = "%s - %s team %d" % (d, MANAGER_TITLES[min(level[i], 10)], k)
            parent = "" if i == 0 else "    parent: U%07d\n" % unit_of_mgr[manager[i]]
            owner = "" if i == no_owner_unit else "    owner: P%07d\n" % i
            buf.append("  - id: U%07d\n    name: %s\n    kind: department\n%s%s" % (k, name, parent, owner))
            if len(buf) >= 20000:
                f.write("".join(buf))
                buf.clear()
        f.write("".join(buf))
        buf.clear()
        f.write("\npeople:\n")
        for i in range(count):
            fl = flags[i]
            if fl & 2:
                name = "Vacant post"
            else:
                name = FIRST[int(rnd() * nf)] + " " + LAST[int(rnd() * nl)]
            if is_mgr[i]:
                title = MANAGER_TITLES[min(level[i], 10)]
                unit = unit_of_mgr[i]
            else:
                title = "Assistant" if fl & 1 else IC_TITLES[int(rnd() * nt)]
                unit = unit_of_mgr.get(manager[i], 0)
            lines = ["  - id: P%07d\n    name: %s\n    title: %s\n    grade: %s\n"
                     % (i, name, title, GRADES[grade[i]])]
            if i == dangling:
                lines.append("    manager: P-DELETED\n")
            elif i:
                lines.append("    manager: P%07d\n" % manager[i])
            lines.append("    unit: U%07d\n" % unit)
            if fl & 1:
                lines.append("    assistant: true\n")
            if fl & 2:
                lines.append("    vacant: true\n")
            if fl & 4:
                lines.append("    contractor: true\n")
            if fl & 8:
                lines.append("    fte: 0.6\n")
            lines.append("    attributes:\n      location: %s\n" % LOCATIONS[int(rnd() * nloc)])
            buf.append("".join(lines))
            if len(buf) >= 20000:
                f.write("".join(buf))
                buf.clear()
        f.write("".join(buf))
    t2 = time.time()
    maxdepth = max(level)
    print("%s: %d people, %d units, max depth %d, built in %.1fs, written in %.1fs"
          % (path, count, len(unit_ids), maxdepth, t1 - t0, t2 - t1), file=sys.stderr)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("people", type=int, help="number of people (at least 100)")
    ap.add_argument("-o", "--output", help="default: bench/out/org-<people>.yaml")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    if args.people < 100:
        ap.error("people must be at least 100")
    out = args.output or os.path.join(here, "out", "org-%d.yaml" % args.people)
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    tmp = out + ".tmp"
    write(args.people, args.seed, tmp)
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
