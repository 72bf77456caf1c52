#!/usr/bin/env python3
"""Generates samples/transformation/org.yaml: an appliance maker half-way through a Rendanheyi
transformation, its 600-person R&D department being split into micro-enterprises.

    python3 samples/transformation/generate.py            # rewrites org.yaml next to this script
    python3 samples/transformation/generate.py -o FILE

Deterministic (fixed seed). Modelled on what seed 000 says of GE Appliances after Haier bought it:
"a very traditional linear management model", "a traditional cascading model that starts from R&D
to manufacturing and into distribution", the "original R&D department, which consisted of 600
people" broken up "into smaller teams that focus on different categories of products. For example,
washing machines and refrigerators", "seven micro-enterprises already", a compensation structure
being changed so that "everybody can share the profit", and MEs that "can also get external
resources if they need extra R&D help".

Bluegrass Appliances is fictional. Half-way means: Laundry and Refrigeration have become seven MEs
in two EMCs; Cooking, Dishwashers, Air, Water Heating, Small Appliances, Advanced Engineering and
the Test Labs still work in the old R&D hierarchy under the R&D Director. The header the script
writes lists the planted problems one per line (planted() below) and what orgaudit finds, from
`orgaudit check --format json` on the data (build orgaudit first); plugins/rendanheyi/samples_test.cc
checks both against the rules. The problems planted on purpose are:

  me-size          the French-door Refrigeration ME kept 22 people (error, 20 or more); the
                   Front-load Washer ME has 17 (warning, above 15): both should split again.
  three-rights     the Dryer ME's pay is still set by HR on the old grade scale; the Ice and Water
                   ME's hiring still goes through the R&D Director.
  complacent-me    the Top-load Washer ME: user feedback falling, no outside hire for six months,
                   revenue flat.
  emc-contract     the Laundry Care EMC still counts the Top-load Washer ME, three loss-making
                   months in a row; the Cold Chain EMC's contract has no value-sharing term yet.
  emc-losses       the Laundry Care EMC has lost more than its contract's loss threshold and still
                   exists.
  win-win          the Cold Chain EMC's statement is still a product P&L (no user resources,
                   resource providers or platform value); the Laundry Care EMC's marginal gains fell.
  silo             the old R&D categories are tied to the rest only by reporting lines; Advanced
                   Engineering collaborates mostly with itself (E-I index); the Ice and Water ME,
                   in no EMC yet, hangs on its owner's personal links.
  zero-distance    the old R&D units have no contract or EMC path to users; the Design Studio is
                   three contracts away.
  value-less       the R&D Director and the heads of the old R&D categories manage managers and
                   own nothing that faces users; so does the Manufacturing Director.
  structure        the old R&D hierarchy is 5 layers deep below the CEO (max 3 under Rendanheyi).
"""

import argparse
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
import org_writer  # noqa: E402
import sample_header  # noqa: E402

SEED = 20261031
AS_OF = "2026-10-31"
PERIODS = ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]
RND_SIZE = 600  # the R&D department before the split: MEs plus what is left of the old hierarchy

FIRST = """Aaron Abigail Adrian Aisha Alan Alicia Amanda Andre Angela Anthony Ashley Austin Ben Beth
Brandon Brianna Caleb Carlos Carmen Chloe Chris Claire Cody Colin Dana Daniel Darnell Deborah Derek
Diana Diego Dylan Elena Elijah Emily Eric Erin Ethan Evan Faith Gavin Grace Hannah Hector Ian Imani
Isaac Isabel Jacob Jada Jake Jasmine Jason Javier Jenna Jesse Jordan Joseph Julia Justin Kara Kayla
Keith Kevin Kyle Laura Lauren Leah Logan Luis Luke Madison Marcus Maria Mason Maya Megan Melissa Miguel
Mina Monica Nadia Nathan Nicole Noah Nora Olivia Omar Owen Paige Priya Rachel Raj Rebecca Ryan Sam
Sara Sean Sofia Tara Tessa Thomas Trevor Tyler Vanessa Victor Will Wyatt Yasmin Zach Zoe""".split()
LAST = """Adams Allen Alvarez Anderson Baker Barnes Bell Bennett Brooks Brown Bryant Butler Campbell
Carter Castillo Chen Clark Coleman Collins Cook Cooper Cox Cruz Davis Diaz Edwards Evans Fisher Flores
Foster Garcia Gomez Gonzalez Gray Green Griffin Hall Harris Hayes Henderson Hernandez Hill Howard
Hughes Jackson James Jenkins Johnson Jones Kelly Kim King Lee Lewis Long Lopez Martin Martinez Miller
Mitchell Moore Morgan Morris Murphy Myers Nelson Nguyen O'Connor Ortiz Parker Patel Perez Perry
Peterson Phillips Powell Price Ramirez Reed Reyes Richardson Rivera Roberts Robinson Rodriguez Rogers
Ross Russell Sanchez Sanders Scott Shah Simmons Smith Stewart Sullivan Taylor Thomas Thompson Torres
Turner Walker Ward Washington Watson White Williams Wilson Wood Wright Young""".split()


