#!/usr/bin/env python3
"""An independent count of every UK organogram beside this script, compared with orgaudit's JSON.

    python3 independent_count.py ORGAUDIT [DIR]     # compare (ctest runs this); exit 1 on a mismatch
    python3 independent_count.py --table [DIR]      # the figures of core/import/organogram_test.cc

The figures come from Python's csv module and none of orgaudit's code, by the model docs/import.md
describes (hris-formats.md for the format):
- a senior post is the first row with its Post Unique Reference (later rows are job shares of it);
  `XX` (or no value) means the post is at the top; a post naming itself as its manager gets no line;
- a junior row is its senior post's junior command: FTE in the post's unit, never a direct report;
  rows of 0 posts or no number stand for nobody;
- a span is the number of senior direct reports, Vacant and Eliminated posts not counted; a post is
  a manager when any senior post reports to it, and a vacant manager is not assessed for span;
- depth is layers of senior posts below a root.
"""
import collections
import csv
import glob
import json
import os
import re
import subprocess
import sys


def norm(s):
    return ''.join(c.lower() for c in s if c.isalnum() or ord(c) > 127)


def rows(path):
    with open(path, encoding='utf-8', newline='') as f:
        table = list(csv.reader(f))
    header = {norm(x): i for i, x in reversed(list(enumerate(table[0])))}
    return header, [r for r in table[1:] if any(x.strip() for x in r)]


def vacant(name):
    word = name.strip().strip('\'".,;').strip().lower()
    return word in ('vacant', 'vacancy', 'vacant post', 'eliminated', 'post eliminated')


def number(text):
    try:
        return float(text.strip().replace(',', '.'))
    except ValueError:
        return None


def count(senior):
    h, body = rows(senior)
    posts, order, repeated = {}, [], 0
    for r in body:
        pid = r[h['postuniquereference']].strip()
        if pid in posts:
            repeated += 1
            continue
        manager = r[h['reportstoseniorpost']].strip()
        posts[pid] = dict(manager='' if manager.upper() == 'XX' else manager, vacant=vacant(r[h['name']]))
        order.append(pid)
    jh, jbody = rows(senior.replace('-senior.csv', '-junior.csv'))
    fte = [number(r[jh['numberofpostsinfte']]) for r in jbody]
    juniors = [x for x in fte if x is not None and x > 0]

    children, roots = collections.defaultdict(list), []
    for pid in order:
        m = posts[pid]['manager']
        if m == '' or m not in posts:
            roots.append(pid)
        elif m != pid:
            children[m].append(pid)
    depth, stack = {}, [(r, 0) for r in roots]
    while stack:
        x, d = stack.pop()
        depth[x] = d
        stack += [(c, d + 1) for c in children.get(x, [])]

    def tree(x):
        return 1 + sum(tree(c) for c in children.get(x, []))

    span = {m: sum(not posts[c]['vacant'] for c in cs) for m, cs in children.items()}
    assessed = [m for m in span if not posts[m]['vacant']]
    top = max(roots, key=lambda r: (tree(r), -order.index(r)))
    widest = max(order, key=lambda m: (span.get(m, 0), -order.index(m)))
    return dict(
        senior_rows=len(body), junior_rows=len(jbody), repeated=repeated, empty=len(jbody) - len(juniors),
        senior_posts=len(posts), junior_fte=round(sum(juniors), 6), roots=len(roots),
        reachable=len(depth), max_depth=max(depth.values()), top=top, top_tree=tree(top),
        top_span=span.get(top, 0), widest=widest, widest_span=span.get(widest, 0),
        vacant=sum(p['vacant'] for p in posts.values()),
        under4=sum(span[m] < 4 for m in assessed), over15=sum(span[m] > 15 for m in assessed))


def orgaudit_figures(orgaudit, senior):
    # Depth with max-layers 0 flags every root's line, so its findings count everyone below a root; the
    # span limits are set to the figures the count asks about (below 4, above 15).
    command = [orgaudit, 'check', '--preset', 'uk-organogram', '--format', 'json', '--fail-on', 'never',
               '--rule-option', 'structure-hierarchy-depth.max-layers=0',
               '--rule-option', 'structure-hierarchy-depth.error-layers=1000',
               '--rule-option', 'structure-span-of-control.min-span=4',
               '--rule-option', 'structure-span-of-control.max-span=15',
               senior, senior.replace('-senior.csv', '-junior.csv')]
    report = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    findings = report['findings']
    # One finding per root with anyone below it: how many people, and the deepest layer.
    lines = [m for f in findings if f['rule'] == 'structure-hierarchy-depth'
             for m in [re.search(r' has (\d+) (?:person|people) (?:\d+ to )?(\d+) layers? below the root '
                                 r'\(max 0\)', f['message'])] if m]
    below_roots = sum(int(m.group(1)) for m in lines)
    reachable = next(r['assessed'] for d in report['scores']['dimensions'] for r in d['rules']
                     if r['rule'] == 'structure-hierarchy-depth')
    spans = [f['message'] for f in findings if f['rule'] == 'structure-span-of-control']
    return dict(senior_posts=report['org']['people'], junior_fte=round(report['org'].get('aggregate_fte', 0), 6),
                roots=reachable - below_roots, reachable=reachable,
                max_depth=max((int(m.group(2)) for m in lines), default=0),
                under4=sum('(min 4' in m for m in spans), over15=sum('(max 15' in m for m in spans))


def main(argv):
    table = argv[1:2] == ['--table']
    args = argv[2:] if table else argv[1:]
    if not table and not args:
        sys.exit(__doc__)
    here = args[-1] if len(args) > (0 if table else 1) else os.path.dirname(os.path.abspath(__file__))
    seniors = sorted(glob.glob(os.path.join(here, '*-senior.csv')))
    if not seniors:
        sys.exit('no organograms in ' + here)
    failed = 0
    for senior in seniors:
        name = os.path.basename(senior)[:-len('-senior.csv')]
        mine = count(senior)
        if table:
            print('    {"%s", %d, %d, %d, %d, %d, %.6g, %d, "%s", %d, %d, %d, "%s", %d, %d},' % (
                name, mine['senior_rows'], mine['junior_rows'], mine['repeated'], mine['empty'], mine['senior_posts'],
                mine['junior_fte'], mine['roots'], mine['top'], mine['top_tree'], mine['max_depth'], mine['top_span'],
                mine['widest'], mine['widest_span'], mine['vacant']))
            continue
        theirs = orgaudit_figures(args[0], senior)
        wrong = {k: (mine[k], v) for k, v in theirs.items() if mine[k] != v}
        print('%s %s: %s' % ('FAIL' if wrong else 'ok  ', name, ', '.join(
            '%s %s' % (k, mine[k]) if k not in wrong else '%s %s (orgaudit %s)' % (k, mine[k], wrong[k][1])
            for k in theirs)))
        failed += bool(wrong)
    if failed:
        sys.exit('%d of %d organograms disagree with the independent count' % (failed, len(seniors)))


if __name__ == '__main__':
    main(sys.argv)
