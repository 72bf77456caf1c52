#include "subtree_groups.h"

#include "rendanheyi_support.h"

namespace orgaudit::rendanheyi {

std::vector<std::vector<UnitIndex>> subtree_groups(const Org& org, const std::vector<std::uint8_t>& problem) {
  const std::size_t n = org.units.size();
  // top[u]: the top of u's group, once known. Each unit is walked up once and every unit on the walk
  // gets its top, so the whole pass is linear; `on_walk` stops a parent cycle in bad input.
  std::vector<UnitIndex> top(n, kNoIndex);
  std::vector<bool> on_walk(n, false);
  std::vector<UnitIndex> walk;
  for (UnitIndex u = 0; u < n; ++u) {
    if (problem[u] == 0 || top[u] != kNoIndex) continue;
    walk.clear();
    UnitIndex at = u;
    UnitIndex found = kNoIndex;
    while (true) {
      walk.push_back(at);
      on_walk[at] = true;
      const UnitIndex parent = org.units[at].parent;
      if (parent == kNoIndex || problem[parent] != problem[at] || on_walk[parent]) {
        found = at;
        break;
      }
      if (top[parent] != kNoIndex) {
        found = top[parent];
        break;
      }
      at = parent;
    }
    for (const UnitIndex w : walk) {
      top[w] = found;
      on_walk[w] = false;
    }
  }
  std::vector<std::vector<UnitIndex>> groups(n);
  for (UnitIndex u = 0; u < n; ++u)
    if (top[u] == u) groups[u].push_back(u);
  for (UnitIndex u = 0; u < n; ++u)
    if (top[u] != kNoIndex && top[u] != u) groups[top[u]].push_back(u);
  return groups;
}

void add_sub_units(const Org& org, const std::vector<UnitIndex>& group, const std::string& label, std::size_t cap,
                   FindingBuilder& finding) {
  // The top unit shares the problem: once a finding names whom it affects, only they are scored.
  if (group.size() > 1) finding.affects({EntityRef::unit, group.front()});
  for (std::size_t i = 1; i < group.size(); ++i) {
    const EntityRef sub{EntityRef::unit, group[i]};
    finding.affects(sub);
    if (i <= cap) finding.related(org.units[group[i]].where, label + ": " + quoted(org.units[group[i]]), sub);
  }
}

}  // namespace orgaudit::rendanheyi
