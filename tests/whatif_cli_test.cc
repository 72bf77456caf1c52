// End-to-end tests of `orgaudit whatif` on the traditional sample: a pass-through layer found by
// `check` and removed by the scenario, and the --apply output checked again.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>

#include "cli_runner.h"

using orgaudit::testing::CliRun;
using orgaudit::testing::run_orgaudit;

namespace {

const std::string kSample = "samples/traditional/org.yaml";

// The quoted value that follows `after` in `json`, from position `from` on.
std::string string_after(const std::string& json, const std::string& after, std::size_t from) {
  const std::size_t at = json.find(after, from);
  REQUIRE(at != std::string::npos);
  const std::size_t open = json.find('"', at + after.size());
  return json.substr(open + 1, json.find('"', open + 1) - open - 1);
}

// The first pass-through manager `check` flags, and that finding's fingerprint.
std::pair<std::string, std::string> first_pass_through(const std::string& check_json) {
  const std::size_t finding = check_json.find("\"key\": \"pass-through\"");
  REQUIRE(finding != std::string::npos);
  return {string_after(check_json, "\"entities\": [", finding), string_after(check_json, "\"fingerprint\":", finding)};
}

// The fingerprints of the findings in a JSON report, sorted, those marked suppressed left out (whatif
// and diff compare only findings that are not suppressed). A finding keeps its fingerprint when its
// message changes ("2 direct reports" for "1"), so fingerprints are what is compared.
std::vector<std::string> active_fingerprints(const std::string& json) {
  std::vector<std::string> out;
  std::istringstream lines(json);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("      \"fingerprint\": \"", 0) == 0) out.push_back(line.substr(22, line.rfind('"') - 22));
    else if (line == "      \"suppressed\": true,") out.pop_back();
  }
  std::sort(out.begin(), out.end());
  return out;
}

// One findings list of the whatif JSON ("findings_introduced" or "findings_resolved").
std::vector<std::string> findings_section(const std::string& json, const std::string& key, const std::string& next) {
  const std::size_t start = json.find("\"" + key + "\"");
  REQUIRE(start != std::string::npos);
  return active_fingerprints(json.substr(start, json.find("\"" + next + "\"", start) - start));
}

std::pair<double, double> org_score(const std::string& whatif_json) {
  static const std::regex score(R"re("dimension": "Org",\s*"before": ([0-9.]+),\s*"after": ([0-9.]+))re");
  std::smatch m;
  REQUIRE(std::regex_search(whatif_json, m, score));
  return {std::stod(m[1]), std::stod(m[2])};
}

}  // namespace

TEST_CASE("whatif: removing a pass-through layer fixes its finding and does not lower the org score", "[whatif]") {
  const CliRun check = run_orgaudit("check " + kSample + " --no-config --format json --fail-on never");
  REQUIRE(check.exit_code == 0);
  // Named copies, not structured bindings: C++17 lets no lambda capture a binding (clang refuses).
  const auto pass_through = first_pass_through(check.out);
  const std::string manager = pass_through.first, fingerprint = pass_through.second;

  const CliRun whatif = run_orgaudit("whatif " + kSample + " --no-config --format json --remove-layer " + manager);
  INFO(whatif.err);
  REQUIRE(whatif.exit_code == 0);
  const std::vector<std::string> resolved = findings_section(whatif.out, "findings_resolved", "scores");
  CHECK(std::any_of(resolved.begin(), resolved.end(),
                    [&](const std::string& f) { return f.find(fingerprint) != std::string::npos; }));
  const auto [before, after] = org_score(whatif.out);
  CHECK(after >= before);
  CHECK_THAT(whatif.out, Catch::Contains("\"kind\": \"remove-layer\",\n      \"subject\": \"" + manager + "\""));
  CHECK_THAT(whatif.out, Catch::Contains("\"origin\": \"--remove-layer " + manager + "\""));

  const CliRun text = run_orgaudit("whatif " + kSample + " --no-config --remove-layer " + manager);
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::StartsWith("What if: 1 change to "));
  CHECK_THAT(text.out, Catch::Contains("Managers by span (direct reports): before -> after\n  1: "));
  CHECK_THAT(text.out, Catch::Contains("\nFindings resolved ("));
  CHECK_THAT(text.out, Catch::Contains("so '") && Catch::Contains("is a pass-through layer"));
}

