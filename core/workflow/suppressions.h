// Applies the team's accepted findings to a run: `# orgaudit-ignore:` comments in YAML inputs and
// `suppressions:` entries in .orgaudit.yaml (for CSV and XML inputs, which cannot carry comments).
// A suppressed finding stays in the run with Finding::suppression set: it never fails the run or
// lowers a score, and SARIF and JSON still list it. Unused and expired suppressions come back as
// warnings, as ESLint reports unused disable directives.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "config/config.h"
#include "engine/engine.h"
#include "engine/rule_catalog.h"
#include "orgaudit/date.h"
#include "orgaudit/model.h"
#include "util/diagnostic.h"
#include "workflow/inline_suppressions.h"

namespace orgaudit {

struct InlineDirectives {
  FileIndex file;    // into Org::files
  std::string path;  // as the org names it, for messages
  std::vector<InlineDirective> directives;
};

struct SuppressionSources {
  std::vector<InlineDirectives> inline_directives;
  std::vector<ConfigSuppression> config;
  std::string config_path;
  // Maps an entity id written in the config to the id the org carries now (their pseudonym after
  // --anonymize). Identity when empty.
  std::function<std::string(const std::string&)> entity_id;
};

// Every rule id named by a suppression must exist: an unknown one is an error naming the file,
// line and column, with a did-you-mean (a typo would otherwise silently suppress nothing). A retired
// id is renamed to the rule it was merged into (which reports the same entity's finding now), and
// comes back as a warning asking for the new name.
std::vector<Diagnostic> check_suppression_rules(SuppressionSources& sources, const RuleCatalog& catalog);

struct SuppressionReport {
  std::size_t suppressed = 0;
  std::vector<Diagnostic> warnings;  // unused, expired, attached to no entity
};

// Marks the findings the suppressions cover. Only suppressions of rules in `rules_run` are reported
// as unused (a rule switched off for this run is not evidence that its suppression is stale).
// Expired suppressions (expires before `today`) suppress nothing and are always reported.
SuppressionReport apply_suppressions(RunResult& run, const Org& org, const SuppressionSources& sources,
                                     const std::set<std::string>& rules_run, const Date& today);

// Today's date (UTC), for expiry checks.
Date today_utc();

}  // namespace orgaudit
