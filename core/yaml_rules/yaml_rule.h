// A rule written in YAML (docs/yaml-rules.md), run through the same Rule interface and catalogue as
// a pack's C++ rules: listed, selected, configured, suppressed, baselined and scored alike.
#pragma once

#include <memory>
#include <set>
#include <string>

#include "engine/rule_catalog.h"
#include "yaml_rules/definition.h"

namespace orgaudit::yaml_rules {

class YamlRule final : public Rule {
 public:
  // Binds the user's options into copies of the compiled conditions: nothing is looked up per entity.
  YamlRule(std::shared_ptr<const RuleDefinition> definition, const RuleOptions& options);
  void check(const CheckContext& context, FindingSink& sink) const override;

 private:
  std::string message_for(EntityRef entity, const OrgView& view) const;

  std::shared_ptr<const RuleDefinition> definition_;
  Condition select_;
  Condition where_;
  std::vector<Count> counts_;
  std::vector<UnitSet> unit_sets_;
  std::vector<std::string> option_texts_;  // for the message
};

// Adds the rules to the catalogue, each under its own id in the pack named by its prefix. Refuses,
// at the rule's file:line:col, an id some loaded rule already has and a prefix that is a loaded
// pack's (`reserved_packs`: a YAML rule cannot pass for one of the structure pack's).
void register_rules(RuleCatalog& catalog, const Definitions& rules, const std::set<std::string>& reserved_packs);

}  // namespace orgaudit::yaml_rules