// Runs `whatif INPUT CHANGES --apply` and checks the written org: `check` on it gives the input's
// findings less those resolved plus those introduced, and the input is unchanged. Returns the
// fingerprints resolved.
std::vector<std::string> check_apply_round_trip(const std::string& input, const std::string& changes, const std::string& scratch) {
  const std::string out = scratch + "/after.yaml";
  const CliRun before = run_orgaudit("check " + input + " --no-config --format json --fail-on never");
  const CliRun whatif = run_orgaudit("whatif " + input + " --no-config --fail-on never --format json " + changes + " --apply -o " + out);
  INFO(whatif.err);
  REQUIRE(whatif.exit_code == 0);
  CHECK_THAT(whatif.err, Catch::Contains("wrote the changed org (") && Catch::Contains(") to " + out));

  std::vector<std::string> expected;
  const std::vector<std::string> all_before = active_fingerprints(before.out);
  const std::vector<std::string> resolved = findings_section(whatif.out, "findings_resolved", "scores");
  const std::vector<std::string> introduced = findings_section(whatif.out, "findings_introduced", "findings_resolved");
  std::set_difference(all_before.begin(), all_before.end(), resolved.begin(), resolved.end(), std::back_inserter(expected));
  expected.insert(expected.end(), introduced.begin(), introduced.end());
  std::sort(expected.begin(), expected.end());

  const CliRun again = run_orgaudit("check " + out + " --no-config --format json --fail-on never");
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(active_fingerprints(again.out) == expected);
  CHECK(run_orgaudit("check " + input + " --no-config --format json --fail-on never").out == before.out);
  return resolved;
}

TEST_CASE("whatif: --apply -o writes an org that checks to the scenario's after findings", "[whatif]") {
  orgaudit::testing::ScratchDir dir("whatif-apply");
  const std::string scenario = (dir.path / "flatter.yaml").string();
  std::ofstream(scenario) << "changes:\n  - remove-layer: P-0151\n  - move: P-0170\n    to: P-0160\n  - vacate: P-0243\n";
  CHECK(check_apply_round_trip(kSample, "--scenario " + scenario, dir.path.string()).size() >= 2);
}

TEST_CASE("whatif: --apply -o carries the input's orgaudit-ignore comments, so they suppress the same findings", "[whatif]") {
  orgaudit::testing::ScratchDir dir("whatif-apply-suppressed");
  check_apply_round_trip("tests/workflow/suppressed.yaml", "--remove-layer P3", dir.path.string());
  CHECK_THAT(orgaudit::testing::read_file((dir.path / "after.yaml").string()),
             Catch::Contains("# orgaudit-ignore: structure-span-of-control reason: merging in Q3"));
}

TEST_CASE("whatif: a change that cannot apply is exit 2 at the scenario's line and column, nothing written", "[whatif]") {
  orgaudit::testing::ScratchDir dir("whatif-errors");
  const std::string scenario = (dir.path / "bad.yaml").string();
  const std::string out = (dir.path / "after.yaml").string();
  std::ofstream(scenario) << "changes:\n  - remove-layer: P-0151\n  - move: P-0134\n    to: P-0135\n";
  const CliRun cycle = run_orgaudit("whatif " + kSample + " --no-config --scenario " + scenario + " --apply -o " + out);
  CHECK(cycle.exit_code == 2);
  CHECK_THAT(cycle.err, Catch::StartsWith(scenario + ":4:9: error: moving P-0134 "));
  CHECK_THAT(cycle.err, Catch::Contains("would make a cycle: P-0135 reports, directly or not, to P-0134"));
  CHECK(cycle.out.empty());
  CHECK_FALSE(std::filesystem::exists(out));

  const CliRun unknown = run_orgaudit("whatif " + kSample + " --no-config --move P-9999:P-0001");
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Catch::Contains("--move P-9999:P-0001: error: no person or post has id 'P-9999'"));
  CHECK(run_orgaudit("whatif " + kSample + " --no-config").exit_code == 2);
  CHECK(run_orgaudit("whatif " + kSample + " --no-config --remove-layer P-0151 --apply").exit_code == 2);
  CHECK(run_orgaudit("whatif " + kSample + " --no-config --remove-layer P-0151 --apply -o " + kSample).exit_code == 2);
}

