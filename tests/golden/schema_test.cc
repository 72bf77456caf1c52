// Each sample's SARIF, JUnit and XML report validated by its schema with the standard tools:
// jsonschema for SARIF (tests/schemas/sarif-schema-2.1.0.json), xmllint for JUnit
// (tests/schemas/JUnit.xsd) and for the HR report (reports/orgaudit-report.xsd, the one we ship).
// Also: suppressed and baselined findings in SARIF, JUnit and the XML report, and SARIF within GitHub
// code scanning's 5,000 results a run.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "cli_runner.h"
#include "golden/output_runs.h"

using namespace orgaudit::testing;

namespace {

void require_jsonschema() {
  require_tool("python3", "python3");
  if (run_command("python3 -c 'import jsonschema'").exit_code != 0)
    FAIL("Python's jsonschema module is missing: install python3-jsonschema (bash scripts/setup.sh does)");
}

void validate_sarif(const std::string& file) {
  const CommandRun v = run_command("python3 tests/golden/validate_sarif.py tests/schemas/sarif-schema-2.1.0.json '" + file + "'");
  INFO(v.output);
  CHECK(v.exit_code == 0);
}

void validate_xml(const std::string& schema, const std::string& file) {
  const CommandRun v = run_command("xmllint --noout --schema " + schema + " '" + file + "'");
  INFO(v.output);
  CHECK(v.exit_code == 0);
}

// Every sample plus the escaping fixture: hostile names must not make a document invalid either.
std::vector<std::string> validated_inputs() {
  std::vector<std::string> inputs;
  for (const Sample& s : golden_samples()) inputs.push_back(s.arguments);
  inputs.push_back("tests/escaping/org.yaml --fail-on warning");
  inputs.push_back("tests/cli/deep.yaml");  // no units at all
  return inputs;
}

}  // namespace

TEST_CASE("schemas: SARIF validates against the SARIF 2.1.0 schema for every sample", "[schema]") {
  require_jsonschema();
  for (const std::string& input : validated_inputs()) {
    INFO("orgaudit check " << input);
    const auto files = write_outputs(input, {"sarif"}, "schema-sarif");
    validate_sarif(files.at("sarif"));
  }
}

TEST_CASE("schemas: JUnit validates against JUnit.xsd for every sample", "[schema]") {
  require_tool("xmllint", "libxml2-utils");
  for (const std::string& input : validated_inputs()) {
    INFO("orgaudit check " << input);
    const auto files = write_outputs(input, {"junit"}, "schema-junit");
    validate_xml("tests/schemas/JUnit.xsd", files.at("junit"));
  }
}

TEST_CASE("schemas: the XML report validates against reports/orgaudit-report.xsd for every sample", "[schema]") {
  require_tool("xmllint", "libxml2-utils");
  for (const std::string& input : validated_inputs()) {
    INFO("orgaudit check " << input);
    const auto files = write_outputs(input, {"xml"}, "schema-xml");
    validate_xml("reports/orgaudit-report.xsd", files.at("xml"));
  }
}

