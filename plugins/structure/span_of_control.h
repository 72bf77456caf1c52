// structure-span-of-control: managers with too few or too many people to lead well.
#pragma once

#include "orgaudit/rule.h"

namespace orgaudit::structure {

class SpanOfControl : public Rule {
 public:
  static RuleInfo info();
  explicit SpanOfControl(const RuleOptions& options);
  void check(const CheckContext& context, FindingSink& sink) const override;

 private:
  long min_span_;
  long max_span_;
};

}  // namespace orgaudit::structure
