// What a rule reports about: a severity and the entities it names. The findings themselves are the
// host's (engine/finding.h): a rule builds one through FindingSink and FindingBuilder (orgaudit/rule.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "orgaudit/export.h"

namespace orgaudit {

enum class Severity : std::uint8_t { info = 0, warning = 1, error = 2 };
ORGAUDIT_API const char* to_string(Severity severity);
ORGAUDIT_API std::optional<Severity> parse_severity(const std::string& text);

// A person or unit of the Org the rules ran on: what a finding is about, kept as the entity itself so
// nothing downstream has to look an id up again (an id may name both a person and a unit).
struct EntityRef {
  enum Kind : std::uint8_t { person, unit };
  Kind kind = person;
  std::uint32_t index = 0;
};

inline bool operator==(const EntityRef& a, const EntityRef& b) { return a.kind == b.kind && a.index == b.index; }
inline bool operator!=(const EntityRef& a, const EntityRef& b) { return !(a == b); }

}  // namespace orgaudit
