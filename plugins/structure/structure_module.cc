// The structure pack: classic spans-and-layers rules (docs: rules/structure/).
//
// One rule per class, one class per file; what two rules share lives in reporting_lines.h (a
// manager's own reports) and the SDK's orgaudit/message_text.h (how messages name entities).
#include "grade_inversion.h"
#include "hierarchy_depth.h"
#include "integrity.h"
#include "orgaudit/plugin.h"
#include "span_of_control.h"

namespace {

void register_structure_rules(orgaudit::RuleRegistry& registry) {
  using namespace orgaudit::structure;
  registry.add<HierarchyDepth>("structure-hierarchy-depth");
  registry.add<SpanOfControl>("structure-span-of-control");
  registry.add<GradeInversion>("structure-grade-inversion");
  registry.add<Integrity>("structure-integrity");
  // One finding per manager now names every span problem (keys single-report and pass-through).
  registry.retire("structure-single-report-manager", "structure-span-of-control");
  registry.retire("structure-pass-through-manager", "structure-span-of-control");
}

}  // namespace

ORGAUDIT_DECLARE_PACK("structure", "0.1.0", register_structure_rules)
