#!/usr/bin/env python3
"""Generates samples/traditional/org.yaml: a fictional, traditional appliance manufacturer.

    python3 samples/traditional/generate.py            # rewrites org.yaml next to this script
    python3 samples/traditional/generate.py -o FILE    # or somewhere else

Deterministic: the tree below is written out by hand and the only randomness (which name goes to
which post, a few grades and locations) comes from a fixed seed, so every run writes the same bytes.

The org is a plain department hierarchy (Sales, Marketing, R&D, Manufacturing, Finance, HR, IT,
Legal, Procurement, Customer Service) with the problems a classic "spans and layers" audit finds.
The problems planted on purpose are:

  depth         Manufacturing / Qingdao North, refrigerator line A, early shift: a deputy head of
                plant (a pass-through layer) pushes two team leaders' operators to 8 layers below the
                CEO (warning, > 7) and an apprentice, Dana Li, to 9 (error, >= 9).
  span          one structure-span-of-control finding per manager, naming all of its problems:
                pass-through: Deputy Head of Plant (Qingdao North), Director of Innovation (R&D),
                Financial Controller (Finance): each has one report, who is a manager. Single report:
                Brand Manager - Cooking (Marketing), Head of Reward (HR), Head of Commercial Law
                (Legal), and Dana Li's senior operator. Narrow (< 4): Treasury Manager (2); Compliance
                Manager (3); HR Director (3 reports + an assistant, which does not count); IT Service
                Desk Manager (4 posts, one vacant, which does not count). Wide (> 15): Contact Centre
                Team Manager A (18). Team Manager C has exactly 15 (not flagged: the limit is > 15).
  grade         Principal Engineer (G6) under a G6 engineering manager; Senior Accountant (G6) under
                the G6 Deputy Financial Controller; Learning Designer (G6) under a G6 head; an
                interim contractor Solution Architect (SCS1) under an SCS1 head.
  integrity     a Social Media Executive whose manager is P-0999, who left and matches nobody;
                the Indirect Procurement unit (U-PROC-INDIRECT) has no owner.

  rendanheyi    a Connected Kitchen pilot ME whose hiring is done by HR and whose pay is set by
                the Finance Director (three rights); a handful of collaboration links and one
                contract, so every other unit is a structural silo, Refrigeration Engineering looks
                inward (E-I index) and Innovation hangs on one person; only Sales, Customer Service
                and the pilot ME face users; middle managers outside them show no user value.

The comment block at the top of org.yaml lists these problems one per line (planted() below, from
the generator's own variables) and what orgaudit finds, from `orgaudit check --format json` on the
data (so build orgaudit first); plugins/rendanheyi/samples_test.cc checks both against the rules.
"""

import argparse
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import sample_header  # noqa: E402  (samples/sample_header.py)

GRADES = ["SCS4", "SCS3", "SCS2", "SCS1", "G6", "G7", "SEO", "HEO", "EO", "AO", "AA"]
RANK = {g: i for i, g in enumerate(GRADES)}  # 0 = most senior

AS_OF = "2026-10-31"
SEED = 20261031

# Diverse, fictional names. The generator pairs them at random (seeded) and never reuses a full name.
FIRST = """Aisha Ahmed Akira Alejandro Amara Ana Anders Andrea Aoife Arjun Astrid Ayumi Bartosz Beatriz
Bilal Bongani Carlos Catalina Chen Chiamaka Chloe Daniel Darius Dmitri Elena Emeka Emma Erik Fatima
Felipe Femi Fiona Gabriel Grace Hamza Hana Hannah Hiroshi Ibrahim Ines Ingrid Isaac Ivan Jamal James
Javier Jia Jin Joanna Jomo Jonas Jorge Julia Kamal Karin Kavya Kenji Khadija Kofi Lars Layla Leila Liam
Lucia Luis Mai Malik Marco Maria Mateo Mei Mia Miguel Ming Mohammed Nadia Naledi Nikhil Nina Noah Nour
Olga Omar Oskar Pablo Priya Rahul Rania Ravi Rosa Ruth Sakura Samuel Sara Sergei Shreya Sipho Sofia
Sunil Tariq Thabo Tomasz Valentina Vikram Wei Xin Yara Yusuf Zainab Zanele""".split()

LAST = """Abbasi Adeyemi Agarwal Alvarez Andersen Bajwa Banerjee Bauer Becker Bianchi Boateng Brown Castro
Chen Chowdhury Costa Dlamini Dubois Edwards Eze Fernandes Fischer Fitzgerald Garcia Gomez Gonzalez Gupta
Haddad Hansen Hashemi Hoffmann Hussain Ibrahim Ito Ivanova Jensen Johansson Jones Kaur Khan Kim Kowalski
Kumar Larsen Lee Lin Liu Lopez Mahlangu Martin Mendes Mensah Moreau Mueller Murphy Nakamura Nguyen Novak
Nowak Okafor Okonkwo Olsen Osei Park Patel Pereira Petrov Qureshi Rahman Reyes Rossi Santos Sato Schmidt
Shah Silva Singh Smith Sokolov Suzuki Tanaka Taylor Usman Vasquez Volkov Wang Williams Wu Yamamoto Yang
Yilmaz Zhang Zhao Zhou""".split()

