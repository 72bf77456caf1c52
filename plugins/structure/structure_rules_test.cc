// The structure rules on small orgs built in C++, run through the real pack as the CLI runs it
// (plugin host, catalogue, engine). The YAML fixtures in tests/fixtures/ cover the threshold edges;
// these cover exact messages, related locations, severities and what the YAML loader cannot express
// (duplicate ids, which it refuses).
#include <algorithm>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "org_builder.h"

#include "engine/engine.h"
#include "orgaudit/metrics.h"
#include "plugin/plugin_host.h"
#include "util/text.h"

using namespace orgaudit;
using orgaudit::testing::OrgBuilder;

namespace {

const RuleCatalog& structure_catalog() {
  static RuleCatalog catalog = [] {
    RuleCatalog c;
    PluginHost host;
    host.load_directory(PluginHost::installed_directory(), c);
    return c;
  }();
  return catalog;
}

RunResult run(const std::string& rule_id, const Org& org,
              std::map<std::string, std::string> options = {}) {
  RuleSelection selection;
  selection.toggles = {{false, "*"}, {true, rule_id}};
  if (!options.empty()) selection.options[rule_id] = std::move(options);
  const OrgMetrics metrics = OrgMetrics::compute(org);
  return run_rules(org, metrics, configure_rules(structure_catalog(), selection));
}

std::vector<std::string> messages(const RunResult& result) {
  std::vector<std::string> out;
  for (const Finding& f : result.findings) out.push_back(f.message);
  return out;
}

std::vector<std::string> keys(const RunResult& result) {
  std::vector<std::string> out;
  for (const Finding& f : result.findings) out.push_back(f.key);
  return out;
}

// A straight chain of `length` people: L0 (the root) manages L1, who manages L2, ...
OrgBuilder chain(int length) {
  OrgBuilder b;
  for (int i = 0; i < length; ++i)
    b.person("L" + std::to_string(i), i == 0 ? "" : "L" + std::to_string(i - 1)).name(i == 9 ? "Dana Li" : "Layer " + std::to_string(i));
  return b;
}

}  // namespace

TEST_CASE("the structure pack registers its four rules with the catalogue's dimensions") {
  const RuleCatalog& catalog = structure_catalog();
  const std::map<std::string, std::string> expected{
      {"structure-hierarchy-depth", "Flatness"},        {"structure-span-of-control", "Span health"},
      {"structure-grade-inversion", "Span health"},     {"structure-integrity", "Data quality"}};
  for (const auto& [id, dimension] : expected) {
    const CatalogEntry* entry = catalog.find(id);
    REQUIRE(entry);
    CHECK(entry->info.dimension == dimension);
    CHECK(entry->info.pack == "structure");
  }
  const auto in_pack = std::count_if(catalog.entries().begin(), catalog.entries().end(),
                                     [](const CatalogEntry& e) { return e.info.pack == "structure"; });
  CHECK(static_cast<std::size_t>(in_pack) == expected.size());
}

