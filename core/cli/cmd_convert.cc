// `orgaudit convert INPUT... -o org.yaml`: reads HR exports (and any YAML beside them) into one org
// and writes it as org-chart-as-code YAML, so a team can move from exports to a reviewed file in
// git. `orgaudit check` on the result finds what it found on the inputs, less the import findings:
// those are about rows of the export, which the YAML no longer has, so convert prints them here.
#include <algorithm>
#include <utility>

#include "cli/audit.h"
#include "cli/commands.h"
#include "cli/schema_line.h"
#include "cli/session.h"
#include "engine/import_rules.h"
#include "import/inputs.h"
#include "import/yaml_writer.h"
#include "util/diagnostic.h"
#include "workflow/anonymize.h"
#include "model/import_log.h"

namespace orgaudit::cli {
std::vector<OptionDecl> convert_options() {
  std::vector<OptionDecl> decls{{"output", "FILE", "write the YAML to FILE (written whole or not at all); - for standard output", 'o'}};
  decls.insert(decls.end(), kConfigOptions.begin(), kConfigOptions.end());
  decls.insert(decls.end(), kInputOptions.begin(), kInputOptions.end());
  decls.insert(decls.end(), kAnonymizeOptions.begin(), kAnonymizeOptions.end());
  return decls;
}

int run_convert(const ParsedArgs& args, CliContext& context) {
  if (args.positional.empty()) throw UsageError("convert needs at least one input file (try 'orgaudit convert --help')");
  const std::string output = args.last("output");
  if (output.empty()) throw UsageError("convert needs -o FILE (--output FILE), or -o - for standard output");
  if (std::find(args.positional.begin(), args.positional.end(), output) != args.positional.end())
    throw UsageError("convert would overwrite its input '" + output + "': write to another file");

  const std::optional<Pseudonymizer> pseudonyms = pseudonymizer(args, context);
  const Config config = load_run_config(args, context);
  const LoadOptions options = load_options(args, config);
  auto progress = make_progress(context);
  std::vector<Diagnostic> warnings;
  Org org = import::load_inputs(context.files, args.positional, options, warnings, *progress);
  progress->finish();
  for (const Diagnostic& w : warnings) context.err << w.format("warning") << "\n";
  for (const ImportIssue& issue : org.import_log->issues)
    context.err << Diagnostic{org.files.at(issue.where.file), issue.where.line, issue.where.column,
                              issue.message + " [" + import_rule_id(issue.kind) + "]"}
                       .format("warning")
                << "\n";

  // Directives are matched to entities by place, which pseudonymising leaves as it is.
  const import::EntityComments suppressions = carried_suppressions(org, options, context, pseudonyms);
  if (pseudonyms) anonymize_org(org, *pseudonyms);

  // Rendered whole before anything is written; the file is replaced atomically or not at all.
  const std::string yaml = schema_line("orgaudit-org.schema.json") + import::write_org_yaml(org, args.positional, suppressions);
  if (output == "-") context.out << yaml << std::flush;
  else context.files.write_atomically(output, yaml);
  context.err << "orgaudit: wrote " << headcount_and_units_text(org) << (output == "-" ? "" : " to " + output);
  if (!org.import_log->issues.empty())
    context.err << "; " << org.import_log->issues.size() << " import " << (org.import_log->issues.size() == 1 ? "issue" : "issues")
                << " above are not carried into the YAML";
  context.err << "\n";
  return kExitClean;
}

}  // namespace orgaudit::cli