def table(**series):
    return dict(periods=PERIODS, **series)


# ---- the seven MEs: Laundry and Refrigeration, split out of R&D --------------------------------------
# size = people whose unit is the ME (owner included). Metrics in USD thousands a month.
MES = [
    dict(id="ME-WASH-FL", name="Front-load Washer ME", emc="EMC-LAUNDRY", size=17,
         roles=["drum and motor", "wash programs", "connected app", "user research", "test", "suppliers"],
         note="PLANTED: 17 people, above the default profile's 15: the old washer team moved over whole",
         metrics=table(headcount=[14, 15, 15, 16, 17, 17], revenue=[2100, 2180, 2270, 2380, 2490, 2600],
                       costs=[1900, 1950, 2010, 2080, 2150, 2220], user_feedback=[4.1, 4.2, 4.2, 4.3, 4.3, 4.4],
                       external_hires=[1, 0, 1, 0, 1, 0], external_funding=[0, 0, 400, 0, 0, 0])),
    dict(id="ME-TOPLOAD", name="Top-load Washer ME", emc="EMC-LAUNDRY", size=9,
         roles=["agitators", "value range", "test", "suppliers"],
         note="PLANTED: complacent (user feedback falling, no outside hire since May, revenue flat) and "
              "loss-making for three months, yet still in the Laundry Care EMC",
         metrics=table(headcount=[9, 9, 9, 9, 9, 9], revenue=[900, 910, 905, 890, 885, 880],
                       costs=[880, 890, 900, 905, 910, 915], user_feedback=[4.3, 4.3, 4.2, 4.0, 3.8, 3.6],
                       external_hires=[0, 0, 0, 0, 0, 0], external_funding=[250, 0, 0, 0, 0, 0])),
    dict(id="ME-DRYER", name="Dryer ME", emc="EMC-LAUNDRY", size=11,
         roles=["heat pump drying", "sensors", "test", "user research"],
         rights={"decision": "self", "people": "self", "pay": "U-HR"},
         note="PLANTED: its pay is still set by HR on the old grade scale: it does not hold its pay right",
         metrics=table(headcount=[10, 10, 11, 11, 11, 11], revenue=[1200, 1260, 1330, 1400, 1470, 1550],
                       costs=[1100, 1140, 1190, 1240, 1290, 1340], user_feedback=[4.0, 4.1, 4.1, 4.2, 4.3, 4.3],
                       external_hires=[0, 1, 0, 0, 1, 0], external_funding=[0, 300, 0, 0, 0, 0])),
    dict(id="ME-FRIDGE-FD", name="French-door Refrigeration ME", emc="EMC-COLD", size=22,
         roles=["cabinets", "sealed systems", "ice and water", "controls", "user research", "test",
                "suppliers"],
         note="PLANTED: 22 people, the old refrigeration engineering team renamed: it must split",
         metrics=table(headcount=[22, 22, 22, 22, 22, 22], revenue=[3900, 4050, 4200, 4380, 4560, 4750],
                       costs=[3400, 3500, 3600, 3720, 3840, 3960], user_feedback=[4.2, 4.3, 4.3, 4.4, 4.4, 4.5],
                       external_hires=[1, 0, 0, 1, 0, 1], external_funding=[0, 0, 0, 900, 0, 0])),
    dict(id="ME-FRIDGE-SBS", name="Side-by-side Refrigeration ME", emc="EMC-COLD", size=12,
         roles=["cabinets", "dispensers", "test", "suppliers"],
         metrics=table(headcount=[11, 11, 12, 12, 12, 12], revenue=[1700, 1760, 1830, 1900, 1980, 2060],
                       costs=[1550, 1590, 1640, 1690, 1740, 1790], user_feedback=[4.1, 4.1, 4.2, 4.2, 4.3, 4.3],
                       external_hires=[0, 1, 0, 1, 0, 0], external_funding=[0, 0, 350, 0, 0, 0])),
    dict(id="ME-FREEZER", name="Freezer ME", emc="EMC-COLD", size=8,
         roles=["chest freezers", "garage-ready", "test"],
         metrics=table(headcount=[7, 7, 8, 8, 8, 8], revenue=[600, 640, 690, 740, 800, 860],
                       costs=[560, 590, 620, 650, 690, 730], user_feedback=[4.0, 4.1, 4.1, 4.2, 4.2, 4.3],
                       external_hires=[1, 0, 0, 0, 1, 0], external_funding=[0, 200, 0, 0, 0, 0])),
    dict(id="ME-ICE", name="Ice and Water ME", emc=None, size=6,
         roles=["ice makers", "filtration", "connected water", "user research"],
         rights={"decision": "self", "people": "P-RND-DIR", "pay": "self"},
         note="PLANTED: new, in no EMC and under no contract yet: its only ties to other units are its "
              "owner's own links (a single bridge), and its hiring still goes through the R&D Director",
         metrics=table(headcount=[3, 4, 4, 5, 6, 6], revenue=[100, 140, 190, 250, 320, 400],
                       costs=[150, 170, 200, 240, 290, 340], user_feedback=[4.0, 4.2, 4.3, 4.4, 4.5, 4.6],
                       external_hires=[1, 1, 0, 1, 1, 0], external_funding=[0, 500, 0, 0, 0, 0])),
]

