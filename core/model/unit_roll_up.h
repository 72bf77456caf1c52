// Sums over the unit tree in linear time. Walking each unit's ancestors is quadratic in the tree's
// depth, and a unit tree 100,000 deep is a data error orgaudit must survive in seconds; so units
// are put in an order where each comes before its parent, and every value flows up once.
// Not in the SDK's headers; exported from liborgaudit because the host's scoring rolls up too.
#pragma once

#include <vector>

#include "orgaudit/export.h"
#include "orgaudit/model.h"

namespace orgaudit {
namespace detail {

class ORGAUDIT_API UnitRollUp {
 public:
  explicit UnitRollUp(const Org& org);

  // Adds each unit's value into its parent's, children first: `add(to, from)` with unit indexes.
  // The members of a parent cycle (which structure-integrity reports) enclose one another, so
  // each ends with the cycle's total, as a walk up from any of them would count it.
  template <typename Add, typename Copy>
  void roll_up(Add&& add, Copy&& copy) const {
    for (UnitIndex u : children_first_)
      if (parent_[u] != kNoIndex) add(parent_[u], u);
    for (const std::vector<UnitIndex>& cycle : cycles_) {
      for (std::size_t i = 1; i < cycle.size(); ++i) add(cycle[0], cycle[i]);
      for (std::size_t i = 1; i < cycle.size(); ++i) copy(cycle[i], cycle[0]);
    }
  }

 private:
  std::vector<UnitIndex> parent_;          // kNoIndex for a root, a unit its own parent, or a bad index
  std::vector<UnitIndex> children_first_;  // every unit not on a parent cycle
  std::vector<std::vector<UnitIndex>> cycles_;
};

}  // namespace detail
}  // namespace orgaudit
