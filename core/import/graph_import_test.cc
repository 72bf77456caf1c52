// The Microsoft Graph importer: pages, concatenated pages, each property's field, the expanded
// manager, disabled accounts, and what is not a page of users.
#include "import/graph_import.h"

#include "directory_test_support.h"
#include "import/json_import.h"
#include "import_test_support.h"
#include "model/import_log.h"

using namespace orgaudit;
using namespace orgaudit::import::testing;

namespace {

Loaded graph(const std::string& text) { return import::testing::load_with(import::load_graph, "x.json", text); }
std::string graph_error(const std::string& text) { return error_with(import::load_graph, "x.json", text); }

}  // namespace

TEST_CASE("graph: every property fills its field, the expanded manager its line", "[graph]") {
  const Loaded loaded = graph(R"({"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users", "value": [
  {"id": "m1", "displayName": "Ann"},
  {"id": "u2", "givenName": "Bo", "surname": "Li", "jobTitle": "Engineer", "department": "Platform",
   "employeeId": "702", "employeeType": "Contractor", "userPrincipalName": "bo@contoso.onmicrosoft.com",
   "mail": "bo@contoso.com", "accountEnabled": true,
   "employeeOrgData": {"division": "R&D", "costCenter": "CC 9"},
   "manager": {"@odata.type": "#microsoft.graph.user", "id": "m1", "displayName": "Ann"}}]})");
  const Person& bo = person(loaded.org, "u2");
  CHECK(bo.name == "Bo Li");
  CHECK(bo.title == "Engineer");
  CHECK(bo.unit_id == "Platform");
  CHECK(bo.manager_id == "m1");
  CHECK(bo.has(kContractor));
  CHECK(attribute(bo, "employee-id") == "702");
  CHECK(attribute(bo, "employee-type") == "Contractor");
  CHECK(attribute(bo, "username") == "bo@contoso.onmicrosoft.com");
  CHECK(attribute(bo, "email") == "bo@contoso.com");
  CHECK(attribute(bo, "division") == "R&D");
  CHECK(attribute(bo, "cost-center") == "CC 9");
  CHECK(attribute(bo, "manager-name") == "Ann");
  CHECK(bo.manager_where.line == 7);
  CHECK(bo.manager_where.column == 62);
  CHECK(loaded.org.import_log->records == 2);
  CHECK(loaded.warnings.empty());
}

TEST_CASE("graph: pages one after another are one export, PowerShell's property case is read", "[graph]") {
  const Loaded loaded = graph(
      "{\"value\": [{\"id\": \"a\"}], \"@odata.nextLink\": \"https://graph.microsoft.com/v1.0/users?$skiptoken=X\"}\n"
      "{\"value\": [{\"Id\": \"b\", \"DisplayName\": \"Bee\", \"Manager\": {\"Id\": \"a\"}}, {\"id\": \"c\", \"accountEnabled\": false}]}\n"
      "[{\"id\": \"d\"}]");
  CHECK(loaded.org.people.size() == 3);
  CHECK(person(loaded.org, "b").name == "Bee");
  CHECK(person(loaded.org, "b").manager_id == "a");
  REQUIRE(loaded.warnings.size() == 1);
  CHECK(loaded.warnings[0].message == "1 of the 4 Graph users is disabled (accountEnabled: false) and left out");
}

TEST_CASE("graph: a last page with a nextLink says the export is incomplete", "[graph]") {
  const Loaded loaded = graph(R"({"@odata.nextLink": "https://graph.microsoft.com/v1.0/users?$skiptoken=Y", "value": [{"id": "a"}]})");
  REQUIRE(loaded.warnings.size() == 1);
  CHECK(loaded.warnings[0].message ==
        "the last of the 1 page has an @odata.nextLink: the users after it were not exported, so the org is incomplete");
}

TEST_CASE("graph: what is not a page of users is refused at its place", "[graph]") {
  CHECK(graph_error("{\"value\": [{\"id\": \"a\"}]}\n{\"error\": {\"code\": \"InvalidAuthenticationToken\", \"message\": \"Access token has expired.\"}}") ==
        "x.json:2:1: error: this is a Microsoft Graph error response, not users: InvalidAuthenticationToken: Access token has expired.");
  CHECK(graph_error(R"({"users": [{"id": "a"}]})") ==
        "x.json:1:1: error: not a Microsoft Graph users page: a top-level object without a 'value' array of users");
  CHECK(graph_error(R"({"value": [{"displayName": "x"}]})") ==
        "x.json:1:12: error: none of the 1 Graph users could be loaded; the first: user skipped: no id: the 'id' property is empty");
  CHECK(graph_error(R"({"value": [{"id": "a", "manager": {"id": "b"}})") ==
        "x.json:1:47: error: malformed JSON: syntax error while parsing array - unexpected end of input; expected ']'");
  CHECK(issues(graph(R"({"value": [{"id": "a"}, {"id": "a"}]})").org) ==
        std::vector<std::string>{"1:32 user skipped: id 'a' is already used by the user on line 1"});
}

TEST_CASE("graph: the json format tells SCIM from Graph by content", "[graph]") {
  CHECK(import::detect_json_format(R"({"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "Resources": []})") == "scim");
  CHECK(import::detect_json_format(R"([{"id": "a", "userName": "a@x"}])") == "scim");
  CHECK(import::detect_json_format(R"({"@odata.context": "x", "value": []})") == "graph");
  CHECK(import::detect_json_format(R"([{"Id": "a", "UserPrincipalName": "a@x"}])") == "graph");
  CHECK(import::detect_json_format(R"([{"id": "a"}])").empty());
  CHECK(error_with(import::load_json, "x.json", R"([{"id": "a"}])") ==
        "x.json: error: cannot tell whether this JSON is SCIM (schemas, userName) or Microsoft Graph (@odata, userPrincipalName): "
        "name one with --input-format scim or --input-format graph");
  CHECK(import::testing::load_with(import::load_json, "x.json", R"([{"id": "a", "userPrincipalName": "a@x"}])").org.people.size() == 1);
}

TEST_CASE("graph: an accountEnabled that is neither true nor false is a bad value, and the user kept", "[graph]") {
  const Loaded loaded = graph(R"({"value": [{"id": "a", "accountEnabled": "no"}]})");
  CHECK(loaded.org.people.size() == 1);
  CHECK(issues(loaded.org) == std::vector<std::string>{"1:42 'no' in 'accountEnabled' of 'a' is not true or false; the account is kept"});
}
