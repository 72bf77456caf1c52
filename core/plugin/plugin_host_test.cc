#include "plugin/plugin_host.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "engine/engine.h"

using namespace orgaudit;

namespace {

std::string test_pack(const std::string& kind) {
  return std::string(ORGAUDIT_BINARY_DIR) + "/test-packs/" + kind + "/orgaudit-testpack.so";
}

PluginError::Kind load_error(const std::string& path, std::string& message) {
  PluginHost host;
  RuleCatalog catalog;
  try {
    host.load_file(path, catalog);
  } catch (const PluginError& e) {
    message = e.what();
    return e.kind();
  }
  FAIL("loading " << path << " should have failed");
  throw;
}

Org one_person_org() {
  Org org;
  org.add_file("org.yaml");
  Person p;
  p.id = "P1";
  p.name = "Ada";
  p.where = {0, 3, 5};
  org.people.push_back(p);
  org.resolve();
  return org;
}

}  // namespace

TEST_CASE("a good pack registers its rules under its pack name") {
  PluginHost host;
  RuleCatalog catalog;
  host.load_file(test_pack("good"), catalog);
  REQUIRE(host.packs().size() == 1);
  CHECK(host.packs()[0].name == "testpack");
  CHECK(host.packs()[0].rule_count == 1);
  const CatalogEntry* entry = catalog.find("testpack-count-people");
  REQUIRE(entry);
  CHECK(entry->info.pack == "testpack");
}

TEST_CASE("plugin load failures are distinct and explained") {
  std::string message;
  CHECK(load_error("/nonexistent/orgaudit-x.so", message) == PluginError::file_not_found);
  CHECK_THAT(message, Catch::Contains("file not found"));

  const auto zero = std::filesystem::temp_directory_path() / "orgaudit-zero-byte.so";
  std::ofstream(zero).close();
  CHECK(load_error(zero.string(), message) == PluginError::not_loadable);
  CHECK_THAT(message, Catch::Contains("cannot be loaded"));
  std::filesystem::remove(zero);

  CHECK(load_error(test_pack("no_entry_point"), message) == PluginError::missing_entry_point);
  CHECK_THAT(message, Catch::Contains("not an orgaudit rule pack") && Catch::Contains("orgaudit_get_pack_info"));

  CHECK(load_error(test_pack("wrong_version"), message) == PluginError::version_mismatch);
  CHECK_THAT(message, Catch::Contains("version 42") && Catch::Contains("provides version 2"));

  CHECK(load_error(test_pack("duplicate"), message) == PluginError::duplicate_rule);
  CHECK_THAT(message, Catch::Contains("testpack-count-people"));
}

TEST_CASE("the same rule id from two packs is refused") {
  PluginHost host;
  RuleCatalog catalog;
  host.load_file(test_pack("good"), catalog);
  CHECK_THROWS_AS(host.load_file(test_pack("throwing"), catalog), PluginError);
}

TEST_CASE("a missing plugin directory is an error") {
  PluginHost host;
  RuleCatalog catalog;
  CHECK_THROWS_WITH(host.load_directory("/nonexistent-dir", catalog), Catch::Contains("not found"));
}

TEST_CASE("built-in packs load through the same path") {
  PluginHost host;
  RuleCatalog catalog;
  host.load_directory(PluginHost::installed_directory(), catalog);
  REQUIRE(host.packs().size() >= 2);
  // Loaded in file-name order: orgaudit-rendanheyi.so, orgaudit-structure.so.
  CHECK(host.packs()[0].name == "rendanheyi");
  CHECK(host.packs()[1].name == "structure");
}

TEST_CASE("a rule that throws becomes an error finding and the others still run") {
  PluginHost host;
  RuleCatalog catalog;
  host.load_file(test_pack("throwing"), catalog);
  RuleSelection selection;
  selection.options["testpack-count-people"]["label"] = "root";
  const auto rules = configure_rules(catalog, selection);
  const Org org = one_person_org();
  const OrgMetrics metrics = OrgMetrics::compute(org);
  const RunResult run = run_rules(org, metrics, rules);
  REQUIRE(run.findings.size() == 2);
  bool saw_crash = false, saw_other = false;
  for (const Finding& f : run.findings) {
    if (f.rule_id == "testpack-throws") {
      saw_crash = true;
      CHECK(f.severity == Severity::error);
      CHECK_THAT(f.message, Catch::Contains("testpack-throws") && Catch::Contains("deliberate failure"));
    }
    if (f.rule_id == "testpack-count-people") {
      saw_other = true;
      CHECK(f.message == "root of 1");
      CHECK(f.where.line == 3);
    }
  }
  CHECK(saw_crash);
  CHECK(saw_other);
}

TEST_CASE("options are validated against the rule's declaration") {
  PluginHost host;
  RuleCatalog catalog;
  host.load_file(test_pack("good"), catalog);
  RuleSelection typo;
  typo.options["testpack-count-people"]["lable"] = "x";
  CHECK_THROWS_WITH(configure_rules(catalog, typo), Catch::Contains("did you mean 'label'"));
  RuleSelection unknown_rule;
  unknown_rule.toggles.emplace_back(true, "testpack-count-peple");
  CHECK_THROWS_WITH(configure_rules(catalog, unknown_rule), Catch::Contains("did you mean 'testpack-count-people'"));
  RuleSelection off;
  off.toggles.emplace_back(false, "*");
  CHECK(configure_rules(catalog, off).empty());
}
