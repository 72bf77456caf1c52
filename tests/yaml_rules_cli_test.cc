// YAML rules end to end (docs/yaml-rules.md): loaded by --rules, a plugin directory and the config,
// then listed, explained, selected, configured, suppressed, baselined, scored and written in every
// format as the packs' rules are; a bad rule file stops the run with exit 2 and writes nothing.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_runner.h"
#include "yaml_rules/fields.h"

using orgaudit::testing::CliRun;
using orgaudit::testing::read_file;
using orgaudit::testing::run_orgaudit;
using orgaudit::testing::ScratchDir;
namespace fs = std::filesystem;

namespace {

const std::string kCookbook =
    " --rules rules/cookbook/sales-team-size.yaml --rules rules/cookbook/me-revenue-falling.yaml"
    " --rules rules/cookbook/contractor-manages-staff.yaml";
const std::string kOnlyCustom = " --disable '*' --enable 'custom-*'";

}  // namespace

TEST_CASE("yaml rules: cookbook rules on the transformation sample, as text", "[yaml-rules-cli]") {
  const CliRun run = run_orgaudit("check samples/transformation/org.yaml --quiet" + kCookbook + kOnlyCustom);
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK(run.out ==
        "samples/transformation/org.yaml:186:5: warning: ME 'Top-load Washer ME': revenue 900 to 880 over 6 periods (trend -5.43 a period) [custom-me-revenue-falling]\n"
        "samples/transformation/org.yaml:399:5: warning: sales manager 'Jacob Brown' has 14 direct reports in 'Sales' (max 12) [custom-sales-team-size]\n");
  // A rule the user loaded runs under any profile (whose "*": off is about the packs), until a
  // setting of the config or the command line turns it off.
  const std::string sales = "check samples/transformation/org.yaml --rules rules/cookbook/sales-team-size.yaml";
  CHECK_THAT(run_orgaudit(sales + " --profile classic").out, Catch::Contains("[custom-sales-team-size]"));
  CHECK_THAT(run_orgaudit(sales + " --disable 'custom-*'").out, !Catch::Contains("[custom-sales-team-size]"));
  // --rule-option reaches a YAML rule's options; a profile's or the config's would too.
  CHECK(run_orgaudit("check samples/transformation/org.yaml --quiet" + kCookbook + kOnlyCustom +
                     " --rule-option custom-sales-team-size.max-span=14 --disable custom-me-revenue-falling")
            .out.empty());
  const CliRun typo = run_orgaudit("check samples/transformation/org.yaml" + kCookbook + " --rule-option custom-sales-team-size.max-spam=3");
  CHECK(typo.exit_code == 2);
  CHECK_THAT(typo.err, Catch::Contains("rule 'custom-sales-team-size' has no option 'max-spam'; did you mean 'max-span'?"));
}

TEST_CASE("yaml rules: listed, explained from doc, and in JSON, SARIF and JUnit like a pack's", "[yaml-rules-cli]") {
  const CliRun list = run_orgaudit("rules" + kCookbook);
  CHECK_THAT(list.out, Catch::Contains("custom-sales-team-size") && Catch::Contains("sales-unit=U-SALES, max-span=12") &&
                           Catch::Contains(", 3 from YAML rule files:"));
  const CliRun explain = run_orgaudit("rules" + kCookbook + " --explain custom-contractor-manages-staff");
  CHECK(explain.exit_code == 0);
  CHECK_THAT(explain.out, Catch::StartsWith("custom-contractor-manages-staff (custom pack, error, dimension Autonomy)\n") &&
                              Catch::Contains("## Why\nAppraisals, pay and discipline"));
  const std::string json = run_orgaudit("check samples/transformation/org.yaml --format json" + kCookbook + kOnlyCustom).out;
  CHECK_THAT(json, Catch::Contains("\"rule\": \"custom-sales-team-size\"") && Catch::Contains("\"fingerprint\": \"v2:"));
  const std::string sarif = run_orgaudit("check samples/transformation/org.yaml --format sarif" + kCookbook + kOnlyCustom).out;
  CHECK_THAT(sarif, Catch::Contains(R"("id":"custom-sales-team-size")") &&
                        Catch::Contains("Account managers need their lead's time"));  // the doc's Why, as help
  CHECK_THAT(run_orgaudit("check samples/transformation/org.yaml --format junit" + kCookbook + kOnlyCustom).out,
             Catch::Contains(R"(<property name="documentation" value="rules/cookbook/sales-team-size.yaml:5:5" />)"));
  // --rule-docs-url links the packs' pages, never a page a YAML rule does not have.
  const std::string linked = run_orgaudit("check samples/transformation/org.yaml --format sarif --rule-docs-url https://example.org/rules" + kCookbook).out;
  CHECK_THAT(linked, Catch::Contains("https://example.org/rules/structure/structure-span-of-control.md") &&
                         !Catch::Contains("https://example.org/rules/custom/"));
  // The HTML report's advice comes from the doc's sections, as from a pack rule's page.
  ScratchDir dir("yaml-rules-html");
  const std::string html = (dir.path / "r.html").string();
  REQUIRE(run_orgaudit("report samples/transformation/org.yaml --fail-on never --output " + html + kCookbook).exit_code == 0);
  CHECK_THAT(read_file(html), Catch::Contains("Account managers need their lead") && Catch::Contains("custom-sales-team-size"));
}

