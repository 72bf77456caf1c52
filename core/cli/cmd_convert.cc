// `orgaudit convert INPUT... -o org.yaml`: reads HR exports (and any YAML beside them) into one org
// and writes it as org-chart-as-code YAML, so a team can move from exports to a reviewed file in
// git. `orgaudit check` on the result finds what it found on the inputs, less the import findings:
// those are about rows of the export, which the YAML no longer has, so convert prints them here.
#include <algorithm>
#include <map>
#include <utility>

#include "cli/audit.h"
#include "cli/commands.h"
#include "cli/schema_line.h"
#include "cli/session.h"
#include "import/import_rules.h"
#include "import/inputs.h"
#include "import/yaml_writer.h"
#include "util/diagnostic.h"
#include "workflow/anonymize.h"
#include "workflow/inline_suppressions.h"
#include "workflow/text_scrub.h"

namespace orgaudit::cli {
namespace {

// The `# orgaudit-ignore:` directives of the YAML inputs, re-attached to the entities they named
// (by where each entity starts), so the written YAML suppresses the same findings. A directive that
// attaches to no entity is said to be dropped rather than silently lost.
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

}  // namespace

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
  for (const ImportIssue& issue : org.import_issues)
    context.err << Diagnostic{org.files.at(issue.where.file), issue.where.line, issue.where.column,
                              issue.message + " [" + import::import_rule_id(issue.kind) + "]"}
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
  if (!org.import_issues.empty())
    context.err << "; " << org.import_issues.size() << " import " << (org.import_issues.size() == 1 ? "issue" : "issues")
                << " above are not carried into the YAML";
  context.err << "\n";
  return kExitClean;
}

}  // namespace orgaudit::cli
