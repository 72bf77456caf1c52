// SARIF within GitHub code scanning's limits: at most 5,000 results a run, the most severe first,
// a run-level warning counting what was left out, and at most 100 related locations a result.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "report.h"

using namespace orgaudit;

namespace {

// A run of findings made up to order, one a line of t.yaml; each message names its line.
class SarifRun {
 public:
  SarifRun() { org_.add_file("t.yaml"); }

  Finding& add(Severity severity) {
    Finding f;
    f.rule_id = "test-rule";
    f.severity = severity;
    f.where = {0, static_cast<std::uint32_t>(run_.findings.size() + 1), 3};
    f.message = "line " + std::to_string(f.where.line);
    run_.findings.push_back(f);
    return run_.findings.back();
  }

  std::string sarif() const {
    const ReportInput input{org_, metrics_, run_, scores_, catalog_, "test", ""};
    return write_sarif(input, WriteOptions{});
  }

 private:
  Org org_;
  OrgMetrics metrics_;
  RunResult run_;
  Scores scores_;
  RuleCatalog catalog_;
};

// The results' messages ("line N"), in document order.
std::vector<std::string> result_messages(const std::string& sarif) {
  std::vector<std::string> messages;
  const std::string marker = R"("message":{"text":"line )";
  for (auto at = sarif.find(marker); at != std::string::npos; at = sarif.find(marker, at + 1)) {
    const auto start = at + marker.size() - 5;
    messages.push_back(sarif.substr(start, sarif.find('"', start) - start));
  }
  return messages;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("sarif: results are listed most severe first, then in file order", "[sarif]") {
  SarifRun run;
  run.add(Severity::info);
  run.add(Severity::warning);
  run.add(Severity::error).suppression = FindingSuppression{"inline", "accepted", {}};
  run.add(Severity::error);
  run.add(Severity::info).not_assessed_note = true;
  run.add(Severity::warning);
  run.add(Severity::error);
  const std::string sarif = run.sarif();
  // The not-assessed note (line 5) is an invocation's notification, written before the results:
  // open errors, warnings, infos; the suppressed error last.
  CHECK(result_messages(sarif) ==
        std::vector<std::string>{"line 5", "line 4", "line 7", "line 2", "line 6", "line 1", "line 3"});
  CHECK_THAT(sarif, Catch::Contains(R"("results":[{"ruleId":"test-rule","level":"error","message":{"text":"line 4"})"));
}

TEST_CASE("sarif: a rule's not-assessed note is a notification of level note, never a result", "[sarif]") {
  SarifRun run;
  run.add(Severity::warning);
  run.add(Severity::info).not_assessed_note = true;
  const std::string sarif = run.sarif();
  CHECK_THAT(sarif, Catch::Contains(R"("invocations":[{"executionSuccessful":true,"toolExecutionNotifications":[)"
                                    R"({"level":"note","descriptor":{"id":"rule-not-assessed"},)"
                                    R"("associatedRule":{"id":"test-rule"},"message":{"text":"line 2"},)"
                                    R"("locations":[{"physicalLocation":{"artifactLocation":{"uri":"t.yaml",)"
                                    R"("uriBaseId":"%SRCROOT%"},"region":{"startLine":2,"startColumn":3}}}]}]}])"));
  CHECK(count(sarif, R"("ruleId")") == 1);  // the warning alone is a result
  CHECK_THAT(sarif, !Catch::Contains("notApplicable") && !Catch::Contains(R"("level":"none")"));

  SarifRun clean;
  clean.add(Severity::warning);
  CHECK_THAT(clean.sarif(), Catch::Contains(R"("invocations":[{"executionSuccessful":true}])"));
}

TEST_CASE("sarif: a run keeps the 5,000 most severe results and says how many it left out", "[sarif]") {
  SarifRun run;
  // 6,200 findings: every 100th an error (62, the 3 in the last 300 lines suppressed), every 10th an
  // info (620), the rest warnings (5,518), so the cut falls inside the warnings.
  for (int i = 0; i < 6200; ++i) {
    Finding& f = run.add(i % 100 == 99 ? Severity::error : i % 10 == 0 ? Severity::info : Severity::warning);
    if (i >= 5900 && f.severity == Severity::error) f.suppression = FindingSuppression{"config", "known", {}};
  }
  const std::string sarif = run.sarif();
  const std::vector<std::string> messages = result_messages(sarif);
  REQUIRE(messages.size() == 5000);
  CHECK(count(sarif, R"("level":"error")") == 59);  // the 59 open errors, none of the 3 suppressed
  CHECK(messages.front() == "line 100");
  CHECK(messages[58] == "line 5900");
  CHECK(messages[59] == "line 2");  // warnings next, from the top of the file
  CHECK(count(sarif, R"("level":"warning","message")") == 4941);
  CHECK(messages.back() == "line 5552");  // the 4,941st warning
  CHECK(count(sarif, R"("level":"note")") == 0);
  CHECK_THAT(sarif, Catch::Contains(R"("toolExecutionNotifications":[{"level":"warning")") &&
                        Catch::Contains("1200 of 6200 findings are left out of this run") &&
                        Catch::Contains("The JSON output (--format json) has all 6200.") &&
                        Catch::Contains(R"("properties":{"findings":6200,"results":5000,"omitted":1200})"));
}

TEST_CASE("sarif: a result lists at most 100 related locations and counts the rest", "[sarif]") {
  SarifRun run;
  Finding& deep = run.add(Severity::error);
  for (int i = 0; i < 150; ++i) deep.related.push_back({SourceLocation{}, "layer " + std::to_string(i), std::nullopt, "P" + std::to_string(i)});
  const std::string sarif = run.sarif();
  CHECK(count(sarif, R"("logicalLocations")") == 100);
  CHECK_THAT(sarif, Catch::Contains(R"("name":"P99")") && !Catch::Contains(R"("name":"P100")"));
  CHECK_THAT(sarif, Catch::Contains(R"("relatedLocationsOmitted":50)"));
}
