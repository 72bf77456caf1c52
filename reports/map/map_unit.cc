// The unit-level plan: one node per unit (sized by headcount, coloured by score), the unit hierarchy
// and EMC membership as edges, and EMCs as clusters around their members when `dot` lays it out.
#include <algorithm>
#include <map>

#include "map/map_builders.h"

namespace orgaudit::map {
namespace {

class UnitPlanner {
 public:
  UnitPlanner(const ReportInput& input, const UnitTree& tree, const UnitScope& scope, const FindingIndex& findings)
      : input_(input), org_(input.org), tree_(tree), scope_(scope), findings_(findings),
        node_of_(org_.units.size(), kNoIndex), people_mark_(org_.units.size(), Mark::none),
        people_findings_(org_.units.size(), 0) {}

  // `dot`: EMC clusters, and leaf units stacked in columns (a tree of units drawn with every leaf
  // side by side is a long thin strip). Force layouts get neither: they ignore both.
  Plan build(bool dot) {
    fold_people_marks();
    for (std::size_t i = 0; i < scope_.units.size(); ++i) add_unit(scope_.units[i], scope_.collapsed[i]);
    loose_.assign(plan_.nodes.size(), false);
    if (dot) add_emc_clusters(), stack_leaves();
    for (UnitIndex u : scope_.units) add_edges(u);
    add_links();
    return std::move(plan_);
  }

 private:
  // Findings on people count towards their unit: a unit whose team lead is flagged is not clean.
  void fold_people_marks() {
    for (PersonIndex p = 0; p < org_.people.size(); ++p) {
      const Mark m = findings_.person_mark(p);
      const UnitIndex u = org_.people[p].unit;
      if (m == Mark::none || u == kNoIndex) continue;
      people_mark_[u] = std::max(people_mark_[u], m);
      ++people_findings_[u];
    }
  }

  // Worst mark and count of flagged people over a collapsed unit's hidden subtree.
  std::pair<Mark, std::size_t> subtree_marks(UnitIndex top) const {
    Mark worst = Mark::none;
    std::size_t flagged = 0;
    std::vector<UnitIndex> stack{top};
    while (!stack.empty()) {
      const UnitIndex u = stack.back();
      stack.pop_back();
      worst = std::max({worst, people_mark_[u], findings_.unit_mark(u)});
      flagged += people_findings_[u];
      stack.insert(stack.end(), tree_.children[u].begin(), tree_.children[u].end());
    }
    return {worst, flagged};
  }

  void add_unit(UnitIndex u, bool collapsed) {
    const Unit& unit = org_.units[u];
    Node node;
    node.name = names_.unique(unit.id, u);
    node.is_unit = true;
    node.collapsed = collapsed;
    node.people = collapsed ? tree_.subtree_people[u] : input_.metrics.units.people[u];
    node.label = unit.name.empty() ? unit.id : unit.name;
    node.detail = std::to_string(static_cast<long>(node.people)) + (node.people == 1 ? " person" : " people");
    Mark worst = std::max(findings_.unit_mark(u), people_mark_[u]);
    std::size_t flagged = people_findings_[u];
    if (collapsed) {
      std::tie(worst, flagged) = subtree_marks(u);
      node.detail += " in " + std::to_string(tree_.subtree_units[u]) + " units";
    }
    node.mark = worst;
    node.score = unit_score(u);
    node.tooltip = unit_caption(unit) + " (" + unit.id + ")\n" + std::to_string(input_.metrics.units.people[u]) +
                   " people in the unit, " + std::to_string(tree_.subtree_people[u]) + " with its sub-units";
    if (collapsed) node.tooltip += "\n" + std::to_string(tree_.subtree_units[u] - 1) + " sub-units not drawn: map it with --root " + unit.id;
    if (flagged) node.tooltip += "\n" + std::to_string(flagged) + (flagged == 1 ? " person" : " people") + " with findings";
    append_findings(node.tooltip, findings_.unit_lines(u));
    node_of_[u] = static_cast<std::uint32_t>(plan_.nodes.size());
    plan_.nodes.push_back(std::move(node));
  }

