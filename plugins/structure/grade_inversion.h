// structure-grade-inversion: a report graded the same as, or above, their own manager.
#pragma once

#include <string>
#include <unordered_map>

#include "orgaudit/rule.h"

namespace orgaudit::structure {

class GradeInversion : public Rule {
 public:
  static RuleInfo info();
  explicit GradeInversion(const RuleOptions& options);
  void check(const CheckContext& context, FindingSink& sink) const override;

 private:
  static constexpr int kUnranked = -1;
  // Position in grade-order (0 = most senior), or kUnranked for a grade the order does not name.
  int rank_of(std::string_view grade) const;

  std::unordered_map<std::string, int> rank_;  // lower-cased grade -> position
};

}  // namespace orgaudit::structure
