// The structure pack: classic spans-and-layers rules.
#include "orgaudit/plugin.h"

namespace {

void register_structure_rules(orgaudit::RuleRegistry* registry) {
  (void)registry;
}

}  // namespace

ORGAUDIT_DECLARE_PACK("structure", "0.1.0", register_structure_rules)
