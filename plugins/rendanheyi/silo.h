// rendanheyi-silo: units that work as silos, in three forms:
//   structural     a unit whose only ties to other units are reporting lines (cascading, not parallel),
//                  reported once at the top of each subtree of such units;
//   E-I index      with collaboration links, a unit whose Krackhardt E-I index is below min-ei;
//   single bridge  a unit whose ties to other units all run through one person (an articulation
//                  point of the people tie graph), a fragile link.
#pragma once

#include <cstdint>
#include <vector>

#include "orgaudit/rule.h"

namespace orgaudit::rendanheyi {

class Silo : public Rule {
 public:
  static RuleInfo info();
  explicit Silo(const RuleOptions& options);
  void check(const CheckContext& context, FindingSink& sink) const override;

 private:
  // One finding for a subtree of units tied to others only by reporting lines: its top first.
  static void report_reporting_only(const Org& org, const std::vector<UnitIndex>& group, FindingSink& sink);
  void check_ei_index(const CheckContext& context, UnitIndex u, FindingSink& sink) const;
  static void check_single_bridge(const CheckContext& context, UnitIndex u, FindingSink& sink);

  double min_ei_;
};

}  // namespace orgaudit::rendanheyi
