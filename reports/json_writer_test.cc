// The JSON report's large arrays, written on one thread or two: the same bytes either way.
#include <catch2/catch.hpp>
#include <sstream>

#include "org_builder.h"
#include "report.h"

using namespace orgaudit;
using orgaudit::testing::OrgBuilder;

TEST_CASE("the JSON report is the same bytes with its findings and units written on two threads", "[threads]") {
  // A binary tree of 3,000 units (several blocks of either array), a person in each.
  constexpr std::uint32_t kUnits = 3000;
  OrgBuilder builder;
  for (std::uint32_t u = 0; u < kUnits; ++u)
    builder.unit("U" + std::to_string(u), u == 0 ? "" : "U" + std::to_string((u - 1) / 2)).name("Unit " + std::to_string(u));
  for (std::uint32_t u = 0; u < kUnits; ++u) builder.person("P" + std::to_string(u)).in("U" + std::to_string(u));
  const Org org = builder.build();
  const OrgMetrics metrics = OrgMetrics::compute(org);

  RunResult run;
  RuleOutcome& outcome = run.outcomes.emplace_back();
  outcome.rule_id = "test-every-third";
  outcome.dimension = "Flatness";
  outcome.assessed_people.assign(org.people.size(), true);
  outcome.assessed = org.people.size();
  for (PersonIndex p = 0; p < org.people.size(); p += 3) {
    Finding& f = run.findings.emplace_back();
    f.rule_id = outcome.rule_id;
    f.dimension = outcome.dimension;
    f.severity = p % 2 ? Severity::warning : Severity::error;
    f.message = "person <" + org.people[p].id.str() + "> flagged";
    f.where = org.people[p].where;
    f.entities = {EntityRef{EntityRef::person, p}};
    f.entity_ids = {org.people[p].id.str()};
    f.fingerprint = "v2:" + std::to_string(p);
  }
  const Scores scores = compute_scores(run, org);
  const RuleCatalog catalog;
  const ReportInput input{org, metrics, run, scores, catalog, "0.0-test", ""};

  WriteOptions one, two;
  one.split = detail::Split::one_thread;
  two.split = detail::Split::two_threads;
  const std::string expected = write_json(input, one);
  CHECK(expected.find("\"fingerprint\": \"v2:2997\"") != std::string::npos);  // the last finding
  CHECK(write_json(input, two) == expected);
  std::ostringstream streamed;
  stream_json(input, two, streamed);
  CHECK(streamed.str() == expected);
}
