// End-to-end tests of the audit workflow: suppressions, config files, init and config --dump,
// baselines. Diffs and anonymisation have their own files (workflow_diff_test.cc,
// workflow_anonymize_test.cc).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "cli_runner.h"

using orgaudit::testing::CliRun;
using orgaudit::testing::read_file;
using orgaudit::testing::run_orgaudit;
using orgaudit::testing::ScratchDir;
using orgaudit::testing::scratch_path;
namespace fs = std::filesystem;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace

TEST_CASE("workflow: inline suppressions are counted, not listed, and flagged in JSON", "[workflow]") {
  const CliRun text = run_orgaudit("check tests/workflow/suppressed.yaml --profile classic");
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("2 warnings, 0 info, 1 rule not assessed; 2 suppressed)"));  // one finding per manager
  CHECK_THAT(text.out, !Catch::Contains("'Bo Deputy' has"));  // P2's one finding is suppressed
  CHECK_THAT(text.out, Catch::Contains("manager 'Di Worker' has 1 direct report, 'Ed Worker' (min 4)"));
  CHECK_THAT(text.err, Catch::Contains("tests/workflow/suppressed.yaml:15:45: warning: suppression of the "
                                       "'structure-span-of-control' finding on 'P4' expired on 2020-01-31"));
  CHECK_THAT(text.err, Catch::Contains("tests/workflow/suppressed.yaml:16:3: warning: this orgaudit-ignore comment is not on"));
  // The retired ids suppress the rule they were merged into, and say so; neither is "unused".
  CHECK_THAT(text.err, Catch::Contains("tests/workflow/suppressed.yaml:9:3: warning: suppression names a retired rule: "
                                       "'structure-single-report-manager' was merged into 'structure-span-of-control'"));
  CHECK_THAT(text.err, Catch::Contains("tests/workflow/suppressed.yaml:10:3: warning: suppression names a retired rule: "
                                       "'structure-pass-through-manager' was merged into"));
  CHECK_THAT(text.err, !Catch::Contains("unused suppression"));
  const CliRun json = run_orgaudit("check tests/workflow/suppressed.yaml --profile classic --format json");
  CHECK(count(json.out, "\"suppressed\": true") == 2);
  CHECK_THAT(json.out, Catch::Contains("\"suppressed\": 2"));
  CHECK_THAT(json.out, Catch::Contains("\"kind\": \"inline\",\n        \"justification\": \"deputy post, intentionally 1:1\""));
}

TEST_CASE("workflow: config suppressions for a CSV, with unused and expired ones reported", "[workflow]") {
  const CliRun r = run_orgaudit("check tests/workflow/csv/org.csv");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("; 1 suppressed)"));  // P1's one finding, by both of its suppressions
  CHECK_THAT(r.out, Catch::Contains("manager 'Bo Lead' has 1 direct report (min 4)"));  // its suppression expired
  CHECK_THAT(r.err, Catch::Contains(".orgaudit.yaml:7:5: warning: suppression names a retired rule: "
                                    "'structure-single-report-manager' was merged into 'structure-span-of-control'"));
  CHECK_THAT(r.err, Catch::Contains(".orgaudit.yaml:8:5: warning: suppression of the 'structure-span-of-control' finding "
                                    "on 'P2' expired on 2020-01-31: the finding is reported again"));
  CHECK_THAT(r.err, Catch::Contains(".orgaudit.yaml:9:5: warning: unused suppression: this run has no "
                                    "'structure-span-of-control' finding on 'P9'; remove it"));
  CHECK_THAT(r.err, Catch::Contains(".orgaudit.yaml:10:5: warning: unused suppression"));
  // A rule switched off for this run does not make its suppressions "unused".
  CHECK_THAT(run_orgaudit("check tests/workflow/csv/org.csv --disable structure-hierarchy-depth").err,
             !Catch::Contains(".orgaudit.yaml:10:5"));
}

TEST_CASE("workflow: bad configs and directives exit 2 with file:line:col and write nothing", "[workflow]") {
  const ScratchDir scratch("bad-config");
  const fs::path& dir = scratch.path;
  fs::copy_file("tests/workflow/formats/org.yaml", dir / "org.yaml", fs::copy_options::overwrite_existing);
  const std::string check = "check " + (dir / "org.yaml").string() + " --output json=" + (dir / "out.json").string();
  const std::pair<std::string, std::string> cases[] = {
      {"rules:\n  structure-span-of-contrl: off\n",
       ".orgaudit.yaml:2:3: error: unknown rule 'structure-span-of-contrl' in 'rules'; did you mean 'structure-span-of-control'?"},
      {"rules:\n  structure-pass-through-manager: off\n",
       ".orgaudit.yaml:2:3: error: 'rules' names a retired rule: 'structure-pass-through-manager' was merged into "
       "'structure-span-of-control', which now reports its findings; name 'structure-span-of-control' instead"},
      {"suppressions:\n  - {rule: structure-span-of-contrl, entity: P1, reason: x}\n",
       ".orgaudit.yaml:2:5: error: suppression names an unknown rule 'structure-span-of-contrl'; did you mean"},
      {"suppressions:\n  - {rule: structure-span-of-control, entity: P1}\n", ".orgaudit.yaml:2:5: error: a suppression needs a 'reason'"},
      {"suppressions:\n  - {rule: structure-span-of-control, entity: P1, reason: x, expires: 2027-13-01}\n",
       "error: 'expires' must be a date written YYYY-MM-DD, got '2027-13-01'"},
      {"profle: classic\n", ".orgaudit.yaml:1:1: error: unknown key 'profle' in the config file; did you mean 'profile'?"},
  };
  for (const auto& [config, message] : cases) {
    write(dir / ".orgaudit.yaml", config);
    const CliRun r = run_orgaudit(check);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains(message));
    CHECK_FALSE(fs::exists(dir / "out.json"));
  }
  fs::remove(dir / ".orgaudit.yaml");
  write(dir / "org.yaml", read_file("tests/workflow/formats/org.yaml") + "# orgaudit-ignore: structure-span-of-control\n");
  const CliRun r = run_orgaudit(check);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("org.yaml:12:1: error: an orgaudit-ignore comment needs a reason"));
  CHECK_FALSE(fs::exists(dir / "out.json"));
}

