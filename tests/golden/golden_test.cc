// Golden files: every output format for every sample in tests/golden/samples.txt, compared byte for
// byte with tests/golden/<sample>/report.<ext> after blanking what legitimately changes between runs
// and machines (the version, timestamps, the checkout's absolute path).
//
// After an intended change to a writer or a sample, re-approve and review the diff:
//   scripts/approve-goldens.sh            (or ORGAUDIT_APPROVE_GOLDENS=1 orgaudit_tests "[golden]")
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "cli_runner.h"
#include "golden/output_runs.h"
#include "orgaudit/version.h"

using namespace orgaudit::testing;

namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  if (from.empty()) return text;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::string pretty_json(const std::string& compact);

std::string normalise(const std::string& output) {
  // One line of JSON (SARIF is written compact) is stored pretty-printed, for readable diffs.
  const bool compact_json = !output.empty() && output.front() == '{' && output.find('\n') == output.size() - 1;
  std::string text = replace_all(compact_json ? pretty_json(output) : output, ORGAUDIT_SOURCE_DIR "/", "<root>/");
  text = replace_all(text, orgaudit::version(), "<version>");
  static const std::regex kTimestamp(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?)");
  return std::regex_replace(text, kTimestamp, "<timestamp>");
}

// Compact JSON (SARIF) is kept pretty-printed, two spaces a level, so a golden diff reads line by line.
std::string pretty_json(const std::string& compact) {
  std::string out;
  int depth = 0;
  bool in_string = false, escaped = false;
  auto newline = [&] {
    out += '\n';
    out.append(2 * static_cast<std::size_t>(depth), ' ');
  };
  for (std::size_t i = 0; i < compact.size(); ++i) {
    const char c = compact[i];
    if (in_string) {
      out += c;
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    switch (c) {
      case '"': out += c, in_string = true; break;
      case '{': case '[':
        out += c;
        if (i + 1 < compact.size() && compact[i + 1] == (c == '{' ? '}' : ']')) out += compact[++i];  // {} and []
        else ++depth, newline();
        break;
      case '}': case ']': --depth, newline(), out += c; break;
      case ',': out += c, newline(); break;
      case ':': out += ": "; break;
      default: out += c;
    }
  }
  return out;
}

// Where the two first differ, so a failure says what changed without dumping whole reports.
std::string first_difference(const std::string& expected, const std::string& actual) {
  std::size_t line = 1, start = 0, i = 0;
  for (; i < expected.size() && i < actual.size() && expected[i] == actual[i]; ++i)
    if (expected[i] == '\n') ++line, start = i + 1;
  auto line_at = [start](const std::string& text) {
    const auto end = text.find('\n', start);
    return start <= text.size() ? text.substr(start, end == std::string::npos ? std::string::npos : end - start) : "";
  };
  return "first difference at line " + std::to_string(line) + ":\n  golden: " + line_at(expected) +
         "\n  actual: " + line_at(actual);
}

bool approving() {
  const char* value = std::getenv("ORGAUDIT_APPROVE_GOLDENS");
  return value && *value && std::string(value) != "0";
}

// Writes `actual` as the golden when approving; otherwise checks it against the approved file.
void compare_with_golden(const std::filesystem::path& golden, const std::string& actual) {
  if (approving()) {
    std::filesystem::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << actual;
    return;
  }
  if (!std::filesystem::exists(golden)) {
    FAIL_CHECK("no golden file yet: review the output, then approve it with scripts/approve-goldens.sh");
    return;
  }
  const std::string expected = read_file(golden.string());
  INFO((expected == actual ? std::string() : first_difference(expected, actual)) +
       "\nIf the change is intended, re-approve with scripts/approve-goldens.sh and review `git diff tests/golden`.");
  CHECK(expected == actual);
}

}  // namespace

TEST_CASE("golden: every writer's output for every sample matches its approved file", "[golden]") {
  const std::vector<Sample> samples = golden_samples();
  REQUIRE_FALSE(samples.empty());
  const std::vector<std::string> formats = output_format_names();
  for (const Sample& sample : samples) {
    const auto files = write_outputs(sample.arguments, formats, "golden-" + sample.name);
    for (const std::string& format : formats) {
      const std::filesystem::path golden =
          std::filesystem::path(ORGAUDIT_SOURCE_DIR) / "tests/golden" / sample.name / golden_file_name(format);
      const std::string actual = normalise(read_file(files.at(format)));
      std::filesystem::remove(files.at(format));
      INFO("sample " << sample.name << ", format " << format << ": " << golden.string());
      compare_with_golden(golden, actual);
    }
  }
}

