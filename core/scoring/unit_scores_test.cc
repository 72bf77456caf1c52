// Per-unit scores: subtree membership, exact denominators, ranking, and the edge cases (no
// units, a parent cycle, people outside every unit). The worked example in docs/scoring.md is the
// first test case.
#include <catch2/catch.hpp>

#include "org_builder.h"
#include "scoring/scoring.h"
#include "scoring/scoring_test_support.h"
#include "util/parallel.h"

using namespace orgaudit;
using orgaudit::testing::OrgBuilder;
using orgaudit::scoring_test::counted;

namespace {

// ROOT has A and B; A has A1. Two people in each unit, and X in no unit at all.
Org four_units() {
  return OrgBuilder()
      .unit("ROOT").name("Unit ROOT")
      .unit("A", "ROOT").name("Unit A")
      .unit("B", "ROOT").name("Unit B")
      .unit("A1", "A").name("Unit A1")
      .person("R1").in("ROOT")
      .person("R2", "R1").in("ROOT")
      .person("A-1", "R1").in("A")
      .person("A-2", "A-1").in("A")
      .person("A1-1", "A-1").in("A1")
      .person("A1-2", "A1-1").in("A1")
      .person("B-1", "R1").in("B")
      .person("B-2", "B-1").in("B")
      .person("X", "R1")
      .build();
}

// A finding about the person, or failing that the unit, with this id.
Finding finding(const Org& org, const std::string& rule, const std::string& id, Severity severity) {
  Finding f;
  f.rule_id = rule;
  const PersonIndex p = org.find_person(id);
  f.entities = {p != kNoIndex ? EntityRef{EntityRef::person, p} : EntityRef{EntityRef::unit, org.find_unit(id)}};
  f.entity_ids = {id};
  f.severity = severity;
  return f;
}

// A rule that assessed the given people and units (by id).
RuleOutcome outcome(const Org& org, const std::string& rule, const std::string& dimension,
                    const std::vector<std::string>& ids) {
  RuleOutcome o = counted(rule, dimension, 0);
  o.assessed_people.assign(org.people.size(), false);
  o.assessed_units.assign(org.units.size(), false);
  for (const std::string& id : ids) {
    if (const PersonIndex p = org.find_person(id); p != kNoIndex)
      o.assessed_people[p] = true;
    else
      o.assessed_units[org.find_unit(id)] = true;
    ++o.assessed;
  }
  return o;
}

std::vector<std::string> everyone(const Org& org, bool people, bool units) {
  std::vector<std::string> ids;
  if (people)
    for (const Person& p : org.people) ids.push_back(p.id.str());
  if (units)
    for (const Unit& u : org.units) ids.push_back(u.id);
  return ids;
}

const UnitScore& unit(const Scores& s, const Org& org, const std::string& id) {
  const UnitScore* score = s.unit(org.find_unit(id));
  REQUIRE(score);
  return *score;
}

DimensionScore dimension(const Scores& s, const UnitScore& u, const std::string& name) {
  for (const DimensionScore& d : s.unit_dimensions(u))
    if (d.name == name) return d;
  FAIL("no dimension " << name);
  throw;
}

}  // namespace

