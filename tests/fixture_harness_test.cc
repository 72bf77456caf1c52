// Runs every rule fixture: tests/fixtures/<rule-id>/*.yaml, with only that rule enabled, and checks
// that its findings are exactly the file's `# expect:` comments (format: fixture_expectations.h).
// Packs load from the installed-relative plugin directory, as the CLI loads them.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/engine.h"
#include "fixture_expectations.h"
#include "io/file_system.h"
#include "loader/yaml_loader.h"
#include "orgaudit/metrics.h"
#include "plugin/plugin_host.h"

using namespace orgaudit;
using namespace orgaudit::fixtures;
namespace fs = std::filesystem;

namespace {

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

const RuleCatalog& installed_catalog() {
  static RuleCatalog catalog = [] {
    RuleCatalog c;
    PluginHost host;
    host.load_directory(PluginHost::installed_directory(), c);
    return c;
  }();
  return catalog;
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
  for (const Finding& f : result.findings) actual.push_back({f.where.line, f.rule_id, f.severity, f.message});
  const FixtureDiff diff = compare_findings(comments.expected, actual);
  INFO(format_diff(relative, diff));
  CHECK(diff.empty());
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

// The harness's own comparison must fail when it should: a harness that passes everything proves nothing.
TEST_CASE("fixture comparison: a missing finding is reported") {
  const std::vector<ExpectedFinding> expected{{7, "structure-hierarchy-depth", {}}, {9, "structure-integrity", {}}};
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
  const std::vector<ExpectedFinding> expected{{7, "structure-hierarchy-depth", {}}};
  const std::vector<ActualFinding> actual{{7, "structure-hierarchy-depth", Severity::warning, "'A' is deep"},
                                          {7, "structure-hierarchy-depth", Severity::error, "'A' again"}};
  const FixtureDiff diff = compare_findings(expected, actual);
  CHECK(diff.missing.empty());
  REQUIRE(diff.unexpected.size() == 1);
  CHECK(format_diff("f.yaml", diff) == "f.yaml: 0 missing, 1 unexpected finding\n"
                                       "  unexpected: f.yaml:7: error: 'A' again [structure-hierarchy-depth]\n");
  // The same finding on another line, or from another rule, is both missing and unexpected.
  const FixtureDiff moved = compare_findings({{8, "structure-hierarchy-depth", {}}}, {actual[0]});
  CHECK(moved.missing.size() == 1);
  CHECK(moved.unexpected.size() == 1);
}

TEST_CASE("fixture comparison: repeats are a multiset and a pinned severity must match") {
  const ActualFinding warning{3, "r", Severity::warning, "w"};
  const ActualFinding error{3, "r", Severity::error, "e"};
  CHECK(compare_findings({{3, "r", {}}, {3, "r", {}}}, {warning, error}).empty());
  CHECK(compare_findings({{3, "r", {}}, {3, "r", {}}}, {warning}).missing.size() == 1);
  // The unpinned expectation must not take the error finding the pinned one needs.
  CHECK(compare_findings({{3, "r", {}}, {3, "r", Severity::error}}, {error, warning}).empty());
  CHECK(compare_findings({{3, "r", Severity::error}}, {warning}).unexpected.size() == 1);
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
