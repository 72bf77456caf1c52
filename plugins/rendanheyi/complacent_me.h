// rendanheyi-complacent-me: micro-enterprises showing the signs of self-complacency over their
// metric history: falling user feedback, no outside hires, no outside ties or funding, growth
// without a split, flat revenue (no "second curve").
#pragma once

#include <string>
#include <vector>

#include "orgaudit/rule.h"

namespace orgaudit::rendanheyi {

class ComplacentMe : public Rule {
 public:
  static RuleInfo info();
  explicit ComplacentMe(const RuleOptions& options);
  void check(const CheckContext& context, FindingSink& sink) const override;

 private:
  struct Signal {
    std::string text;
    SourceLocation where;  // the series (or unit) it was read from
    std::string series;
  };
  std::vector<Signal> signals(const CheckContext& context, UnitIndex me) const;

  long min_signals_;
  long falling_periods_;
  long hire_window_;
  double max_size_;
  double flat_growth_;
};

}  // namespace orgaudit::rendanheyi