EMCS = [
    dict(id="EMC-LAUNDRY", name="Laundry Care EMC", lead="ME-WASH-FL",
         members=["ME-WASH-FL", "ME-TOPLOAD", "ME-DRYER", "XP-DETERGENT"],
         note="PLANTED: lost more than its loss threshold over six months and still exists; its marginal "
              "gains fell in October; it still counts the loss-making Top-load Washer ME",
         contract=dict(updated="2026-10-05",
                       objectives=["A laundry-care subscription in every connected washer household",
                                   "Cut service calls per washer by a third"],
                       value_sharing="Subscription gains shared by agreed contribution; the detergent "
                                     "partner takes 15%",
                       loss_threshold=1500),
         metrics=table(revenue=[400, 430, 450, 470, 480, 500], costs=[700, 720, 740, 760, 780, 800]),
         win_win=table(user_resources=[8000, 9500, 11000, 12600, 14000, 15300],
                       resource_providers=[2, 2, 3, 3, 4, 4], platform_value=[150, 180, 210, 240, 260, 280],
                       revenues=[400, 430, 450, 470, 480, 500], costs=[700, 720, 740, 760, 780, 800],
                       marginal_gains=[0.02, 0.04, 0.05, 0.07, 0.08, 0.06])),
    dict(id="EMC-COLD", name="Cold Chain EMC", lead="ME-FRIDGE-FD",
         members=["ME-FRIDGE-FD", "ME-FRIDGE-SBS", "ME-FREEZER"],
         note="PLANTED: the contract has no value-sharing term yet, and the win-win statement is still a "
              "product P&L (revenues, costs and marginal gains only)",
         contract=dict(updated="2026-10-12",
                       objectives=["Fresh-food scenario with a grocery partner by spring",
                                   "One connected-fridge app for all three MEs"],
                       value_sharing=None, loss_threshold=2000),
         metrics=table(revenue=[300, 340, 380, 430, 480, 540], costs=[280, 300, 330, 360, 390, 420]),
         win_win=table(revenues=[300, 340, 380, 430, 480, 540], costs=[280, 300, 330, 360, 390, 420],
                       marginal_gains=[0.03, 0.05, 0.06, 0.08, 0.09, 0.11])),
]

