#!/usr/bin/env python3
"""Generates samples/rendanheyi/org.yaml: a Rendanheyi-style org built from the seed articles' examples.

    python3 samples/rendanheyi/generate.py            # rewrites org.yaml next to this script
    python3 samples/rendanheyi/generate.py -o FILE

Deterministic (fixed seed). Every unit, metric and contract below is written out by hand; the
script only hands out fictional names and writes the YAML, so the data reads like a real file.

Where the examples come from (shared/seeds/):
  - Haier platform, shared-service platforms for finance, HR, IT and legal; experience/solution EMCs
    bound by a contract "regularly updated, typically on a monthly basis" (002).
  - Smart Cooking EMC (Internet of Food): the Smart Oven ME, a new ME born from "it is hard to cook a
    perfect Beijing roast duck", a "Super Chef" external partner, IoT Menus (002); the fridge stores
    the ready-to-cook duck, the oven runs the roast program; 20,000 ducks in the first month (003).
  - Balcony EMC: wash-and-care balcony, then leisure, entertainment and teahouse balconies; average
    revenue per user 210,000 RMB (003).
  - Thunderobot: gaming laptops from 30,000 online complaints, external manufacturers, external
    funding, "second curve" into gaming (000).
  - GE Appliances: the 600-person R&D department broken into category MEs (washing machines,
    refrigerators...), seven MEs; the best one made $12M profit after losing $3M (000).
  - Win-win value-added statement with six elements (003); three rights per ME (000, 002, 003).

Planted problems (what the Rendanheyi pack should find):
  - EMC-BALCONY's contract was last updated 2026-08-14, 78 days before as_of (max 31).
  - ME-THUNDER has grown to 17 people (max-size 15): it should split (laptops / gaming).
  - ME-WASHCARE: user feedback falling for the last 3 periods, no external hire in the last 5
    periods, revenue flat: a complacent ME.
"""

import argparse
import os
import random
import sys
import textwrap
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import sample_header  # noqa: E402  (samples/sample_header.py)

SEED = 20261031
AS_OF = "2026-10-31"
PERIODS = ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]

CN_FAMILY = "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo".split()
CN_GIVEN = """Wei Fang Min Jing Lei Yan Jun Tao Ming Hui Xin Yu Ting Hao Qiang Lan Ying Bo Jie Na Peng
Rui Xiaoyu Yifan Zihan Haoran Yuxi Mengqi Jiayi Zhiyuan Shu Kai Lu Qian Xue""".split()
# Written in Chinese characters in the file: exercises UTF-8 in every writer.
CN_HANZI = ["王芳", "陈静", "刘洋", "赵磊", "孙丽", "周杰"]
US_FIRST = """Aaron Aisha Alicia Andre Angela Ben Brianna Carlos Chloe Darnell Diego Elena Emily Ethan
Grace Hector Imani Jacob Jasmine Jordan Kayla Kevin Laura Luis Marcus Maya Megan Nathan Olivia Omar
Priya Rachel Ryan Sam Sofia Tyler Vanessa Will Zoe""".split()
US_LAST = """Anderson Baker Brooks Carter Clark Davis Diaz Evans Foster Garcia Green Hall Harris Hughes
Jackson Johnson Kelly Kim Lewis Lopez Martinez Mitchell Moore Nguyen O'Neill Parker Patel Reed Rivera
Robinson Sanders Scott Thompson Turner Walker Washington White Wright Young""".split()


def series(**kw):
    return kw


# ---- the org, by hand ------------------------------------------------------------------------------
# Each ME: id, name, EMC, size (people whose unit is the ME, owner included), user_facing,
# roles for the entrepreneurs (cycled), location, metrics (one value per period), note.

