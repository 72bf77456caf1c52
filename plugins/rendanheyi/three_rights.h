// rendanheyi-three-rights: micro-enterprises that do not hold their own decision, people (hiring)
// or pay right; the finding names the right and who holds it instead.
#pragma once

#include <string>
#include <vector>

#include "orgaudit/rule.h"

namespace orgaudit::rendanheyi {

class ThreeRights : public Rule {
 public:
  static RuleInfo info();
  explicit ThreeRights(const RuleOptions& options);
  void check(const CheckContext& context, FindingSink& sink) const override;

 private:
  // Which person field records an approval, its YAML key, and what is approved.
  struct Approvals {
    std::string Approvers::*id;
    PersonIndex Approvers::*approver;
    const char* key;
    const char* noun;
  };

  static void check_right(const CheckContext& context, UnitIndex me, const RightHolder& right, const char* which,
                          FindingSink& sink);
  // False when none of the ME's people records an approver for this right: the rights block decides.
  static bool check_approvals(const CheckContext& context, UnitIndex me, const std::vector<PersonIndex>& people,
                              const Approvals& approvals, const char* which, FindingSink& sink);
};

}  // namespace orgaudit::rendanheyi