# Names that test escaping in every writer: an apostrophe, non-ASCII Latin, CJK, a hyphen.
SPECIAL_NAMES = ["Siobhan O'Brien", "Zoë Martin", "李娜", "Jean-Luc Moreau-Petit", "Björn Ólafsson"]

LOCATIONS = ["Qingdao", "Qingdao", "Qingdao", "Shanghai", "Shenzhen", "Wuhan"]


class Builder:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.people = []  # dicts, in file order
        self.units = []
        self.by_id = {}
        self.used_names = set(SPECIAL_NAMES) | {"Dana Li"}
        self.special = list(SPECIAL_NAMES)
        self.next_no = 1
        self.notes = {}  # person id -> why it is here (planted problems)
        self.links = []  # (from, to, kind, weight): the few lateral ties the company has
        self.ids = {}    # people the links need, by role
        self.planted = sample_header.Planted()  # the problems put in on purpose, for the header

    # -- units ---------------------------------------------------------------------------------
    def unit(self, uid, name, parent, owner=None, user_facing=False, cost_centre=None):
        self.units.append(dict(id=uid, name=name, kind="department", parent=parent, owner=owner,
                               user_facing=user_facing, cost_centre=cost_centre or "CC-" + uid[2:]))
        return uid

    def set_owner(self, uid, owner):
        for u in self.units:
            if u["id"] == uid:
                u["owner"] = owner

    # -- people --------------------------------------------------------------------------------
    def name(self):
        # Hand out the special names early, spread over the departments, then random pairs.
        if self.special and self.rng.random() < 0.04:
            return self.special.pop(0)
        while True:
            n = self.rng.choice(FIRST) + " " + self.rng.choice(LAST)
            if n not in self.used_names:
                self.used_names.add(n)
                return n

    def person(self, title, grade, manager, unit, name=None, **extra):
        pid = "P-%04d" % self.next_no
        self.next_no += 1
        p = dict(id=pid, name=name or self.name(), title=title, grade=grade, manager=manager,
                 unit=unit, location=extra.pop("location", None) or self.rng.choice(LOCATIONS))
        p.update(extra)
        self.people.append(p)
        self.by_id[pid] = p
        return pid

    def grade_below(self, manager, steps=1):
        g = RANK[self.by_id[manager]["grade"]] + steps
        return GRADES[min(g, len(GRADES) - 1)]

    def staff(self, manager, unit, n, title, steps=(1, 2), **extra):
        """n individual contributors under `manager`, one or two grades below."""
        ids = []
        for _ in range(n):
            ids.append(self.person(title, self.grade_below(manager, self.rng.choice(steps)),
                                   manager, unit, **extra))
        return ids

    def manager(self, title, manager, unit, steps=1, **extra):
        return self.person(title, self.grade_below(manager, steps), manager, unit, **extra)

    def who(self, pid):
        return "%s (%s)" % (self.by_id[pid]["name"], self.by_id[pid]["title"])

    def plant(self, profiles, rule, key, entity, number, severity, why):
        self.planted.finding(profiles, rule, key, entity, number, severity, why)

    def plant_span(self, manager, key, span, why, profiles="classic"):
        self.plant(profiles, "structure-span-of-control", key, manager, span, "warning",
                   "%s %s" % (self.who(manager), why))

    def flag_some(self, ids, flag, count):
        for pid in self.rng.sample(ids, count):
            self.by_id[pid][flag] = True