HAIER_MES = [
    dict(id="ME-OVEN", name="Smart Oven ME", emc="EMC-COOK", size=8, user_facing=True,
         roles=["oven product", "roast programs", "user interaction", "supply", "sales channel",
                "quality", "user service"],
         metrics=series(headcount=[7, 7, 7, 8, 8, 8], revenue=[3100, 3400, 3650, 3900, 4300, 4700],
                        costs=[2600, 2750, 2900, 3050, 3250, 3450],
                        user_feedback=[4.4, 4.5, 4.5, 4.6, 4.6, 4.7],
                        external_hires=[0, 1, 0, 1, 0, 0], external_funding=[0, 0, 500, 0, 0, 0])),
    dict(id="ME-DUCK", name="Roast Duck Scenario ME", emc="EMC-COOK", size=5, user_facing=True,
         roles=["scenario design", "user community", "cold chain", "recipe co-creation"],
         note="born from one entrepreneur's remark: the ovens are excellent, yet a perfect Beijing "
              "roast duck is still hard to cook at home",
         metrics=series(headcount=[3, 4, 4, 5, 5, 5], revenue=[900, 1500, 2100, 2600, 3000, 3500],
                        costs=[800, 1200, 1600, 1900, 2150, 2400],
                        user_feedback=[4.2, 4.4, 4.5, 4.5, 4.6, 4.7],
                        external_hires=[1, 1, 0, 1, 0, 1], external_funding=[0, 300, 0, 0, 0, 0])),
    dict(id="ME-MENUS", name="IoT Menus ME", emc="EMC-COOK", size=6, user_facing=False,
         roles=["menu platform", "device integration", "data", "recipe content", "partner onboarding"],
         note="a node ME: serves the other MEs' connected appliances, reaches users through the EMC",
         metrics=series(headcount=[5, 5, 6, 6, 6, 6], revenue=[700, 760, 820, 900, 980, 1050],
                        costs=[650, 680, 720, 760, 800, 840],
                        user_feedback=[4.0, 4.1, 4.1, 4.2, 4.3, 4.3],
                        external_hires=[0, 0, 1, 0, 1, 0], external_funding=[0, 0, 0, 250, 0, 0])),
    dict(id="ME-FRESH", name="Smart Fridge Fresh ME", emc="EMC-COOK", size=7, user_facing=True,
         roles=["fresh-keeping", "ready-to-cook meals", "user interaction", "supply", "sales",
                "user service"],
         note="the connected refrigerator that stores the chefs' ready-to-cook duck",
         metrics=series(headcount=[6, 6, 7, 7, 7, 7], revenue=[2800, 2950, 3100, 3300, 3500, 3700],
                        costs=[2500, 2600, 2700, 2820, 2950, 3080],
                        user_feedback=[4.3, 4.3, 4.4, 4.4, 4.5, 4.5],
                        external_hires=[1, 0, 0, 0, 1, 0], external_funding=[400, 0, 0, 0, 0, 0])),
    dict(id="ME-WASHCARE", name="Wash-and-Care Balcony ME", emc="EMC-BALCONY", size=9,
         user_facing=True, location="Shanghai",
         roles=["washer-dryer", "care programs", "installation", "user interaction", "supply",
                "sales", "user service", "quality"],
         note="PLANTED: the first balcony ME has stopped looking outward: user feedback has fallen "
              "for 3 periods, no external hire since 2026-05, revenue flat",
         metrics=series(headcount=[9, 9, 9, 9, 9, 9], revenue=[5200, 5250, 5220, 5180, 5200, 5150],
                        costs=[4300, 4320, 4330, 4340, 4350, 4360],
                        user_feedback=[4.5, 4.6, 4.6, 4.4, 4.1, 3.8],
                        external_hires=[1, 0, 0, 0, 0, 0], external_funding=[600, 0, 0, 0, 0, 0])),
    dict(id="ME-LEISURE", name="Leisure Balcony ME", emc="EMC-BALCONY", size=4, user_facing=True,
         location="Shanghai", roles=["balcony design", "furniture partners", "user community"],
         metrics=series(headcount=[3, 3, 4, 4, 4, 4], revenue=[600, 720, 850, 990, 1150, 1320],
                        costs=[560, 640, 720, 800, 890, 980],
                        user_feedback=[4.3, 4.4, 4.4, 4.5, 4.6, 4.6],
                        external_hires=[1, 0, 1, 0, 0, 1], external_funding=[0, 200, 0, 0, 0, 0])),
    dict(id="ME-TEAHOUSE", name="Teahouse Balcony ME", emc="EMC-BALCONY", size=3, user_facing=True,
         location="Shanghai", roles=["tea scenario", "user community"],
         metrics=series(headcount=[2, 2, 2, 3, 3, 3], revenue=[150, 210, 290, 380, 470, 580],
                        costs=[180, 220, 260, 300, 340, 390],
                        user_feedback=[4.1, 4.3, 4.4, 4.4, 4.6, 4.7],
                        external_hires=[0, 0, 0, 1, 0, 0], external_funding=[0, 0, 150, 0, 0, 0])),
    dict(id="ME-ENTERTAIN", name="Entertainment Balcony ME", emc="EMC-BALCONY", size=5,
         user_facing=True, location="Shanghai",
         roles=["audio-visual", "gaming corner", "installation", "user community"],
         metrics=series(headcount=[4, 4, 4, 5, 5, 5], revenue=[400, 470, 560, 650, 760, 880],
                        costs=[390, 430, 480, 530, 590, 650],
                        user_feedback=[4.0, 4.2, 4.2, 4.3, 4.4, 4.5],
                        external_hires=[0, 1, 0, 0, 1, 0], external_funding=[0, 0, 0, 300, 0, 0])),
    dict(id="ME-THUNDER", name="Thunder Gaming ME", emc=None, size=17, user_facing=True,
         roles=["gaming laptops", "high-performance laptops", "user complaints", "OEM management",
                "industrial design", "thermal engineering", "firmware", "e-sports community",
                "online sales", "user service", "gaming business", "supply", "quality",
                "marketing", "data", "finance partner"],
         note="PLANTED: Thunderobot-like. Grew out of 30,000 online user complaints about gaming "
              "laptops, builds through an external manufacturer, raised external funding; now 17 "
              "people and moving into the gaming business (its second curve): it should split",
         metrics=series(headcount=[10, 11, 13, 14, 16, 17],
                        revenue=[8200, 9100, 10400, 11800, 13300, 15100],
                        costs=[7400, 8100, 9100, 10200, 11400, 12800],
                        user_feedback=[4.3, 4.4, 4.4, 4.5, 4.6, 4.6],
                        external_hires=[1, 1, 2, 1, 2, 1], external_funding=[0, 0, 12000, 0, 0, 0])),
]

