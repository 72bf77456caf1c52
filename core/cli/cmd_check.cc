// `orgaudit check FILE...`: run the rules, print or write the findings, exit 0/1/2.
#include <cstdlib>
#include <map>

#include "cli/commands.h"
#include "cli/audit.h"
#include "engine/engine.h"
#include "orgaudit/version.h"
#include "report.h"
#include "scoring/scoring.h"
#include "util/diagnostic.h"

namespace orgaudit::cli {
namespace {

bool known_format(const std::string& name) { return find_output_format(name) != nullptr; }

std::string format_names() {
  std::string names;
  for (const OutputFormat& f : output_formats()) names += (names.empty() ? "" : ", ") + std::string(f.name);
  return names;
}

struct OutputRequest {
  std::string format;
  std::string path;  // empty: standard output
};

std::vector<OutputRequest> output_requests(const ParsedArgs& args) {
  const std::string format = args.last("format", "text");
  if (!known_format(format)) throw UsageError("unknown --format '" + format + "' (" + format_names() + ")");
  std::vector<OutputRequest> requests;
  for (const std::string& value : args.all("output")) {
    const auto eq = value.find('=');
    if (eq != std::string::npos && known_format(value.substr(0, eq)))
      requests.push_back({value.substr(0, eq), value.substr(eq + 1)});
    else
      requests.push_back({format, value});
    if (requests.back().path.empty()) throw UsageError("--output needs a file name");
  }
  if (requests.empty()) requests.push_back({format, ""});
  return requests;
}

Severity fail_threshold(const std::string& value, bool& never) {
  never = value == "never";
  if (never) return Severity::error;
  if (auto s = parse_severity(value)) return *s;
  throw UsageError("--fail-on expects error, warning, info or never, got '" + value + "'");
}

std::optional<double> min_score(const ParsedArgs& args, const Config& config) {
  if (!args.has("min-score")) return config.min_score;
  const std::string text = args.last("min-score");
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || value < 0 || value > 100)
    throw UsageError("--min-score expects a number from 0 to 100, got '" + text + "'");
  return value;
}

bool use_colour(const ParsedArgs& args, const CliContext& context, const OutputRequest& request) {
  const std::string mode = args.last("color", "auto");
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (mode != "auto") throw UsageError("--color expects auto, always or never, got '" + mode + "'");
  const char* no_colour = context.getenv("NO_COLOR");
  return request.path.empty() && context.stdout_is_terminal && !(no_colour && *no_colour);
}

}  // namespace

int run_check(const ParsedArgs& args, CliContext& context) {
  if (args.positional.empty()) throw UsageError("check needs at least one org file (try 'orgaudit check --help')");
  const std::vector<OutputRequest> outputs = output_requests(args);
  // Command-line values are checked before the (possibly long) audit; config values after it.
  bool never_fail = false;
  if (args.has("fail-on")) fail_threshold(args.last("fail-on"), never_fail);
  min_score(args, Config{});
  for (const OutputRequest& o : outputs) use_colour(args, context, o);

  const auto audit = run_audit(args, context);
  const Severity threshold = fail_threshold(args.last("fail-on", audit->config.fail_on.value_or("error")), never_fail);
  const std::optional<double> minimum = min_score(args, audit->config);
  const RunResult& run = audit->run;
  const Scores& scores = audit->scores;
  const ReportInput input{audit->loaded->org, audit->loaded->metrics, run, scores, audit->catalog, version()};
  // Render everything before writing anything, so a failure leaves no partial output behind.
  std::vector<std::string> rendered;
  for (const OutputRequest& o : outputs) {
    const WriteOptions options{use_colour(args, context, o), !args.has("quiet"), threshold, never_fail};
    rendered.push_back(find_output_format(o.format)->write(input, options));
  }
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    if (outputs[i].path.empty()) context.out << rendered[i] << std::flush;
    else context.files.write_atomically(outputs[i].path, rendered[i]);
  }

  bool failed = false;
  if (!never_fail)
    for (const Finding& f : run.findings)
      if (f.counts() && f.severity >= threshold) failed = true;
  if (minimum) {
    if (!scores.org) {
      context.err << "orgaudit: org score not assessed, so it cannot meet --min-score " << *minimum << "\n";
      failed = true;
    } else if (*scores.org < *minimum) {
      context.err << "orgaudit: org score " << static_cast<int>(*scores.org) << " is below --min-score "
                  << *minimum << "\n";
      failed = true;
    }
  }
  return failed ? kExitFindings : kExitClean;
}

}  // namespace orgaudit::cli
