// structure-pass-through-manager: a layer that only relays, a manager whose one report manages too.
#pragma once

#include "orgaudit/rule.h"

namespace orgaudit::structure {

class PassThroughManager : public Rule {
 public:
  static RuleInfo info();
  explicit PassThroughManager(const RuleOptions& options);
  void check(const CheckContext& context, FindingSink& sink) const override;
};

}  // namespace orgaudit::structure