  void add_edges(UnitIndex u) {
    const Unit& unit = org_.units[u];
    const std::uint32_t to = node_of_[u];
    if (unit.parent != kNoIndex && unit.parent != u && node_of_[unit.parent] != kNoIndex)
      plan_.edges.push_back({node_of_[unit.parent], to, EdgeKind::unit_parent, !loose_[to]});
    for (UnitIndex m : unit.members)
      if (m != u && node_of_[m] != kNoIndex) plan_.edges.push_back({to, node_of_[m], EdgeKind::membership});
  }

  void add_links() {
    for (const Link& link : org_.links) {
      if (!link.from.is_unit || !link.to.is_unit || link.from.index == kNoIndex || link.to.index == kNoIndex) continue;
      const std::uint32_t a = node_of_[link.from.index], b = node_of_[link.to.index];
      if (a != kNoIndex && b != kNoIndex) plan_.edges.push_back({a, b, EdgeKind::lateral});
    }
  }

  // Units with nothing drawn below them, under one parent and in one cluster, go in columns of up
  // to kColumnUnits: the first ranked by its parent line, the others by an invisible edge from the
  // unit above, their parent lines drawn without a say in the ranking.
  void stack_leaves() {
    constexpr std::size_t kColumnUnits = 6;
    std::vector<bool> has_child(org_.units.size(), false);
    for (UnitIndex u : scope_.units) {
      const UnitIndex p = org_.units[u].parent;
      if (p != kNoIndex && p != u && node_of_[p] != kNoIndex) has_child[p] = true;
      for (UnitIndex m : org_.units[u].members) has_child[u] = has_child[u] || node_of_[m] != kNoIndex;
    }
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::pair<std::uint32_t, std::size_t>> column;  // last, count
    for (UnitIndex u : scope_.units) {
      const UnitIndex p = org_.units[u].parent;
      if (has_child[u] || p == kNoIndex || p == u || node_of_[p] == kNoIndex) continue;
      const std::uint32_t node = node_of_[u];
      auto [it, first] = column.emplace(std::make_pair(node_of_[p], plan_.nodes[node].cluster), std::make_pair(node, 1));
      auto& [last, count] = it->second;
      if (first) continue;
      if (count == kColumnUnits) {
        last = node, count = 1;
        continue;
      }
      plan_.edges.push_back({last, node, EdgeKind::stack});
      loose_[node] = true;
      last = node, ++count;
    }
  }

  // An EMC and the members drawn inside it; clusters of EMCs that are members of other EMCs nest.
  void add_emc_clusters() {
    std::vector<std::uint32_t> cluster_of(org_.units.size(), kNoCluster);
    for (UnitIndex u : scope_.units) {
      const Unit& unit = org_.units[u];
      if (unit.kind != UnitKind::emc) continue;
      cluster_of[u] = static_cast<std::uint32_t>(plan_.clusters.size());
      plan_.clusters.push_back({unit.id, unit_caption(unit), describe_unit(unit), kNoCluster, Mark::none, true});
      plan_.nodes[node_of_[u]].cluster = cluster_of[u];
    }
    for (UnitIndex u : scope_.units) {
      const UnitIndex e = tree_.cluster_parent[u];
      if (e == kNoIndex || cluster_of[e] == kNoCluster) continue;
      if (cluster_of[u] != kNoCluster) plan_.clusters[cluster_of[u]].parent = cluster_of[e];
      else plan_.nodes[node_of_[u]].cluster = cluster_of[e];
    }
  }

  // The subtree's score (core/scoring), when the run scored units.
  std::optional<double> unit_score(UnitIndex u) const {
    const UnitScore* score = input_.scores.unit(u);
    return score ? score->score : std::nullopt;
  }

  const ReportInput& input_;
  const Org& org_;
  const UnitTree& tree_;
  const UnitScope& scope_;
  const FindingIndex& findings_;
  std::vector<std::uint32_t> node_of_;
  std::vector<Mark> people_mark_;
  std::vector<std::size_t> people_findings_;
  std::vector<bool> loose_;  // per node: its parent line does not rank it (stacked)
  NodeNames names_;
  Plan plan_;
};

}  // namespace

Plan unit_plan(const ReportInput& input, const UnitTree& tree, const UnitScope& scope, const FindingIndex& findings,
               bool dot) {
  return UnitPlanner(input, tree, scope, findings).build(dot);
}

}  // namespace orgaudit::map
