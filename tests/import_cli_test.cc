// End-to-end tests of HR-export input: `orgaudit check` on CSV and XML exports, merging inputs,
// `orgaudit convert` and its round trip, and bad input (always exit 2 or findings, never a crash).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_runner.h"

using orgaudit::testing::CliRun;
using orgaudit::testing::findings_of;
using orgaudit::testing::read_file;
using orgaudit::testing::run_orgaudit;
using orgaudit::testing::scratch_path;

namespace {

const std::string kOrganograms = "tests/import/uk-organograms/";

}  // namespace

TEST_CASE("import cli: a CSV export's findings point at row and column", "[import]") {
  const CliRun r = run_orgaudit("check tests/import/people.csv");
  CHECK(r.exit_code == 1);  // P6's manager matches no one: a structure-integrity error
  CHECK(r.err.empty());
  CHECK_THAT(r.out, Catch::Contains("tests/import/people.csv:8:4: error: 'Gus Lost' names manager 'P9', who matches no one [structure-integrity]"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/people.csv:7:34: warning: FTE 1.5 in 'fte' of 'P5' is out of range (0 to 1 for one person); 1 is used [import-bad-value]"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/people.csv:9:1: warning: row skipped: no id: the 'id' column is empty [import-skipped-row]"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/people.csv:10:35: warning: row skipped: it has 12 fields where the header has 10"));
  CHECK_THAT(r.out, Catch::Contains("tests/import/people.csv:11:29: warning: 'maybe' in 'vacant' of 'P8' is not a yes/no value"));
  // Quoted fields with commas, quotes, a line break, markup and emoji come through intact.
  CHECK_THAT(r.out, Catch::Contains("tests/import/people.csv:4:1: warning: manager 'Dana <script>alert(1)</script>\\nsecond line 👩‍💻' has 1 direct report"));
  CHECK_THAT(r.out, Catch::Contains("'Li \"Lily\", Wei'"));
  // The same findings in JSON, where import findings carry the row's id as their entity.
  const CliRun json = run_orgaudit("check tests/import/people.csv --format json");
  CHECK_THAT(json.out, Catch::Contains("\"rule\": \"import-bad-value\"") && Catch::Contains("\"rule\": \"import-skipped-row\""));
  CHECK(run_orgaudit("check tests/import/people.csv --disable 'import-*' --disable structure-integrity --fail-on warning --quiet").out.find("[import-") == std::string::npos);
}

TEST_CASE("import cli: presets by header, and --preset, --input-format", "[import]") {
  for (const char* file : {"bamboohr.csv", "workday.csv", "visio.csv", "clean.csv"}) {
    const CliRun r = run_orgaudit(std::string("check tests/import/") + file + " --quiet --fail-on never");
    INFO(file << "\n" << r.err);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("[structure-span-of-control]"));
  }
  CHECK_THAT(run_orgaudit("check tests/import/bamboohr.csv --quiet --fail-on never").out,
             Catch::Contains("manager 'Bo Two' has 1 direct report, 'Cy Three' (min 4)"));
  CHECK(run_orgaudit("check tests/import/visio.csv --preset visio --quiet --fail-on never").exit_code == 0);
  const CliRun wrong = run_orgaudit("check tests/import/visio.csv --preset workday");
  CHECK(wrong.exit_code == 2);
  CHECK_THAT(wrong.err, Catch::Contains("tests/import/visio.csv:1:1: error: the header does not fit preset 'workday'"));
  const std::string renamed = scratch_path("export.data");
  std::filesystem::copy_file("tests/import/clean.csv", renamed, std::filesystem::copy_options::overwrite_existing);
  const CliRun unknown_extension = run_orgaudit("check " + renamed);
  CHECK(unknown_extension.exit_code == 2);
  CHECK_THAT(unknown_extension.err, Catch::Contains("cannot tell the input format from the extension '.data'"));
  CHECK(run_orgaudit("check " + renamed + " --input-format csv --quiet --fail-on never").exit_code == 0);
  const CliRun directory = run_orgaudit("check tests/import");
  CHECK(directory.exit_code == 2);
  CHECK_THAT(directory.err, Catch::Contains("tests/import: error: is a directory, not a file"));
}

TEST_CASE("import cli: column maps and XML mappings from .orgaudit.yaml", "[import]") {
  const CliRun map = run_orgaudit("check tests/import/column-map/export.csv --quiet --fail-on never");
  CHECK(map.exit_code == 0);
  CHECK_THAT(map.out, Catch::Contains("tests/import/column-map/export.csv:3:1: warning: manager 'Bo' has 1 direct report, 'Cy' (min 4)"));
  const CliRun generic = run_orgaudit("check tests/import/generic-xml/staff.xml --format json --fail-on never");
  CHECK(generic.exit_code == 0);
  CHECK_THAT(generic.out, Catch::Contains("\"rule\": \"import-skipped-row\"") && Catch::Contains("(//Employee)[4]"));
  CHECK_THAT(generic.out, Catch::Contains("\"justification\": \"founder with one deputy, by design\""));
  const CliRun hr = run_orgaudit("check tests/import/hr-xml.xml --profile classic --quiet");
  CHECK(hr.exit_code == 1);
  CHECK_THAT(hr.out, Catch::Contains("tests/import/hr-xml.xml:28:38: error: 'POS-4' names manager 'POS-99', who matches no one"));
  CHECK_THAT(hr.out, Catch::Contains("tests/import/hr-xml.xml:24:54: warning: FTE 2.5 in 'IndicativeDeployment/FullTimeEquivalentRatio' of 'POS-3' is out of range"));
  CHECK_THAT(hr.out, Catch::Contains("manager 'Bo Li' has 0 direct reports (min 4; 1 vacant post not counted)"));
}

TEST_CASE("import cli: a real UK organogram, senior and junior files together", "[import]") {
  const std::string pair = kOrganograms + "department_for_international_development-2013-03-31-senior.csv " + kOrganograms +
                           "department_for_international_development-2013-03-31-junior.csv";
  const CliRun r = run_orgaudit("check --profile classic --preset uk-organogram " + pair);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK_THAT(r.out, Catch::Contains("-2013-03-31-senior.csv:71:1: warning: row skipped: id 'B72' is already used by the row on line 70 "
                                    "(a job share is one post) [import-duplicate-id]"));
  // 77 senior rows (two job shares), 301 junior rows of 1,464.5 FTE: rows are not people.
  CHECK_THAT(r.out, Catch::Contains("in 75 senior posts and 1,465 junior FTE in 5 units"));
  const CliRun junior_only = run_orgaudit("check " + kOrganograms + "department_for_international_development-2013-03-31-junior.csv");
  CHECK(junior_only.exit_code == 2);
  CHECK_THAT(junior_only.err, Catch::Contains("junior rows reports to a senior post that was loaded: give the senior file too"));
}

TEST_CASE("import cli: inputs merge, and two inputs defining one id is an error", "[import]") {
  const CliRun merged = run_orgaudit("check tests/import/people.csv tests/import/units.yaml --format json");
  CHECK(merged.exit_code == 1);
  CHECK_THAT(merged.out, Catch::Contains("\"people\": 7,\n    \"units\": 2"));
  const CliRun clash = run_orgaudit("check tests/import/people.csv tests/import/clean.csv tests/import/overlap.csv");
  CHECK(clash.exit_code == 2);
  CHECK_THAT(clash.err, Catch::Contains("tests/import/overlap.csv:2:1: error: person 'P1' is defined by two inputs, here and at "
                                        "tests/import/people.csv:2:1 (they differ in title: 'Chief Executive' there, '' here)"));
}

TEST_CASE("import cli: convert writes YAML that checks to the same findings", "[import]") {
  const std::string out = scratch_path("converted.yaml");
  std::filesystem::remove(out);
  const CliRun convert = run_orgaudit("convert tests/import/people.csv tests/import/units.yaml -o " + out);
  CHECK(convert.exit_code == 0);
  CHECK_THAT(convert.err, Catch::Contains("[import-skipped-row]") && Catch::Contains("wrote 7 people and 2 units"));
  const std::string yaml = read_file(out);
  CHECK_THAT(yaml, Catch::Contains("name: \"Dana <script>alert(1)</script>\\nsecond line 👩‍💻\""));
  CHECK(findings_of(run_orgaudit("check tests/import/people.csv tests/import/units.yaml --format json").out) ==
        findings_of(run_orgaudit("check " + out + " --format json").out));

  // The awkward names of clean.csv (null, yes, - dash, #hash: colon, 007, quotes) and a real organogram.
  const std::string clean = scratch_path("clean.yaml");
  CHECK(run_orgaudit("convert tests/import/clean.csv --output " + clean).exit_code == 0);
  const std::vector<std::string> from_csv = findings_of(run_orgaudit("check tests/import/clean.csv --format json").out);
  CHECK(from_csv.size() >= 3);
  CHECK(from_csv == findings_of(run_orgaudit("check " + clean + " --format json").out));
  for (const char* name : {"name: \"null\"", "name: \"yes\"", "name: \"- dash\"", "name: \"#hash: colon\"", "name: \"007\""})
    CHECK_THAT(read_file(clean), Catch::Contains(name));
  const std::string pair = kOrganograms + "cabinet_office-2011-09-30-senior.csv " + kOrganograms + "cabinet_office-2011-09-30-junior.csv";
  const std::string organogram = scratch_path("organogram.yaml");
  CHECK(run_orgaudit("convert --preset uk-organogram " + pair + " -o " + organogram).exit_code == 0);
  const std::vector<std::string> real = findings_of(run_orgaudit("check --preset uk-organogram " + pair + " --format json").out);
  CHECK(real.size() > 30);
  CHECK(real == findings_of(run_orgaudit("check " + organogram + " --format json").out));

  const CliRun to_stdout = run_orgaudit("convert tests/import/clean.csv -o -");
  CHECK(to_stdout.exit_code == 0);
  CHECK_THAT(to_stdout.out, Catch::Contains("orgaudit: 1\n"));
}

TEST_CASE("import cli: convert writes a key over YAML's 1,024-character limit as an explicit key", "[import]") {
  const std::string long_header(1100, 'h');
  const std::string csv = scratch_path("long-header.csv");
  std::ofstream(csv) << "id,manager_id,name," << long_header << "\nP1,,Ann,kept\nP2,P1,Bo,\n";
  const std::string out = scratch_path("long-header.yaml");
  REQUIRE(run_orgaudit("convert " + csv + " -o " + out).exit_code == 0);
  CHECK_THAT(read_file(out), Catch::Contains("? " + long_header + "\n") && Catch::Contains(": kept\n"));
  const CliRun check = run_orgaudit("check " + out + " --format json");
  CHECK(check.exit_code <= 1);  // it loads
  CHECK_THAT(check.err, !Catch::Contains("error"));
}

TEST_CASE("import cli: convert writes nothing when it cannot run", "[import]") {
  const std::string out = scratch_path("never.yaml");
  std::filesystem::remove(out);
  for (const std::string& args : std::vector<std::string>{"convert tests/import/bad/header-only.csv -o " + out,
                                  "convert tests/import/people.csv tests/import/people.csv -o " + out,
                                  "convert tests/import/people.csv", "convert -o " + out,
                                  "convert tests/import/clean.csv -o tests/import/clean.csv"}) {
    INFO(args);
    const CliRun r = run_orgaudit(args);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_FALSE(std::filesystem::exists(out));
  }
}

TEST_CASE("import cli: bad input exits 2 with a place, or loads with findings", "[import]") {
  struct Case {
    std::string args;
    int exit_code;
    std::string expected;
  };
  const std::vector<Case> cases{
      {"tests/import/bad/wrong-delimiter.csv", 2,
       "tests/import/bad/wrong-delimiter.csv:1:1: error: none of the 2 data rows could be loaded; the first, on line 2 column 8: "
       "row skipped: it has 1 field where the header has 3 (written with another delimiter than the header's ','?)"},
      {"tests/import/bad/no-id-column.csv", 2, "tests/import/bad/no-id-column.csv:1:1: error: the header fits no preset"},
      {"tests/import/bad/header-only.csv", 2, "tests/import/bad/header-only.csv:1:1: error: the file has a header but no data rows"},
      {"tests/import/bad/unterminated-quote.csv", 2, "tests/import/bad/unterminated-quote.csv:3:7: error: a quoted field opens here and is never closed"},
      {"tests/import/bad/laughs.xml", 2, "tests/import/bad/laughs.xml:3:2: error: the DOCTYPE declares entities"},
      {"tests/import/bad/external-entity.xml", 2, "tests/import/bad/external-entity.xml:2:30: error: the DOCTYPE declares entities"},
      {"tests/import/bad/deep.xml", 2, "tests/import/bad/deep.xml:1:845: error: malformed XML: elements nested more than 256 deep"},
      {"tests/import/bad/malformed.xml", 2,
       "tests/import/bad/malformed.xml:4:3: error: malformed XML: end tag </MemberPositon> does not match <MemberPosition>"},
      {"tests/import/bad/directory.csv", 2, "tests/import/bad/directory.csv: error: is a directory, not a file"},
      {"tests/import/people.csv --max-input-size 100", 2,
       "tests/import/people.csv: error: the file is 502 bytes, over the input size limit of 100 bytes"},
      {"tests/import/people.csv --max-records 3", 2,
       "tests/import/people.csv:6:1: error: more than 3 rows, the record limit of one input (raise it with --max-records or input.max-records)"},
      {"tests/import/people.csv --max-field-size 10", 2,
       "tests/import/people.csv:2:14: error: a value of 15 bytes (column 'title'), over the field size limit of 10 bytes"},
      {"tests/import/people.csv --max-records 3k", 2, "error: --max-records expects a whole number above 0, got '3k'"},
      {"tests/import/people.csv --max-field-size lots", 2, "error: --max-field-size expects a size such as 64KB or 4MB, got 'lots'"},
      {"tests/import/bad/semicolons.csv", 0, "tests/import/bad/semicolons.csv:2:1: warning: manager 'Ann' has 1 direct report, 'Bo' (min 4)"},
      {"tests/import/bad/too-many-fields.csv", 0,
       "tests/import/bad/too-many-fields.csv:3:10: warning: row skipped: it has 5 fields where the header has 3"},
      {"tests/import/bad/mixed-encoding.csv", 0,
       "tests/import/bad/mixed-encoding.csv:2:5: warning: 2 fields are not valid UTF-8 (the first here, byte 0xEB); read as Windows-1252"},
  };
  for (const Case& c : cases) {
    const CliRun r = run_orgaudit("check " + c.args + " --fail-on never");
    INFO(c.args << "\nstdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == c.exit_code);
    CHECK_THAT(c.exit_code == 2 ? r.err : r.out, Catch::Contains(c.expected));
  }
  CHECK_THAT(run_orgaudit("check tests/import/bad/mixed-encoding.csv --profile classic --quiet").out, Catch::Contains("manager 'Zoë Root'"));
}

TEST_CASE("import cli: the import rules are listed and explained like any other", "[import]") {
  const CliRun rules = run_orgaudit("rules");
  for (const char* id : {"import-skipped-row", "import-duplicate-id", "import-bad-value", "import-encoding"})
    CHECK_THAT(rules.out, Catch::Contains(id));
  const CliRun explain = run_orgaudit("rules --explain import-skipped-row");
  CHECK(explain.exit_code == 0);
  CHECK_THAT(explain.out, Catch::Contains("import pack") && Catch::Contains("# import-skipped-row"));
}

TEST_CASE("import cli: convert carries inline suppressions over, and --anonymize writes pseudonyms", "[import]") {
  auto suppressed = [](const std::string& json) {
    std::size_t n = 0;
    for (auto at = json.find("\"suppressed\": true"); at != std::string::npos; at = json.find("\"suppressed\": true", at + 1)) ++n;
    return n;
  };
  const std::string input = "tests/workflow/suppressed.yaml";
  const std::string plain = scratch_path("suppressed-converted.yaml");
  std::filesystem::remove(plain);
  const CliRun convert = run_orgaudit("convert " + input + " -o " + plain);
  CHECK(convert.exit_code == 0);
  // The directive followed by a blank line names no entity: said, not silently lost.
  CHECK_THAT(convert.err, Catch::Contains("suppressed.yaml:16:3: warning: this orgaudit-ignore directive names no entity"));
  const std::string yaml = read_file(plain);
  CHECK_THAT(yaml, Catch::Contains("  # orgaudit-ignore: structure-span-of-control, structure-pass-through-manager "
                                   "expires: 2999-12-31 reason: interim team\n  - id: P2\n"));
  const std::string before = run_orgaudit("check " + input + " --format json --fail-on never").out;
  const std::string after = run_orgaudit("check " + plain + " --format json --fail-on never").out;
  CHECK(suppressed(before) == 2);
  CHECK(suppressed(after) == suppressed(before));
  CHECK(findings_of(after) == findings_of(before));

  const std::string key = "ORGAUDIT_ANONYMIZE_KEY=a-test-key-of-enough-length";
  const std::string hidden = scratch_path("suppressed-anonymized.yaml");
  std::filesystem::remove(hidden);
  CHECK(run_orgaudit("convert " + input + " --anonymize -o " + hidden, key).exit_code == 0);
  const std::string pseudonymous = read_file(hidden);
  CHECK_THAT(pseudonymous, !Catch::Contains("Ann Root") && !Catch::Contains("id: P2") &&
                               Catch::Contains("# orgaudit-ignore: structure-single-report-manager reason: deputy post"));
  // The same findings, and the same suppressed, as an anonymised check of the original.
  const std::string anonymised = run_orgaudit("check " + input + " --anonymize --format json --fail-on never", key).out;
  const std::string converted = run_orgaudit("check " + hidden + " --format json --fail-on never").out;
  CHECK(suppressed(converted) == 2);
  CHECK(findings_of(converted) == findings_of(anonymised));
  CHECK(run_orgaudit("convert " + input + " --anonymize -o " + hidden).exit_code == 2);  // no key: refused
}

TEST_CASE("import cli: convert of a header with a repeated or a very long column name loads again", "[import]") {
  // Both wrote YAML that did not load: a duplicate key, and an implicit key over YAML's 1,024 characters.
  const orgaudit::testing::ScratchDir scratch("convert-headers");
  const std::string csv = (scratch.path / "export.csv").string();
  const std::string long_name(1500, 'a');
  std::ofstream(csv) << "id,name,manager_id,notes,notes," << long_name << "\nP1,Ann,,n1,n2,v1\nP2,Bo,P1,n3,n4,v2\n";
  const std::string once = (scratch.path / "once.yaml").string(), twice = (scratch.path / "twice.yaml").string();
  REQUIRE(run_orgaudit("convert " + csv + " -o " + once).exit_code == 0);
  const CliRun again = run_orgaudit("convert " + once + " -o " + twice);
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  // The same people and attributes, whatever file they were read from.
  auto body = [](const std::string& yaml) { return yaml.substr(yaml.find("orgaudit: 1")); };
  CHECK(body(read_file(twice)) == body(read_file(once)));
  CHECK_THAT(read_file(once), Catch::Contains("      notes: n1\n      \"notes (column 5)\": n2\n") &&
                                  Catch::Contains("      ? " + long_name + "\n      : v1\n"));
}
