#include "workflow/scenario.h"
#include "workflow/scenario_report.h"

#include <catch2/catch.hpp>
#include <functional>
#include <tuple>

#include "org_builder.h"

using namespace orgaudit;
using orgaudit::testing::OrgBuilder;

namespace {

// P1 heads U1; P2 and P3 report to P1; P4 and P5 to P2 (P2 a layer of two); P6 to P4. U2 sits
// under U1, U3 under U2.
Org small_org() {
  OrgBuilder b;
  for (const auto& [id, manager, unit] : {std::tuple{"P1", "", "U1"}, {"P2", "P1", "U1"}, {"P3", "P1", "U1"},
                                          {"P4", "P2", "U2"}, {"P5", "P2", "U2"}, {"P6", "P4", "U3"}})
    b.person(id, manager).name(std::string("Name ") + id).title(std::string("Title ") + id).in(unit);
  b.unit("U1").name("Unit U1").unit("U2", "U1").name("Unit U2").unit("U3", "U2").name("Unit U3");
  b.link("P5", "P3");
  b.org().people[2].dotted_ids = {b.org().text("P5")};
  return b.build();
}

Scenario scenario_text(const std::string& yaml) {
  MemoryFileSystem files;
  files.add("s.yaml", yaml);
  return read_scenario(files, "s.yaml");
}

// The "file:line:col: error: message" an InputError formats to.
std::string error_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const InputError& e) {
    return e.diagnostic().format("error");
  }
  return "(no error)";
}

Scenario one_change(ScenarioChange change) {
  Scenario s;
  s.changes.push_back(std::move(change));
  return s;
}

std::string manager_of(const Org& org, const std::string& id) { return org.people[org.find_person(id)].manager_id.str(); }

}  // namespace

TEST_CASE("scenario: reads each change kind in order, with where each was written", "[scenario]") {
  const Scenario s = scenario_text(
      "description: flatter R&D\n"
      "changes:\n"
      "  - move: P6\n"
      "    to: P3\n"
      "  - {move-unit: U3, to: U1}\n"
      "  - remove-layer: P2\n"
      "  - vacate: P5\n"
      "  - remove: P4\n");
  REQUIRE(s.changes.size() == 5);
  CHECK(s.changes[0].kind == ScenarioChange::move);
  CHECK(s.changes[0].subject == "P6");
  CHECK(s.changes[0].target == "P3");
  CHECK(s.changes[0].origin.line == 3);
  CHECK(s.changes[0].origin.column == 11);
  CHECK(s.changes[0].target_origin.line == 4);
  CHECK(s.changes[0].target_origin.column == 9);
  CHECK(s.changes[1].kind == ScenarioChange::move_unit);
  CHECK(s.changes[1].target == "U1");
  CHECK(s.changes[2].kind == ScenarioChange::remove_layer);
  CHECK(s.changes[3].kind == ScenarioChange::vacate);
  CHECK(s.changes[4].kind == ScenarioChange::remove);
  CHECK(std::string(to_string(s.changes[1].kind)) == "move-unit");
}

TEST_CASE("scenario: a malformed file is an error at its line and column", "[scenario]") {
  CHECK(error_of([] { scenario_text("changes:\n  - mvoe: P6\n    to: P3\n"); }) ==
        "s.yaml:2:5: error: unknown key 'mvoe' in a change (move, move-unit, remove-layer, vacate, remove, split-me, merge-unit, "
        "add-member, remove-member, add-contract, remove-contract, renew-contract, set-right; to, into, from, people, by, as, "
        "name, right, reason, answers)");
  CHECK(error_of([] { scenario_text("changes:\n  - move: P6\n"); }) ==
        "s.yaml:2:5: error: 'move' needs 'to:' (the new manager)");
  CHECK(error_of([] { scenario_text("changes:\n  - vacate: P6\n    to: P3\n"); }) ==
        "s.yaml:3:9: error: 'vacate' takes no 'to:'");
  CHECK(error_of([] { scenario_text("changes:\n  - {vacate: P6, remove: P5}\n"); }) ==
        "s.yaml:2:18: error: one change per list item: 'remove' follows 'vacate'");
  CHECK(error_of([] { scenario_text("changes: {move: P6}\n"); }) == "s.yaml:1:10: error: 'changes' must be a list of changes");
  CHECK(error_of([] { scenario_text("chanegs: []\n"); }) ==
        "s.yaml:1:1: error: unknown key 'chanegs' in a scenario (changes, description)");
  CHECK(error_of([] { scenario_text("changes:\n  - P6\n"); }).rfind("s.yaml:2:5: error: a change must be a mapping", 0) == 0);
  CHECK(error_of([] { scenario_text("changes:\n  - move: [P6]\n    to: P3\n"); }) == "s.yaml:2:11: error: move must be a single value");
}

