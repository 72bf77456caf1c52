// rendanheyi-zero-distance: units with no path to a user: not user-facing, and no chain of EMC
// membership or contracts, within max-hops, to a unit that is.
#pragma once

#include "orgaudit/rule.h"

namespace orgaudit::rendanheyi {

class ZeroDistance : public Rule {
 public:
  static RuleInfo info();
  explicit ZeroDistance(const RuleOptions& options);
  void check(const CheckContext& context, FindingSink& sink) const override;

 private:
  long max_hops_;
};

}  // namespace orgaudit::rendanheyi
