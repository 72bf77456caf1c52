// Runs the built orgaudit binary for end-to-end tests, from the source tree so that paths in its
// messages are repository-relative.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace orgaudit::testing {

struct CliRun {
  int exit_code;
  std::string out;
  std::string err;
};

// `arguments` are appended to the command line as shell words; `environment` is "NAME=value ...".
CliRun run_orgaudit(const std::string& arguments, const std::string& environment = "");

std::string read_file(const std::string& path);

// "rule|severity|message|fingerprint" of each finding in a JSON report, sorted; import-* findings
// left out (they are about rows of an export, which a converted file no longer has).
std::vector<std::string> findings_of(const std::string& json);

// A path under the system temporary directory, unique to this test process.
std::string scratch_path(const std::string& name);

// A fresh directory at scratch_path(name), removed however the test ends (a failed REQUIRE included).
struct ScratchDir {
  explicit ScratchDir(const std::string& name);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  std::filesystem::path path;
};

}  // namespace orgaudit::testing