GEA_MES = [
    # GE Appliances' former 600-person R&D department after the split into category MEs.
    dict(id="ME-GEA-LAUNDRY", name="GEA Laundry R&D ME", size=7,
         roles=["washers", "dryers", "combo units", "test", "user research", "suppliers"],
         metrics=series(headcount=[7, 7, 7, 7, 7, 7], revenue=[2100, 2200, 2300, 2450, 2600, 2750],
                        costs=[1900, 1950, 2000, 2080, 2160, 2240],
                        user_feedback=[4.1, 4.2, 4.2, 4.3, 4.3, 4.4],
                        external_hires=[0, 1, 0, 0, 1, 0], external_funding=[0, 0, 350, 0, 0, 0])),
    dict(id="ME-GEA-FRIDGE", name="GEA Refrigeration R&D ME", size=8,
         roles=["french-door", "side-by-side", "ice and water", "sealed systems", "test",
                "user research", "suppliers"],
         note="the best performer: $12M profit last year after losing $3M the year before",
         attributes={"profit_last_year_usd": "12000000", "profit_year_before_usd": "-3000000"},
         metrics=series(headcount=[8, 8, 8, 8, 8, 8], revenue=[3900, 4100, 4350, 4600, 4900, 5200],
                        costs=[2900, 3000, 3120, 3250, 3400, 3550],
                        user_feedback=[4.4, 4.5, 4.5, 4.6, 4.6, 4.7],
                        external_hires=[1, 0, 0, 1, 0, 0], external_funding=[0, 800, 0, 0, 0, 0])),
    dict(id="ME-GEA-COOK", name="GEA Cooking R&D ME", size=6,
         roles=["ranges", "wall ovens", "cooktops", "connected cooking", "test"],
         metrics=series(headcount=[6, 6, 6, 6, 6, 6], revenue=[1800, 1880, 1960, 2050, 2150, 2260],
                        costs=[1650, 1700, 1750, 1800, 1860, 1920],
                        user_feedback=[4.2, 4.2, 4.3, 4.3, 4.4, 4.4],
                        external_hires=[0, 0, 1, 0, 0, 1], external_funding=[0, 0, 0, 200, 0, 0])),
    dict(id="ME-GEA-DISH", name="GEA Dishwasher R&D ME", size=5,
         roles=["wash systems", "drying", "test", "user research"],
         metrics=series(headcount=[5, 5, 5, 5, 5, 5], revenue=[1200, 1260, 1330, 1400, 1480, 1560],
                        costs=[1100, 1130, 1170, 1210, 1250, 1290],
                        user_feedback=[4.0, 4.1, 4.1, 4.2, 4.2, 4.3],
                        external_hires=[0, 0, 0, 1, 0, 0], external_funding=[150, 0, 0, 0, 0, 0])),
    dict(id="ME-GEA-AIR", name="GEA Air Conditioning R&D ME", size=5,
         roles=["room air", "heat pumps", "controls", "test"],
         metrics=series(headcount=[4, 4, 5, 5, 5, 5], revenue=[900, 980, 1100, 1240, 1380, 1500],
                        costs=[860, 900, 960, 1030, 1100, 1170],
                        user_feedback=[4.1, 4.1, 4.2, 4.3, 4.3, 4.4],
                        external_hires=[0, 0, 1, 0, 0, 1], external_funding=[0, 0, 0, 0, 250, 0])),
    dict(id="ME-GEA-WATER", name="GEA Water Heater R&D ME", size=4,
         roles=["heat-pump water heaters", "tankless", "test"],
         metrics=series(headcount=[3, 3, 4, 4, 4, 4], revenue=[500, 540, 590, 640, 700, 760],
                        costs=[480, 500, 530, 560, 590, 620],
                        user_feedback=[3.9, 4.0, 4.0, 4.1, 4.2, 4.2],
                        external_hires=[0, 0, 1, 0, 1, 0], external_funding=[0, 100, 0, 0, 0, 0])),
    dict(id="ME-GEA-SMALL", name="GEA Small Appliances R&D ME", size=6,
         roles=["coffee makers", "air fryers", "ice makers", "connected kitchen", "user community"],
         metrics=series(headcount=[5, 5, 5, 6, 6, 6], revenue=[1100, 1190, 1300, 1420, 1560, 1700],
                        costs=[1000, 1060, 1130, 1200, 1280, 1360],
                        user_feedback=[4.3, 4.3, 4.4, 4.5, 4.5, 4.6],
                        external_hires=[1, 0, 0, 1, 0, 0], external_funding=[0, 0, 300, 0, 0, 0])),
]

