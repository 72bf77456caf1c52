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
#include "engine/engine.h"
#include "engine/rule_catalog.h"
#include "plugin/plugin_host.h"
#include "scoring/scoring.h"

namespace orgaudit::cli {

// The options every analysing subcommand accepts: profile and rule selection, config, inputs, packs.
std::vector<OptionDecl> audit_options(std::vector<OptionDecl> command_options);

struct Audit {
  Config config;
  PluginHost host;
  RuleCatalog catalog;
  std::vector<ConfiguredRule> rules;
  std::unique_ptr<LoadedOrg> loaded;
  RunResult run;
  Scores scores;
};

// Runs the whole pipeline for args.positional. Throws UsageError, OptionError, PluginError or
// InputError, all of which mean exit code 2 and nothing written.
std::unique_ptr<Audit> run_audit(const ParsedArgs& args, CliContext& context);

}  // namespace orgaudit::cli
