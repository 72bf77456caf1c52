// The steps every analysing subcommand shares: load the rule packs, load and resolve the inputs,
// compute the shared metrics once.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/context.h"
#include "config/config.h"
#include "engine/rule_catalog.h"
#include "loader/input_formats.h"
#include "orgaudit/metrics.h"
#include "orgaudit/model.h"
#include "plugin/plugin_host.h"
#include "util/progress.h"
#include "workflow/anonymize.h"

namespace orgaudit::cli {

// Options for finding rule packs, accepted by every subcommand that runs rules.
extern const std::vector<OptionDecl> kPluginOptions;

// Loads --plugin FILEs, the --plugin-dir and ORGAUDIT_PLUGIN_PATH directories, then the built-in
// packs; then the YAML rules (docs/yaml-rules.md): the .yaml files of those directories, --rules
// FILEs, and the config's rule-files and custom-rules. Throws PluginError, or InputError for a bad
// rule file.
void load_packs(const ParsedArgs& args, const CliContext& context, PluginHost& host, RuleCatalog& catalog,
                const Config& config = Config{});

struct LoadedOrg {
  Org org;
  OrgMetrics metrics;
};

// --config FILE / --no-config, accepted by every subcommand that reads org files.
extern const std::vector<OptionDecl> kConfigOptions;
// The config for this run: --config, else the nearest .orgaudit.yaml at or above the first input's
// directory, else all defaults. Throws InputError for a malformed config.
Config load_run_config(const ParsedArgs& args, const CliContext& context);

// Options that choose how inputs are read, accepted by every subcommand that reads org files.
extern const std::vector<OptionDecl> kInputOptions;
// Command line over config file.
LoadOptions load_options(const ParsedArgs& args, const Config& config);

// Loads every input into one org, prints load warnings to stderr, resolves ids, pseudonymises it
// (with `pseudonyms`: before anything is derived from it) and computes the metrics. Throws
// InputError (exit 2).
std::unique_ptr<LoadedOrg> load_org(const std::vector<std::string>& inputs, const LoadOptions& options,
                                    const CliContext& context, Progress& progress,
                                    const std::optional<Pseudonymizer>& pseudonyms);

std::unique_ptr<Progress> make_progress(const CliContext& context);

}  // namespace orgaudit::cli
