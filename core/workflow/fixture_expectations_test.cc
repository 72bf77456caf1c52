// The fixture format: parsing `# expect:` and `# option:` comments, and comparing findings with them.
#include "workflow/fixture_expectations.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace orgaudit;
using namespace orgaudit::fixtures;

namespace {

// An expectation of a rule on a line, as `# expect: rule[:severity]` writes it.
ExpectedFinding expect(std::uint32_t line, const std::string& rule_id, std::optional<Severity> severity = {}) {
  ExpectedFinding e;
  e.line = line;
  e.rule_id = rule_id;
  e.severity = severity;
  return e;
}

}  // namespace

// The harness's own comparison must fail when it should: a harness that passes everything proves nothing.
TEST_CASE("fixture comparison: a missing finding is reported") {
  const std::vector<ExpectedFinding> expected{expect(7, "structure-hierarchy-depth"), expect(9, "structure-integrity")};
  const std::vector<ActualFinding> actual{{7, "structure-hierarchy-depth", Severity::warning, "'A' is deep"}};
  const FixtureDiff diff = compare_findings(expected, actual);
  CHECK_FALSE(diff.empty());
  REQUIRE(diff.missing.size() == 1);
  CHECK(diff.missing[0].line == 9);
  CHECK(diff.unexpected.empty());
  CHECK(format_diff("f.yaml", diff) == "f.yaml: 1 missing, 0 unexpected findings\n"
                                       "  missing:    f.yaml:9: [structure-integrity]\n");
}

TEST_CASE("fixture comparison: an unexpected finding is reported with its message") {
  const std::vector<ExpectedFinding> expected{expect(7, "structure-hierarchy-depth")};
  const std::vector<ActualFinding> actual{{7, "structure-hierarchy-depth", Severity::warning, "'A' is deep", 5},
                                          {7, "structure-hierarchy-depth", Severity::error, "'A' again", 5}};
  const FixtureDiff diff = compare_findings(expected, actual);
  CHECK(diff.missing.empty());
  REQUIRE(diff.unexpected.size() == 1);
  CHECK(format_diff("f.yaml", diff) == "f.yaml: 0 missing, 1 unexpected finding\n"
                                       "  unexpected: f.yaml:7:5: error: 'A' again [structure-hierarchy-depth]\n");
  // The same finding on another line, or from another rule, is both missing and unexpected.
  const FixtureDiff moved = compare_findings({expect(8, "structure-hierarchy-depth")}, {actual[0]});
  CHECK(moved.missing.size() == 1);
  CHECK(moved.unexpected.size() == 1);
}

TEST_CASE("fixture comparison: repeats are a multiset and a pinned severity must match") {
  const ActualFinding warning{3, "r", Severity::warning, "w"};
  const ActualFinding error{3, "r", Severity::error, "e"};
  CHECK(compare_findings({expect(3, "r"), expect(3, "r")}, {warning, error}).empty());
  CHECK(compare_findings({expect(3, "r"), expect(3, "r")}, {warning}).missing.size() == 1);
  // The unpinned expectation must not take the error finding the pinned one needs.
  CHECK(compare_findings({expect(3, "r"), expect(3, "r", Severity::error)}, {error, warning}).empty());
  CHECK(compare_findings({expect(3, "r", Severity::error)}, {warning}).unexpected.size() == 1);
}

TEST_CASE("fixture comparison: a pinned column or message must match") {
  const ActualFinding deep{7, "r", Severity::warning, "'A' is 8 layers below the root (max 7)", 5};
  ExpectedFinding e{7, "r", {}, 5, {}};
  CHECK(compare_findings({e}, {deep}).empty());
  e.column = 6;
  const FixtureDiff moved = compare_findings({e}, {deep});
  CHECK(moved.missing.size() == 1);
  CHECK(moved.unexpected.size() == 1);
  CHECK(format_diff("f.yaml", moved) == "f.yaml: 1 missing, 1 unexpected finding\n"
                                        "  missing:    f.yaml:7: [r] col=6\n"
                                        "  unexpected: f.yaml:7:5: warning: 'A' is 8 layers below the root (max 7) [r]\n");
  e.column.reset();
  e.message = MessageExpectation{false, "'A' is 8 layers below the root (max 7)", {}};
  CHECK(compare_findings({e}, {deep}).empty());
  e.message->text = "'A' is 8 layers below the root";  // exact: a prefix is not enough
  CHECK(compare_findings({e}, {deep}).missing.size() == 1);
  e.message = MessageExpectation{true, "max [0-9]+\\)$", std::regex("max [0-9]+\\)$")};
  CHECK(compare_findings({e}, {deep}).empty());
  e.message->pattern = std::regex("max 3");
  e.message->text = "max 3";
  CHECK_THAT(format_diff("f.yaml", compare_findings({e}, {deep})), Catch::Contains("missing:    f.yaml:7: [r] message=/max 3/"));
}

