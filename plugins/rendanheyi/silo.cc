#include "silo.h"

#include "rendanheyi_support.h"
#include "subtree_groups.h"

namespace orgaudit::rendanheyi {

RuleInfo Silo::info() {
  return {"silos: units tied to others only by reporting lines, units whose collaboration looks inward "
          "(E-I index), and units whose outside ties all hang on one person",
          Severity::warning,
          "Openness",
          {{"min-ei", OptionType::number, "-0.5",
            "lowest Krackhardt E-I index (external - internal) / (external + internal) of collaboration "
            "weight a unit may have; ours, as the index has no published cut-off"}}};
}

Silo::Silo(const RuleOptions& options) : min_ei_(options.get_number("min-ei")) {}

void Silo::check(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  const NetworkMetrics& net = context.metrics.network;
  // With no lateral tie anywhere the file cannot tell a silo from a tie nobody recorded.
  if (net.lateral_tie_count == 0)
    return sink.not_assessed("lateral ties: links (collaboration or contract) or EMC members");

  std::vector<std::uint32_t> children(org.units.size(), 0);
  for (const Unit& unit : org.units)
    if (unit.parent != kNoIndex) ++children[unit.parent];

  // Units tied to others only by their reporting line; reported once per subtree that shares it.
  std::vector<std::uint8_t> reporting_only(org.units.size(), 0);
  for (UnitIndex u = 0; u < org.units.size(); ++u) {
    // An external partner is another company: its openness is not this org's to judge.
    if (org.units[u].kind == UnitKind::external_partner) continue;
    sink.assessed({EntityRef::unit, u});
    if (net.lateral_ties[u] == 0) {
      if (org.units[u].parent != kNoIndex) {
        reporting_only[u] = 1;
      } else if (children[u] == 0) {
        // The top of a hierarchy has no peers to be cut off from; a unit with no parent and no
        // children is cut off from everything.
        sink.report({EntityRef::unit, u}, quoted(org.units[u]) + " has no tie to any other unit: no parent, no EMC, "
                                                                 "no contract and no collaboration link")
            .key("isolated");
      }
      continue;
    }
    check_ei_index(context, u, sink);
    check_single_bridge(context, u, sink);
  }
  for (const std::vector<UnitIndex>& group : subtree_groups(org, reporting_only))
    if (!group.empty()) report_reporting_only(org, group, sink);
}

void Silo::report_reporting_only(const Org& org, const std::vector<UnitIndex>& group, FindingSink& sink) {
  const UnitIndex u = group.front();
  const Unit& unit = org.units[u];
  const Unit& parent = org.units[unit.parent];
  const std::size_t subs = group.size() - 1;
  const std::string tail = ", with no EMC, contract or collaboration link: cascading, not parallel";
  std::string message;
  if (subs == 0) {
    message = quoted(unit) + " is a silo: it is tied to other units only by reporting lines (it reports to " +
              quoted(parent) + ")" + tail;
  } else {
    message = quoted(unit) + " and its " + count_of(subs, "sub-unit") +
              " are silos: they are tied to other units only by reporting lines (" + quoted(unit) + " reports to " +
              quoted(parent) + ")" + tail;
    if (subs > kListedSubUnits) message += " (the first " + std::to_string(kListedSubUnits) + " sub-units listed)";
  }
  FindingBuilder finding = sink.report({EntityRef::unit, u}, message);
  finding.key("reporting-lines-only")
      .related(parent.where, "its only tie runs up to " + quoted(parent), {EntityRef::unit, unit.parent});
  add_sub_units(org, group, "sub-unit, also a silo", kListedSubUnits, finding);
}

void Silo::check_ei_index(const CheckContext& context, UnitIndex u, FindingSink& sink) const {
  const NetworkMetrics& net = context.metrics.network;
  const double internal = net.internal_weight[u];
  const double external = net.external_weight[u];
  if (internal + external <= 0) return;  // no collaboration recorded for this unit: no index
  const double ei = net.ei_index(u);
  if (ei >= min_ei_) return;
  sink.report({EntityRef::unit, u}, quoted(context.org.units[u]) + " looks inward: its E-I index is " + number(ei) +
                                        " (collaboration weight " + number(external) + " with other units, " +
                                        number(internal) + " inside; min " + number(min_ei_) + ")")
      .key("inward");
}

void Silo::check_single_bridge(const CheckContext& context, UnitIndex u, FindingSink& sink) {
  const Org& org = context.org;
  const NetworkMetrics& net = context.metrics.network;
  const PersonIndex bridge = net.bridge[u];
  // Every lateral tie of the unit is a person-level link carried by the same member, who is an
  // articulation point: without them the rest of the unit has no tie to other units.
  if (bridge == kNoIndex || net.articulation.empty() || !net.articulation[bridge] ||
      net.person_ties_out[u] != net.lateral_ties[u] || context.metrics.units.people[u] < 2)
    return;
  const Unit& unit = org.units[u];
  const Person& person = org.people[bridge];
  const std::uint32_t ties = net.lateral_ties[u];
  const std::string which = ties == 1   ? "its only tie to another unit runs"
                            : ties == 2 ? "both of its ties to other units run"
                                        : "all " + std::to_string(ties) + " of its ties to other units run";
  sink.report({EntityRef::unit, u}, quoted(unit) + " hangs on one person: " + which + " through " +
                                        person_with_title(person) + ", and without them the unit would have no tie to another unit but its reporting line")
      .key("single-bridge")
      .concerns({EntityRef::person, bridge})
      .related(person.where, "the single bridge: " + quoted(person), {EntityRef::person, bridge});
}

}  // namespace orgaudit::rendanheyi
