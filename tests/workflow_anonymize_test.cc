// End-to-end tests of --anonymize: no original name, e-mail address or phone number in any output
// the project can write, and stable pseudonyms across formats and runs with the same key.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "cli_runner.h"
#include "csv_records.h"
#include "report.h"

using orgaudit::testing::CliRun;
using orgaudit::testing::read_file;
using orgaudit::testing::run_orgaudit;
using orgaudit::testing::scratch_path;
using orgaudit::testing::ScratchDir;

namespace {

const std::string kKey = "ORGAUDIT_ANONYMIZE_KEY=test-key-0123456789abcdef";
const std::string kFixture = "tests/workflow/personal.yaml";

// Every personal value in the fixture (names, their parts, e-mail addresses, phone numbers, ids).
const std::vector<std::string> kPersonal{
    "Zelda", "Quixote", "Yannick", "Brambleworth", "Xanthe", "O'Dowd", "Marchetti", "Wilbur", "Fenwick", "Snape",
    "Véronique", "Łukasiewicz", "personal.example", "7946 0001", "07700 900002", "E-1001", "E-1002", "E-1005"};

// Each output orgaudit can write for the fixture, by name.
std::vector<std::pair<std::string, std::string>> every_output(const std::string& extra) {
  std::vector<std::pair<std::string, std::string>> outputs;
  for (const orgaudit::OutputFormat& format : orgaudit::output_formats()) {
    const CliRun r = run_orgaudit("check " + kFixture + " --fail-on never --format " + format.name + extra, kKey);
    REQUIRE(r.exit_code == 0);
    outputs.emplace_back(std::string("check --format ") + format.name, r.out + r.err);
  }
  for (const char* format : {"dot", "svg"}) {
    const CliRun r = run_orgaudit("map " + kFixture + " --fail-on never --format " + format + extra, kKey);
    REQUIRE(r.exit_code == 0);
    outputs.emplace_back(std::string("map --format ") + format, r.out + r.err);
  }
  const std::string html = scratch_path("report.html");
  const CliRun report = run_orgaudit("report " + kFixture + " --fail-on never --output " + html + extra, kKey);
  REQUIRE(report.exit_code == 0);
  outputs.emplace_back("report (html)", read_file(html) + report.err);
  std::filesystem::remove(html);
  for (const char* format : {"text", "json", "markdown"}) {
    const CliRun r = run_orgaudit("diff " + kFixture + " " + kFixture + " --format " + format + extra, kKey);
    REQUIRE(r.exit_code == 0);
    outputs.emplace_back(std::string("diff --format ") + format, r.out + r.err);
  }
  const std::string baseline = scratch_path("anonymous-baseline.json");
  REQUIRE(run_orgaudit("baseline create " + kFixture + " --output " + baseline + extra, kKey).exit_code == 0);
  outputs.emplace_back("baseline create", read_file(baseline));
  std::filesystem::remove(baseline);
  return outputs;
}

}  // namespace

TEST_CASE("workflow: --anonymize leaves no name, e-mail or phone number in any output", "[workflow]") {
  // Without --anonymize the same outputs do carry them: the check below would notice a leak.
  const CliRun plain = run_orgaudit("check " + kFixture + " --fail-on never --format json");
  CHECK_THAT(plain.out, Catch::Contains("Zelda Quixote"));
  for (const auto& [name, output] : every_output(" --anonymize")) {
    INFO(name);
    CHECK_FALSE(output.empty());
    for (const std::string& personal : kPersonal) {
      INFO(personal);
      CHECK(output.find(personal) == std::string::npos);
    }
  }
}