# ---- what is left of the old R&D hierarchy ----------------------------------------------------------
# (unit id, name, engineering managers, team leads per manager); engineers fill the rest of the 600.
LEGACY = [
    ("U-RND-COOK", "Cooking Engineering", 4, 2),
    ("U-RND-DISH", "Dishwasher Engineering", 3, 2),
    ("U-RND-AIR", "Air Conditioning Engineering", 3, 2),
    ("U-RND-WATER", "Water Heating Engineering", 2, 2),
    ("U-RND-SMALL", "Small Appliances Engineering", 3, 2),
    ("U-RND-ADV", "Advanced Engineering", 2, 2),
    ("U-RND-LAB", "Test Laboratories", 3, 2),
]

# Other departments: (unit id, name, kind, head title, staff title, staff, user_facing).
DEPARTMENTS = [
    ("U-SALES", "Sales", "department", "Sales Director", "Account Manager", 14, True),
    ("U-CARE", "Customer Care", "department", "Customer Care Manager", "Care Agent", 12, True),
    ("U-MFG", "Manufacturing", "department", "Manufacturing Director", None, 0, False),
    ("U-SUPPLY", "Supply Chain", "department", "Supply Chain Manager", "Planner", 6, False),
    ("U-FIN", "Finance shared service", "shared-service", "Head of Finance", "Finance Partner", 7, False),
    ("U-HR", "HR shared service", "shared-service", "Head of HR", "HR Partner", 6, False),
    ("U-STUDIO", "Design Studio", "shared-service", "Design Studio Lead", "Industrial Designer", 4, False),
]
PLANTS = [("U-MFG-LOU", "Louisville Plant", 9), ("U-MFG-DEC", "Decatur Plant", 8)]

LINKS = [
    # contracts: the platform invests in the EMCs, the shared services serve them, the plants build
    ("PLAT", "EMC-LAUNDRY", "contract", 1), ("PLAT", "EMC-COLD", "contract", 1),
    ("U-FIN", "EMC-LAUNDRY", "contract", 1), ("U-FIN", "EMC-COLD", "contract", 1),
    ("U-HR", "EMC-LAUNDRY", "contract", 1), ("U-HR", "EMC-COLD", "contract", 1),
    ("U-MFG", "ME-WASH-FL", "contract", 1), ("U-MFG", "ME-FRIDGE-FD", "contract", 1),
    ("U-MFG-LOU", "U-MFG", "contract", 1), ("U-MFG-DEC", "U-MFG", "contract", 1),
    ("U-SUPPLY", "U-MFG", "contract", 1),
    ("U-STUDIO", "U-SUPPLY", "contract", 1),      # three contracts from a user: too far
    ("U-SALES", "EMC-COLD", "contract", 1), ("U-SALES", "EMC-LAUNDRY", "contract", 1),
    # collaboration (parallel, not cascading)
    ("U-SALES", "U-CARE", "collaboration", 3),
    ("ME-WASH-FL", "ME-DRYER", "collaboration", 3), ("ME-TOPLOAD", "ME-WASH-FL", "collaboration", 1),
    ("ME-FRIDGE-FD", "ME-FRIDGE-SBS", "collaboration", 3), ("ME-FREEZER", "ME-FRIDGE-SBS", "collaboration", 2),
    ("U-CARE", "ME-DRYER", "collaboration", 1), ("U-CARE", "ME-FRIDGE-FD", "collaboration", 1),
    ("U-FIN", "U-HR", "collaboration", 1), ("U-STUDIO", "ME-WASH-FL", "collaboration", 1),
]


class Names:
    def __init__(self, rng):
        self.rng, self.used = rng, set()

    def __call__(self):
        while True:
            n = self.rng.choice(FIRST) + " " + self.rng.choice(LAST)
            if n not in self.used:
                self.used.add(n)
                return n


