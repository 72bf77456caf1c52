// Every published UK organogram in tests/import/uk-organograms/, senior and junior files together:
// each row loaded or skipped with a reason, the top post found, and depth and span figures that
// agree with an independent count.
//
// The expected figures are the output of `tests/import/uk-organograms/independent_count.py --table`,
// which uses Python's csv module and none of orgaudit's code: posts keyed by the first occurrence of
// their reference, `XX` as the top, junior rows of more than 0 posts as their senior post's junior
// command (FTE, not direct reports), vacant and eliminated posts left out of spans, a post that
// names itself as manager (three do, in DFID 2013-09-30) given no reporting line. The same script,
// run from ctest, compares its figures with orgaudit's JSON report.
#include <catch2/catch.hpp>

#include <map>

#include "import/inputs.h"
#include "orgaudit/metrics.h"
#include "model/import_log.h"

using namespace orgaudit;

namespace {

struct Expected {
  const char* snapshot;
  std::size_t senior_rows, junior_rows;
  std::size_t repeated_posts;   // later rows of a post reference already seen (job shares)
  std::size_t empty_juniors;    // junior rows of 0 posts
  std::size_t senior_posts;     // loaded posts (junior rows are aggregates apart)
  double junior_fte;            // FTE of the junior rows loaded
  std::size_t roots;            // posts reporting to XX
  const char* top;              // the root with the largest tree
  std::size_t top_tree;         // senior posts in it
  int max_depth;                // senior layers below the top
  std::uint32_t top_span;       // senior posts reporting to the top post
  const char* widest;           // the post with the most senior direct reports
  std::uint32_t widest_span;
  std::size_t vacant;           // Vacant or Eliminated posts
};

const Expected kSnapshots[] = {
    {"cabinet_office-2011-03-31", 216, 763, 0, 0, 216, 1683.27, 1, "1", 216, 4, 11, "8", 53, 0},
    {"cabinet_office-2011-09-30", 235, 629, 1, 0, 234, 1785.34, 3, "1", 230, 4, 11, "260", 43, 8},
    {"department_for_international_development-2011-03-31", 80, 268, 0, 0, 80, 1130.56, 2, "A1", 67, 5, 5, "A6", 11, 0},
    {"department_for_international_development-2011-09-30", 78, 259, 0, 0, 78, 1113.4, 2, "A1", 67, 5, 4, "A6", 9, 0},
    {"department_for_international_development-2013-03-31", 77, 303, 2, 0, 75, 1464.5, 2, "A1", 74, 5, 5, "A6", 10, 0},
    {"department_for_international_development-2013-09-30", 89, 371, 0, 0, 89, 1815, 1, "A1", 86, 4, 5, "A20", 13, 0},
    {"department_for_international_development-2014-03-31", 29, 112, 0, 1, 29, 611, 1, "A1", 29, 3, 4, "A7", 7, 0},
    {"department_for_international_development-2014-09-30", 92, 684, 0, 0, 92, 1932.8, 1, "A1", 92, 4, 6, "A30", 11, 0},
};

}  // namespace

