"""What orgaudit's rules find in an org, restated in Python for the sample generators.

The generators under samples/ write a comment block at the top of each org.yaml saying what an
audit finds. They compute it here, from the same data they write, so the comment cannot drift from
the file; plugins/rendanheyi/rendanheyi_pack_test.cc then runs the real rules on each sample and
checks the per-rule counts the comment states ("# Finding counts" lines), so this restatement cannot
drift from the rules either.

The org is plain dicts:
  units:  id, name, kind, parent, owner, user_facing, members, rights {decision, people, pay} or None,
          metrics {periods, <series>...} or None, contract {updated, objectives, value_sharing,
          loss_threshold} or None, win_win {periods, <six series>} or None
  people: id, name, title, grade, manager, unit, fte, and the flags assistant, vacant, user_facing,
          external, aggregate
  links:  (from, to, kind, weight)
Each finding is (rule id, severity, entity id, short text).
"""

import datetime
import re
from collections import defaultdict, deque

GRADE_ORDER = ["SCS4", "SCS3", "SCS2", "SCS1", "G6", "G7", "SEO", "HEO", "EO", "AO", "AA"]

# Rule options per profile, as in rules/profiles/*.yaml (None: the rule does not run).
STRUCTURE_DEFAULTS = {
    "structure-hierarchy-depth": {"max-layers": 7, "error-layers": 9},
    "structure-span-of-control": {"min-span": 4, "max-span": 15},
    "structure-grade-inversion": {"grade-order": GRADE_ORDER},
    "structure-integrity": {"expected-roots": 1},
}
RENDANHEYI_DEFAULTS = {
    "rendanheyi-me-size": {"max-size": 15, "error-size": 20},
    "rendanheyi-three-rights": {},
    "rendanheyi-value-less-manager": {"min-reports-who-manage": 1},
    "rendanheyi-zero-distance": {"max-hops": 2},
    "rendanheyi-silo": {"min-ei": -0.5},
    "rendanheyi-complacent-me": {"min-signals": 2, "falling-periods": 2, "hire-window": 4,
                                 "max-size": 15, "flat-growth": 0.05},
    "rendanheyi-emc-contract": {"max-age-days": 31, "replace-after": 3},
    "rendanheyi-emc-losses": {},
    "rendanheyi-win-win-statement": {"require-for": ["emc"]},
}


def _profile(structure=None, rendanheyi=None):
    rules = {k: dict(v) for k, v in STRUCTURE_DEFAULTS.items()}
    for rule, options in (structure or {}).items():
        rules[rule].update(options)
    if rendanheyi is not None:
        rules.update({k: dict(v) for k, v in RENDANHEYI_DEFAULTS.items()})
        for rule, options in rendanheyi.items():
            rules[rule].update(options)
    return rules


PROFILES = {
    "classic": _profile(),
    "rendanheyi": _profile(
        {"structure-hierarchy-depth": {"max-layers": 3, "error-layers": 5},
         "structure-span-of-control": {"min-span": 2, "max-span": 20}}, {}),
    "rendanheyi-strict": _profile(
        {"structure-hierarchy-depth": {"max-layers": 3, "error-layers": 5},
         "structure-span-of-control": {"min-span": 2, "max-span": 15}},
        {"rendanheyi-me-size": {"max-size": 10, "error-size": 15},
         "rendanheyi-complacent-me": {"max-size": 10},
         "rendanheyi-emc-contract": {"max-age-days": 21, "replace-after": 2}}),
}


