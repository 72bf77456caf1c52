// `orgaudit diff OLD NEW`: what changed between two snapshots of one organisation.
#include <cstdlib>

#include "cli/audit.h"
#include "cli/commands.h"
#include "cli/verdict.h"
#include "orgaudit/version.h"
#include "workflow/snapshot_diff.h"

namespace orgaudit::cli {
namespace {

// Each side is one file (OLD NEW), or several with --old/--new (an organogram's senior and junior
// files, or one file per division).
std::pair<ParsedArgs, ParsedArgs> sides(const ParsedArgs& args) {
  ParsedArgs before = args, after = args;
  if (args.has("old") || args.has("new")) {
    if (!args.positional.empty()) throw UsageError("give the snapshots either as OLD NEW or with --old/--new, not both");
    before.positional = args.all("old");
    after.positional = args.all("new");
    if (before.positional.empty() || after.positional.empty())
      throw UsageError("diff needs both --old FILE and --new FILE");
  } else {
    if (args.positional.size() != 2) throw UsageError("diff needs two snapshots: OLD NEW (try 'orgaudit diff --help')");
    before.positional = {args.positional[0]};
    after.positional = {args.positional[1]};
  }
  return {before, after};
}

std::size_t list_limit(const ParsedArgs& args) {
  const std::string text = args.last("limit", "25");
  char* end = nullptr;
  const long value = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end || value < 0) throw UsageError("--limit expects a whole number (0: no limit), got '" + text + "'");
  return static_cast<std::size_t>(value);
}

}  // namespace

int run_diff(const ParsedArgs& args, CliContext& context) {
  const std::string format = args.last("format", "text");
  if (format != "text" && format != "json" && format != "markdown")
    throw UsageError("unknown --format '" + format + "' for diff (text, json, markdown)");
  const std::size_t limit = list_limit(args);
  const Verdict verdict = verdict_options(args, Config{});
  const auto [old_args, new_args] = sides(args);

  auto before = run_audit(old_args, context, AuditSteps{false, std::nullopt});
  auto after = run_audit(new_args, context, AuditSteps{false, std::nullopt});
  // Both snapshots under one profile, or the diff would list every finding of the rules only one of
  // them ran: when only one declares platforms, EMCs or MEs (an org starting its transformation),
  // the other is audited again under that one's Rendanheyi profile.
  if (before->profile.name != after->profile.name) {
    if (after->profile.name == kClassicProfile) after = run_audit(new_args, context, AuditSteps{false, before->profile});
    else before = run_audit(old_args, context, AuditSteps{false, after->profile});
  }
  const Relatedness related = relatedness(before->loaded->org, after->loaded->org);
  if (!related.related && !args.has("allow-unrelated")) return cannot_run(context, related.explanation);

  const SnapshotDiff diff = diff_snapshots(
      Snapshot{before->loaded->org, before->loaded->metrics, before->run, before->scores},
      Snapshot{after->loaded->org, after->loaded->metrics, after->run, after->scores});
  const std::string rendered = format == "json" ? write_diff_json(diff, version())
                               : format == "markdown" ? write_diff_markdown(diff, limit)
                                                      : write_diff_text(diff, limit);
  if (args.has("output") && args.last("output") != "-") context.files.write_atomically(args.last("output"), rendered);
  else context.out << rendered << std::flush;

  // Like check: exit 1 when the new snapshot brought findings at or above --fail-on.
  return introduced_exit_code(verdict, diff, after->run);
}

}  // namespace orgaudit::cli
