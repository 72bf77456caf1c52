#include "cli/verdict.h"

#include <algorithm>
#include <unordered_set>

#include "cli/commands.h"
#include "writer_support.h"

namespace orgaudit::cli {
namespace {

Severity fail_threshold(const std::string& value, bool& never) {
  never = value == "never";
  if (never) return Severity::error;
  if (auto s = parse_severity(value)) return *s;
  throw UsageError("--fail-on expects error, warning, info or never, got '" + value + "'");
}

std::optional<double> min_score(const ParsedArgs& args, const Config& config) {
  if (!args.has("min-score")) return config.min_score;
  const std::string text = args.last("min-score");
  const std::optional<double> value = parse_min_score(text);
  if (!value) throw UsageError("--min-score expects a number from 0 to 100, got '" + text + "'");
  return value;
}

}  // namespace

const std::vector<OptionDecl> kVerdictOptions{
    {"fail-on", "LEVEL", "exit 1 on findings at or above LEVEL: error (default), warning, info, never"},
    {"min-score", "N", "exit 1 when the org score is below N (0-100)"},
};

void check_verdict_options(const ParsedArgs& args) {
  bool never = false;
  if (args.has("fail-on")) fail_threshold(args.last("fail-on"), never);
  min_score(args, Config{});
}

Verdict verdict_options(const ParsedArgs& args, const Config& config) {
  Verdict verdict;
  verdict.threshold = fail_threshold(args.last("fail-on", config.fail_on.value_or("error")), verdict.never_fail);
  verdict.min_score = min_score(args, config);
  return verdict;
}

int verdict_exit_code(const Verdict& verdict, const RunResult& run, const Scores& scores, CliContext& context) {
  WriteOptions failure;  // the writers' test, so JUnit and Markdown agree with the exit code
  failure.fail_on = verdict.threshold;
  failure.never_fail = verdict.never_fail;
  bool failed = std::any_of(run.findings.begin(), run.findings.end(),
                            [&failure](const Finding& f) { return fails_run(f, failure); });
  if (verdict.min_score) {
    const double minimum = *verdict.min_score;
    if (!scores.org) {
      context.err << "orgaudit: org score not assessed, so it cannot meet --min-score " << minimum << "\n";
      failed = true;
    } else if (*scores.org < minimum) {
      context.err << "orgaudit: org score " << static_cast<int>(*scores.org) << " is below --min-score "
                  << minimum << "\n";
      failed = true;
    }
  }
  return failed ? kExitFindings : kExitClean;
}

int introduced_exit_code(const Verdict& verdict, const SnapshotDiff& diff, const RunResult& after) {
  if (verdict.never_fail) return kExitClean;
  std::unordered_set<std::string> notes;
  for (const Finding& f : after.findings)
    if (f.not_assessed_note) notes.insert(f.fingerprint);
  for (const SnapshotDiff::FindingChange& f : diff.introduced)
    if (parse_severity(f.severity) >= verdict.threshold && !notes.count(f.fingerprint)) return kExitFindings;
  return kExitClean;
}

}  // namespace orgaudit::cli
