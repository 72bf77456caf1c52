// structure-integrity: the data problems that make every other structural finding unreliable:
// reporting cycles, ids that match no one, duplicate ids, extra roots, self-management, units with
// no owner. HR tools tend to refuse a whole file for one bad parent; orgaudit loads what it can and
// reports each problem here, at the field that causes it.
//
// The checks are split by theme: integrity.cc (roots, self-management, unit owners),
// integrity_cycles.cc (reporting and unit-parent cycles), integrity_references.cc (ids that resolve
// to nothing, or to two entities).
#pragma once

#include "orgaudit/rule.h"

namespace orgaudit::structure {

class Integrity : public Rule {
 public:
  static RuleInfo info();
  explicit Integrity(const RuleOptions& options);
  void check(const CheckContext& context, FindingSink& sink) const override;

 private:
  void check_roots(const CheckContext& context, FindingSink& sink) const;
  static void check_self_management(const CheckContext& context, FindingSink& sink);
  static void check_unit_owners(const CheckContext& context, FindingSink& sink);
  static void check_reporting_cycles(const CheckContext& context, FindingSink& sink);
  static void check_unit_cycles(const CheckContext& context, FindingSink& sink);
  static void check_references(const CheckContext& context, FindingSink& sink);
  static void check_link_ends(const CheckContext& context, FindingSink& sink);

  long expected_roots_;
};

}  // namespace orgaudit::structure