TEST_CASE("hierarchy depth: one finding per line, at the last allowed layer, with the deepest chain") {
  const Org org = chain(10).build();  // depths 0..9
  const RunResult result = run("structure-hierarchy-depth", org);
  REQUIRE(result.findings.size() == 1);  // layers 8 and 9, both under L7
  const Finding& line = result.findings[0];
  CHECK(line.message == "'Layer 7' (layer 7) has 2 people 8 to 9 layers below the root (max 7); the deepest, "
                        "'Dana Li', at layer 9");
  CHECK(line.severity == Severity::error);  // from the deepest: layer 9 >= error-layers
  REQUIRE(line.subject());
  CHECK(*line.subject() == EntityRef{EntityRef::person, 7});
  // Every person beyond the limit is scored with the severity of their own layer.
  REQUIRE(line.affected.size() == 2);
  CHECK(line.affected[0].entity == EntityRef{EntityRef::person, 8});
  CHECK(line.affected[0].severity == Severity::warning);
  CHECK(line.affected[1].entity == EntityRef{EntityRef::person, 9});
  CHECK(line.affected[1].severity == Severity::error);
  REQUIRE(line.related.size() == 10);  // layers 0..9: the root down to the deepest person
  CHECK(line.related.front().message == "layer 0: 'Layer 0'");
  CHECK(line.related.front().entity_id == "L0");
  CHECK(line.related.back().message == "layer 9: 'Dana Li'");
  // The same chain declared for the map, root first: people 0..9 of the chain org.
  CHECK(line.chain == std::vector<PersonIndex>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  CHECK(result.outcomes.at(0).assessed == 10);

  CHECK(run("structure-hierarchy-depth", org, {{"max-layers", "9"}}).findings.empty());
  const RunResult one = run("structure-hierarchy-depth", chain(2).build(), {{"max-layers", "0"}});
  CHECK(messages(one) == std::vector<std::string>{"'Layer 0' (layer 0) has 1 person 1 layer below the root (max 0)"});
}

TEST_CASE("hierarchy depth: two lines under one deep branch are two findings, each with its own people") {
  OrgBuilder b = chain(3);  // L0 > L1 > L2
  b.person("A", "L1").name("Head A").person("A1", "A").name("a1").person("A2", "A1").name("a2");  // A at layer 2
  b.person("B1", "L2").name("b1").person("B2", "L2").name("b2");                            // under L2, layer 3
  const RunResult result = run("structure-hierarchy-depth", b.build(), {{"max-layers", "2"}, {"error-layers", "4"}});
  REQUIRE(result.findings.size() == 2);
  std::map<std::string, const Finding*> by_head;
  for (const Finding& f : result.findings) by_head[f.entity_ids.at(0)] = &f;
  REQUIRE(by_head.count("A"));
  REQUIRE(by_head.count("L2"));
  CHECK(by_head["A"]->severity == Severity::error);  // A2 at layer 4
  CHECK(by_head["A"]->affected.size() == 2);
  CHECK(by_head["L2"]->severity == Severity::warning);
  CHECK(by_head["L2"]->message == "'Layer 2' (layer 2) has 2 people 3 layers below the root (max 2)");
  CHECK(by_head["L2"]->affected.size() == 2);
}

TEST_CASE("span of control: names, plurals and the people not counted") {
  OrgBuilder b;
  b.person("CEO").name("Chief");
  for (int i = 0; i < 4; ++i) b.person("D" + std::to_string(i), "CEO").name("Director " + std::to_string(i));
  b.person("P-17", "D0").person("X1", "P-17").name("x");                      // span 1, no name
  b.person("R1", "D1").name("r").person("R2", "D1").name("r").person("R3", "D1").name("r");  // D1: span 3 ...
  b.person("PA", "D1").name("pa").flags(kAssistant).person("V", "D1").name("v").flags(kVacant);     // ... plus 2 excluded
  b.person("VM", "D2").name("Vacant head").flags(kVacant).person("Y1", "VM").name("y");       // vacant: not assessed
  const Org org = b.build();
  const RunResult result = run("structure-span-of-control", org);
  CHECK(messages(result) ==
        std::vector<std::string>{
            "manager 'Director 0' has 1 direct report (min 4); that report, 'P-17', has 1 direct report of their "
            "own, so 'Director 0' is a pass-through layer",
            "manager 'Director 1' has 3 direct reports (min 4; 1 assistant and 1 vacant post not counted)",
            "manager 'Director 2' has 0 direct reports (min 4; 1 vacant post not counted)",
            "manager 'P-17' has 1 direct report, 'x' (min 4)"});
  CHECK(result.outcomes.at(0).assessed == 5);  // CEO, D0, D1, D2, P-17; not the vacant post VM
  const RunResult wide = run("structure-span-of-control", org, {{"min-span", "1"}, {"max-span", "3"}});
  CHECK(messages(wide) == std::vector<std::string>{"manager 'Chief' has 4 direct reports (max 3)",
                                                   "manager 'Director 0' has 1 direct report; that report, 'P-17', "
                                                   "has 1 direct report of their own, so 'Director 0' is a "
                                                   "pass-through layer",
                                                   "manager 'Director 2' has 0 direct reports (min 1; 1 vacant "
                                                   "post not counted)"});
}

TEST_CASE("span of control: one finding per manager names every problem, keyed by the most specific") {
  const Org org = OrgBuilder()
                      .person("A").name("Andrea")
                      .person("B", "A").name("Sara")     // A: one report, a manager -> pass-through
                      .person("C", "B").name("Chen")
                      .person("D", "B").name("Dev")
                      .person("E", "C").name("Eve")      // C: one report, not a manager -> single-report
                      .build();
  const RunResult result = run("structure-span-of-control", org);
  CHECK(messages(result) == std::vector<std::string>{
                                "manager 'Andrea' has 1 direct report (min 4); that report, 'Sara', has 2 direct "
                                "reports of their own, so 'Andrea' is a pass-through layer",
                                "manager 'Sara' has 2 direct reports (min 4)",
                                "manager 'Chen' has 1 direct report, 'Eve' (min 4)"});
  CHECK(keys(result) == std::vector<std::string>{"pass-through", "too-narrow", "single-report"});
  CHECK(result.findings[0].related.at(0).entity_id == "B");
  CHECK(result.findings[0].related.at(0).message == "only direct report, a manager: 'Sara'");
  CHECK(result.findings[2].related.at(0).message == "only direct report: 'Eve'");
  CHECK(result.findings[0].entity_ids == std::vector<std::string>{"A"});  // the report is no part of its identity
  CHECK(result.outcomes.at(0).assessed == 3);

  // A span of 1 that min-span allows is no single-report finding, but a relay is still a layer to remove.
  const RunResult allowed = run("structure-span-of-control", org, {{"min-span", "1"}});
  CHECK(messages(allowed) == std::vector<std::string>{"manager 'Andrea' has 1 direct report; that report, 'Sara', "
                                                      "has 2 direct reports of their own, so 'Andrea' is a "
                                                      "pass-through layer"});
  const RunResult wide = run("structure-span-of-control", org, {{"min-span", "0"}, {"max-span", "1"}});
  CHECK(keys(wide) == std::vector<std::string>{"pass-through", "too-wide"});
}

TEST_CASE("the span family counts direct reports one way: a vacant post is never a report") {
  const Org org = OrgBuilder()
                      .person("R").name("Root")
                      .person("M", "R").name("Mo")
                      .person("M1", "M").name("Ann")
                      .person("MV", "M").flags(kVacant)  // M: one report and a vacant post
                      .person("N", "R").name("Nia")
                      .person("NV", "N").flags(kVacant)  // N: only a vacant post
                      .person("T", "R").name("Tom")
                      .person("TA", "T").name("Pat").flags(kAssistant)
                      .person("T1", "T").name("Uma")        // T: one counted report, who manages
                      .person("T2", "T1").name("Val")
                      .build();
  const RunResult span = run("structure-span-of-control", org);
  CHECK(messages(span) ==
        std::vector<std::string>{"manager 'Root' has 3 direct reports (min 4)",
                                 "manager 'Mo' has 1 direct report, 'Ann' (min 4; 1 vacant post not counted)",
                                 "manager 'Nia' has 0 direct reports (min 4; 1 vacant post not counted)",
                                 "manager 'Tom' has 1 direct report (min 4; 1 assistant not counted); that report, "
                                 "'Uma', has 1 direct report of their own, so 'Tom' is a pass-through layer",
                                 "manager 'Uma' has 1 direct report, 'Val' (min 4)"});
  // Nia has no counted report, so she is too narrow rather than a single-report manager.
  CHECK(keys(span) == std::vector<std::string>{"too-narrow", "single-report", "too-narrow", "pass-through", "single-report"});
}

TEST_CASE("grade inversion: equal and higher grades, case-insensitive, not assessed without grades") {
  const Org org = OrgBuilder()
                      .person("M").name("Grace").grade("G6")
                      .person("S", "M").name("Sam").grade("g6")      // equal: flagged
                      .person("H", "M").name("Hal").grade("SCS1")    // above: flagged
                      .person("J", "M").name("Jo").grade("G7")       // below: fine
                      .person("U", "M").name("Una").grade("Band 4")  // not in the order: skipped
                      .build();
  const RunResult result = run("structure-grade-inversion", org);
  CHECK(messages(result) ==
        std::vector<std::string>{"'Sam' (g6) has the same grade as their manager 'Grace' (G6)",
                                 "'Hal' (SCS1) is graded above their manager 'Grace' (G6)"});
  CHECK(result.findings[0].entity_ids == std::vector<std::string>{"S", "M"});
  CHECK(result.findings[0].related.at(0).entity_id == "M");
  CHECK(result.outcomes.at(0).assessed == 3);

  const RunResult none = run("structure-grade-inversion", org, {{"grade-order", "A,B,C"}});
  REQUIRE(none.findings.size() == 1);
  CHECK(none.findings[0].not_assessed_note);
  CHECK(none.outcomes.at(0).not_assessed);
}

TEST_CASE("grade inversion: more grade spellings than the rule keeps at hand are each ranked") {
  // 20 grades G0 (most senior) .. G19, each spelled two ways, alternating: more spellings than the
  // rule's few recent ones, so ranks come from the order again and again.
  std::string order;
  for (int g = 0; g < 20; ++g) order += (g ? "," : "") + std::string("G") + std::to_string(g);
  OrgBuilder b;
  b.person("M").name("Boss").grade("G10");
  for (int i = 0; i < 80; ++i) {
    const int g = (i * 7) % 20;
    b.person("P" + std::to_string(i), "M").name("N" + std::to_string(i)).grade((i % 2 ? "g" : "G") + std::to_string(g));
  }
  const RunResult result = run("structure-grade-inversion", b.build(), {{"grade-order", order}});
  std::size_t expected = 0;  // reports graded G0..G10 are at or above their G10 manager
  for (int i = 0; i < 80; ++i) expected += (i * 7) % 20 <= 10;
  CHECK(result.findings.size() == expected);
  CHECK(result.outcomes.at(0).assessed == 80);
}

TEST_CASE("integrity: cycles, self-management, unknown and duplicate ids") {
  OrgBuilder b;
  b.person("CEO").name("Boss").person("A", "C").name("Ann").person("B", "A").name("Bob").person("C", "B").name("Cat");
  b.person("S", "S").name("Self").person("G", "NOBODY").name("Ghost fan").person("A", "CEO").name("Ann again");
  const Org org = b.build();
  const RunResult result = run("structure-integrity", org);
  CHECK(messages(result) == std::vector<std::string>{
                                "reporting cycle: 'Ann' -> 'Cat' -> 'Bob' -> 'Ann'",
                                "'Self' is their own manager",
                                "'Ghost fan' names manager 'NOBODY', who matches no one",
                                "person id 'A' of 'Ann again' is already used by 'Ann'"});
  const Finding& cycle = result.findings[0];
  CHECK(cycle.severity == Severity::error);
  CHECK(cycle.entity_ids == std::vector<std::string>{"A", "C", "B"});
  REQUIRE(cycle.related.size() == 2);
  CHECK(cycle.related[0].message == "'Cat' reports to 'Bob'");
  CHECK(cycle.related[1].message == "'Bob' reports to 'Ann'");
  CHECK(result.findings[1].where.line == org.people[4].manager_where.line);  // at the manager field
  const Finding& unknown = result.findings[2];
  CHECK(unknown.where.line == org.people[5].manager_where.line);
  CHECK(unknown.entity_ids == std::vector<std::string>{"G", "NOBODY"});
  CHECK(unknown.severity == Severity::error);
  CHECK(result.findings[3].related.at(0).where.line == org.people[1].where.line);
  CHECK(result.outcomes.at(0).assessed == org.people.size());  // G is not also an extra root
}

TEST_CASE("integrity: a long cycle is elided in the message, not in the related locations") {
  OrgBuilder b;
  for (int i = 0; i < 25; ++i) b.person("C" + std::to_string(i), "C" + std::to_string((i + 1) % 25)).name("N" + std::to_string(i));
  const RunResult result = run("structure-integrity", b.build(), {{"expected-roots", "0"}});
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].message ==
        "reporting cycle of 25 people: 'N0' -> 'N1' -> 'N2' -> 'N3' -> 'N4' -> 'N5' -> 'N6' -> 'N7' -> ... -> "
        "'N24' -> 'N0'");
  CHECK(result.findings[0].related.size() == 24);
}

