// The exit-code contract every analysing command shares (check, report, map): findings at or above
// --fail-on, or an org score below --min-score, mean exit code 1.
#pragma once

#include <optional>
#include <vector>

#include "cli/args.h"
#include "cli/context.h"
#include "config/config.h"
#include "engine/engine.h"
#include "scoring/scoring.h"
#include "workflow/snapshot_diff.h"

namespace orgaudit::cli {

struct Verdict {
  Severity threshold = Severity::error;
  bool never_fail = false;  // --fail-on never
  std::optional<double> min_score;
};

// --fail-on and --min-score.
extern const std::vector<OptionDecl> kVerdictOptions;

// Checks the command-line values before the (possibly long) audit. Throws UsageError.
void check_verdict_options(const ParsedArgs& args);

// The command line over the config file. Throws UsageError.
Verdict verdict_options(const ParsedArgs& args, const Config& config);

// kExitFindings when a finding that counts reaches the threshold or the score misses the minimum
// (saying which on stderr), else kExitClean.
int verdict_exit_code(const Verdict& verdict, const RunResult& run, const Scores& scores, CliContext& context);

// For diff and whatif: kExitFindings when the new side brought a finding at or above --fail-on,
// the tool's own "not assessed" notes aside (a rule that lost its data is reported, not a failure).
int introduced_exit_code(const Verdict& verdict, const SnapshotDiff& diff, const RunResult& after);

}  // namespace orgaudit::cli
