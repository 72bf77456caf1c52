// The SCIM 2.0 importer: the shapes of an export, each attribute's field, groups, and bad input.
#include "import/scim_import.h"

#include "directory_test_support.h"
#include "import_test_support.h"
#include "model/import_log.h"

using namespace orgaudit;
using namespace orgaudit::import::testing;

namespace {

Loaded scim(const std::string& text) { return import::testing::load_with(import::load_scim, "x.json", text); }
std::string scim_error(const std::string& text) { return error_with(import::load_scim, "x.json", text); }

const char* kUser = R"({
  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
  "id": "u2", "externalId": "ext-2", "userName": "bo@example.com",
  "name": {"formatted": "Mr Bo Li", "givenName": "Bo", "familyName": "Li"},
  "title": "Engineer", "userType": "Contractor", "active": true,
  "emails": [{"value": "bo@home.example", "type": "home"}, {"value": "bo@example.com", "primary": true}],
  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
    "employeeNumber": "702", "costCenter": "CC 9", "organization": "Acme", "division": "R&D",
    "department": "Platform", "manager": {"value": "u1", "displayName": "Ann"}}
})";

}  // namespace

TEST_CASE("scim: every core and enterprise attribute fills its field", "[scim]") {
  const Loaded loaded = scim(std::string(R"({"id": "u1", "displayName": "Ann"})") + "\n" + kUser);
  const Person& bo = person(loaded.org, "u2");
  CHECK(bo.name == "Mr Bo Li");  // no displayName: name.formatted
  CHECK(bo.title == "Engineer");
  CHECK(bo.manager_id == "u1");
  CHECK(bo.unit_id == "Platform");
  CHECK(bo.has(kContractor));  // userType Contractor
  CHECK(attribute(bo, "username") == "bo@example.com");
  CHECK(attribute(bo, "external-id") == "ext-2");
  CHECK(attribute(bo, "email") == "bo@example.com");  // the primary one, not the first
  CHECK(attribute(bo, "employee-number") == "702");
  CHECK(attribute(bo, "cost-center") == "CC 9");
  CHECK(attribute(bo, "organization") == "Acme");
  CHECK(attribute(bo, "division") == "R&D");
  CHECK(attribute(bo, "manager-name") == "Ann");
  // Located at their values: the id and the manager of the second document.
  CHECK(bo.where.line == 4);
  CHECK(bo.where.column == 9);
  CHECK(bo.manager_where.line == 10);
  CHECK(bo.manager_where.column == 52);
  CHECK(loaded.org.import_log->records == 2);
  CHECK(loaded.org.units.size() == 1);
  CHECK(loaded.org.units[0].implied);
}

TEST_CASE("scim: names fall back from displayName to formatted to given and family", "[scim]") {
  const Loaded loaded = scim(R"([
    {"id": "a", "displayName": "Display", "name": {"formatted": "Formatted"}},
    {"id": "b", "name": {"formatted": "Formatted B", "givenName": "G"}},
    {"id": "c", "name": {"givenName": "Given", "familyName": "Family"}},
    {"id": "d", "emails": [{"value": "first@x"}, {"value": "second@x"}]}])");
  CHECK(person(loaded.org, "a").name == "Display");
  CHECK(person(loaded.org, "b").name == "Formatted B");
  CHECK(person(loaded.org, "c").name == "Given Family");
  CHECK(attribute(person(loaded.org, "d"), "email") == "first@x");  // no primary: the first
}

TEST_CASE("scim: a ListResponse, a bare array and JSON Lines read the same", "[scim]") {
  const std::string a = R"({"id": "a"})", b = R"({"id": "b", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"manager": "a"}})";
  for (const std::string& text :
       {R"({"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 2, "Resources": [)" + a + "," + b + "]}",
        "[" + a + ",\n" + b + "]", a + "\n" + b + "\n", "\xEF\xBB\xBF" + a + b}) {
    INFO(text);
    const Loaded loaded = scim(text);
    REQUIRE(loaded.org.people.size() == 2);
    CHECK(person(loaded.org, "b").manager_id == "a");  // a plain-string manager is its id
  }
}

TEST_CASE("scim: inactive users are left out and counted", "[scim]") {
  const Loaded loaded = scim(R"([{"id": "a"}, {"id": "b", "active": false}, {"id": "c", "active": false}])");
  CHECK(loaded.org.people.size() == 1);
  REQUIRE(loaded.warnings.size() == 1);
  CHECK(loaded.warnings[0].format("warning") == "x.json: warning: 2 of the 3 SCIM resources are inactive (active: false) and left out");
  CHECK(scim_error(R"([{"id": "b", "active": false}])") ==
        "x.json: error: all 1 SCIM resources are inactive (active: false): no one to audit");
}

TEST_CASE("scim: a resource past the record limit and a value over the field size limit refuse the file", "[scim]") {
  RecordLimits limits;
  limits.max_records = 2;
  const std::string three = "[{\"id\": \"a\"},\n {\"id\": \"b\"},\n {\"id\": \"c\"}]";
  CHECK(error_with(import::load_scim, "x.json", three, limits) ==
        "x.json:3:2: error: more than 2 resources, the record limit of one input (raise it with --max-records or input.max-records)");
  limits = RecordLimits{};
  limits.max_field_bytes = 4;
  CHECK(error_with(import::load_scim, "x.json", "[{\"id\": \"a\", \"title\": \"Chief\"}]", limits) ==
        "x.json:1:23: error: a value of 5 bytes (attribute 'title'), over the field size limit of 4 bytes "
        "(raise it with --max-field-size or input.max-field-size)");
}