class Org:
    """The org with ids resolved and the graph facts the core computes (OrgMetrics)."""

    def __init__(self, units, people, links, as_of):
        self.units, self.people, self.links, self.as_of = units, people, links, as_of
        self.unit = {u["id"]: u for u in reversed(units)}     # the first definition wins
        self.person = {p["id"]: p for p in reversed(people)}
        self._reporting()
        self._units()
        self._network()

    # -- reporting lines ---------------------------------------------------------------------------
    def _reporting(self):
        self.reports = defaultdict(list)
        for p in self.people:
            m = p.get("manager")
            if m in self.person and m != p["id"]:
                self.reports[m].append(p["id"])
        self.depth = {}
        queue = deque()
        for p in self.people:
            if p.get("manager") not in self.person:
                self.depth[p["id"]] = 0
                queue.append(p["id"])
        while queue:
            m = queue.popleft()
            for r in self.reports[m]:
                if r not in self.depth:
                    self.depth[r] = self.depth[m] + 1
                    queue.append(r)

    def chain_to(self, pid):
        chain = [pid]
        while self.person[chain[-1]].get("manager") in self.person:
            chain.append(self.person[chain[-1]]["manager"])
        return list(reversed(chain))

    def counted_reports(self, m):
        """The direct reports a manager leads (metrics.span): assistants, vacant posts and aggregate
        rows (an organogram's junior command) are not counted."""
        return [r for r in self.reports[m]
                if not any(self.person[r].get(flag) for flag in ("assistant", "vacant", "aggregate"))]

    def span(self, m):
        return len(self.counted_reports(m))

    def managers_among_reports(self, m):
        return sum(1 for r in self.reports[m] if self.reports[r])

    # -- units -------------------------------------------------------------------------------------
    def _units(self):
        self.members_of = defaultdict(list)   # unit -> people
        for p in self.people:
            if p.get("unit") in self.unit:
                self.members_of[p["unit"]].append(p["id"])
        self.staff_fte = {u["id"]: sum(self.person[p].get("fte", 1) for p in self.members_of[u["id"]]
                                       if not self.person[p].get("vacant")
                                       and not self.person[p].get("external"))
                          for u in self.units}

    def unit_of_end(self, end):
        if end in self.unit:
            return end
        if end in self.person:
            return self.person[end].get("unit") if self.person[end].get("unit") in self.unit else None
        return None

    # -- the lateral network (NetworkMetrics) --------------------------------------------------------
    def _network(self):
        edges = []  # (a, b, tie)
        for u in self.units:
            if u.get("parent") in self.unit and u["parent"] != u["id"]:
                tie = "membership" if self.unit[u["parent"]]["kind"] == "emc" else "parent"
                edges.append((u["parent"], u["id"], tie))
            for m in u.get("members") or []:
                if m in self.unit and m != u["id"]:
                    edges.append((u["id"], m, "membership"))
        self.person_ties_out = defaultdict(int)
        carriers = defaultdict(set)
        self.internal = defaultdict(float)
        self.external = defaultdict(float)
        self.collaboration_links = 0
        for a_end, b_end, kind, weight in self.links:
            if not self._resolves(a_end) or not self._resolves(b_end):
                continue
            a, b = self.unit_of_end(a_end), self.unit_of_end(b_end)
            if kind == "collaboration" and a and b:
                self.collaboration_links += 1
                if a != b:
                    self.external[a] += weight
                    self.external[b] += weight
                elif not (a_end in self.unit and b_end in self.unit):
                    self.internal[a] += weight
            if not a or not b or a == b:
                continue
            edges.append((a, b, kind))
            for end, u in ((a_end, a), (b_end, b)):
                if end not in self.unit:
                    self.person_ties_out[u] += 1
                    carriers[u].add(end)
        self.lateral = defaultdict(int)
        adjacency = defaultdict(list)
        hierarchy = defaultdict(list)
        for a, b, tie in edges:
            if tie != "parent":
                self.lateral[a] += 1
                self.lateral[b] += 1
            if tie in ("membership", "contract"):
                adjacency[a].append(b)
                adjacency[b].append(a)
            if tie in ("parent", "membership") and (self.unit[b].get("parent") == a or
                                                    self.unit[a].get("parent") == b):
                hierarchy[a].append(b)
                hierarchy[b].append(a)
        self.lateral_tie_count = sum(1 for e in edges if e[2] != "parent")
        self.bridge = {u: next(iter(c)) for u, c in carriers.items() if len(c) == 1}
        self.user_facing = {u["id"]: bool(u.get("user_facing")) for u in self.units}
        for p in self.people:
            if p.get("user_facing") and p.get("unit") in self.unit:
                self.user_facing[p["unit"]] = True
        self.any_user_facing = any(self.user_facing.values())
        self.user_hops = self._bfs(adjacency)
        self.hierarchy_hops = self._bfs(hierarchy)
        self.articulation = self._articulation_points() if self.bridge else set()

    def _resolves(self, end):
        return end in self.unit or end in self.person

    def _bfs(self, adjacency):
        hops = {u["id"]: -1 for u in self.units}
        queue = deque()
        for u in self.units:
            if self.user_facing[u["id"]]:
                hops[u["id"]] = 0
                queue.append(u["id"])
        while queue:
            u = queue.popleft()
            for v in adjacency[u]:
                if hops[v] < 0:
                    hops[v] = hops[u] + 1
                    queue.append(v)
        return hops

    def _articulation_points(self):
        graph = defaultdict(set)

        def person_of(end):
            return self.unit[end].get("owner") if end in self.unit else end

        for a_end, b_end, _, _ in self.links:
            if not self._resolves(a_end) or not self._resolves(b_end):
                continue
            if a_end in self.unit and b_end in self.unit:
                continue
            a, b = person_of(a_end), person_of(b_end)
            if a in self.person and b in self.person and a != b:
                graph[a].add(b)
                graph[b].add(a)
        for p in self.people:
            m = p.get("manager")
            if m in self.person and m != p["id"] and p.get("unit") and self.person[m].get("unit") == p.get("unit"):
                graph[m].add(p["id"])
                graph[p["id"]].add(m)
        # Tarjan, iteratively.
        disc, low, points, time = {}, {}, set(), [0]
        for root in list(graph):
            if root in disc:
                continue
            disc[root] = low[root] = time[0]
            time[0] += 1
            children = 0
            stack = [(root, None, iter(graph[root]))]
            while stack:
                v, parent, it = stack[-1]
                advanced = False
                for w in it:
                    if w == parent:
                        continue
                    if w in disc:
                        low[v] = min(low[v], disc[w])
                    else:
                        disc[w] = low[w] = time[0]
                        time[0] += 1
                        if v == root:
                            children += 1
                        stack.append((w, v, iter(graph[w])))
                        advanced = True
                        break
                if not advanced:
                    stack.pop()
                    if parent is not None:
                        low[parent] = min(low[parent], low[v])
                        if parent != root and low[v] >= disc[parent]:
                            points.add(parent)
            if children > 1:
                points.add(root)
        return points