def build():
    b = Builder(SEED)
    b.unit("U-CORP", "Qingdao Classic Appliances", None)
    ceo = b.person("Chief Executive Officer", "SCS4", None, "U-CORP", location="Qingdao")
    b.set_owner("U-CORP", ceo)
    b.person("Executive Assistant to the CEO", "HEO", ceo, "U-CORP", assistant=True)

    def director(uid, uname, title, user_facing=False, pa=False):
        b.unit(uid, uname, "U-CORP", user_facing=user_facing)
        d = b.person(title, "SCS3", ceo, uid, location="Qingdao")
        b.set_owner(uid, d)
        if pa:
            b.person("PA to the " + title, "EO", d, uid, assistant=True)
        return d

    def head(uid, uname, title, boss, parent, steps=1, user_facing=False, owner=True, **extra):
        b.unit(uid, uname, parent, user_facing=user_facing)
        h = b.manager(title, boss, uid, steps=steps, **extra)
        if owner:
            b.set_owner(uid, h)
        return h

    # ---- Sales --------------------------------------------------------------------------------
    sales = director("U-SALES", "Sales", "Sales Director", user_facing=True, pa=True)
    dom = head("U-SALES-DOM", "Domestic Sales", "Head of Domestic Sales", sales, "U-SALES")
    for region in ["North", "South", "East", "West"]:
        uid = "U-SALES-DOM-" + region[0]
        rm = head(uid, "Domestic Sales " + region, "Regional Sales Manager - " + region, dom,
                  "U-SALES-DOM", steps=2, user_facing=True)
        b.staff(rm, uid, 5, "Account Manager", steps=(1, 2), user_facing=True)
    exp = head("U-SALES-EXP", "Export Sales", "Head of Export Sales", sales, "U-SALES")
    for area in ["Europe", "Asia-Pacific"]:
        uid = "U-SALES-EXP-" + ("EU" if area == "Europe" else "AP")
        am = head(uid, "Export Sales " + area, "Area Manager - " + area, exp, "U-SALES-EXP",
                  steps=2, user_facing=True)
        b.staff(am, uid, 4, "Export Account Manager", user_facing=True)
    b.staff(exp, "U-SALES-EXP", 2, "Export Compliance Officer", steps=(3,))
    ka = head("U-SALES-KA", "Key Accounts", "Key Accounts Manager", sales, "U-SALES", steps=2,
              user_facing=True)
    b.staff(ka, "U-SALES-KA", 5, "Key Account Manager", steps=(1,), user_facing=True)
    so = head("U-SALES-OPS", "Sales Operations", "Sales Operations Manager", sales, "U-SALES", steps=3)
    b.staff(so, "U-SALES-OPS", 4, "Sales Analyst")

    # ---- Marketing ----------------------------------------------------------------------------
    mkt = director("U-MKT", "Marketing", "Marketing Director")
    brand = head("U-MKT-BRAND", "Brand", "Head of Brand", mkt, "U-MKT", steps=2)
    for cat, n in [("Refrigeration", 4), ("Laundry", 4), ("Cooking", 1), ("Small Appliances", 4)]:
        bm = b.manager("Brand Manager - " + cat, brand, "U-MKT-BRAND", steps=2)
        if n == 1:
            b.notes[bm] = "single report: one contract designer"
            b.plant_span(bm, "single-report", 1, "has one report, a contract designer",
                         profiles="classic,rendanheyi")
            b.staff(bm, "U-MKT-BRAND", 1, "Packaging Designer", contractor=True)
        else:
            b.staff(bm, "U-MKT-BRAND", n, "Brand Executive")
    dig = head("U-MKT-DIG", "Digital Marketing", "Head of Digital Marketing", mkt, "U-MKT", steps=2)
    b.staff(dig, "U-MKT-DIG", 5, "Digital Marketing Executive")
    orphan = b.person("Social Media Executive", "EO", "P-0999", "U-MKT-DIG")
    b.notes[orphan] = "manager P-0999 left in 2025; the record was never updated"
    b.plant("classic,rendanheyi", "structure-integrity", "unknown-manager", orphan, "-", "error",
            "%s names manager P-0999, who left" % b.who(orphan))
    mr = head("U-MKT-MR", "Market Research", "Market Research Manager", mkt, "U-MKT", steps=3)
    b.ids["analysts"] = b.staff(mr, "U-MKT-MR", 4, "Research Analyst")
    b.ids["mr"] = mr
    pr = head("U-MKT-PR", "Public Relations", "PR Manager", mkt, "U-MKT", steps=4)
    b.staff(pr, "U-MKT-PR", 4, "Communications Officer")

    # ---- R&D ----------------------------------------------------------------------------------
    rnd = director("U-RND", "Research and Development", "R&D Director", pa=True)
    ref = head("U-RND-REF", "Refrigeration Engineering", "Head of Refrigeration Engineering", rnd,
               "U-RND")
    b.ids["ref-engineers"] = []
    for i, team in enumerate(["Compressors", "Cabinets", "Controls"]):
        em = b.manager("Engineering Manager - " + team, ref, "U-RND-REF", steps=2)
        b.ids["ref-engineers"] += b.staff(em, "U-RND-REF", 5, "Design Engineer")
        if i == 0:
            pe = b.person("Principal Engineer", "G6", em, "U-RND-REF")
            b.notes[pe] = "grade inversion: G6 under a G6 manager"
            b.plant("classic,rendanheyi", "structure-grade-inversion", "same-grade", pe, "-", "warning",
                    "%s, G6 under a G6 engineering manager" % b.who(pe))
    b.ids["systems"] = b.staff(ref, "U-RND-REF", 1, "Principal Systems Engineer", steps=(2,))[0]
    lau = head("U-RND-LAU", "Laundry Engineering", "Head of Laundry Engineering", rnd, "U-RND")
    for team in ["Drum and Motor", "Water Systems", "Electronics", "Dryers"]:
        em = b.manager("Engineering Manager - " + team, lau, "U-RND-LAU", steps=2)
        ids = b.staff(em, "U-RND-LAU", 4, "Design Engineer")
        if team == "Electronics":
            b.flag_some(ids, "contractor", 2)
    inno = head("U-RND-INNO", "Innovation", "Director of Innovation", rnd, "U-RND", steps=2)
    b.notes[inno] = "pass-through: one report, who is a manager"
    adv = b.manager("Head of Advanced Engineering", inno, "U-RND-INNO")
    b.plant_span(inno, "pass-through", 1, "has one report, %s, who manages a team" % b.who(adv),
                 profiles="classic,rendanheyi")
    b.ids["adv"] = adv
    ids = b.staff(adv, "U-RND-INNO", 5, "Research Engineer")
    b.flag_some(ids, "contractor", 2)
    lab = head("U-RND-LAB", "Test Laboratory", "Test Lab Manager", rnd, "U-RND", steps=3)
    b.ids["technicians"] = b.staff(lab, "U-RND-LAB", 6, "Test Technician")
    b.ids["lab"] = lab

    # ---- Manufacturing ------------------------------------------------------------------------
    mfg = director("U-MFG", "Manufacturing", "Manufacturing Director", pa=True)
    north = head("U-MFG-N", "Qingdao North Plant", "Head of Plant - Qingdao North", mfg, "U-MFG",
                 location="Qingdao")
    deputy = b.manager("Deputy Head of Plant - Qingdao North", north, "U-MFG-N", location="Qingdao")
    b.notes[deputy] = "pass-through: one report, who is a manager; adds the extra layer"
    b.plant_span(deputy, "pass-through", 1, "has one report, who manages a team: the extra layer",
                 profiles="classic,rendanheyi")
    b.plant("rendanheyi", "rendanheyi-value-less-manager", "-", deputy, "1", "warning",
            "%s manages one manager and nothing that faces users" % b.who(deputy))
    b.staff(north, "U-MFG-N", 1, "Plant HSE Officer", steps=(3,), location="Qingdao")
    b.person("Plant Controller", "G7", north, "U-MFG-N", location="Qingdao", dotted=["@FPA"])
    mm = head("U-MFG-N-MNT", "Qingdao North Maintenance", "Maintenance Manager", north, "U-MFG-N",
              steps=2, location="Qingdao")
    b.staff(mm, "U-MFG-N-MNT", 5, "Maintenance Technician", steps=(2, 3), location="Qingdao")
    pm = head("U-MFG-N-REF", "Refrigerator Production", "Production Manager - Refrigerators", deputy,
              "U-MFG-N", location="Qingdao")
    q = dict(location="Qingdao")
    line_a = head("U-MFG-N-LA", "Refrigerator Line A", "Assembly Line Manager - Line A", pm,
                  "U-MFG-N-REF", **q)
    early = b.manager("Shift Supervisor - Early", line_a, "U-MFG-N-LA", **q)
    foam = b.manager("Team Leader - Foaming", early, "U-MFG-N-LA", **q)
    b.staff(foam, "U-MFG-N-LA", 5, "Production Operator", steps=(1,), **q)
    senior = b.person("Senior Production Operator", b.grade_below(foam), foam, "U-MFG-N-LA", **q)
    b.notes[senior] = "single report: mentors one apprentice"
    dana = b.person("Apprentice Production Operator", "AO", senior, "U-MFG-N-LA", name="Dana Li", **q)
    b.plant_span(senior, "single-report", 1, "has one report, the apprentice",
                 profiles="classic,rendanheyi")
    b.plant("classic,rendanheyi", "structure-hierarchy-depth", "-", dana, "9", "error",
            "%s is 9 layers below the CEO, under the Deputy Head of Plant's extra layer" % b.who(dana))
    door = b.manager("Team Leader - Door Assembly", early, "U-MFG-N-LA", **q)
    b.staff(door, "U-MFG-N-LA", 6, "Production Operator", steps=(1,), **q)
    b.plant("classic", "structure-hierarchy-depth", "-", door, "8", "warning",
            "the 6 operators under %s are 8 layers below the CEO" % b.who(door))
    b.staff(early, "U-MFG-N-LA", 2, "Material Handler", steps=(2,), **q)
    late = b.manager("Shift Supervisor - Late", line_a, "U-MFG-N-LA", **q)
    b.staff(late, "U-MFG-N-LA", 6, "Production Operator", steps=(2,), **q)
    night = b.manager("Shift Supervisor - Night", line_a, "U-MFG-N-LA", **q)
    b.staff(night, "U-MFG-N-LA", 5, "Production Operator", steps=(2,), **q)
    b.staff(line_a, "U-MFG-N-LA", 1, "Line Quality Inspector", steps=(2,), **q)
    line_b = head("U-MFG-N-LB", "Refrigerator Line B", "Assembly Line Manager - Line B", pm,
                  "U-MFG-N-REF", **q)
    ids = b.staff(line_b, "U-MFG-N-LB", 8, "Production Operator", steps=(2,), **q)
    b.flag_some(ids, "contractor", 2)
    b.staff(pm, "U-MFG-N-REF", 1, "Quality Engineer", steps=(2,), **q)
    b.staff(pm, "U-MFG-N-REF", 1, "Maintenance Planner", steps=(2,), **q)

    south = head("U-MFG-S", "Qingdao South Plant", "Head of Plant - Qingdao South", mfg, "U-MFG", **q)
    for product in ["Washers", "Dryers", "Dishwashers", "Ovens"]:
        uid = "U-MFG-S-" + product[:3].upper()
        pms = head(uid, product + " Production", "Production Manager - " + product, south, "U-MFG-S",
                   steps=2, **q)
        b.staff(pms, uid, 5, "Production Operator", steps=(3, 4), **q)
    log = head("U-MFG-LOG", "Logistics", "Logistics Manager", mfg, "U-MFG", steps=2)
    ids = b.staff(log, "U-MFG-LOG", 6, "Warehouse Operative", steps=(4, 5))
    b.flag_some(ids, "contractor", 2)
    qa = head("U-MFG-QA", "Quality Assurance", "Quality Assurance Manager", mfg, "U-MFG", steps=2)
    b.ids["auditors"] = b.staff(qa, "U-MFG-QA", 4, "Quality Auditor")
    b.ids["qa"] = qa

    # ---- Finance ------------------------------------------------------------------------------
    fin = director("U-FIN", "Finance", "Finance Director")
    fc = head("U-FIN-CTRL", "Financial Control", "Financial Controller", fin, "U-FIN", steps=2)
    b.notes[fc] = "pass-through: one report, who is a manager"
    dfc = b.manager("Deputy Financial Controller", fc, "U-FIN-CTRL")
    b.plant_span(fc, "pass-through", 1, "has one report, the deputy controller, who manages a team",
                 profiles="classic,rendanheyi")
    b.staff(dfc, "U-FIN-CTRL", 5, "Accountant")
    sa = b.person("Senior Accountant", "G6", dfc, "U-FIN-CTRL")
    b.notes[sa] = "grade inversion: G6 under the G6 deputy controller"
    b.plant("classic,rendanheyi", "structure-grade-inversion", "same-grade", sa, "-", "warning",
            "%s, G6 under the G6 deputy controller" % b.who(sa))
    fpa = head("U-FIN-FPA", "Financial Planning and Analysis", "Head of FP&A", fin, "U-FIN", steps=2)
    b.staff(fpa, "U-FIN-FPA", 4, "Financial Analyst")
    tre = head("U-FIN-TRE", "Treasury", "Treasury Manager", fin, "U-FIN", steps=3)
    b.staff(tre, "U-FIN-TRE", 2, "Treasury Analyst")
    b.plant_span(tre, "too-narrow", 2, "has 2 reports")
    pay = head("U-FIN-PAY", "Payroll", "Payroll Manager", fin, "U-FIN", steps=4)
    ids = b.staff(pay, "U-FIN-PAY", 4, "Payroll Officer")
    for pid in ids[:2]:
        b.by_id[pid]["fte"] = 0.6

    # ---- HR -----------------------------------------------------------------------------------
    hr = director("U-HR", "Human Resources", "HR Director", pa=True)
    b.plant_span(hr, "too-narrow", 3, "has 3 reports and an assistant, who does not count")
    hro = head("U-HR-OPS", "HR Operations", "Head of HR Operations", hr, "U-HR", steps=2)
    b.staff(hro, "U-HR-OPS", 5, "HR Adviser")
    rew = head("U-HR-REW", "Reward", "Head of Reward", hr, "U-HR", steps=3)
    b.notes[rew] = "single report"
    b.staff(rew, "U-HR-REW", 1, "Reward Analyst")
    b.plant_span(rew, "single-report", 1, "has one report", profiles="classic,rendanheyi")
    tal = head("U-HR-TAL", "Talent and Learning", "Head of Talent and Learning", hr, "U-HR", steps=3)
    b.staff(tal, "U-HR-TAL", 3, "Learning Adviser")
    ld = b.person("Learning Designer", "G6", tal, "U-HR-TAL", fte=0.8)
    b.notes[ld] = "grade inversion: G6 under a G6 head"
    b.plant("classic,rendanheyi", "structure-grade-inversion", "same-grade", ld, "-", "warning",
            "%s, G6 under a G6 head" % b.who(ld))

    # ---- IT -----------------------------------------------------------------------------------
    it = director("U-IT", "Information Technology", "IT Director")
    sd = head("U-IT-SD", "IT Service Desk", "IT Service Desk Manager", it, "U-IT", steps=3)
    b.staff(sd, "U-IT-SD", 3, "Service Desk Analyst")
    v = b.person("Service Desk Analyst", "EO", sd, "U-IT-SD", name="Vacant post", vacant=True)
    b.notes[v] = "vacancy: does not count towards the span"
    b.plant_span(sd, "too-narrow", 3, "has 3 analysts and a vacant post, which does not count")
    inf = head("U-IT-INF", "Infrastructure", "Head of Infrastructure", it, "U-IT", steps=2)
    ids = b.staff(inf, "U-IT-INF", 5, "Infrastructure Engineer")
    b.flag_some(ids, "contractor", 2)
    apps = head("U-IT-APPS", "Business Applications", "Head of Business Applications", it, "U-IT",
                steps=2)
    for area in ["ERP", "Manufacturing Systems"]:
        am = b.manager("Application Manager - " + area, apps, "U-IT-APPS")
        ids = b.staff(am, "U-IT-APPS", 4, "Application Developer")
        b.flag_some(ids, "contractor", 1)
    arch = b.person("Interim Solution Architect", "SCS1", apps, "U-IT-APPS", contractor=True)
    b.notes[arch] = "grade inversion: an interim contractor hired at SCS1, equal to the head"
    b.plant("classic,rendanheyi", "structure-grade-inversion", "same-grade", arch, "-", "warning",
            "%s, an interim contractor hired at SCS1, equal to the head" % b.who(arch))
    b.staff(apps, "U-IT-APPS", 1, "ERP Business Analyst", steps=(3,))
    sec = head("U-IT-SEC", "Information Security", "Information Security Manager", it, "U-IT", steps=3)
    b.staff(sec, "U-IT-SEC", 4, "Security Analyst")

    # ---- Legal --------------------------------------------------------------------------------
    gc = director("U-LEGAL", "Legal", "General Counsel")
    com = head("U-LEGAL-COM", "Commercial Law", "Head of Commercial Law", gc, "U-LEGAL", steps=3)
    b.notes[com] = "single report"
    b.staff(com, "U-LEGAL-COM", 1, "Senior Counsel", steps=(1,))
    b.plant_span(com, "single-report", 1, "has one report", profiles="classic,rendanheyi")
    cmp_ = head("U-LEGAL-CMP", "Compliance", "Compliance Manager", gc, "U-LEGAL", steps=3)
    b.staff(cmp_, "U-LEGAL-CMP", 3, "Compliance Officer")
    b.plant_span(cmp_, "too-narrow", 3, "has 3 reports")
    b.staff(gc, "U-LEGAL", 1, "Company Secretary", steps=(3,))
    b.staff(gc, "U-LEGAL", 2, "Legal Counsel", steps=(3, 4))

    # ---- Procurement --------------------------------------------------------------------------
    proc = director("U-PROC", "Procurement", "Procurement Director")
    dm = head("U-PROC-DIRECT", "Direct Materials", "Direct Materials Manager", proc, "U-PROC", steps=3)
    b.staff(dm, "U-PROC-DIRECT", 5, "Buyer")
    # Nobody was appointed to lead indirect buying: the unit has no owner, its buyers report to
    # the director.
    head_less = b.unit("U-PROC-INDIRECT", "Indirect Procurement", "U-PROC")
    b.plant("classic,rendanheyi", "structure-integrity", "no-owner", head_less, "-", "warning",
            "Indirect Procurement has no owner; its buyers report to the director")
    b.staff(proc, head_less, 4, "Indirect Buyer", steps=(5, 6))
    sq = head("U-PROC-SQ", "Supplier Quality", "Supplier Quality Manager", proc, "U-PROC", steps=3)
    b.staff(sq, "U-PROC-SQ", 4, "Supplier Quality Engineer")

    # ---- Customer Service ---------------------------------------------------------------------
    cs = director("U-CS", "Customer Service", "Customer Service Director", user_facing=True)
    cc = head("U-CS-CC", "Contact Centre", "Contact Centre Manager", cs, "U-CS", steps=2,
              user_facing=True)
    for team, n in [("A", 18), ("B", 8), ("C", 15)]:
        uid = "U-CS-CC-" + team
        tm = head(uid, "Contact Centre Team " + team, "Contact Centre Team Manager - " + team, cc,
                  "U-CS-CC", steps=3, user_facing=True, location="Wuhan")
        ids = b.staff(tm, uid, n, "Customer Service Agent", steps=(1, 2), user_facing=True,
                      location="Wuhan")
        if team == "A":
            b.notes[tm] = "span 18: the team grew and was never split"
            b.plant_span(tm, "too-wide", 18, "has 18 agents: the team grew and was never split")
            for pid in ids[:4]:
                b.by_id[pid]["fte"] = 0.5
    b.staff(cc, "U-CS-CC", 1, "Workforce Planner", steps=(3,))
    fs = head("U-CS-FIELD", "Field Service", "Field Service Manager", cs, "U-CS", steps=3,
              user_facing=True)
    b.staff(fs, "U-CS-FIELD", 6, "Field Service Engineer", user_facing=True)
    cr = head("U-CS-CR", "Complaints and Returns", "Complaints and Returns Lead", cs, "U-CS", steps=4,
              user_facing=True)
    b.staff(cr, "U-CS-CR", 4, "Complaints Handler", user_facing=True)
    b.staff(cs, "U-CS", 1, "Customer Experience Analyst", steps=(4,))

    # Dotted lines: the plant controller also answers to the Head of FP&A.
    for p in b.people:
        if p.get("dotted") == ["@FPA"]:
            p["dotted"] = [fpa]
    b.by_id[lab].setdefault("dotted", []).append(b.by_id[mm]["manager"])  # lab serves the plants
    assert not b.special, "every special name should have been handed out: " + repr(b.special)
    pilot_and_links(b, rnd, hr, fin)
    return b


