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
using orgaudit::testing::read_file;
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
  // JSON counts the notes apart from the infos that could fail a run; SARIF makes them notifications
  // of level note, so code scanning raises no alert for them.
  const CliRun json = run_orgaudit(clean + " --format json");
  CHECK(json.exit_code == 0);
  CHECK_THAT(json.out, Catch::Contains("\"infos\": 0,\n    \"not_assessed\": 9,") && Catch::Contains("\"not_assessed\": true"));
  const std::string sarif = run_orgaudit(clean + " --format sarif").out;
  CHECK_THAT(sarif, Catch::Contains(R"("results":[])") &&
                        Catch::Contains(R"({"level":"note","descriptor":{"id":"rule-not-assessed"},"associatedRule":{"id":"rendanheyi-me-size")"));
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

// The finding lines of a text report, without the summary.
std::string findings_of(const CliRun& run) { return run.out.substr(0, run.out.rfind("\n\n")); }

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
  std::vector<std::string> orgs = sample_orgs();
  REQUIRE(orgs.size() >= 3);
  orgs.push_back("tests/cli/deep.yaml");  // every sample declares MEs: this org chooses classic
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

TEST_CASE("settings: without --profile, an org with no platforms, EMCs or MEs gets the classic review", "[settings]") {
  const CliRun r = run_orgaudit("check tests/cli/deep.yaml --fail-on never");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains(" in 10 people and 0 units, profile classic (chosen: the org declares no "
                                    "platforms, EMCs or MEs). Org score "));
  CHECK_THAT(r.out, Catch::Contains("(max 7)") && Catch::Contains("[structure-hierarchy-depth]"));
  // None of the Rendanheyi rules' notes about what the org lacks.
  CHECK_THAT(r.out, !Catch::Contains("(max 3)") && !Catch::Contains("[rendanheyi-"));
  // A real UK organogram, read straight from its CSVs: no Rendanheyi notes, no 3-layer limit.
  const std::string organogram = "check --fail-on never --preset uk-organogram "
                                 "tests/import/uk-organograms/cabinet_office-2011-03-31-senior.csv "
                                 "tests/import/uk-organograms/cabinet_office-2011-03-31-junior.csv";
  const CliRun uk = run_orgaudit(organogram);
  CHECK_THAT(uk.out, Catch::Contains("profile classic (chosen: the org declares no platforms, EMCs or MEs)"));
  CHECK_THAT(uk.out, !Catch::Contains("[rendanheyi-") && !Catch::Contains("(max 3)"));
  CHECK(findings_of(uk) == findings_of(run_orgaudit(organogram + " --profile classic")));
}

TEST_CASE("settings: without --profile, an org that declares platforms, EMCs or MEs gets the Rendanheyi rules",
          "[settings]") {
  const CliRun r = run_orgaudit("check samples/rendanheyi/org.yaml --fail-on never");
  CHECK_THAT(r.out, Catch::Contains(", profile rendanheyi (chosen: the org declares 2 platforms, 2 EMCs and 16 MEs). "));
  CHECK(findings_of(r) == findings_of(run_orgaudit("check samples/rendanheyi/org.yaml --fail-on never --profile rendanheyi")));
  // One ME is enough: the org has started its transformation.
  const ScratchDir scratch("one-me");
  const std::string org = (scratch.path / "org.yaml").string();
  std::ofstream(org) << read_file("tests/cli/deep.yaml")
                     << "units:\n  - {id: U1, name: Pilot ME, kind: me, owner: L0}\n";
  const CliRun one = run_orgaudit("check " + org + " --fail-on never");
  CHECK_THAT(one.out, Catch::Contains("(max 3)") && Catch::Contains("[structure-hierarchy-depth]"));
  CHECK_THAT(one.out, Catch::Contains(" and 1 unit, profile rendanheyi (chosen: the org declares 1 ME). "));
}