TEST_CASE("scenario: command-line changes", "[scenario]") {
  const ScenarioChange move = change_from_option("move", "P6:P3");
  CHECK(move.kind == ScenarioChange::move);
  CHECK(move.subject == "P6");
  CHECK(move.target == "P3");
  CHECK(move.origin.file == "--move P6:P3");
  const ScenarioChange layer = change_from_option("remove-layer", "P2");
  CHECK(layer.kind == ScenarioChange::remove_layer);
  CHECK(layer.subject == "P2");
  CHECK(error_of([] { change_from_option("move", "P6"); }) ==
        "--move P6: error: --move expects ID:MANAGER");
  CHECK(error_of([] { change_from_option("move-unit", ":U1"); }) ==
        "--move-unit :U1: error: --move-unit expects ID:PARENT");
}

TEST_CASE("scenario: move puts a person under a new manager, refusing cycles and unknown ids", "[scenario]") {
  Org org = small_org();
  const auto applied = apply_scenario(one_change(change_from_option("move", "P6:P3")), org);
  CHECK(manager_of(org, "P6") == "P3");
  CHECK(org.people[org.find_person("P6")].manager == org.find_person("P3"));  // resolved again
  CHECK(applied[0].effect == "P6 'Name P6' now reports to P3 'Name P3' (was P4)");

  Org again = small_org();
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - move: P2\n    to: P6\n"), again); }) ==
        "s.yaml:3:9: error: moving P2 'Name P2' under P6 'Name P6' would make a cycle: P6 reports, directly or not, to P2");
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {move: P2, to: P2}\n"), again); }) ==
        "s.yaml:2:20: error: moving P2 'Name P2' under P2 'Name P2' would make a cycle: a person cannot manage themselves");
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {move: P9, to: P2}\n"), again); }) ==
        "s.yaml:2:12: error: no person or post has id 'P9'");
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {move: P2, to: P99}\n"), again); }) ==
        "s.yaml:2:20: error: no person or post has id 'P99'");
}

TEST_CASE("scenario: changes apply in order, each seeing the ones before", "[scenario]") {
  Org org = small_org();
  // After P6 moves under P3, P3 under P6 is a cycle; before it, it would not be.
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {move: P6, to: P3}\n  - {move: P3, to: P6}\n"), org); }) ==
        "s.yaml:3:20: error: moving P3 'Name P3' under P6 'Name P6' would make a cycle: P6 reports, directly or not, to P3");
}

TEST_CASE("scenario: move-unit puts a unit under a new parent, refusing cycles", "[scenario]") {
  Org org = small_org();
  const auto applied = apply_scenario(one_change(change_from_option("move-unit", "U3:U1")), org);
  CHECK(org.units[org.find_unit("U3")].parent_id == "U1");
  CHECK(applied[0].effect == "U3 'Unit U3' now sits under U1 'Unit U1' (was U2)");
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {move-unit: U1, to: U2}\n"), org); }) ==
        "s.yaml:2:25: error: moving U1 'Unit U1' under U2 'Unit U2' would make a cycle: U2 is inside U1");
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {move-unit: U7, to: U2}\n"), org); }) ==
        "s.yaml:2:17: error: no unit has id 'U7'");
}

TEST_CASE("scenario: remove-layer hands a manager's reports to their manager, and the manager stays", "[scenario]") {
  Org org = small_org();
  const auto applied = apply_scenario(one_change(change_from_option("remove-layer", "P2")), org);
  CHECK(manager_of(org, "P4") == "P1");
  CHECK(manager_of(org, "P5") == "P1");
  CHECK(manager_of(org, "P2") == "P1");
  CHECK(org.find_person("P2") != kNoIndex);
  CHECK(applied[0].effect == "2 reports of P2 'Name P2' now report to P1; P2 stays, managing no one");
  CHECK(error_of([&] { apply_scenario(one_change(change_from_option("remove-layer", "P1")), org); }) ==
        "--remove-layer P1: error: P1 'Name P1' has no manager to take their reports: a top of the org is no layer to remove");
  CHECK(error_of([&] { apply_scenario(one_change(change_from_option("remove-layer", "P5")), org); }) ==
        "--remove-layer P5: error: P5 'Name P5' manages no one: there is no layer to remove");
}

