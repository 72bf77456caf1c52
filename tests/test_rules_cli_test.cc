// `orgaudit test-rules`: a pack author's fixtures run through the installed rules, end to end.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "cli_runner.h"

using namespace orgaudit::testing;
namespace fs = std::filesystem;

namespace {

// One fixture for structure-integrity: Narcissus manages themselves, on line 4, column 14.
void write_fixture(const fs::path& root, const std::string& rule_dir, const std::string& expectation) {
  fs::create_directories(root / rule_dir);
  std::ofstream(root / rule_dir / "self.yaml") << "orgaudit: 1\n"
                                                  "people:\n"
                                                  "  - id: N\n"
                                                  "    manager: N  # expect: " << expectation << "\n"
                                                  "    name: Narcissus\n";
}

}  // namespace

TEST_CASE("test-rules: the repository's own fixtures all pass, the cookbook's YAML rules loaded") {
  std::string cookbook;
  for (const auto& file : fs::directory_iterator(ORGAUDIT_SOURCE_DIR "/rules/cookbook"))
    cookbook += " --rules " + fs::relative(file.path(), ORGAUDIT_SOURCE_DIR).string();
  const CliRun run = run_orgaudit("test-rules" + cookbook + " tests/fixtures");
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("ok   tests/fixtures/structure-integrity/self-management.yaml [structure-integrity]"));
  CHECK_THAT(run.out, Catch::Contains("ok   tests/fixtures/custom-sales-team-size/"));
  CHECK_THAT(run.out, Catch::Matches("(.|\n)*\n[0-9]+ fixtures: [0-9]+ passed, 0 failed\n$"));
}

TEST_CASE("test-rules: a fixture whose expectation is wrong fails with what differs, exit 1") {
  ScratchDir dir("test-rules-wrong");
  write_fixture(dir.path, "structure-integrity", "structure-integrity:error col=14 message=/their own manager/");
  write_fixture(dir.path / "more", "structure-integrity", "structure-integrity:error col=5");
  const CliRun run = run_orgaudit("test-rules " + dir.path.string());
  CHECK(run.exit_code == 1);
  const std::string good = (dir.path / "structure-integrity" / "self.yaml").string();
  const std::string bad = (dir.path / "more" / "structure-integrity" / "self.yaml").string();
  CHECK_THAT(run.out, Catch::Contains("ok   " + good + " [structure-integrity] 1 finding\n"));
  CHECK_THAT(run.out, Catch::Contains("FAIL " + bad + " [structure-integrity]\n"
                                      "    missing:    " + bad + ":4: error: [structure-integrity] col=5\n"
                                      "    unexpected: " + bad + ":4:14: error: 'Narcissus' is their own manager [structure-integrity]\n"));
  CHECK_THAT(run.out, Catch::EndsWith("2 fixtures: 1 passed, 1 failed\n"));
}

TEST_CASE("test-rules: a malformed expectation fails the fixture rather than passing it") {
  ScratchDir dir("test-rules-malformed");
  write_fixture(dir.path, "structure-integrity", "structure-integrity colour=5");
  const CliRun run = run_orgaudit("test-rules " + dir.path.string());
  CHECK(run.exit_code == 1);
  CHECK_THAT(run.out, Catch::Contains("FAIL ") && Catch::Contains("self.yaml:4: ") && Catch::Contains("colour=5"));
}

TEST_CASE("test-rules: no fixtures, a missing directory or a directory naming no rule is exit 2") {
  ScratchDir dir("test-rules-bad");
  const CliRun empty = run_orgaudit("test-rules " + dir.path.string());
  CHECK(empty.exit_code == 2);
  CHECK_THAT(empty.err, Catch::Contains("no fixtures below '" + dir.path.string() + "'"));

  const CliRun missing = run_orgaudit("test-rules " + (dir.path / "nowhere").string());
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::Contains("is not a directory of rule fixtures"));

  write_fixture(dir.path, "structure-integrty", "structure-integrity");
  const CliRun typo = run_orgaudit("test-rules " + dir.path.string());
  CHECK(typo.exit_code == 2);
  CHECK_THAT(typo.err, Catch::Contains("names no loaded rule 'structure-integrty'; did you mean 'structure-integrity'?"));
  CHECK(typo.out.empty());
}
