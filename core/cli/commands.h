// The subcommand table. Each command lives in its own file and is listed once here.
#pragma once

#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/context.h"

namespace orgaudit::cli {

// Exit codes, one contract for every subcommand (docs: outputs).
enum ExitCode : int { kExitClean = 0, kExitFindings = 1, kExitCannotRun = 2 };

struct Command {
  const char* name;
  const char* summary;
  const char* usage;     // after "orgaudit <name> "
  const char* examples;  // shown by --help
  std::vector<OptionDecl> options;
  int (*run)(const ParsedArgs& args, CliContext& context);
};

const std::vector<Command>& commands();

// --help (-h) and --version (-V): accepted alone (`orgaudit -V`) and by every command.
extern const std::vector<OptionDecl> kGlobalOptions;
// Everything a command's parser accepts: its own options, then the global ones. Help, the man page
// and the shell completions are all made from this, so none can drift from the parser.
std::vector<OptionDecl> accepted_options(const Command& command);

// --rule-docs-url URL, for the SARIF writer's helpUri (check, report).
extern const OptionDecl kRuleDocsUrlOption;

int run_check(const ParsedArgs& args, CliContext& context);
int run_report(const ParsedArgs& args, CliContext& context);
std::vector<OptionDecl> report_options();
int run_map(const ParsedArgs& args, CliContext& context);
std::vector<OptionDecl> map_options();
int run_rules(const ParsedArgs& args, CliContext& context);
int run_init(const ParsedArgs& args, CliContext& context);
int run_config(const ParsedArgs& args, CliContext& context);
int run_baseline(const ParsedArgs& args, CliContext& context);
int run_diff(const ParsedArgs& args, CliContext& context);
int run_convert(const ParsedArgs& args, CliContext& context);
std::vector<OptionDecl> convert_options();
int run_whatif(const ParsedArgs& args, CliContext& context);
std::vector<OptionDecl> whatif_options();
int run_test_rules(const ParsedArgs& args, CliContext& context);
// audit_options without --anonymize: whatif's and fix's changes name real ids.
std::vector<OptionDecl> scenario_audit_options(std::vector<OptionDecl> command_options);
int run_fix(const ParsedArgs& args, CliContext& context);
std::vector<OptionDecl> fix_options();
int run_completion(const ParsedArgs& args, CliContext& context);

// "orgaudit: error: <message>" on stderr, then exit code 2.
int cannot_run(CliContext& context, const std::string& message);

}  // namespace orgaudit::cli
