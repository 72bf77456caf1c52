// End-to-end tests of `orgaudit diff`: a hand-made pair with known changes, and the real DFID
// organogram series, whose counts a separate reading of the CSVs in the test confirms.
#include <catch2/catch.hpp>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "cli_runner.h"
#include "csv_records.h"

using orgaudit::testing::CliRun;
using orgaudit::testing::read_csv_records;
using orgaudit::testing::run_orgaudit;

namespace {

const std::string kData = "tests/import/uk-organograms/";
const std::string kDfid = kData + "department_for_international_development-";

struct SeniorChanges {
  std::size_t added = 0, removed = 0, moved = 0, regraded = 0;
};

// Posts by "Post Unique Reference", first row wins (a job share is one post).
SeniorChanges count_senior_changes(const std::string& old_file, const std::string& new_file) {
  auto posts = [](const std::string& file) {
    std::map<std::string, std::map<std::string, std::string>> by_id;
    for (auto& record : read_csv_records(file)) by_id.emplace(record["Post Unique Reference"], record);
    return by_id;
  };
  const auto before = posts(old_file), after = posts(new_file);
  SeniorChanges c;
  for (const auto& [id, now] : after) {
    const auto was = before.find(id);
    if (was == before.end()) {
      ++c.added;
      continue;
    }
    if (was->second.at("Reports to Senior Post") != now.at("Reports to Senior Post") ||
        was->second.at("Unit") != now.at("Unit"))
      ++c.moved;
    if (was->second.at("Grade (or equivalent)") != now.at("Grade (or equivalent)")) ++c.regraded;
  }
  for (const auto& [id, was] : before) c.removed += after.count(id) ? 0 : 1;
  return c;
}

// The ids listed under one key of the diff's JSON, e.g. "people_added".
std::set<std::string> json_ids(const std::string& json, const std::string& key) {
  const auto start = json.find("\"" + key + "\": [");
  const auto end = json.find("\n  ]", start);
  std::set<std::string> ids;
  const std::string section = json.substr(start, end - start);
  static const std::regex id(R"re("id": "([^"]*)")re");
  for (std::sregex_iterator it(section.begin(), section.end(), id), stop; it != stop; ++it) ids.insert((*it)[1]);
  return ids;
}

}  // namespace

TEST_CASE("workflow: diff of a hand-made pair in text, JSON and Markdown", "[workflow]") {
  const std::string pair = "diff --profile classic tests/workflow/diff/before.yaml tests/workflow/diff/after.yaml";
  const CliRun text = run_orgaudit(pair + " --fail-on never");
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::StartsWith("Comparing 'Pair Co' 2026-01-31 (6 people, 2 units)\n"
                                         "     with 'Pair Co' 2026-07-31 (6 people, 2 units)\n"));
  CHECK_THAT(text.out, Catch::Contains("1 added, 1 removed, 2 moved, 1 re-graded; 2 spans and 1 layers changed;"));
  CHECK_THAT(text.out, Catch::Contains("Moved (2):\n  ~ P4 Di Staff: manager P2 -> P3\n"
                                       "  ~ P6 Fi Staff: manager P3 -> P4; unit U2 -> U3\n"));
  const CliRun json = run_orgaudit(pair + " --format json");
  CHECK(json_ids(json.out, "people_added") == std::set<std::string>{"P7"});
  CHECK(json_ids(json.out, "people_removed") == std::set<std::string>{"P5"});
  CHECK(json_ids(json.out, "regraded") == std::set<std::string>{"P3"});
  CHECK(json_ids(json.out, "spans_changed") == std::set<std::string>{"P2", "P4"});
  CHECK(json_ids(json.out, "layers_changed") == std::set<std::string>{"P6"});
  CHECK(json_ids(json.out, "units_added") == std::set<std::string>{"U3"});
  CHECK(json_ids(json.out, "units_removed") == std::set<std::string>{"U2"});
  const CliRun markdown = run_orgaudit(pair + " --format markdown");
  CHECK_THAT(markdown.out, Catch::StartsWith("## orgaudit diff: Pair Co, 2026-01-31 to 2026-07-31\n"));
  CHECK_THAT(markdown.out, Catch::Contains("| People | 6 | 6 | 0 |\n"));
  // Findings the new snapshot brings fail the run at --fail-on, like check.
  CHECK(run_orgaudit(pair + " --fail-on warning").exit_code == 1);
  CHECK(run_orgaudit(pair + " --format html").exit_code == 2);
}

TEST_CASE("workflow: diff refuses two different organisations unless told otherwise", "[workflow]") {
  const CliRun r = run_orgaudit("diff tests/workflow/diff/before.yaml tests/workflow/diff/other-org.yaml");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("error: the snapshots look like two different organisations: they share 0 of 2 ids"));
  CHECK(r.out.empty());
  CHECK(run_orgaudit("diff tests/workflow/diff/before.yaml tests/workflow/diff/other-org.yaml --allow-unrelated "
                     "--fail-on never").exit_code == 0);
  const CliRun real = run_orgaudit("diff --preset uk-organogram " + kData + "cabinet_office-2011-03-31-senior.csv " +
                                   kDfid + "2011-03-31-senior.csv");
  CHECK(real.exit_code == 2);
  CHECK_THAT(real.err, Catch::Contains("'Cabinet Office' and 'Department for International Development'"));
}