def pilot_and_links(b, rnd, hr, fin):
    """The company's first steps towards Rendanheyi, added last so every earlier id stays put.

    A Connected Kitchen pilot ME under R&D sells through Key Accounts under an internal contract,
    but HR still hires for it and the Finance Director sets its pay: it holds one of its three
    rights. A handful of collaboration links: Key Accounts with the Contact Centre, Market Research
    with Innovation and Brand, Refrigeration Engineering with the Test Lab and Quality Assurance.
    Everything else is tied to the rest only by reporting lines.
    """
    pilot = b.unit("U-RND-PILOT", "Connected Kitchen Pilot ME", "U-RND", user_facing=True)
    u = b.units[-1]
    u["kind"] = "me"
    u["rights"] = {"decision": "self", "people": "U-HR", "pay": fin}
    u["metrics"] = {"periods": ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"],
                    "headcount": [3, 3, 4, 4, 5, 5], "revenue": [120, 150, 190, 240, 300, 370],
                    "user_feedback": [4.0, 4.1, 4.2, 4.2, 4.3, 4.4], "external_hires": [0, 1, 0, 1, 0, 1]}
    owner = b.person("Pilot ME Owner - Connected Kitchen", "G6", rnd, pilot, location="Qingdao",
                     user_facing=True)
    b.set_owner(pilot, owner)
    b.notes[owner] = ("the pilot ME: it decides for itself, but HR hires for it and the Finance "
                      "Director sets its pay")
    b.staff(owner, pilot, 4, "Entrepreneur - Connected Kitchen", steps=(1, 2), location="Qingdao",
            user_facing=True)
    i = b.ids
    b.links += [
        ("U-RND-PILOT", "U-SALES-KA", "contract", 1),        # sells through key accounts
        ("U-SALES-KA", "U-CS-CC", "collaboration", 3),       # account managers and the contact centre
        (i["adv"], i["mr"], "collaboration", 2),             # Innovation's one tie: its head of engineering
        (i["analysts"][0], "U-MKT-BRAND", "collaboration", 1),
        (i["ref-engineers"][0], i["ref-engineers"][1], "collaboration", 3),   # Refrigeration mostly
        (i["ref-engineers"][5], i["ref-engineers"][6], "collaboration", 3),   # talks to itself
        (i["ref-engineers"][10], i["ref-engineers"][11], "collaboration", 3),
        (i["ref-engineers"][0], i["technicians"][0], "collaboration", 1),
        (i["systems"], i["auditors"][0], "collaboration", 1),
        (i["lab"], i["qa"], "collaboration", 2),
    ]
    rendanheyi = [
        ("rendanheyi-three-rights", "people-not-held", pilot, "HR hires for the pilot ME"),
        ("rendanheyi-three-rights", "pay-not-held", pilot, "the Finance Director sets its pay"),
        ("rendanheyi-silo", "inward", "U-RND-REF", "Refrigeration Engineering mostly talks to itself"),
        ("rendanheyi-silo", "single-bridge", i["adv"],
         "Innovation's only outside tie is its Head of Advanced Engineering, %s" % b.who(i["adv"])),
        ("rendanheyi-silo", "reporting-lines-only", "U-FIN", "Finance, with no link at all, is a silo"),
        ("rendanheyi-zero-distance", "hierarchy-only", "U-CORP",
         "nothing is under contract with the user-facing units, so the company has no path to a user"),
    ]
    for rule, key, entity, why in rendanheyi:
        b.plant("rendanheyi", rule, key, entity, "-", "warning", why)