TEST_CASE("fixture comparison: findings are matched as a whole, not first come first served") {
  // The unpinned expectation comes first and could take the only finding the pattern accepts.
  const ActualFinding x{3, "r", Severity::warning, "about X", 5};
  const ActualFinding y{3, "r", Severity::warning, "about Y", 5};
  ExpectedFinding any{3, "r", {}, {}, {}};
  ExpectedFinding about_x{3, "r", {}, {}, MessageExpectation{true, "X", std::regex("X")}};
  CHECK(compare_findings({any, about_x}, {x, y}).empty());
  CHECK(compare_findings({any, about_x}, {y, x}).empty());
  CHECK(compare_findings({about_x, about_x}, {x, y}).missing.size() == 1);
}

TEST_CASE("fixture comments: columns and messages, with commas, quotes and '#' inside") {
  std::istringstream text(
      "  - id: P1  # expect: r:error col=14 message=\"'A, \\\"B\\\" # 1' is odd\", r message=/^x\\/y [0-9]+$/  # note, here\n"
      "  - id: P2  # expect: r col=3, r   message=\"two  spaces\"   col=9\n");
  const FixtureComments c = parse_fixture_comments(text);
  CHECK(c.errors.empty());
  REQUIRE(c.expected.size() == 4);
  CHECK(c.expected[0].severity == Severity::error);
  CHECK(c.expected[0].column == 14u);
  REQUIRE(c.expected[0].message);
  CHECK_FALSE(c.expected[0].message->is_pattern);
  CHECK(c.expected[0].message->text == "'A, \"B\" # 1' is odd");
  REQUIRE(c.expected[1].message);
  CHECK(c.expected[1].message->is_pattern);
  CHECK(c.expected[1].message->matches("x/y 12"));
  CHECK_FALSE(c.expected[1].message->matches("x/y 12 and more"));
  CHECK_FALSE(c.expected[1].column);
  CHECK(c.expected[2].column == 3u);
  CHECK_FALSE(c.expected[2].message);
  CHECK(c.expected[3].message->text == "two  spaces");
  CHECK(c.expected[3].column == 9u);
}

TEST_CASE("fixture comments: malformed columns and messages are errors, not ignored") {
  for (const std::string bad : {"r col=", "r col=x", "r col=5x", "r col=99999999999", "r col=1 col=2",
                                "r message=\"unclosed", "r message=/unclosed", "r message=/[/",
                                "r message=\"a\\qb\"", "r message=\"a\"b", "r colour=5", "r message=plain", "r message=pop"}) {
    INFO(bad);
    std::istringstream text("  - id: P1  # expect: " + bad + "\n");
    CHECK_FALSE(parse_fixture_comments(text).errors.empty());
  }
}

TEST_CASE("fixture comments: expectations, options, notes and malformed lines") {
  std::istringstream text(
      "# expect: structure-grade-inversion  # not assessed\n"
      "# option: grade-order=A,B,C\n"
      "# option: max-layers = 3\n"
      "people:\n"
      "  - id: P1    # expect: structure-hierarchy-depth:error, structure-hierarchy-depth\n"
      "# option: nonsense\n"
      "  - id: P2    # expect: Not A Rule, structure-x:loud\n");
  const FixtureComments c = parse_fixture_comments(text);
  REQUIRE(c.expected.size() == 3);
  CHECK(c.expected[0].line == 1);
  CHECK(c.expected[0].rule_id == "structure-grade-inversion");
  CHECK(c.expected[1].line == 5);
  CHECK(c.expected[1].severity == Severity::error);
  CHECK_FALSE(c.expected[2].severity);
  CHECK(c.options == std::map<std::string, std::string>{{"grade-order", "A,B,C"}, {"max-layers", "3"}});
  CHECK(c.errors.size() == 3);
}