def build():
    rng = random.Random(SEED)
    name = Names(rng)
    units, people, links = [], [], list(LINKS)
    counter = [0]

    def person(title, manager, unit, pid=None, **extra):
        counter[0] += 1
        p = dict(id=pid or "P-%04d" % counter[0], name=name(), title=title, manager=manager, unit=unit,
                 location=extra.pop("location", "Louisville"), **extra)
        people.append(p)
        return p["id"]

    def unit(uid, uname, kind, parent, **extra):
        u = dict(id=uid, name=uname, kind=kind, parent=parent, **extra)
        units.append(u)
        return u

    plat = unit("PLAT", "Bluegrass Appliances platform", "platform", None,
                note="the company, turning into a platform for its MEs")
    ceo = person("President and CEO", None, "PLAT")
    plat["owner"] = ceo
    person("Executive Assistant to the CEO", ceo, "PLAT", assistant=True)

    for uid, uname, kind, head, staff, n, facing in DEPARTMENTS:
        u = unit(uid, uname, kind, "PLAT", user_facing=facing)
        u["owner"] = person(head, ceo, uid, user_facing=facing)
        for _ in range(n):
            person(staff, u["owner"], uid, user_facing=facing)
    mfg = next(u for u in units if u["id"] == "U-MFG")
    for uid, uname, n in PLANTS:
        u = unit(uid, uname, "department", "U-MFG")
        u["owner"] = person("Plant Manager - " + uname.split()[0], mfg["owner"], uid)
        for _ in range(n):
            person("Production Lead", u["owner"], uid)
    unit("XP-DETERGENT", "Detergent partner", "external-partner", None,
         note="external partner in the Laundry Care EMC: dosing cartridges for the subscription")

    # The old R&D department, headed by the R&D Director.
    rnd = unit("U-RND", "Research and Development", "department", "PLAT",
               note="what is left of the 600-person R&D department: the categories not yet split into MEs")
    director = person("R&D Director", ceo, "U-RND", pid="P-RND-DIR")
    rnd["owner"] = director
    person("PA to the R&D Director", director, "U-RND", assistant=True)

    # The seven MEs. Their owners report to the CEO: the platform owner.
    me_units = {}
    for spec in MES:
        u = unit(spec["id"], spec["name"], "me", "PLAT", user_facing=True, note=spec.get("note"),
                 rights=spec.get("rights", {"decision": "self", "people": "self", "pay": "self"}),
                 metrics=spec["metrics"])
        me_units[spec["id"]] = u
        u["owner"] = person("ME owner", ceo, spec["id"], user_facing=True)
        for i in range(spec["size"] - 1):
            person("Entrepreneur - " + spec["roles"][i % len(spec["roles"])], u["owner"], spec["id"],
                   user_facing=True)
    for e in EMCS:
        u = unit(e["id"], e["name"], "emc", "PLAT", members=e["members"], note=e["note"],
                 contract=e["contract"], metrics=e["metrics"], win_win=e["win_win"])
        u["owner"] = me_units[e["lead"]]["owner"]
    xp = next(u for u in units if u["id"] == "XP-DETERGENT")
    xp["owner"] = person("Partner account lead", me_units["ME-WASH-FL"]["owner"], "XP-DETERGENT",
                         external=True)

    # The Ice and Water ME's owner is its one bridge: two personal links into the Cold Chain MEs.
    ice_owner = me_units["ME-ICE"]["owner"]
    links.append((ice_owner, me_units["ME-FRIDGE-FD"]["owner"], "collaboration", 2))
    links.append((ice_owner, me_units["ME-FREEZER"]["owner"], "collaboration", 1))

    in_mes = sum(spec["size"] for spec in MES)
    legacy_heads = []
    remaining = RND_SIZE - in_mes - 2  # the director and the PA
    for uid, uname, managers, leads in LEGACY:
        u = unit(uid, uname, "department", "U-RND")
        head = person("Head of " + uname, director, uid)
        u["owner"] = head
        legacy_heads.append((uid, head))
        remaining -= 1
    # Engineering managers and team leads, then engineers spread over the teams to reach 600.
    teams = []
    for (uid, uname, managers, leads), (_, head) in zip(LEGACY, legacy_heads):
        for m in range(managers):
            em = person("Engineering Manager - %s %d" % (uname.split()[0], m + 1), head, uid)
            remaining -= 1
            for t in range(leads):
                teams.append((uid, person("Team Lead", em, uid)))
                remaining -= 1
    engineers = {}
    for i in range(remaining):
        uid, lead = teams[i % len(teams)]
        engineers.setdefault(uid, []).append(person("Engineer", lead, uid))

    # Advanced Engineering works with itself: heavy links inside, two light ones out (E-I < -0.5).
    adv = engineers["U-RND-ADV"]
    links += [(adv[0], adv[1], "collaboration", 3), (adv[2], adv[3], "collaboration", 3),
              (adv[4], adv[5], "collaboration", 2), (adv[6], me_units["ME-DRYER"]["owner"], "collaboration", 1),
              (adv[7], "ME-FREEZER", "collaboration", 1)]
    return units, people, links, legacy_heads, teams