// The what-if writers and fix --propose on the samples: one golden per run, under tests/golden/whatif/.
// The scenario file's `$schema` line names where this build keeps its schemas: blanked too.
TEST_CASE("golden: whatif reports and fix --propose scenarios match their approved files", "[golden]") {
  struct Run {
    const char* file;
    const char* arguments;
  };
  const Run runs[] = {
      {"traditional-remove-layer.txt", "whatif samples/traditional/org.yaml --remove-layer P-0134 --move P-0170:P-0160"},
      {"traditional-remove-layer.json", "whatif samples/traditional/org.yaml --remove-layer P-0134 --move P-0170:P-0160 --format json"},
      {"rendanheyi-ecosystem.txt", "whatif samples/rendanheyi/org.yaml --scenario tests/workflow/scenario/ecosystem.yaml --fail-on never"},
      {"traditional-compare.txt", "whatif samples/traditional/org.yaml --scenario tests/workflow/scenario/flatter.yaml "
                                  "--scenario tests/workflow/scenario/proposed-traditional.yaml --fail-on never"},
      {"traditional-compare.json", "whatif samples/traditional/org.yaml --scenario tests/workflow/scenario/flatter.yaml "
                                   "--scenario tests/workflow/scenario/proposed-traditional.yaml --fail-on never --format json"},
      {"rendanheyi-ecosystem.md", "whatif samples/rendanheyi/org.yaml --scenario tests/workflow/scenario/ecosystem.yaml --fail-on never "
                                  "--format markdown"},
      {"traditional-compare.md", "whatif samples/traditional/org.yaml --scenario tests/workflow/scenario/flatter.yaml "
                                 "--scenario tests/workflow/scenario/proposed-traditional.yaml --fail-on never --format markdown"},
      {"traditional-propose.yaml", "fix --propose samples/traditional/org.yaml"},
      {"rendanheyi-propose.yaml", "fix --propose samples/rendanheyi/org.yaml"},
  };
  static const std::regex kSchemaUri(R"(\$schema=\S+/schemas/)");
  for (const Run& run : runs) {
    const CliRun result = run_orgaudit(std::string(run.arguments) + " --no-config");
    INFO(run.arguments << "\n" << result.err);
    REQUIRE(result.exit_code == 0);
    const std::string actual = std::regex_replace(normalise(result.out), kSchemaUri, "$$schema=<schemas>/");
    compare_with_golden(std::filesystem::path(ORGAUDIT_SOURCE_DIR) / "tests/golden/whatif" / run.file, actual);
  }
  // The HTML report's what-if section, its maps blanked: Graphviz's SVG is the map tests' business
  // (and the whole page's, in tests/golden/<sample>/report.html).
  const CliRun html = run_orgaudit("whatif samples/traditional/org.yaml --remove-layer P-0134 --move P-0170:P-0160 --format html --no-config");
  REQUIRE(html.exit_code == 0);
  const std::size_t start = html.out.find("<section id=\"whatif\">");
  REQUIRE(start != std::string::npos);
  std::string section = html.out.substr(start, html.out.find("</section>", start) - start) + "</section>\n";
  for (std::size_t svg = section.find("<svg"); svg != std::string::npos; svg = section.find("<svg", svg + 1))
    section.replace(svg, section.find("</svg>", svg) + 6 - svg, "<svg/>");  // std::regex recurses too deep on a map
  compare_with_golden(std::filesystem::path(ORGAUDIT_SOURCE_DIR) / "tests/golden/whatif/traditional-remove-layer.section.html", section);
}

TEST_CASE("golden: normalisation blanks only what varies between runs") {
  CHECK(pretty_json("{\"a\":[1,{\"b\":\"x,{\\\"y\\\"}\"}],\"c\":{},\"d\":[]}\n") ==
        "{\n  \"a\": [\n    1,\n    {\n      \"b\": \"x,{\\\"y\\\"}\"\n    }\n  ],\n  \"c\": {},\n  \"d\": []\n}\n");
  CHECK(normalise(std::string("t=\"2026-11-23T13:34:26\" v") + orgaudit::version()) == "t=\"<timestamp>\" v<version>");
  CHECK(normalise(ORGAUDIT_SOURCE_DIR "/samples/x.yaml as_of 2026-10-31") == "<root>/samples/x.yaml as_of 2026-10-31");
}
