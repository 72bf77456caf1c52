// Org::resolve turns every id reference into an index, so rules never look an id up themselves.
#include <catch2/catch.hpp>

#include "orgaudit/model.h"

#include "model/import_log.h"
#include "util/parallel.h"

using namespace orgaudit;

namespace {

Person person(Org& org, const std::string& id) {
  Person p;
  p.id = org.text(id);
  return p;
}

Unit unit(const std::string& id, UnitKind kind = UnitKind::department) {
  Unit u;
  u.id = id;
  u.kind = kind;
  return u;
}

}  // namespace

TEST_CASE("resolve: an ME's right holders become the unit, else the person, the id names", "[model]") {
  Org org;
  org.people = {person(org, "P1"), person(org, "SAME")};
  org.units = {unit("ME", UnitKind::me), unit("HR"), unit("SAME")};
  Rights& rights = org.units[0].ecosystem().rights;
  rights.decision.holder = "self";
  rights.people.holder = "P1";
  rights.pay.holder = "SAME";  // a unit and a person share the id: the unit holds it, as the rule reads it
  org.resolve();
  CHECK(rights.decision.unit == kNoIndex);
  CHECK(rights.decision.person == kNoIndex);
  CHECK(rights.people.unit == kNoIndex);
  CHECK(rights.people.person == 0);
  CHECK(rights.pay.unit == 2);
  CHECK(rights.pay.person == kNoIndex);

  rights.people.holder = "NOBODY";
  org.resolve();
  CHECK(rights.people.person == kNoIndex);
  CHECK(rights.people.unit == kNoIndex);
}

TEST_CASE("resolve: approvers are resolved without changing a copy that shares the record", "[model]") {
  Org org;
  org.people = {person(org, "BOSS"), person(org, "P")};
  org.people[1].set_approver(&Approvers::hiring_id, "BOSS");
  org.people[1].set_approver(&Approvers::pay_id, "GHOST");
  const Person copy = org.people[1];
  org.resolve();
  CHECK(org.people[1].approver(&Approvers::hiring) == 0);
  CHECK(org.people[1].approver(&Approvers::pay) == kNoIndex);
  CHECK(org.people[0].approver(&Approvers::hiring) == kNoIndex);  // records none
  // The copy was made before resolving and still holds the unresolved record.
  CHECK(copy.approver(&Approvers::hiring) == kNoIndex);
  CHECK(copy.approver(&Approvers::hiring_id) == "BOSS");
}

TEST_CASE("resolve: a repeated id names the entity that keeps it", "[model]") {
  Org org;
  org.people = {person(org, "A"), person(org, "B"), person(org, "A")};
  org.units = {unit("U"), unit("U")};
  org.resolve();
  REQUIRE(org.reference_problems.size() == 2);
  CHECK(org.reference_problems[0].kind == ReferenceProblem::duplicate_person);
  CHECK(org.reference_problems[0].entity == 2);
  CHECK(org.reference_problems[0].first_use == 0);
  CHECK(org.reference_problems[1].kind == ReferenceProblem::duplicate_unit);
  CHECK(org.reference_problems[1].entity == 1);
  CHECK(org.reference_problems[1].first_use == 0);
}

TEST_CASE("a unit keeps rights, metrics and contracts out of line, made only when written", "[model]") {
  Unit department;
  CHECK_FALSE(department.rights().stated);  // reading makes nothing
  CHECK(department.metrics().empty());
  CHECK_FALSE(department.contract().present);
  CHECK_FALSE(department.has_ecosystem());

  Unit me;
  me.ecosystem().rights.stated = true;
  me.ecosystem().rights.pay.holder = "self";
  CHECK(me.has_ecosystem());
  Unit copy = me;
  copy.ecosystem().rights.pay.holder = "HR";  // a copy's records are its own
  CHECK(me.rights().pay.holder == "self");
  CHECK(copy.rights().pay.holder == "HR");
}

TEST_CASE("resolve: an importer's id table is taken once, and built again after an edit", "[model]") {
  Org org;
  org.people = {person(org, "A"), person(org, "B"), person(org, "C")};
  org.people[2].manager_id = org.interned("A");
  auto id_of = [&](std::uint32_t i) -> std::string_view { return org.people[i].id; };
  for (PersonIndex i = 0; i < org.people.size(); ++i) org.person_ids.insert(i, id_of);
  org.import_log->people_indexed = org.people.size();  // as the row builder leaves it
  org.resolve();
  CHECK(org.import_log->people_indexed == 0);
  CHECK(org.people[2].manager == 0);
  CHECK(org.find_person("B") == 1);

  // A renamed person (what-if scenarios, anonymising): the table of the old ids must not be kept.
  org.people[0].id = org.text("Z");
  org.people[2].manager_id = org.interned("Z");
  org.resolve();
  CHECK(org.find_person("Z") == 0);
  CHECK(org.find_person("A") == kNoIndex);
  CHECK(org.people[2].manager == 0);
}

