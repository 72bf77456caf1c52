// A YAML rule as read from its file (docs/yaml-rules.md): what it declares, and its select, where,
// counts and message compiled once. Reading it checks every key, field, metric, option and value,
// and fails at the file's line and column with a did-you-mean.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "io/file_system.h"
#include "orgaudit/rule.h"
#include "yaml_rules/condition.h"

namespace orgaudit::yaml_rules {

// A piece of a message template: literal text, a field's value, or an option's.
struct MessagePiece {
  enum Kind : std::uint8_t { literal, field, option } kind = literal;
  std::string text;
  std::uint32_t index = 0;  // field: into RuleDefinition::message_fields; option: into options
};

// The units an `in-unit` names: written in the rule, or a string or list option's (`$sales-unit`).
struct UnitSet {
  std::vector<std::string> ids;
  bool from_option = false;
  std::uint32_t option = 0;
};

struct RuleDefinition {
  std::string id;    // "<prefix>-<name>"
  std::string pack;  // the prefix
  std::string summary;
  Severity severity = Severity::warning;
  std::string dimension;
  std::string doc;  // Markdown, for `rules --explain`, SARIF help and the HTML report
  std::vector<OptionSpec> options;

  Condition select;
  Condition where;
  std::vector<Count> counts;
  std::vector<UnitSet> unit_sets;  // what each `in-unit` names, by slot
  std::vector<std::string> metric_series;           // every series a field names
  std::vector<MessagePiece> message;
  std::vector<FieldRef> message_fields;
  OrgView::Needs needs;

  std::string file;
  std::uint32_t line = 0, column = 0;  // where `- id:` is
};

using Definitions = std::vector<std::shared_ptr<const RuleDefinition>>;

// The rules of a `rules:` list (a rule file's, or the config's `custom-rules:`). Throws InputError.
Definitions read_definitions(const YAML::Node& list, const std::string& file);

// A rule file: `orgaudit-rules: 1` and `rules:`. Read with the config files' limits and syntax
// checks (config/rule_settings.h: 16 MiB, no aliases, nesting at most yaml::kMaxNesting). Throws InputError.
Definitions read_rule_file(const FileSystem& files, const std::string& path);

// Fills every operand and message piece that names an option with the user's value (or the
// default). Throws OptionError when a list option meant as numbers holds something else.
void bind_options(const std::vector<OptionSpec>& specs, const RuleOptions& values, Condition& condition);
void bind_options(const std::vector<OptionSpec>& specs, const RuleOptions& values, UnitSet& units);
std::string option_text(const OptionSpec& spec, const RuleOptions& values);

}  // namespace orgaudit::yaml_rules
