// subtree_groups: which units a grouped finding covers, on hand-built trees (bad input included).
#include "subtree_groups.h"

#include <catch2/catch.hpp>

using namespace orgaudit;
using namespace orgaudit::rendanheyi;

namespace {

// Units 0..n-1 with the given parents (kNoIndex for none), as Org::resolve leaves them.
Org org_with_parents(const std::vector<UnitIndex>& parents) {
  Org org;
  for (std::size_t i = 0; i < parents.size(); ++i) {
    Unit unit;
    unit.id = "U" + std::to_string(i);
    unit.parent = parents[i];
    org.units.push_back(unit);
  }
  return org;
}

}  // namespace

TEST_CASE("subtree groups: a top and the sub-units below it that share its problem, in file order") {
  // 0 root (no problem); 1 under 0 and 2, 3 under 1 share problem 1; 4 under 3 has problem 2;
  // 5 under 4 has problem 1 again (its parent's problem differs: a new top); 6 is listed before its
  // parent 7, both problem 1.
  const Org org = org_with_parents({kNoIndex, 0, 1, 1, 3, 4, 7, 2});
  const auto groups = subtree_groups(org, {0, 1, 1, 1, 2, 1, 1, 1});
  REQUIRE(groups.size() == 8);
  CHECK(groups[1] == std::vector<UnitIndex>{1, 2, 3, 6, 7});
  CHECK(groups[4] == std::vector<UnitIndex>{4});
  CHECK(groups[5] == std::vector<UnitIndex>{5});
  for (const UnitIndex other : {0u, 2u, 3u, 6u, 7u}) CHECK(groups[other].empty());
}

TEST_CASE("subtree groups: a parent cycle in bad input still ends, with every unit in one group") {
  const Org org = org_with_parents({1, 2, 0});
  const auto groups = subtree_groups(org, {1, 1, 1});
  std::size_t covered = 0;
  for (const auto& group : groups) covered += group.size();
  CHECK(covered == 3);
}