TEST_CASE("a unit scores its subtree: its people, its sub-units' people, their findings") {
  const Org org = four_units();
  RunResult run;
  run.outcomes = {outcome(org, "structure-hierarchy-depth", "Flatness", everyone(org, true, false))};
  run.findings = {finding(org, "structure-hierarchy-depth", "A1-2", Severity::error),
                  finding(org, "structure-hierarchy-depth", "B-2", Severity::warning),
                  finding(org, "structure-hierarchy-depth", "X", Severity::error)};  // in no unit: org only
  const Scores s = compute_scores(run, org);
  REQUIRE(s.units.size() == 4);

  // A1: 2 of the org's 9 people assessed; A1-2 fails with weight 1.
  const DimensionScore a1 = dimension(s, unit(s, org, "A1"), "Flatness");
  REQUIRE(a1.rules.size() == 1);
  CHECK(a1.rules[0].assessed == 2);
  CHECK(a1.rules[0].failing == 1);
  CHECK(*a1.score == Approx(50.0));
  CHECK(a1.reason == "50/100: 1 of 2 assessed entities flagged, most by structure-hierarchy-depth");
  CHECK(*unit(s, org, "A").score == Approx(75.0));    // A and A1: 4 people, weight 1
  CHECK(*unit(s, org, "B").score == Approx(75.0));    // 2 people, weight 0.5
  CHECK(*unit(s, org, "ROOT").score == Approx(100.0 * (1 - 1.5 / 8)));  // 8 of 9 people; X is outside
  CHECK(unit(s, org, "ROOT").people == 8);
  CHECK(unit(s, org, "A").units == 2);
  CHECK(*s.org == Approx(100.0 * (1 - 2.5 / 9)));

  // Ranked lowest first; A ties with B and ranks first because it has more people.
  CHECK(org.units[s.units[0].unit].id == "A1");
  CHECK(org.units[s.units[1].unit].id == "A");
  CHECK(org.units[s.units[2].unit].id == "B");
  CHECK(org.units[s.units[3].unit].id == "ROOT");
  CHECK(s.units[0].rank == 1);
  CHECK(s.units[3].rank == 4);
}

std::vector<std::string> dimension_names(const std::vector<DimensionScore>& dimensions) {
  std::vector<std::string> names;
  for (const DimensionScore& d : dimensions) names.push_back(d.name);
  return names;
}

TEST_CASE("per-unit dimensions: only the assessed ones, without those whose rule lacked data or had nothing in the unit") {
  const Org org = four_units();
  RunResult run;
  run.outcomes = {counted("structure-grade-inversion", "Span health", 0, true),
                  outcome(org, "structure-hierarchy-depth", "Flatness", {"R1"}),
                  outcome(org, "structure-integrity", kDataQuality, everyone(org, true, true))};
  run.findings = {finding(org, "structure-integrity", "B", Severity::warning),
                  finding(org, "structure-integrity", "B-2", Severity::error)};
  const Scores s = compute_scores(run, org);

  const UnitScore& b = unit(s, org, "B");
  // Span health lacked its data everywhere, and the one person Flatness assessed, R1, is not in B:
  // B lists neither, and the org says why Span health is not assessed, once.
  CHECK(dimension_names(s.unit_dimensions(b)) == std::vector<std::string>{kDataQuality});
  CHECK(dimension_names(s.unit_dimensions(unit(s, org, "ROOT"))) == std::vector<std::string>{"Flatness", kDataQuality});
  REQUIRE(dimension_names(s.dimensions).at(1) == "Span health");
  CHECK(s.dimensions[1].reason == "not assessed: structure-grade-inversion lacked the data they need");
  CHECK_FALSE(b.score);  // no dimension but Data quality assessed
  // Integrity assessed every person and unit: B's two people and B itself.
  CHECK(dimension(s, b, "Data quality").rules[0].assessed == 3);
  CHECK(*b.confidence == Approx(50.0));
  CHECK(s.units.back().score == std::nullopt);  // every unit is unscored here; ranking still total
}

TEST_CASE("unit rules count the units they assessed, and a parent cycle does not hang the roll-up") {
  Org org = four_units();
  org.units[0].parent_id = "A1";  // ROOT -> A1 -> A -> ROOT
  org.resolve();
  RunResult run;
  run.outcomes = {outcome(org, "rendanheyi-me-size", "Autonomy", everyone(org, false, true))};
  run.findings = {finding(org, "rendanheyi-me-size", "A1", Severity::warning)};
  const Scores s = compute_scores(run, org);
  REQUIRE(s.units.size() == 4);
  CHECK(unit(s, org, "B").units == 1);
  CHECK(unit(s, org, "A").units == 4);  // the cycle's members (and B, under ROOT) all count once
  CHECK(dimension(s, unit(s, org, "B"), "Autonomy").rules[0].assessed == 1);
  CHECK(*unit(s, org, "B").score == Approx(100.0));
  CHECK(*unit(s, org, "A1").score == Approx(100.0 * (1 - 0.5 / 4)));
}

