#include "config/config.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "config/rule_settings.h"
#include "import/limits.h"
#include "util/diagnostic.h"
#include "util/text.h"
#include "yaml_rules/definition.h"

namespace orgaudit {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kTopKeys{"orgaudit-config", "profile", "rules", "grade-order", "fail-on",
                                        "min-score", "input", "suppressions", "baseline",
                                        "rule-files", "custom-rules"};
const std::vector<std::string> kInputKeys{"format", "preset", "columns", "max-size", "max-depth", "max-field-size", "max-records"};
const std::vector<std::string> kSuppressionKeys{"rule", "entity", "reason", "expires"};

void check_keys(const YAML::Node& map, const std::vector<std::string>& known, const std::string& where,
                const std::string& file) {
  for (const auto& item : map) {
    const std::string key = item.first.Scalar();
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    const std::string near = did_you_mean(key, known);
    fail_at(item.first, file, "unknown key '" + key + "' in " + where +
                                  (near.empty() ? "" : "; did you mean '" + near + "'?"));
  }
}

void read_input(const YAML::Node& input, const std::string& file, InputSettings& settings) {
  if (!input.IsMap()) fail_at(input, file, "'input' must be a mapping (format, preset, columns)");
  check_keys(input, kInputKeys, "'input'", file);
  if (input["format"]) settings.format = scalar_text(input["format"], file, "input.format");
  if (input["preset"]) settings.preset = scalar_text(input["preset"], file, "input.preset");
  if (const YAML::Node columns = input["columns"]) {
    if (!columns.IsMap()) fail_at(columns, file, "input.columns must map field names to column names");
    for (const auto& item : columns)
      settings.columns[item.first.Scalar()] = scalar_text(item.second, file, "column '" + item.first.Scalar() + "'");
  }
  auto byte_size = [&](const char* key, const char* example) -> std::optional<std::uint64_t> {
    const YAML::Node size = input[key];
    if (!size) return std::nullopt;
    const std::string name = std::string("input.") + key;
    const auto bytes = import::parse_byte_size(scalar_text(size, file, name));
    if (!bytes) fail_at(size, file, name + " must be a size such as " + example + ", got '" + size.Scalar() + "'");
    return bytes;
  };
  settings.max_bytes = byte_size("max-size", "500MB or 2GB");
  settings.max_field_bytes = byte_size("max-field-size", "64KB or 4MB");
  if (const YAML::Node records = input["max-records"]) {
    const std::string text = scalar_text(records, file, "input.max-records");
    const std::optional<std::uint64_t> value = import::parse_count(text);
    if (!value) fail_at(records, file, "input.max-records must be a whole number above 0, got '" + text + "'");
    settings.max_records = value;
  }
  if (const YAML::Node depth = input["max-depth"]) {
    const std::string text = scalar_text(depth, file, "input.max-depth");
    char* end = nullptr;
    const unsigned long value = std::strtoul(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || value == 0 || value > 100000)
      fail_at(depth, file, "input.max-depth must be a whole number from 1 to 100000, got '" + text + "'");
    settings.max_depth = static_cast<unsigned>(value);
  }
}

void read_suppressions(const YAML::Node& list, const std::string& file, std::vector<ConfigSuppression>& out) {
  if (!list.IsSequence()) fail_at(list, file, "'suppressions' must be a list");
  for (const YAML::Node& item : list) {
    if (!item.IsMap()) fail_at(item, file, "a suppression must be a mapping with rule, entity and reason");
    check_keys(item, kSuppressionKeys, "a suppression", file);
    ConfigSuppression s;
    s.line = static_cast<std::uint32_t>(item.Mark().line + 1);
    s.column = static_cast<std::uint32_t>(item.Mark().column + 1);
    if (!item["rule"]) fail_at(item, file, "a suppression needs 'rule' (the rule id)");
    if (!item["entity"]) fail_at(item, file, "a suppression needs 'entity' (the id of the person or unit)");
    if (!item["reason"] || trim(scalar_text(item["reason"], file, "reason")).empty())
      fail_at(item, file, "a suppression needs a 'reason': say why this finding is accepted");
    s.rule = scalar_text(item["rule"], file, "rule");
    s.entity = scalar_text(item["entity"], file, "entity");
    s.reason = scalar_text(item["reason"], file, "reason");
    if (const YAML::Node expires = item["expires"]) {
      s.expires = Date::parse(scalar_text(expires, file, "expires"));
      if (!s.expires) fail_at(expires, file, "'expires' must be a date written YYYY-MM-DD, got '" + expires.Scalar() + "'");
    }
    out.push_back(std::move(s));
  }
}

SourcePlace place_of(const YAML::Node& node) {
  return {static_cast<std::uint32_t>(node.Mark().line + 1), static_cast<std::uint32_t>(node.Mark().column + 1)};
}

// The places of the options read_rule_settings has read (it accepts only a mapping of options).
void record_option_places(const YAML::Node& rules, Config& config) {
  for (const auto& rule : rules) {
    if (!rule.second.IsMap() || !rule.second["options"]) continue;
    for (const auto& option : rule.second["options"])
      config.option_places.push_back(
          {rule.first.Scalar(), option.first.Scalar(), place_of(option.first), place_of(option.second)});
  }
}

ConfigRuleKey key_at(const YAML::Node& node, std::string pattern = "") {
  const bool implied = !pattern.empty();
  return ConfigRuleKey{implied ? std::move(pattern) : node.Scalar(), implied ? "grade-order" : "rules",
                       static_cast<std::uint32_t>(node.Mark().line + 1), static_cast<std::uint32_t>(node.Mark().column + 1)};
}

}  // namespace

