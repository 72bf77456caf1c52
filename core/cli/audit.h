// The audit pipeline every analysing subcommand shares (check, and the report and map commands):
// config, packs, rules, inputs, metrics, rule run, then suppressions and baseline, then scores.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/context.h"
#include "cli/session.h"
#include "config/config.h"
#include "config/profile_choice.h"
#include "engine/engine.h"
#include "engine/rule_catalog.h"
#include "import/yaml_writer.h"
#include "plugin/plugin_host.h"
#include "scoring/scoring.h"
#include "workflow/baseline.h"
#include "workflow/pseudonym.h"
#include "workflow/suppressions.h"

namespace orgaudit::cli {

// The options every analysing subcommand accepts: profile and rule selection, config, inputs, packs,
// anonymisation.
std::vector<OptionDecl> audit_options(std::vector<OptionDecl> command_options);

// --anonymize and --anonymize-key, and the pseudonymizer they ask for (none without --anonymize; a
// UsageError when the key is missing). Shared with `convert`, which writes an anonymised YAML.
extern const std::vector<OptionDecl> kAnonymizeOptions;
std::optional<Pseudonymizer> pseudonymizer(const ParsedArgs& args, const CliContext& context);

// The profile --profile or the config's `profile:` names (the command line wins), or none: then a
// run chooses one by what the org contains (config/profile_choice.h).
std::optional<ProfileChoice> stated_profile(const ParsedArgs& args, const Config& config);
// The rule selection of a run under `profile`. Precedence: command line over config file over
// profile over the rules' own defaults; the user's own rules (catalog.users_rules()) are on after
// the profile.
RuleSelection rule_selection(const ParsedArgs& args, const Config& config, const std::string& profile,
                             const RuleCatalog& catalog);

struct Audit {
  Config config;
  ProfileChoice profile;
  PluginHost host;
  RuleCatalog catalog;
  std::vector<ConfiguredRule> rules;
  std::unique_ptr<LoadedOrg> loaded;
  RunResult run;
  Scores scores;
  SuppressionReport suppressions;
  std::optional<BaselineComparison> baseline;  // when a baseline was applied
  std::string baseline_path;
};

// The baseline a run compares with: --baseline FILE, else the config's `baseline:` (relative to the
// config file), else "".
std::string baseline_path(const ParsedArgs& args, const Config& config);

struct AuditSteps {
  // Apply --baseline FILE, or the config's `baseline:`. Off for `baseline create`, which writes it.
  bool baseline = true;
  // The profile to use instead of the stated or chosen one (diff audits both snapshots under one).
  std::optional<ProfileChoice> profile;
};

// Runs the whole pipeline for args.positional: anonymise (--anonymize) before the rules run, so
// every message carries pseudonyms; suppressions and baseline after them, before the scores.
// Throws UsageError, OptionError, PluginError or InputError, all of which mean exit code 2 and
// nothing written.
std::unique_ptr<Audit> run_audit(const ParsedArgs& args, CliContext& context, const AuditSteps& steps = {});

// A changed copy of an audit's org (a `whatif` scenario's result), audited again with the same
// rules, profile and suppressions, without a baseline; the same code path as run_audit's own.
struct ChangedAudit {
  std::unique_ptr<LoadedOrg> loaded;
  RunResult run;
  Scores scores;
};
ChangedAudit audit_changed(const Audit& audit, Org changed, const ParsedArgs& args, CliContext& context);

// The `# orgaudit-ignore:` directives of the YAML inputs, re-attached to the entities they named
// (by where each entity starts), so YAML written from `org` (convert, whatif --apply) suppresses
// the same findings; entities keep their places through a scenario's changes. A directive that
// attaches to no entity is said to be dropped rather than silently lost.
import::EntityComments carried_suppressions(const Org& org, const LoadOptions& options, const CliContext& context,
                                            const std::optional<Pseudonymizer>& pseudonyms);

// Frees the audit, or, when the process is about to exit anyway, leaves it to the operating system.
void finish_audit(std::unique_ptr<Audit> audit, const CliContext& context);

}  // namespace orgaudit::cli
