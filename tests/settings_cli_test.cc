// End-to-end tests of how a run's settings are chosen and kept: which findings can fail a run,
// `config --dump` read back as the config, the profile chosen by what the org contains.
#include <catch2/catch.hpp>

#include "cli_runner.h"

using orgaudit::testing::CliRun;
using orgaudit::testing::run_orgaudit;

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
