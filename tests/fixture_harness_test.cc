// Runs every rule fixture: tests/fixtures/<rule-id>/*.yaml, with only that rule enabled, and checks
// that its findings are exactly the file's `# expect:` comments (docs/rule-fixtures.md), through the
// runner `orgaudit test-rules` uses. Packs load from the installed-relative plugin directory, as the
// CLI loads them.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cli_runner.h"
#include "io/file_system.h"
#include "plugin/plugin_host.h"
#include "workflow/rule_fixture.h"
#include "yaml_rules/yaml_rule.h"

using namespace orgaudit;
using namespace orgaudit::fixtures;
namespace fs = std::filesystem;

namespace {

using orgaudit::testing::ScratchDir;

const fs::path kFixtureRoot = fs::path(ORGAUDIT_SOURCE_DIR) / "tests" / "fixtures";

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

FixtureDiff run_fixture(const fs::path& path, const std::string& rule_id) {
  const FixtureResult result = fixtures::run_fixture(RealFileSystem(), {path.string(), rule_id}, installed_catalog());
  for (const std::string& problem : result.problems) FAIL_CHECK(problem);
  return result.diff;
}

}  // namespace

TEST_CASE("rule fixtures find exactly what their comments expect") {
  const std::vector<FixtureFile> files = find_fixtures(RealFileSystem(), kFixtureRoot.string());
  REQUIRE(files.size() > 50);
  const FixtureFile fixture = GENERATE_COPY(from_range(files));
  INFO("fixture " << fixture.path);
  REQUIRE(installed_catalog().find(fixture.rule_id) != nullptr);
  const FixtureDiff diff = run_fixture(fixture.path, fixture.rule_id);
  INFO(format_diff(fixture.path, diff));
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