def _series(table, name):
    return (table or {}).get(name)


def _trailing(values, test):
    n = 0
    for i in range(len(values) - 1, -1, -1):
        if not test(i):
            break
        n += 1
    return n


def trailing_falls(v):
    return _trailing(v, lambda i: i >= 1 and v[i] < v[i - 1])


def trailing_zeros(v):
    return _trailing(v, lambda i: v[i] <= 0)


def profit(table):
    table = table or {}
    if "profit" in table:
        return list(table["profit"])
    revenue = table.get("revenue", table.get("revenues"))
    costs = table.get("costs")
    if revenue is None or costs is None or len(revenue) != len(costs):
        return []
    return [r - c for r, c in zip(revenue, costs)]


def not_assessed(rule):
    return (rule, "info", "", "not assessed")


# ---- the structure pack ---------------------------------------------------------------------------

def deep_lines(org, max_layers):
    """The management lines deeper than max_layers, one per person at layer max_layers with anyone
    below the limit: (that person's id, the ids beyond the limit under them, the deepest layer)."""
    lines = {}
    head = {}
    for pid in sorted(org.depth, key=lambda q: org.depth[q]):  # managers before their reports
        d = org.depth[pid]
        if d <= max_layers:
            continue
        m = org.person[pid]["manager"]
        head[pid] = m if org.depth[m] == max_layers else head[m]
        line = lines.setdefault(head[pid], [[], 0])
        line[0].append(pid)
        line[1] = max(line[1], d)
    return [(h, beyond, deepest) for h, (beyond, deepest) in lines.items()]


