// rendanheyi-emc-losses: EMCs whose cumulative losses reach their contract's loss threshold and
// that still exist: "when losses reach a threshold, the community is dissolved" (003).
#pragma once

#include "orgaudit/rule.h"

namespace orgaudit::rendanheyi {

class EmcLosses : public Rule {
 public:
  static RuleInfo info();
  explicit EmcLosses(const RuleOptions& options);
  void check(const CheckContext& context, FindingSink& sink) const override;
};

}  // namespace orgaudit::rendanheyi