TEST_CASE("scenario: vacate keeps the post without its holder", "[scenario]") {
  Org org = small_org();
  apply_scenario(scenario_text("changes:\n  - vacate: P4\n"), org);
  const Person& post = org.people[org.find_person("P4")];
  CHECK(post.has(kVacant));
  CHECK(post.name.empty());
  CHECK(post.title == "Title P4");
  CHECK(manager_of(org, "P6") == "P4");
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - vacate: P4\n"), org); }) ==
        "s.yaml:2:13: error: P4 'Title P4' is already vacant");
}

TEST_CASE("scenario: remove takes the post out, its reports to its manager, its ties with it", "[scenario]") {
  Org org = small_org();
  const auto applied = apply_scenario(scenario_text("changes:\n  - remove: P5\n  - remove: P2\n"), org);
  CHECK(org.people.size() == 4);
  CHECK(org.find_person("P5") == kNoIndex);
  CHECK(org.find_person("P2") == kNoIndex);
  CHECK(manager_of(org, "P4") == "P1");
  CHECK(org.people[org.find_person("P4")].manager == org.find_person("P1"));
  CHECK(org.links.empty());
  CHECK(org.people[org.find_person("P3")].dotted_ids.empty());
  CHECK(org.reference_problems.empty());
  CHECK(applied[1].effect == "P2 'Name P2' removed; 1 report now reports to P1");
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - remove: P5\n"), org); }) ==
        "s.yaml:2:13: error: no person or post has id 'P5'");
}