def structure_findings(org, rules):
    out = []
    if "structure-hierarchy-depth" in rules:
        o = rules["structure-hierarchy-depth"]
        for head, beyond, deepest in deep_lines(org, o["max-layers"]):
            out.append(("structure-hierarchy-depth", "error" if deepest >= o["error-layers"] else "warning",
                        head, "%d people to layer %d" % (len(beyond), deepest)))
    managers = [p for p in org.people if org.reports[p["id"]]]
    if "structure-span-of-control" in rules:
        # One finding per manager, keyed by the most specific problem (rules/structure/
        # structure-span-of-control.md): a relay, then one report below min-span, then the range.
        o = rules["structure-span-of-control"]
        for p in managers:
            s = org.span(p["id"])
            if p.get("vacant"):
                continue
            only = org.counted_reports(p["id"])[0] if s == 1 else None
            if only and org.span(only) > 0:
                key = "pass-through"
            elif s < o["min-span"]:
                key = "single-report" if only else "too-narrow"
            elif s > o["max-span"]:
                key = "too-wide"
            else:
                continue
            out.append(("structure-span-of-control", "warning", p["id"], "span %d (%s)" % (s, key)))
    if "structure-grade-inversion" in rules:
        rank = {g.lower(): i for i, g in reversed(list(enumerate(rules["structure-grade-inversion"]["grade-order"])))}
        r = lambda p: rank.get((p.get("grade") or "").lower())
        if not any(r(p) is not None for p in org.people):
            out.append(not_assessed("structure-grade-inversion"))
        else:
            for p in org.people:
                m = org.person.get(p.get("manager"))
                if m and m is not p and r(p) is not None and r(m) is not None and r(p) <= r(m):
                    out.append(("structure-grade-inversion", "warning", p["id"], "under " + m["id"]))
    if "structure-integrity" in rules:
        for p in org.people:
            if p.get("manager") and p["manager"] not in org.person:
                out.append(("structure-integrity", "error", p["id"], "unknown manager " + p["manager"]))
            if p.get("manager") == p["id"]:
                out.append(("structure-integrity", "error", p["id"], "manages themself"))
        roots = [p for p in org.people if not p.get("manager") and not p.get("external")]
        for p in roots[rules["structure-integrity"]["expected-roots"]:]:
            out.append(("structure-integrity", "warning", p["id"], "extra root"))
        for u in org.units:
            if not u.get("owner") and u["kind"] != "external-partner":
                out.append(("structure-integrity", "warning", u["id"], "no owner"))
            for ref in ("parent", "owner"):
                target = org.unit if ref == "parent" else org.person
                if u.get(ref) and u[ref] not in target:
                    out.append(("structure-integrity", "error", u["id"], "unknown " + ref))
            for m in u.get("members") or []:
                if m not in org.unit:
                    out.append(("structure-integrity", "error", u["id"], "unknown member " + m))
    return out


# ---- the rendanheyi pack --------------------------------------------------------------------------

def _me_size(org, o):
    mes = [u for u in org.units if u["kind"] == "me"]
    if not mes:
        return [not_assessed("rendanheyi-me-size")]
    out = []
    for u in mes:
        size = org.staff_fte[u["id"]]
        if not org.members_of[u["id"]]:
            hc = _series(u.get("metrics"), "headcount")
            if not hc:
                continue
            size = hc[-1]
        if size > o["max-size"]:
            out.append(("rendanheyi-me-size", "error" if size >= o["error-size"] else "warning", u["id"],
                        "%g people" % size))
    return out


