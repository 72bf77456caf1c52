// `orgaudit baseline create|prune FILE...`: record today's findings so CI fails only on new ones;
// later, drop the ones that have been fixed.
#include "cli/audit.h"
#include "cli/commands.h"
#include "orgaudit/version.h"

namespace orgaudit::cli {
namespace {

// The org files: the positional arguments after the action word.
ParsedArgs without_action(const ParsedArgs& args) {
  ParsedArgs inputs = args;
  inputs.positional.erase(inputs.positional.begin());
  if (inputs.positional.empty()) throw UsageError("baseline " + args.positional.front() + " needs at least one org file");
  return inputs;
}

int create(const ParsedArgs& args, CliContext& context) {
  const auto audit = run_audit(args, context, AuditSteps{false, std::nullopt});
  const std::string path = args.has("output") ? args.last("output") : baseline_path(args, audit->config);
  if (path.empty())
    throw UsageError("baseline create needs --output FILE (or 'baseline: FILE' in .orgaudit.yaml)");
  const Baseline baseline = make_baseline(audit->run, version());
  context.files.write_atomically(path, write_baseline(baseline));
  context.out << "orgaudit: wrote " << path << " with " << baseline.findings.size()
              << " findings; 'orgaudit check --baseline " << path << "' now fails only on new ones\n";
  return kExitClean;
}

int prune(const ParsedArgs& args, CliContext& context) {
  const auto audit = run_audit(args, context);
  if (!audit->baseline)
    throw UsageError("baseline prune needs --baseline FILE (or 'baseline: FILE' in .orgaudit.yaml)");
  const std::string path = args.last("output", audit->baseline_path);
  Baseline pruned = prune_baseline(read_baseline(context.files, audit->baseline_path), *audit->baseline);
  pruned.tool_version = version();
  context.files.write_atomically(path, write_baseline(pruned));
  context.out << "orgaudit: pruned " << audit->baseline->fixed.size() << " fixed findings; " << pruned.findings.size()
              << " remain in " << path << "\n";
  return kExitClean;
}

}  // namespace

int run_baseline(const ParsedArgs& args, CliContext& context) {
  const std::string action = args.positional.empty() ? "" : args.positional.front();
  if (action == "create") return create(without_action(args), context);
  if (action == "prune") return prune(without_action(args), context);
  throw UsageError(action.empty() ? "baseline needs an action: create or prune"
                                  : "unknown baseline action '" + action + "' (create or prune)");
}

}  // namespace orgaudit::cli