namespace {

// P1 heads U1. ME1, owned by P2 (under P1), holds two sub-teams: P4 with P6 and P7, P3 with P5.
// EMC1 counts ME1 as a member, under a contract last updated 2026-01-05; ME2 is a second ME. The
// org is as of 2026-03-31.
Org ecosystem_org() {
  OrgBuilder b;
  for (const auto& [id, manager, unit] : {std::tuple{"P1", "", "U1"}, {"P2", "P1", "ME1"}, {"P3", "P2", "ME1"},
                                          {"P4", "P2", "ME1"}, {"P5", "P3", "ME1"}, {"P6", "P4", "ME1"},
                                          {"P7", "P4", "ME1"}, {"P8", "P1", "ME2"}})
    b.person(id, manager).name(std::string("Name ") + id).in(unit);
  b.unit("U1").name("Unit U1").kind(UnitKind::department).owner("P1")
      .unit("ME1", "U1").name("Unit ME1").kind(UnitKind::me).owner("P2")
      .unit("ME2", "U1").name("Unit ME2").kind(UnitKind::me).owner("P8")
      .unit("EMC1", "U1").name("Unit EMC1").kind(UnitKind::emc).owner("P1").members({"ME1"});
  Org& org = b.org();
  org.as_of = Date::parse("2026-03-31");
  org.units[3].ecosystem().contract.present = true;
  org.units[3].ecosystem().contract.updated = Date::parse("2026-01-05");
  org.units[1].ecosystem().rights.stated = true;
  org.units[1].ecosystem().rights.pay.holder = "U1";
  return b.build();
}

std::vector<std::string> people_in(const Org& org, const std::string& unit) {
  std::vector<std::string> ids;
  for (const Person& p : org.people)
    if (p.unit_id == unit) ids.push_back(p.id.str());
  return ids;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("scenario: reads the new change kinds with their keys, reason and answers", "[scenario]") {
  const Scenario s = scenario_text(
      "changes:\n"
      "  - split-me: ME1\n"
      "    people: [P3, P5]\n"
      "    as: ME3\n"
      "    name: Pilot\n"
      "  - {split-me: ME1, by: half}\n"
      "  - {merge-unit: ME2, into: U1}\n"
      "  - {add-member: ME2, to: EMC1}\n"
      "  - {remove-member: ME1, from: EMC1}\n"
      "  - {add-contract: ME1, to: ME2}\n"
      "  - {remove-contract: ME1, to: ME2}\n"
      "  - renew-contract: EMC1\n"
      "  - set-right: ME1\n"
      "    right: pay\n"
      "    to: self\n"
      "    reason: the ME sets its own pay\n"
      "    answers: {rule: rendanheyi-three-rights, key: pay-not-held, fingerprint: 'v2:0123'}\n");
  REQUIRE(s.changes.size() == 9);
  CHECK(s.changes[0].kind == ScenarioChange::split_me);
  CHECK(s.changes[0].people == Ids{"P3", "P5"});
  CHECK(s.changes[0].people_origins[1].line == 3);
  CHECK(s.changes[0].people_origins[1].column == 18);
  CHECK(s.changes[0].new_id == "ME3");
  CHECK(s.changes[0].new_name == "Pilot");
  CHECK(s.changes[1].people.empty());
  CHECK(s.changes[2].kind == ScenarioChange::merge_unit);
  CHECK(s.changes[2].target == "U1");
  CHECK(s.changes[4].kind == ScenarioChange::remove_member);
  CHECK(s.changes[4].target == "EMC1");
  CHECK(s.changes[7].kind == ScenarioChange::renew_contract);
  CHECK(s.changes[8].right == "pay");
  CHECK(s.changes[8].target == "self");
  CHECK(s.changes[8].reason == "the ME sets its own pay");
  CHECK(s.changes[8].answers.rule == "rendanheyi-three-rights");
  CHECK(s.changes[8].answers.key == "pay-not-held");
  CHECK(s.changes[8].answers.fingerprint == "v2:0123");
  CHECK(std::string(to_string(s.changes[8].kind)) == "set-right");
}

TEST_CASE("scenario: the new kinds' malformed entries are errors at their line and column", "[scenario]") {
  CHECK(error_of([] { scenario_text("changes:\n  - {merge-unit: U1, to: U2}\n"); }) == "s.yaml:2:26: error: 'merge-unit' takes no 'to:'");
  CHECK(error_of([] { scenario_text("changes:\n  - {merge-unit: U1}\n"); }) ==
        "s.yaml:2:5: error: 'merge-unit' needs 'into:' (the unit that takes it in)");
  CHECK(error_of([] { scenario_text("changes:\n  - {remove-member: ME1, to: EMC1}\n"); }) ==
        "s.yaml:2:30: error: 'remove-member' takes no 'to:'");
  CHECK(error_of([] { scenario_text("changes:\n  - {set-right: ME1, to: self}\n"); }) ==
        "s.yaml:2:5: error: 'set-right' needs 'right:' (decision, people, pay)");
  CHECK(error_of([] { scenario_text("changes:\n  - {set-right: ME1, right: hiring, to: self}\n"); }) ==
        "s.yaml:2:29: error: unknown right 'hiring' (decision, people, pay; 'people' is the hiring right)");
  CHECK(error_of([] { scenario_text("changes:\n  - {split-me: ME1, by: third}\n"); }) ==
        "s.yaml:2:25: error: 'by' takes 'half' (or list the new ME's 'people:')");
  CHECK(error_of([] { scenario_text("changes:\n  - {split-me: ME1, by: half, people: [P3]}\n"); }) ==
        "s.yaml:2:25: error: 'split-me' takes 'people:' or 'by: half', not both");
  CHECK(error_of([] { scenario_text("changes:\n  - {split-me: ME1, people: []}\n"); }) ==
        "s.yaml:2:29: error: 'people' is a list of the person ids that form the new ME");
  CHECK(error_of([] { scenario_text("changes:\n  - {vacate: P1, answers: {rule: x, line: 3}}\n"); }) ==
        "s.yaml:2:37: error: unknown key 'line' in 'answers' (rule, key, fingerprint)");
}

TEST_CASE("scenario: the new kinds on the command line", "[scenario]") {
  const ScenarioChange split = change_from_option("split-me", "ME1:P3,P5");
  CHECK(split.kind == ScenarioChange::split_me);
  CHECK(split.subject == "ME1");
  CHECK(split.people == Ids{"P3", "P5"});
  CHECK(change_from_option("split-me", "ME1").people.empty());
  const ScenarioChange right = change_from_option("set-right", "ME1:decision=P2");
  CHECK(right.right == "decision");
  CHECK(right.target == "P2");
  CHECK(change_from_option("merge-unit", "U2:U1").target == "U1");
  CHECK(change_from_option("renew-contract", "EMC1").subject == "EMC1");
  CHECK(error_of([] { change_from_option("set-right", "ME1:pay"); }) ==
        "--set-right ME1:pay: error: --set-right expects ME:RIGHT=HOLDER, e.g. --set-right ME-1:pay=self");
  CHECK(error_of([] { change_from_option("set-right", "ME1:bonus=self"); }) ==
        "--set-right ME1:bonus=self: error: unknown right 'bonus' (decision, people, pay; 'people' is the hiring right)");
  CHECK(error_of([] { change_from_option("split-me", "ME1:P3,,P5"); }) ==
        "--split-me ME1:P3,,P5: error: --split-me expects ME:P-1,P-2,... (an empty id between commas)");
  CHECK(error_of([] { change_from_option("renew-contract", "EMC1:U1"); }) ==
        "--renew-contract EMC1:U1: error: --renew-contract expects EMC");
  CHECK(error_of([] { change_from_option("add-member", "ME2"); }) == "--add-member ME2: error: --add-member expects ID:EMC");
}

TEST_CASE("scenario: split-me moves the listed people into a new ME beside the old", "[scenario]") {
  Org org = ecosystem_org();
  const auto applied = apply_scenario(scenario_text("changes:\n  - {split-me: ME1, people: [P3, P5], as: ME3, name: Pilot}\n"), org);
  const Unit& split = org.units[org.find_unit("ME3")];
  CHECK(split.kind == UnitKind::me);
  CHECK(split.name == "Pilot");
  CHECK(split.parent_id == "U1");
  CHECK(split.owner_id == "P3");
  CHECK(split.rights().pay.holder == "U1");  // the ME's rights, as they were
  CHECK(people_in(org, "ME3") == Ids{"P3", "P5"});
  CHECK(people_in(org, "ME1") == Ids{"P2", "P4", "P6", "P7"});
  CHECK(manager_of(org, "P3") == "P2");  // reporting lines stay as they were
  CHECK(org.units[org.find_unit("EMC1")].member_ids == Ids{"ME1", "ME3"});  // and the ME's ties
  CHECK(applied[0].effect == "2 people of ME1 'Unit ME1' now form the new ME ME3 'Pilot', owned by P3; 4 people stay");
  Org one = ecosystem_org();
  CHECK(apply_scenario(one_change(change_from_option("split-me", "ME1:P7")), one)[0].effect ==
        "1 person of ME1 'Unit ME1' now forms the new ME ME1-2 'Unit ME1 2', owned by P7; 5 people stay");
}

TEST_CASE("scenario: split-me by half gives whole sub-teams to the smaller side", "[scenario]") {
  Org org = ecosystem_org();
  REQUIRE(me_sub_teams(org, org.find_unit("ME1")).size() == 2);
  CHECK(me_sub_teams(org, org.find_unit("ME1"))[0].size() == 3);  // P4's, largest first
  apply_scenario(one_change(change_from_option("split-me", "ME1")), org);
  CHECK(people_in(org, "ME1-2") == Ids{"P4", "P6", "P7"});
  CHECK(people_in(org, "ME1") == Ids{"P2", "P3", "P5"});
  CHECK(org.units[org.find_unit("ME1-2")].name == "Unit ME1 2");
  CHECK(org.units[org.find_unit("ME1-2")].owner_id == "P4");
}

TEST_CASE("scenario: split-me refuses what is not an ME, people outside it, emptying it and a taken id", "[scenario]") {
  Org org = ecosystem_org();
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {split-me: U1, by: half}\n"), org); }) ==
        "s.yaml:2:16: error: U1 'Unit U1' is a department, not an ME: only an ME splits (merge-unit and move-unit reshape other units)");
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {split-me: ME1, people: [P3, P8]}\n"), org); }) ==
        "s.yaml:2:34: error: P8 'Name P8' is not in ME1 'Unit ME1' (their unit is ME2)");
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {split-me: ME1, people: [P9]}\n"), org); }) ==
        "s.yaml:2:30: error: no person or post has id 'P9'");
  CHECK(error_of([&] { apply_scenario(one_change(change_from_option("split-me", "ME1:P2,P3,P4,P5,P6,P7")), org); }) ==
        "--split-me ME1:P2,P3,P4,P5,P6,P7: error: splitting ME1 'Unit ME1' this way would leave it with no one: keep some of its people");
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {split-me: ME1, people: [P3], as: ME2}\n"), org); }) ==
        "s.yaml:2:39: error: the new ME's id 'ME2' is taken: choose another with 'as:'");
  CHECK(error_of([&] { apply_scenario(one_change(change_from_option("split-me", "ME2")), org); }) ==
        "--split-me ME2: error: ME2 'Unit ME2' has one sub-team under its owner: there is no half to split off (list the new ME's 'people:')");
}

