// What HR-export and directory importers could not use as written: a row skipped, an id repeated,
// a value out of range or not in UTF-8. Kept with the org (Org::import_log) rather than failing the
// load, so one bad row of a large export hides nothing else; the built-in import-* rules
// (core/engine/import_rules.h) report each one as a finding. The host's, not the SDK's.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "orgaudit/model.h"

namespace orgaudit {

struct ImportIssue {
  enum Kind : std::uint8_t { skipped_row, duplicate_id, bad_value, encoding };
  Kind kind;
  std::string message;
  std::string entity_id;  // the id on the row, when it has one
  SourceLocation where;   // the row, and the column of the offending field
  PersonIndex person = kNoIndex;  // filled by Org::resolve(): the person entity_id names, if any
};

namespace detail {

struct ImportLog {
  std::vector<ImportIssue> issues;
  std::size_t records = 0;  // rows or elements read from HR exports: the import-* rules assess these
  // How many people, from the first, an importer put in Org::person_ids as it read them (each id
  // once, as resolve() would). When that is all of them, the next resolve() takes the table as it is
  // rather than hashing a million ids again; resolve() sets it back to 0, so a table is reused once,
  // straight after the import, and never after an edit. Whoever adds people keeps it (the count no
  // longer matches); whoever changes an id or reorders people before resolve() sets it to 0.
  std::size_t people_indexed = 0;
};

}  // namespace detail

// Makes `ids`, an importer's table of the org's people by id, the org's (Org::person_ids) when it
// holds as many as the org has: the next resolve() takes it (ImportLog::people_indexed) rather than
// hashing every id again. The importer vouches that they are the org's people, each id once.
inline void take_person_ids(Org& org, IdLookup&& ids) {
  if (ids.size() != org.people.size()) return;
  org.person_ids = std::move(ids);
  org.import_log->people_indexed = org.people.size();
}
}  // namespace orgaudit