TEST_CASE("uk organograms: every published snapshot loads and agrees with an independent count") {
  const Expected& e = GENERATE(from_range(std::begin(kSnapshots), std::end(kSnapshots)));
  INFO(e.snapshot);
  const std::string base = std::string(ORGAUDIT_SOURCE_DIR) + "/tests/import/uk-organograms/" + e.snapshot;
  const std::string senior = base + "-senior.csv", junior = base + "-junior.csv";
  RealFileSystem files;
  LoadOptions options;
  options.preset = "uk-organogram";
  std::vector<Diagnostic> warnings;
  NoProgress progress;
  const Org org = import::load_inputs(files, {senior, junior}, options, warnings, progress);
  CHECK(warnings.empty());

  // Every data row is accounted for: loaded, or an import issue that says why not.
  std::map<std::string, std::size_t> loaded, skipped;
  for (const Person& p : org.people) ++loaded[org.files.at(p.where.file)];
  for (const ImportIssue& i : org.import_log->issues) {
    CHECK((i.kind == ImportIssue::duplicate_id || i.kind == ImportIssue::skipped_row));
    CHECK(i.where.line > 1);
    ++skipped[org.files.at(i.where.file)];
  }
  CHECK(loaded[senior] + skipped[senior] == e.senior_rows);
  CHECK(loaded[junior] + skipped[junior] == e.junior_rows);
  CHECK(skipped[senior] == e.repeated_posts);
  CHECK(skipped[junior] == e.empty_juniors);
  CHECK(org.import_log->records == e.senior_rows + e.junior_rows);
  const Headcount headcount = org.headcount();
  CHECK(headcount.people == e.senior_posts);
  CHECK(headcount.aggregate_fte == Approx(e.junior_fte));
  CHECK(org.people.size() == e.senior_posts + e.junior_rows - e.empty_juniors);

  std::size_t vacant = 0, aggregates = 0, roots = 0;
  for (const Person& p : org.people) {
    vacant += p.has(kVacant);
    aggregates += p.has(kAggregate);
    roots += p.manager_id.empty();
    CHECK(p.manager_id.empty() == p.has(kDeclaredRoot));  // every root here is an XX post
    CHECK(p.name != "N/D");  // never a name
    CHECK(p.name != "'N/D'");
    CHECK(p.name != "ND");
    if (p.has(kAggregate)) CHECK(p.manager != kNoIndex);  // every junior row found its senior post
  }
  CHECK(vacant == e.vacant);
  CHECK(aggregates == e.junior_rows - e.empty_juniors);
  CHECK(roots == e.roots);

  const OrgMetrics metrics = OrgMetrics::compute(org);
  const ReportingMetrics& r = metrics.reporting;
  PersonIndex top = kNoIndex;
  for (PersonIndex p : r.roots)
    if (org.people[p].manager_id.empty() && (top == kNoIndex || r.subtree_size[p] > r.subtree_size[top])) top = p;
  REQUIRE(top != kNoIndex);
  CHECK(org.people[top].id == e.top);
  CHECK(r.subtree_size[top] == e.top_tree);
  CHECK(r.max_depth == e.max_depth);
  CHECK(r.span[top] == e.top_span);
  PersonIndex widest = 0;
  for (PersonIndex p = 0; p < org.people.size(); ++p)
    if (r.span[p] > r.span[widest]) widest = p;
  CHECK(org.people[widest].id == e.widest);
  CHECK(r.span[widest] == e.widest_span);
  // Junior staff are command, not reports: each row's FTE lands on its post and nowhere in spans.
  double command = 0;
  for (PersonIndex p = 0; p < org.people.size(); ++p) {
    command += r.command_fte[p];
    if (org.people[p].has(kAggregate)) CHECK(r.depth[p] == -1);
  }
  CHECK(command == Approx(e.junior_fte));

  // Units come from the Unit columns, each with an owner inferred from the reporting lines.
  CHECK_FALSE(org.units.empty());
  for (const Unit& u : org.units) {
    CHECK(u.implied);
    CHECK(u.owner != kNoIndex);
  }
  CHECK_FALSE(org.name.empty());
  REQUIRE(org.as_of);
  CHECK(std::string(e.snapshot).find(org.as_of->to_string()) != std::string::npos);
}

TEST_CASE("uk organograms: a junior file needs its senior file") {
  const std::string base = std::string(ORGAUDIT_SOURCE_DIR) + "/tests/import/uk-organograms/department_for_international_development-2014-03-31";
  RealFileSystem files;
  LoadOptions options;
  options.preset = "uk-organogram";
  std::vector<Diagnostic> warnings;
  NoProgress progress;
  CHECK_THROWS_WITH(import::load_inputs(files, {base + "-junior.csv"}, options, warnings, progress),
                    Catch::Contains("none of its 111 junior rows reports to a senior post that was loaded") &&
                        Catch::Contains("2014-03-31-senior.csv"));
  // The senior file alone loads, and says what is missing.
  const Org org = import::load_inputs(files, {base + "-senior.csv"}, options, warnings, progress);
  CHECK(org.people.size() == 29);
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0].message, Catch::Contains("junior posts not loaded"));
}