TEST_CASE("an org without units has no unit scores, and org-only scoring leaves them empty") {
  Org org;
  org.add_file("t.yaml");
  org.people.push_back(Person{});
  org.people.back().id = org.text("P");
  org.resolve();
  RunResult run;
  run.outcomes = {counted("structure-hierarchy-depth", "Flatness", 1)};
  CHECK(compute_scores(run, org).units.empty());
  CHECK(compute_scores(run, four_units()).unit(99) == nullptr);
  CHECK(compute_scores(run).units.empty());
}

TEST_CASE("a unit's dimensions, built on demand, give the score it was ranked by, and crashed rules are left out") {
  const Org org = four_units();
  RunResult run;
  run.outcomes = {outcome(org, "structure-hierarchy-depth", "Flatness", everyone(org, true, false)),
                  outcome(org, "structure-integrity", kDataQuality, everyone(org, true, true)),
                  outcome(org, "structure-span-of-control", "Span health", everyone(org, true, false))};
  run.outcomes[2].crashed = true;
  run.findings = {finding(org, "structure-hierarchy-depth", "A1-2", Severity::error),
                  finding(org, "structure-integrity", "B", Severity::warning),
                  finding(org, "structure-span-of-control", "B-1", Severity::error)};
  const Scores s = compute_scores(run, org);
  REQUIRE(s.units.size() == 4);
  for (const UnitScore& u : s.units) {
    const std::vector<DimensionScore> dimensions = s.unit_dimensions(u);
    CHECK(dimension_names(dimensions) == std::vector<std::string>{"Flatness", kDataQuality});
    REQUIRE(dimensions[0].score);
    // Exactly: ranking scores the tallies directly, with the same arithmetic as the dimensions.
    CHECK(*u.score == *dimensions[0].score);  // Flatness alone: Data quality is the confidence
    CHECK(*u.confidence == *dimensions[1].score);
    CHECK_FALSE(dimensions[0].reason.empty());
  }
  CHECK(dimension(s, unit(s, org, "B"), kDataQuality).reason ==
        "83/100: 1 of 3 assessed entities flagged, most by structure-integrity");  // a warning weighs 0.5
  // Held as numbers: sixteen bytes per unit and rule, however many units a large org has.
  CHECK(sizeof(UnitRuleTally) == 16);
  CHECK(s.unit_breakdown.tallies.size() == org.units.size() * 2);
}

TEST_CASE("a writer asks for a unit's reasons only where it writes them, and the scores stay the same") {
  const Org org = four_units();
  RunResult run;
  run.outcomes = {outcome(org, "structure-hierarchy-depth", "Flatness", everyone(org, true, false)),
                  outcome(org, "structure-integrity", kDataQuality, everyone(org, true, true))};
  run.findings = {finding(org, "structure-hierarchy-depth", "A1-2", Severity::error)};
  const Scores s = compute_scores(run, org);
  const UnitScore& a = unit(s, org, "A");
  const std::vector<DimensionScore> all = s.unit_dimensions(a);
  const std::vector<DimensionScore> flagged = s.unit_dimensions(a, Scores::Reasons::where_flagged);
  const std::vector<DimensionScore> none = s.unit_dimensions(a, Scores::Reasons::none);
  REQUIRE(dimension_names(all) == std::vector<std::string>{"Flatness", kDataQuality});
  REQUIRE(dimension_names(flagged) == dimension_names(all));
  REQUIRE(dimension_names(none) == dimension_names(all));
  CHECK(flagged[0].reason == all[0].reason);  // Flatness flagged A1-2
  CHECK(flagged[0].reason == "75/100: 1 of 4 assessed entities flagged, most by structure-hierarchy-depth");
  CHECK_FALSE(all[1].reason.empty());
  CHECK(flagged[1].reason.empty());  // nothing flagged in Data quality
  for (std::size_t d = 0; d < all.size(); ++d) {
    CHECK(none[d].reason.empty());
    CHECK(*none[d].score == Approx(*all[d].score));
    CHECK(*flagged[d].score == Approx(*all[d].score));
  }
}

