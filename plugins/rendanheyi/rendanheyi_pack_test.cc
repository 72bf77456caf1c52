// The Rendanheyi pack as a whole: its shared helpers, what every rule must come with (fixtures at
// its threshold edges, a doc page, a line in the pack README) and its profiles. The samples are
// checked in samples_test.cc.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "pack_test_support.h"
#include "rendanheyi_support.h"
#include "workflow/fixture_expectations.h"
#include "subtree_groups.h"

using namespace orgaudit;
using namespace orgaudit::rendanheyi;
using namespace orgaudit::rendanheyi::testing;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = ORGAUDIT_SOURCE_DIR;

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The finding of a rule whose message starts with `start` (REQUIREd to exist).
Finding finding_starting(const std::vector<Finding>& findings, const std::string& rule, const std::string& start) {
  for (const Finding& f : findings)
    if (f.rule_id == rule && f.message.rfind(start, 0) == 0) return f;
  FAIL("no " << rule << " finding starting " << start);
  return {};
}

}  // namespace

TEST_CASE("rendanheyi helpers: series read from the end") {
  CHECK(trailing_falls({4.5, 4.6, 4.6, 4.4, 4.1, 3.8}) == 3);
  CHECK(trailing_falls({4.0, 3.0, 3.0}) == 0);  // flat is not falling
  CHECK(trailing_falls({}) == 0);
  CHECK(trailing_falls({1}) == 0);
  CHECK(trailing_zeros({1, 0, 0, 0}) == 3);
  CHECK(trailing_zeros({0, 0}) == 2);
  CHECK(trailing_zeros({0, 1}) == 0);
  CHECK(trailing_losses({5, -1, -2}) == 2);
  CHECK(trailing_losses({-1, 0}) == 0);  // breaking even is not a loss
}

TEST_CASE("rendanheyi helpers: profit from a period table") {
  PeriodTable table;
  table.series = {{"revenue", {10, 5}, {}}, {"costs", {8, 7}, {}}};
  CHECK(profit_per_period(table) == std::vector<double>{2, -2});
  table.series.push_back({"profit", {1, 1}, {}});
  CHECK(profit_per_period(table) == std::vector<double>{1, 1});  // a stated profit wins
  PeriodTable statement;
  statement.series = {{"revenues", {3}, {}}, {"costs", {4}, {}}};
  CHECK(profit_per_period(statement) == std::vector<double>{-1});
  CHECK(profit_per_period(PeriodTable{}).empty());
}

TEST_CASE("rendanheyi helpers: wording") {
  CHECK(number(17) == "17");
  CHECK(number(16.5) == "16.5");
  CHECK(number(-0.636363) == "-0.64");
  CHECK(number(-0.0001) == "0");
  CHECK(percent_change(5200, 5150) == "-1%");
  CHECK(percent_change(100, 184) == "+84%");
  CHECK(percent_change(100, 100.2) == "0%");
  CHECK(joined({"a"}) == "a");
  CHECK(joined({"a", "b", "c"}) == "a, b and c");
  CHECK(count_of(1, "period") == "1 period");
  CHECK(count_of(3, "period") == "3 periods");
}

TEST_CASE("every rendanheyi rule has a doc page, a README line and fixtures that flag something") {
  const std::vector<std::string> ids = pack_rules();
  REQUIRE(ids.size() == 9);
  const std::string readme = read_text(kSource / "rules" / "rendanheyi" / "README.md");
  for (const std::string& id : ids) {
    INFO("rule " << id);
    CHECK(fs::is_regular_file(kSource / "rules" / "rendanheyi" / (id + ".md")));
    CHECK(readme.find("(" + id + ".md)") != std::string::npos);
    const fs::path dir = kSource / "tests" / "fixtures" / id;
    REQUIRE(fs::is_directory(dir));
    std::size_t files = 0, violations = 0;
    for (const auto& file : fs::directory_iterator(dir)) {
      if (file.path().extension() != ".yaml") continue;
      ++files;
      const std::string text = read_text(file.path());
      // A finding other than the not-assessed note (which sits on line 1).
      std::istringstream lines(text);
      std::string line;
      for (int n = 1; std::getline(lines, line); ++n)
        if (n > 1 && line.find("# expect: " + id) != std::string::npos) ++violations;
    }
    CHECK(files >= 3);
    CHECK(violations >= 2);
  }
}

TEST_CASE("the rendanheyi profiles run both packs with the model's thresholds") {
  RuleSelection selection;
  const Profile p = apply_profile("rendanheyi", profile_directories(), selection);
  CHECK(p.name == "rendanheyi");
  CHECK(selection.options["structure-hierarchy-depth"]["max-layers"] == "3");
  CHECK(selection.options["rendanheyi-me-size"]["max-size"] == "15");
  CHECK(selection.options["rendanheyi-me-size"]["error-size"] == "20");
  std::size_t enabled_pack_rules = 0;
  for (const ConfiguredRule& rule : configure_rules(catalog(), selection))
    enabled_pack_rules += rule.entry->info.pack == "rendanheyi";
  CHECK(enabled_pack_rules == 9);

  RuleSelection strict;
  apply_profile("rendanheyi-strict", profile_directories(), strict);
  CHECK(strict.options["rendanheyi-me-size"]["max-size"] == "9");  // the seeds' "less than 10"
  CHECK(strict.options["structure-hierarchy-depth"]["max-layers"] == "3");  // from rendanheyi
  CHECK(std::stol(strict.options["rendanheyi-emc-contract"]["max-age-days"]) <
        std::stol(selection.options["rendanheyi-emc-contract"]["max-age-days"]));
}

