#include "cli/cli.h"

#include "cli/commands.h"
#include "engine/rule_catalog.h"
#include "orgaudit/plugin.h"
#include "orgaudit/version.h"
#include "plugin/plugin_host.h"
#include "util/diagnostic.h"
#include "util/text.h"

namespace orgaudit::cli {
namespace {

const char* kOverview =
    "orgaudit: static analysis for organisations. Reads an org chart, runs rule packs over the\n"
    "organisation graph and reports findings, scores and maps.\n\n"
    "Usage: orgaudit <command> [options] [FILE...]\n\n";

void print_version(std::ostream& out) {
  out << "orgaudit " << version() << " (rule pack API " << ORGAUDIT_PLUGIN_API_VERSION << ")\n";
}

void print_overview(std::ostream& out) {
  out << kOverview << "Commands:\n";
  for (const Command& c : commands()) {
    std::string name = c.name;
    name.resize(10, ' ');
    out << "  " << name << c.summary << "\n";
  }
  out << "\nOptions:\n" << format_options_help(kGlobalOptions)
      << "\nRun 'orgaudit <command> --help' for a command's options and examples.\n"
         "Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 could not run as asked.\n";
}

void print_command_help(std::ostream& out, const Command& c) {
  out << "Usage: orgaudit " << c.name << " " << c.usage << "\n\n" << c.summary << "\n\nOptions:\n"
      << format_options_help(accepted_options(c)) << "\nExamples:\n" << c.examples;
}

// ORGAUDIT_TIMING=1 prints where the time went on stderr once the command has finished (a run
// that cannot finish, exit 2, has no useful profile).
int run_timed(const Command& command, const ParsedArgs& parsed, CliContext& context) {
  const char* asked = context.getenv ? context.getenv("ORGAUDIT_TIMING") : nullptr;
  if (!asked || !*asked || std::string(asked) == "0") return command.run(parsed, context);
  PhaseTimings timings;
  timings.begin("start-up: config and rule packs");
  context.timings = &timings;
  const int exit_code = command.run(parsed, context);
  context.timings = nullptr;
  timings.end();
  timings.print(context.err);
  return exit_code;
}

}  // namespace

int cannot_run(CliContext& context, const std::string& message) {
  context.err << "orgaudit: error: " << message << "\n";
  return kExitCannotRun;
}

int run_cli(const std::vector<std::string>& args, CliContext& context) {
  if (args.empty()) {
    print_overview(context.err);
    return kExitCannotRun;
  }
  const std::string& name = args.front();
  if (name == "--help" || name == "-h" || name == "help") {
    print_overview(context.out);
    return kExitClean;
  }
  if (name == "--version" || name == "-V") {
    print_version(context.out);
    return kExitClean;
  }
  const Command* command = nullptr;
  std::vector<std::string> names;
  for (const Command& c : commands()) {
    names.emplace_back(c.name);
    if (name == c.name) command = &c;
  }
  if (!command) {
    const std::string near = did_you_mean(name, names);
    return cannot_run(context, "unknown command '" + name + "'" +
                                   (near.empty() ? "" : "; did you mean '" + near + "'?") +
                                   " (run 'orgaudit --help')");
  }
  try {
    const ParsedArgs parsed =
        parse_args(std::vector<std::string>(args.begin() + 1, args.end()), accepted_options(*command));
    if (parsed.has("help")) {
      print_command_help(context.out, *command);
      return kExitClean;
    }
    if (parsed.has("version")) {
      print_version(context.out);
      return kExitClean;
    }
    return run_timed(*command, parsed, context);
  } catch (const UsageError& e) {
    return cannot_run(context, e.what());
  } catch (const OptionError& e) {
    return cannot_run(context, e.what());
  } catch (const PluginError& e) {
    return cannot_run(context, e.what());
  } catch (const InputError& e) {
    context.err << e.diagnostic().format("error") << "\n";
    return kExitCannotRun;
  }
}

}  // namespace orgaudit::cli
