#include "model/unit_roll_up.h"

#include <cstdint>

namespace orgaudit {

detail::UnitRollUp::UnitRollUp(const Org& org) : parent_(org.units.size(), kNoIndex) {
  const std::size_t n = org.units.size();
  std::vector<std::uint32_t> pending(n, 0);  // children not yet ordered
  for (UnitIndex u = 0; u < n; ++u) {
    const UnitIndex p = org.units[u].parent;
    if (p != kNoIndex && p != u && p < n) ++pending[parent_[u] = p];
  }
  // Leaves first, then each parent once its last child is placed (Kahn's order, on a forest).
  children_first_.reserve(n);
  for (UnitIndex u = 0; u < n; ++u)
    if (pending[u] == 0) children_first_.push_back(u);
  for (std::size_t next = 0; next < children_first_.size(); ++next) {
    const UnitIndex p = parent_[children_first_[next]];
    if (p != kNoIndex && --pending[p] == 0) children_first_.push_back(p);
  }
  // What is left has a child left, round a cycle: each unit has one parent, so only cycles remain.
  for (UnitIndex u = 0; u < n; ++u) {
    if (pending[u] == 0) continue;
    std::vector<UnitIndex>& cycle = cycles_.emplace_back();
    for (UnitIndex at = u; pending[at] != 0; at = parent_[at]) {
      pending[at] = 0;
      cycle.push_back(at);
    }
  }
}

}  // namespace orgaudit