TEST_CASE("workflow: init writes a starter config that loads, and never overwrites by accident", "[workflow]") {
  const ScratchDir scratch("init");
  const fs::path& dir = scratch.path;
  CliRun r = run_orgaudit("init " + dir.string());
  CHECK(r.exit_code == 0);
  const std::string written = read_file((dir / ".orgaudit.yaml").string());
  // The profile is left to each run's choice, so an HR export is not held to the Rendanheyi rules.
  CHECK_THAT(written, Catch::Contains("\n# profile: ") && Catch::Contains("\nsuppressions:\n"));
  r = run_orgaudit("init " + dir.string());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(".orgaudit.yaml already exists; pass --force to replace it"));
  write(dir / ".orgaudit.yaml", "fail-on: warning\n");
  CHECK(run_orgaudit("init --force " + dir.string()).exit_code == 0);
  CHECK(read_file((dir / ".orgaudit.yaml").string()) == written);
  // The starter config is a valid config: a run with it behaves as with no config at all.
  fs::copy_file("tests/workflow/formats/org.yaml", dir / "org.yaml");
  const CliRun with = run_orgaudit("check " + (dir / "org.yaml").string() + " --format json");
  const CliRun without = run_orgaudit("check --no-config " + (dir / "org.yaml").string() + " --format json");
  CHECK(with.exit_code == without.exit_code);
  CHECK(with.err.empty());
  CHECK(with.out == without.out);
}

TEST_CASE("workflow: precedence is command line over config over profile over defaults", "[workflow]") {
  auto dumped = [](const std::string& arguments) { return run_orgaudit("config --dump " + arguments).out; };
  const std::string defaults = dumped("--no-config --profile tests/workflow/config/profile.yaml");
  CHECK_THAT(defaults, Catch::Contains("      max-layers: 3    # integer, default 7\n      error-layers: 9 "));
  CHECK_THAT(defaults, Catch::Contains("severity: error\n    options:\n      min-span: 2 "));
  const std::string config = dumped("--config tests/workflow/config/precedence.yaml");
  CHECK_THAT(config, Catch::Contains("      max-layers: 5 "));
  CHECK_THAT(config, Catch::Contains("  structure-grade-inversion:    # reports whose grade is equal to or above their manager's grade\n"
                                     "    enabled: false\n"));
  CHECK_THAT(config, Catch::Contains("severity: error\n    options:\n      min-span: 2 "));  // from the profile
  const std::string command_line = dumped("--config tests/workflow/config/precedence.yaml "
                                          "--rule-option structure-hierarchy-depth.max-layers=6 "
                                          "--enable structure-grade-inversion");
  CHECK_THAT(command_line, Catch::Contains("      max-layers: 6 "));
  CHECK_THAT(command_line, Catch::Contains("  structure-grade-inversion:    # reports whose grade is equal to or above their manager's grade\n"
                                           "    enabled: true\n"));
  CHECK_THAT(command_line, Catch::Contains("#   the command line"));
}

TEST_CASE("workflow: config --dump is itself a config that gives the same settings", "[workflow]") {
  const ScratchDir scratch("dump");
  const fs::path& dir = scratch.path;
  const CliRun first = run_orgaudit("config --dump --config tests/workflow/config/precedence.yaml");
  REQUIRE(first.exit_code == 0);
  write(dir / ".orgaudit.yaml", first.out);
  const CliRun second = run_orgaudit("config --dump " + dir.string());
  REQUIRE(second.exit_code == 0);
  auto settings = [](const std::string& dump) { return dump.substr(dump.find("orgaudit-config: 1")); };
  CHECK(settings(second.out) == settings(first.out));
  CHECK(run_orgaudit("config").exit_code == 2);
}

