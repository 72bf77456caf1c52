#include "cli_runner.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace orgaudit::testing {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string scratch_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("orgaudit-test-" + std::to_string(::getpid()) + "-" + name)).string();
}

ScratchDir::ScratchDir(const std::string& name) : path(scratch_path(name)) {
  std::filesystem::remove_all(path);
  std::filesystem::create_directories(path);
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;  // a destructor must not throw; a leftover directory is harmless
  std::filesystem::remove_all(path, ignored);
}

CliRun run_orgaudit(const std::string& arguments, const std::string& environment) {
  const std::string err_file = scratch_path("stderr");
  // The colour variables of whoever runs the tests would change what the binary prints.
  const std::string command = "cd '" ORGAUDIT_SOURCE_DIR "' && env -u NO_COLOR -u FORCE_COLOR -u CLICOLOR_FORCE " + environment + " '" ORGAUDIT_BINARY_DIR
                              "/bin/orgaudit' " + arguments + " 2>'" + err_file + "' </dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot start orgaudit");
  std::string out;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int status = ::pclose(pipe);
  CliRun run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, out, read_file(err_file)};
  std::filesystem::remove(err_file);
  return run;
}

std::vector<std::string> findings_of(const std::string& json) {
  std::vector<std::string> out;
  std::istringstream lines(json);
  std::string line, current;
  auto value = [](const std::string& l) { return l.substr(l.find(": ") + 2); };
  while (std::getline(lines, line)) {
    if (line.rfind("      \"rule\": ", 0) == 0) current = value(line);
    else if (line.rfind("      \"severity\": ", 0) == 0 || line.rfind("      \"message\": ", 0) == 0) current += "|" + value(line);
    else if (line.rfind("      \"fingerprint\": ", 0) == 0 && current.find("\"import-") != 0) out.push_back(current + "|" + value(line));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace orgaudit::testing
