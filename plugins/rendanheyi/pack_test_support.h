// What the pack's tests share: the rule catalog as the CLI builds it (every installed pack and the
// import-* rules) and the findings of one org file under a profile.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "config/profile.h"
#include "engine/engine.h"
#include "engine/import_rules.h"
#include "io/file_system.h"
#include "loader/yaml_loader.h"
#include "orgaudit/metrics.h"
#include "plugin/plugin_host.h"

namespace orgaudit::rendanheyi::testing {

inline const RuleCatalog& catalog() {
  static RuleCatalog c = [] {
    RuleCatalog loaded;
    PluginHost host;
    host.load_directory(PluginHost::installed_directory(), loaded);
    register_import_rules(loaded);  // as the CLI does: the profiles enable import-*
    return loaded;
  }();
  return c;
}

inline std::vector<std::string> pack_rules() {
  std::vector<std::string> ids;
  for (const CatalogEntry& entry : catalog().entries())
    if (entry.info.pack == "rendanheyi") ids.push_back(entry.info.id);
  return ids;
}

inline std::vector<Finding> findings_of(const std::filesystem::path& file, const std::string& profile) {
  Org org;
  std::vector<Diagnostic> warnings;
  NoProgress progress;
  RealFileSystem files;
  load_yaml_org(files, file.string(), org, warnings, progress);
  org.resolve();
  const OrgMetrics metrics = OrgMetrics::compute(org);
  RuleSelection selection;
  apply_profile(profile, profile_directories(), selection);
  return run_rules(org, metrics, configure_rules(catalog(), selection)).findings;
}

}  // namespace orgaudit::rendanheyi::testing
