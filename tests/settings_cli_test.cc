// End-to-end tests of how a run's settings are chosen and kept: which findings can fail a run,
// `config --dump` read back as the config, the profile chosen by what the org contains.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli_runner.h"

using orgaudit::testing::CliRun;
using orgaudit::testing::run_orgaudit;
using orgaudit::testing::ScratchDir;
namespace fs = std::filesystem;

TEST_CASE("settings: --fail-on info never fails on the tool's own not-assessed notes", "[settings]") {
  // A clean org without MEs or EMCs, audited by the Rendanheyi rules: nothing but notes.
  const std::string clean = "check tests/cli/clean.yaml --profile rendanheyi --fail-on info";
  const CliRun text = run_orgaudit(clean);
  CHECK(text.exit_code == 0);
  // Still reported, so the reader learns what data would enable the rules.
  CHECK_THAT(text.out, Catch::Contains("info: not assessed: this org has no units of kind 'me'"));
  // The writers agree with the exit code.
  CHECK_THAT(run_orgaudit(clean + " --format markdown").out, Catch::Contains("**No finding fails the run**"));
  CHECK_THAT(run_orgaudit(clean + " --format junit").out, !Catch::Contains("<failure"));
  // Real findings still fail at info.
  CHECK(run_orgaudit("check tests/cli/deep.yaml --profile classic --fail-on info").exit_code == 1);
}

namespace {

// Every org file under samples/, so a sample added later is covered too.
std::vector<std::string> sample_orgs() {
  std::vector<std::string> orgs;
  for (const auto& entry : fs::recursive_directory_iterator(ORGAUDIT_SOURCE_DIR "/samples"))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml")
      orgs.push_back(fs::relative(entry.path(), ORGAUDIT_SOURCE_DIR).string());
  std::sort(orgs.begin(), orgs.end());
  return orgs;
}

// No --profile (the profile a run picks itself), then each shipped profile.
std::vector<std::string> profile_arguments() {
  std::vector<std::string> arguments{""};
  for (const auto& entry : fs::directory_iterator(ORGAUDIT_SOURCE_DIR "/rules/profiles"))
    if (entry.path().extension() == ".yaml") arguments.push_back(" --profile " + entry.path().stem().string());
  std::sort(arguments.begin(), arguments.end());
  return arguments;
}

}  // namespace

TEST_CASE("settings: config --dump read back as the config gives the same findings, on every sample and profile",
          "[settings]") {
  const ScratchDir scratch("dump-round-trip");
  const std::string config = (scratch.path / ".orgaudit.yaml").string();
  const std::vector<std::string> orgs = sample_orgs();
  REQUIRE(orgs.size() >= 3);
  for (const std::string& org : orgs)
    for (const std::string& profile : profile_arguments()) {
      INFO(org << profile);
      const CliRun dump = run_orgaudit("config --dump " + org + profile);
      REQUIRE(dump.exit_code == 0);
      std::ofstream(config) << dump.out;
      const CliRun direct = run_orgaudit("check " + org + profile + " --format json --fail-on never");
      const CliRun pinned = run_orgaudit("check " + org + " --config " + config + " --format json --fail-on never");
      REQUIRE(direct.exit_code == 0);
      CHECK(pinned.err == direct.err);
      // The whole document: findings with their severities, the summary's counts, the scores.
      CHECK(pinned.out == direct.out);
    }
}
