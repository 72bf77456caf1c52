// A finding as the host keeps it: what a rule reported through FindingSink, with what the run adds
// (fingerprint, suppression, baseline state). Host-only: packs never see this layout.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "orgaudit/finding.h"
#include "orgaudit/model.h"
#include "orgaudit/source_location.h"

namespace orgaudit {

struct RelatedLocation {
  SourceLocation where;
  std::string message;
  std::optional<EntityRef> entity;  // the person or unit at `where`, when it is one
  std::string entity_id;            // its id, for writers (empty when `entity` is none)
};

// Someone or something a finding's problem reaches beyond its subject (the people below a line that
// goes too deep), with how badly: scoring counts each affected entity, whatever the grouping.
struct AffectedEntity {
  EntityRef entity;
  Severity severity = Severity::warning;
};

// Why a finding is accepted rather than reported as a failure. Suppressed findings are kept (SARIF
// lists them with a `suppressions` entry, JSON flags them) but never fail a run or lower a score.
struct FindingSuppression {
  std::string kind;           // "inline" (a comment in the org file) or "config" (.orgaudit.yaml)
  std::string justification;  // the reason the team gave
  SourceLocation where;       // where the suppression is written, when known
};

// Against a baseline (SARIF's baselineState): "new" findings fail a run, "unchanged" ones do not.
enum class BaselineState : std::uint8_t { none, new_finding, unchanged };

struct Finding {
  std::string rule_id;
  // Which of the rule's problems this is ("decision" for a missing decision right), stable across
  // releases; empty for a rule with one kind of problem. Part of the identity, so a baseline tells
  // two problems of one rule on one entity apart.
  std::string key;
  Severity severity = Severity::warning;
  std::string message;
  std::string dimension;
  SourceLocation where;
  std::vector<std::string> entity_ids;  // ids it concerns, the subject's first: its identity, for writers
  std::vector<std::optional<EntityRef>> entities;  // the entity of each of entity_ids; none for an unknown id
  std::vector<AffectedEntity> affected; // whom the problem reaches; when any, they fail instead of the subject
  std::vector<RelatedLocation> related;
  std::vector<PersonIndex> chain;       // a management chain, root first (FindingBuilder::chain)
  std::string fingerprint;              // from rule id, key and entity ids, never from positions
  bool not_assessed_note = false;       // "this rule lacks the data it needs"
  std::optional<FindingSuppression> suppression;
  BaselineState baseline = BaselineState::none;

  // What it is about: the entity it was reported on; none for a place in an input (a skipped row).
  std::optional<EntityRef> subject() const { return entities.empty() ? std::nullopt : entities.front(); }

  // Whether the finding can fail the run: not suppressed, and not already in the baseline.
  bool counts() const { return !suppression && baseline != BaselineState::unchanged; }
};

}  // namespace orgaudit
