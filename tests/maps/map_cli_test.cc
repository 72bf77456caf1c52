// `orgaudit map` and `orgaudit report` end to end: formats, exit codes, refusals, nothing partial.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli_runner.h"

using orgaudit::testing::CliRun;
using orgaudit::testing::read_file;
using orgaudit::testing::run_orgaudit;
using orgaudit::testing::scratch_path;

namespace fs = std::filesystem;

namespace {

// A generated 10,000-person org (bench/generate_org.py), written once per test run.
const std::string& big_org() {
  static const std::string path = [] {
    const std::string out = scratch_path("org-10000.yaml");
    const std::string command = "python3 '" ORGAUDIT_SOURCE_DIR "/bench/generate_org.py' 10000 -o '" + out + "' 2>/dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    return out;
  }();
  return path;
}

}  // namespace

TEST_CASE("map cli: the format follows the file name, exit codes follow check", "[maps][cli]") {
  const std::string svg = scratch_path("trad.svg");
  CliRun r = run_orgaudit("map samples/traditional/org.yaml --output " + svg);
  CHECK(r.exit_code == 1);  // the sample has errors, as `check` says
  CHECK(r.err.empty());
  CHECK_THAT(read_file(svg), Catch::StartsWith("<?xml") && Catch::Contains("Qingdao Classic Appliances"));
  fs::remove(svg);
  const std::string pdf = scratch_path("trad.pdf");
  CHECK(run_orgaudit("map samples/traditional/org.yaml --level unit --fail-on never --output " + pdf).exit_code == 0);
  CHECK(read_file(pdf).rfind("%PDF", 0) == 0);
  fs::remove(pdf);
  r = run_orgaudit("map samples/rendanheyi/org.yaml --format dot");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("digraph orgaudit {") && Catch::Contains("EMC"));
}

TEST_CASE("map cli: the same org gives the same SVG, run after run", "[maps][cli]") {
  // Clusters used to come out in heap-address order (cgraph's default ids), which differs between
  // processes; several runs make a regression show up here rather than as a flaky golden file.
  const std::string first = run_orgaudit("map samples/transformation/org.yaml --fail-on never --format svg").out;
  REQUIRE_THAT(first, Catch::Contains("<svg"));
  for (int run = 0; run < 3; ++run)
    CHECK(run_orgaudit("map samples/transformation/org.yaml --fail-on never --format svg").out == first);
}

TEST_CASE("map cli: without a usable Graphviz a map says which library it needs, and other commands run", "[maps][cli]") {
  // cgraph and gvc are opened when the first map is drawn, not at start-up: a junk cgraph first on
  // the library path stands for a machine without Graphviz's libraries.
  const orgaudit::testing::ScratchDir scratch("map-no-graphviz");
  std::ofstream(scratch.path / ORGAUDIT_CGRAPH_SONAME) << "not a library\n";
  const std::string environment = "LD_LIBRARY_PATH=" + scratch.path.string();
  const std::string svg = (scratch.path / "org.svg").string();
  const CliRun r = run_orgaudit("map samples/traditional/org.yaml --fail-on never --output " + svg, environment);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(std::string("maps need Graphviz's ") + ORGAUDIT_CGRAPH_SONAME + " (Debian package " +
                                    ORGAUDIT_CGRAPH_PACKAGE + ")") &&
                        Catch::Contains("file too short"));
  CHECK_FALSE(fs::exists(svg));
  // Without a map the same library path is no matter: check never opens it; the HTML report, whose
  // map Graphviz draws, is still written, saying why its map is missing.
  CHECK(run_orgaudit("check samples/traditional/org.yaml --fail-on never --format json", environment).exit_code == 0);
  const CliRun html = run_orgaudit("check samples/traditional/org.yaml --fail-on never --format html", environment);
  CHECK(html.exit_code == 0);
  CHECK_THAT(html.out, Catch::Contains(std::string("The map could not be drawn: maps need Graphviz&#39;s ") + ORGAUDIT_CGRAPH_SONAME));
}

TEST_CASE("map cli: bad requests exit 2 before the audit and write nothing", "[maps][cli]") {
  const std::string out = scratch_path("bad.txt");
  CliRun r = run_orgaudit("map samples/traditional/org.yaml --output " + out);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("cannot tell the map format from") && Catch::Contains(".dot, .svg, .png or .pdf"));
  CHECK(!fs::exists(out));
  r = run_orgaudit("map samples/traditional/org.yaml --level teams");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--level expects person, unit or auto"));
  r = run_orgaudit("map samples/traditional/org.yaml --engine dott");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("unknown --engine 'dott'") && Catch::Contains("sfdp"));
  r = run_orgaudit("map samples/traditional/org.yaml --depth -1");
  CHECK(r.exit_code == 2);
  const std::string svg = scratch_path("unknown-root.svg");
  r = run_orgaudit("map samples/traditional/org.yaml --root P-00O1 --output " + svg);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--root 'P-00O1' names no person or unit; did you mean 'P-0001'?"));
  CHECK(!fs::exists(svg));
}

TEST_CASE("map cli: a person map of 10,000 people is refused at once, units and subtrees are drawn", "[maps][cli]") {
  const std::string svg = scratch_path("big.svg");
  const auto start = std::chrono::steady_clock::now();
  CliRun r = run_orgaudit("map '" + big_org() + "' --fail-on never --output " + svg);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("a person-level map of 10,000 people is too large to lay out") &&
                        Catch::Contains("--level unit") && Catch::Contains("--root ID --depth N"));
  CHECK(!fs::exists(svg));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));  // loading, not laying out

  r = run_orgaudit("map '" + big_org() + "' --level unit --fail-on never --output " + svg);
  CHECK(r.exit_code == 0);
  CHECK_THAT(read_file(svg), Catch::Contains("units (10000 people), every unit"));
  r = run_orgaudit("map '" + big_org() + "' --root P0000000 --depth 2 --fail-on never --format svg");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("under") && Catch::Contains("2 layers down"));
  fs::remove(svg);
}

TEST_CASE("report cli: one HTML file, check's exit codes, any of check's formats", "[html][cli]") {
  const std::string html = scratch_path("deep.html");
  CliRun r = run_orgaudit("report tests/cli/deep.yaml --output " + html);
  CHECK(r.exit_code == 1);
  const std::string page = read_file(html);
  // The score check's summary states ("Org score 57/100").
  const std::string summary = run_orgaudit("check tests/cli/deep.yaml").out;
  const auto at = summary.find("Org score ") + 10;
  const std::string score = summary.substr(at, summary.find('/', at) - at);
  CHECK_THAT(page, Catch::StartsWith("<!DOCTYPE html>") && Catch::Contains("<span data-org-score>" + score + "</span>") &&
                       Catch::Contains("<svg"));
  CHECK(run_orgaudit("report tests/cli/deep.yaml --fail-on never --output " + html).exit_code == 0);
  fs::remove(html);
  r = run_orgaudit("check tests/cli/clean.yaml --format html");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("Content-Security-Policy"));
  r = run_orgaudit("report tests/cli/clean.yaml --format json");
  CHECK_THAT(r.out, Catch::StartsWith("{"));
  r = run_orgaudit("report");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("report needs at least one org file"));
}
