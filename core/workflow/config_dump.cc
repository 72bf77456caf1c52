#include "workflow/config_dump.h"

#include <cstdio>
#include <cstdlib>

#include "json.h"
#include "util/text.h"

namespace orgaudit {
namespace {

// JSON strings are YAML double-quoted scalars: one escaping routine keeps both safe.
std::string json_quoted(const std::string& text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

bool is_number(const std::string& text) {
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  return !text.empty() && *end == '\0';
}

std::string option_value(const OptionSpec& spec, const std::string& value) {
  switch (spec.type) {
    case OptionType::integer:
    case OptionType::number:
      return is_number(value) ? value : json_quoted(value);
    case OptionType::boolean:
      return value == "true" || value == "false" ? value : json_quoted(value);
    case OptionType::list: {
      std::string out;
      for (const std::string& item : split(value, ','))
        if (!trim(item).empty()) out += (out.empty() ? "" : ", ") + json_quoted(trim(item));
      return "[" + out + "]";
    }
    case OptionType::string: break;
  }
  return json_quoted(value);
}

void dump_rule(std::string& out, const CatalogEntry& entry, const RuleSelection& selection) {
  const RegisteredRule& info = entry.info;
  bool on = true;
  for (const auto& [enable, pattern] : selection.toggles)
    if (glob_match(pattern, info.id)) on = enable;
  const auto severity = selection.severities.find(info.id);
  out += "  " + info.id + ":    # " + info.summary + "\n";
  out += std::string("    enabled: ") + (on ? "true" : "false") + "\n";
  // Only an override is written as a setting: a pinned severity replaces every severity the rule
  // picks itself (the depth rule's errors past error-layers), so pinning the default would change
  // the findings of a run that reads the dump back.
  if (severity == selection.severities.end())
    out += std::string("    # severity: ") + to_string(info.default_severity) +
           " by default; not set, so the rule's own severities apply\n";
  else
    out += std::string("    severity: ") + to_string(severity->second) + "\n";
  if (info.options.empty()) return;
  const auto chosen = selection.options.find(info.id);
  out += "    options:\n";
  for (const OptionSpec& spec : info.options) {
    std::string value = spec.default_value;
    if (chosen != selection.options.end())
      if (const auto v = chosen->second.find(spec.name); v != chosen->second.end()) value = v->second;
    out += "      " + spec.name + ": " + option_value(spec, value) + "    # " + to_string(spec.type) + ", default " +
           (spec.default_value.empty() ? "(empty)" : spec.default_value) + "\n";
  }
}

}  // namespace

std::string dump_config(const EffectiveConfig& e) {
  std::string out = "# The effective orgaudit configuration, every default spelled out. Layered from:\n";
  for (const std::string& source : e.sources) out += "#   " + source + "\n";
  out += "# Saved as .orgaudit.yaml it gives the same settings.\n";
  out += "orgaudit-config: 1\n";
  out += "profile: " + json_quoted(e.profile) + "\n";
  out += "fail-on: " + e.fail_on + "\n";
  if (e.config.min_score) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", *e.config.min_score);
    out += "min-score: " + std::string(buffer) + "\n";
  }
  else out += "# min-score: not set (no minimum org score)\n";
  out += "input:\n  format: " + json_quoted(e.config.input.format) + "    # empty: from each file's extension\n";
  out += "  preset: " + json_quoted(e.config.input.preset) + "\n";
  if (e.config.input.columns.empty()) {
    out += "  columns: {}\n";
  } else {
    out += "  columns:\n";
    for (const auto& [field, column] : e.config.input.columns) out += "    " + field + ": " + json_quoted(column) + "\n";
  }
  if (e.config.baseline.empty()) out += "# baseline: not set\n";
  else out += "baseline: " + json_quoted(e.config.baseline) + "\n";
  if (e.config.suppressions.empty()) {
    out += "suppressions: []\n";
  } else {
    out += "suppressions:\n";
    for (const ConfigSuppression& s : e.config.suppressions)
      out += "  - {rule: " + json_quoted(s.rule) + ", entity: " + json_quoted(s.entity) + ", reason: " + json_quoted(s.reason) +
             (s.expires ? ", expires: " + s.expires->to_string() : "") + "}\n";
  }
  // The YAML rules the settings below name: the files by absolute path, the config's own rules as
  // it wrote them, so the dump read back from anywhere loads the same rules.
  if (e.rule_files.empty()) {
    out += "rule-files: []\n";
  } else {
    out += "rule-files:\n";
    for (const std::string& file : e.rule_files) out += "  - " + json_quoted(file) + "\n";
  }
  if (e.config.custom_rules_yaml.empty()) {
    out += "custom-rules: []\n";
  } else {
    out += "custom-rules:\n";
    for (const std::string& line : split(e.config.custom_rules_yaml, '\n')) out += "  " + line + "\n";
  }
  out += "rules:\n";
  for (const CatalogEntry& entry : e.catalog.entries()) dump_rule(out, entry, e.selection);
  return out;
}

}  // namespace orgaudit
