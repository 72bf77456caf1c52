// `orgaudit fix --propose`: for the findings that have a mechanical remedy, the change that would
// answer each, as a what-if scenario the user reviews and applies with `whatif --apply`
// (docs/whatif.md, "Proposed fixes"). Works from the findings' typed data (rule id, key, the
// entities they name), never from their messages; never changes the input.
#pragma once

#include <string>
#include <vector>

#include "engine/finding.h"
#include "orgaudit/model.h"
#include "workflow/scenario.h"

namespace orgaudit {

// A finding the proposal could not answer, and why: said on standard error, not silently dropped.
struct UnansweredFinding {
  std::string rule, key, fingerprint, why;
};

struct FixProposal {
  Scenario scenario;  // each change with `reason` and `answers` filled
  std::vector<UnansweredFinding> unanswered;
};

// The remedies, in the findings' order (one change per finding, none for suppressed findings):
//   structure-span-of-control pass-through, single-report  -> remove-layer of the manager
//   rendanheyi-me-size                                      -> split-me: the largest sub-team, topped up by whole
//                                                              sub-teams to half (me_half)
//   structure-integrity unknown-manager                     -> move to the owner of the person's unit
//                                                              (its parent's, when they own it)
//   rendanheyi-emc-contract stale                           -> renew-contract
// Each change is tried on a copy of `org` after the ones before it; one that cannot apply there (a
// manager whose layer an earlier change already removed) is left out, as an unanswered finding.
FixProposal propose_fixes(const Org& org, const std::vector<Finding>& findings);

// The scenario as a scenario file read_scenario reads back: `description`, then each change with
// its `reason:` and `answers:`. `header` lines are written first as comments.
std::string write_scenario_yaml(const Scenario& scenario, const std::vector<std::string>& header);

}  // namespace orgaudit