TEST_CASE("units tied on score and people rank by id, byte by byte, however long the ids") {
  // Unscored (no rule ran) and empty: only the ids differ, some in their first eight bytes, some after.
  const Org org = OrgBuilder()
                      .unit("TEAM-0000-B")
                      .unit("T\xc3\xa9")
                      .unit("TEAM-0000-A")
                      .unit("TE")
                      .build();
  const Scores s = compute_scores(RunResult{}, org);
  std::vector<std::string> ranked;
  for (const UnitScore& u : s.units) ranked.push_back(org.units[u.unit].id);
  CHECK(ranked == std::vector<std::string>{"TE", "TEAM-0000-A", "TEAM-0000-B", "T\xc3\xa9"});
}

TEST_CASE("a unit's dimensions refilled in one list, unit after unit, are those built afresh") {
  const Org org = four_units();
  RunResult run;
  run.outcomes = {outcome(org, "structure-hierarchy-depth", "Flatness", everyone(org, true, false)),
                  outcome(org, "structure-integrity", kDataQuality, {"R1", "B"})};
  run.findings = {finding(org, "structure-hierarchy-depth", "A1-2", Severity::error),
                  finding(org, "structure-integrity", "B", Severity::warning)};
  const Scores s = compute_scores(run, org);
  std::vector<DimensionScore> reused;
  for (const UnitScore& u : s.units) {  // A1 and A have no Data quality, B and ROOT have
    s.unit_dimensions(u, Scores::Reasons::where_flagged, reused);
    const std::vector<DimensionScore> fresh = s.unit_dimensions(u, Scores::Reasons::where_flagged);
    REQUIRE(dimension_names(reused) == dimension_names(fresh));
    for (std::size_t d = 0; d < fresh.size(); ++d) {
      CHECK(reused[d].score == fresh[d].score);
      CHECK(reused[d].reason == fresh[d].reason);
      CHECK(reused[d].rules.size() == fresh[d].rules.size());
    }
  }
}

TEST_CASE("a large org's units, scored in two halves, score as each unit's own dimensions do", "[threads]") {
  // Enough people that the units are scored on two threads (detail::kMinPeopleToSplit): eight
  // people a unit, each unit with four below it, a finding on every seventh person.
  const std::size_t n = 2 * detail::kMinPeopleToSplit + 3, unit_count = n / 8 + 1;
  OrgBuilder builder;
  for (std::size_t u = 0; u < unit_count; ++u) builder.unit("U" + std::to_string(u), u ? "U" + std::to_string((u - 1) / 4) : "");
  for (std::size_t i = 0; i < n; ++i)
    builder.person("P" + std::to_string(i), i ? "P" + std::to_string((i - 1) / 8) : "").in("U" + std::to_string(i / 8));
  const Org org = builder.build();
  RunResult run;
  run.outcomes = {outcome(org, "structure-hierarchy-depth", "Flatness", everyone(org, true, false)),
                  outcome(org, "structure-integrity", kDataQuality, everyone(org, true, true))};
  for (std::size_t i = 0; i < n; i += 7)
    run.findings.push_back(finding(org, i % 3 ? "structure-hierarchy-depth" : "structure-integrity", "P" + std::to_string(i),
                                   i % 2 ? Severity::warning : Severity::error));
  const Scores s = compute_scores(run, org);
  REQUIRE(s.units.size() == unit_count);
  std::size_t differing = 0, below_full = 0;
  for (const UnitScore& u : s.units) {
    const std::vector<DimensionScore> dimensions = s.unit_dimensions(u);
    REQUIRE(dimension_names(dimensions) == std::vector<std::string>{"Flatness", kDataQuality});
    if (!u.score || !u.confidence || *u.score != *dimensions[0].score || *u.confidence != *dimensions[1].score) ++differing;
    if (u.score && *u.score < 100 && u.unit >= unit_count / 2) ++below_full;  // flagged units in the second half too
  }
  CHECK(differing == 0);
  CHECK(below_full > 100);
}
