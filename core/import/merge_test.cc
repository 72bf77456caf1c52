// Several inputs into one org: people from CSV, units from YAML; two inputs defining one id.
#include "import/merge.h"

#include <catch2/catch.hpp>

#include "import/import_test_support.h"
#include "import/inputs.h"
#include "import/yaml_writer.h"
#include "util/parallel.h"

using namespace orgaudit;

namespace {

Org load(MemoryFileSystem& files, const std::vector<std::string>& inputs, std::vector<Diagnostic>* warnings_out = nullptr) {
  std::vector<Diagnostic> warnings;
  NoProgress progress;
  Org org = import::load_inputs(files, inputs, LoadOptions{}, warnings, progress);
  if (warnings_out) *warnings_out = warnings;
  return org;
}

std::string error_of(MemoryFileSystem& files, const std::vector<std::string>& inputs) {
  try {
    load(files, inputs);
  } catch (const InputError& e) {
    return e.diagnostic().format("error");
  }
  return "";
}

const char* kUnits =
    "orgaudit: 1\n"
    "units:\n"
    "  - id: U-HQ\n"
    "    name: Head office\n"
    "    kind: platform\n"
    "    owner: P1\n"
    "  - id: U-ENG\n"
    "    kind: me\n"
    "    parent: U-HQ\n"
    "    owner: P2\n"
    "    rights: {decision: self, people: self, pay: U-HQ}\n";

// People from a CSV export merged with the units of kUnits.
Org load_with_units(MemoryFileSystem& files, const std::string& people_csv, std::vector<Diagnostic>& warnings) {
  files.add("people.csv", people_csv);
  files.add("units.yaml", kUnits);
  return load(files, {"people.csv", "units.yaml"}, &warnings);
}

}  // namespace

TEST_CASE("merge: people from a CSV export, units from YAML") {
  MemoryFileSystem files;
  std::vector<Diagnostic> warnings;
  const Org org = load_with_units(files, "id,manager_id,name,unit\nP1,,Ann,U-HQ\nP2,P1,Bo,U-ENG\nP3,P2,Cy,U-ENG\n", warnings);
  CHECK(warnings.empty());
  REQUIRE(org.units.size() == 2);  // the YAML definitions replaced what the unit column implied
  CHECK_FALSE(org.units[0].implied);
  CHECK(org.units[0].name == "Head office");
  CHECK(org.units[1].rights().stated);
  CHECK(org.file_of(org.units[1].where) == "units.yaml");
  CHECK(org.reference_problems.empty());
  CHECK(org.people[2].unit == 1);
}

TEST_CASE("merge: a unit-column value no definition matches is kept, with a warning") {
  MemoryFileSystem files;
  std::vector<Diagnostic> warnings;
  const Org org = load_with_units(files, "id,manager_id,unit\nP1,,U-HQ\nP2,P1,Engineering\n", warnings);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].format("warning") ==
        "people.csv:3:7: warning: 1 unit named in the unit column ('Engineering' here) is defined by no other input; "
        "kept as units of their own, with inferred owners");
  CHECK(org.units.size() == 3);
}

TEST_CASE("merge: two inputs defining the same id is an error naming both") {
  MemoryFileSystem files;
  files.add("a.csv", "id,manager_id,name\nP1,,Ann\nP2,P1,Bo\n");
  files.add("b.csv", "id,manager_id,name\nP9,,Zed\nP2,P9,Bo\n");
  CHECK(error_of(files, {"a.csv", "b.csv"}) ==
        "b.csv:3:1: error: person 'P2' is defined by two inputs, here and at a.csv:3:1 (they differ in manager: "
        "'P1' there, 'P9' here); define each id in one input and refer to it from the others");
  files.add("people.yaml", "orgaudit: 1\npeople:\n  - id: P2\n    manager: P1\n    name: Bo\n");
  CHECK_THAT(error_of(files, {"a.csv", "people.yaml"}),
             Catch::StartsWith("people.yaml:3:5: error: person 'P2' is defined by two inputs, here and at a.csv:3:1 (the same record twice)"));
  files.add("u1.yaml", "orgaudit: 1\nunits:\n  - id: U1\n    name: One\n");
  files.add("u2.yaml", "orgaudit: 1\nunits:\n  - id: U1\n    name: Uno\n");
  CHECK_THAT(error_of(files, {"u1.yaml", "u2.yaml"}),
             Catch::Contains("u2.yaml:3:5: error: unit 'U1' is defined by two inputs, here and at u1.yaml:3:5 (they differ in name"));
}

TEST_CASE("merge: the first export's id table is the org's only while it holds every person", "[import]") {
  MemoryFileSystem files;
  files.add("a.csv", "id,manager_id,name\nP1,,Ann\nP2,P3,Bo\n");
  files.add("b.csv", "id,manager_id,name\nP3,P1,Cy\n");
  // b.csv's P3 is not in a.csv's table: resolving with it would leave Bo without a manager.
  const Org org = load(files, {"a.csv", "b.csv"});
  REQUIRE(org.people.size() == 3);
  CHECK(org.people[1].manager == 2);
  CHECK(org.people[2].manager == 0);
  CHECK(org.find_person("P3") == 2);
  CHECK(org.reference_problems.empty());
}

