// UnitTree: the unit hierarchy with subtree totals and cluster parents, built once per map.
#include "map/map_scope.h"

#include <algorithm>

namespace orgaudit::map {
namespace {

// Follows cluster parents from each unit; where a walk comes back to a unit it has already passed
// (an EMC listed as a member of its own member, a parent cycle), the link that closes the loop is
// cut, so clusters always nest as a tree. Graphviz would otherwise recurse for ever. A walk stops
// at a unit an earlier walk has passed, so each unit is passed once however deep the tree.
void cut_cluster_loops(std::vector<UnitIndex>& parent) {
  constexpr std::uint32_t kUnwalked = kNoIndex;
  std::vector<std::uint32_t> walked_by(parent.size(), kUnwalked);
  for (UnitIndex start = 0; start < parent.size(); ++start) {
    for (UnitIndex u = start; walked_by[u] == kUnwalked; u = parent[u]) {
      walked_by[u] = start;
      if (parent[u] == kNoIndex) break;
      if (walked_by[parent[u]] == start) {
        parent[u] = kNoIndex;
        break;
      }
    }
  }
}

}  // namespace

UnitTree::UnitTree(const Org& org, const OrgMetrics& metrics)
    : children(org.units.size()), cluster_parent(org.units.size(), kNoIndex),
      subtree_units(org.units.size(), 1), subtree_people(org.units.size(), 0) {
  const std::size_t n = org.units.size();
  for (UnitIndex u = 0; u < n; ++u) {
    const UnitIndex parent = org.units[u].parent;
    if (parent == kNoIndex || parent == u) roots.push_back(u);
    else children[parent].push_back(u);
    subtree_people[u] = u < metrics.units.people.size() ? metrics.units.people[u] : 0;
  }

  // Breadth-first from the roots; units only reachable through a parent cycle start trees of their
  // own, so each unit is counted in exactly one subtree.
  std::vector<UnitIndex> order;
  std::vector<UnitIndex> bfs_parent(n, kNoIndex);
  std::vector<bool> visited(n, false);
  auto walk = [&](UnitIndex root) {
    visited[root] = true;
    std::size_t head = order.size();
    order.push_back(root);
    for (; head < order.size(); ++head)
      for (UnitIndex c : children[order[head]])
        if (!visited[c]) visited[c] = true, bfs_parent[c] = order[head], order.push_back(c);
  };
  for (UnitIndex r : roots) walk(r);
  for (UnitIndex u = 0; u < n; ++u)
    if (!visited[u]) roots.push_back(u), walk(u);
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const UnitIndex p = bfs_parent[*it];
    if (p == kNoIndex) continue;
    subtree_units[p] += subtree_units[*it];
    subtree_people[p] += subtree_people[*it];
  }
  // Children reached only through a cycle are not children in the drawn tree.
  for (UnitIndex u = 0; u < n; ++u)
    children[u].erase(std::remove_if(children[u].begin(), children[u].end(),
                                     [&](UnitIndex c) { return bfs_parent[c] != u; }),
                      children[u].end());

  for (UnitIndex u = 0; u < n; ++u) cluster_parent[u] = org.units[u].parent == u ? kNoIndex : org.units[u].parent;
  std::vector<bool> in_emc(n, false);
  for (UnitIndex e = 0; e < n; ++e) {
    if (org.units[e].kind != UnitKind::emc) continue;
    for (UnitIndex m : org.units[e].members)
      if (m != e && !in_emc[m]) in_emc[m] = true, cluster_parent[m] = e;
  }
  cut_cluster_loops(cluster_parent);
}

}  // namespace orgaudit::map