TEST_CASE("schemas: suppressed findings stay in SARIF with a suppression, baselined ones carry their state",
          "[schema]") {
  require_jsonschema();
  require_tool("xmllint", "libxml2-utils");
  // deep.yaml with an inline suppression on its depth error, which sits at L7, the manager on the
  // last allowed layer.
  std::string org = read_file(ORGAUDIT_SOURCE_DIR "/tests/cli/deep.yaml");
  const auto l7 = org.find("  - {id: L7,");
  REQUIRE(l7 != std::string::npos);
  org.insert(l7, "  # orgaudit-ignore: structure-hierarchy-depth reason: interim \"<b>\" & co\n");
  const std::string org_file = scratch_path("suppressed.yaml");
  std::ofstream(org_file) << org;
  // A baseline without the depth rule: its findings are new, the others unchanged.
  const std::string baseline = scratch_path("baseline.json");
  REQUIRE(run_orgaudit("baseline create '" + org_file + "' --disable structure-hierarchy-depth --output '" + baseline + "'")
              .exit_code == 0);

  const auto files = write_outputs("'" + org_file + "' --baseline '" + baseline + "'", {"sarif", "junit", "xml"}, "suppressed");
  validate_sarif(files.at("sarif"));
  validate_xml("tests/schemas/JUnit.xsd", files.at("junit"));
  validate_xml("reports/orgaudit-report.xsd", files.at("xml"));
  const std::string sarif = read_file(files.at("sarif"));
  CHECK_THAT(sarif, Catch::Contains(R"("kind":"inSource")") && Catch::Contains(R"("status":"accepted")") &&
                        Catch::Contains(R"("justification":"interim \"\u003cb\u003e\" \u0026 co")"));
  CHECK_THAT(sarif, Catch::Contains(R"("baselineState":"new")") && Catch::Contains(R"("baselineState":"unchanged")"));
  CHECK_THAT(read_file(files.at("junit")), Catch::Contains("<skipped message=\"suppressed (inline): interim"));
  CHECK_THAT(read_file(files.at("xml")), Catch::Contains("status=\"suppressed\"") && Catch::Contains("status=\"unchanged\""));
}

TEST_CASE("schemas: SARIF of an org with over 5,000 findings keeps the 5,000 most severe and counts the rest",
          "[schema][sarif]") {
  require_jsonschema();
  // 6,000 managers of one report each (a span-family finding apiece), then 20 people whose manager
  // does not exist: errors at the end of the file, which the SARIF must list first.
  std::ostringstream org;
  org << "orgaudit: 1\norg: {name: Many Findings}\npeople:\n  - {id: R, name: Root}\n";
  for (int i = 0; i < 6000; ++i)
    org << "  - {id: M" << i << ", name: Manager " << i << ", manager: R}\n  - {id: P" << i << ", name: Report " << i
        << ", manager: M" << i << "}\n";
  for (int i = 0; i < 20; ++i) org << "  - {id: X" << i << ", name: Lost " << i << ", manager: ghost-" << i << "}\n";
  const std::string org_file = scratch_path("many-findings.yaml");
  std::ofstream(org_file) << org.str();

  const auto files = write_outputs("'" + org_file + "'", {"sarif", "json"}, "many-findings");
  validate_sarif(files.at("sarif"));
  const CommandRun check =
      run_command("python3 tests/golden/check_sarif_limits.py '" + files.at("sarif") + "' '" + files.at("json") + "'");
  INFO(check.output);
  CHECK(check.exit_code == 0);
  CHECK_THAT(check.output, Catch::Contains(", 5000 results, "));
}

TEST_CASE("schemas: SARIF rules embed their page's help, helpUri is absolute and only with --rule-docs-url",
          "[schema][sarif]") {
  require_jsonschema();
  const auto embedded = write_outputs("tests/cli/deep.yaml", {"sarif"}, "sarif-help");
  validate_sarif(embedded.at("sarif"));
  const std::string sarif = read_file(embedded.at("sarif"));
  CHECK_THAT(sarif, !Catch::Contains("helpUri"));
  CHECK_THAT(sarif, Catch::Contains(R"("fullDescription":{"text":"Management lines that run more layers below the top of the organisation than max-layers. The root, a person with no manager, is layer 0; their direct reports are layer 1; and so on down each solid reporting line."})"));
  CHECK_THAT(sarif, Catch::Contains(R"("help":{"text":"What it flags\n\nManagement lines that run more layers below the top of the organisation than max-layers. The root,\n)") &&
                        Catch::Contains(R"("markdown":"## What it flags\n\nManagement lines that run more layers below the top of the organisation than `max-layers`. The root,\n)"));
  CHECK_THAT(sarif, Catch::Contains(R"("originalUriBaseIds":{"%SRCROOT%":{"description":{"text":)") &&
                        Catch::Contains(R"("columnKind":"unicodeCodePoints")"));

  const auto linked = write_outputs("tests/cli/deep.yaml --rule-docs-url https://example.org/orgaudit/v1/rules/", {"sarif"},
                                    "sarif-help-uri");
  validate_sarif(linked.at("sarif"));
  CHECK_THAT(read_file(linked.at("sarif")),
             Catch::Contains(R"("helpUri":"https://example.org/orgaudit/v1/rules/structure/structure-span-of-control.md")"));
  const CliRun relative = run_orgaudit("check tests/cli/deep.yaml --format sarif --rule-docs-url rules/");
  CHECK(relative.exit_code == 2);
  CHECK_THAT(relative.err, Catch::Contains("--rule-docs-url needs an absolute URL"));
  CHECK(relative.out.empty());
}

TEST_CASE("schemas: SARIF columns count code points on a line with accents, for YAML and XML inputs", "[schema][sarif]") {
  require_jsonschema();
  const std::string org_file = scratch_path("accents.yaml");
  std::ofstream(org_file) << "orgaudit: 1\npeople:\n  - {id: P1, name: Ann}\n"
                             "  - {id: P2, name: \"Zo\xC3\xAB \xC3\x9Cnal\", manager: GHOST}\n";
  const auto yaml = write_outputs("'" + org_file + "' --disable structure-grade-inversion", {"sarif", "text"}, "accents");
  validate_sarif(yaml.at("sarif"));
  // GHOST is the 41st character (byte 43): the YAML loader counts code points, as SARIF does.
  CHECK_THAT(read_file(yaml.at("sarif")), Catch::Contains(R"("region":{"startLine":4,"startColumn":41})"));
  CHECK_THAT(read_file(yaml.at("text")), Catch::Contains("accents.yaml:4:41: error: 'Zo\xC3\xAB \xC3\x9Cnal' names manager 'GHOST'"));
  // The XML importer counts code points too: character 165 of line 12 (byte 167), in every output.
  const auto xml = write_outputs("tests/escaping/accents-hr.xml --disable structure-grade-inversion", {"sarif", "text"}, "accents-xml");
  validate_sarif(xml.at("sarif"));
  CHECK_THAT(read_file(xml.at("text")), Catch::Contains("accents-hr.xml:12:165: error:"));
  CHECK_THAT(read_file(xml.at("sarif")), Catch::Contains(R"("region":{"startLine":12,"startColumn":165})"));
}
