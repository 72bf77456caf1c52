// `orgaudit whatif`: a scenario is a list of changes to an org, applied in order to a copy of the
// loaded model, which is then audited again like the original (docs/whatif.md).
//
//   changes:
//     - move: P-17          # a person under a new manager
//       to: P-3
//     - move-unit: U-LAB    # a unit under a new parent
//       to: U-RND
//     - remove-layer: P-40  # P-40's reports go to P-40's manager; P-40 stays, managing no one
//     - vacate: P-9         # the post stays, its holder goes
//     - remove: P-12        # the post goes; its reports go to its manager
#pragma once

#include <string>
#include <vector>

#include "io/file_system.h"
#include "orgaudit/model.h"
#include "util/diagnostic.h"

namespace orgaudit {

struct ScenarioChange {
  enum Kind { move, move_unit, remove_layer, vacate, remove };
  Kind kind;
  std::string subject;  // the person or unit changed
  std::string target;   // move, move-unit: the new manager or parent
  // Where the change was written, for errors: file, line and column of the change's first key, or
  // the command-line option ("--move P-17:P-3", no line). The message is left empty.
  Diagnostic origin;
  Diagnostic target_origin;  // where `to:` was written (move, move-unit)
};

const char* to_string(ScenarioChange::Kind kind);

struct Scenario {
  std::vector<ScenarioChange> changes;
};

// Reads a scenario file. Throws InputError at file:line:col for malformed YAML, an unknown change
// kind or key, or a change missing its `to:`.
Scenario read_scenario(const FileSystem& files, const std::string& path);

// `--move P-17:P-3` and `--remove-layer P-40`. Throws InputError naming the option.
ScenarioChange change_from_option(const std::string& option, const std::string& value);

// What one change did, in words, for the report: "P-40 'Andrea Ibrahim': 1 report moved to P-3".
struct AppliedChange {
  ScenarioChange change;
  std::string effect;
};

// Applies the changes in order to `org` (a copy: the caller's inputs are never touched) and resolves
// it again. A change that cannot apply (an unknown id, a move that would make someone their own
// manager or a unit its own parent, a remove-layer of a person with no manager) throws InputError
// naming the change's origin; the org is then half-changed and must be dropped.
std::vector<AppliedChange> apply_scenario(const Scenario& scenario, Org& org);

}  // namespace orgaudit
