// The LDIF importer: RFC 2849 syntax (folding, base64, comments, options), DN matching, disabled
// accounts, the directReports cross-check, and bad input.
#include "import/ldif_import.h"

#include "directory_test_support.h"
#include "import_test_support.h"
#include "model/import_log.h"

using namespace orgaudit;
using import::normalise_dn;
using namespace orgaudit::import::testing;

namespace {

Loaded ldif(const std::string& text) { return import::testing::load_with(import::load_ldif, "x.ldif", text); }
std::string ldif_error(const std::string& text) { return error_with(import::load_ldif, "x.ldif", text); }

}  // namespace

TEST_CASE("ldif: DNs compare without case and with spaces normalised", "[ldif]") {
  CHECK(normalise_dn("CN=Ada  Lovelace, OU=Users,DC=Example , DC=com") == "cn=ada lovelace,ou=users,dc=example,dc=com");
  CHECK(normalise_dn(" cn = Ada ; ou=x") == "cn=ada,ou=x");
  CHECK(normalise_dn("CN=Smith\\, John,OU=X") == normalise_dn("cn=smith\\2C john,ou=x"));
  CHECK(normalise_dn("CN=Smith\\, John,OU=X") == "cn=smith\\, john,ou=x");
  CHECK(normalise_dn("cn=a+sn=b,dc=x") == "cn=a+sn=b,dc=x");
}

TEST_CASE("ldif: base64 decodes with or without padding and refuses what is not base64", "[ldif]") {
  std::string out;
  CHECK((import::decode_base64("Wm/DqyDDhW5nc3Ryw7Zt", out) && out == "Zoë Ångström"));
  CHECK((import::decode_base64("YWI=", out) && out == "ab"));
  CHECK((import::decode_base64("YWI", out) && out == "ab"));
  CHECK((import::decode_base64("YW Jj\n", out) && out == "abc"));
  CHECK_FALSE(import::decode_base64("not*base64", out));
  CHECK_FALSE(import::decode_base64("YQ==YQ==", out));
  CHECK_FALSE(import::decode_base64("Y", out));
}

TEST_CASE("ldif: each attribute fills its field, folded lines, base64, comments and CRLF", "[ldif]") {
  const Loaded loaded = ldif(
      "version: 1\r\n"
      "# a comment\r\n"
      "#  folded over two lines\r\n"
      "dn: CN=Ada,DC=x\r\n"
      "cn: Ada L\r\n"
      "\r\n"
      "dn:: Q049Qm8sREM9eA==\r\n"       // CN=Bo,DC=x
      "objectClass: inetOrgPerson\r\n"
      "cn: Bo\r\n"
      "displayName;lang-en:: Wm/DqyDDhW5nc3Ryw7Zt\r\n"  // an option, and base64 UTF-8
      "givenName: Zoë\r\n"
      "sn: Ångström\r\n"
      "title: Head of a very long\r\n"
      "  title\r\n"                                   // folded: the one space is dropped
      "department: Eng\r\n"
      "manager: cn=ADA, dc=X\r\n"
      "mail: bo@x\r\n"
      "employeeNumber: 7\r\n"
      "uid: bo\r\n"
      "jpegPhoto:< file:///tmp/bo.jpg\r\n"
      "objectGUID:: AAEC/w==\r\n");                    // binary: not read, so not checked
  REQUIRE(loaded.org.people.size() == 2);
  CHECK(person(loaded.org, "cn=ada,dc=x").name == "Ada L");
  const Person& bo = person(loaded.org, "cn=bo,dc=x");
  CHECK(bo.name == "Zoë Ångström");  // displayName over cn
  CHECK(bo.title == "Head of a very long title");
  CHECK(bo.unit_id == "Eng");
  CHECK(bo.manager_id == "cn=ada,dc=x");
  CHECK(attribute(bo, "dn") == "CN=Bo,DC=x");
  CHECK(attribute(bo, "email") == "bo@x");
  CHECK(attribute(bo, "employee-id") == "7");
  CHECK(attribute(bo, "username") == "bo");
  CHECK(bo.where.line == 7);
  CHECK(bo.where.column == 6);  // after `dn:: `
  CHECK(bo.manager_where.line == 16);
  CHECK(bo.manager_where.column == 10);
  CHECK(loaded.org.import_log->issues.empty());
}