TEST_CASE("scenario: merge-unit hands a unit's people, sub-units and ties to another, refusing cycles", "[scenario]") {
  Org org = ecosystem_org();
  Link contract;
  contract.kind = LinkKind::contract;
  contract.from.id = "ME2";
  contract.to.id = "ME1";
  org.links.push_back(contract);
  org.units[org.find_unit("EMC1")].member_ids.push_back("ME2");
  org.resolve();
  const auto applied = apply_scenario(scenario_text("changes:\n  - {merge-unit: ME2, into: ME1}\n"), org);
  CHECK(org.find_unit("ME2") == kNoIndex);
  CHECK(people_in(org, "ME1").size() == 7);
  CHECK(org.units[org.find_unit("EMC1")].member_ids == Ids{"ME1"});
  CHECK(org.links.empty());  // a contract of ME1 with itself is no tie
  CHECK(org.reference_problems.empty());
  CHECK(applied[0].effect == "ME2 'Unit ME2' merged into ME1 'Unit ME1': 1 person and 0 sub-units moved");

  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {merge-unit: U1, into: ME1}\n"), org); }) ==
        "s.yaml:2:28: error: merging U1 'Unit U1' into ME1 'Unit ME1' would make a cycle: ME1 is inside U1");
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {merge-unit: ME1, into: ME1}\n"), org); }) ==
        "s.yaml:2:29: error: merging ME1 'Unit ME1' into ME1 'Unit ME1' would make a cycle: a unit cannot merge into itself");
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {merge-unit: U9, into: ME1}\n"), org); }) ==
        "s.yaml:2:18: error: no unit has id 'U9'");
}