def header(b, body):
    reports = sample_header.audit(body, ("rendanheyi", "classic"))
    b.planted.only("classic", "the spans-and-layers problems above are all the classic profile finds")
    for rule in ("rendanheyi-me-size", "rendanheyi-complacent-me"):
        b.planted.none("rendanheyi", rule, "the pilot ME is small and doing well")
    L = []
    L.append("# Qingdao Classic Appliances: a fictional, traditional appliance manufacturer.")
    L.append("# GENERATED by samples/traditional/generate.py: edit the script, not this file.")
    L.append("#")
    L.append("# %d people, %d units (10 departments and a pilot ME), %d links, 8 to 9 layers below the CEO"
             % (len(b.people), len(b.units), len(b.links)))
    L.append("# at the deepest.")
    L.append("#")
    L.append("# `orgaudit check samples/traditional/org.yaml` (the default rendanheyi profile: both packs, at")
    L.append("# most 3 layers) finds %s:" % sample_header.summary(reports["rendanheyi"]))
    L.append("# a traditional hierarchy fails the Rendanheyi model's tests, so it exits 1.")
    L.append("# `--profile classic` (the structure pack alone, spans-and-layers thresholds) finds")
    L.append("# %s, also exit 1." % sample_header.summary(reports["classic"]))
    L.append("#")
    L += b.planted.header()
    L += sample_header.counts(reports)
    L.append("# Also in the data, not problems in themselves: assistants (assistant: true), a vacant post")
    L.append("# (vacant: true), contractors, part-time posts (fte < 1), dotted lines, and names with an")
    L.append("# apostrophe, accents and CJK characters (Siobhan O'Brien, Zoë Martin, 李娜) for the writers.")
    return L

