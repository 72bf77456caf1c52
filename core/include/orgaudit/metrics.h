// Graph metrics the core computes once per run and hands read-only to every rule, so no rule walks
// the whole organisation again for its own purposes.
#pragma once

#include <cstdint>
#include <vector>

#include "orgaudit/export.h"
#include "orgaudit/model.h"

namespace orgaudit {

// Person indices stored one after another (a manager's direct reports).
struct PersonRange {
  const PersonIndex* first = nullptr;
  const PersonIndex* last = nullptr;
  const PersonIndex* begin() const { return first; }
  const PersonIndex* end() const { return last; }
  std::size_t size() const { return static_cast<std::size_t>(last - first); }
  bool empty() const { return first == last; }
};

struct ReportingMetrics {
  std::vector<PersonIndex> roots;  // people with no (resolvable) manager, in input order
  // Layers below the root: 0 for a root, -1 for people not reachable from any root (in, or under,
  // a reporting cycle) and for aggregate rows, which are no layer of their own.
  std::vector<std::int32_t> depth;
  std::vector<PersonIndex> breadth_first_order;  // reachable people, roots first
  // Direct reports that count towards span: assistants, vacant posts and aggregate rows excluded.
  std::vector<std::uint32_t> span;
  std::vector<std::uint32_t> direct_reports;     // every direct report (individuals: not aggregate rows)
  std::vector<double> command_fte;               // FTE of the aggregate rows (junior staff) under each post
  std::vector<std::uint32_t> managers_among_reports;  // direct reports who manage someone themselves
  std::vector<std::uint32_t> subtree_size;       // the person and every individual below them
  std::vector<std::vector<PersonIndex>> cycles;  // each reporting cycle, members in chain order
  std::int32_t max_depth = 0;
  // People whose line to the top is broken: below a manager id that matches no one, a person who
  // manages themselves, or a reporting cycle. Scores can vouch only for the rest of the org.
  std::size_t cut_off = 0;

  bool is_manager(PersonIndex p) const { return direct_reports[p] > 0; }
  // The individuals who report to `manager` on a solid line (aggregate rows are not reports of
  // anyone: they stand for a post's junior command), in input order, in O(1).
  PersonRange reports_of(PersonIndex manager) const {
    const PersonIndex* base = report_list_.data();
    return PersonRange{base + report_start_[manager], base + report_start_[manager + 1]};
  }
  // The management chain from p's root down to p (inclusive); empty for people in or under a cycle.
  ORGAUDIT_API std::vector<PersonIndex> chain_to(const Org& org, PersonIndex p) const;

 private:
  friend struct OrgMetrics;
  // The solid lines, manager -> report, as compressed sparse rows: the reports of m are
  // report_list_[report_start_[m]] up to report_list_[report_start_[m + 1]]. Two arrays for a
  // million people.
  std::vector<std::uint32_t> report_start_;
  std::vector<PersonIndex> report_list_;
};

struct UnitMetrics {
  std::vector<std::uint32_t> people;     // people whose unit is this one
  std::vector<double> fte;               // FTE of those people (aggregate nodes count their FTE)
  std::vector<double> subtree_fte;       // FTE of the unit and its descendants
  std::vector<std::uint32_t> subtree_people;  // people of the unit and its descendants
  std::vector<double> staff_fte;         // FTE of its own staff: vacant posts and external people not counted
};

// The lateral network of units and people, for rules about silos, openness and distance to users
// (the Rendanheyi pack). Computed once per run from the unit graph, the people and the links.
struct NetworkMetrics {
  // A unit faces users when it says so (`user_facing: true`) or one of its people does.
  std::vector<bool> user_facing;
  bool any_user_facing = false;

  // Lateral ties of each unit: edges of the unit graph other than parent lines (EMC membership,
  // contracts, collaboration). A parent line from an EMC to its unit counts as membership.
  std::vector<std::uint32_t> lateral_ties;
  std::size_t lateral_tie_count = 0;  // in the whole org: 0 means the data records no lateral tie

  // Zero distance: hops from each unit to the nearest user-facing unit over EMC membership and
  // contracts (0 for a user-facing unit, -1 when none can be reached), and the next unit on the way.
  std::vector<std::int32_t> user_hops;
  std::vector<UnitIndex> toward_user;
  // The same over parent lines alone: the route through the hierarchy a unit has today.
  std::vector<std::int32_t> hierarchy_user_hops;
  std::vector<UnitIndex> toward_user_in_hierarchy;
  // Connected components of the membership-and-contract graph (the zero-distance graph).
  std::vector<std::uint32_t> component;       // per unit
  std::vector<std::uint32_t> component_size;  // per component

  // E-I index inputs: weight of collaboration ties inside each unit (between its own people) and
  // to other units (from its people or from the unit itself).
  std::vector<double> internal_weight;
  std::vector<double> external_weight;
  std::size_t collaboration_links = 0;

  // Single bridges. The people tie graph joins people by person-level links (any kind) and by
  // reporting lines inside a unit; `articulation` marks its articulation points (biconnected
  // components). Empty when no link joins two people.
  std::vector<bool> articulation;
  // Per unit: person-level links from its people to other units (each is also a lateral tie of the
  // unit), and the one member who carries all of them (kNoIndex when none does, or several do).
  std::vector<std::uint32_t> person_ties_out;
  std::vector<PersonIndex> bridge;

  double ei_index(UnitIndex u) const {
    const double total = internal_weight[u] + external_weight[u];
    return total > 0 ? (external_weight[u] - internal_weight[u]) / total : 0.0;
  }
  // The units on the way from u to the nearest user-facing unit, u excluded, that unit included.
  ORGAUDIT_API std::vector<UnitIndex> path_to_user(UnitIndex u, bool through_hierarchy) const;
};

struct OrgMetrics {
  ReportingMetrics reporting;
  UnitMetrics units;
  NetworkMetrics network;

  ORGAUDIT_API static OrgMetrics compute(const Org& org);
};

}  // namespace orgaudit
