// rendanheyi-emc-contract: EMCs whose contract is missing, stale (not updated within max-age-days of
// the org's as_of date), dated in the future, or lacking objectives or a value-sharing term; members
// that kept underperforming and were not replaced; a unit listed as its own member.
#pragma once

#include "orgaudit/rule.h"

namespace orgaudit::rendanheyi {

class EmcContract : public Rule {
 public:
  static RuleInfo info();
  explicit EmcContract(const RuleOptions& options);
  void check(const CheckContext& context, FindingSink& sink) const override;

 private:
  void check_contract(const CheckContext& context, UnitIndex emc, FindingSink& sink) const;
  void check_members(const CheckContext& context, UnitIndex emc, FindingSink& sink) const;
  static void check_self_membership(const CheckContext& context, FindingSink& sink);

  long max_age_days_;
  long replace_after_;
};

}  // namespace orgaudit::rendanheyi
