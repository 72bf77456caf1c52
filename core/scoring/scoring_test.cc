#include "scoring/scoring.h"

#include <catch2/catch.hpp>

using namespace orgaudit;

namespace {

// A finding about person `person` (P<n> in messages).
Finding finding(const std::string& rule, std::uint32_t person, Severity severity) {
  Finding f;
  f.rule_id = rule;
  f.subject = EntityRef{EntityRef::person, person};
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
  run.outcomes = {{"structure-hierarchy-depth", "Flatness", 10, false, false},
                  {"structure-single-report-manager", "Flatness", 10, false, false},
                  {"structure-span-of-control", "Span health", 4, false, false}};
  run.findings = {finding("structure-hierarchy-depth", 1, Severity::error),
                  finding("structure-hierarchy-depth", 1, Severity::warning),  // same entity: once
                  finding("structure-hierarchy-depth", 2, Severity::warning),
                  finding("structure-span-of-control", 3, Severity::info)};
  Scores s = compute_scores(run);
  // Flatness: the mean of depth (1.5 failing weight of 10: 85) and single-report (100).
  REQUIRE(dimension(s, "Flatness").score);
  CHECK(*dimension(s, "Flatness").score == Approx(92.5));
  CHECK(*dimension(s, "Span health").score == Approx(100.0));  // info does not fail
  CHECK_FALSE(dimension(s, "Autonomy").score);                  // no rule ran
  CHECK(*s.org == Approx((92.5 + 100.0) / 2));
  CHECK_FALSE(s.confidence);
}

TEST_CASE("not-assessed rules leave their dimension out of the org score") {
  RunResult run;
  run.outcomes = {{"structure-grade-inversion", "Span health", 0, true, false},
                  {"structure-integrity", kDataQuality, 5, false, false},
                  {"structure-hierarchy-depth", "Flatness", 5, false, false}};
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
  run.outcomes = {{"structure-span-of-control", "Span health", 85, false, false},
                  {"structure-grade-inversion", "Span health", 397, false, false}};
  for (int i = 0; i < 7; ++i) run.findings.push_back(finding("structure-span-of-control", static_cast<std::uint32_t>(i), Severity::error));
  Scores s = compute_scores(run);
  // Pooled this was 100 x (1 - 7/482) = 98.5; per rule it is (100 x 78/85 + 100) / 2 = 95.9.
  CHECK(*dimension(s, "Span health").score == Approx((100.0 * 78 / 85 + 100.0) / 2));
}
