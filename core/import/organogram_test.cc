// Every published UK organogram in tests/import/uk-organograms/, senior and junior files together:
// each row loaded or skipped with a reason, the top post found, and depth and span figures that
// agree with an independent count.
//
// The expected figures are the output of tests/import/uk-organograms/independent_count.py, which
// uses Python's csv module and none of orgaudit's code: posts keyed by the
// first occurrence of their reference, `XX` as no manager, junior rows with more than 0 posts as
// nodes of round(FTE) heads under their senior post, vacant and eliminated posts left out of spans,
// a post that names itself as manager (three do, in DFID 2013-09-30) given no reporting line.
#include <catch2/catch.hpp>

#include <map>

#include "import/inputs.h"
#include "orgaudit/metrics.h"

using namespace orgaudit;

namespace {

struct Expected {
  const char* snapshot;
  std::size_t senior_rows, junior_rows;
  std::size_t repeated_posts;   // later rows of a post reference already seen (job shares)
  std::size_t empty_juniors;    // junior rows of 0 posts
  std::size_t people;           // loaded: posts and junior aggregates
  std::size_t roots;            // posts reporting to XX
  const char* top;              // the root with the largest tree
  std::size_t top_tree;         // records in it
  int max_depth;
  std::uint32_t top_span;       // heads reporting to the top post
  const char* widest;           // the post with the largest span
  std::uint32_t widest_span;
  std::size_t vacant;           // Vacant or Eliminated posts
};

const Expected kSnapshots[] = {
    {"cabinet_office-2011-03-31", 216, 763, 0, 0, 979, 1, "1", 979, 5, 11, "260", 460, 0},
    {"cabinet_office-2011-09-30", 235, 629, 1, 0, 863, 3, "1", 841, 5, 11, "260", 466, 8},
    {"department_for_international_development-2011-03-31", 80, 268, 0, 0, 348, 2, "A1", 326, 5, 5, "B41", 88, 0},
    {"department_for_international_development-2011-09-30", 78, 259, 0, 0, 337, 2, "A1", 317, 6, 4, "B41", 107, 0},
    {"department_for_international_development-2013-03-31", 77, 303, 2, 0, 378, 2, "A1", 377, 6, 5, "B41", 120, 0},
    {"department_for_international_development-2013-09-30", 89, 371, 0, 0, 460, 1, "A1", 439, 5, 5, "B41", 98, 0},
    {"department_for_international_development-2014-03-31", 29, 112, 0, 1, 140, 1, "A1", 140, 4, 4, "B41", 95, 0},
    {"department_for_international_development-2014-09-30", 92, 684, 0, 0, 776, 1, "A1", 776, 5, 11, "B89", 102, 0},
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
  for (const ImportIssue& i : org.import_issues) {
    CHECK((i.kind == ImportIssue::duplicate_id || i.kind == ImportIssue::skipped_row));
    CHECK(i.where.line > 1);
    ++skipped[org.files.at(i.where.file)];
  }
  CHECK(loaded[senior] + skipped[senior] == e.senior_rows);
  CHECK(loaded[junior] + skipped[junior] == e.junior_rows);
  CHECK(skipped[senior] == e.repeated_posts);
  CHECK(skipped[junior] == e.empty_juniors);
  CHECK(org.imported_records == e.senior_rows + e.junior_rows);
  CHECK(org.people.size() == e.people);

  std::size_t vacant = 0, aggregates = 0, roots = 0;
  for (const Person& p : org.people) {
    vacant += p.has(kVacant);
    aggregates += p.has(kAggregate);
    roots += p.manager_id.empty();
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