TEST_CASE("rendanheyi-strict flags an ME of 10 people: the seeds' MEs are \"preferably less than 10\"") {
  // The fixture is written for the seeds' figure; the profile must find exactly what it expects.
  const fs::path fixture = kSource / "tests/fixtures/rendanheyi-me-size/seed-size.yaml";
  std::ifstream text(fixture);
  const fixtures::FixtureComments comments = fixtures::parse_fixture_comments(text);
  RuleSelection strict;
  apply_profile("rendanheyi-strict", profile_directories(), strict);
  CHECK(strict.options["rendanheyi-me-size"] == comments.options);

  std::vector<fixtures::ActualFinding> actual;
  for (const Finding& f : findings_of(fixture, "rendanheyi-strict"))
    if (f.rule_id == "rendanheyi-me-size") actual.push_back({f.where.line, f.rule_id, f.severity, f.message});
  const fixtures::FixtureDiff diff = fixtures::compare_findings(comments.expected, actual);
  INFO(fixtures::format_diff(fixture.string(), diff));
  CHECK(diff.empty());
  REQUIRE_FALSE(actual.empty());
  // The number in the message is the audit's, and Haier's own figure is quoted as such.
  CHECK(actual.front().message == "'Ten ME' has grown to 10 people, above this audit's max-size of 9 (Haier's MEs are "
                                  "\"preferably made up of less than 10 people\"): split it into smaller MEs, as Haier "
                                  "does when MEs grow big");
}

TEST_CASE("bad Rendanheyi data is refused with file:line:col, never passed silently") {
  struct Case {
    const char* yaml;
    const char* where;
    const char* message;
  };
  const Case cases[] = {
      {"orgaudit: 1\nunits:\n  - id: ME\n    kind: me\n    metrics:\n      periods: [a, b, c]\n      headcount: [1, 2]\n",
       ":7:7", "'headcount' has 2 values but 'periods' has 3"},
      {"orgaudit: 1\nunits:\n  - id: ME\n    kind: me\n    metrics:\n      periods: [a, b]\n      headcount: [1, -2]\n",
       ":7:22", "headcount cannot be negative"},
      {"orgaudit: 1\nunits:\n  - id: EMC\n    kind: emc\n    contract: {updated: 2026-13-01}\n", ":5:25",
       "expected a date"},
  };
  const fs::path path = fs::temp_directory_path() / "orgaudit-rendanheyi-bad.yaml";
  for (const Case& c : cases) {
    INFO(c.yaml);
    std::ofstream(path) << c.yaml;
    Org org;
    std::vector<Diagnostic> warnings;
    NoProgress progress;
    RealFileSystem files;
    try {
      load_yaml_org(files, path.string(), org, warnings, progress);
      FAIL("loaded without an error");
    } catch (const InputError& e) {
      const std::string text = e.diagnostic().format("error");
      CHECK_THAT(text, Catch::Contains(path.string() + c.where) && Catch::Contains(c.message));
    }
  }
  fs::remove(path);
}

TEST_CASE("a subtree of silos is one finding that still affects every unit of it, for scoring") {
  const auto found = findings_of(kSource / "tests/fixtures/rendanheyi-silo/subtree.yaml", "rendanheyi");
  const Finding finance = finding_starting(found, "rendanheyi-silo", "'Finance' and its 12 sub-units");
  CHECK(finance.key == "reporting-lines-only");
  CHECK(finance.affected.size() == 13);  // Finance and its twelve sub-units
  CHECK(finance.related.size() == 1 + kListedSubUnits);  // the parent, then the first sub-units
  CHECK(finance.related.back().message == "sub-unit, also a silo: 'Finance 1.1.2'");  // the 10th in file order
  std::set<std::uint32_t> affected;  // thirteen distinct units, Finance itself first
  for (const AffectedEntity& a : finance.affected) {
    CHECK(a.entity.kind == EntityRef::unit);
    affected.insert(a.entity.index);
  }
  CHECK(affected.size() == 13);
  REQUIRE(finance.subject());
  CHECK(finance.affected.front().entity == *finance.subject());
}

TEST_CASE("a subtree with no path to users is one finding that affects its sub-units") {
  const auto found = findings_of(kSource / "tests/fixtures/rendanheyi-zero-distance/subtree.yaml", "rendanheyi");
  const Finding top = finding_starting(found, "rendanheyi-zero-distance", "'Company' and its 3 sub-units");
  CHECK(top.key == "hierarchy-only");
  CHECK(top.affected.size() == 4);
  const Finding island = finding_starting(found, "rendanheyi-zero-distance", "'Island' and its 2 sub-units");
  CHECK(island.key == "no-path");
  CHECK(island.affected.size() == 3);
  CHECK(finding_starting(found, "rendanheyi-zero-distance", "'Under the ME'").affected.empty());
}
