// `orgaudit report FILE... --output audit.html`: the report for people, one self-contained HTML file.
// It is `check` with HTML as the default format (any --format of check's table works), so the
// audit, the atomic writing and the exit codes are check's own rather than a copy of them.
#include "cli/audit.h"
#include "cli/commands.h"
#include "cli/verdict.h"

namespace orgaudit::cli {

std::vector<OptionDecl> report_options() {
  std::vector<OptionDecl> options{
      {"format", "FORMAT", "output format: html (default), or any format of 'orgaudit check'"},
      {"output", "[FORMAT=]FILE", "write the report to FILE instead of standard output (repeatable)", 'o'},
      kRuleDocsUrlOption,
  };
  options.insert(options.end(), kVerdictOptions.begin(), kVerdictOptions.end());
  return audit_options(options);
}

int run_report(const ParsedArgs& args, CliContext& context) {
  if (args.positional.empty()) throw UsageError("report needs at least one org file (try 'orgaudit report --help')");
  if (args.has("format")) return run_check(args, context);
  ParsedArgs with_default = args;
  with_default.options.insert(with_default.options.begin(), {"format", "html"});
  return run_check(with_default, context);
}

}  // namespace orgaudit::cli
