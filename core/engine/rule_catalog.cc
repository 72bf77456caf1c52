#include "engine/rule_catalog.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "util/text.h"

namespace orgaudit {
namespace {

std::string suggestion(const std::string& word, const std::vector<std::string>& candidates) {
  std::string near = did_you_mean(word, candidates);
  return near.empty() ? "" : "; did you mean '" + near + "'?";
}

bool parse_long(const std::string& text, long& out) {
  if (text.empty()) return false;
  char* end = nullptr;
  errno = 0;
  out = std::strtol(text.c_str(), &end, 10);
  return errno == 0 && *end == '\0';
}

bool parse_double(const std::string& text, double& out) {
  if (text.empty()) return false;
  char* end = nullptr;
  errno = 0;
  out = std::strtod(text.c_str(), &end);
  return errno == 0 && *end == '\0';
}

bool parse_bool(const std::string& text, bool& out) {
  if (text == "true" || text == "yes" || text == "on" || text == "1") return out = true, true;
  if (text == "false" || text == "no" || text == "off" || text == "0") return out = false, true;
  return false;
}

bool valid_value(OptionType type, const std::string& value) {
  long l;
  double d;
  bool b;
  switch (type) {
    case OptionType::integer: return parse_long(value, l);
    case OptionType::number: return parse_double(value, d);
    case OptionType::boolean: return parse_bool(value, b);
    case OptionType::string:
    case OptionType::list: return true;
  }
  return false;
}

}  // namespace

void RuleCatalog::begin_pack(std::string pack_name, std::string source_path) {
  pack_ = std::move(pack_name);
  source_path_ = std::move(source_path);
}

void RuleCatalog::add(std::string id, RuleInfo info, RuleFactory factory, std::string doc) {
  auto [it, inserted] = source_of_rule_.emplace(id, source_path_);
  if (!inserted)
    throw DuplicateRuleError("rule '" + id + "' is registered by both " + it->second + " and " + source_path_);
  CatalogEntry entry{RegisteredRule{std::move(info), std::move(id), pack_, std::move(doc)}, std::move(factory)};
  auto at = std::lower_bound(entries_.begin(), entries_.end(), entry.info.id,
                             [](const CatalogEntry& e, const std::string& key) { return e.info.id < key; });
  entries_.insert(at, std::move(entry));
}

const std::string* RuleCatalog::source_of(const std::string& id) const {
  auto it = source_of_rule_.find(id);
  return it == source_of_rule_.end() ? nullptr : &it->second;
}

bool RuleCatalog::is_users_rule(const std::string& id) const {
  return std::find(users_rules_.begin(), users_rules_.end(), id) != users_rules_.end();
}

const CatalogEntry* RuleCatalog::find(const std::string& id) const {
  auto at = std::lower_bound(entries_.begin(), entries_.end(), id,
                             [](const CatalogEntry& e, const std::string& key) { return e.info.id < key; });
  return at != entries_.end() && at->info.id == id ? &*at : nullptr;
}

void RuleCatalog::retire(std::string retired_id, std::string merged_into) {
  merged_into_.emplace(std::move(retired_id), std::move(merged_into));
}

const CatalogEntry* RuleCatalog::merged_into(const std::string& id) const {
  const auto found = merged_into_.find(id);
  return found == merged_into_.end() || find(id) ? nullptr : find(found->second);
}

std::string RuleCatalog::retired_note(const std::string& id) const {
  const CatalogEntry* successor = merged_into(id);
  if (!successor) return {};
  return "'" + id + "' was merged into '" + successor->info.id + "', which now reports its findings; name '" +
         successor->info.id + "' instead (orgaudit rules --explain " + successor->info.id + ")";
}

std::vector<std::string> RuleCatalog::ids() const {
  std::vector<std::string> out;
  for (const CatalogEntry& e : entries_) out.push_back(e.info.id);
  return out;
}

RuleOptionValues::RuleOptionValues(const RegisteredRule& info, std::map<std::string, std::string> values)
    : info_(info), values_(std::move(values)) {
  std::vector<std::string> names;
  for (const OptionSpec& s : info_.options) names.push_back(s.name);
  for (const auto& entry : values_) {
    // Named, not a structured binding: C++17 lets no lambda capture a binding (clang refuses it).
    const std::string& name = entry.first;
    const std::string& value = entry.second;
    auto it = std::find_if(info_.options.begin(), info_.options.end(),
                           [&](const OptionSpec& s) { return s.name == name; });
    if (it == info_.options.end()) {
      std::string known = names.empty() ? "it has no options" : "it has: " + [&] {
        std::string joined;
        for (const auto& n : names) joined += (joined.empty() ? "" : ", ") + n;
        return joined;
      }();
      throw OptionError("rule '" + info_.id + "' has no option '" + name + "'" +
                        suggestion(name, names) + " (" + known + ")");
    }
    if (!valid_value(it->type, value))
      throw OptionError("option '" + info_.id + "." + name + "' expects " +
                        (it->type == OptionType::integer ? "an " : "a ") + to_string(it->type) +
                        ", got '" + value + "'");
  }
}

const OptionSpec& RuleOptionValues::spec(const std::string& name, OptionType type) const {
  for (const OptionSpec& s : info_.options)
    if (s.name == name && s.type == type) return s;
  // A rule reading an option it did not declare is a bug in the rule, not in the user's input.
  throw std::logic_error("rule '" + info_.id + "' reads undeclared " + to_string(type) +
                         " option '" + name + "'");
}

std::string RuleOptionValues::raw(const OptionSpec& s) const {
  auto it = values_.find(s.name);
  return it == values_.end() ? s.default_value : it->second;
}

long RuleOptionValues::get_int(const std::string& name) const {
  long value = 0;
  const OptionSpec& s = spec(name, OptionType::integer);
  if (!parse_long(raw(s), value)) throw std::logic_error("bad default for " + info_.id + "." + name);
  return value;
}

double RuleOptionValues::get_number(const std::string& name) const {
  double value = 0;
  const OptionSpec& s = spec(name, OptionType::number);
  if (!parse_double(raw(s), value)) throw std::logic_error("bad default for " + info_.id + "." + name);
  return value;
}

bool RuleOptionValues::get_bool(const std::string& name) const {
  bool value = false;
  const OptionSpec& s = spec(name, OptionType::boolean);
  if (!parse_bool(raw(s), value)) throw std::logic_error("bad default for " + info_.id + "." + name);
  return value;
}

std::string RuleOptionValues::get_string(const std::string& name) const {
  return raw(spec(name, OptionType::string));
}

std::vector<std::string> RuleOptionValues::get_list(const std::string& name) const {
  std::vector<std::string> items;
  for (const std::string& item : split(raw(spec(name, OptionType::list)), ',')) {
    std::string t = trim(item);
    if (!t.empty()) items.push_back(t);
  }
  return items;
}

std::vector<ConfiguredRule> configure_rules(const RuleCatalog& catalog, const RuleSelection& selection) {
  const std::vector<std::string> ids = catalog.ids();
  auto check_known = [&](const std::string& pattern, const char* what) {
    bool matched = std::any_of(ids.begin(), ids.end(),
                               [&](const std::string& id) { return glob_match(pattern, id); });
    if (matched) return;
    if (const std::string retired = catalog.retired_note(pattern); !retired.empty())
      throw OptionError(std::string(what) + " names a retired rule: " + retired);
    throw OptionError(std::string(what) + " names no loaded rule: '" + pattern + "'" + suggestion(pattern, ids) +
                      " (run 'orgaudit rules' to list them)");
  };
  for (const auto& [enable, pattern] : selection.toggles)
    check_known(pattern, enable ? "--enable" : "--disable");
  for (const auto& [id, values] : selection.options)
    if (!catalog.find(id)) check_known(id, "--rule-option");
  for (const auto& [id, severity] : selection.severities)
    if (!catalog.find(id)) check_known(id, "severity override");

  std::vector<ConfiguredRule> rules;
  for (const CatalogEntry& entry : catalog.entries()) {
    bool on = true;
    for (const auto& [enable, pattern] : selection.toggles)
      if (glob_match(pattern, entry.info.id)) on = enable;
    auto values = selection.options.find(entry.info.id);
    // Options are validated even for a disabled rule: a typo should never pass silently.
    RuleOptionValues options(entry.info, values == selection.options.end()
                                             ? std::map<std::string, std::string>{}
                                             : values->second);
    if (!on) continue;
    auto severity = selection.severities.find(entry.info.id);
    rules.push_back(ConfiguredRule{
        &entry,
        severity == selection.severities.end() ? entry.info.default_severity : severity->second,
        severity != selection.severities.end(), entry.factory(options)});
  }
  return rules;
}

}  // namespace orgaudit
