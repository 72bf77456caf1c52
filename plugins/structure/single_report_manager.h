// structure-single-report-manager: "one-over-one" managers, who lead exactly one person.
#pragma once

#include "orgaudit/rule.h"

namespace orgaudit::structure {

class SingleReportManager : public Rule {
 public:
  static RuleInfo info();
  explicit SingleReportManager(const RuleOptions& options);
  void check(const CheckContext& context, FindingSink& sink) const override;
};

}  // namespace orgaudit::structure
