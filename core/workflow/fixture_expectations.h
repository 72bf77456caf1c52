// The fixture format's expectations, and how a run's findings are compared with them.
//
// A fixture is an org file whose comments say what one rule must find (docs/rule-fixtures.md):
//
//   # option: max-layers=3                       (a rule option; one per line, value may hold commas)
//   - id: P5    # expect: structure-hierarchy-depth
//   - id: P9    # expect: structure-hierarchy-depth:error, structure-hierarchy-depth
//     manager: X  # expect: structure-integrity:error col=14 message=/names manager 'X', who matches no one/
//   - id: P3    # expect: structure-span-of-control message="'P3' has 1 direct report (min 2)"
//
// Each `# expect:` names a finding located on that line; a rule id may carry `:severity` to pin the
// severity, `col=N` the column, `message="..."` the whole message (`\"` and `\\` inside) and
// `message=/.../` a pattern (ECMAScript, found anywhere in the message; `\/` for a slash). Items are
// separated by commas; a rule id may repeat (two findings on one line). A `#` outside quotes and
// patterns starts a note. The comparison is of multisets: every expected finding must be found, and
// nothing else.
#pragma once

#include <cstdint>
#include <istream>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "engine/finding.h"

namespace orgaudit::fixtures {

// What a finding's message must be: the exact text, or a pattern found in it.
struct MessageExpectation {
  bool is_pattern = false;
  std::string text;   // the text, or the pattern's source (for reports)
  std::regex pattern;
  bool matches(const std::string& message) const;
};

struct ExpectedFinding {
  std::uint32_t line = 0;
  std::string rule_id;
  std::optional<Severity> severity;  // unset: any severity
  std::optional<std::uint32_t> column;
  std::optional<MessageExpectation> message;
};

struct ActualFinding {
  std::uint32_t line = 0;
  std::string rule_id;
  Severity severity = Severity::warning;
  std::string message;
  std::uint32_t column = 0;
};

struct FixtureComments {
  std::vector<ExpectedFinding> expected;
  std::map<std::string, std::string> options;
  std::vector<std::string> errors;  // malformed `# expect:` or `# option:` lines, "N: why" (N: the line)
};

FixtureComments parse_fixture_comments(std::istream& text);

struct FixtureDiff {
  std::vector<ExpectedFinding> missing;    // expected, not found
  std::vector<ActualFinding> unexpected;   // found, not expected
  bool empty() const { return missing.empty() && unexpected.empty(); }
};

FixtureDiff compare_findings(const std::vector<ExpectedFinding>& expected,
                             const std::vector<ActualFinding>& actual);

// A readable account of a mismatch, one finding a line, with the messages of unexpected findings
// and what the missing ones pinned:
//   tests/fixtures/x/a.yaml: 1 missing, 1 unexpected finding
//     missing:    a.yaml:12: [structure-hierarchy-depth] col=5 message=/max 7/
//     unexpected: a.yaml:14:5: warning: 'Dana Li' is 8 layers below the root (max 7) [structure-...]
std::string format_diff(const std::string& path, const FixtureDiff& diff);

}  // namespace orgaudit::fixtures
