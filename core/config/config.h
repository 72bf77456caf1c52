// `.orgaudit.yaml`: the project's audit settings, found by searching upward from the first input
// (or given with --config FILE). Documented in docs/config.md.
//
//   orgaudit-config: 1
//   profile: classic
//   rules: { ... }                 # as in profiles (config/rule_settings.h)
//   grade-order: [SCS4, SCS3, ...] # shorthand for structure-grade-inversion's grade-order
//   fail-on: warning
//   min-score: 70
//   input: {format: csv, preset: bamboohr, columns: {id: EmpNo, manager: BossNo}}
//   suppressions:
//     - {rule: structure-span-of-control, entity: P-17, reason: "...", expires: 2027-03-31}
//   rule-files: [rules/sales.yaml]    # YAML rules (docs/yaml-rules.md), relative to this file
//   custom-rules: [{id: custom-..., ...}]   # YAML rules written here
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule_catalog.h"
#include "io/file_system.h"
#include "orgaudit/date.h"
#include "orgaudit/source_location.h"

namespace orgaudit {

namespace yaml_rules {
struct RuleDefinition;
}

// A finding the team has decided to accept, for inputs that cannot carry comments (CSV, XML).
struct ConfigSuppression {
  std::string rule;    // rule id
  std::string entity;  // entity id the finding is about
  std::string reason;  // required
  std::optional<Date> expires;
  std::uint32_t line = 0;  // in the config file, for "unused suppression" reports
  std::uint32_t column = 0;
};

struct InputSettings {
  std::string format;  // as --input-format
  std::string preset;  // as --preset
  std::map<std::string, std::string> columns;  // canonical field -> column (or XPath) in the export
  std::optional<std::uint64_t> max_bytes;      // max-size: larger inputs are refused (e.g. 500MB)
  std::optional<unsigned> max_depth;           // max-depth: deeper XML nesting is refused
  std::optional<std::uint64_t> max_field_bytes;  // max-field-size: a longer value is refused
  std::optional<std::uint64_t> max_records;      // max-records: an input with more records is refused
};

struct SourcePlace {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

// Where a rule id or pattern is written under `rules:` (or implied by `grade-order:`), so an unknown
// one is reported at its line once the packs are loaded.
struct ConfigRuleKey {
  std::string pattern;
  std::string setting;  // "rules" or "grade-order"
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

// Where a rule option is set (under `rules:`, or `grade-order:`), so a bad name or value is
// reported at its line once the packs are known.
struct ConfigOptionPlace {
  std::string rule;
  std::string option;
  SourcePlace name;   // an unknown option is reported here
  SourcePlace value;  // a value of the wrong type here
};

struct Config {
  std::string path;  // empty: no config file
  std::string profile;
  RuleSelection rules;
  std::vector<ConfigRuleKey> rule_keys;
  std::vector<ConfigOptionPlace> option_places;
  std::optional<std::string> fail_on;
  std::optional<double> min_score;
  InputSettings input;
  std::vector<ConfigSuppression> suppressions;
  std::string baseline;  // path, relative to the config file's directory
  std::vector<std::string> rule_files;  // YAML rule files, as paths usable from here
  std::vector<std::shared_ptr<const yaml_rules::RuleDefinition>> custom_rules;  // `custom-rules:`, read
  std::string custom_rules_yaml;  // the same as written (re-emitted), for `config --dump`
};

inline constexpr const char* kConfigFileName = ".orgaudit.yaml";

// The nearest `.orgaudit.yaml` in `start_directory` or above it, or "" when there is none.
std::string find_config(const FileSystem& files, const std::string& start_directory);

// A score gate as written on the command line or in the config: a plain decimal number from 0 to
// 100, or nullopt. NaN, infinities and out-of-range values are refused, since a gate compared with
// them could never fail (or never pass).
std::optional<double> parse_min_score(std::string_view text);

// Reads a config file. Throws InputError with file:line:col for unknown keys (with a
// did-you-mean), wrong types, a suppression without a reason, a malformed expiry date.
Config load_config(const FileSystem& files, const std::string& path);

// Every rule id or pattern the config names must match a loaded rule, and every option it sets
// must be one the rule declares, with a value of its type. Throws InputError at the key's or
// option's file:line:col with a did-you-mean (the packs are known only after loading, so this runs
// separately from load_config).
void check_config_rules(const Config& config, const RuleCatalog& catalog);

}  // namespace orgaudit
