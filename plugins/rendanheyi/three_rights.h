// rendanheyi-three-rights: micro-enterprises that do not hold their own decision, people (hiring)
// or pay right; the finding names the right and who holds it instead.
#pragma once

#include "orgaudit/rule.h"

namespace orgaudit::rendanheyi {

class ThreeRights : public Rule {
 public:
  static RuleInfo info();
  explicit ThreeRights(const RuleOptions& options);
  void check(const CheckContext& context, FindingSink& sink) const override;

 private:
  static void check_right(const CheckContext& context, UnitIndex me, const RightHolder& right, const char* which,
                          FindingSink& sink);
};

}  // namespace orgaudit::rendanheyi
