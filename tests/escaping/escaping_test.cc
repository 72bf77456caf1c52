// The escaping fixture (tests/escaping/org.yaml: quotes, markup, `]]>`, `-->`, line breaks, tabs,
// right-to-left text, emoji in names and titles) through every output format, each parsed back by
// tests/escaping/parse_back.py with a real parser for its format (json, ElementTree, GitHub's
// cmark-gfm), which checks that every name is there intact and that none became markup.
#include <catch2/catch.hpp>
#include <filesystem>

#include "golden/output_runs.h"

using namespace orgaudit::testing;

namespace {

// Text is for terminals: it shows control characters escaped on purpose (tests/cli_test.cc).
bool parsed_back(const std::string& format) { return format != "text"; }

}  // namespace

TEST_CASE("escaping: hostile names come out intact and inert in every output format", "[escaping]") {
  require_tool("python3", "python3");
  require_tool("cmark-gfm", "cmark-gfm");
  std::vector<std::string> formats;
  for (const std::string& format : output_format_names())
    if (parsed_back(format)) formats.push_back(format);
  // --fail-on warning lists the warnings in Markdown too; one span finding per manager, they all fit.
  const auto files = write_outputs("tests/escaping/org.yaml --fail-on warning",
                                   formats, "escaping");
  for (const std::string& format : formats) {
    const CommandRun check = run_command("python3 tests/escaping/parse_back.py " + format + " '" + files.at(format) + "'");
    INFO(format << ": " << check.output);
    CHECK(check.exit_code == 0);
    std::filesystem::remove(files.at(format));
  }
}

TEST_CASE("escaping: the parse-back check catches a name that was not escaped", "[escaping]") {
  require_tool("python3", "python3");
  require_tool("cmark-gfm", "cmark-gfm");
  const auto files = write_outputs("tests/escaping/org.yaml --fail-on warning",
                                   {"markdown"}, "escaping-broken");
  // Undo the escaping of one name, as a writer bug would.
  const CommandRun broken = run_command("sed -i 's/Eve &lt;script&gt;/Eve <script>/' '" + files.at("markdown") +
                                        "' && python3 tests/escaping/parse_back.py markdown '" + files.at("markdown") + "'");
  CHECK(broken.exit_code != 0);
  CHECK_THAT(broken.output, Catch::Contains("<script>"));
  std::filesystem::remove(files.at("markdown"));
}
