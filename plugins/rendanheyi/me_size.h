// rendanheyi-me-size: micro-enterprises grown past the size at which they should split.
#pragma once

#include "orgaudit/rule.h"

namespace orgaudit::rendanheyi {

class MeSize : public Rule {
 public:
  static RuleInfo info();
  explicit MeSize(const RuleOptions& options);
  void check(const CheckContext& context, FindingSink& sink) const override;

 private:
  double max_size_;
  double error_size_;
};

}  // namespace orgaudit::rendanheyi
