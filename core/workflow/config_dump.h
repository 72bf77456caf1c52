// `orgaudit config --dump`: the effective configuration, every default spelled out, written as a
// .orgaudit.yaml that orgaudit reads back to the same settings.
#pragma once

#include <string>
#include <vector>

#include "config/config.h"
#include "engine/rule_catalog.h"

namespace orgaudit {

struct EffectiveConfig {
  std::vector<std::string> sources;  // what was layered, lowest first: "defaults", "profile classic", ...
  std::string profile;
  const Config& config;              // fail-on, min-score, input, suppressions, baseline
  const RuleCatalog& catalog;        // every loaded rule, on or off
  const RuleSelection& selection;    // profile, config and command line merged (validated already)
  std::string fail_on;               // effective: config, else the default
  std::vector<std::string> rule_files;  // YAML rule files read (the config's and --rules), as absolute paths
};

std::string dump_config(const EffectiveConfig& effective);

}  // namespace orgaudit