TEST_CASE("scim: groups become units, their members join them and member groups nest", "[scim]") {
  const Loaded loaded = scim(R"([
    {"id": "u1", "displayName": "Ann"},
    {"id": "u2", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Sales"}},
    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "g1", "displayName": "Core",
     "members": [{"value": "u1"}, {"value": "u2"}, {"value": "g2", "type": "Group"}, {"value": "nobody"}]},
    {"meta": {"resourceType": "Group"}, "id": "g2", "displayName": "Sub"},
    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "g2"}])");
  CHECK(person(loaded.org, "u1").unit_id == "g1");
  CHECK(person(loaded.org, "u2").unit_id == "Sales");  // a department is kept over a group
  std::map<std::string, std::string> parents, names;
  for (const Unit& u : loaded.org.units) parents[u.id] = u.parent_id, names[u.id] = u.name;
  CHECK(names["g1"] == "Core");
  CHECK(parents["g2"] == "g1");
  CHECK(loaded.org.people.size() == 2);
  CHECK(issues(loaded.org) == std::vector<std::string>{
                                  "7:5 resource skipped: group id 'g2' is already used by an earlier group",
                                  "5:96 group 'g1' lists member 'nobody', who is not in this export"});
}

TEST_CASE("scim: records without id, duplicate ids and unknown managers are findings", "[scim]") {
  const Loaded loaded = scim("[{\"id\": \"a\"},\n {\"userName\": \"x\"},\n {\"id\": \"a\"},\n {\"id\": \"b\", \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\": {\"manager\": {\"value\": \"zz\"}}}]");
  CHECK(issues(loaded.org) == std::vector<std::string>{"2:2 resource skipped: no id: the 'id' attribute is empty",
                                                       "3:9 resource skipped: id 'a' is already used by the resource on line 1"});
  CHECK(person(loaded.org, "b").manager_id == "zz");  // kept, for structure-integrity to report
}

TEST_CASE("scim: malformed input is an error at its line and column", "[scim]") {
  CHECK(scim_error("[{\"id\": \"a\"},\n {\"id\": \"b\"") ==
        "x.json:2:12: error: malformed JSON: syntax error while parsing object - unexpected end of input; expected '}'");
  CHECK(scim_error("{\"id\": tru}") == "x.json:1:12: error: malformed JSON: syntax error while parsing value - invalid literal; last read: '\"id\": tru}'");
  CHECK_THAT(scim_error("{\"id\": \"a\xff\"}"), Catch::StartsWith("x.json:1:10: error: malformed JSON: syntax error while parsing value - invalid string: ill-formed UTF-8 byte"));
  CHECK(scim_error("42") == "x.json:1:1: error: a JSON export holds objects or arrays, not a bare number");
  CHECK(scim_error("  \n ") == "x.json:1:1: error: the file holds no JSON value");
  CHECK(scim_error("[]") == "x.json: error: no SCIM resources found");
  CHECK(scim_error(R"({"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "401", "detail": "token expired"})") ==
        "x.json:1:1: error: this is a SCIM error response, not users: 401 token expired");
  CHECK(scim_error("[{\"userName\": \"x\"}]") ==
        "x.json:1:2: error: none of the 1 SCIM resources could be loaded; the first: resource skipped: no id: the 'id' attribute is empty");
}

TEST_CASE("scim: values on one long line (a minified export) are located in code points", "[scim]") {
  // Minified, as SCIM APIs return it: every resource on line 1; columns count "é" as one.
  std::string text = R"({"Resources":[)";
  for (int i = 0; i < 3; ++i)
    text += std::string(i ? "," : "") + R"({"id":"u)" + std::to_string(i) + R"(","displayName":"é","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"D","manager":{"value":"u0"}}})";
  text += "]}";
  const Loaded loaded = scim(text);
  // Each resource is 135 code points long, the first id value at column 21, its manager at 142.
  for (int i = 0; i < 3; ++i) {
    const Person& p = person(loaded.org, "u" + std::to_string(i));
    CHECK(p.where.line == 1);
    CHECK(p.where.column == static_cast<std::uint32_t>(21 + 135 * i));
    CHECK(p.manager_where.column == static_cast<std::uint32_t>(142 + 135 * i));
  }
}

TEST_CASE("scim: an active flag that is neither true nor false is a bad value, and the user kept", "[scim]") {
  const Loaded loaded = scim("[{\"id\": \"a\", \"active\": \"True\"},\n {\"id\": \"b\", \"active\": \"maybe\"},\n {\"id\": \"c\", \"active\": 0}]");
  CHECK(loaded.org.people.size() == 3);
  CHECK(issues(loaded.org) == std::vector<std::string>{"2:24 'maybe' in 'active' of 'b' is not true or false; the account is kept",
                                                       "3:24 '0' in 'active' of 'c' is not true or false; the account is kept"});
}
