#include "cli/audit.h"

#include "config/profile.h"

namespace orgaudit::cli {
namespace {

const char* kDefaultProfile = "classic";

// Precedence: command line over config file over profile over the rules' own defaults.
RuleSelection rule_selection(const ParsedArgs& args, const Config& config) {
  RuleSelection selection;
  const std::string profile = args.last("profile", config.profile.empty() ? kDefaultProfile : config.profile);
  apply_profile(profile, profile_directories(), selection);
  selection.toggles.insert(selection.toggles.end(), config.rules.toggles.begin(), config.rules.toggles.end());
  for (const auto& [id, values] : config.rules.options)
    for (const auto& [name, value] : values) selection.options[id][name] = value;
  for (const auto& [id, severity] : config.rules.severities) selection.severities[id] = severity;
  for (const auto& [name, value] : args.options) {
    if (name == "enable" || name == "disable") {
      if (value.empty()) throw UsageError("--" + name + " needs a rule id or pattern");
      selection.toggles.emplace_back(name == "enable", value);
    } else if (name == "rule-option") {
      const auto dot = value.find('.');
      const auto eq = value.find('=');
      if (dot == std::string::npos || eq == std::string::npos || dot > eq || dot == 0 || eq == dot + 1)
        throw UsageError("--rule-option expects RULE-ID.OPTION=VALUE, got '" + value + "'");
      selection.options[value.substr(0, dot)][value.substr(dot + 1, eq - dot - 1)] = value.substr(eq + 1);
    }
  }
  return selection;
}

}  // namespace

std::vector<OptionDecl> audit_options(std::vector<OptionDecl> decls) {
  const std::vector<OptionDecl> selection{
      {"profile", "NAME|FILE", "rule profile: which rules run with what thresholds (default: classic)"},
      {"rule-option", "ID.OPTION=VALUE", "set a rule option (repeatable)"},
      {"enable", "PATTERN", "turn on rules matching PATTERN, e.g. 'structure-*' (repeatable, in order)"},
      {"disable", "PATTERN", "turn off rules matching PATTERN (repeatable, in order)"},
  };
  decls.insert(decls.end(), selection.begin(), selection.end());
  decls.insert(decls.end(), kConfigOptions.begin(), kConfigOptions.end());
  decls.insert(decls.end(), kInputOptions.begin(), kInputOptions.end());
  decls.insert(decls.end(), kPluginOptions.begin(), kPluginOptions.end());
  return decls;
}

std::unique_ptr<Audit> run_audit(const ParsedArgs& args, CliContext& context) {
  if (args.positional.empty()) throw UsageError("no org file given (try --help)");
  auto audit = std::make_unique<Audit>();
  audit->config = load_run_config(args, context);
  load_packs(args, context, audit->host, audit->catalog);
  audit->rules = configure_rules(audit->catalog, rule_selection(args, audit->config));

  auto progress = make_progress(context);
  audit->loaded = load_org(args.positional, load_options(args, audit->config), context, *progress);
  progress->update("running rules", 0, 0);
  audit->run = run_rules(audit->loaded->org, audit->loaded->metrics, audit->rules);
  audit->scores = compute_scores(audit->run);
  progress->finish();
  return audit;
}

}  // namespace orgaudit::cli