TEST_CASE("integrity: extra roots are the smaller trees, one finding each") {
  const Org org = OrgBuilder()
                      .person("STRAY").name("Stray")
                      .person("CEO").name("Boss")
                      .person("A", "CEO").name("Ann")
                      .person("EXT").name("Partner").flags(kExternal)
                      .person("LOST").name("Lost")
                      .build();
  const RunResult result = run("structure-integrity", org);
  CHECK(messages(result) == std::vector<std::string>{
                                "'Stray' is one of 3 roots (people with no manager) where 1 is expected",
                                "'Lost' is one of 3 roots (people with no manager) where 1 is expected"});
  CHECK(result.findings[0].severity == Severity::warning);
  CHECK(result.findings[0].related.at(0).message == "expected root: 'Boss', at the top of 2 people");
  CHECK(run("structure-integrity", org, {{"expected-roots", "3"}}).findings.empty());
}

TEST_CASE("integrity: units without owners, unit parent cycles, unknown unit references and links") {
  const Org org = OrgBuilder()
                      .person("P1").name("Pat")
                      .unit("U1").name("Sales").owner("P1")
                      .unit("U2").name("Procurement")
                      .unit("U3").name("Partner Co").kind(UnitKind::external_partner)
                      .unit("U4", "U5").name("Loop A").owner("P1")
                      .unit("U5", "U4").name("Loop B").owner("P1")
                      .unit("U6", "U6").name("Mirror").owner("P1")
                      .unit("U7", "U99").name("Orphan").owner("NOONE")
                      .link("P1", "U1")
                      .link("P1", "GHOST")
                      .link("X", "Y")
                      .build();
  const RunResult result = run("structure-integrity", org);
  CHECK(messages(result) ==
        std::vector<std::string>{"unit 'Procurement' has no owner",
                                 "unit parent cycle: 'Loop A' -> 'Loop B' -> 'Loop A'",
                                 "unit 'Mirror' is its own parent unit",
                                 "unit 'Orphan' names owner 'NOONE', who matches no one",
                                 "unit 'Orphan' names parent unit 'U99', which matches no unit",
                                 "collaboration link from 'Pat' to 'GHOST' names 'GHOST', which matches no "
                                 "person or unit",
                                 "collaboration link from 'X' to 'Y' names 'X' and 'Y', which match no person or "
                                 "unit"});
  CHECK(result.outcomes.at(0).assessed == org.people.size() + org.units.size());
}