SHARED = [
    dict(id="SSP-FIN", name="Finance shared-service platform", size=5,
         head="Head of the finance platform", role="Finance partner",
         note="keeps the MEs' own balance sheets, funds new MEs"),
    dict(id="SSP-HR", name="HR shared-service platform", size=4, head="Head of the HR platform",
         role="HR partner", note="hiring and reward services; the MEs keep the decisions"),
    dict(id="SSP-IT", name="IT shared-service platform", size=5, head="Head of the IT platform",
         role="IT partner", user_facing=True,
         note="runs the user app and the connected-appliance cloud: in direct contact with users"),
    dict(id="SSP-LEGAL", name="Legal shared-service platform", size=3, head="Head of the legal platform",
         role="Legal partner", note="EMC contracts, external partner agreements"),
]

EMCS = [
    dict(id="EMC-COOK", name="Smart Cooking EMC", lead="ME-OVEN",
         members=["ME-OVEN", "ME-DUCK", "ME-MENUS", "ME-FRESH", "XP-CHEF"],
         note="Internet of Food: the roast duck scenario (fridge stores the chefs' semi-finished duck, "
              "the oven's roast program finishes it), then red pepper fish head and roast squab",
         contract=dict(updated="2026-10-01",
                       objectives=["Sell 20,000 roast duck scenario kits a month",
                                   "Extend the scenario to red pepper fish head and roast squab",
                                   "Keep the scenario's user rating at 4.5 or above"],
                       value_sharing="Ecosystem gains above plan: 40% to member MEs by agreed "
                                     "contribution, 10% to the Super Chef studio, 50% reinvested",
                       loss_threshold=2000),
         win_win=series(user_resources=[120000, 160000, 205000, 250000, 300000, 355000],
                        resource_providers=[6, 7, 7, 8, 9, 9],
                        platform_value=[2100, 2800, 3600, 4400, 5300, 6300],
                        revenues=[7500, 8610, 9760, 10700, 11780, 12950],
                        costs=[6550, 7230, 7920, 8530, 9150, 9770],
                        marginal_gains=[0.08, 0.1, 0.12, 0.15, 0.17, 0.2])),
    dict(id="EMC-BALCONY", name="Balcony EMC", lead="ME-WASHCARE",
         members=["ME-WASHCARE", "ME-LEISURE", "ME-TEAHOUSE", "ME-ENTERTAIN"],
         note="PLANTED: the contract was last updated 2026-08-14, 78 days before as_of (monthly "
              "updates expected, max 31 days). Average revenue per balcony user: 210,000 RMB",
         contract=dict(updated="2026-08-14",
                       objectives=["Average revenue per balcony user of 210,000 RMB",
                                   "Open the teahouse balcony in three more cities"],
                       value_sharing="Ecosystem gains shared by agreed contribution; the leading "
                                     "ME carries the first 30% of losses",
                       loss_threshold=1500),
         win_win=series(user_resources=[8000, 9100, 10300, 11600, 13000, 14500],
                        resource_providers=[4, 4, 5, 5, 6, 6],
                        platform_value=[1900, 2150, 2450, 2780, 3150, 3550],
                        revenues=[6350, 6650, 6920, 7200, 7580, 7930],
                        costs=[5430, 5610, 5790, 5970, 6170, 6380],
                        marginal_gains=[0.05, 0.07, 0.09, 0.1, 0.12, 0.14])),
]

