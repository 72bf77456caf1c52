// The fixture format's expectations, and how a run's findings are compared with them.
//
// A fixture is an org file whose comments say what one rule must find:
//
//   # option: max-layers=3                       (a rule option; one per line, value may hold commas)
//   - id: P5    # expect: structure-hierarchy-depth
//   - id: P9    # expect: structure-hierarchy-depth:error, structure-hierarchy-depth
//
// Each `# expect:` names a finding located on that line; a rule id may carry `:severity` to pin the
// severity too, and may repeat (two findings on one line). Anything after a second `#` is a note.
// The comparison is of multisets: every expected finding must be found, and nothing else.
#pragma once

#include <cstdint>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "orgaudit/finding.h"

namespace orgaudit::fixtures {

struct ExpectedFinding {
  std::uint32_t line = 0;
  std::string rule_id;
  std::optional<Severity> severity;  // unset: any severity
};

struct ActualFinding {
  std::uint32_t line = 0;
  std::string rule_id;
  Severity severity = Severity::warning;
  std::string message;
};

struct FixtureComments {
  std::vector<ExpectedFinding> expected;
  std::map<std::string, std::string> options;
  std::vector<std::string> errors;  // malformed `# expect:` or `# option:` lines, "line N: why"
};

FixtureComments parse_fixture_comments(std::istream& text);

struct FixtureDiff {
  std::vector<ExpectedFinding> missing;    // expected, not found
  std::vector<ActualFinding> unexpected;   // found, not expected
  bool empty() const { return missing.empty() && unexpected.empty(); }
};

FixtureDiff compare_findings(const std::vector<ExpectedFinding>& expected,
                             const std::vector<ActualFinding>& actual);

// A readable account of a mismatch, one finding a line, with the messages of unexpected findings:
//   tests/fixtures/x/a.yaml: 1 missing, 1 unexpected finding
//     missing:    a.yaml:12: structure-hierarchy-depth
//     unexpected: a.yaml:14: warning: 'Dana Li' is 8 layers below the root (max 7) [structure-...]
std::string format_diff(const std::string& path, const FixtureDiff& diff);

}  // namespace orgaudit::fixtures
