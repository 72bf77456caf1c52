#include "plugin/plugin_host.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "engine/engine.h"
#include "orgaudit/plugin.h"

using namespace orgaudit;

namespace {

std::string test_pack(const std::string& kind) {
  return std::string(ORGAUDIT_BINARY_DIR) + "/test-packs/" + kind + "/orgaudit-testpack.so";
}

// A host with one test pack loaded into its catalog (the host keeps the pack's library open).
struct HostWithPack {
  PluginHost host;
  RuleCatalog catalog;
  explicit HostWithPack(const std::string& kind) { host.load_file(test_pack(kind), catalog); }
};

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
  p.id = org.text("P1");
  p.name = org.text("Ada");
  p.where = {0, 3, 5};
  org.people.push_back(p);
  org.resolve();
  return org;
}

}  // namespace

TEST_CASE("a good pack registers its rules under its pack name") {
  HostWithPack loaded("good");
  const PluginHost& host = loaded.host;
  const RuleCatalog& catalog = loaded.catalog;
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
  CHECK_THAT(message, Catch::Contains("not an orgaudit rule pack") && Catch::Contains("orgaudit_describe_pack"));

  CHECK(load_error(test_pack("wrong_version"), message) == PluginError::version_mismatch);
  CHECK_THAT(message, Catch::Contains("version 42") && Catch::Contains("provides version " + std::to_string(ORGAUDIT_PLUGIN_API_VERSION)));

  CHECK(load_error(test_pack("duplicate"), message) == PluginError::duplicate_rule);
  CHECK_THAT(message, Catch::Contains("rule 'testpack-count-people' is registered twice by"));
}

TEST_CASE("a pack built for API version 2 is refused as a version mismatch, not as no pack") {
  std::string message;
  CHECK(load_error(test_pack("legacy"), message) == PluginError::version_mismatch);
  CHECK_THAT(message, Catch::Contains("built for plugin API version 2, but this orgaudit provides version " +
                                      std::to_string(ORGAUDIT_PLUGIN_API_VERSION)));
}

TEST_CASE("a pack built against another struct size or string ABI is refused with both values") {
  std::string message;
  CHECK(load_error(test_pack("wrong_layout"), message) == PluginError::layout_mismatch);
  const orgaudit_abi_layout host = abi_layout();
  CHECK_THAT(message, Catch::Contains("sizeof(orgaudit::Org) is " + std::to_string(host.org + sizeof(void*)) +
                                      " in the pack but " + std::to_string(host.org) + " in this orgaudit"));
  CHECK_THAT(message, Catch::Contains("libstdc++ string ABI (_GLIBCXX_USE_CXX11_ABI) is 0 in the pack but " +
                                      std::to_string(host.libstdcxx_abi) + " in this orgaudit"));
  // Only what differs is named.
  CHECK_THAT(message, !Catch::Contains("sizeof(orgaudit::Person)"));
}

TEST_CASE("an exception in a pack's register function is reported, not propagated, and nothing is kept") {
  PluginHost host;
  RuleCatalog catalog;
  try {
    host.load_file(test_pack("throws_while_registering"), catalog);
    FAIL("loading should have failed");
  } catch (const PluginError& e) {
    CHECK(e.kind() == PluginError::registration_failed);
    CHECK_THAT(e.what(), Catch::Contains("failed while registering its rules: no licence file"));
  }
  // It had registered one rule before throwing: that rule's factory lives in the closed module.
  CHECK(catalog.entries().empty());
  CHECK(host.packs().empty());
}

TEST_CASE("a pack registering a rule outside its prefix is refused, naming the id and the prefix") {
  std::string message;
  CHECK(load_error(test_pack("outside_prefix"), message) == PluginError::rule_outside_pack);
  CHECK_THAT(message, Catch::Contains("(pack 'testpack') registers rule 'structure-throws', outside its prefix") &&
                          Catch::Contains("must start with 'testpack-'"));
}

TEST_CASE("the same rule id from two packs is refused and the second pack adds nothing") {
  HostWithPack loaded("good");
  PluginHost& host = loaded.host;
  RuleCatalog& catalog = loaded.catalog;
  try {
    host.load_file(test_pack("throwing"), catalog);
    FAIL("loading should have failed");
  } catch (const PluginError& e) {
    CHECK(e.kind() == PluginError::duplicate_rule);
    CHECK_THAT(e.what(), Catch::Contains("rule 'testpack-count-people' is registered by both") &&
                             Catch::Contains("/good/orgaudit-testpack.so and") &&
                             Catch::Contains("/throwing/orgaudit-testpack.so"));
  }
  CHECK(catalog.ids() == std::vector<std::string>{"testpack-count-people"});
  CHECK(host.packs().size() == 1);
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
  const HostWithPack loaded("throwing");
  RuleSelection selection;
  selection.options["testpack-count-people"]["label"] = "root";
  const auto rules = configure_rules(loaded.catalog, selection);
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
  const HostWithPack loaded("good");
  const RuleCatalog& catalog = loaded.catalog;
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