TEST_CASE("merge: implied units get owners from the reporting lines") {
  MemoryFileSystem files;
  files.add("p.csv",
            "id,manager_id,unit\n"
            "CEO,,Board\n"
            "A,CEO,Sales\n"      // heads Sales: the only member whose manager is outside it
            "A1,A,Sales\n"
            "A2,A,Sales\n"
            "B,CEO,Sales\n");    // also outside-managed, but manages nobody in Sales
  const Org org = load(files, {"p.csv"});
  REQUIRE(org.units.size() == 2);
  CHECK(org.units[0].owner_id == "CEO");
  CHECK(org.units[1].owner_id == "A");
  CHECK(org.units[1].owner == 1);
}

TEST_CASE("merge: owners are inferred alike when a large org's reporting lines are read on two threads") {
  // 3,572 teams of seven (six people, then their lead) under a CEO: over the size at which the
  // lines are read in two halves, with a team across the middle. Each lead comes after the team,
  // so a member taken for one whose manager is outside the team would own it.
  constexpr int kTeams = 3572;
  std::string csv = "id,manager_id,unit\nCEO,,Board\n";
  for (int t = 0; t < kTeams; ++t) {
    const std::string team = "T" + std::to_string(t), lead = "L" + std::to_string(t);
    for (int m = 0; m < 6; ++m) csv += lead + "-" + std::to_string(m) + "," + lead + "," + team + "\n";
    csv += lead + ",CEO," + team + "\n";
  }
  MemoryFileSystem files;
  files.add("p.csv", csv);
  const Org org = load(files, {"p.csv"});
  REQUIRE(org.people.size() == 1 + 7 * kTeams);
  REQUIRE(org.people.size() >= detail::kMinPeopleToSplit);
  REQUIRE(org.units.size() == 1 + kTeams);
  CHECK(org.units[0].owner_id == "CEO");
  int owned_by_lead = 0;
  for (int t = 0; t < kTeams; ++t) owned_by_lead += org.units[1 + t].owner_id == "L" + std::to_string(t);
  CHECK(owned_by_lead == kTeams);
}

TEST_CASE("merge: the org name and date come from the first input that gives them") {
  MemoryFileSystem files;
  files.add("a.yaml", "orgaudit: 1\norg: {name: Acme, as_of: 2026-01-31}\npeople: [{id: P1}]\n");
  files.add("b.yaml", "orgaudit: 1\norg: {name: Acme Ltd}\npeople: [{id: P2, manager: P1}]\n");
  std::vector<Diagnostic> warnings;
  const Org org = load(files, {"a.yaml", "b.yaml"}, &warnings);
  CHECK(org.name == "Acme");
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0].message, Catch::Contains("org name 'Acme Ltd' differs from 'Acme'"));
}

TEST_CASE("yaml writer: every string comes back as written") {
  using import::yaml_scalar;
  CHECK(yaml_scalar("P-1") == "P-1");
  CHECK(yaml_scalar("Ann Smith") == "Ann Smith");
  CHECK(yaml_scalar("42") == "\"42\"");
  CHECK(yaml_scalar("007") == "\"007\"");
  CHECK(yaml_scalar("yes") == "\"yes\"");
  CHECK(yaml_scalar("Null") == "\"Null\"");
  CHECK(yaml_scalar("~") == "\"~\"");
  CHECK(yaml_scalar("-lead") == "\"-lead\"");
  CHECK(yaml_scalar(":x") == "\":x\"");
  CHECK(yaml_scalar("# not a comment") == "\"# not a comment\"");
  CHECK(yaml_scalar("a: b") == "\"a: b\"");
  CHECK(yaml_scalar("Li \"Lily\" Wei") == "\"Li \\\"Lily\\\" Wei\"");
  CHECK(yaml_scalar("two\nlines") == "\"two\\nlines\"");
  CHECK(yaml_scalar("<script>alert(1)</script>") == "\"<script>alert(1)</script>\"");
  CHECK(yaml_scalar("Zoë 👩‍💻") == "\"Zoë 👩‍💻\"");
  CHECK(yaml_scalar("bell\x07") == "\"bell\\x07\"");
  CHECK(yaml_scalar("sep\u2028") == "\"sep\\L\"");
  CHECK(yaml_scalar("csi\xC2\x9B nel\xC2\x85") == "\"csi\\u009B nel\\N\"");
  CHECK(yaml_scalar("non\xEF\xBF\xBF") == "\"non\\uFFFF\"");
  CHECK(yaml_scalar("") == "\"\"");
  CHECK(yaml_scalar(" padded ") == "\" padded \"");
}

TEST_CASE("yaml writer: an org written and read back is the same org") {
  MemoryFileSystem files;
  files.add("units.yaml", kUnits);
  files.add("people.csv",
            "id,manager_id,name,title,unit,fte,vacant,contractor,dotted_manager_ids,note\n"
            "P1,,\"Ann \"\"A\"\" <b>\",CEO,U-HQ,,,,,yes\n"
            "P2,P1,\"Bo\nBo\",- dash,U-ENG,0.25,,true,P1,~\n"
            "P3,P2,null,#1,U-ENG,,true,,,\"a: b\"\n");
  const Org before = load(files, {"people.csv", "units.yaml"});
  files.add("out.yaml", import::write_org_yaml(before, {"people.csv", "units.yaml"}));
  const Org after = load(files, {"out.yaml"});
  REQUIRE(after.people.size() == before.people.size());
  for (std::size_t i = 0; i < before.people.size(); ++i) {
    import::testing::check_same_record(before.people[i], after.people[i]);
  }
  REQUIRE(after.units.size() == 2);
  CHECK(after.units[1].rights().pay.holder == "U-HQ");
  CHECK(after.units[0].kind == UnitKind::platform);
}
