#include "yaml_rules/yaml_rule.h"

#include <cmath>
#include <cstdio>

#include "util/diagnostic.h"

namespace orgaudit::yaml_rules {
namespace {

std::string value_text(const Value& v) {
  if (!v.present) return "none";
  switch (v.type) {
    case ValueType::text: return std::string(v.text);
    case ValueType::boolean: return v.flag ? "true" : "false";
    case ValueType::number: {
      if (v.number == std::floor(v.number) && std::fabs(v.number) < 1e15) return std::to_string(static_cast<long long>(v.number));
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.2f", v.number);
      std::string text = buffer;
      text.erase(text.find_last_not_of('0') + 1);
      return text;
    }
  }
  return {};
}

}  // namespace

YamlRule::YamlRule(std::shared_ptr<const RuleDefinition> definition, const RuleOptions& options)
    : definition_(std::move(definition)), select_(definition_->select), where_(definition_->where), counts_(definition_->counts), unit_sets_(definition_->unit_sets) {
  const std::vector<OptionSpec>& specs = definition_->options;
  bind_options(specs, options, select_);
  bind_options(specs, options, where_);
  for (Count& count : counts_) bind_options(specs, options, count.where);
  for (UnitSet& units : unit_sets_) bind_options(specs, options, units);
  for (const OptionSpec& spec : specs) option_texts_.push_back(option_text(spec, options));
}

std::string YamlRule::message_for(EntityRef entity, const OrgView& view) const {
  std::string text;
  for (const MessagePiece& piece : definition_->message) {
    switch (piece.kind) {
      case MessagePiece::literal: text += piece.text; break;
      case MessagePiece::option: text += option_texts_[piece.index]; break;
      case MessagePiece::field: text += value_text(read_field(definition_->message_fields[piece.index], entity, view)); break;
    }
  }
  return text;
}

void YamlRule::check(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  OrgView view(org, context.metrics, definition_->needs);
  view.counts = &counts_;
  for (const UnitSet& units : unit_sets_)
    for (const std::string& missing : view.add_unit_set(units.ids)) sink.not_assessed("unit '" + missing + "' (the rule's in-unit)");
  for (const std::string& series : definition_->metric_series) {
    const bool recorded = std::any_of(org.units.begin(), org.units.end(), [&](const Unit& u) { return u.metrics().find(series) != nullptr; });
    if (!recorded) sink.not_assessed("unit metric series '" + series + "'");
  }
  const bool people = select_.subject == Subject::person;
  const std::size_t count = people ? org.people.size() : org.units.size();
  for (std::uint32_t i = 0; i < count; ++i) {
    const EntityRef entity{people ? EntityRef::person : EntityRef::unit, i};
    // Aggregate rows (an organogram's junior staff) are no person of their own. Asked after the
    // select, which usually reads only metric arrays, so most people's records are never touched.
    if (!holds(select_, entity, view) || (people && org.people[i].has(kAggregate))) continue;
    sink.assessed(entity);
    if (holds(where_, entity, view)) sink.report(entity, message_for(entity, view));
  }
}

void register_rules(RuleCatalog& catalog, const Definitions& rules, const std::set<std::string>& reserved_packs) {
  for (const std::shared_ptr<const RuleDefinition>& rule : rules) {
    const Diagnostic at{rule->file, rule->line, rule->column, ""};
    auto fail = [&](const std::string& message) {
      Diagnostic d = at;
      d.message = message;
      throw InputError(d);
    };
    if (reserved_packs.count(rule->pack))
      fail("rule '" + rule->id + "' takes the prefix '" + rule->pack + "-' of the " + rule->pack +
           " pack; give your rules a prefix of their own, e.g. 'custom-'");
    if (const std::string* other = catalog.source_of(rule->id))
      fail("rule '" + rule->id + "' is already defined, by " + *other + "; give this rule another id");
    if (catalog.merged_into(rule->id)) fail("rule id '" + rule->id + "' is retired: " + catalog.retired_note(rule->id));
    catalog.begin_pack(rule->pack, rule->file + ":" + std::to_string(rule->line) + ":" + std::to_string(rule->column));
    RuleInfo info{rule->summary, rule->severity, rule->dimension, rule->options};
    catalog.add(rule->id, std::move(info),
                [rule](const RuleOptions& options) -> std::unique_ptr<Rule> { return std::make_unique<YamlRule>(rule, options); },
                rule->doc);
    catalog.add_users_rule(rule->id);
  }
}

}  // namespace orgaudit::yaml_rules
