// `orgaudit whatif ORG... --scenario FILE`: the org as it would be after a list of changes, audited
// by the same rules and compared with the org as it is (docs/whatif.md). The inputs are never
// changed; `--apply -o FILE` writes the changed org as YAML.
#include <algorithm>
#include <optional>

#include "cli/audit.h"
#include "cli/commands.h"
#include "cli/schema_line.h"
#include "cli/verdict.h"
#include "import/yaml_writer.h"
#include "orgaudit/version.h"
#include "workflow/scenario_report.h"

namespace orgaudit::cli {
namespace {

bool is_change_option(const std::string& name) {
  static const std::vector<std::string> names = change_option_names();
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The scenarios to compare: each --scenario file's changes, then the command line's, in the order
// given; the command line's alone when no file is given.
std::vector<Scenario> scenarios_of(const ParsedArgs& args, const CliContext& context, std::vector<std::string>& names) {
  std::vector<ScenarioChange> options;
  for (const auto& [name, value] : args.options)
    if (is_change_option(name)) options.push_back(change_from_option(name, value));
  std::vector<Scenario> scenarios;
  for (const std::string& path : args.all("scenario")) {
    scenarios.push_back(read_scenario(context.files, path));
    names.push_back(path);
  }
  if (scenarios.empty()) {
    scenarios.emplace_back();
    names.emplace_back("command line");
  }
  for (Scenario& scenario : scenarios) {
    scenario.changes.insert(scenario.changes.end(), options.begin(), options.end());
    if (scenario.changes.empty())
      throw UsageError("whatif needs changes: --scenario FILE, or --move ID:MANAGER, --remove-layer ID, ... (try 'orgaudit whatif --help')");
  }
  return scenarios;
}

}  // namespace

std::vector<OptionDecl> scenario_audit_options(std::vector<OptionDecl> command_options) {
  std::vector<OptionDecl> decls = audit_options(std::move(command_options));
  // Pseudonyms would hide the ids the changes name; anonymise the --apply output with convert.
  decls.erase(std::remove_if(decls.begin(), decls.end(),
                             [](const OptionDecl& d) { return std::string(d.name).rfind("anonymize", 0) == 0; }),
              decls.end());
  return decls;
}

std::vector<OptionDecl> whatif_options() {
  return scenario_audit_options({
      {"scenario", "FILE", "the changes to make, in order (YAML: a 'changes:' list; docs/whatif.md); repeat to compare scenarios side by side"},
      {"move", "ID:MANAGER", "put person ID under MANAGER (repeatable; after the scenario file's changes, in order)"},
      {"move-unit", "ID:PARENT", "put unit ID under unit PARENT (repeatable)"},
      {"remove-layer", "ID", "hand ID's reports to ID's manager; ID stays, managing no one (repeatable)"},
      {"vacate", "ID", "make ID a vacant post (repeatable)"},
      {"remove", "ID", "take post ID out; its reports go to its manager (repeatable)"},
      {"split-me", "ME[:P-1,...]", "split ME in two: these people (or, with no list, half its sub-teams) form ME-2 (repeatable)"},
      {"merge-unit", "ID:INTO", "merge unit ID into unit INTO: its people, sub-units and ties go there (repeatable)"},
      {"add-member", "ID:EMC", "make unit ID a member of EMC (repeatable)"},
      {"remove-member", "ID:EMC", "take unit ID out of EMC's members (repeatable)"},
      {"add-contract", "ID:OTHER", "add a contract link between units ID and OTHER (repeatable)"},
      {"remove-contract", "ID:OTHER", "remove the contract links between units ID and OTHER (repeatable)"},
      {"renew-contract", "EMC", "mark EMC's contract renewed as of the org's as_of date (repeatable)"},
      {"set-right", "ME:RIGHT=HOLDER", "give ME's decision, people or pay right to HOLDER (self, a unit or a person; repeatable)"},
      {"format", "FORMAT", "text (default), json, markdown, html (the HTML report of the org after, opening with the scenario and its maps)"},
      {"fail-on", "LEVEL", "exit 1 when the scenario introduces findings at or above LEVEL (default error; never)"},
      {"apply", nullptr, "also write the changed org as org-chart-as-code YAML to --output"},
      {"output", "FILE", "with --apply: where to write the changed org (written whole or not at all)", 'o'},
  });
}

int run_whatif(const ParsedArgs& args, CliContext& context) {
  const std::string format = args.last("format", "text");
  if (format != "text" && format != "json" && format != "markdown" && format != "html")
    throw UsageError("unknown --format '" + format + "' for whatif (text, json, markdown, html)");
  if (format == "html" && args.all("scenario").size() > 1)
    throw UsageError("--format html reports one scenario: compare several in text, json or markdown");
  const std::string output = args.last("output");
  if (args.has("apply") && (output.empty() || output == "-"))
    throw UsageError("--apply needs -o FILE (--output FILE): where to write the changed org");
  if (!args.has("apply") && args.has("output"))
    throw UsageError("--output is where --apply writes the changed org; the report goes to standard output");
  if (std::find(args.positional.begin(), args.positional.end(), output) != args.positional.end())
    throw UsageError("--apply would overwrite its input '" + output + "': write to another file");
  const Verdict verdict = verdict_options(args, Config{});
  std::vector<std::string> names;
  const std::vector<Scenario> scenarios = scenarios_of(args, context, names);
  if (args.has("apply") && scenarios.size() > 1)
    throw UsageError("--apply writes one scenario's result: give one --scenario to apply (" + std::to_string(scenarios.size()) + " given)");

  const auto before = run_audit(args, context, AuditSteps{false, std::nullopt});
  std::vector<WhatIfReport> reports;
  std::optional<ChangedAudit> last;
  int exit_code = 0;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    Org changed = before->loaded->org;  // a copy: the audit of the inputs stays as loaded
    WhatIfReport report;
    report.name = names[i];
    report.description = scenarios[i].description;
    report.changes = apply_scenario(scenarios[i], changed);
    ChangedAudit after = audit_changed(*before, std::move(changed), args, context);
    report.diff = diff_snapshots(
        Snapshot{before->loaded->org, before->loaded->metrics, before->run, before->scores},
        Snapshot{after.loaded->org, after.loaded->metrics, after.run, after.scores});
    report.bands_before = span_bands(before->loaded->org, before->loaded->metrics);
    report.bands_after = span_bands(after.loaded->org, after.loaded->metrics);
    exit_code = std::max(exit_code, introduced_exit_code(verdict, report.diff, after.run));
    reports.push_back(std::move(report));
    last = std::move(after);
  }

