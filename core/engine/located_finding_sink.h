// Findings about a place in an input rather than about a person or unit: a row of an HR export that
// could not be loaded has no entity to hang on. The engine's sink implements this beside
// FindingSink; the built-in import-* rules (core/import/import_rules.h) use it. Not part of the
// plugin SDK: third-party rules report on entities.
#pragma once

#include <string>
#include <vector>

#include "orgaudit/source_location.h"

namespace orgaudit {

class LocatedFindingSink {
 public:
  virtual ~LocatedFindingSink() = default;
  // A finding at `where` with the rule's configured severity, about `entity_ids` (may be empty:
  // a row with no id).
  virtual void report_at(const SourceLocation& where, std::string message, std::vector<std::string> entity_ids) = 0;
};

}  // namespace orgaudit
