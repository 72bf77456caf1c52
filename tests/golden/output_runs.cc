#include "golden/output_runs.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include "cli_runner.h"
#include "report.h"

namespace orgaudit::testing {

std::vector<Sample> golden_samples() {
  std::ifstream in(ORGAUDIT_SOURCE_DIR "/tests/golden/samples.txt");
  std::vector<Sample> samples;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto space = line.find(' ');
    if (space == std::string::npos) continue;
    samples.push_back({line.substr(0, space), line.substr(space + 1)});
  }
  return samples;
}

std::vector<std::string> output_format_names() {
  std::vector<std::string> names;
  for (const OutputFormat& format : output_formats()) names.push_back(format.name);
  return names;
}

std::map<std::string, std::string> write_outputs(const std::string& arguments, const std::vector<std::string>& formats,
                                                 const std::string& tag) {
  std::map<std::string, std::string> files;
  std::string command = "check " + arguments;
  for (const std::string& format : formats) {
    files[format] = scratch_path(tag + "." + golden_file_name(format));
    command += " --output '" + format + "=" + files[format] + "'";
  }
  const CliRun run = run_orgaudit(command);
  INFO("orgaudit " << command << "\n" << run.err);
  REQUIRE(run.exit_code <= 1);
  return files;
}

CommandRun run_command(const std::string& command) {
  const std::string full = "cd '" ORGAUDIT_SOURCE_DIR "' && (" + command + ") 2>&1 </dev/null";
  FILE* pipe = ::popen(full.c_str(), "r");
  REQUIRE(pipe);
  std::string output;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  const int status = ::pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

void require_tool(const std::string& tool, const std::string& package) {
  if (run_command("command -v " + tool).exit_code != 0)
    FAIL(tool << " is not installed: this test needs it (Debian package " << package
              << "; bash scripts/setup.sh installs it)");
}

std::string golden_file_name(const std::string& format) {
  static const std::map<std::string, std::string> kExtensions{
      {"text", "txt"}, {"json", "json"}, {"sarif", "sarif.json"}, {"junit", "junit.xml"},
      {"xml", "xml"},  {"markdown", "md"}, {"html", "html"}, {"codequality", "codequality.json"}};
  const auto found = kExtensions.find(format);
  return "report." + (found != kExtensions.end() ? found->second : format);
}

}  // namespace orgaudit::testing