TEST_CASE("scenario: add-member and remove-member change an EMC's members", "[scenario]") {
  Org org = ecosystem_org();
  const auto applied = apply_scenario(scenario_text("changes:\n  - {add-member: ME2, to: EMC1}\n  - {remove-member: ME1, from: EMC1}\n"), org);
  CHECK(org.units[org.find_unit("EMC1")].member_ids == Ids{"ME2"});
  CHECK(org.units[org.find_unit("EMC1")].members == std::vector<UnitIndex>{org.find_unit("ME2")});
  CHECK(applied[0].effect == "ME2 'Unit ME2' is now a member of EMC1 'Unit EMC1'");
  CHECK(applied[1].effect == "ME1 'Unit ME1' is no longer a member of EMC1 'Unit EMC1'");
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {add-member: ME2, to: EMC1}\n"), org); }) ==
        "s.yaml:2:18: error: ME2 'Unit ME2' is already a member of EMC1 'Unit EMC1'");
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {remove-member: ME1, from: EMC1}\n"), org); }) ==
        "s.yaml:2:21: error: ME1 'Unit ME1' is not a member of EMC1 'Unit EMC1'");
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {add-member: ME1, to: ME2}\n"), org); }) ==
        "s.yaml:2:27: error: ME2 'Unit ME2' is an ME, not an EMC: memberships are an EMC's");
}

TEST_CASE("scenario: add-contract and remove-contract tie and untie two units", "[scenario]") {
  Org org = ecosystem_org();
  const auto added = apply_scenario(one_change(change_from_option("add-contract", "ME1:ME2")), org);
  REQUIRE(org.links.size() == 1);
  CHECK(org.links[0].kind == LinkKind::contract);
  CHECK(org.links[0].from.index == org.find_unit("ME1"));
  CHECK(org.links[0].to.index == org.find_unit("ME2"));
  CHECK(added[0].effect == "ME1 'Unit ME1' and ME2 'Unit ME2' now have a contract");
  CHECK(error_of([&] { apply_scenario(one_change(change_from_option("add-contract", "ME2:ME1")), org); }) ==
        "--add-contract ME2:ME1: error: ME2 'Unit ME2' and ME1 'Unit ME1' already have a contract");
  const auto removed = apply_scenario(one_change(change_from_option("remove-contract", "ME2:ME1")), org);
  CHECK(org.links.empty());
  CHECK(removed[0].effect == "the contract between ME2 'Unit ME2' and ME1 'Unit ME1' removed");
  CHECK(error_of([&] { apply_scenario(one_change(change_from_option("remove-contract", "ME2:ME1")), org); }) ==
        "--remove-contract ME2:ME1: error: ME2 'Unit ME2' and ME1 'Unit ME1' have no contract to remove");
  CHECK(error_of([&] { apply_scenario(one_change(change_from_option("add-contract", "ME2:P1")), org); }) ==
        "--add-contract ME2:P1: error: no unit has id 'P1'");
}