TEST_CASE("whatif: exit 1 when the scenario introduces a finding at or above --fail-on", "[whatif]") {
  // Removing the chief executive leaves eleven roots and an error-level depth finding.
  const CliRun removed = run_orgaudit("whatif " + kSample + " --no-config --remove P-0001");
  CHECK(removed.exit_code == 1);
  CHECK_THAT(removed.out, Catch::Contains("\n  + error [structure-hierarchy-depth]: "));
  CHECK_THAT(removed.out, Catch::Contains("names owner 'P-0001', who matches no one"));
  CHECK(run_orgaudit("whatif " + kSample + " --no-config --remove P-0001 --fail-on never").exit_code == 0);
  // Removing a pass-through layer introduces nothing, even at info.
  CHECK(run_orgaudit("whatif " + kSample + " --no-config --remove-layer P-0134 --fail-on info").exit_code == 0);
}

// The fingerprint of the first finding `check` reports with `rule` and `key` on `entity`.
std::string fingerprint_of(const std::string& check_json, const std::string& rule, const std::string& key, const std::string& entity) {
  for (std::size_t at = check_json.find("\"rule\": \"" + rule + "\""); at != std::string::npos;
       at = check_json.find("\"rule\": \"" + rule + "\"", at + 1)) {
    const std::size_t next = check_json.find("\"rule\": ", at + 1);
    const std::string finding = check_json.substr(at, next == std::string::npos ? std::string::npos : next - at);
    if (finding.find("\"key\": \"" + key + "\"") != std::string::npos &&
        finding.find("\"entities\": [\n        \"" + entity + "\"") != std::string::npos)
      return string_after(finding, "\"fingerprint\":", 0);
  }
  FAIL("no " << rule << " (" << key << ") finding on " << entity);
  return {};
}

bool resolves(const std::string& whatif_json, const std::string& fingerprint) {
  const std::vector<std::string> resolved = findings_section(whatif_json, "findings_resolved", "scores");
  return std::find(resolved.begin(), resolved.end(), fingerprint) != resolved.end();
}

TEST_CASE("whatif: the ME, EMC, contract and right changes fix the findings they answer on the samples", "[whatif]") {
  const std::string rendanheyi = "samples/rendanheyi/org.yaml", transformation = "samples/transformation/org.yaml";
  const CliRun eco = run_orgaudit("check " + rendanheyi + " --no-config --format json --fail-on never");
  const CliRun trans = run_orgaudit("check " + transformation + " --no-config --format json --fail-on never");

  // The scenario file with every one of them: the oversized ME split, the stale contract renewed.
  const CliRun scenario = run_orgaudit("whatif " + rendanheyi + " --no-config --format json --fail-on never --scenario tests/workflow/scenario/ecosystem.yaml");
  INFO(scenario.err);
  REQUIRE(scenario.exit_code == 0);
  CHECK(resolves(scenario.out, fingerprint_of(eco.out, "rendanheyi-me-size", "", "ME-THUNDER")));
  CHECK(resolves(scenario.out, fingerprint_of(eco.out, "rendanheyi-emc-contract", "stale", "EMC-BALCONY")));
  for (const char* kind : {"split-me", "renew-contract", "add-member", "remove-member", "add-contract", "remove-contract", "set-right", "merge-unit"})
    CHECK_THAT(scenario.out, Catch::Contains(std::string("\"kind\": \"") + kind + "\""));
  CHECK_THAT(scenario.out, Catch::Contains("\"reason\": \"an ME over its size splits\""));
  CHECK_THAT(scenario.out, Catch::Contains("\"fingerprint\": \"v2:663bb7dc253aa175\""));
  // The right given away is a finding introduced, at the new ME.
  CHECK_THAT(scenario.out, Catch::Contains("'Thunder PC ME' does not hold its own pay right"));

  // On the command line: a right taken back and an underperforming member let go.
  const CliRun options = run_orgaudit("whatif " + transformation + " --no-config --format json --fail-on never "
                                      "--set-right ME-DRYER:pay=self --remove-member ME-TOPLOAD:EMC-LAUNDRY --split-me ME-FRIDGE-FD");
  INFO(options.err);
  REQUIRE(options.exit_code == 0);
  CHECK(resolves(options.out, fingerprint_of(trans.out, "rendanheyi-three-rights", "pay-not-held", "ME-DRYER")));
  CHECK(resolves(options.out, fingerprint_of(trans.out, "rendanheyi-emc-contract", "underperforming-member", "EMC-LAUNDRY")));
  CHECK(resolves(options.out, fingerprint_of(trans.out, "rendanheyi-me-size", "", "ME-FRIDGE-FD")));
  CHECK_THAT(options.out, Catch::Contains("\"origin\": \"--split-me ME-FRIDGE-FD\""));
}

