// rendanheyi-zero-distance: units with no path to a user: not user-facing, and no chain of EMC
// membership or contracts, within max-hops, to a unit that is. Units with no such path at all are
// reported once at the top of each subtree of units sharing the same route (hierarchy or none).
#pragma once

#include <vector>

#include "orgaudit/rule.h"

namespace orgaudit::rendanheyi {

class ZeroDistance : public Rule {
 public:
  static RuleInfo info();
  explicit ZeroDistance(const RuleOptions& options);
  void check(const CheckContext& context, FindingSink& sink) const override;

 private:
  // One finding for a subtree of units with no lateral path to a user: its top first.
  static void report_no_lateral_path(const CheckContext& context, const std::vector<UnitIndex>& group,
                                     FindingSink& sink);

  long max_hops_;
};

}  // namespace orgaudit::rendanheyi
