#include "workflow/fix_proposal.h"

#include <catch2/catch.hpp>
#include <tuple>

#include "org_builder.h"


using namespace orgaudit;
using orgaudit::testing::OrgBuilder;

namespace {

// P1 heads U1 and owns it; P2 (under P1) is a pass-through to P3, who manages P4 and P5; P6 names
// manager P-GONE, who matches no one. ME1, owned by P3, holds P3, P4 (with P7 and P8) and P5.
// EMC1's contract is stale.
Org org_with_remedies() {
  OrgBuilder b;
  for (const auto& [id, manager, unit] : {std::tuple{"P1", "", "U1"}, {"P2", "P1", "U1"}, {"P3", "P2", "ME1"},
                                          {"P4", "P3", "ME1"}, {"P5", "P3", "ME1"}, {"P6", "P-GONE", "ME1"},
                                          {"P7", "P4", "ME1"}, {"P8", "P4", "ME1"}})
    b.person(id, manager).name(std::string("Name ") + id).in(unit);
  b.unit("U1").name("Unit U1").kind(UnitKind::department).owner("P1")
      .unit("ME1", "U1").name("Unit ME1").kind(UnitKind::me).owner("P3")
      .unit("EMC1", "U1").name("Unit EMC1").kind(UnitKind::emc).owner("P1");
  Org& org = b.org();
  org.as_of = Date::parse("2026-03-31");
  org.units[2].ecosystem().contract.present = true;
  org.units[2].ecosystem().contract.updated = Date::parse("2025-12-01");
  return b.build();
}

Finding finding(const Org& org, const std::string& rule, const std::string& key, const std::string& id) {
  Finding f;
  f.rule_id = rule;
  f.key = key;
  f.fingerprint = "v2:" + rule + "/" + key + "/" + id;
  f.entity_ids = {id};
  const PersonIndex p = org.find_person(id);
  f.entities = {p != kNoIndex ? EntityRef{EntityRef::person, p} : EntityRef{EntityRef::unit, org.find_unit(id)}};
  return f;
}

}  // namespace

TEST_CASE("fix proposal: one change per finding with a mechanical remedy, each naming the finding", "[fix]") {
  const Org org = org_with_remedies();
  const std::vector<Finding> findings{
      finding(org, "structure-span-of-control", "pass-through", "P2"),
      finding(org, "structure-integrity", "unknown-manager", "P6"),
      finding(org, "rendanheyi-me-size", "", "ME1"),
      finding(org, "rendanheyi-emc-contract", "stale", "EMC1"),
      finding(org, "structure-hierarchy-depth", "", "P1"),  // no mechanical remedy
  };
  const FixProposal proposal = propose_fixes(org, findings);
  REQUIRE(proposal.scenario.changes.size() == 4);
  CHECK(proposal.unanswered.empty());
  const auto& c = proposal.scenario.changes;
  CHECK(c[0].kind == ScenarioChange::remove_layer);
  CHECK(c[0].subject == "P2");
  CHECK(c[0].answers.rule == "structure-span-of-control");
  CHECK(c[0].answers.key == "pass-through");
  CHECK(c[0].answers.fingerprint == "v2:structure-span-of-control/pass-through/P2");
  CHECK(c[1].kind == ScenarioChange::move);
  CHECK(c[1].subject == "P6");
  CHECK(c[1].target == "P3");  // the owner of P6's unit
  CHECK(c[2].kind == ScenarioChange::split_me);
  CHECK(c[2].people == std::vector<std::string>{"P4", "P7", "P8"});  // the largest sub-team
  CHECK(c[3].kind == ScenarioChange::renew_contract);
  CHECK(c[3].subject == "EMC1");

  // The scenario file reads back to the same changes, and applies.
  MemoryFileSystem files;
  files.add("proposed.yaml", write_scenario_yaml(proposal.scenario, {"a header line"}));
  const Scenario again = read_scenario(files, "proposed.yaml");
  REQUIRE(again.changes.size() == 4);
  CHECK(again.changes[2].people == c[2].people);
  CHECK(again.changes[2].new_name == "Unit ME1 2");
  CHECK(again.changes[3].answers.fingerprint == c[3].answers.fingerprint);
  CHECK(again.changes[0].reason == c[0].reason);
  Org changed = org;
  apply_scenario(again, changed);
  CHECK(changed.people[changed.find_person("P3")].manager_id == "P1");
  CHECK(changed.units[changed.find_unit("EMC1")].contract().updated->to_string() == "2026-03-31");
}

TEST_CASE("fix proposal: an owner of their own unit goes to the parent's owner, and what cannot apply is not proposed", "[fix]") {
  Org org = org_with_remedies();
  org.units[org.find_unit("ME1")].owner_id = "P6";  // P6, whose manager matches no one, owns ME1
  org.resolve();
  Finding suppressed = finding(org, "structure-span-of-control", "single-report", "P1");
  suppressed.suppression = FindingSuppression{"inline", "on purpose", {}};
  const FixProposal proposal = propose_fixes(org, {finding(org, "structure-integrity", "unknown-manager", "P6"), suppressed,
                                                   finding(org, "structure-span-of-control", "pass-through", "P2"),
                                                   finding(org, "structure-span-of-control", "single-report", "P2")});
  REQUIRE(proposal.scenario.changes.size() == 2);
  CHECK(proposal.scenario.changes[0].target == "P1");  // U1's owner: P6 owns ME1 themselves
  REQUIRE(proposal.unanswered.size() == 1);  // P2's layer is gone once the first remove-layer ran
  CHECK(proposal.unanswered[0].key == "single-report");
  CHECK(proposal.unanswered[0].why == "P2 'Name P2' manages no one: there is no layer to remove");
}

TEST_CASE("fix proposal: the scenario file reads back every id as it was, quotes, line breaks and controls included", "[fix]") {
  Scenario scenario;
  ScenarioChange move = change_from_option("move", "A:B");
  move.subject = "P \"one\"\nsecond line \\ back";
  move.target = "M\x1b[2J\xe2\x80\xae";
  move.reason = "why: \"this\"";
  scenario.changes.push_back(move);
  const std::string yaml = write_scenario_yaml(scenario, {});
  CHECK(yaml.find('\x1b') == std::string::npos);
  CHECK(yaml.find("\xe2\x80\xae") == std::string::npos);
  CHECK_THAT(yaml, Catch::Contains("  - move: \"P \\\"one\\\"\\nsecond line \\\\ back\"\n"));
  MemoryFileSystem files;
  files.add("p.yaml", yaml);
  const Scenario again = read_scenario(files, "p.yaml");
  REQUIRE(again.changes.size() == 1);
  CHECK(again.changes[0].subject == move.subject);
  CHECK(again.changes[0].target == move.target);
  CHECK(again.changes[0].reason == move.reason);
}