TEST_CASE("whatif: the new changes refuse what cannot apply, exit 2 at the line or option, nothing written", "[whatif]") {
  orgaudit::testing::ScratchDir dir("whatif-new-errors");
  const std::string scenario = (dir.path / "bad.yaml").string(), out = (dir.path / "after.yaml").string();
  std::ofstream(scenario) << "changes:\n  - renew-contract: EMC-BALCONY\n  - split-me: PLAT-HAIER\n    by: half\n";
  const CliRun split = run_orgaudit("whatif samples/rendanheyi/org.yaml --no-config --scenario " + scenario + " --apply -o " + out);
  CHECK(split.exit_code == 2);
  CHECK_THAT(split.err, Catch::StartsWith(scenario + ":3:15: error: PLAT-HAIER 'Haier platform' is a platform, not an ME"));
  CHECK(split.out.empty());
  CHECK_FALSE(std::filesystem::exists(out));

  const CliRun cycle = run_orgaudit("whatif samples/rendanheyi/org.yaml --no-config --merge-unit PLAT-HAIER:EMC-COOK");
  CHECK(cycle.exit_code == 2);
  CHECK_THAT(cycle.err, Catch::Contains("--merge-unit PLAT-HAIER:EMC-COOK: error: merging PLAT-HAIER 'Haier platform' into "
                                        "EMC-COOK 'Smart Cooking EMC' would make a cycle: EMC-COOK is inside PLAT-HAIER"));
  const CliRun unknown = run_orgaudit("whatif samples/rendanheyi/org.yaml --no-config --add-member ME-NOPE:EMC-COOK");
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Catch::Contains("--add-member ME-NOPE:EMC-COOK: error: no unit has id 'ME-NOPE'"));
  const CliRun right = run_orgaudit("whatif samples/rendanheyi/org.yaml --no-config --set-right ME-THUNDER:bonus=self");
  CHECK(right.exit_code == 2);
  CHECK_THAT(right.err, Catch::Contains("unknown right 'bonus'"));
}

