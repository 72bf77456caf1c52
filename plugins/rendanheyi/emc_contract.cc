#include "emc_contract.h"

#include "rendanheyi_support.h"

namespace orgaudit::rendanheyi {

RuleInfo EmcContract::info() {
  return {"EMCs with no contract, a stale or future-dated one, one lacking objectives or value sharing, "
          "or an underperforming member that was not replaced",
          Severity::warning,
          "Ecosystem",
          {{"max-age-days", OptionType::integer, "31",
            "most days between the contract's last update and the org's as_of date (updated monthly)"},
           {"replace-after", OptionType::integer, "3",
            "loss-making periods in a row after which a member ME should have been replaced"}}};
}

EmcContract::EmcContract(const RuleOptions& options)
    : max_age_days_(options.get_int("max-age-days")), replace_after_(options.get_int("replace-after")) {}

void EmcContract::check(const CheckContext& context, FindingSink& sink) const {
  check_self_membership(context, sink);
  const std::vector<UnitIndex> emcs = units_of_kind(context.org, UnitKind::emc);
  if (emcs.empty()) return sink.not_assessed("units of kind 'emc' (ecosystem micro-communities)");
  for (UnitIndex u : emcs) sink.assessed({EntityRef::unit, u});
  for (UnitIndex u : emcs) {
    check_contract(context, u, sink);
    check_members(context, u, sink);
  }
}

void EmcContract::check_self_membership(const CheckContext& context, FindingSink& sink) {
  const Org& org = context.org;
  for (UnitIndex u = 0; u < org.units.size(); ++u) {
    const Unit& unit = org.units[u];
    for (const std::string& id : unit.member_ids) {
      if (id != unit.id) continue;
      sink.report({EntityRef::unit, u}, Severity::error,
                  quoted(unit) + " lists itself as one of its own members: an EMC groups other MEs and partners")
          .key("self-member");
      break;
    }
  }
}

void EmcContract::check_contract(const CheckContext& context, UnitIndex u, FindingSink& sink) const {
  const Org& org = context.org;
  const Unit& emc = org.units[u];
  const orgaudit::EmcContract& contract = emc.contract();  // the model's contract block, not this rule
  if (!contract.present) {
    sink.report({EntityRef::unit, u}, quoted(emc) + " has no EMC contract: write one with joint objectives and "
                                                    "value sharing, and update it monthly")
        .key("no-contract");
    return;
  }
  if (!contract.updated) {
    sink.report({EntityRef::unit, u}, "the contract of " + quoted(emc) + " does not say when it was last updated")
        .key("no-update-date")
        .at(contract.where);
  } else if (!org.as_of) {
    sink.report({EntityRef::unit, u}, Severity::info,
                "cannot tell how old the contract of " + quoted(emc) + " is: the org has no as_of date")
        .key("age-unknown")
        .at(contract.where);
  } else {
    const long age = days_between(*contract.updated, *org.as_of);
    if (age < 0) {
      sink.report({EntityRef::unit, u}, Severity::error,
                  "the contract of " + quoted(emc) + " was updated on " + contract.updated->to_string() + ", " +
                      count_of(static_cast<std::size_t>(-age), "day") + " after the org's as_of date " +
                      org.as_of->to_string() + ": a date in the future")
          .key("future-update")
          .at(contract.where);
    } else if (age > max_age_days_) {
      sink.report({EntityRef::unit, u},
                  "the contract of " + quoted(emc) + " was last updated on " + contract.updated->to_string() + ", " +
                      count_of(static_cast<std::size_t>(age), "day") + " before the org's as_of date (max " +
                      std::to_string(max_age_days_) + "): EMC contracts are updated monthly")
          .key("stale")
          .at(contract.where);
    }
  }
  std::vector<std::string> missing;
  if (contract.objectives.empty()) missing.push_back("joint objectives");
  if (contract.value_sharing.empty()) missing.push_back("a value-sharing term");
  if (!missing.empty())
    sink.report({EntityRef::unit, u}, "the contract of " + quoted(emc) + " lacks " + joined(missing))
        .key("incomplete")
        .at(contract.where);
}

void EmcContract::check_members(const CheckContext& context, UnitIndex u, FindingSink& sink) const {
  const Org& org = context.org;
  const Unit& emc = org.units[u];
  if (replace_after_ <= 0) return;
  for (UnitIndex m : emc.members) {
    const Unit& member = org.units[m];
    if (m == u || member.kind != UnitKind::me) continue;
    const std::vector<double> profit = profit_per_period(member.metrics());
    const std::size_t losses = trailing_losses(profit);
    if (static_cast<long>(losses) < replace_after_) continue;
    sink.report({EntityRef::unit, u},
                quoted(emc) + " still counts " + quoted(member) + " as a member after " +
                    count_of(losses, "loss-making period") + " in a row (replace after " +
                    std::to_string(replace_after_) + "): the contract lets an EMC replace an underperforming ME")
        .key("underperforming-member")
        .concerns({EntityRef::unit, m})
        .related(member.where, "underperforming member: " + quoted(member), {EntityRef::unit, m});
  }
}

}  // namespace orgaudit::rendanheyi
