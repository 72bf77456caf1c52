// structure-hierarchy-depth: people too many layers below the top of the organisation.
#pragma once

#include "orgaudit/rule.h"

namespace orgaudit::structure {

class HierarchyDepth : public Rule {
 public:
  static RuleInfo info();
  explicit HierarchyDepth(const RuleOptions& options);
  void check(const CheckContext& context, FindingSink& sink) const override;

 private:
  long max_layers_;
  long error_layers_;
};

}  // namespace orgaudit::structure
