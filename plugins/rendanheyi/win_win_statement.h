// rendanheyi-win-win-statement: EMCs (or other units, by option) whose win-win value-added
// statement is missing, lacks one of its six elements, or shows marginal gains falling.
#pragma once

#include <vector>

#include "orgaudit/rule.h"

namespace orgaudit::rendanheyi {

class WinWinStatement : public Rule {
 public:
  static RuleInfo info();
  explicit WinWinStatement(const RuleOptions& options);
  void check(const CheckContext& context, FindingSink& sink) const override;

 private:
  static void check_statement(const CheckContext& context, UnitIndex u, FindingSink& sink);

  std::vector<UnitKind> require_for_;
};

}  // namespace orgaudit::rendanheyi
