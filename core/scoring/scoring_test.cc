#include "scoring/scoring.h"
#include "scoring/scoring_test_support.h"

#include <catch2/catch.hpp>

using namespace orgaudit;
using orgaudit::scoring_test::counted;

namespace {

// A finding about person `person` (P<n> in messages).
Finding finding(const std::string& rule, std::uint32_t person, Severity severity) {
  Finding f;
  f.rule_id = rule;
  f.entities = {EntityRef{EntityRef::person, person}};
  f.entity_ids = {"P" + std::to_string(person)};
  f.severity = severity;
  return f;
}

const DimensionScore& dimension(const Scores& s, const std::string& name) {
  for (const DimensionScore& d : s.dimensions)
    if (d.name == name) return d;
  FAIL("no dimension " << name);
  throw;
}

}  // namespace

TEST_CASE("dimension score weighs failing entities by severity") {
  RunResult run;
  run.outcomes = {counted("structure-hierarchy-depth", "Flatness", 10),
                  counted("test-second-flatness-rule", "Flatness", 10),
                  counted("structure-span-of-control", "Span health", 4)};
  run.findings = {finding("structure-hierarchy-depth", 1, Severity::error),
                  finding("structure-hierarchy-depth", 1, Severity::warning),  // same entity: once
                  finding("structure-hierarchy-depth", 2, Severity::warning),
                  finding("structure-span-of-control", 3, Severity::info)};
  Scores s = compute_scores(run);
  // Flatness: the mean of depth (1.5 failing weight of 10: 85) and the second rule (100) is 92.5,
  // but the error keeps it just below the healthy band.
  REQUIRE(dimension(s, "Flatness").score);
  CHECK(*dimension(s, "Flatness").score == Approx(kErrorCeiling));
  CHECK(dimension(s, "Flatness").rules[0].failing_weight == Approx(1.5));
  CHECK(*dimension(s, "Span health").score == Approx(100.0));  // info does not fail
  CHECK_FALSE(dimension(s, "Autonomy").score);                  // no rule ran
  CHECK(*s.org == Approx((kErrorCeiling + 100.0) / 2));
  CHECK_FALSE(s.confidence);
}

TEST_CASE("not-assessed rules leave their dimension out of the org score") {
  RunResult run;
  run.outcomes = {counted("structure-grade-inversion", "Span health", 0, true),
                  counted("structure-integrity", kDataQuality, 5),
                  counted("structure-hierarchy-depth", "Flatness", 5)};
  run.findings = {finding("structure-integrity", 9, Severity::error)};
  Scores s = compute_scores(run);
  CHECK_FALSE(dimension(s, "Span health").score);
  CHECK(dimension(s, "Span health").reason.find("not assessed") != std::string::npos);
  CHECK(*s.confidence == Approx(80.0));
  CHECK(*s.org == Approx(100.0));  // Data quality is confidence, not averaged in
}

TEST_CASE("scores are shown as whole numbers, halves to even as printf's %.0f") {
  CHECK(orgaudit::format_score(62.5) == "62");
  CHECK(orgaudit::format_score(63.5) == "64");
  CHECK(orgaudit::format_score(99.6) == "100");
  CHECK(orgaudit::format_score(0.0) == "0");
  CHECK(orgaudit::format_score(std::nullopt) == "not assessed");
}

TEST_CASE("a dimension is the mean of its rules' scores, each over its own population") {
  RunResult run;
  // 7 of 85 managers out of span; grade inversion over 397 people finds nothing.
  run.outcomes = {counted("structure-span-of-control", "Span health", 85),
                  counted("structure-grade-inversion", "Span health", 397)};
  for (int i = 0; i < 7; ++i) run.findings.push_back(finding("structure-span-of-control", static_cast<std::uint32_t>(i), Severity::warning));
  Scores s = compute_scores(run);
  // Pooled this was 100 x (1 - 3.5/482) = 99.3; per rule it is (100 x (1 - 3.5/85) + 100) / 2 = 97.9.
  CHECK(*dimension(s, "Span health").score == Approx((100.0 * (1 - 3.5 / 85) + 100.0) / 2));
}

TEST_CASE("an error keeps its dimension out of the healthy band, however large the population") {
  RunResult run;
  // One manager managing themselves among 500 records: 99.8 pooled, but an integrity error.
  run.outcomes = {counted("structure-integrity", kDataQuality, 500),
                  counted("structure-span-of-control", "Span health", 500)};
  run.findings = {finding("structure-integrity", 1, Severity::error),
                  finding("structure-span-of-control", 2, Severity::warning)};
  Scores s = compute_scores(run);
  CHECK(*s.confidence == Approx(kErrorCeiling));                        // not 99.8: below healthy
  CHECK(*dimension(s, "Span health").score == Approx(100.0 * (1 - 0.5 / 500)));  // warnings only: not capped
}

TEST_CASE("a finding at a place without an entity (a skipped row) counts in its rule's score") {
  RunResult run;
  run.outcomes = {counted("import-skipped-row", kDataQuality, 20)};
  for (int row = 0; row < 10; ++row) {
    Finding f;
    f.rule_id = "import-skipped-row";
    f.severity = Severity::warning;
    f.where = SourceLocation{0, static_cast<std::uint32_t>(row + 2), 1};
    run.findings.push_back(f);  // no subject: the row had no id
  }
  Scores s = compute_scores(run);
  CHECK(*s.confidence == Approx(100.0 * (1 - 5.0 / 20)));  // 10 rows, warning weight 0.5 each
}

TEST_CASE("the org score is scaled by the share of people whose line reaches the top") {
  RunResult run;
  run.outcomes = {counted("structure-hierarchy-depth", "Flatness", 90)};
  run.headcount.people = 100;
  run.cut_off = 10;  // below a manager who matches no one: not in the depth rule's population
  Scores s = compute_scores(run);
  CHECK(*dimension(s, "Flatness").score == Approx(100.0));
  CHECK(s.traced_share == Approx(0.9));
  CHECK(*s.org == Approx(90.0));
}