TEST_CASE("every structure rule's page lists the options info() declares, with their types and defaults") {
  for (const CatalogEntry& entry : structure_catalog().entries()) {
    if (entry.info.pack != "structure") continue;
    INFO("rule " << entry.info.id);
    std::ifstream page(std::string(ORGAUDIT_SOURCE_DIR) + "/rules/structure/" + entry.info.id + ".md");
    REQUIRE(page);
    // The rows of the table under "## Options", as "name|type|default" with the backticks dropped.
    std::vector<std::string> documented;
    bool in_options = false;
    for (std::string line; std::getline(page, line);) {
      if (line.rfind("## ", 0) == 0) in_options = line == "## Options";
      if (!in_options || line.rfind("| `", 0) != 0) continue;
      std::vector<std::string> cells;
      std::stringstream row(line.substr(1));
      for (std::string cell; std::getline(row, cell, '|');) {
        cell.erase(std::remove(cell.begin(), cell.end(), '`'), cell.end());
        cells.push_back(trim(cell));
      }
      if (cells.size() >= 3) documented.push_back(cells[0] + "|" + cells[1] + "|" + cells[2]);
    }
    std::vector<std::string> declared;
    for (const OptionSpec& o : entry.info.options)
      declared.push_back(o.name + "|" + to_string(o.type) + "|" + o.default_value);
    CHECK(documented == declared);
  }
}
