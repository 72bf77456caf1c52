// What a rule reports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "orgaudit/source_location.h"

namespace orgaudit {

enum class Severity : std::uint8_t { info = 0, warning = 1, error = 2 };
const char* to_string(Severity severity);
std::optional<Severity> parse_severity(const std::string& text);

struct EntityRef {
  enum Kind : std::uint8_t { person, unit };
  Kind kind = person;
  std::uint32_t index = 0;
};

struct RelatedLocation {
  SourceLocation where;
  std::string message;
  std::string entity_id;
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
  Severity severity = Severity::warning;
  std::string message;
  std::string dimension;
  SourceLocation where;
  std::vector<std::string> entity_ids;  // the entities it concerns, primary first
  std::vector<RelatedLocation> related;
  std::string fingerprint;              // from rule id and entity ids, never from positions
  bool not_assessed_note = false;       // "this rule lacks the data it needs"
  std::optional<FindingSuppression> suppression;
  BaselineState baseline = BaselineState::none;

  // Whether the finding can fail the run: not suppressed, and not already in the baseline.
  bool counts() const { return !suppression && baseline != BaselineState::unchanged; }
};

}  // namespace orgaudit
