// `orgaudit check FILE...`: run the rules, print or write the findings, exit 0/1/2.
#include <cctype>
#include <cstdlib>
#include <map>

#include "cli/commands.h"
#include "cli/audit.h"
#include "cli/terminal.h"
#include "cli/verdict.h"
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
    if (requests.back().path == "-") requests.back().path.clear();  // standard output, as the convention goes
  }
  if (requests.empty()) requests.push_back({format, ""});
  return requests;
}

// On stderr, so that --format json on stdout stays one JSON document.
void report_baseline(const Audit& audit, CliContext& context) {
  const BaselineComparison& b = *audit.baseline;
  context.err << "orgaudit: baseline " << audit.baseline_path << ": " << b.new_findings << " new, " << b.unchanged
              << " unchanged, " << b.fixed.size() << " fixed\n";
  constexpr std::size_t kListed = 20;
  for (std::size_t i = 0; i < b.fixed.size() && i < kListed; ++i) {
    std::string entities;
    for (const std::string& id : b.fixed[i].entities) entities += (entities.empty() ? "" : ", ") + id;
    context.err << "  fixed: " << b.fixed[i].message << " [" << b.fixed[i].rule << "]"
                << (entities.empty() ? "" : " (" + entities + ")") << "\n";
  }
  if (b.fixed.size() > kListed) context.err << "  ... and " << b.fixed.size() - kListed << " more fixed\n";
  if (!b.fixed.empty())
    context.err << "orgaudit: drop the fixed findings from the baseline with 'orgaudit baseline prune'\n";
  if (b.version != kBaselineVersion)
    context.err << "orgaudit: " << audit.baseline_path << " is a version " << b.version
                << " baseline, matched by rule and entities; 'orgaudit baseline prune' rewrites it as version "
                << kBaselineVersion << "\n";
}

bool use_colour(const ParsedArgs& args, const CliContext& context, const OutputRequest& request) {
  return wants_colour(args.last("color", "auto"), request.path.empty(), context.stdout_is_terminal, context.getenv);
}

// --rule-docs-url: SARIF's helpUri must be an absolute URI (RFC 3986: a scheme, then ':').
std::string rule_docs_url(const ParsedArgs& args) {
  const std::string url = args.last("rule-docs-url");
  const auto colon = url.find(':');
  const bool has_scheme = colon != std::string::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(url[0])) &&
                          url.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-") == colon;
  if (!url.empty() && !has_scheme)
    throw UsageError("--rule-docs-url needs an absolute URL such as https://example.org/orgaudit/rules/, got '" + url + "'");
  return url;
}

}  // namespace

int run_check(const ParsedArgs& args, CliContext& context) {
  if (args.positional.empty()) throw UsageError("check needs at least one org file (try 'orgaudit check --help')");
  const std::vector<OutputRequest> outputs = output_requests(args);
  // Command-line values are checked before the (possibly long) audit; config values after it.
  check_verdict_options(args);
  const std::string docs_url = rule_docs_url(args);
  for (const OutputRequest& o : outputs) use_colour(args, context, o);

  auto audit = run_audit(args, context);
  const Verdict verdict = verdict_options(args, audit->config);
  const ReportInput input{audit->loaded->org, audit->loaded->metrics, audit->run, audit->scores, audit->catalog, version(),
                          audit->profile.describe()};
  auto options_for = [&](const OutputRequest& o) {
    return WriteOptions{use_colour(args, context, o), !args.has("quiet"), verdict.threshold, verdict.never_fail, docs_url};
  };
  const OutputFormat& only = *find_output_format(outputs.front().format);
  if (outputs.size() == 1 && outputs.front().path.empty() && only.stream) {
    // One report on standard output in a format that streams: written as it is made, so a report of
    // gigabytes (a profile that flags most of a million people) is never held whole. There is no
    // file to leave half-written, and what can fail (input, options, rules) has been done.
    only.stream(input, options_for(outputs.front()), context.out);
    context.out << std::flush;
  } else {
    // Files go to temporaries renamed into place once all are written, so a failure leaves no
    // partial file behind; a format that streams is written to its temporary as it is made, so a
    // report of hundreds of megabytes is not held whole. Standard output gets whole documents.
    auto streamed = [](const OutputRequest& o) { return !o.path.empty() && find_output_format(o.format)->stream; };
    std::vector<std::string> rendered(outputs.size());
    for (std::size_t i = 0; i < outputs.size(); ++i)
      if (!streamed(outputs[i])) rendered[i] = find_output_format(outputs[i].format)->write(input, options_for(outputs[i]));
    begin_phase(context, "writing output");
    std::vector<FileContent> files;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      const OutputRequest& o = outputs[i];
      if (o.path.empty()) continue;
      if (!streamed(o)) {
        files.push_back({o.path, rendered[i], {}});
        continue;
      }
      const StreamFunction stream = find_output_format(o.format)->stream;
      files.push_back({o.path, {}, [&input, stream, options = options_for(o)](std::ostream& out) { stream(input, options, out); }});
    }
    context.files.write_all_atomically(files);  // every file or none
    for (std::size_t i = 0; i < outputs.size(); ++i)
      if (outputs[i].path.empty()) context.out << rendered[i] << std::flush;
  }
  if (audit->baseline) report_baseline(*audit, context);

  const int exit_code = verdict_exit_code(verdict, audit->run, audit->scores, context);
  begin_phase(context, "freeing memory");
  finish_audit(std::move(audit), context);
  return exit_code;
}

}  // namespace orgaudit::cli
