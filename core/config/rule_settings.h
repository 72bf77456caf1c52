// The `rules:` block shared by profiles (rules/profiles/*.yaml) and config files: which rules run,
// at what severity, with what options.
//
//   rules:
//     "*": off                                  # patterns apply in order, like --disable/--enable
//     structure-*: on
//     structure-hierarchy-depth:
//       severity: error
//       options: {max-layers: 3, error-layers: 5}
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "engine/rule_catalog.h"

namespace orgaudit {

// Reads a `rules:` mapping into `selection`, after what is already there (later settings win).
// Throws InputError naming file:line:col for a malformed entry. Rule ids and option names are
// checked later, against the loaded packs, by configure_rules().
void read_rule_settings(const YAML::Node& rules, const std::string& file, RuleSelection& selection);

// "file:line:col" errors from a yaml-cpp node.
[[noreturn]] void fail_at(const YAML::Node& node, const std::string& file, const std::string& message);

}  // namespace orgaudit