EXTERNAL = [
    dict(id="XP-CHEF", name="Super Chef studio", emc="EMC-COOK", user_facing=True, size=2,
         via="ME-DUCK", role="Roast duck chef",
         note="external partner in the Smart Cooking EMC: tunes the oven's roast programs and makes "
              "the ready-to-cook meals"),
    dict(id="XP-OEM", name="Thunder laptop manufacturing partner", emc=None, user_facing=False,
         size=1, via="ME-THUNDER", role="Partner account lead",
         note="the external manufacturer that builds the Thunder ME's laptops"),
]

LINKS = [
    # collaboration between MEs (parallel, not cascading), weight = how much they work together
    ("ME-OVEN", "ME-DUCK", "collaboration", 5), ("ME-DUCK", "XP-CHEF", "collaboration", 4),
    ("ME-MENUS", "ME-OVEN", "collaboration", 3), ("ME-MENUS", "ME-FRESH", "collaboration", 3),
    ("ME-FRESH", "ME-DUCK", "collaboration", 2), ("ME-WASHCARE", "ME-LEISURE", "collaboration", 2),
    ("ME-LEISURE", "ME-TEAHOUSE", "collaboration", 3), ("ME-TEAHOUSE", "ME-ENTERTAIN", "collaboration", 2),
    ("ME-MENUS", "ME-TEAHOUSE", "collaboration", 1), ("ME-THUNDER", "SSP-IT", "collaboration", 2),
    ("ME-THUNDER", "ME-ENTERTAIN", "collaboration", 2),
    ("ME-GEA-LAUNDRY", "ME-GEA-DISH", "collaboration", 2), ("ME-GEA-FRIDGE", "ME-GEA-COOK", "collaboration", 2),
    ("ME-GEA-COOK", "ME-OVEN", "collaboration", 1), ("ME-GEA-AIR", "ME-GEA-WATER", "collaboration", 2),
    ("ME-GEA-SMALL", "ME-GEA-COOK", "collaboration", 2), ("ME-GEA-FRIDGE", "ME-FRESH", "collaboration", 1),
    ("ME-GEA-LAUNDRY", "ME-WASHCARE", "collaboration", 1),
    # contracts: platform investment, shared services, the external manufacturer
    ("PLAT-HAIER", "EMC-COOK", "contract", 1), ("PLAT-HAIER", "EMC-BALCONY", "contract", 1),
    ("PLAT-HAIER", "ME-THUNDER", "contract", 1), ("PLAT-HAIER", "PLAT-GEA", "contract", 1),
    ("SSP-FIN", "EMC-COOK", "contract", 1), ("SSP-FIN", "EMC-BALCONY", "contract", 1),
    ("SSP-FIN", "ME-THUNDER", "contract", 1), ("SSP-FIN", "PLAT-GEA", "contract", 1),
    ("SSP-HR", "EMC-COOK", "contract", 1), ("SSP-HR", "EMC-BALCONY", "contract", 1),
    ("SSP-HR", "PLAT-GEA", "contract", 1),
    ("SSP-IT", "ME-MENUS", "contract", 1), ("SSP-IT", "ME-THUNDER", "contract", 1),
    ("SSP-IT", "EMC-BALCONY", "contract", 1),
    ("SSP-LEGAL", "EMC-COOK", "contract", 1), ("SSP-LEGAL", "ME-THUNDER", "contract", 1),
    ("SSP-LEGAL", "EMC-BALCONY", "contract", 1),
    ("XP-OEM", "ME-THUNDER", "contract", 3),
] + [("PLAT-GEA", me["id"], "contract", 1) for me in GEA_MES]

PLATFORM_METRICS = {
    # ecosystem revenue routed through the platform, thousand RMB (Haier) / thousand USD (GEA)
    "PLAT-HAIER": series(revenue=[30000, 32500, 35800, 38900, 42600, 46400],
                         costs=[26100, 28000, 30500, 32800, 35600, 38500]),
    "PLAT-GEA": series(revenue=[11500, 12150, 12960, 13800, 14770, 15730],
                       costs=[10200, 10520, 10880, 11260, 11660, 12080]),
}


class Names:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()
        self.hanzi = list(CN_HANZI)

    def _unique(self, make):
        while True:
            n = make()
            if n not in self.used:
                self.used.add(n)
                return n

    def chinese(self):
        if self.hanzi and self.rng.random() < 0.08:
            return self.hanzi.pop(0)
        return self._unique(lambda: self.rng.choice(CN_FAMILY) + " " + self.rng.choice(CN_GIVEN))

    def american(self):
        return self._unique(lambda: self.rng.choice(US_FIRST) + " " + self.rng.choice(US_LAST))


