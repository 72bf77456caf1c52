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
//     - split-me: ME-FRIDGE # an ME in two: these people (or `by: half`) form a new ME
//       people: [P-20, P-21]
//     - merge-unit: U-A     # U-A's people, sub-units and ties go to U-B; U-A goes
//       into: U-B
//     - add-member: ME-1    # EMC membership (remove-member: ME-1, from: EMC-1)
//       to: EMC-1
//     - add-contract: U-A   # a contract link between two units (remove-contract: U-A, to: U-B)
//       to: U-B
//     - renew-contract: EMC-1  # the EMC's contract updated as of the org's as_of date
//     - set-right: ME-1     # one of an ME's three rights (decision, people, pay)
//       right: pay
//       to: self
//
// Any change may carry `reason:` (words) and `answers:` ({rule, key, fingerprint}: the finding it
// is meant to fix), as `orgaudit fix --propose` writes them; the report repeats them.
#pragma once

#include <string>
#include <vector>

#include "io/file_system.h"
#include "orgaudit/model.h"
#include "util/diagnostic.h"

namespace orgaudit {

// The finding a change is meant to fix, as `fix --propose` names it (docs/whatif.md).
struct AnsweredFinding {
  std::string rule;
  std::string key;
  std::string fingerprint;

  bool empty() const { return rule.empty() && fingerprint.empty(); }
};

struct ScenarioChange {
  enum Kind {
    move, move_unit, remove_layer, vacate, remove, split_me, merge_unit, add_member, remove_member,
    add_contract, remove_contract, renew_contract, set_right
  };
  Kind kind;
  std::string subject;  // the person or unit changed
  // The change's other end: the new manager or parent (move, move-unit), the unit merged into, the
  // EMC (add-/remove-member), the other party (add-/remove-contract), the right's holder (set-right).
  std::string target;
  std::string right;                // set-right: decision, people or pay
  std::vector<std::string> people;  // split-me: who forms the new ME; empty: by half
  std::string new_id, new_name;     // split-me: the new ME's id and name (defaults: ID-2, "NAME 2")
  std::string reason;
  AnsweredFinding answers;
  // Where the change was written, for errors: file, line and column of the change's first key, or
  // the command-line option ("--move P-17:P-3", no line). The message is left empty.
  Diagnostic origin;
  Diagnostic target_origin;                // where the target was written
  Diagnostic right_origin;                 // set-right: where `right:` was written
  std::vector<Diagnostic> people_origins;  // split-me: where each of `people` was written
  Diagnostic new_id_origin;                // split-me: where `as:` was written
};

const char* to_string(ScenarioChange::Kind kind);

struct Scenario {
  std::vector<ScenarioChange> changes;
  std::string description;
};

// Reads a scenario file. Throws InputError at file:line:col for malformed YAML, an unknown change
// kind or key, or a change missing its target.
Scenario read_scenario(const FileSystem& files, const std::string& path);

// `--move P-17:P-3`, `--remove-layer P-40`, `--set-right ME-1:pay=self`. Throws InputError naming
// the option.
ScenarioChange change_from_option(const std::string& option, const std::string& value);

// The command-line options that make changes ("move", "split-me", ...), in the order of the kinds.
std::vector<std::string> change_option_names();

// What one change did, in words, for the report: "P-40 'Andrea Ibrahim': 1 report moved to P-3".
struct AppliedChange {
  ScenarioChange change;
  std::string effect;
};

// Applies the changes in order to `org` (a copy: the caller's inputs are never touched) and resolves
// it again. A change that cannot apply (an unknown id, a move that would make someone their own
// manager or a unit its own parent, a remove-layer of a person with no manager, a split of a unit
// that is not an ME) throws InputError naming the change's origin; the org is then half-changed and
// must be dropped.
std::vector<AppliedChange> apply_scenario(const Scenario& scenario, Org& org);

// One change, to an org whose id indexes are current (resolved since entities were last added or
// removed: the changes that add or remove some resolve again themselves). Afterwards ids are
// current and the resolved indices may be stale until the next resolve(). A change that cannot
// apply throws before it changes anything. What apply_scenario does for each change, for callers
// that try changes one at a time (fix --propose).
std::string apply_change(const ScenarioChange& change, Org& org);

// The sub-teams of ME `me` in a resolved org: each of its owner's direct reports in the ME with the
// people below them in the ME (and any other person of the ME whose manager is outside it, with
// theirs), largest first, ties in file order. The owner is in none. What `split-me ... by: half`
// shares out and what `fix --propose` splits along.
std::vector<std::vector<PersonIndex>> me_sub_teams(const Org& org, UnitIndex me);

// The people `split-me ... by: half` moves out of ME `me`: each sub-team, largest first, goes whole
// to whichever side has fewer people so far, the owner's side first on a tie, so the largest goes
// and the new ME is built around it. In index order; empty when the ME has one sub-team.
std::vector<PersonIndex> me_half(const Org& org, UnitIndex me);

}  // namespace orgaudit
