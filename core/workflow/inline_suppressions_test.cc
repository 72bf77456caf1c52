#include "workflow/inline_suppressions.h"

#include <algorithm>

#include <catch2/catch.hpp>
#include <sstream>

#include "util/diagnostic.h"

using namespace orgaudit;

namespace {

std::vector<InlineDirective> scan(const std::string& text) {
  std::istringstream in(text);
  return scan_inline_suppressions(in, "org.yaml");
}

}  // namespace

TEST_CASE("directives attach to their own line or to the next line that is not a comment", "[workflow]") {
  const auto d = scan(
      "people:\n"                                                                              // 1
      "  # orgaudit-ignore: rule-a reason: one\n"                                              // 2
      "  # a plain comment between\n"                                                          // 3
      "  # orgaudit-ignore: rule-b, rule-c expires: 2027-03-31 reason: two, with a comma\n"    // 4
      "  - id: P1\n"                                                                           // 5
      "  - {id: P2, name: \"x # y\"}  # orgaudit-ignore: rule-d reason: trailing\r\n"          // 6
      "  # orgaudit-ignore: rule-e reason: lost expires: 2026-01-01\n"                         // 7
      "\n"                                                                                     // 8
      "  - id: P3\n"                                                                           // 9
      "  # orgaudit-ignore: rule-f reason: at the end of the file\n");                         // 10
  REQUIRE(d.size() == 5);
  CHECK(d[0].rules == std::vector<std::string>{"rule-a"});
  CHECK(d[0].reason == "one");
  CHECK(d[0].line == 2);
  CHECK(d[0].column == 3);
  CHECK(d[0].target_line == 5);
  CHECK(d[1].rules == std::vector<std::string>{"rule-b", "rule-c"});
  CHECK(d[1].reason == "two, with a comma");
  CHECK(d[1].expires->to_string() == "2027-03-31");
  CHECK(d[1].target_line == 5);
  CHECK(d[2].rules == std::vector<std::string>{"rule-d"});
  CHECK(d[2].reason == "trailing");
  CHECK(d[2].target_line == 6);
  CHECK(d[3].expires->to_string() == "2026-01-01");  // expiry written after the reason
  CHECK(d[3].reason == "lost");
  CHECK(d[3].target_line == 0);  // a blank line ends the attachment
  CHECK(d[4].target_line == 0);  // nothing follows
}

TEST_CASE("text that only mentions the marker is no directive", "[workflow]") {
  CHECK(scan("- {id: P1, title: \"# orgaudit-ignore: x reason: y\"}\n").empty());
  CHECK(scan("# see the orgaudit-ignore docs\n").empty());
  CHECK(scan("- {id: P1, name: O'Brien}  # orgaudit-ignore: r reason: apostrophes are not quotes\n").size() == 1);
}

TEST_CASE("malformed directives are errors with line and column", "[workflow]") {
  CHECK_THROWS_WITH(scan("a: 1\n  # orgaudit-ignore: rule-a\n"),
                    Catch::Contains("org.yaml:2:3: error: an orgaudit-ignore comment needs a reason"));
  CHECK_THROWS_WITH(scan("# orgaudit-ignore: rule-a reason:   \n"), Catch::Contains("needs a reason"));
  CHECK_THROWS_WITH(scan("# orgaudit-ignore: reason: why\n"), Catch::Contains("must name the rule"));
  CHECK_THROWS_WITH(scan("# orgaudit-ignore rule-a reason: why\n"), Catch::Contains("expected ':'"));
  CHECK_THROWS_WITH(scan("# orgaudit-ignore: rule-a expires: 31/03/2027 reason: why\n"),
                    Catch::Contains("YYYY-MM-DD, got '31/03/2027'"));
}

TEST_CASE("lines that straddle the scanner's read blocks are read whole", "[workflow]") {
  // A directive placed across the 1 MiB block boundary, after enough filler lines to reach it.
  std::string text;
  const std::string filler = "  - {id: F, name: filler, title: " + std::string(60, 'x') + "}\n";
  while (text.size() < (1u << 20) - 20) text += filler;
  const auto filler_lines = static_cast<std::uint32_t>(text.size() / filler.size());
  text += "  # orgaudit-ignore: rule-a reason: across the boundary\n  - id: P1\n";
  const auto d = scan(text);
  REQUIRE(d.size() == 1);
  CHECK(d[0].reason == "across the boundary");
  CHECK(d[0].line == filler_lines + 1);
  CHECK(d[0].target_line == filler_lines + 2);
}

TEST_CASE("directives deep in a large file keep their lines, one waiting across a block for its entity", "[workflow]") {
  // Blocks without the marker are only counted: the lines after them must still number right, and
  // a whole-line directive ending a block, then a comment, attach to the line after them.
  constexpr std::size_t kBlock = 1u << 20;
  const std::string filler = "  - {id: F, name: filler, title: " + std::string(60, 'x') + "}\n";
  const std::string trailing = "  - id: P1  # orgaudit-ignore: rule-a reason: mid-block\n";
  const std::string whole_line = "  # orgaudit-ignore: rule-b reason: waits for the next block\n";
  auto line_of = [](const std::string& text, std::size_t offset) {
    return static_cast<std::uint32_t>(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  };
  std::string text;
  while (text.size() < kBlock + kBlock / 2) text += filler;
  const std::uint32_t trailing_line = line_of(text, text.size());
  text += trailing;
  while (text.size() + filler.size() + whole_line.size() < 2 * kBlock) text += filler;
  text += std::string(2 * kBlock - text.size() - whole_line.size() - 1, 'y') + "\n";  // the directive ends block 2
  const std::uint32_t whole_line_at = line_of(text, text.size());
  text += whole_line;
  REQUIRE(text.size() == 2 * kBlock);
  text += "  # a note between the directive and its entity\n  - id: P2\n";
  for (int i = 0; i < 20000; ++i) text += filler;  // a third block of counted lines, no newline at the end
  text += "  - id: P3  # orgaudit-ignore: rule-c reason: last line";
  const std::uint32_t last_line = line_of(text, text.size());
  const auto d = scan(text);
  REQUIRE(d.size() == 3);
  CHECK(d[0].reason == "mid-block");
  CHECK(d[0].line == trailing_line);
  CHECK(d[0].target_line == trailing_line);
  CHECK(d[1].rules == std::vector<std::string>{"rule-b"});
  CHECK(d[1].line == whole_line_at);
  CHECK(d[1].target_line == whole_line_at + 2);
  CHECK(d[2].line == last_line);
  CHECK(d[2].target_line == last_line);
}
