#include "cli/audit.h"

#include <filesystem>
#include <map>
#include <optional>

#include "config/profile.h"
#include "workflow/anonymize.h"
#include "workflow/inline_suppressions.h"
#include "workflow/text_scrub.h"

namespace orgaudit::cli {

const std::vector<OptionDecl> kAnonymizeOptions{
    {"anonymize", nullptr, "replace names, e-mails and other personal fields with keyed pseudonyms in every output"},
    {"anonymize-key", "KEY", "the pseudonym key (better: $ORGAUDIT_ANONYMIZE_KEY, kept out of shell history)"},
};

// The key is checked before the (possibly long) audit. Without one, pseudonyms would be plain
// hashes of employee ids, which anyone can reverse by hashing every possible id.
std::optional<Pseudonymizer> pseudonymizer(const ParsedArgs& args, const CliContext& context) {
  if (!args.has("anonymize")) {
    if (args.has("anonymize-key")) throw UsageError("--anonymize-key given without --anonymize");
    return std::nullopt;
  }
  const char* environment = context.getenv("ORGAUDIT_ANONYMIZE_KEY");
  const std::string key = args.last("anonymize-key", environment ? environment : "");
  if (key.empty())
    throw UsageError("--anonymize needs a secret key (--anonymize-key KEY or $ORGAUDIT_ANONYMIZE_KEY): "
                     "pseudonyms from an unkeyed hash of employee ids can be reversed by hashing every possible id");
  if (key.size() < 16)
    context.err << "orgaudit: warning: the anonymisation key is shorter than 16 characters; a short key can be guessed\n";
  return Pseudonymizer(key);
}

namespace {

// `# orgaudit-ignore:` comments from the YAML inputs (other formats cannot carry comments) and the
// config's entries, checked before the rules run so a mistyped rule id stops the run early.
SuppressionSources suppression_sources(const Org& org, const Config& config, const LoadOptions& load,
                                       const CliContext& context, const RuleCatalog& catalog,
                                       const std::optional<Pseudonymizer>& pseudonyms, bool warn = true) {
  SuppressionSources sources;
  for (FileIndex i = 0; i < org.files.size(); ++i)
    if (std::string(input_format_for(org.files[i], load).name) == "yaml")
      sources.inline_directives.push_back({i, org.files[i], scan_inline_suppressions(context.files, org.files[i])});
  sources.config = config.suppressions;
  sources.config_path = config.path;
  if (pseudonyms)  // the config names entities by their real ids
    sources.entity_id = [&org, &pseudonyms](const std::string& id) {
      return org.find_unit(id) != kNoIndex ? id : pseudonyms->person_id(id);
    };
  for (const Diagnostic& w : check_suppression_rules(sources, catalog))
    if (warn) context.err << w.format("warning") << "\n";
  return sources;
}

struct Analysis {
  RunResult run;
  SuppressionReport suppressions;
  std::optional<BaselineComparison> baseline;
  Scores scores;
};

// Rules, then suppressions and baseline, then scores: the part of an audit that a scenario's
// changed org goes through again.
Analysis analyse(const Org& org, const OrgMetrics& metrics, const std::vector<ConfiguredRule>& rules,
                 const SuppressionSources& sources, const std::optional<Baseline>& baseline, CliContext& context) {
  Analysis analysis;
  analysis.run = run_rules(org, metrics, rules);
  if (context.timings)
    for (const RuleOutcome& outcome : analysis.run.outcomes)
      context.timings->add_rule(outcome.rule_id, outcome.seconds, outcome.findings);
  begin_phase(context, "suppressions and baseline");
  std::set<std::string> rules_run;
  for (const ConfiguredRule& rule : rules) rules_run.insert(rule.entry->info.id);
  analysis.suppressions = apply_suppressions(analysis.run, org, sources, rules_run, today_utc());
  if (baseline) analysis.baseline = apply_baseline(analysis.run, *baseline);
  begin_phase(context, "scores");
  analysis.scores = compute_scores(analysis.run, org);
  return analysis;
}

}  // namespace

std::string baseline_path(const ParsedArgs& args, const Config& config) {
  if (args.has("baseline")) return args.last("baseline");
  if (config.baseline.empty()) return {};
  // Relative to the config file, so the setting works from any working directory.
  return (std::filesystem::path(config.path).parent_path() / config.baseline).string();
}

std::optional<ProfileChoice> stated_profile(const ParsedArgs& args, const Config& config) {
  if (args.has("profile")) return ProfileChoice{args.last("profile"), "--profile"};
  if (!config.profile.empty()) return ProfileChoice{config.profile, "set in " + config.path};
  return std::nullopt;
}

RuleSelection rule_selection(const ParsedArgs& args, const Config& config, const std::string& profile,
                             const RuleCatalog& catalog) {
  RuleSelection selection;
  apply_profile(profile, profile_directories(), selection);
  for (const std::string& id : catalog.users_rules()) selection.toggles.emplace_back(true, id);
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

std::vector<OptionDecl> audit_options(std::vector<OptionDecl> decls) {
  const std::vector<OptionDecl> selection{
      {"profile", "NAME|FILE",
       "rule profile: which rules run with what thresholds: rendanheyi, rendanheyi-strict, classic "
       "(default: rendanheyi when the org declares platforms, EMCs or MEs, else classic)"},
      {"rule-option", "ID.OPTION=VALUE", "set a rule option (repeatable)"},
      {"enable", "PATTERN", "turn on rules matching PATTERN, e.g. 'structure-*' (repeatable, in order)"},
      {"disable", "PATTERN", "turn off rules matching PATTERN (repeatable, in order)"},
  };
  decls.insert(decls.end(), selection.begin(), selection.end());
  decls.insert(decls.end(), kConfigOptions.begin(), kConfigOptions.end());
  decls.insert(decls.end(), kInputOptions.begin(), kInputOptions.end());
  decls.insert(decls.end(), kPluginOptions.begin(), kPluginOptions.end());
  decls.insert(decls.end(), kAnonymizeOptions.begin(), kAnonymizeOptions.end());
  return decls;
}

void finish_audit(std::unique_ptr<Audit> audit, const CliContext& context) {
  if (!context.exits_after_command) return;  // freed as `audit` goes out of scope
  // Deliberately not freed (see CliContext), yet still reachable from a global, so LeakSanitizer sees
  // memory in use to the end rather than a leak; the list itself is never destroyed either.
  static auto* const left_to_exit = new std::vector<std::unique_ptr<Audit>>();
  left_to_exit->push_back(std::move(audit));
}

std::unique_ptr<Audit> run_audit(const ParsedArgs& args, CliContext& context, const AuditSteps& steps) {
  if (args.positional.empty()) throw UsageError("no org file given (try --help)");
  const std::optional<Pseudonymizer> pseudonyms = pseudonymizer(args, context);
  auto audit = std::make_unique<Audit>();
  audit->host = PluginHost(context.files);
  audit->config = load_run_config(args, context);
  load_packs(args, context, audit->host, audit->catalog, audit->config);
  check_config_rules(audit->config, audit->catalog);
  const std::optional<ProfileChoice> stated = steps.profile ? steps.profile : stated_profile(args, audit->config);
  // Configured before the (possibly long) load, so a mistyped rule or option stops the run at once;
  // options are checked for every rule, on or off, so the fallback profile checks them all.
  audit->rules = configure_rules(audit->catalog, rule_selection(args, audit->config, stated ? stated->name : kClassicProfile, audit->catalog));

  auto progress = make_progress(context);
  const LoadOptions load = load_options(args, audit->config);
  audit->loaded = load_org(args.positional, load, context, *progress, pseudonyms);
  Org& org = audit->loaded->org;
  audit->profile = stated ? *stated : choose_profile(org);
  if (!stated && audit->profile.name != kClassicProfile)
    audit->rules = configure_rules(audit->catalog, rule_selection(args, audit->config, audit->profile.name, audit->catalog));
  begin_phase(context, "reading inline suppressions");
  const SuppressionSources sources = suppression_sources(org, audit->config, load, context, audit->catalog, pseudonyms);
  if (steps.baseline) audit->baseline_path = baseline_path(args, audit->config);
  std::optional<Baseline> baseline =
      audit->baseline_path.empty() ? std::nullopt : std::optional(read_baseline(context.files, audit->baseline_path));
  if (baseline)
    if (const std::size_t renamed = adopt_retired_rules(*baseline, audit->catalog))
      context.err << "orgaudit: warning: " << audit->baseline_path << ": " << renamed
                  << (renamed == 1 ? " entry of a retired rule accepts" : " entries of retired rules accept")
                  << " the finding of the rule it was merged into on the same entities "
                     "('orgaudit baseline prune' rewrites the file under the new ids)\n";

  progress->update("running rules", 0, 0);
  Analysis analysis = analyse(org, audit->loaded->metrics, audit->rules, sources, baseline, context);
  audit->run = std::move(analysis.run);
  audit->suppressions = std::move(analysis.suppressions);
  audit->baseline = std::move(analysis.baseline);
  audit->scores = std::move(analysis.scores);
  progress->finish();
  begin_phase(context, "rendering output");
  for (const Diagnostic& w : audit->suppressions.warnings) context.err << w.format("warning") << "\n";
  return audit;
}

ChangedAudit audit_changed(const Audit& audit, Org changed, const ParsedArgs& args, CliContext& context) {
  ChangedAudit result;
  result.loaded = std::make_unique<LoadedOrg>();
  result.loaded->org = std::move(changed);
  result.loaded->metrics = OrgMetrics::compute(result.loaded->org);
  // The same inline and config suppressions; their warnings were printed by the first audit.
  const SuppressionSources sources = suppression_sources(result.loaded->org, audit.config, load_options(args, audit.config),
                                                         context, audit.catalog, std::nullopt, false);
  Analysis analysis = analyse(result.loaded->org, result.loaded->metrics, audit.rules, sources, std::nullopt, context);
  result.run = std::move(analysis.run);
  result.scores = std::move(analysis.scores);
  return result;
}

import::EntityComments carried_suppressions(const Org& org, const LoadOptions& options, const CliContext& context,
                                            const std::optional<Pseudonymizer>& pseudonyms) {
  import::EntityComments comments;
  std::map<std::pair<FileIndex, std::uint32_t>, std::pair<bool, std::uint32_t>> starts;  // (file, line) -> (unit?, index)
  for (PersonIndex p = 0; p < org.people.size(); ++p) starts.emplace(std::pair(org.people[p].where.file, org.people[p].where.line), std::pair(false, p));
  for (UnitIndex u = 0; u < org.units.size(); ++u) starts.emplace(std::pair(org.units[u].where.file, org.units[u].where.line), std::pair(true, u));
  for (FileIndex file = 0; file < org.files.size(); ++file) {
    if (std::string(input_format_for(org.files[file], options).name) != "yaml") continue;
    for (const InlineDirective& d : scan_inline_suppressions(context.files, org.files[file])) {
      const auto entity = starts.find({file, d.target_line});
      if (d.target_line == 0 || entity == starts.end()) {
        context.err << Diagnostic{org.files[file], d.line, d.column,
                                  "this orgaudit-ignore directive names no entity, so it is not carried into the YAML"}
                           .format("warning")
                    << "\n";
        continue;
      }
      std::string line = " orgaudit-ignore: ";
      for (std::size_t i = 0; i < d.rules.size(); ++i) line += (i ? ", " : "") + d.rules[i];
      if (d.expires) line += " expires: " + d.expires->to_string();
      std::string reason = d.reason;
      if (pseudonyms) scrub_emails(reason, *pseudonyms);  // a reason may name a contact
      line += " reason: " + reason;
      auto& lines = entity->second.first ? comments.units[entity->second.second] : comments.people[entity->second.second];
      lines.push_back(std::move(line));
    }
  }
  return comments;
}

}  // namespace orgaudit::cli