def planted(units, people, legacy_heads, teams):
    """The problems put in on purpose (samples/sample_header.py), from the data above."""
    owner = {u["id"]: u["owner"] for u in units}
    size = {spec["id"]: spec["size"] for spec in MES}
    both = "rendanheyi,rendanheyi-strict"
    p = sample_header.Planted()
    for profile, me, severity, why in (
            ("rendanheyi", "ME-WASH-FL", "warning", "the old washer team moved over whole: above 15"),
            ("rendanheyi", "ME-FRIDGE-FD", "error", "the old refrigeration team renamed: 20 or more"),
            ("rendanheyi-strict", "ME-WASH-FL", "error", "15 or more under strict"),
            ("rendanheyi-strict", "ME-FRIDGE-FD", "error", "15 or more under strict"),
            ("rendanheyi-strict", "ME-FRIDGE-SBS", "warning", "not fewer than 10, as strict wants"),
            ("rendanheyi-strict", "ME-DRYER", "warning", "not fewer than 10, as strict wants")):
        p.finding(profile, "rendanheyi-me-size", "-", me, str(size[me]), severity,
                  "%s has %d people: %s" % (me, size[me], why))
    p.finding("classic,rendanheyi-strict", "structure-span-of-control", "too-wide", owner["ME-WASH-FL"], "17",
              "warning", "the Front-load Washer ME's owner manages its 16 entrepreneurs and the detergent "
              "partner's account lead (max 15)")
    p.finding("classic," + both, "structure-span-of-control", "too-wide", owner["ME-FRIDGE-FD"], "21", "warning",
              "the French-door Refrigeration ME's owner manages all 21 of its other people (max 20, strict 15)")
    for profiles, rule, key, entity, number, severity, why in (
        (both, "rendanheyi-three-rights", "pay-not-held", "ME-DRYER", "-", "warning",
         "HR still sets the Dryer ME's pay on the old grade scale"),
        (both, "rendanheyi-three-rights", "people-not-held", "ME-ICE", "-", "warning",
         "the Ice and Water ME's hiring still goes through the R&D Director"),
        (both, "rendanheyi-complacent-me", "-", "ME-TOPLOAD", "3", "warning",
         "the Top-load Washer ME: user feedback falling, no outside hire for six months, revenue flat"),
        (both, "rendanheyi-emc-contract", "underperforming-member", "EMC-LAUNDRY", "3", "warning",
         "the Laundry Care EMC still counts the Top-load Washer ME after three loss-making months"),
        (both, "rendanheyi-emc-contract", "incomplete", "EMC-COLD", "-", "warning",
         "the Cold Chain EMC's contract has no value-sharing term yet"),
        ("rendanheyi-strict", "rendanheyi-emc-contract", "stale", "EMC-LAUNDRY", "26", "warning",
         "the Laundry Care EMC's contract, updated 2026-10-05, is older than strict's 21 days"),
        (both, "rendanheyi-emc-losses", "losses-reach-threshold", "EMC-LAUNDRY", "1500", "error",
         "the Laundry Care EMC has lost more than its contract's loss threshold (1500) and still exists"),
        (both, "rendanheyi-win-win-statement", "falling-gains", "EMC-LAUNDRY", "0.06", "warning",
         "the Laundry Care EMC's marginal gains fell to 0.06 in October"),
        (both, "rendanheyi-win-win-statement", "incomplete", "EMC-COLD", "3", "warning",
         "the Cold Chain EMC's statement is still a product P&L: no user resources, resource providers "
         "or platform value"),
        (both, "rendanheyi-silo", "reporting-lines-only", "U-RND", "6", "warning",
         "the old R&D categories (all but Advanced Engineering) are tied to the rest only by reporting lines"),
        (both, "rendanheyi-silo", "inward", "U-RND-ADV", "-", "warning",
         "Advanced Engineering collaborates mostly with itself (E-I index)"),
        (both, "rendanheyi-silo", "single-bridge", owner["ME-ICE"], "-", "warning",
         "the Ice and Water ME, in no EMC yet, hangs on its owner's personal links"),
        (both, "rendanheyi-zero-distance", "hierarchy-only", "U-RND", str(len(LEGACY)), "warning",
         "the old R&D department and its %d categories have no contract or EMC path to users" % len(LEGACY)),
        (both, "rendanheyi-zero-distance", "too-far", "U-STUDIO", "3", "warning",
         "the Design Studio is three contracts away from a user"),
        (both, "rendanheyi-value-less-manager", "-", "P-RND-DIR", str(len(LEGACY)), "warning",
         "the R&D Director manages the %d heads of the old categories and owns nothing that faces users"
         % len(LEGACY)),
        (both, "rendanheyi-value-less-manager", "-", owner["U-MFG"], str(len(PLANTS)), "warning",
         "the Manufacturing Director manages the %d plant managers" % len(PLANTS)),
        (both, "structure-hierarchy-depth", "-", teams[0][1], "5", "error",
         "the old R&D hierarchy is 5 layers deep below the CEO (CEO, R&D Director, head, engineering "
         "manager, team lead, engineer; max 3 under Rendanheyi)"),
    ):
        p.finding(profiles, rule, key, entity, number, severity, why)
    for (uid, uname, managers, _), (_, head) in zip(LEGACY, legacy_heads):
        p.finding(both, "rendanheyi-value-less-manager", "-", head, str(managers), "warning",
                  "the Head of %s manages %d engineering managers" % (uname, managers))
    p.none("classic", "structure-hierarchy-depth", "5 layers are within classic's 7")
    p.none(both + ",classic", "structure-integrity", "every reference resolves and every unit has an owner")
    return p


