#!/usr/bin/env python3
"""The independent count behind core/import/organogram_test.cc: the same figures, computed with
Python's csv module and none of orgaudit's code, from the organogram files beside this script.

    python3 tests/import/uk-organograms/independent_count.py

Rules, as hris-formats.md describes the data: a post is the first row with its Post Unique
Reference (later rows are job shares of it); `XX` means no manager; a post naming itself as its
manager gets no reporting line; a junior row of more than 0 posts is one node of round(FTE) heads
under its Reporting Senior Post; Vacant and Eliminated posts do not count in spans.
"""
import collections
import csv
import glob
import math
import os


def norm(s):
    return ''.join(c.lower() for c in s if c.isalnum() or ord(c) > 127)


def rows(path):
    with open(path, encoding='utf-8', newline='') as f:
        table = list(csv.reader(f))
    header = {norm(x): i for i, x in reversed(list(enumerate(table[0])))}
    return header, [r for r in table[1:] if any(x.strip() for x in r)]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for senior in sorted(glob.glob(os.path.join(here, '*-senior.csv'))):
        h, body = rows(senior)
        posts, order, repeated = {}, [], 0
        for r in body:
            pid = r[h['postuniquereference']].strip()
            if pid in posts:
                repeated += 1
                continue
            name = r[h['name']].strip().strip("'\"").strip().lower()
            manager = r[h['reportstoseniorpost']].strip()
            posts[pid] = dict(manager='' if manager in ('XX', 'xx') else manager,
                              vacant=name in ('vacant', 'eliminated'), heads=1)
            order.append(pid)
        jh, jbody = rows(senior.replace('-senior.csv', '-junior.csv'))
        nodes, empty = dict(posts), 0
        for k, r in enumerate(jbody):
            fte = float(r[jh['numberofpostsinfte']])
            if fte <= 0:
                empty += 1
                continue
            nodes['J%d' % k] = dict(manager=r[jh['reportingseniorpost']].strip(), vacant=False,
                                    heads=max(1, int(math.floor(fte + 0.5))))
        children, roots = collections.defaultdict(list), []
        for pid, p in nodes.items():
            if p['manager'] == '':
                roots.append(pid)
            elif p['manager'] != pid and p['manager'] in posts:
                children[p['manager']].append(pid)

        def tree(x):
            return 1 + sum(tree(c) for c in children.get(x, []))

        depth, stack = 0, [(r, 0) for r in roots]
        while stack:
            x, d = stack.pop()
            depth = max(depth, d)
            stack += [(c, d + 1) for c in children.get(x, [])]
        top = max(roots, key=lambda r: (tree(r), -order.index(r)))
        span = {m: sum(nodes[c]['heads'] for c in cs if not nodes[c]['vacant']) for m, cs in children.items() if cs}
        widest = max(span, key=lambda m: (span[m], -order.index(m)))
        vacant = sum(p['vacant'] for p in posts.values())
        print('{"%s", %d, %d, %d, %d, %d, %d, "%s", %d, %d, %d, "%s", %d, %d},' % (
            os.path.basename(senior)[:-len('-senior.csv')], len(body), len(jbody), repeated, empty, len(nodes),
            len(roots), top, tree(top), depth, span.get(top, 0), widest, span[widest], vacant))


if __name__ == '__main__':
    main()
