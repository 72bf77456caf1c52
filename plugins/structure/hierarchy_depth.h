// structure-hierarchy-depth: management lines that run too many layers below the top of the
// organisation, one finding per line (at the manager on the last allowed layer).
#pragma once

#include "orgaudit/rule.h"

namespace orgaudit::structure {

class HierarchyDepth : public Rule {
 public:
  static RuleInfo info();
  explicit HierarchyDepth(const RuleOptions& options);
  void check(const CheckContext& context, FindingSink& sink) const override;

 private:
  Severity severity_at(long depth) const;

  long max_layers_;
  long error_layers_;
};

}  // namespace orgaudit::structure