TEST_CASE("resolve: people listed team by team share a manager and unit lookup, and each still gets its own", "[model]") {
  Org org;
  org.people = {person(org, "M1"), person(org, "M2"), person(org, "P1"), person(org, "P2"), person(org, "P3"), person(org, "P4")};
  org.units = {unit("U1"), unit("U2")};
  const char* managers[] = {"", "M1", "M1", "M1", "M2", "GHOST"};
  const char* units[] = {"U1", "U1", "U1", "U2", "U2", "U9"};
  for (std::size_t i = 0; i < org.people.size(); ++i) {
    org.people[i].manager_id = org.interned(managers[i]);
    org.people[i].unit_id = org.interned(units[i]);
  }
  org.people[3].manager_id = org.text("M1");  // the same id in other characters: looked up, not assumed
  org.people[3].unit_id = org.text("U1");
  org.resolve();
  const PersonIndex expected_manager[] = {kNoIndex, 0, 0, 0, 1, kNoIndex};
  const UnitIndex expected_unit[] = {0, 0, 0, 0, 1, kNoIndex};
  for (std::size_t i = 0; i < org.people.size(); ++i) {
    INFO("person " << org.people[i].id);
    CHECK(org.people[i].manager == expected_manager[i]);
    CHECK(org.people[i].unit == expected_unit[i]);
  }
  REQUIRE(org.reference_problems.size() == 2);
  CHECK(org.reference_problems[0].kind == ReferenceProblem::unknown_manager);
  CHECK(org.reference_problems[0].entity == 5);
  CHECK(org.reference_problems[1].kind == ReferenceProblem::unknown_unit);
}

TEST_CASE("resolve: a large org's people resolve in two halves as in one pass", "[model][threads]") {
  // Enough people that the people are resolved on two threads (detail::kMinPeopleToSplit); every
  // answer is known from how the org is built, and the problems come in person order.
  const std::size_t n = 2 * detail::kMinPeopleToSplit + 3;
  Org org;
  org.units = {unit("U0"), unit("U1")};
  org.people.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    Person& p = org.people.emplace_back(person(org, "P" + std::to_string(i)));
    if (i > 0) p.manager_id = org.interned("P" + std::to_string((i - 1) / 8));
    p.unit_id = org.interned(i % 2 ? "U1" : "U0");
  }
  const std::size_t late = n - 2, early = 5;
  org.people[early].manager_id = org.interned("NOBODY");    // first half
  org.people[late].manager_id = org.interned("NOBODY");     // second half
  org.people[late].unit_id = org.interned("NO-UNIT");
  org.people[n / 2].dotted_ids.push_back(org.interned("P1"));
  org.people[n / 2].dotted_ids.push_back(org.interned("GHOST"));
  org.resolve();
  for (std::size_t i = 0; i < n; ++i) {
    const Person& p = org.people[i];
    const PersonIndex manager = i == 0 || i == early || i == late ? kNoIndex : static_cast<PersonIndex>((i - 1) / 8);
    if (p.manager != manager || p.unit != (i == late ? kNoIndex : i % 2)) FAIL("person " << i << " resolved wrong");
  }
  REQUIRE(org.people[n / 2].dotted.size() == 1);
  CHECK(org.people[n / 2].dotted[0] == 1);
  REQUIRE(org.reference_problems.size() == 4);
  CHECK(org.reference_problems[0].kind == ReferenceProblem::unknown_manager);
  CHECK(org.reference_problems[0].entity == early);
  CHECK(org.reference_problems[1].kind == ReferenceProblem::unknown_dotted_manager);
  CHECK(org.reference_problems[1].id == "GHOST");
  CHECK(org.reference_problems[2].kind == ReferenceProblem::unknown_manager);
  CHECK(org.reference_problems[2].entity == late);
  CHECK(org.reference_problems[3].kind == ReferenceProblem::unknown_unit);
  CHECK(org.reference_problems[3].id == "NO-UNIT");
}
