// rendanheyi-value-less-manager: middle managers (managers of managers) with no evidence of user
// value: the layer Haier removed, 10,000 to 12,000 managers "who didn't create value for the users".
#pragma once

#include <cstdint>
#include <vector>

#include "orgaudit/rule.h"

namespace orgaudit::rendanheyi {

class ValueLessManager : public Rule {
 public:
  static RuleInfo info();
  explicit ValueLessManager(const RuleOptions& options);
  void check(const CheckContext& context, FindingSink& sink) const override;

 private:
  // Per person: whether a unit they own carries evidence of user value (an ME or EMC, a user-facing
  // unit, revenue or user metrics). One pass over the units.
  static std::vector<std::uint8_t> owner_evidence(const CheckContext& context);

  long min_reports_who_manage_;
};

}  // namespace orgaudit::rendanheyi