TEST_CASE("workflow: diff of the DFID organogram series matches a separate count of the CSVs", "[workflow]") {
  const std::pair<const char*, const char*> pairs[] = {{"2011-03-31", "2011-09-30"}, {"2013-09-30", "2014-03-31"}};
  const std::pair<std::size_t, std::size_t> expected_added_removed[] = {{6, 8}, {5, 65}};
  for (std::size_t i = 0; i < 2; ++i) {
    const std::string old_file = kDfid + pairs[i].first + "-senior.csv", new_file = kDfid + pairs[i].second + "-senior.csv";
    const SeniorChanges c = count_senior_changes(old_file, new_file);
    CHECK(c.added == expected_added_removed[i].first);
    CHECK(c.removed == expected_added_removed[i].second);
    const CliRun r = run_orgaudit("diff --preset uk-organogram --fail-on never " + old_file + " " + new_file);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains(std::to_string(c.added) + " added, " + std::to_string(c.removed) + " removed, " +
                                      std::to_string(c.moved) + " moved, " + std::to_string(c.regraded) + " re-graded;"));
  }
  // Senior and junior files together: the senior posts among the changes still match the count.
  const CliRun full = run_orgaudit("diff --preset uk-organogram --format json --old " + kDfid + "2013-03-31-senior.csv --old " +
                                   kDfid + "2013-03-31-junior.csv --new " + kDfid + "2013-09-30-senior.csv --new " + kDfid +
                                   "2013-09-30-junior.csv");
  REQUIRE(full.exit_code <= 1);
  const SeniorChanges senior = count_senior_changes(kDfid + "2013-03-31-senior.csv", kDfid + "2013-09-30-senior.csv");
  // Junior rows are no people: relabelled rows are not adds and removes (265 and 197 of them were).
  CHECK(json_ids(full.out, "people_added").size() == senior.added);
  CHECK(json_ids(full.out, "people_removed").size() == senior.removed);
  CHECK_THAT(full.out, Catch::Contains("\"name\": \"Department for International Development\""));
  // They are compared as FTE per senior post, grade and profession (letters and digits: `A2L (SEO)`
  // and `A2(L) (SEO)` are one grade), counted here from the CSVs.
  auto groups = [](const std::string& file) {
    auto fold = [](const std::string& s) {
      std::string out;
      for (char c : s)
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) out += static_cast<char>(std::tolower(c));
      return out;
    };
    std::map<std::string, double> fte;
    for (auto& r : read_csv_records(file))
      fte[r["Reporting Senior Post"] + "|" + fold(r["Grade"]) + "|" + fold(r["Professional/Occupational Group"])] +=
          std::stod(r["Number of Posts in FTE"]);
    return fte;
  };
  const auto was = groups(kDfid + "2013-03-31-junior.csv"), now = groups(kDfid + "2013-09-30-junior.csv");
  std::set<std::string> keys;
  for (const auto& g : was) keys.insert(g.first);
  for (const auto& g : now) keys.insert(g.first);
  std::size_t changed = 0;
  for (const std::string& k : keys) changed += std::abs((was.count(k) ? was.at(k) : 0) - (now.count(k) ? now.at(k) : 0)) > 1e-9;
  CHECK(changed == 491);
  const auto start = full.out.find("\"juniors_changed\": ["), end = full.out.find("\n  ]", start);
  const std::string juniors = full.out.substr(start, end - start);
  std::size_t entries = 0;
  for (auto at = juniors.find("\"senior\":"); at != std::string::npos; at = juniors.find("\"senior\":", at + 1)) ++entries;
  CHECK(entries == changed);
  // The three new "is their own manager" errors lead the introduced findings.
  const CliRun text = run_orgaudit("diff --preset uk-organogram --old " + kDfid + "2013-03-31-senior.csv --old " + kDfid +
                                   "2013-03-31-junior.csv --new " + kDfid + "2013-09-30-senior.csv --new " + kDfid +
                                   "2013-09-30-junior.csv");
  const auto introduced = text.out.find("Findings introduced (");
  REQUIRE(introduced != std::string::npos);
  const std::string first = text.out.substr(introduced, text.out.find("+ warning", introduced) - introduced);
  std::size_t own = 0;
  for (auto at = first.find("is their own manager"); at != std::string::npos; at = first.find("is their own manager", at + 1)) ++own;
  CHECK(own == 3);
}