// The fingerprints a proposed scenario's `answers:` name, in order.
std::vector<std::string> answered_fingerprints(const std::string& scenario_yaml) {
  static const std::regex answers(R"re(answers: \{rule: "[^"]+", key: "[^"]*", fingerprint: "([^"]+)"\})re");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(scenario_yaml.begin(), scenario_yaml.end(), answers); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

TEST_CASE("fix --propose: the proposed scenario, applied, raises the org score and removes the findings it names", "[whatif][fix]") {
  orgaudit::testing::ScratchDir dir("fix-propose");
  const std::string proposed = (dir.path / "proposed.yaml").string(), after = (dir.path / "after.yaml").string();
  const std::string input_before = orgaudit::testing::read_file(kSample);
  const CliRun before = run_orgaudit("check " + kSample + " --no-config --format json --fail-on never");

  const CliRun fix = run_orgaudit("fix --propose " + kSample + " --no-config -o " + proposed);
  INFO(fix.err);
  REQUIRE(fix.exit_code == 0);
  CHECK(orgaudit::testing::read_file(kSample) == input_before);  // never a rewrite of the input
  const std::string scenario = orgaudit::testing::read_file(proposed);
  CHECK_THAT(scenario, Catch::Contains("#   Org: 76 -> "));
  CHECK_THAT(scenario, Catch::Contains("  - remove-layer: \"P-0134\"\n"));  // the pass-through check flags
  CHECK_THAT(scenario, Catch::Contains("  - move: \"P-0079\"\n    to: \""));   // the dangling manager reference
  const std::vector<std::string> named = answered_fingerprints(scenario);
  REQUIRE(named.size() >= 5);
  const std::vector<std::string> found_before = active_fingerprints(before.out);
  for (const std::string& f : named) CHECK(std::binary_search(found_before.begin(), found_before.end(), f));

  const CliRun whatif = run_orgaudit("whatif " + kSample + " --no-config --fail-on never --format json --scenario " + proposed +
                                     " --apply -o " + after);
  INFO(whatif.err);
  REQUIRE(whatif.exit_code == 0);
  const auto [score_before, score_after] = org_score(whatif.out);
  CHECK(score_after > score_before);
  // The org written by --apply, checked afresh: none of the named findings is left.
  const CliRun again = run_orgaudit("check " + after + " --no-config --format json --fail-on never");
  REQUIRE(again.exit_code == 0);
  const std::vector<std::string> found_after = active_fingerprints(again.out);
  for (const std::string& f : named) CHECK_FALSE(std::binary_search(found_after.begin(), found_after.end(), f));
}

TEST_CASE("fix: only proposes, never over an input, and splits an oversized ME and renews a stale contract", "[whatif][fix]") {
  CHECK(run_orgaudit("fix " + kSample + " --no-config").exit_code == 2);
  const CliRun over = run_orgaudit("fix --propose " + kSample + " --no-config -o " + kSample);
  CHECK(over.exit_code == 2);
  CHECK_THAT(over.err, Catch::Contains("never rewrites its input"));

  const CliRun eco = run_orgaudit("fix --propose samples/rendanheyi/org.yaml --no-config");
  INFO(eco.err);
  REQUIRE(eco.exit_code == 0);
  CHECK_THAT(eco.out, Catch::Contains("  - split-me: \"ME-THUNDER\"\n    people: [\""));
  CHECK_THAT(eco.out, Catch::Contains("  - renew-contract: \"EMC-BALCONY\"\n"));
  CHECK_THAT(eco.out, Catch::Contains("fingerprint: \"v2:663bb7dc253aa175\""));
}

TEST_CASE("whatif: several scenarios side by side, each after the command line's changes", "[whatif]") {
  const std::string a = "tests/workflow/scenario/flatter.yaml", b = "tests/workflow/scenario/proposed-traditional.yaml";
  const CliRun text = run_orgaudit("whatif " + kSample + " --no-config --fail-on never --scenario " + a + " --scenario " + b);
  INFO(text.err);
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::StartsWith("What if: 2 scenarios for 'Qingdao Classic Appliances' (399 people, 64 units)\n  A. " + a + " (5 changes)"));
  CHECK_THAT(text.out, Catch::Contains("\n                      now       A         B\n  Org                 76        76 (0)    77 (+1)\n"));
  CHECK_THAT(text.out, Catch::Contains("\n  Findings fixed      -         8         16\n"));
  CHECK_THAT(text.out, Catch::Contains("\n== B. " + b + " ==\nWhat if: 8 changes to "));

  const CliRun markdown = run_orgaudit("whatif " + kSample + " --no-config --fail-on never --format markdown --scenario " + a + " --scenario " + b);
  REQUIRE(markdown.exit_code == 0);
  CHECK_THAT(markdown.out, Catch::StartsWith("## What if: 2 scenarios for Qingdao Classic Appliances\n\n| | now | A. "));
  CHECK_THAT(markdown.out, Catch::Contains("\n| Org | 76 | 76 (0) | 77 (+1) |\n"));
  CHECK_THAT(markdown.out, Catch::Contains("<details><summary>B. "));
  CHECK_THAT(markdown.out, Catch::Contains("1. **remove-layer**: "));

  // Each scenario's own fields, as one whatif report writes them; the scores side by side.
  const CliRun json = run_orgaudit("whatif " + kSample + " --no-config --fail-on never --format json --scenario " + a +
                                   " --scenario " + b + " --vacate P-0279");
  INFO(json.err);
  REQUIRE(json.exit_code == 0);
  CHECK_THAT(json.out, Catch::Contains("\"schema\": \"orgaudit-whatif-comparison\""));
  CHECK_THAT(json.out, Catch::Contains("\"name\": \"" + b + "\""));
  CHECK_THAT(json.out, Catch::Contains("\"findings_fixed\": "));
  std::size_t vacated = 0;  // once in each scenario
  for (std::size_t at = json.out.find("\"origin\": \"--vacate P-0279\""); at != std::string::npos;
       at = json.out.find("\"origin\": \"--vacate P-0279\"", at + 1))
    ++vacated;
  CHECK(vacated == 2);
  // The command line's changes follow each file's: A already vacates P-0243, so a --vacate of it is refused.
  const CliRun twice = run_orgaudit("whatif " + kSample + " --no-config --scenario " + a + " --scenario " + b + " --vacate P-0243");
  CHECK(twice.exit_code == 2);
  CHECK_THAT(twice.err, Catch::Contains("--vacate P-0243: error: P-0243 'Financial Controller' is already vacant"));
  CHECK(run_orgaudit("whatif " + kSample + " --no-config --scenario " + a + " --scenario " + b + " --apply -o x.yaml").exit_code == 2);
}

TEST_CASE("whatif --format html: the report of the org after, opening with the changed subtree before and after", "[whatif][html]") {
  const CliRun html = run_orgaudit("whatif " + kSample + " --no-config --remove-layer P-0151 --format html --fail-on never");
  INFO(html.err);
  REQUIRE(html.exit_code == 0);
  const std::size_t section = html.out.find("<section id=\"whatif\"><h2>What if: 1 change to &#39;Qingdao Classic Appliances&#39;</h2>");
  REQUIRE(section != std::string::npos);
  const std::size_t end = html.out.find("</section>", section);
  const std::string whatif = html.out.substr(section, end - section);
  CHECK_THAT(whatif, Catch::Contains("<li class=\"message\">remove-layer: 1 report of P-0151 &#39;Hana Ivanova&#39; now reports to "));
  // The subtree from the manager above the layer, drawn twice, what changed outlined.
  CHECK_THAT(whatif, Catch::Contains("<strong>Before:</strong> "));
  CHECK_THAT(whatif, Catch::Contains("<strong>After:</strong> "));
  std::size_t maps = 0;
  for (std::size_t at = whatif.find("<svg"); at != std::string::npos; at = whatif.find("<svg", at + 1)) ++maps;
  CHECK(maps == 2);
  CHECK_THAT(whatif, Catch::Contains("#7b1fa2"));
  CHECK_THAT(whatif, !Catch::Contains("of 399 people, the whole org"));  // a subtree, not the org
  // Then the usual report, of the org after: its map, its findings.
  CHECK(html.out.find("<section id=\"map\">", end) != std::string::npos);
  CHECK(html.out.find("<section id=\"findings\">", end) != std::string::npos);
  CHECK(run_orgaudit("whatif " + kSample + " --no-config --format html --scenario tests/workflow/scenario/flatter.yaml "
                     "--scenario tests/workflow/scenario/proposed-traditional.yaml").exit_code == 2);
}
