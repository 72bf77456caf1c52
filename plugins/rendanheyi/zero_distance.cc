#include "zero_distance.h"

#include "rendanheyi_support.h"
#include "subtree_groups.h"

namespace orgaudit::rendanheyi {
namespace {

// The units on the way as related locations, "hop 1: 'Smart Cooking EMC'", ...
void add_route(const Org& org, const std::vector<UnitIndex>& route, FindingBuilder& finding) {
  for (std::size_t hop = 0; hop < route.size(); ++hop) {
    const Unit& unit = org.units[route[hop]];
    finding.related(unit.where, "hop " + std::to_string(hop + 1) + ": " + quoted(unit), {EntityRef::unit, route[hop]});
  }
}

constexpr std::uint8_t kHierarchyOnly = 1;
constexpr std::uint8_t kNoPath = 2;

}  // namespace

RuleInfo ZeroDistance::info() {
  return {"units with no path to a user: not user-facing and no EMC or contract link, within max-hops, "
          "to a user-facing unit",
          Severity::warning,
          "User value",
          {{"max-hops", OptionType::integer, "2",
            "most EMC-membership or contract hops a unit may be from the nearest user-facing unit"}}};
}

ZeroDistance::ZeroDistance(const RuleOptions& options) : max_hops_(options.get_int("max-hops")) {}

void ZeroDistance::check(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  const NetworkMetrics& net = context.metrics.network;
  if (!net.any_user_facing) return sink.not_assessed("user_facing flags on units or people");

  std::vector<std::uint8_t> no_lateral_path(org.units.size(), 0);

  for (UnitIndex u = 0; u < org.units.size(); ++u) {
    const Unit& unit = org.units[u];
    // An external partner is measured by its own company, not by this org's distance to users.
    if (unit.kind == UnitKind::external_partner) continue;
    sink.assessed({EntityRef::unit, u});
    const std::int32_t hops = net.user_hops[u];
    if (hops == 0 || (hops > 0 && hops <= max_hops_)) continue;

    if (hops > 0) {
      const std::vector<UnitIndex> route = net.path_to_user(u, false);
      const Unit& user_unit = org.units[route.back()];
      FindingBuilder finding = sink.report(
          {EntityRef::unit, u}, quoted(unit) + " is " + count_of(static_cast<std::size_t>(hops), "hop") +
                                    " of EMC membership and contracts from the nearest user-facing unit, " +
                                    quoted(user_unit) + " (max " + std::to_string(max_hops_) +
                                    "): contract with a user-facing unit or join its EMC");
      finding.key("too-far");
      add_route(org, route, finding);
      continue;
    }
    // No lateral path at all: reported once per subtree of units with the same route (or none).
    no_lateral_path[u] = net.path_to_user(u, true).empty() ? kNoPath : kHierarchyOnly;
  }
  for (const std::vector<UnitIndex>& group : subtree_groups(org, no_lateral_path))
    if (!group.empty()) report_no_lateral_path(context, group, sink);
}

void ZeroDistance::report_no_lateral_path(const CheckContext& context, const std::vector<UnitIndex>& group,
                                          FindingSink& sink) {
  const Org& org = context.org;
  const NetworkMetrics& net = context.metrics.network;
  const UnitIndex u = group.front();
  const Unit& unit = org.units[u];
  const std::size_t subs = group.size() - 1;
  // Say which route it has today: up and down the hierarchy, if any.
  const std::vector<UnitIndex> hierarchy = net.path_to_user(u, true);
  std::string message;
  if (subs == 0) {
    const std::uint32_t partners = net.component_size[net.component[u]] - 1;
    const std::string partners_text =
        partners == 0 ? "has no EMC membership or contract"
                      : "is tied by EMC membership or contract only to " +
                            (partners == 1 ? std::string("1 unit that does not")
                                           : std::to_string(partners) + " units that do not") +
                            " reach users either";
    message = quoted(unit) + " has no path to a user: it is not user-facing" +
              (hierarchy.empty() ? ", " + partners_text + ", and not even the hierarchy leads to a user-facing unit"
                                 : " and " + partners_text + ", so its only route to users runs through the hierarchy");
  } else {
    // Each sub-unit's own ties differ; what they share is that none leads to a unit that reaches users.
    message = quoted(unit) + " and its " + count_of(subs, "sub-unit") +
              " have no path to a user: none is user-facing or tied by EMC membership or contract to a unit "
              "that reaches users" +
              (hierarchy.empty() ? ", and not even the hierarchy leads to a user-facing unit"
                                 : ", so their only route to users runs through the hierarchy");
  }
  if (!hierarchy.empty())
    message += ", to " + quoted(org.units[hierarchy.back()]) + " (" + count_of(hierarchy.size(), "step") +
               (subs == 0 ? ")" : " from " + quoted(unit) + ")");
  if (subs > kListedSubUnits) message += " (the first " + std::to_string(kListedSubUnits) + " sub-units listed)";
  FindingBuilder finding = sink.report({EntityRef::unit, u}, message);
  finding.key(hierarchy.empty() ? "no-path" : "hierarchy-only");
  add_route(org, hierarchy, finding);
  add_sub_units(org, group, "sub-unit, same problem", kListedSubUnits, finding);
}

}  // namespace orgaudit::rendanheyi
