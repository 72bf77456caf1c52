// structure-span-of-control: managers with too few or too many people to lead well, one-over-one
// lines and layers that only relay, one finding per manager (rules/structure/structure-span-of-control.md).
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