def _three_rights(org, o):
    mes = [u for u in org.units if u["kind"] == "me"]
    if not mes:
        return [not_assessed("rendanheyi-three-rights")]
    if not any(u.get("rights") is not None for u in mes):
        return [not_assessed("rendanheyi-three-rights")]
    out = []
    for u in mes:
        rights = u.get("rights")
        if rights is None:
            out.append(("rendanheyi-three-rights", "warning", u["id"], "rights not stated"))
            continue
        for right in ("decision", "people", "pay"):
            holder = rights.get(right)
            if not holder:
                out.append(("rendanheyi-three-rights", "warning", u["id"], right + " right not stated"))
            elif holder in ("self", u["id"]):
                continue
            elif holder in org.unit:
                out.append(("rendanheyi-three-rights", "warning", u["id"], right + " right held by " + holder))
            elif holder in org.person:
                if org.person[holder].get("unit") != u["id"]:
                    out.append(("rendanheyi-three-rights", "warning", u["id"], right + " right held by " + holder))
            else:
                out.append(("rendanheyi-three-rights", "error", u["id"], right + " right: unknown " + holder))
    return out


def _value_metric(u):
    names = list((u.get("metrics") or {}).keys())
    return any(n in ("revenue", "revenues") or n.startswith("user") for n in names) or bool(u.get("win_win"))


def _value_less_manager(org, o):
    if not (org.any_user_facing or any(u["kind"] in ("me", "emc") or _value_metric(u) for u in org.units)):
        return [not_assessed("rendanheyi-value-less-manager")]
    owns_value = set()
    for u in org.units:
        if u.get("owner") and (u["kind"] in ("me", "emc") or org.user_facing[u["id"]] or _value_metric(u)):
            owns_value.add(u["owner"])
    out = []
    for p in org.people:
        d = org.depth.get(p["id"])
        if not d or p.get("vacant") or org.managers_among_reports(p["id"]) < max(1, o["min-reports-who-manage"]):
            continue
        if p.get("user_facing") or p["id"] in owns_value:
            continue
        if p.get("unit") in org.unit and org.user_facing[p["unit"]]:
            continue
        n = org.managers_among_reports(p["id"])
        out.append(("rendanheyi-value-less-manager", "warning", p["id"],
                    "manages %d manager%s" % (n, "" if n == 1 else "s")))
    return out


def _subtree_tops(org, problem):
    """Units with a problem whose parent does not share it, each with its sub-units below it that do:
    the audit reports a subtree sharing one problem once, at its top (issue 10)."""
    covered = defaultdict(list)
    for u in org.units:
        uid = u["id"]
        if uid not in problem:
            continue
        top, seen = uid, {uid}
        while True:
            parent = org.unit[top].get("parent")
            if parent not in problem or problem[parent] != problem[uid] or parent in seen:
                break
            seen.add(parent)
            top = parent
        covered[top].append(uid)
    return [(top, members) for top, members in covered.items()]


def _zero_distance(org, o):
    if not org.any_user_facing:
        return [not_assessed("rendanheyi-zero-distance")]
    out = []
    no_lateral_path = {}
    for u in org.units:
        if u["kind"] == "external-partner":
            continue
        hops = org.user_hops[u["id"]]
        if hops == 0 or 0 < hops <= o["max-hops"]:
            continue
        if hops > 0:
            out.append(("rendanheyi-zero-distance", "warning", u["id"], "%d hops" % hops))
        else:
            no_lateral_path[u["id"]] = "hierarchy only" if org.hierarchy_hops[u["id"]] > 0 else "no path"
    for top, members in _subtree_tops(org, no_lateral_path):
        out.append(("rendanheyi-zero-distance", "warning", top,
                    "%s, %d sub-units" % (no_lateral_path[top], len(members) - 1)))
    return out