def build():
    rng = random.Random(SEED)
    names = Names(rng)
    units, people, notes = [], [], {}
    counter = [0]

    def person(name, title, manager, unit, location, **extra):
        counter[0] += 1
        pid = "P-%03d" % counter[0]
        people.append(dict(id=pid, name=name, title=title, manager=manager, unit=unit,
                           location=location, **extra))
        return pid

    units.append(dict(id="PLAT-HAIER", name="Haier platform", kind="platform", parent=None,
                      note="the platform: financing, support and coordination for the MEs"))
    boss = person(names.chinese(), "Platform owner", None, "PLAT-HAIER", "Qingdao")
    units[-1]["owner"] = boss
    person(names.chinese(), "Assistant to the platform owner", boss, "PLAT-HAIER", "Qingdao",
           assistant=True)

    for s in SHARED:
        u = dict(id=s["id"], name=s["name"], kind="shared-service", parent="PLAT-HAIER",
                 user_facing=s.get("user_facing", False), note=s["note"])
        units.append(u)
        u["owner"] = person(names.chinese(), s["head"], boss, s["id"], "Qingdao")
        for _ in range(s["size"] - 1):
            person(names.chinese(), s["role"], u["owner"], s["id"], "Qingdao")

    emc_of = {}
    for e in EMCS:
        for m in e["members"]:
            emc_of[m] = e["id"]
    me_units = {}

    def me(spec, parent, manager, namer, location, currency):
        u = dict(id=spec["id"], name=spec["name"], kind="me", parent=parent,
                 user_facing=spec.get("user_facing", True), note=spec.get("note"),
                 rights=True, metrics=spec["metrics"],
                 attributes=dict(spec.get("attributes", {}), currency=currency))
        units.append(u)
        me_units[spec["id"]] = u
        loc = spec.get("location", location)
        u["owner"] = person(namer(), "ME owner", manager, spec["id"], loc, user_facing=True)
        roles = spec["roles"]
        for i in range(spec["size"] - 1):
            extra = {}
            if spec["id"] == "ME-THUNDER" and i == 9:
                extra["fte"] = 0.5
            person(namer(), "Entrepreneur - " + roles[i % len(roles)], u["owner"], spec["id"], loc,
                   user_facing=spec.get("user_facing", True), **extra)
        return u

    for spec in HAIER_MES:
        me(spec, "PLAT-HAIER", boss, names.chinese, "Qingdao", "CNY thousands")

    for e in EMCS:
        lead = me_units[e["lead"]]
        units.append(dict(id=e["id"], name=e["name"], kind="emc", parent="PLAT-HAIER",
                          owner=lead["owner"], user_facing=True, members=e["members"],
                          contract=e["contract"], win_win=e["win_win"], note=e["note"],
                          attributes=dict(currency="CNY thousands")))

    for x in EXTERNAL:
        via = me_units[x["via"]]
        u = dict(id=x["id"], name=x["name"], kind="external-partner", parent="PLAT-HAIER",
                 user_facing=x["user_facing"], note=x["note"])
        units.append(u)
        first = None
        for i in range(x["size"]):
            pid = person(names.chinese(), x["role"], via["owner"], x["id"], "Qingdao", external=True)
            first = first or pid
        u["owner"] = first
        notes[first] = ("external: not a Haier employee; sits under the ME owner who holds the "
                        "partnership, so the tree keeps one root")

    units.append(dict(id="PLAT-GEA", name="GE Appliances platform (a Haier company)", kind="platform",
                      parent="PLAT-HAIER",
                      note="GE Appliances: the 600-person R&D department split into category MEs"))
    gea = person(names.american(), "GE Appliances platform owner", boss, "PLAT-GEA", "Louisville")
    units[-1]["owner"] = gea
    for spec in GEA_MES:
        me(spec, "PLAT-GEA", gea, names.american, "Louisville", "USD thousands")

    for u in units:
        if u["id"] in PLATFORM_METRICS:
            u["metrics"] = PLATFORM_METRICS[u["id"]]
            u["attributes"] = dict(currency="CNY thousands" if u["id"] == "PLAT-HAIER"
                                   else "USD thousands")

    # Consistency: each ME's last headcount is the number of people in it.
    count = defaultdict(int)
    for p in people:
        count[p["unit"]] += 1
    for u in units:
        if u["kind"] == "me":
            assert u["metrics"]["headcount"][-1] == count[u["id"]], u["id"]
    assert not names.hanzi, names.hanzi
    return units, people, notes


