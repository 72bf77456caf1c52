// Identity-directory exports end to end (fixtures in tests/import/<format>/): `orgaudit check` tells
// the format from the file, counts people, units and reporting lines, locates the findings, and
// `convert` writes YAML that checks to the same findings.
#include <catch2/catch.hpp>

#include <fstream>

#include "cli_runner.h"

using orgaudit::testing::CliRun;
using orgaudit::testing::findings_of;
using orgaudit::testing::run_orgaudit;
using orgaudit::testing::scratch_path;

namespace {

// `orgaudit convert FILE` and `check` of its output give the findings `check FILE` gives.
void check_round_trip(const std::string& input, const std::string& name) {
  const std::string out = scratch_path(name);
  const CliRun convert = run_orgaudit("convert " + input + " -o " + out);
  INFO(convert.err);
  REQUIRE(convert.exit_code == 0);
  const std::vector<std::string> direct = findings_of(run_orgaudit("check " + input + " --format json").out);
  CHECK(direct.size() >= 3);
  CHECK(direct == findings_of(run_orgaudit("check " + out + " --format json").out));
}

}  // namespace

TEST_CASE("directory cli: a SCIM ListResponse is read by its content", "[directory]") {
  const CliRun r = run_orgaudit("check tests/import/scim/users.json");
  INFO(r.err);
  CHECK(r.exit_code == 1);  // Dee's manager matches no one
  CHECK_THAT(r.out, Catch::Contains("in 4 people and 3 units, profile classic"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/scim/users.json:62:30: error: 'Dee Lost' names manager 'u-nobody', who matches no one [structure-integrity]"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/scim/users.json:31:13: warning: manager 'Bob Babbage' has 1 direct report, 'Cy Contractor' (min 4) [structure-span-of-control]"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/scim/users.json:65:5: warning: resource skipped: no id: the 'id' attribute is empty [import-skipped-row]"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/scim/users.json:72:13: warning: resource skipped: id 'u-bob' is already used by the resource on line 31 [import-duplicate-id]"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/scim/users.json:87:100: warning: group 'g-platform' lists member 'u-ghost', who is not in this export [import-bad-value]"));
  CHECK_THAT(r.err, Catch::Contains("tests/import/scim/users.json: warning: 1 of the 8 SCIM resources is inactive (active: false) and left out"));
  check_round_trip("tests/import/scim/users.json", "scim.yaml");
}

TEST_CASE("directory cli: a truncated SCIM export is refused at its end, nothing written", "[directory]") {
  const std::string out = scratch_path("truncated.json");
  const CliRun r = run_orgaudit("check tests/import/scim/truncated.json --input-format scim --output json=" + out);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("tests/import/scim/truncated.json:4:1: error: malformed JSON: syntax error while parsing"));
  CHECK_FALSE(std::ifstream(out).good());
}

TEST_CASE("directory cli: an LDIF export, its DNs matched however they are written", "[directory]") {
  const CliRun r = run_orgaudit("check tests/import/ldif/directory.ldif");
  INFO(r.err);
  CHECK(r.exit_code == 1);
  // Ada, Bob, Cy, Dee, Eve: the disabled account, the computer, the OU and the duplicate DN left out.
  CHECK_THAT(r.out, Catch::Contains("in 5 people and 2 units, profile classic"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/ldif/directory.ldif:19:5: warning: manager 'Bob Babbage' has 1 direct report, 'Zoë Ångström' (min 4) [structure-span-of-control]"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/ldif/directory.ldif:28:16: warning: directReports of 'Bob Babbage' lists 'Eve Elsewhere', whose manager is 'Ada Lovelace' [import-bad-value]"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/ldif/directory.ldif:44:10: error: 'Dee Lost' names manager 'cn=nobody,ou=users,dc=example,dc=com', who matches no one [structure-integrity]"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/ldif/directory.ldif:45:9: warning: the base64 value of 'title' does not decode; ignored [import-bad-value]"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/ldif/directory.ldif:67:5: warning: entry skipped: id 'cn=ada lovelace,ou=users,dc=example,dc=com' is already used by the entry on line 4 [import-duplicate-id]"));
  CHECK_THAT(r.err, Catch::Contains("tests/import/ldif/directory.ldif: warning: 1 of the 7 LDIF entries is disabled (userAccountControl bit 2) and left out"));
  check_round_trip("tests/import/ldif/directory.ldif", "ldif.yaml");
  const CliRun loop = run_orgaudit("check tests/import/ldif/loop.ldif");
  CHECK(loop.exit_code == 1);
  CHECK_THAT(loop.out, Catch::Contains("tests/import/ldif/loop.ldif:4:5: error: reporting cycle: 'A' -> 'B' -> 'A' [structure-integrity]"));
}

TEST_CASE("directory cli: Microsoft Graph pages, concatenated, told from SCIM by content", "[directory]") {
  const CliRun r = run_orgaudit("check tests/import/graph/users.json");
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::Contains("in 4 people and 2 units, profile classic"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/graph/users.json:20:13: warning: manager 'Alex Wilber' has 1 direct report, 'Megan Bowen' (min 4) [structure-span-of-control]"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/graph/users.json:53:65: error: 'Lee Gu' names manager '00000000-dead-beef-0000-000000000000', who matches no one [structure-integrity]"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/graph/users.json:55:5: warning: user skipped: no id: the 'id' property is empty [import-skipped-row]"));
  CHECK_THAT(r.err, Catch::Contains("tests/import/graph/users.json: warning: 1 of the 6 Graph users is disabled (accountEnabled: false) and left out"));
  check_round_trip("tests/import/graph/users.json", "graph.yaml");
  // The same file named as SCIM is still read, by SCIM's names: no user has a SCIM manager.
  CHECK_THAT(run_orgaudit("check tests/import/graph/users.json --input-format scim").out, Catch::Contains("in 5 people"));
}

TEST_CASE("directory cli: a Google Workspace user export, e-mails matched without case", "[directory]") {
  const CliRun r = run_orgaudit("check tests/import/google-workspace/users.csv");
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::Contains("in 4 people and 2 units, profile classic"));
  // Bob's manager is written ADA@example.com, Ada's address ada@example.com.
  CHECK_THAT(r.out, Catch::Contains("tests/import/google-workspace/users.csv:2:14: warning: manager 'Ada Lovelace' has 1 direct report (min 4); that report, 'Bob Babbage', has 1 direct report of their own"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/google-workspace/users.csv:5:81: error: 'Dee Lost' names manager 'nobody@example.com', who matches no one [structure-integrity]"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/google-workspace/users.csv:7:11: warning: row skipped: id 'cy@example.com' is already used by the row on line 4 [import-duplicate-id]"));
  check_round_trip("tests/import/google-workspace/users.csv", "google.yaml");
}

TEST_CASE("directory cli: a Backstage catalog .yaml is read as a catalog, leads giving the lines", "[directory]") {
  const CliRun r = run_orgaudit("check tests/import/backstage/org.yaml");
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::Contains("in 5 people and 4 units, profile classic"));
  // Bob leads backend: Cy and Dee's group; Dee names her own manager, who is not in the catalog.
  CHECK_THAT(r.out, Catch::Contains("tests/import/backstage/org.yaml:58:9: warning: manager 'Bob Babbage' has 1 direct report, 'Cy Coder' (min 4) [structure-span-of-control]"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/backstage/org.yaml:78:26: error: 'Dee Lost' names manager 'nobody', who matches no one [structure-integrity]"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/backstage/org.yaml:42:11: warning: group 'research' names parent group 'labs', which is not in this export [import-bad-value]"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/backstage/org.yaml:96:9: warning: entity skipped: id 'bob' is already used by the entity on line 58 [import-duplicate-id]"));
  check_round_trip("tests/import/backstage/org.yaml", "backstage.yaml");
}

TEST_CASE("directory cli: hostile LDIF and a catalog without leads give findings, never a crash", "[directory]") {
  const CliRun ldif = run_orgaudit("check tests/import/ldif/hostile.ldif");
  CHECK(ldif.exit_code == 1);
  CHECK_THAT(ldif.out, Catch::Contains("tests/import/ldif/hostile.ldif:2:1: warning: entry skipped: it does not start with 'dn:' [import-skipped-row]"));
  CHECK_THAT(ldif.out, Catch::Contains("tests/import/ldif/hostile.ldif:15:10: error: 'B' is their own manager [structure-integrity]"));
  const CliRun backstage = run_orgaudit("check tests/import/backstage/no-leads.yaml");
  CHECK(backstage.exit_code == 0);
  CHECK_THAT(backstage.err, Catch::Contains("tests/import/backstage/no-leads.yaml: warning: no reporting lines: Backstage has no manager field"));
  CHECK_THAT(backstage.out, Catch::Contains("Span health not assessed"));
  CHECK_THAT(run_orgaudit("check tests/import/backstage/namespaces.yaml").out,
             Catch::Contains("tests/import/backstage/namespaces.yaml:5:9: error: unit parent cycle: 'platform' -> 'sre' -> 'platform' [structure-integrity]"));
}

TEST_CASE("directory cli: people from a directory merge with units and rights from YAML", "[directory]") {
  const CliRun r = run_orgaudit("check tests/import/scim/users.json tests/import/scim/units.yaml");
  INFO(r.err);
  // The YAML's platform and ME replace the departments the SCIM users implied, so the Rendanheyi
  // profile runs and the ME's rights are checked against the directory's people.
  CHECK_THAT(r.out, Catch::Contains("in 4 people and 3 units, profile rendanheyi (chosen: the org declares 1 platform and 1 ME)"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/scim/units.yaml:15:49: warning: 'Engineering' does not hold its own pay right (compensation): the platform 'Office of the CEO' holds it [rendanheyi-three-rights]"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/scim/users.json:62:30: error: 'Dee Lost' names manager 'u-nobody'"));
}

TEST_CASE("directory cli: a Graph export that ends in an error response is refused at it", "[directory]") {
  const CliRun r = run_orgaudit("check tests/import/graph/expired-token.json");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("tests/import/graph/expired-token.json:6:1: error: this is a Microsoft Graph error response, not users: "
                                    "InvalidAuthenticationToken: Access token has expired or is not yet valid."));
  CHECK(r.out.empty());
}