def _silo(org, o):
    if org.lateral_tie_count == 0:
        return [not_assessed("rendanheyi-silo")]
    children = defaultdict(int)
    for u in org.units:
        if u.get("parent") in org.unit:
            children[u["parent"]] += 1
    out = []
    reporting_only = {}
    for u in org.units:
        uid = u["id"]
        if u["kind"] == "external-partner":
            continue
        if org.lateral[uid] == 0:
            if u.get("parent") in org.unit:
                reporting_only[uid] = "structural silo"
            elif children[uid] == 0:
                out.append(("rendanheyi-silo", "warning", uid, "isolated"))
            continue
        internal, external = org.internal[uid], org.external[uid]
        if internal + external > 0 and (external - internal) / (internal + external) < o["min-ei"]:
            out.append(("rendanheyi-silo", "warning", uid,
                        "E-I %.2f" % ((external - internal) / (internal + external))))
        bridge = org.bridge.get(uid)
        if (bridge and bridge in org.articulation and org.person_ties_out[uid] == org.lateral[uid]
                and len(org.members_of[uid]) >= 2):
            out.append(("rendanheyi-silo", "warning", uid, "hangs on " + bridge))
    for top, members in _subtree_tops(org, reporting_only):
        out.append(("rendanheyi-silo", "warning", top, "structural silo, %d sub-units" % (len(members) - 1)))
    return out


def _complacent_me(org, o):
    mes = [u for u in org.units if u["kind"] == "me"]
    if not mes:
        return [not_assessed("rendanheyi-complacent-me")]
    if not any(u.get("metrics") for u in mes):
        return [not_assessed("rendanheyi-complacent-me")]
    out = []
    for u in mes:
        m = u.get("metrics") or {}
        signals = []
        fb = m.get("user_feedback")
        if fb and o["falling-periods"] > 0 and trailing_falls(fb) >= o["falling-periods"]:
            signals.append("feedback falling")
        hires = m.get("external_hires")
        if hires and o["hire-window"] > 0 and trailing_zeros(hires) >= o["hire-window"]:
            signals.append("no external hire")
        if org.lateral[u["id"]] == 0:
            signals.append("no outside tie")
        funding = m.get("external_funding")
        if funding and trailing_zeros(funding) == len(funding):
            signals.append("no external funding")
        hc = m.get("headcount")
        size = hc[-1] if hc else org.staff_fte[u["id"]]
        grew = not hc or hc[-1] > hc[0]
        if size > o["max-size"] and grew:
            signals.append("grew without splitting")
        rev = m.get("revenue")
        if rev and len(rev) >= 2 and rev[0] > 0 and (rev[-1] - rev[0]) / rev[0] < o["flat-growth"]:
            signals.append("revenue flat")
        if len(signals) >= max(1, o["min-signals"]):
            out.append(("rendanheyi-complacent-me", "warning", u["id"], ", ".join(signals)))
    return out


def _emc_contract(org, o):
    out = []
    for u in org.units:
        if u["id"] in (u.get("members") or []):
            out.append(("rendanheyi-emc-contract", "error", u["id"], "its own member"))
    emcs = [u for u in org.units if u["kind"] == "emc"]
    if not emcs:
        return out + [not_assessed("rendanheyi-emc-contract")]
    as_of = datetime.date.fromisoformat(org.as_of) if org.as_of else None
    for u in emcs:
        c = u.get("contract")
        if c is None:
            out.append(("rendanheyi-emc-contract", "warning", u["id"], "no contract"))
        else:
            if not c.get("updated"):
                out.append(("rendanheyi-emc-contract", "warning", u["id"], "no update date"))
            elif not as_of:
                out.append(("rendanheyi-emc-contract", "info", u["id"], "no as_of"))
            else:
                age = (as_of - datetime.date.fromisoformat(c["updated"])).days
                if age < 0:
                    out.append(("rendanheyi-emc-contract", "error", u["id"], "updated in the future"))
                elif age > o["max-age-days"]:
                    out.append(("rendanheyi-emc-contract", "warning", u["id"], "updated %d days before as_of" % age))
            if not c.get("objectives") or not c.get("value_sharing"):
                out.append(("rendanheyi-emc-contract", "warning", u["id"], "lacks objectives or value sharing"))
        for m in u.get("members") or []:
            member = org.unit.get(m)
            if o["replace-after"] <= 0 or not member or m == u["id"] or member["kind"] != "me":
                continue
            books = profit(member.get("metrics"))
            losses = _trailing(books, lambda i: books[i] < 0)
            if losses >= o["replace-after"]:
                out.append(("rendanheyi-emc-contract", "warning", u["id"], "keeps %s after %d losses" % (m, losses)))
    return out


