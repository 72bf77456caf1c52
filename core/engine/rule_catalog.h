// Every rule the loaded packs registered, and the user's choice of which run with what options.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "orgaudit/rule.h"

namespace orgaudit {

// Makes one rule with the user's options. For a pack's rule it calls the pack's C factory.
using RuleFactory = std::function<std::unique_ptr<Rule>(const RuleOptions&)>;

// A rule as the host knows it: what it declared, under the id its module gave it, in its pack.
struct RegisteredRule : RuleInfo {
  std::string id;    // "<pack>-<name>"
  std::string pack;
  // The rule's documentation page as Markdown when the rule carries it (a YAML rule's `doc:`);
  // empty for a pack's rule, whose page is rules/<pack>/<id>.md.
  std::string doc;
};

struct CatalogEntry {
  RegisteredRule info;
  RuleFactory factory;
};

// A rule id registered twice, by two packs or twice by one: the run cannot tell which to use.
class DuplicateRuleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class RuleCatalog {
 public:
  // The plugin host (and the host's own built-in rules) name the pack, then add its rules.
  void begin_pack(std::string pack_name, std::string source_path);
  // Registers a rule of the current pack as `id`. Throws DuplicateRuleError for an id already registered.
  void add(std::string id, RuleInfo info, RuleFactory factory, std::string doc = {});
  // A rule id a pack no longer registers because its findings are now `merged_into`'s: a setting
  // that names it stops the run saying where its findings went (as ESLint does for a removed rule),
  // and a suppression that names it applies to `merged_into`, with a warning to rename it.
  void retire(std::string retired_id, std::string merged_into);
  // A rule the user wrote (a YAML rule): it runs unless the config or the command line turns it
  // off, whatever patterns the profile applies (a profile's "*": off is about the packs it knows).
  void add_users_rule(std::string id) { users_rules_.push_back(std::move(id)); }
  const std::vector<std::string>& users_rules() const { return users_rules_; }
  bool is_users_rule(const std::string& id) const;
  // The file of the pack that registered `id`, or null when no pack did.
  const std::string* source_of(const std::string& id) const;

  const std::vector<CatalogEntry>& entries() const { return entries_; }  // sorted by id
  const CatalogEntry* find(const std::string& id) const;
  std::vector<std::string> ids() const;
  // The rule a retired id was merged into, or null when no loaded pack retired `id`.
  const CatalogEntry* merged_into(const std::string& id) const;
  // "'OLD' was merged into 'NEW' ...", what to tell a user who names a retired id; "" for any other.
  std::string retired_note(const std::string& id) const;

 private:
  std::vector<CatalogEntry> entries_;
  std::map<std::string, std::string> source_of_rule_;
  std::map<std::string, std::string> merged_into_;  // retired id -> the rule that took its findings
  std::vector<std::string> users_rules_;
  std::string pack_;
  std::string source_path_;
};

// What the user asked for on the command line (and, later, the config file and profile).
struct RuleSelection {
  // Applied in order over "every rule on": {"-", pattern} disables, {"+", pattern} enables.
  std::vector<std::pair<bool, std::string>> toggles;
  std::map<std::string, std::map<std::string, std::string>> options;  // rule id -> name -> value
  std::map<std::string, Severity> severities;
};

struct ConfiguredRule {
  const CatalogEntry* entry;
  Severity severity;         // the rule's default, or the user's override
  bool severity_overridden;  // an override replaces even the severities a rule picks itself
  std::unique_ptr<Rule> rule;
};

// Instantiates the selected rules with their options. Throws OptionError for an unknown rule id or
// pattern, an unknown option or a value of the wrong type, with a did-you-mean where one is close.
std::vector<ConfiguredRule> configure_rules(const RuleCatalog& catalog, const RuleSelection& selection);

// Options of one rule: user values over the declared defaults, validated on construction.
class RuleOptionValues final : public RuleOptions {
 public:
  RuleOptionValues(const RegisteredRule& info, std::map<std::string, std::string> values);
  long get_int(const std::string& name) const override;
  double get_number(const std::string& name) const override;
  bool get_bool(const std::string& name) const override;
  std::string get_string(const std::string& name) const override;
  std::vector<std::string> get_list(const std::string& name) const override;

 private:
  const OptionSpec& spec(const std::string& name, OptionType type) const;
  std::string raw(const OptionSpec& spec) const;

  const RegisteredRule& info_;
  std::map<std::string, std::string> values_;
};

}  // namespace orgaudit