TEST_CASE("yaml rules: from the config and a plugin directory, suppressed and baselined by id", "[yaml-rules-cli]") {
  ScratchDir dir("yaml-rules-config");
  fs::copy_file("samples/transformation/org.yaml", dir.path / "org.yaml");
  fs::create_directories(dir.path / "rules");
  fs::copy_file("rules/cookbook/sales-team-size.yaml", dir.path / "rules" / "sales.yaml");
  std::ofstream(dir.path / ".orgaudit.yaml") << "rule-files: [rules/sales.yaml]\n"
                                                "custom-rules:\n"
                                                "  - id: team-wide-sales\n"
                                                "    summary: sales teams of 14\n"
                                                "    dimension: Span health\n"
                                                "    select: {people: {in-unit: U-SALES}}\n"
                                                "    where: {span: 14}\n"
                                                "    message: \"{name}: {span}\"\n"
                                                "rules:\n"
                                                "  '*': off\n"
                                                "  custom-*: on\n"
                                                "  team-*: on\n"
                                                "suppressions:\n"
                                                "  - {rule: team-wide-sales, entity: P-0003, reason: being split in Q1}\n";
  const std::string org = (dir.path / "org.yaml").string();
  const CliRun run = run_orgaudit("check " + org + " --fail-on warning");
  CHECK(run.exit_code == 1);  // custom-sales-team-size is not suppressed
  CHECK_THAT(run.out, Catch::Contains("[custom-sales-team-size]") && !Catch::Contains("[team-wide-sales]") &&
                          Catch::Contains("1 suppressed"));
  // A baseline accepts the finding by fingerprint.
  const std::string baseline = (dir.path / "base.json").string();
  REQUIRE(run_orgaudit("baseline create " + org + " -o " + baseline).exit_code == 0);
  CHECK_THAT(read_file(baseline), Catch::Contains("\"rule\": \"custom-sales-team-size\""));
  CHECK(run_orgaudit("check " + org + " --fail-on warning --baseline " + baseline).exit_code == 0);
  // config --dump carries the rule files (by absolute path) and the config's own rules: read back
  // from elsewhere, it gives the same findings.
  const CliRun dump = run_orgaudit("config --dump " + org);
  REQUIRE(dump.exit_code == 0);
  CHECK_THAT(dump.out, Catch::Contains("rule-files:\n  - \"" + (dir.path / "rules" / "sales.yaml").string() + "\"\n") &&
                           Catch::Contains("custom-rules:\n  - id: team-wide-sales\n"));
  ScratchDir elsewhere("yaml-rules-dump");
  std::ofstream(elsewhere.path / "dumped.yaml") << dump.out;
  const std::string quiet = run_orgaudit("check " + org + " --quiet").out;
  CHECK_THAT(quiet, Catch::Contains("[custom-sales-team-size]"));
  CHECK(run_orgaudit("check " + org + " --quiet --config " + (elsewhere.path / "dumped.yaml").string()).out == quiet);
  // A directory of rule files, as --plugin-dir or ORGAUDIT_PLUGIN_PATH gives it.
  const CliRun from_dir = run_orgaudit("check samples/transformation/org.yaml --no-config --quiet --plugin-dir " +
                                       (dir.path / "rules").string() + kOnlyCustom);
  CHECK_THAT(from_dir.out, Catch::Contains("[custom-sales-team-size]"));
}

TEST_CASE("yaml rules: a bad rule file is exit 2 at its line and column, and nothing is written", "[yaml-rules-cli]") {
  ScratchDir dir("yaml-rules-bad");
  const std::string bad = (dir.path / "bad.yaml").string();
  std::ofstream(bad) << "orgaudit-rules: 1\nrules:\n  - id: custom-x\n    summary: s\n    dimension: Span health\n"
                        "    select: people\n    where: {span: {above: 3}, unit.knd: me}\n    message: m\n";
  const std::string out = (dir.path / "out.json").string();
  const CliRun run = run_orgaudit("check samples/traditional/org.yaml --rules " + bad + " -o json=" + out);
  CHECK(run.exit_code == 2);
  CHECK(run.err == bad + ":7:31: error: unknown field 'knd' after 'unit' (a unit); did you mean 'kind'? (docs/yaml-rules.md lists every field)\n");
  CHECK_FALSE(fs::exists(out));
  // A rule that takes a pack's id is refused where it is defined.
  std::ofstream(bad) << "orgaudit-rules: 1\nrules:\n  - id: structure-span-of-control\n    summary: s\n    dimension: Span health\n"
                        "    select: people\n    where: {span: 3}\n    message: m\n";
  CHECK_THAT(run_orgaudit("rules --rules " + bad).err,
             Catch::Contains(bad + ":3:5: error: rule 'structure-span-of-control' takes the prefix 'structure-' of the structure pack"));
  CHECK(run_orgaudit("rules --rules " + (dir.path / "missing.yaml").string()).exit_code == 2);
}

TEST_CASE("yaml rules: docs/yaml-rules.md lists every field, hop, metric aspect and cookbook rule", "[yaml-rules-cli]") {
  const std::string page = read_file("docs/yaml-rules.md");
  using namespace orgaudit::yaml_rules;
  for (const FieldInfo& field : field_table()) {
    INFO("field " << field.name << " of a " << to_string(field.subject));
    // Each in its own table row, with the meaning the code gives it.
    CHECK_THAT(page, Catch::Contains(std::string("| `") + field.name + "` | ") && Catch::Contains(field.meaning));
  }
  for (const HopInfo& hop : hop_table()) CHECK_THAT(page, Catch::Contains(std::string("| `") + hop.name + "` | "));
  for (const AspectInfo& aspect : metric_aspects())
    CHECK_THAT(page, Catch::Contains(std::string("| `") + aspect.name + "` | " + aspect.meaning + " |"));
  std::size_t files = 0;
  for (const auto& file : fs::directory_iterator("rules/cookbook")) {
    ++files;
    INFO("cookbook file " << file.path());
    CHECK_THAT(page, Catch::Contains("| `" + file.path().filename().string() + "` | `custom-"));
  }
  CHECK(files == 10);
}
