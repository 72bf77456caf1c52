// Runs every rule fixture: tests/fixtures/<rule-id>/*.yaml, with only that rule enabled, and checks
// that its findings are exactly the file's `# expect:` comments (format: fixture_expectations.h).
// Packs load from the installed-relative plugin directory, as the CLI loads them.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/engine.h"
#include "cli_runner.h"
#include "fixture_expectations.h"
#include "io/file_system.h"
#include "loader/yaml_loader.h"
#include "orgaudit/metrics.h"
#include "plugin/plugin_host.h"
#include "yaml_rules/yaml_rule.h"

using namespace orgaudit;
using namespace orgaudit::fixtures;
namespace fs = std::filesystem;

namespace {

using orgaudit::testing::ScratchDir;

const fs::path kFixtureRoot = fs::path(ORGAUDIT_SOURCE_DIR) / "tests" / "fixtures";

// Every fixture file, relative to the source directory, in a stable order.
std::vector<std::string> fixture_files() {
  std::vector<std::string> files;
  if (!fs::is_directory(kFixtureRoot)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(kFixtureRoot))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml")
      files.push_back(fs::relative(entry.path(), ORGAUDIT_SOURCE_DIR).generic_string());
  std::sort(files.begin(), files.end());
  return files;
}

const fs::path kCookbook = fs::path(ORGAUDIT_SOURCE_DIR) / "rules" / "cookbook";

// The built-in packs, and the YAML rules of docs/yaml-rules.md's cookbook, as `--rules` loads them.
const RuleCatalog& installed_catalog() {
  static RuleCatalog catalog = [] {
    RuleCatalog c;
    PluginHost host;
    host.load_directory(PluginHost::installed_directory(), c);
    std::set<std::string> packs;
    for (const LoadedPack& pack : host.packs()) packs.insert(pack.name);
    RealFileSystem disk;
    for (const auto& file : fs::directory_iterator(kCookbook))
      yaml_rules::register_rules(c, yaml_rules::read_rule_file(disk, file.path().string()), packs);
    return c;
  }();
  return catalog;
}

// An expectation of a rule on a line, as `# expect: rule[:severity]` writes it.
ExpectedFinding expect(std::uint32_t line, const std::string& rule_id, std::optional<Severity> severity = {}) {
  ExpectedFinding e;
  e.line = line;
  e.rule_id = rule_id;
  e.severity = severity;
  return e;
}

// Runs `rule_id` alone over the fixture at `path` and compares its findings with the comments.
FixtureDiff run_fixture(const fs::path& path, const std::string& rule_id) {
  std::ifstream text(path);
  REQUIRE(text);
  const FixtureComments comments = parse_fixture_comments(text);
  for (const std::string& error : comments.errors) FAIL_CHECK(error);

  Org org;
  std::vector<Diagnostic> warnings;
  NoProgress progress;
  RealFileSystem files_on_disk;
  load_yaml_org(files_on_disk, path.string(), org, warnings, progress);
  // An unknown key in a fixture is a typo that would silently test something else.
  for (const Diagnostic& warning : warnings) FAIL_CHECK(warning.format("warning"));
  org.resolve();
  const OrgMetrics metrics = OrgMetrics::compute(org);

  RuleSelection selection;
  selection.toggles = {{false, "*"}, {true, rule_id}};
  if (!comments.options.empty()) selection.options[rule_id] = comments.options;
  const RunResult result = run_rules(org, metrics, configure_rules(installed_catalog(), selection));

  std::vector<ActualFinding> actual;
  for (const Finding& f : result.findings)
    actual.push_back({f.where.line, f.rule_id, f.severity, f.message, f.where.column});
  return compare_findings(comments.expected, actual);
}

}  // namespace

TEST_CASE("rule fixtures find exactly what their comments expect") {
  const std::vector<std::string> files = fixture_files();
  REQUIRE_FALSE(files.empty());
  const std::string relative = GENERATE_COPY(from_range(files));
  INFO("fixture " << relative);
  const fs::path path = fs::path(ORGAUDIT_SOURCE_DIR) / relative;
  // The directory names the rule under test.
  const std::string rule_id = path.parent_path().filename().string();
  REQUIRE(installed_catalog().find(rule_id) != nullptr);
  const FixtureDiff diff = run_fixture(path, rule_id);
  INFO(format_diff(relative, diff));
  CHECK(diff.empty());
}

// The whole harness, on a real fixture whose expectation is edited: a wrong column or message must
// fail it, the right ones pass.
TEST_CASE("fixture harness: a wrong column or message fails the fixture") {
  const fs::path original = kFixtureRoot / "structure-integrity" / "self-management.yaml";
  std::ifstream in(original);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  const std::string expectation = "# expect: structure-integrity:error";
  REQUIRE(text.find(expectation) != std::string::npos);
  ScratchDir dir("fixture-self-test");
  const auto diff_with = [&](const std::string& attributes) {
    std::string edited = text;
    const auto at = edited.find(expectation) + expectation.size();
    edited.erase(at, edited.find('\n', at) - at);  // whatever the fixture pins now
    edited.insert(at, attributes);
    const fs::path path = fs::path(dir.path) / "self-management.yaml";
    std::ofstream(path) << edited;
    return run_fixture(path, "structure-integrity");
  };
  CHECK(diff_with(" col=14 message=\"'Narcissus' is their own manager\"").empty());
  CHECK(diff_with(" col=14 message=/their own manager$/").empty());
  for (const std::string wrong : {" col=5", " col=15", " message=\"'Narcissus' is their own manager.\"",
                                  " message=/Narcissus' manages/", " col=5 message=/their own manager/"}) {
    INFO("expect: structure-integrity:error" << wrong);
    const FixtureDiff diff = diff_with(wrong);
    CHECK(diff.missing.size() == 1);
    CHECK(diff.unexpected.size() == 1);
  }
}

TEST_CASE("every structure rule has fixtures") {
  for (const CatalogEntry& entry : installed_catalog().entries()) {
    if (entry.info.pack != "structure") continue;
    INFO("rule " << entry.info.id);
    const fs::path dir = kFixtureRoot / entry.info.id;
    CHECK(fs::is_directory(dir));
    std::size_t count = 0;
    if (fs::is_directory(dir))
      for (const auto& file : fs::directory_iterator(dir)) count += file.path().extension() == ".yaml";
    CHECK(count > 0);
  }
}

TEST_CASE("every cookbook rule has fixtures") {
  std::size_t rules = 0;
  for (const CatalogEntry& entry : installed_catalog().entries()) {
    if (entry.info.pack != "custom") continue;
    ++rules;
    INFO("cookbook rule " << entry.info.id);
    CHECK(fs::is_directory(kFixtureRoot / entry.info.id));
  }
  CHECK(rules == 10);  // docs/yaml-rules.md promises ten
}

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