TEST_CASE("settings: --profile, then the config's profile, win over the choice, and the summary says so", "[settings]") {
  const CliRun forced = run_orgaudit("check tests/cli/deep.yaml --fail-on never --profile rendanheyi");
  CHECK_THAT(forced.out, Catch::Contains("(max 3)") && Catch::Contains("[structure-hierarchy-depth]"));
  CHECK_THAT(forced.out, Catch::Contains("info: not assessed: this org has no units of kind 'me'"));
  CHECK_THAT(forced.out, Catch::Contains(", profile rendanheyi (--profile). "));
  const ScratchDir scratch("config-profile");
  const std::string config = (scratch.path / ".orgaudit.yaml").string();
  std::ofstream(config) << "profile: rendanheyi-strict\n";
  const CliRun configured = run_orgaudit("check tests/cli/deep.yaml --fail-on never --config " + config);
  CHECK_THAT(configured.out, Catch::Contains(", profile rendanheyi-strict (set in " + config + "). "));
  CHECK_THAT(run_orgaudit("check tests/cli/deep.yaml --fail-on never --profile classic --config " + config).out,
             Catch::Contains(", profile classic (--profile). "));
  CHECK_THAT(run_orgaudit("check --help").out,
             Catch::Contains("default: rendanheyi when the org declares platforms, EMCs or MEs, else classic"));
}

TEST_CASE("settings: diff audits both snapshots under one profile when only one declares MEs", "[settings]") {
  const ScratchDir scratch("diff-profile");
  const std::string before = (scratch.path / "before.yaml").string(), after = (scratch.path / "after.yaml").string();
  std::ofstream(before) << read_file("tests/cli/deep.yaml");
  std::ofstream(after) << read_file("tests/cli/deep.yaml") << "units:\n  - {id: U1, name: Pilot ME, kind: me, owner: L0}\n";
  // The depth findings are the same people at the same layers: under one profile, none is new.
  const CliRun r = run_orgaudit("diff " + before + " " + after + " --format json --fail-on never");
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, !Catch::Contains("structure-hierarchy-depth"));
}

TEST_CASE("settings: diff --fail-on info does not fail on not-assessed notes the new snapshot brought", "[settings]") {
  const ScratchDir scratch("diff-notes");
  const std::string before = (scratch.path / "before.yaml").string(), after = (scratch.path / "after.yaml").string();
  std::ofstream(before) << read_file("tests/cli/deep.yaml") << "units:\n  - {id: U1, name: Pilot ME, kind: me, owner: L0}\n";
  std::ofstream(after) << read_file("tests/cli/deep.yaml");
  // The ME is gone: the rules about MEs now say they lack the data, which is news but not a failure.
  const CliRun r = run_orgaudit("diff " + before + " " + after + " --fail-on info");
  CHECK_THAT(r.out, Catch::Contains("+ info [rendanheyi-me-size]: not assessed: "));
  CHECK(r.exit_code == 0);
}

TEST_CASE("settings: config --dump pins the profile a run of the org would choose, and says so without one",
          "[settings]") {
  CHECK_THAT(run_orgaudit("config --dump tests/cli/deep.yaml").out,
             Catch::Contains("#   profile classic (chosen: the org declares no platforms, EMCs or MEs)\n") &&
                 Catch::Contains("\nprofile: \"classic\"\n"));
  CHECK_THAT(run_orgaudit("config --dump samples/rendanheyi/org.yaml").out, Catch::Contains("\nprofile: \"rendanheyi\"\n"));
  const CliRun directory = run_orgaudit("config --dump samples/rendanheyi");
  CHECK(directory.exit_code == 0);
  CHECK_THAT(directory.out, Catch::Contains("\nprofile: \"classic\"\n"));
  CHECK_THAT(directory.err, Catch::Contains("no org file given, so the dump pins the profile a run chooses for an org "
                                            "that declares no platforms, EMCs or MEs (classic)"));
  CHECK(run_orgaudit("config --dump samples/rendanheyi --profile rendanheyi").err.empty());
}

TEST_CASE("settings: a rule option the config gets wrong is reported at its line in the config", "[settings]") {
  const ScratchDir scratch("config-option-place");
  const std::string config = (scratch.path / ".orgaudit.yaml").string();
  std::ofstream(config) << "rules:\n  structure-hierarchy-depth:\n    options:\n      max-layers: many\n";
  CliRun r = run_orgaudit("check tests/cli/deep.yaml --config " + config);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(config + ":4:19: error: option 'structure-hierarchy-depth.max-layers' expects an integer, got 'many'"));
  std::ofstream(config) << "rules:\n  structure-hierarchy-depth: {options: {max-layrs: 5}}\n";
  r = run_orgaudit("check tests/cli/deep.yaml --config " + config);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(config + ":2:41: error: rule 'structure-hierarchy-depth' has no option 'max-layrs'; did you mean 'max-layers'?"));
  // A profile named in the config is read through the same strict parser.
  std::ofstream(config) << "profile: \"classic";
  r = run_orgaudit("check tests/cli/deep.yaml --config " + config);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(config + ":1:") && Catch::Contains("quoted scalar"));
}
