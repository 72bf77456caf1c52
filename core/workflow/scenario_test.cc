#include "workflow/scenario.h"

#include <catch2/catch.hpp>
#include <functional>

using namespace orgaudit;

namespace {

// P1 heads U1; P2 and P3 report to P1; P4 and P5 to P2 (P2 a layer of two); P6 to P4. U2 sits
// under U1, U3 under U2.
Org small_org() {
  Org org;
  auto person = [&org](const std::string& id, const std::string& manager, const std::string& unit) {
    Person p;
    p.id = id;
    p.name = "Name " + id;
    p.title = "Title " + id;
    p.manager_id = manager;
    p.unit_id = unit;
    org.people.push_back(p);
  };
  person("P1", "", "U1");
  person("P2", "P1", "U1");
  person("P3", "P1", "U1");
  person("P4", "P2", "U2");
  person("P5", "P2", "U2");
  person("P6", "P4", "U3");
  auto unit = [&org](const std::string& id, const std::string& parent) {
    Unit u;
    u.id = id;
    u.name = "Unit " + id;
    u.parent_id = parent;
    org.units.push_back(u);
  };
  unit("U1", "");
  unit("U2", "U1");
  unit("U3", "U2");
  Link l;
  l.from.id = "P5";
  l.to.id = "P3";
  org.links.push_back(l);
  org.people[2].dotted_ids = {"P5"};
  org.resolve();
  return org;
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

std::string manager_of(const Org& org, const std::string& id) { return org.people[org.find_person(id)].manager_id; }

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
        "s.yaml:2:5: error: unknown key 'mvoe' in a change (move, move-unit, remove-layer, vacate, remove, to)");
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
        "--move P6: error: --move expects ID:NEW-MANAGER, e.g. --move P-17:P-3");
  CHECK(error_of([] { change_from_option("move-unit", ":U1"); }) ==
        "--move-unit :U1: error: --move-unit expects ID:NEW-PARENT, e.g. --move-unit U-LAB:U-RND");
}

TEST_CASE("scenario: move puts a person under a new manager, refusing cycles and unknown ids", "[scenario]") {
  Org org = small_org();
  const auto applied = apply_scenario(Scenario{{change_from_option("move", "P6:P3")}}, org);
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
  const auto applied = apply_scenario(Scenario{{change_from_option("move-unit", "U3:U1")}}, org);
  CHECK(org.units[org.find_unit("U3")].parent_id == "U1");
  CHECK(applied[0].effect == "U3 'Unit U3' now sits under U1 'Unit U1' (was U2)");
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {move-unit: U1, to: U2}\n"), org); }) ==
        "s.yaml:2:25: error: moving U1 'Unit U1' under U2 'Unit U2' would make a cycle: U2 is inside U1");
  CHECK(error_of([&] { apply_scenario(scenario_text("changes:\n  - {move-unit: U7, to: U2}\n"), org); }) ==
        "s.yaml:2:17: error: no unit has id 'U7'");
}

TEST_CASE("scenario: remove-layer hands a manager's reports to their manager, and the manager stays", "[scenario]") {
  Org org = small_org();
  const auto applied = apply_scenario(Scenario{{change_from_option("remove-layer", "P2")}}, org);
  CHECK(manager_of(org, "P4") == "P1");
  CHECK(manager_of(org, "P5") == "P1");
  CHECK(manager_of(org, "P2") == "P1");
  CHECK(org.find_person("P2") != kNoIndex);
  CHECK(applied[0].effect == "2 reports of P2 'Name P2' now report to P1; P2 stays, managing no one");
  CHECK(error_of([&] { apply_scenario(Scenario{{change_from_option("remove-layer", "P1")}}, org); }) ==
        "--remove-layer P1: error: P1 'Name P1' has no manager to take their reports: a top of the org is no layer to remove");
  CHECK(error_of([&] { apply_scenario(Scenario{{change_from_option("remove-layer", "P5")}}, org); }) ==
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
