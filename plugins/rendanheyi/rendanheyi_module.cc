// The Rendanheyi pack: Haier's model of micro-enterprises (MEs) and ecosystem micro-communities
// (EMCs) as rules (docs: rules/rendanheyi/, sources: the seed articles in the rule catalogue).
//
// One rule per class, one class per file; what several rules share lives in rendanheyi_support.h
// (message wording, per-period series). Graph facts come from the core, computed once per run
// (OrgMetrics::network: distances to users, lateral ties, E-I inputs, single bridges).
#include "complacent_me.h"
#include "emc_contract.h"
#include "emc_losses.h"
#include "me_size.h"
#include "orgaudit/plugin.h"
#include "silo.h"
#include "three_rights.h"
#include "value_less_manager.h"
#include "win_win_statement.h"
#include "zero_distance.h"

namespace {

void register_rendanheyi_rules(orgaudit::RuleRegistry& registry) {
  using namespace orgaudit::rendanheyi;
  registry.add<MeSize>("rendanheyi-me-size");
  registry.add<ThreeRights>("rendanheyi-three-rights");
  registry.add<ValueLessManager>("rendanheyi-value-less-manager");
  registry.add<ZeroDistance>("rendanheyi-zero-distance");
  registry.add<Silo>("rendanheyi-silo");
  registry.add<ComplacentMe>("rendanheyi-complacent-me");
  registry.add<EmcContract>("rendanheyi-emc-contract");
  registry.add<EmcLosses>("rendanheyi-emc-losses");
  registry.add<WinWinStatement>("rendanheyi-win-win-statement");
}

}  // namespace

ORGAUDIT_DECLARE_PACK("rendanheyi", "0.1.0", register_rendanheyi_rules)
