#include <catch2/catch.hpp>

#include "report.h"

using namespace orgaudit;

namespace {

Finding finding(Severity severity, std::uint32_t line, const std::string& fingerprint) {
  Finding f;
  f.rule_id = "test-rule";
  f.severity = severity;
  f.where = {0, line, 5};
  f.message = "line " + std::to_string(line);
  f.fingerprint = fingerprint;
  return f;
}

std::string codequality(const RunResult& run) {
  Org org;
  org.add_file("org/org.yaml");
  const OrgMetrics metrics;
  const Scores scores;
  const RuleCatalog catalog;
  return write_codequality(ReportInput{org, metrics, run, scores, catalog, "test", ""}, WriteOptions{});
}

}  // namespace

TEST_CASE("codequality: an open finding is an issue with GitLab's fields and severity", "[codequality]") {
  RunResult run;
  run.findings.push_back(finding(Severity::error, 7, "v2:aa"));
  run.findings.push_back(finding(Severity::warning, 9, "v2:bb"));
  run.findings.push_back(finding(Severity::info, 0, "v2:cc"));  // no line known
  CHECK(codequality(run) ==
        "[\n"
        "  {\n    \"type\": \"issue\",\n    \"description\": \"line 7\",\n    \"check_name\": \"test-rule\",\n"
        "    \"fingerprint\": \"v2:aa\",\n    \"severity\": \"critical\",\n"
        "    \"location\": {\n      \"path\": \"org/org.yaml\",\n      \"lines\": {\n        \"begin\": 7\n      }\n    }\n  },\n"
        "  {\n    \"type\": \"issue\",\n    \"description\": \"line 9\",\n    \"check_name\": \"test-rule\",\n"
        "    \"fingerprint\": \"v2:bb\",\n    \"severity\": \"major\",\n"
        "    \"location\": {\n      \"path\": \"org/org.yaml\",\n      \"lines\": {\n        \"begin\": 9\n      }\n    }\n  },\n"
        "  {\n    \"type\": \"issue\",\n    \"description\": \"line 0\",\n    \"check_name\": \"test-rule\",\n"
        "    \"fingerprint\": \"v2:cc\",\n    \"severity\": \"info\",\n"
        "    \"location\": {\n      \"path\": \"org/org.yaml\",\n      \"lines\": {\n        \"begin\": 1\n      }\n    }\n  }\n"
        "]\n");
}

TEST_CASE("codequality: suppressed, baselined and not-assessed findings are not issues", "[codequality]") {
  RunResult run;
  run.findings.push_back(finding(Severity::error, 1, "v2:suppressed"));
  run.findings.back().suppression = FindingSuppression{"inline", "accepted", {}};
  run.findings.push_back(finding(Severity::error, 2, "v2:baselined"));
  run.findings.back().baseline = BaselineState::unchanged;
  run.findings.push_back(finding(Severity::info, 3, "v2:note"));
  run.findings.back().not_assessed_note = true;
  run.findings.push_back(finding(Severity::warning, 4, "v2:new"));
  run.findings.back().baseline = BaselineState::new_finding;
  const std::string issues = codequality(run);
  CHECK_THAT(issues, Catch::Contains("v2:new") && !Catch::Contains("v2:suppressed") && !Catch::Contains("v2:baselined") &&
                         !Catch::Contains("v2:note"));
  CHECK(codequality(RunResult{}) == "[]\n");
}
