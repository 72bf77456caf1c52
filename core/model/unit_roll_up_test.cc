#include "model/unit_roll_up.h"

#include <catch2/catch.hpp>

using namespace orgaudit;

namespace {

// Units with these parents (kNoIndex: a root), each worth 1.
std::vector<int> rolled_up(const std::vector<UnitIndex>& parents) {
  Org org;
  for (UnitIndex parent : parents) org.units.emplace_back().parent = parent;
  std::vector<int> total(parents.size(), 1);
  detail::UnitRollUp(org).roll_up([&](UnitIndex to, UnitIndex from) { total[to] += total[from]; },
                          [&](UnitIndex to, UnitIndex from) { total[to] = total[from]; });
  return total;
}

}  // namespace

TEST_CASE("unit roll-ups add each subtree once, children first") {
  //   0 <- 1 <- 2, 0 <- 3; 4 its own parent (a root, as structure-integrity reports it)
  CHECK(rolled_up({kNoIndex, 0, 1, 0, 4}) == std::vector<int>{4, 2, 1, 1, 1});
}

TEST_CASE("a parent cycle gives each member the cycle's total, hangers-on included once") {
  // 0 -> 1 -> 2 -> 0 is a cycle; 3 hangs on 1, 4 on 3.
  CHECK(rolled_up({1, 2, 0, 1, 3}) == std::vector<int>{5, 5, 5, 2, 1});
}

TEST_CASE("a unit tree a million deep rolls up without walking ancestors") {
  std::vector<UnitIndex> parents(1000000);
  for (UnitIndex u = 0; u < parents.size(); ++u) parents[u] = u == 0 ? kNoIndex : u - 1;
  const std::vector<int> total = rolled_up(parents);  // quadratic would be 5 * 10^11 steps
  CHECK(total.front() == 1000000);
  CHECK(total.back() == 1);
}
