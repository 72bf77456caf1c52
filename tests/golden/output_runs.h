// Shared by the golden, schema and escaping tests: the sample list, one CLI run that writes several
// formats, and external validators that must be present (a missing one fails the test, naming the
// Debian package, rather than skipping it).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace orgaudit::testing {

struct Sample {
  std::string name;       // directory of its goldens: tests/golden/<name>/
  std::string arguments;  // for `orgaudit check`, from the repository root
};

// tests/golden/samples.txt.
std::vector<Sample> golden_samples();

// Every format of `orgaudit check --format`, from the writers' own table.
std::vector<std::string> output_format_names();

// Runs `orgaudit check ARGUMENTS` once with `--output FORMAT=FILE` for each format, REQUIREs that it
// ran (exit 0 or 1) and returns format -> file under the scratch directory.
std::map<std::string, std::string> write_outputs(const std::string& arguments, const std::vector<std::string>& formats,
                                                 const std::string& tag);

struct CommandRun {
  int exit_code;
  std::string output;  // stdout and stderr together
};

// Runs a shell command from the repository root.
CommandRun run_command(const std::string& command);

// FAILs unless `command -v TOOL` finds it, saying which package to install.
void require_tool(const std::string& tool, const std::string& package);

// The file name a format's golden has: report.<extension> ("report.sarif.json", "report.md").
std::string golden_file_name(const std::string& format);

}  // namespace orgaudit::testing
