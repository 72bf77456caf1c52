// The Google Workspace preset: detection by header, e-mail ids matched without case, and the org
// unit path as a unit tree.
#include <catch2/catch.hpp>

#include "import_test_support.h"
#include "model/import_log.h"

using namespace orgaudit;
using import::testing::load_csv_text;
using import::testing::person;

namespace {

const char* kHeader =
    "First Name [Required],Last Name [Required],Email Address [Required],Password [Required],Org Unit Path [Required],"
    "Employee ID,Employee Type,Employee Title,Manager Email,Department,Cost Center\n";

std::map<std::string, std::pair<std::string, std::string>> units_of(const Org& org) {  // id -> (name, parent)
  std::map<std::string, std::pair<std::string, std::string>> units;
  for (const Unit& u : org.units) units[u.id] = {u.name, u.parent_id};
  return units;
}

}  // namespace

TEST_CASE("google workspace: the admin console's export is recognised and each column read", "[google-workspace]") {
  const Org org = load_csv_text(std::string(kHeader) +
                                "Ada,Lovelace,Ada@Example.com,****,/,1001,Employee,CEO,,Office,CC-1\n"
                                "Bob,Babbage,bob@example.com,****,/Eng,1002,Contractor,VP,ADA@example.COM,Engineering,CC-2\n");
  const Person& bob = person(org, "bob@example.com");
  CHECK(bob.name == "Bob Babbage");
  CHECK(bob.title == "VP");
  CHECK(bob.manager_id == "ada@example.com");  // matched to Ada whatever the case
  CHECK(bob.has(kContractor));
  CHECK(bob.unit_id == "/Eng");
  CHECK(person(org, "ada@example.com").unit_id.empty());  // the root org unit is the org itself
  REQUIRE(bob.attributes.size() == 4);
  CHECK(bob.attributes[0].key == "Employee ID");
  CHECK(bob.attributes[3].value == "CC-2");
  CHECK(bob.manager_where.column == 58);
}

TEST_CASE("google workspace: org unit paths become a unit tree, ancestors included", "[google-workspace]") {
  const Org org = load_csv_text(std::string(kHeader) +
                                "A,A,a@x,,/Sales/EMEA/UK/,,,,,,\n"
                                "B,B,b@x,,/Sales,,,,a@x,,\n"
                                "C,C,c@x,,/Eng/Platform,,,,a@x,,\n");
  using Tree = std::map<std::string, std::pair<std::string, std::string>>;
  CHECK(units_of(org) == Tree{{"/Sales/EMEA/UK", {"UK", "/Sales/EMEA"}},
                              {"/Sales/EMEA", {"EMEA", "/Sales"}},
                              {"/Sales", {"Sales", ""}},
                              {"/Eng/Platform", {"Platform", "/Eng"}},
                              {"/Eng", {"Eng", ""}}});
  CHECK(person(org, "a@x").unit_id == "/Sales/EMEA/UK");  // the trailing slash dropped
}

TEST_CASE("google workspace: an e-mail used twice in other case is a duplicate", "[google-workspace]") {
  const Org org = load_csv_text(std::string(kHeader) + "A,A,a@x,,/,,,,,,\nB,B,A@X,,/,,,,,,\n,,,,/,,,,,,\n");
  REQUIRE(org.import_log->issues.size() == 2);
  CHECK(org.import_log->issues[0].message == "row skipped: id 'a@x' is already used by the row on line 2");
  CHECK(org.import_log->issues[1].message == "row skipped: no id: the 'Email Address [Required]' column is empty");
}