# ---- what the header says --------------------------------------------------------------------------

def planted(units):
    """The problems put in on purpose, and what is meant to be clean (samples/sample_header.py)."""
    owner = {u["id"]: u["owner"] for u in units}
    p = sample_header.Planted()
    p.finding("rendanheyi,rendanheyi-strict", "rendanheyi-emc-contract", "stale", "EMC-BALCONY", "78", "warning",
              "the Balcony EMC's contract was last updated 2026-08-14, 78 days before as_of (max-age-days 31, "
              "strict 21)")
    p.finding("rendanheyi-strict", "rendanheyi-emc-contract", "stale", "EMC-COOK", "30", "warning",
              "the Smart Cooking EMC's contract is 30 days old: fine by default, stale under the strict 21")
    thunder = ("the Thunder Gaming ME has grown to 16.5 FTE (17 people, one half-time): split it (laptops / "
               "the gaming business, its second curve); ")
    p.finding("rendanheyi", "rendanheyi-me-size", "-", "ME-THUNDER", "16.5", "warning",
              thunder + "above max-size 15, below error-size 20")
    p.finding("rendanheyi-strict", "rendanheyi-me-size", "-", "ME-THUNDER", "16.5", "error",
              thunder + "strict: MEs of fewer than 10, 15 an error")
    p.finding("rendanheyi,rendanheyi-strict", "rendanheyi-complacent-me", "-", "ME-WASHCARE", "3", "warning",
              "the Wash-and-Care Balcony ME's user feedback has fallen for the last 3 periods (4.6, 4.4, 4.1, "
              "3.8), it has hired no one from outside for 5, and its revenue is flat (ME-THUNDER shows one "
              "signal only, its size)")
    p.finding("rendanheyi-strict,classic", "structure-span-of-control", "too-wide", owner["ME-THUNDER"], "17",
              "warning", "the Thunder ME owner's 17 reports pass max-span 15 (20 by default)")
    for uid, span in (("SSP-HR", 3), ("SSP-LEGAL", 2), ("ME-LEISURE", 3), ("ME-TEAHOUSE", 2), ("ME-GEA-WATER", 3)):
        p.finding("classic", "structure-span-of-control", "too-narrow", owner[uid], str(span), "warning",
                  "%s is small on purpose (MEs are \"preferably less than 10 people\"), below classic's "
                  "min-span 4" % uid)
    p.only("rendanheyi,rendanheyi-strict,classic",
           "nothing else: every ME holds its three rights (self), every unit reaches a user-facing unit "
           "within 2 hops through EMC membership or contracts, every unit has a collaboration or contract "
           "link and none hangs on one person, both EMCs' win-win statements have all six elements with "
           "rising marginal gains and no losses, the two managers of managers (the platform owners) own "
           "platforms with revenue attributed, and no one is more than 3 layers down (GE Appliances' "
           "entrepreneurs are the deepest)")
    return p


def scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    s = str(v)
    if (s and s[0] not in "!&*-?:,[]{}#|>@`'\"%" and ": " not in s and " #" not in s
            and s.strip() == s and s.lower() not in ("null", "true", "false", "yes", "no", "~")
            and not s.replace(".", "").replace("-", "").isdigit()):
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow_list(values):
    return "[" + ", ".join(scalar(v) for v in values) + "]"


def header(units, body):
    reports = sample_header.audit(body, ("rendanheyi", "rendanheyi-strict", "classic"))
    people = sum(1 for line in body.splitlines() if line.startswith("  - id: P-"))
    L = [
        "# yaml-language-server: $schema=../../schema/orgaudit-org.schema.json",
        "# A Rendanheyi-style org built from the examples in the seed articles (shared/seeds/): the Haier",
        "# platform, shared-service platforms, the Smart Cooking and Balcony EMCs with their MEs and an",
        "# external partner, a Thunderobot-like ME and GE Appliances' R&D after its split into MEs.",
        "# People are fictional. Money is in thousands (currency in each unit's attributes).",
        "# GENERATED by samples/rendanheyi/generate.py: edit the script, not this file.",
        "#",
        "# %d people, %d units (%d MEs, 2 EMCs, 2 platforms, 4 shared-service platforms, 2 external"
        % (people, len(units), sum(1 for u in units if u["kind"] == "me")),
        "# partners), %d links. At most 3 layers below the platform owner (platform owner, ME owner," % len(LINKS),
        "# entrepreneur; GE Appliances adds its own platform owner above its ME owners).",
        "#",
        "# `orgaudit check samples/rendanheyi/org.yaml` (the default rendanheyi profile) finds",
        "# %s, no error (exit 0):" % sample_header.summary(reports["rendanheyi"]),
        "# only the problems planted on purpose, and the note that grades are not used in a Rendanheyi",
        "# org, so structure-grade-inversion has nothing to assess. With --profile rendanheyi-strict",
        "# (MEs of fewer than 10, contracts at most 21 days old, spans up to 15) the Thunder ME's size",
        "# becomes an error and the Smart Cooking EMC's contract is stale too. With --profile classic",
        "# (the structure pack alone, spans of 4 to 15) the only warnings are spans, and they are",
        "# expected: MEs are small on purpose, and the ME that grew too big trips max-span 15 (the same",
        "# problem rendanheyi-me-size reports).",
        "#",
    ]
    return L + planted(units).header() + sample_header.counts(reports)


