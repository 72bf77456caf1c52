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
};

}  // namespace orgaudit