TEST_CASE("workflow: pseudonyms are stable across formats and runs, and change with the key", "[workflow]") {
  const CliRun json = run_orgaudit("check " + kFixture + " --anonymize --fail-on never --format json", kKey);
  const CliRun again = run_orgaudit("check " + kFixture + " --anonymize --fail-on never --format json", kKey);
  CHECK(json.out == again.out);
  const std::smatch match = [&] {
    std::smatch m;
    std::regex_search(json.out, m, std::regex("\"(p-[0-9a-f]{16})\""));
    return m;
  }();
  REQUIRE_FALSE(match.empty());
  const std::string pseudonym = match[1];
  const CliRun sarif = run_orgaudit("check " + kFixture + " --anonymize --fail-on never --format sarif", kKey);
  CHECK_THAT(sarif.out, Catch::Contains(pseudonym));
  const CliRun diff = run_orgaudit("diff " + kFixture + " tests/workflow/diff/before.yaml --allow-unrelated "
                                   "--anonymize --format json --fail-on never", kKey);
  CHECK_THAT(diff.out, Catch::Contains(pseudonym));
  const CliRun other = run_orgaudit("check " + kFixture + " --anonymize --fail-on never --format json",
                                    "ORGAUDIT_ANONYMIZE_KEY=another-key-0123456789");
  CHECK_THAT(other.out, !Catch::Contains(pseudonym));
  // --anonymize-key on the command line is the same key as the environment variable.
  CHECK(run_orgaudit("check " + kFixture + " --anonymize --anonymize-key test-key-0123456789abcdef --fail-on never "
                     "--format json").out == json.out);
}

TEST_CASE("workflow: --anonymize without a key refuses to run", "[workflow]") {
  const CliRun r = run_orgaudit("check " + kFixture + " --anonymize --format json");
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("--anonymize needs a secret key") && Catch::Contains("reversed by hashing every possible id"));
  CHECK(run_orgaudit("check " + kFixture + " --anonymize-key abc").exit_code == 2);
  CHECK_THAT(run_orgaudit("check " + kFixture + " --anonymize --anonymize-key short --fail-on never").err,
             Catch::Contains("shorter than 16 characters"));
}

TEST_CASE("workflow: --anonymize without a usable libcrypto says so, and writes nothing", "[workflow]") {
  // libcrypto is opened when the first pseudonym is made, not at start-up: a junk libcrypto.so.3
  // first on the library path stands for a machine without a usable one.
  const ScratchDir scratch("anonymize-libcrypto");
  std::ofstream(scratch.path / "libcrypto.so.3") << "not a library\n";
  const std::string report = (scratch.path / "report.json").string();
  const CliRun r = run_orgaudit("check " + kFixture + " --anonymize --fail-on never -o json=" + report,
                                "LD_LIBRARY_PATH=" + scratch.path.string() + " ORGAUDIT_ANONYMIZE_KEY=k-0123456789abcdef");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--anonymize needs OpenSSL's libcrypto.so.3 (Debian package libssl3)") &&
                        Catch::Contains("libcrypto.so.3: file too short"));
  CHECK_FALSE(std::ifstream(report).good());
  // Without --anonymize the same library path is no matter: libcrypto is never opened.
  CHECK(run_orgaudit("check " + kFixture + " --fail-on never --format json", "LD_LIBRARY_PATH=" + scratch.path.string()).exit_code == 0);
}

TEST_CASE("workflow: --anonymize on a real organogram leaves none of its names, addresses or post ids", "[workflow]") {
  const std::string dfid = "tests/import/uk-organograms/department_for_international_development-2013-03-31";
  // Names, e-mail addresses and post ids as published; ids are looked for quoted, as messages
  // would show them ("'B72'"), since a bare "A1" also occurs in grades like "A1 (G6)".
  std::set<std::string> personal;
  for (auto& row : orgaudit::testing::read_csv_records(dfid + "-senior.csv")) {
    for (const char* column : {"Name", "Contact E-mail"})
      if (row[column].size() > 3 && row[column] != "N/D" && row[column] != "Vacant") personal.insert(row[column]);
    personal.insert("'" + row["Post Unique Reference"] + "'");
    personal.insert("\"" + row["Post Unique Reference"] + "\"");
  }
  REQUIRE(personal.size() > 100);
  const std::string inputs = " --preset uk-organogram " + dfid + "-senior.csv " + dfid + "-junior.csv";
  CHECK_THAT(run_orgaudit("check --fail-on never" + inputs).out, Catch::Contains("'B72'"));  // the check can fail
  for (const orgaudit::OutputFormat& format : orgaudit::output_formats()) {
    const CliRun r = run_orgaudit(std::string("check --anonymize --fail-on never --format ") + format.name + inputs, kKey);
    INFO(format.name);
    REQUIRE(r.exit_code == 0);
    for (const std::string& value : personal) {
      INFO(value);
      CHECK((r.out + r.err).find(value) == std::string::npos);
    }
  }
}