# ---- YAML output ------------------------------------------------------------------------------------

def scalar(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    s = str(v)
    plain_ok = (s and s[0] not in "!&*-?:,[]{}#|>@`'\"%" and ": " not in s and " #" not in s
                and s.strip() == s and s.lower() not in ("null", "true", "false", "yes", "no", "~")
                and not s.replace(".", "").replace("-", "").isdigit())
    if plain_ok:
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(b, path):
    L = []
    L.append("orgaudit: 1")
    L.append("org:")
    L.append("  name: Qingdao Classic Appliances")
    L.append("  as_of: " + AS_OF)
    L.append("")
    L.append("units:")
    for u in b.units:
        L.append("  - id: " + u["id"])
        L.append("    name: " + scalar(u["name"]))
        L.append("    kind: " + u["kind"])
        if u["parent"]:
            L.append("    parent: " + u["parent"])
        if u["owner"]:
            L.append("    owner: " + u["owner"])
        else:
            L.append("    # no owner: nobody was appointed to lead this unit")
        if u["user_facing"]:
            L.append("    user_facing: true")
        if u.get("rights"):
            r = u["rights"]
            L.append("    rights: {decision: %s, people: %s, pay: %s}" % (r["decision"], r["people"], r["pay"]))
        if u.get("metrics"):
            L.append("    metrics:")
            for k, v in u["metrics"].items():
                L.append("      %s: [%s]" % (k, ", ".join(str(x) for x in v)))
        L.append("    attributes:")
        L.append("      cost_centre: " + u["cost_centre"])
    L.append("")
    L.append("people:")
    for p in b.people:
        note = b.notes.get(p["id"])
        if note:
            L.append("  # " + note)
        L.append("  - id: " + p["id"])
        L.append("    name: " + scalar(p["name"]))
        L.append("    title: " + scalar(p["title"]))
        L.append("    grade: " + p["grade"])
        if p["manager"]:
            L.append("    manager: " + p["manager"])
        if p.get("dotted"):
            L.append("    dotted: [%s]" % ", ".join(p["dotted"]))
        L.append("    unit: " + p["unit"])
        if "fte" in p:
            L.append("    fte: " + repr(p["fte"]))
        for flag in ("assistant", "contractor", "vacant", "user_facing"):
            if p.get(flag):
                L.append("    %s: true" % flag)
        L.append("    attributes:")
        L.append("      location: " + p["location"])
    L.append("")
    L.append("links:")
    for a, c, kind, weight in b.links:
        L.append("  - {from: %s, to: %s, kind: %s, weight: %d}" % (a, c, kind, weight))
    body = "\n".join(L) + "\n"
    schema = "# yaml-language-server: $schema=../../schema/orgaudit-org.schema.json\n"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(schema + "\n".join(header(b, body)) + "\n" + body)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", default=os.path.join(here, "org.yaml"))
    args = ap.parse_args()
    b = build()
    write(b, args.output)
    print("%s: %d people, %d units, %d planted problems" % (args.output, len(b.people), len(b.units),
                                                           len(b.planted.lines)), file=sys.stderr)


if __name__ == "__main__":
    main()
