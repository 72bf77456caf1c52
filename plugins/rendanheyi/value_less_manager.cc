#include "value_less_manager.h"

#include <algorithm>

#include "rendanheyi_support.h"

namespace orgaudit::rendanheyi {
namespace {

// A unit metric that attributes value to users or the market: revenue, or any series about users
// (user_feedback, users, user_resources, ...).
bool has_value_metric(const Unit& unit) {
  for (const MetricSeries& s : unit.metrics().series)
    if (s.name == "revenue" || s.name == "revenues" || s.name.rfind("user", 0) == 0) return true;
  return !unit.win_win().empty();
}

// Whether the org records any of the evidence the rule weighs; without any, every middle manager
// would be flagged for the file's silence rather than for what they do.
bool records_evidence(const Org& org, const NetworkMetrics& network) {
  if (network.any_user_facing) return true;
  for (const Unit& unit : org.units)
    if (unit.kind == UnitKind::me || unit.kind == UnitKind::emc || has_value_metric(unit)) return true;
  return false;
}

}  // namespace

RuleInfo ValueLessManager::info() {
  return {"middle managers with no evidence of user value: not user-facing, owning no ME, EMC or "
          "revenue, in a unit that does not face users",
          Severity::warning,
          "User value",
          {{"min-reports-who-manage", OptionType::integer, "1",
            "how many of a person's direct reports must manage others for the person to count as a "
            "middle manager (a manager of managers)"}}};
}

ValueLessManager::ValueLessManager(const RuleOptions& options)
    : min_reports_who_manage_(options.get_int("min-reports-who-manage")) {}

std::vector<std::uint8_t> ValueLessManager::owner_evidence(const CheckContext& context) {
  const Org& org = context.org;
  std::vector<std::uint8_t> evidence(org.people.size(), 0);
  for (UnitIndex u = 0; u < org.units.size(); ++u) {
    const Unit& unit = org.units[u];
    if (unit.owner == kNoIndex) continue;
    if (unit.kind == UnitKind::me || unit.kind == UnitKind::emc || context.metrics.network.user_facing[u] ||
        has_value_metric(unit))
      evidence[unit.owner] = 1;
  }
  return evidence;
}

void ValueLessManager::check(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  const ReportingMetrics& reporting = context.metrics.reporting;
  const NetworkMetrics& network = context.metrics.network;
  if (!records_evidence(org, network))
    return sink.not_assessed("user_facing flags, units of kind 'me' or 'emc', or revenue and user metrics");

  const std::vector<std::uint8_t> owns_value = owner_evidence(context);
  const long min_managers = std::max(1L, min_reports_who_manage_);
  for (PersonIndex p = 0; p < org.people.size(); ++p) {
    const Person& person = org.people[p];
    // Middle management: below the top (a root is the platform or company owner) and above other
    // managers. People in a reporting cycle have no place in the hierarchy and are left to
    // structure-integrity.
    if (reporting.depth[p] <= 0 || person.has(kVacant) ||
        static_cast<long>(reporting.managers_among_reports[p]) < min_managers)
      continue;
    sink.assessed({EntityRef::person, p});
    if (person.has(kUserFacing) || owns_value[p]) continue;
    if (person.unit != kNoIndex && network.user_facing[person.unit]) continue;

    const std::string unit_text =
        person.unit == kNoIndex ? "" : ", and " + quoted(org.units[person.unit]) + " does not face users either";
    FindingBuilder finding = sink.report(
        {EntityRef::person, p},
        "middle manager " + person_with_title(person) + " manages " +
            count_of(reporting.managers_among_reports[p], "manager") +
            " but shows no user value: not user-facing, owning no ME, EMC, user-facing unit or revenue" +
            unit_text);
    // The management chain above them: the layers a user's need travels through to reach this desk.
    std::vector<PersonIndex> chain = reporting.chain_to(org, p);
    for (std::size_t layer = 0; layer + 1 < chain.size(); ++layer) {
      const Person& manager = org.people[chain[layer]];
      finding.related(manager.where, "layer " + std::to_string(layer) + ": " + quoted(manager),
                      {EntityRef::person, chain[layer]});
    }
    finding.chain(std::move(chain));
  }
}

}  // namespace orgaudit::rendanheyi