def write(units, people, notes, path):
    L = ["orgaudit: 1", "org:", "  name: Haier-style ecosystem (Rendanheyi sample)",
          "  as_of: " + AS_OF, "", "units:"]
    # File order: each EMC just before its members, external partners after the MEs they work with.
    order = ["PLAT-HAIER"] + [s["id"] for s in SHARED]
    for e in EMCS:
        order += [e["id"]] + e["members"]
    order += ["ME-THUNDER", "XP-OEM", "PLAT-GEA"] + [m["id"] for m in GEA_MES]
    by_id = {u["id"]: u for u in units}
    assert sorted(order) == sorted(by_id), set(by_id) ^ set(order)
    for u in (by_id[i] for i in order):
        if u.get("note"):
            L += textwrap.wrap(u["note"], 100, initial_indent="  # ", subsequent_indent="  # ")
        L.append("  - id: " + u["id"])
        L.append("    name: " + scalar(u["name"]))
        L.append("    kind: " + u["kind"])
        if u.get("parent"):
            L.append("    parent: " + u["parent"])
        L.append("    owner: " + u["owner"])
        L.append("    user_facing: " + scalar(bool(u.get("user_facing"))))
        if u.get("members"):
            L.append("    members: " + flow_list(u["members"]))
        if u.get("rights"):
            L.append("    rights:")
            L.append("      decision: self")
            L.append("      people: self")
            L.append("      pay: self")
        if u.get("metrics"):
            L.append("    metrics:")
            L.append("      periods: " + flow_list(PERIODS))
            for k, v in u["metrics"].items():
                L.append("      %s: %s" % (k, flow_list(v)))
        if u.get("contract"):
            c = u["contract"]
            L.append("    contract:")
            L.append("      updated: " + c["updated"])
            L.append("      objectives:")
            for o in c["objectives"]:
                L.append("        - " + scalar(o))
            L.append("      value_sharing: " + scalar(c["value_sharing"]))
            L.append("      loss_threshold: %d" % c["loss_threshold"])
        if u.get("win_win"):
            L.append("    win_win:")
            L.append("      periods: " + flow_list(PERIODS))
            for k, v in u["win_win"].items():
                L.append("      %s: %s" % (k, flow_list(v)))
        if u.get("attributes"):
            L.append("    attributes:")
            for k, v in u["attributes"].items():
                L.append("      %s: %s" % (k, scalar(v)))
    L += ["", "people:"]
    for p in people:
        if p["id"] in notes:
            L += textwrap.wrap(notes[p["id"]], 100, initial_indent="  # ", subsequent_indent="  # ")
        L.append("  - id: " + p["id"])
        L.append("    name: " + scalar(p["name"]))
        L.append("    title: " + scalar(p["title"]))
        if p["manager"]:
            L.append("    manager: " + p["manager"])
        L.append("    unit: " + p["unit"])
        if "fte" in p:
            L.append("    fte: " + repr(p["fte"]))
        for flag in ("assistant", "user_facing", "external"):
            if p.get(flag):
                L.append("    %s: true" % flag)
        L.append("    attributes:")
        L.append("      location: " + p["location"])
    L += ["", "links:"]
    for a, b_, kind, w in LINKS:
        L.append("  - from: " + a)
        L.append("    to: " + b_)
        L.append("    kind: " + kind)
        L.append("    weight: %d" % w)
    body = "\n".join(L) + "\n"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header(units, body)) + "\n" + body)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", default=os.path.join(here, "org.yaml"))
    args = ap.parse_args()
    units, people, notes = build()
    write(units, people, notes, args.output)
    print("%s: %d people, %d units, %d links" % (args.output, len(people), len(units), len(LINKS)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