def _emc_losses(org, o):
    emcs = [u for u in org.units if u["kind"] == "emc"]
    if not emcs:
        return [not_assessed("rendanheyi-emc-losses")]
    with_threshold = [u for u in emcs if (u.get("contract") or {}).get("loss_threshold") is not None]
    if not with_threshold:
        return [not_assessed("rendanheyi-emc-losses")]
    out = []
    for u in with_threshold:
        p = profit(u.get("metrics")) or profit(u.get("win_win"))
        if not p:
            out.append(("rendanheyi-emc-losses", "info", u["id"], "no books"))
        elif -sum(p) > u["contract"]["loss_threshold"]:
            out.append(("rendanheyi-emc-losses", "error", u["id"], "lost %g" % -sum(p)))
    return out


WIN_WIN_ELEMENTS = ["user_resources", "resource_providers", "platform_value", "revenues", "costs",
                    "marginal_gains"]


def _win_win_statement(org, o):
    required = [u for u in org.units if u["kind"] in o["require-for"]]
    if not required or not any(u.get("win_win") for u in org.units):
        return [not_assessed("rendanheyi-win-win-statement")]
    out = []
    for u in required:
        w = u.get("win_win")
        if not w:
            out.append(("rendanheyi-win-win-statement", "warning", u["id"], "no statement"))
            continue
        missing = [e for e in WIN_WIN_ELEMENTS if e not in w]
        if missing:
            out.append(("rendanheyi-win-win-statement", "warning", u["id"], "lacks " + ", ".join(missing)))
        g = w.get("marginal_gains") or []
        if len(g) >= 2 and g[-1] < g[-2]:
            out.append(("rendanheyi-win-win-statement", "warning", u["id"], "marginal gains fell"))
    return out


RENDANHEYI_RULES = {
    "rendanheyi-me-size": _me_size,
    "rendanheyi-three-rights": _three_rights,
    "rendanheyi-value-less-manager": _value_less_manager,
    "rendanheyi-zero-distance": _zero_distance,
    "rendanheyi-silo": _silo,
    "rendanheyi-complacent-me": _complacent_me,
    "rendanheyi-emc-contract": _emc_contract,
    "rendanheyi-emc-losses": _emc_losses,
    "rendanheyi-win-win-statement": _win_win_statement,
}


def covered_units(finding):
    """How many units a finding covers: its subject and the sub-units its label counts."""
    m = re.search(r"(\d+) sub-units", finding[3])
    return 1 + (int(m.group(1)) if m else 0)


def findings(org, profile):
    """Every finding of `profile` (a name in PROFILES) on `org` (an Org)."""
    rules = PROFILES[profile]
    out = structure_findings(org, rules)
    for rule, check in RENDANHEYI_RULES.items():
        if rule in rules:
            out += check(org, rules[rule])
    return out


def by_rule(found, rule):
    return [f for f in found if f[0] == rule]


def counts_line(profile, found):
    """'#   rendanheyi: rule=N rule=N ...' : what rendanheyi_pack_test.cc checks, per rule id."""
    counts = defaultdict(int)
    for f in found:
        counts[f[0]] += 1
    return "#   %s: %s" % (profile, " ".join("%s=%d" % (r, counts[r]) for r in sorted(counts)))


def summary(found):
    """The counts as orgaudit's summary line gives them: "N findings (E errors, W warnings, I info,
    K rules not assessed)", the rules' not-assessed notes counted apart from the infos."""
    sev = defaultdict(int)
    for f in found:
        sev["not assessed" if f[3] == "not assessed" else f[1]] += 1
    plural = lambda n, word: "%d %s%s" % (n, word, "" if n == 1 else "s")
    text = "%s (%s, %s, %d info" % (plural(len(found), "finding"), plural(sev["error"], "error"),
                                   plural(sev["warning"], "warning"), sev["info"])
    if sev["not assessed"]:
        text += ", %s not assessed" % plural(sev["not assessed"], "rule")
    return text + ")"
