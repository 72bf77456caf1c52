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

#include <cstdint>
#include <string>

#include <yaml-cpp/yaml.h>

#include "engine/rule_catalog.h"
#include "io/file_system.h"

namespace orgaudit {

// Reads a `rules:` mapping into `selection`, after what is already there (later settings win).
// Throws InputError naming file:line:col for a malformed entry. Rule ids and option names are
// checked later, against the loaded packs, by configure_rules().
void read_rule_settings(const YAML::Node& rules, const std::string& file, RuleSelection& selection);

// "file:line:col" errors from a yaml-cpp node.
[[noreturn]] void fail_at(const YAML::Node& node, const std::string& file, const std::string& message);

// A setting's value, which must be a scalar ("`what` must be a single value" at the node otherwise).
std::string scalar_text(const YAML::Node& node, const std::string& file, const std::string& what);

// A config or profile file, parsed. Its syntax is checked first with libyaml, which refuses what
// yaml-cpp lets through (an unclosed quoted scalar at the end of the file, raw control characters,
// bytes that are not UTF-8); every error is an InputError at file:line:col. Files larger than
// kMaxSettingsFileBytes are refused unread.
inline constexpr std::uint64_t kMaxSettingsFileBytes = 16u << 20;
YAML::Node load_settings_file(const FileSystem& files, const std::string& path);

}  // namespace orgaudit