TEST_CASE("scenario: renew-contract dates an EMC's contract at the org's as_of", "[scenario]") {
  Org org = ecosystem_org();
  const auto applied = apply_scenario(one_change(change_from_option("renew-contract", "EMC1")), org);
  CHECK(org.units[org.find_unit("EMC1")].contract().updated->to_string() == "2026-03-31");
  CHECK(applied[0].effect == "the contract of EMC1 'Unit EMC1' is renewed as of 2026-03-31 (was 2026-01-05)");
  CHECK(error_of([&] { apply_scenario(one_change(change_from_option("renew-contract", "ME1")), org); }) ==
        "--renew-contract ME1: error: ME1 'Unit ME1' is an ME, not an EMC: contracts that are renewed are an EMC's");
  org.units[org.find_unit("EMC1")].ecosystem().contract.present = false;
  CHECK(error_of([&] { apply_scenario(one_change(change_from_option("renew-contract", "EMC1")), org); }) ==
        "--renew-contract EMC1: error: EMC1 'Unit EMC1' has no contract to renew: write one in the org file first");
}

TEST_CASE("scenario: set-right gives one of an ME's rights to a holder", "[scenario]") {
  Org org = ecosystem_org();
  const auto applied = apply_scenario(scenario_text("changes:\n  - {set-right: ME1, right: pay, to: self}\n  - {set-right: ME2, right: decision, to: P8}\n"), org);
  CHECK(org.units[org.find_unit("ME1")].rights().pay.holder == "self");
  CHECK(org.units[org.find_unit("ME2")].rights().stated);
  CHECK(org.units[org.find_unit("ME2")].rights().decision.holder == "P8");
  CHECK(applied[0].effect == "the pay right of ME1 'Unit ME1' is now held by self (was U1)");
  CHECK(applied[1].effect == "the decision right of ME2 'Unit ME2' is now held by P8 (was not stated)");
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {set-right: ME1, right: pay, to: U9}\n"), org); }) ==
        "s.yaml:2:38: error: no unit or person has id 'U9' (a right's holder is self, or a unit or person id)");
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {set-right: EMC1, right: pay, to: self}\n"), org); }) ==
        "s.yaml:2:17: error: EMC1 'Unit EMC1' is an EMC, not an ME: the three rights are an ME's");
}

TEST_CASE("scenario report: names and reasons from the inputs cannot drive a terminal in text, nor mark up Markdown", "[scenario]") {
  WhatIfReport report;
  report.name = "evil\x1b[2J.yaml";
  report.diff.old_name = "Org\x1b]0;title\x07";
  report.diff.scores = {{"Org", 50.0, 60.0}};  // diff_snapshots always gives the org score first
  ScenarioChange change = change_from_option("vacate", "P1");
  change.reason = "because\xe2\x80\xae reversed";  // U+202E, a right-to-left override
  report.changes.push_back({change, "P1 'Eve\x1b[31m' is now a vacant post"});
  const std::string text = write_whatif_text(report, 0);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("\xe2\x80\xae") == std::string::npos);
  CHECK_THAT(text, Catch::Contains("P1 'Eve\\x1b[31m' is now a vacant post"));
  CHECK_THAT(text, Catch::Contains("reason: because\\u202e reversed"));
  const std::string comparison = write_whatif_comparison_text({report, report}, 0);
  CHECK(comparison.find('\x1b') == std::string::npos);
  const std::string markdown = write_whatif_markdown(report, 0);
  CHECK(markdown.find('\x1b') == std::string::npos);
  CHECK(markdown.find("\xe2\x80\xae") == std::string::npos);
  CHECK_THAT(markdown, Catch::Contains("1. **vacate**: P1 'Eve\\\\x1b\\[31m' is now a vacant post"));
}
