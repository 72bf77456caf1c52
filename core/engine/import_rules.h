// The built-in `import` rule family: one rule per kind of ImportIssue, so what an importer could not
// use (rows skipped and why, repeated ids, unreadable values, encoding) reaches every output format
// as ordinary findings: listed by `orgaudit rules`, selected by profiles, suppressed and baselined
// by rule id and entity id. References that resolve to nobody (a manager not found) are not import
// issues: Org::resolve records them for structure-integrity, whatever the input format.
#pragma once

#include "engine/rule_catalog.h"
#include "model/import_log.h"

namespace orgaudit {

// Registers import-skipped-row, import-duplicate-id, import-bad-value and import-encoding under
// the pack name "import". Called by the CLI after the rule packs load.
void register_import_rules(RuleCatalog& catalog);

// The rule that reports issues of `kind` (for `orgaudit convert`, which prints them itself).
const char* import_rule_id(ImportIssue::Kind kind);

}  // namespace orgaudit