  // Everything rendered before anything is written.
  std::string rendered;
  if (format == "html")
    rendered = write_whatif_html(ReportInput{before->loaded->org, before->loaded->metrics, before->run, before->scores, before->catalog, version(), {}},
                                 ReportInput{last->loaded->org, last->loaded->metrics, last->run, last->scores, before->catalog, version(), {}},
                                 whatif_page(reports.front(), before->loaded->org));
  else if (reports.size() > 1)
    rendered = format == "json"       ? write_whatif_comparison_json(reports, version())
               : format == "markdown" ? write_whatif_comparison_markdown(reports, 0)
                                      : write_whatif_comparison_text(reports, 0);
  else
    rendered = format == "json"       ? write_whatif_json(reports.front(), version())
               : format == "markdown" ? write_whatif_markdown(reports.front(), 0)
                                      : write_whatif_text(reports.front(), 0);
  if (args.has("apply")) {
    const std::string yaml = schema_line("orgaudit-org.schema.json") + import::write_org_yaml(
        last->loaded->org, args.positional,
        carried_suppressions(last->loaded->org, load_options(args, before->config), context, std::nullopt));
    context.files.write_atomically(output, yaml);
    context.err << "orgaudit: wrote the changed org (" << headcount_and_units_text(last->loaded->org) << ") to " << output << "\n";
  }
  context.out << rendered << std::flush;
  return exit_code;
}

}  // namespace orgaudit::cli
