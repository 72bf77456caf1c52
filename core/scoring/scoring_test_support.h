// What the scoring tests share: outcomes and findings built by hand, without running rules.
#pragma once

#include <string>

#include "engine/engine.h"

namespace orgaudit::scoring_test {

// A rule's outcome by its assessed count alone (which entities it assessed does not matter here).
inline RuleOutcome counted(const std::string& rule, const std::string& dimension, std::size_t assessed,
                           bool not_assessed = false) {
  RuleOutcome o;
  o.rule_id = rule;
  o.dimension = dimension;
  o.assessed = assessed;
  o.not_assessed = not_assessed;
  return o;
}

}  // namespace orgaudit::scoring_test
