#include "workflow/anonymize.h"
#include "model/import_log.h"

#include <catch2/catch.hpp>

using namespace orgaudit;

namespace {

SmallList<Attribute> attributes(Org& org, std::initializer_list<std::pair<const char*, const char*>> pairs) {
  SmallList<Attribute> out;
  for (const auto& [key, value] : pairs) out.push_back({org.interned(key), org.interned(value)});
  return out;
}

Org sample() {
  Org org;
  org.name = org.text("Acme");
  org.add_file("org.yaml");
  Person root;
  root.id = org.text("E1001");
  root.name = org.text("Ann Root");
  root.title = org.text("Director (ann.root@acme.example)");
  root.attributes = attributes(org, {{"Contact E-mail", "ann.root@acme.example"}, {"site", "Leeds"}, {"homePhone", "0113 496 0000"}});
  Person report;
  report.id = org.text("E1002");
  report.name = org.text("Bo Report");
  report.manager_id = org.text("E1001");
  report.dotted_ids = {org.text("E1001")};
  report.unit_id = org.text("U-OPS");
  report.title = org.text("PA to Ann Root");
  report.attributes = attributes(org, {{"note", "backup: bo@acme.example"}, {"cost_centre", "CC-7"}, {"alias", "bo@acme.example"}});
  Person orphan;
  orphan.id = org.text("E1003");
  orphan.manager_id = org.text("E9999");  // nobody: stays an unknown reference, under a pseudonym
  org.people = {root, report, orphan};
  Unit ops;
  ops.id = "U-OPS";
  ops.name = "Operations";
  ops.owner_id = "E1001";
  ops.ecosystem().rights.decision.holder = "self";
  ops.ecosystem().rights.people.holder = "E1002";
  ops.ecosystem().rights.pay.holder = "U-OPS";
  org.units = {ops};
  Link link;
  link.from.id = "E1002";
  link.to.id = "U-OPS";
  org.links = {link};
  org.import_log->issues = {ImportIssue{ImportIssue::duplicate_id, "row skipped: id 'E1002' is already used (Bo Report)", "E1002", {}}};
  org.resolve();
  return org;
}

}  // namespace

TEST_CASE("personal attributes are recognised by whole words of their name", "[workflow]") {
  for (const char* name : {"email", "Contact E-mail", "home_phone", "firstName", "Last Name", "mobile", "DOB", "address"})
    CHECK(is_personal_attribute(name));
  for (const char* name : {"site", "cost_centre", "hotel", "telemetry", "function", "location"})
    CHECK_FALSE(is_personal_attribute(name));
  CHECK(looks_like_email("a.b@c.example"));
  CHECK_FALSE(looks_like_email("@handle"));
  CHECK_FALSE(looks_like_email("CC-104"));
}

TEST_CASE("anonymize_org replaces people's ids, names and personal fields everywhere, keeps structure", "[workflow]") {
  Org org = sample();
  const Pseudonymizer p("a-key-long-enough-1234");
  anonymize_org(org, p);
  const Person& root = org.people[0];
  const Person& report = org.people[1];
  CHECK(root.id == p.person_id("E1001"));
  CHECK(root.name == p.person_name("E1001"));
  CHECK(org.people[2].name.empty());  // no name stays no name
  CHECK(report.manager_id == root.id);
  CHECK(report.dotted_ids == SmallList<Text>{root.id});
  CHECK(report.manager == 0);  // resolved again
  CHECK(org.people[2].manager_id == p.person_id("E9999"));
  CHECK(org.reference_problems.size() == 1);
  CHECK(org.units[0].owner_id == root.id);
  CHECK(org.units[0].owner == 0);
  CHECK(org.units[0].rights().decision.holder == "self");
  CHECK(org.units[0].rights().people.holder == report.id);
  CHECK(org.units[0].rights().pay.holder == "U-OPS");
  CHECK(org.links[0].from.id == report.id);
  CHECK(org.links[0].to.id == "U-OPS");
  CHECK(report.unit_id == "U-OPS");
  CHECK(org.units[0].name == "Operations");
  CHECK(report.title == "PA to " + p.person_name("E1001"));
  CHECK(root.title == "Director (" + p.email("ann.root@acme.example") + ")");

  CHECK(root.attributes[0].value == p.email("ann.root@acme.example"));
  CHECK(root.attributes[1].value == "Leeds");
  CHECK_THAT(root.attributes[2].value.str(), Catch::StartsWith("homePhone-"));
  CHECK(report.attributes[0].value == "backup: " + p.email("bo@acme.example"));  // addresses inside free text
  CHECK(report.attributes[1].value == "CC-7");
  CHECK(org.import_log->issues[0].entity_id == report.id);
  CHECK(org.import_log->issues[0].message == "row skipped: id '" + report.id + "' is already used (" + report.name + ")");
  CHECK(report.attributes[2].value == p.email("bo@acme.example"));  // e-mail shaped, whatever the name
}
