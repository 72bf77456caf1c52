// `orgaudit fix --propose ORG... [-o SCENARIO.yaml]`: the changes that would answer the findings
// with a mechanical remedy, written as a what-if scenario with the scores before and after it, for
// the user to review and apply with `whatif --apply` (docs/whatif.md, "Proposed fixes"). The input
// is never rewritten: there is no `fix` without `--propose`.
#include <algorithm>

#include "cli/audit.h"
#include "cli/commands.h"
#include "cli/schema_line.h"
#include "workflow/fix_proposal.h"
#include "workflow/snapshot_diff.h"

namespace orgaudit::cli {
namespace {

std::string score_text(const std::optional<double>& score) {
  return score ? std::to_string(static_cast<long>(*score + 0.5)) : "n/a";
}

// "Org 76 -> 78, Flatness 69 -> 72, ...": what the scenario does to the scores, for its header.
std::vector<std::string> score_lines(const SnapshotDiff& diff) {
  std::vector<std::string> lines{"scores before -> after this scenario:"};
  for (const SnapshotDiff::ScoreChange& s : diff.scores)
    lines.push_back("  " + s.dimension + ": " + score_text(s.before) + " -> " + score_text(s.after));
  return lines;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : " ") + item;
  return out;
}

}  // namespace

std::vector<OptionDecl> fix_options() {
  return scenario_audit_options({
      {"propose", nullptr, "write the changes that answer the findings with a mechanical remedy, as a what-if scenario"},
      {"output", "FILE", "where to write the scenario (default: standard output; written whole or not at all)", 'o'},
  });
}

int run_fix(const ParsedArgs& args, CliContext& context) {
  if (!args.has("propose"))
    throw UsageError("fix only proposes: 'orgaudit fix --propose FILE... [-o scenario.yaml]' writes a scenario to review and "
                     "apply with 'orgaudit whatif --apply'; the input is never rewritten");
  const std::string output = args.last("output", "-");
  if (std::find(args.positional.begin(), args.positional.end(), output) != args.positional.end())
    throw UsageError("-o '" + output + "' is an input: fix --propose never rewrites its input, write the scenario to another file");

  const auto before = run_audit(args, context, AuditSteps{false, std::nullopt});
  const FixProposal proposal = propose_fixes(before->loaded->org, before->run.findings);
  for (const UnansweredFinding& u : proposal.unanswered)
    context.err << "orgaudit: not proposed for " << u.rule << (u.key.empty() ? "" : " (" + u.key + ")") << " " << u.fingerprint
                << ": " << u.why << "\n";
  if (proposal.scenario.changes.empty()) {
    context.err << "orgaudit: no finding has a mechanical remedy: nothing to propose\n";
    return 0;
  }
  Org changed = before->loaded->org;
  apply_scenario(proposal.scenario, changed);
  const ChangedAudit after = audit_changed(*before, std::move(changed), args, context);
  const SnapshotDiff diff = diff_snapshots(
      Snapshot{before->loaded->org, before->loaded->metrics, before->run, before->scores},
      Snapshot{after.loaded->org, after.loaded->metrics, after.run, after.scores});

  std::vector<std::string> header{
      "orgaudit fix --propose " + joined(args.positional) + ": " + std::to_string(proposal.scenario.changes.size()) +
          " changes, each answering the finding named in its 'answers:'; " + std::to_string(diff.resolved.size()) +
          " findings resolved, " + std::to_string(diff.introduced.size()) + " introduced.",
      "Review it, then: orgaudit whatif " + joined(args.positional) + " --scenario " + (output == "-" ? "SCENARIO.yaml" : output) +
          " --apply -o org-after.yaml"};
  for (const std::string& line : score_lines(diff)) header.push_back(line);
  const std::string yaml = schema_line("orgaudit-scenario.schema.json") + write_scenario_yaml(proposal.scenario, header);
  if (output == "-") {
    context.out << yaml << std::flush;
  } else {
    context.files.write_atomically(output, yaml);
    context.err << "orgaudit: wrote " << proposal.scenario.changes.size() << " proposed changes to " << output << "\n";
  }
  return 0;
}

}  // namespace orgaudit::cli
