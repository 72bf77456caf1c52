// The Backstage catalog importer: entity refs, groups as units, users as people, reporting lines
// from group leads, and bad input.
#include "import/backstage_import.h"

#include "directory_test_support.h"
#include "import_test_support.h"
#include "model/import_log.h"

using namespace orgaudit;
using import::backstage_id;
using namespace orgaudit::import::testing;

namespace {

Loaded catalog(const std::string& text) { return import::testing::load_with(import::load_backstage, "c.yaml", text); }

const Unit& unit(const Org& org, const std::string& id) {
  for (const Unit& u : org.units)
    if (u.id == id) return u;
  FAIL("no unit '" << id << "'");
  throw;
}

std::string group(const std::string& name, const std::string& spec, const std::string& metadata = "") {
  return "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: " + name + "\n" + metadata + "spec:\n" + spec + "---\n";
}
std::string user(const std::string& name, const std::string& spec, const std::string& metadata = "") {
  return "apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: " + name + "\n" + metadata + "spec:\n" + spec + "---\n";
}

}  // namespace

TEST_CASE("backstage: entity refs resolve with Backstage's default kind and namespace", "[backstage]") {
  CHECK(backstage_id("team-a", "default") == "team-a");
  CHECK(backstage_id("group:default/team-a", "default") == "team-a");
  CHECK(backstage_id("Group:Default/Team-A", "default") == "team-a");
  CHECK(backstage_id("default/team-a", "ops") == "team-a");
  CHECK(backstage_id("team-a", "ops") == "ops/team-a");  // the referring entity's namespace
  CHECK(backstage_id("user:ops/jo", "default") == "ops/jo");
}

TEST_CASE("backstage: a catalog is told from an org file by its apiVersion", "[backstage]") {
  CHECK(import::is_backstage_catalog("# catalog\napiVersion: backstage.io/v1alpha1\nkind: Group\n"));
  CHECK(import::is_backstage_catalog("apiVersion: \"backstage.io/v1beta1\"\n"));
  CHECK_FALSE(import::is_backstage_catalog("orgaudit: 1\npeople: []\n"));
  CHECK_FALSE(import::is_backstage_catalog("apiVersion: v1\nkind: ConfigMap\n"));
}

TEST_CASE("backstage: groups are units, users people, leads give the reporting lines", "[backstage]") {
  const Loaded loaded = catalog(
      group("org", "  type: organization\n  profile:\n    displayName: The Org\n  children: [team-a]\n",
            "  annotations:\n    orgaudit.io/lead: user:default/boss\n") +
      group("team-a", "  type: team\n  parent: group:default/org\n  children: []\n  members: [lead-a, jo]\n",
            "  title: Team A\n  annotations:\n    orgaudit.io/lead: lead-a\n") +
      user("boss", "  profile:\n    displayName: The Boss\n    email: boss@x\n  memberOf: [org]\n") +
      user("lead-a", "  memberOf: [team-a]\n") +
      user("jo", "  profile: {displayName: Jo}\n") +
      user("al", "  memberOf: [group:team-a]\n", "  annotations:\n    orgaudit.io/manager: jo\n") +
      "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc\nspec:\n  owner: team-a\n");
  REQUIRE(loaded.org.people.size() == 4);
  CHECK(unit(loaded.org, "org").name == "The Org");
  CHECK(unit(loaded.org, "team-a").name == "Team A");  // no displayName: metadata.title
  CHECK(unit(loaded.org, "team-a").parent_id == "org");
  CHECK(unit(loaded.org, "team-a").owner_id == "lead-a");
  CHECK(unit(loaded.org, "team-a").attributes.at(0).value == "team");
  const Person& boss = person(loaded.org, "boss");
  CHECK(boss.name == "The Boss");
  CHECK(attribute(boss, "email") == "boss@x");
  CHECK(attribute(boss, "entity-ref") == "user:default/boss");
  CHECK(boss.manager_id.empty());
  CHECK(person(loaded.org, "lead-a").name == "lead-a");            // no profile: its name
  CHECK(person(loaded.org, "lead-a").manager_id == "boss");        // the lead of the group above
  CHECK(person(loaded.org, "jo").manager_id == "lead-a");          // a member of team-a by the group's list
  CHECK(person(loaded.org, "jo").unit_id == "team-a");
  CHECK(person(loaded.org, "al").manager_id == "jo");              // its own annotation wins
  CHECK(person(loaded.org, "jo").manager_where.line == 19);        // where team-a names its lead
  CHECK(loaded.org.import_log->records == 6);
  CHECK(loaded.warnings.empty());
}

TEST_CASE("backstage: without leads the catalog has no reporting lines, and says so", "[backstage]") {
  const Loaded loaded = catalog(group("t", "  children: []\n  members: [a]\n") + user("a", "  memberOf: [t]\n"));
  REQUIRE(loaded.warnings.size() == 1);
  CHECK_THAT(loaded.warnings[0].message, Catch::StartsWith("no reporting lines: Backstage has no manager field"));
}

TEST_CASE("backstage: unknown parents and members, repeated names, and what is not a catalog", "[backstage]") {
  const Loaded loaded = catalog(group("t", "  parent: nowhere\n  children: [ghost]\n  members: [nobody]\n") +
                                group("t", "  children: []\n") + user("a", "  memberOf: [t]\n") + user("a", "  memberOf: [t]\n"));
  CHECK(issues(loaded.org) == std::vector<std::string>{
                                  "13:9 entity skipped: group id 't' is already used by an earlier group",
                                  "27:9 entity skipped: id 'a' is already used by the entity on line 20",
                                  "6:11 group 't' names parent group 'nowhere', which is not in this export",
                                  "7:14 group 't' lists sub-group 'ghost', who is not in this export",
                                  "8:13 group 't' lists member 'nobody', who is not in this export"});
  CHECK(error_with(import::load_backstage, "c.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Component\n") ==
        "c.yaml: error: no Group or User entity: not a Backstage catalog of people");
  CHECK_THAT(error_with(import::load_backstage, "c.yaml", "apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: {name: [x\n"),
             Catch::StartsWith("c.yaml:4:1: error:"));
  CHECK_THAT(error_with(import::load_backstage, "c.yaml", "kind: User\nkind: Group\n"), Catch::Contains("c.yaml:2:1: error:"));
}