def header(units, people, links, legacy_heads, teams):
    body = org_writer.org_yaml([], "Bluegrass Appliances (transformation sample)", AS_OF, units, people, links)
    reports = sample_header.audit(body, ("rendanheyi", "rendanheyi-strict", "classic"))
    rnd = sum(1 for p in people if p["unit"] == "U-RND" or p["unit"].startswith("U-RND-"))
    in_mes = sum(1 for p in people if p["unit"].startswith("ME-"))
    L = [
        "# yaml-language-server: $schema=../../schema/orgaudit-org.schema.json",
        "# Bluegrass Appliances: a fictional appliance maker half-way through a Rendanheyi transformation,",
        "# modelled on GE Appliances after Haier bought it (seed 000): its 600-person R&D department is",
        "# being broken up into micro-enterprises by product category. Laundry and Refrigeration are done",
        "# (seven MEs, %d people, in two EMCs); the other %d R&D people still work in the old hierarchy."
        % (in_mes, rnd),
        "# GENERATED by samples/transformation/generate.py: edit the script, not this file.",
        "#",
        "# %d people, %d units, %d links. Money in USD thousands a month." % (len(people), len(units), len(links)),
        "#",
        "# `orgaudit check samples/transformation/org.yaml` (the default rendanheyi profile) finds",
        "# %s, so it exits 1:" % sample_header.summary(reports["rendanheyi"]),
        "# the new half passes most tests; the planted problems and the old half fail. --profile",
        "# rendanheyi-strict (MEs of fewer than 10) finds the Side-by-side Refrigeration and Dryer MEs",
        "# too big as well; --profile classic runs the structure pack alone, with spans-and-layers",
        "# thresholds.",
        "#",
    ]
    return L + planted(units, people, legacy_heads, teams).header() + sample_header.counts(reports)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", default=os.path.join(HERE, "org.yaml"))
    args = ap.parse_args()
    units, people, links, legacy_heads, teams = build()
    text = org_writer.org_yaml(header(units, people, links, legacy_heads, teams),
                               "Bluegrass Appliances (transformation sample)", AS_OF, units, people, links)
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("%s: %d people, %d units, %d links" % (args.output, len(people), len(units), len(links)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