TEST_CASE("ldif: only people are read, disabled accounts are left out and counted", "[ldif]") {
  const Loaded loaded = ldif(
      "dn: ou=Users,dc=x\nobjectClass: organizationalUnit\n\n"
      "dn: cn=PC1,dc=x\nobjectClass: user\nobjectClass: computer\n\n"
      "dn: cn=G,dc=x\nobjectClass: group\n\n"
      "dn: cn=On,dc=x\nobjectClass: user\nuserAccountControl: 512\n\n"
      "dn: cn=Off,dc=x\nobjectClass: user\nuserAccountControl: 514\n\n"
      "dn: cn=Plain,dc=x\n");
  CHECK(loaded.org.people.size() == 2);
  CHECK(person(loaded.org, "cn=plain,dc=x").name == "Plain");  // no cn or displayName: the DN's first value
  CHECK(loaded.org.import_log->records == 3);
  REQUIRE(loaded.warnings.size() == 1);
  CHECK(loaded.warnings[0].message == "1 of the 3 LDIF entries is disabled (userAccountControl bit 2) and left out");
}

TEST_CASE("ldif: directReports is checked against each report's manager", "[ldif]") {
  const Loaded loaded = ldif(
      "dn: cn=Boss,dc=x\ndirectReports: cn=A,dc=x\ndirectReports: CN=B, DC=x\ndirectReports: cn=Gone,dc=x\n"
      "directReports: cn=Off,dc=x\n\n"
      "dn: cn=A,dc=x\nmanager: cn=boss,dc=x\n\n"
      "dn: cn=B,dc=x\ncn: Bee\n\n"
      "dn: cn=Off,dc=x\nuserAccountControl: 2\n");
  CHECK(issues(loaded.org) == std::vector<std::string>{
                                  "3:16 directReports of 'Boss' lists 'Bee', whose manager is not set",
                                  "4:16 directReports of 'Boss' lists 'cn=gone,dc=x', who is not in this export"});
}

TEST_CASE("ldif: bad entries and values are findings where the rest is usable", "[ldif]") {
  const Loaded loaded = ldif(
      "cn: no dn first\nmail: x\n\n"
      "dn: cn=A,dc=x\ntitle:: not*base64\ncn:: /w==\nnonsense line\n\n"
      "dn: CN=a, dc=X\n");
  CHECK(issues(loaded.org) == std::vector<std::string>{
                                  "1:1 entry skipped: it does not start with 'dn:'",
                                  "7:1 line ignored: 'nonsense line' is not 'attribute: value'",
                                  "5:9 the base64 value of 'title' does not decode; ignored",
                                  "6:6 the base64 value of 'cn' is not UTF-8 once decoded; read as Windows-1252",
                                  "9:5 entry skipped: id 'cn=a,dc=x' is already used by the entry on line 4"});
  CHECK(person(loaded.org, "cn=a,dc=x").name == "ÿ");
  CHECK(person(loaded.org, "cn=a,dc=x").title.empty());
}

TEST_CASE("ldif: a file with no usable entry is an error", "[ldif]") {
  CHECK(ldif_error("# nothing but a comment\n") == "x.ldif: error: no LDIF entries found");
  CHECK(ldif_error("dn: cn=Off,dc=x\nuserAccountControl: 514\n") ==
        "x.ldif: error: all 1 LDIF entries are disabled (userAccountControl bit 2): no one to audit");
  CHECK(ldif_error("dn:: ***\ncn: x\n") ==
        "x.ldif:1:1: error: none of the 1 LDIF entries could be loaded; the first: entry skipped: its DN is empty or does not decode");
}