void check_config_rules(const Config& config, const RuleCatalog& catalog) {
  const std::vector<std::string> ids = catalog.ids();
  for (const ConfigRuleKey& key : config.rule_keys) {
    if (std::any_of(ids.begin(), ids.end(), [&](const std::string& id) { return glob_match(key.pattern, id); }))
      continue;
    if (const std::string retired = catalog.retired_note(key.pattern); !retired.empty())
      throw InputError(Diagnostic{config.path, key.line, key.column, "'" + key.setting + "' names a retired rule: " + retired});
    const std::string near = did_you_mean(key.pattern, ids);
    if (key.setting != "rules")
      throw InputError(Diagnostic{config.path, key.line, key.column,
                                  "'" + key.setting + "' configures the rule '" + key.pattern + "', which no loaded pack provides"});
    throw InputError(Diagnostic{config.path, key.line, key.column,
                                "unknown rule '" + key.pattern + "' in 'rules'" +
                                    (near.empty() ? "" : "; did you mean '" + near + "'?") +
                                    " (run 'orgaudit rules' to list them)"});
  }
  for (const ConfigOptionPlace& place : config.option_places) {
    const CatalogEntry* entry = catalog.find(place.rule);
    if (!entry) continue;  // a pattern: configure_rules says it names no single rule
    try {
      RuleOptionValues(entry->info, {{place.option, config.rules.options.at(place.rule).at(place.option)}});
    } catch (const OptionError& e) {
      const auto& declared = entry->info.options;
      const bool known = std::any_of(declared.begin(), declared.end(), [&](const OptionSpec& s) { return s.name == place.option; });
      const SourcePlace& at = known ? place.value : place.name;
      throw InputError(Diagnostic{config.path, at.line, at.column, e.what()});
    }
  }
}

std::string find_config(const FileSystem& files, const std::string& start_directory) {
  std::error_code ec;
  fs::path dir = fs::absolute(start_directory.empty() ? "." : start_directory, ec);
  while (!ec) {
    const fs::path candidate = dir / kConfigFileName;
    if (files.kind_of(candidate.string()) == FileKind::file) return candidate.string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) break;
    dir = dir.parent_path();
  }
  return {};
}

std::optional<double> parse_min_score(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || !(value >= 0 && value <= 100))
    return std::nullopt;  // `!(in range)` is also true of NaN
  return value;
}

Config load_config(const FileSystem& files, const std::string& path) {
  Config config;
  config.path = path;
  const YAML::Node root = load_settings_file(files, path);
  if (root.IsNull()) return config;  // an empty config is a valid "all defaults"
  if (!root.IsMap()) fail_at(root, path, "a config file must be a mapping of settings");
  check_keys(root, kTopKeys, "the config file", path);
  if (root["orgaudit-config"] && scalar_text(root["orgaudit-config"], path, "orgaudit-config") != "1")
    fail_at(root["orgaudit-config"], path, "unsupported config version (this orgaudit reads 1)");
  if (root["profile"]) config.profile = scalar_text(root["profile"], path, "profile");
  // A section left empty (`rules:` over commented-out examples, as `orgaudit init` writes) is empty.
  if (root["rules"] && !root["rules"].IsNull()) read_rule_settings(root["rules"], path, config.rules);
  if (root["rules"] && root["rules"].IsMap()) {
    for (const auto& item : root["rules"]) config.rule_keys.push_back(key_at(item.first));
    record_option_places(root["rules"], config);
  }
  if (const YAML::Node order = root["grade-order"]) {
    config.rule_keys.push_back(key_at(order, "structure-grade-inversion"));
    if (!order.IsSequence()) fail_at(order, path, "grade-order must be a list of grades, highest first");
    std::string joined;
    for (const YAML::Node& grade : order) joined += (joined.empty() ? "" : ",") + scalar_text(grade, path, "a grade");
    config.rules.options["structure-grade-inversion"]["grade-order"] = joined;
    config.option_places.push_back({"structure-grade-inversion", "grade-order", place_of(order), place_of(order)});
  }
  if (root["fail-on"]) config.fail_on = scalar_text(root["fail-on"], path, "fail-on");
  if (const YAML::Node score = root["min-score"]) {
    config.min_score = parse_min_score(scalar_text(score, path, "min-score"));
    if (!config.min_score) fail_at(score, path, "min-score must be a number from 0 to 100, got '" + score.Scalar() + "'");
  }
  if (root["input"]) read_input(root["input"], path, config.input);
  if (root["suppressions"] && !root["suppressions"].IsNull()) read_suppressions(root["suppressions"], path, config.suppressions);
  if (root["baseline"]) config.baseline = scalar_text(root["baseline"], path, "baseline");
  if (const YAML::Node files = root["rule-files"]; files && !files.IsNull()) {
    if (!files.IsSequence()) fail_at(files, path, "'rule-files' must be a list of YAML rule files");
    for (const YAML::Node& file : files)  // relative to the config file, so it works from any directory
      config.rule_files.push_back((fs::path(path).parent_path() / scalar_text(file, path, "a rule file")).string());
  }
  if (const YAML::Node rules = root["custom-rules"]; rules && !rules.IsNull()) {
    config.custom_rules = yaml_rules::read_definitions(rules, path);
    if (rules.size() > 0) config.custom_rules_yaml = YAML::Dump(rules);
  }
  return config;
}

}  // namespace orgaudit