TEST_CASE("workflow: a baseline lets CI fail only on new findings, reports and prunes fixed ones", "[workflow]") {
  const ScratchDir scratch("baseline");
  const fs::path& dir = scratch.path;
  const std::string baseline = (dir / "baseline.json").string();
  CliRun r = run_orgaudit("baseline create tests/workflow/formats/org.yaml --profile classic --output " + baseline);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("with 5 findings"));
  CHECK_THAT(read_file(baseline), Catch::StartsWith("{\n  \"schema\": \"orgaudit-baseline\",\n  \"version\": 2,"));
  CHECK(count(read_file(baseline), "\"fingerprint\": \"v2:") == 5);

  r = run_orgaudit("check tests/workflow/formats/org.yaml --profile classic --fail-on warning --baseline " + baseline);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("0 findings (0 errors, 0 warnings, 0 info; 5 unchanged from the baseline)"));
  CHECK_THAT(r.err, Catch::Contains("baseline.json: 0 new, 5 unchanged, 0 fixed"));

  // Reformatted, reordered, the same org as a CSV export, and that export converted to YAML: the
  // same fingerprints.
  const std::string converted = (dir / "converted.yaml").string();
  REQUIRE(run_orgaudit("convert tests/workflow/formats/org.csv -o " + converted).exit_code == 0);
  for (const std::string& same : {std::string("tests/workflow/formats/org-reformatted.yaml"),
                                  std::string("tests/workflow/formats/org.csv"), converted}) {
    r = run_orgaudit("check --profile classic --fail-on warning " + same + " --baseline " + baseline);
    INFO(same);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("0 new, 5 unchanged, 0 fixed"));
  }

  // Di is re-graded below Cy (fixing an inversion); Ed gets a report (new findings).
  std::string text = read_file("tests/workflow/formats/org.yaml");
  text.replace(text.find("grade: G7}\n  - {id: P5"), 9, "grade: SEO");
  text += "  - {id: P6, name: Fay New, title: Officer, manager: P5, unit: U1, grade: G6}\n";
  write(dir / "org.yaml", text);
  r = run_orgaudit("check " + (dir / "org.yaml").string() + " --profile classic --fail-on warning --baseline " + baseline);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("fixed: 'Di Staff' (G7) has the same grade as their manager 'Cy Staff' (G7) "
                                    "[structure-grade-inversion] (P4, P3)"));
  CHECK_THAT(r.err, Catch::Contains("orgaudit baseline prune"));
  CHECK_THAT(r.err, Catch::Contains(" new, 4 unchanged, 1 fixed\n"));
  r = run_orgaudit("baseline prune " + (dir / "org.yaml").string() + " --profile classic --baseline " + baseline);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("pruned 1 fixed findings; 4 remain"));
  CHECK(count(read_file(baseline), "\"fingerprint\"") == 4);
}

TEST_CASE("workflow: baselines from another version, or missing, exit 2", "[workflow]") {
  const ScratchDir scratch("baseline-version");
  const fs::path& dir = scratch.path;
  write(dir / "future.json", "{\"schema\": \"orgaudit-baseline\", \"version\": 3, \"tool\": {\"version\": \"3.0.0\"}, \"findings\": []}\n");
  CliRun r = run_orgaudit("check tests/workflow/formats/org.yaml --baseline " + (dir / "future.json").string());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("future.json:1:") && Catch::Contains(": error: baseline format version 3 (written by orgaudit 3.0.0) is not "
                                    "one this orgaudit reads (versions 1 to 2)"));
  CHECK(r.out.empty());
  r = run_orgaudit("check tests/workflow/formats/org.yaml --baseline " + (dir / "missing.json").string());
  CHECK(r.exit_code == 2);
  CHECK(run_orgaudit("baseline create tests/workflow/formats/org.yaml").exit_code == 2);  // nowhere to write
  CHECK(run_orgaudit("baseline tests/workflow/formats/org.yaml").exit_code == 2);
}

TEST_CASE("workflow: a baseline of a real organogram survives its conversion to YAML", "[workflow]") {
  const std::string dfid = "tests/import/uk-organograms/department_for_international_development-2014-09-30";
  const ScratchDir scratch("baseline-convert");
  const fs::path& dir = scratch.path;
  const std::string inputs = " " + dfid + "-senior.csv " + dfid + "-junior.csv";
  const std::string baseline = (dir / "baseline.json").string(), yaml = (dir / "dfid.yaml").string();
  REQUIRE(run_orgaudit("baseline create --preset uk-organogram -o " + baseline + inputs).exit_code == 0);
  const std::size_t recorded = count(read_file(baseline), "\"fingerprint\"");
  CHECK(recorded > 10);
  REQUIRE(run_orgaudit("convert --preset uk-organogram -o " + yaml + inputs).exit_code == 0);
  const CliRun r = run_orgaudit("check --fail-on info " + yaml + " --baseline " + baseline);
  // Findings about the export's rows (import-*) stay with the CSV: the YAML has no bad rows left.
  std::size_t import_findings = count(read_file(baseline), "\"rule\": \"import-");
  CHECK_THAT(r.err, Catch::Contains("0 new, " + std::to_string(recorded - import_findings) + " unchanged, " +
                                    std::to_string(import_findings) + " fixed"));
  CHECK(r.exit_code == 0);
}
