#include "workflow/snapshot_diff.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "loader/yaml_loader.h"
#include "util/progress.h"

using namespace orgaudit;

namespace {

struct Side {
  Org org;
  OrgMetrics metrics;
  RunResult run;
  Scores scores;
  Snapshot snapshot() const { return Snapshot{org, metrics, run, scores}; }
};

Side load(const std::string& name) {
  const std::string path = ORGAUDIT_SOURCE_DIR "/tests/workflow/diff/" + name;
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  MemoryFileSystem files;
  files.add(name, text.str());
  Side side;
  std::vector<Diagnostic> warnings;
  NoProgress progress;
  load_yaml_org(files, name, side.org, warnings, progress);
  side.org.resolve();
  side.metrics = OrgMetrics::compute(side.org);
  return side;
}

Finding finding(const std::string& rule, const std::string& entity) {
  Finding f;
  f.rule_id = rule;
  f.entity_ids = {entity};
  f.fingerprint = fingerprint(rule, f.key, f.entity_ids);
  return f;
}

std::set<std::string> ids(const Org& org) {
  std::set<std::string> out;
  for (const Person& p : org.people) out.insert(p.id.str());
  return out;
}

}  // namespace

TEST_CASE("diff of a hand-made pair lists every kind of change", "[workflow]") {
  Side before = load("before.yaml"), after = load("after.yaml");
  before.run.findings = {finding("span", "P3"), finding("span", "P2")};
  after.run.findings = {finding("span", "P2"), finding("span", "P4"), finding("depth", "P6")};
  after.run.findings[2].suppression = FindingSuppression{"inline", "accepted", {}};
  before.scores.org = 80;
  before.scores.dimensions = {DimensionScore{"Flatness", 90.0, {}, ""}};
  after.scores.org = 70;
  after.scores.dimensions = {DimensionScore{"Flatness", 85.0, {}, ""}, DimensionScore{"Span health", 60.0, {}, ""}};
  const SnapshotDiff d = diff_snapshots(before.snapshot(), after.snapshot());

  // A separate count of added and removed people, from the two id sets.
  std::size_t added = 0, removed = 0;
  for (const std::string& id : ids(after.org)) added += ids(before.org).count(id) ? 0 : 1;
  for (const std::string& id : ids(before.org)) removed += ids(after.org).count(id) ? 0 : 1;
  CHECK(d.people_added.size() == added);
  CHECK(d.people_removed.size() == removed);

  REQUIRE(d.people_added.size() == 1);
  CHECK(d.people_added[0].id == "P7");
  CHECK(d.people_added[0].name == "Gus New");
  REQUIRE(d.people_removed.size() == 1);
  CHECK(d.people_removed[0].id == "P5");
  REQUIRE(d.moved.size() == 2);
  CHECK(d.moved[0].id == "P4");
  CHECK(d.moved[0].old_manager == "P2");
  CHECK(d.moved[0].new_manager == "P3");
  CHECK(d.moved[1].id == "P6");
  CHECK(d.moved[1].old_unit == "U2");
  CHECK(d.moved[1].new_unit == "U3");
  REQUIRE(d.regraded.size() == 1);
  CHECK(d.regraded[0].id == "P3");
  CHECK(d.regraded[0].before == "G7");
  CHECK(d.regraded[0].after == "G6");
  REQUIRE(d.spans.size() == 2);
  CHECK((d.spans[0].id == "P2" && d.spans[0].before == "2" && d.spans[0].after == "1"));
  CHECK((d.spans[1].id == "P4" && d.spans[1].before == "0" && d.spans[1].after == "1"));
  REQUIRE(d.layers.size() == 1);
  CHECK((d.layers[0].id == "P6" && d.layers[0].before == "2" && d.layers[0].after == "3"));
  CHECK(d.old_layers == 2);
  CHECK(d.new_layers == 3);
  REQUIRE(d.units_added.size() == 1);
  CHECK(d.units_added[0].id == "U3");
  REQUIRE(d.units_removed.size() == 1);
  CHECK(d.units_removed[0].id == "U2");
  REQUIRE(d.introduced.size() == 1);  // the suppressed depth finding is left out
  CHECK(d.introduced[0].entities == std::vector<std::string>{"P4"});
  REQUIRE(d.resolved.size() == 1);
  CHECK(d.resolved[0].entities == std::vector<std::string>{"P3"});
  REQUIRE(d.scores.size() == 3);
  CHECK((d.scores[0].dimension == "Org" && *d.scores[0].before == 80 && *d.scores[0].after == 70));
  CHECK((d.scores[2].dimension == "Span health" && !d.scores[2].before && *d.scores[2].after == 60));

  const std::string text = write_diff_text(d, 25);
  CHECK_THAT(text, Catch::Contains("People added (1):\n  + P7 Gus New\n"));
  CHECK_THAT(text, Catch::Contains("  ~ P6 Fi Staff: manager P3 -> P4; unit U2 -> U3\n"));
  CHECK_THAT(text, Catch::Contains("  Org: 80 -> 70 (-10)\n  Flatness: 90 -> 85 (-5)\n  Span health: n/a -> 60\n"));
  CHECK_THAT(text, Catch::Contains("1 added, 1 removed, 2 moved, 1 re-graded; 2 spans and 1 layers changed; "
                                   "1 findings introduced, 1 resolved; org score 80 -> 70."));
  CHECK_THAT(write_diff_text(d, 1), Catch::Contains("Moved (2):\n  ~ P4 Di Staff: manager P2 -> P3\n  ... and 1 more"));
  const std::string markdown = write_diff_markdown(d, 25);
  CHECK_THAT(markdown, Catch::Contains("| People | 6 | 6 | 0 |\n| Units | 2 | 2 | 0 |\n| Deepest layer | 2 | 3 | +1 |\n"));
  CHECK_THAT(markdown, Catch::Contains("### Re-graded (1)\n\n| | entry | change |\n|---|---|---|\n| ~ | P3 Cy Lead | grade G7 -> G6 |\n"));
  const std::string json = write_diff_json(d, "0.1.0");
  CHECK_THAT(json, Catch::Contains("\"schema\": \"orgaudit-diff\"") && Catch::Contains("\"manager_before\": \"P2\""));
}

TEST_CASE("two different organisations are told apart by shared ids and names", "[workflow]") {
  const Side before = load("before.yaml"), after = load("after.yaml"), other = load("other-org.yaml");
  const Relatedness same = relatedness(before.org, after.org);
  CHECK(same.related);
  CHECK(same.shared_ids == 6);  // P1 P2 P3 P4 P6 and U1
  CHECK(same.smaller == 8);
  const Relatedness unrelated = relatedness(before.org, other.org);
  CHECK_FALSE(unrelated.related);
  CHECK(unrelated.names_differ);
  CHECK_THAT(unrelated.explanation, Catch::Contains("share 0 of 2 ids") && Catch::Contains("'Pair Co' and 'Other Ltd'") &&
                                        Catch::Contains("--allow-unrelated"));
  // A renamed org that kept its ids is still the same org.
  Side renamed = load("after.yaml");
  renamed.org.name = "Pair Company Ltd";
  CHECK(relatedness(before.org, renamed.org).related);
}

TEST_CASE("diff keys junior staff by senior post, grade and profession, case-only unit renames are renames",
          "[workflow]") {
  Side before = load("juniors-before.yaml"), after = load("juniors-after.yaml");
  Finding warning = finding("span", "S2"), error = finding("cycle", "S3"), info = finding("note", "S1");
  warning.severity = Severity::warning;
  error.severity = Severity::error;
  info.severity = Severity::info;
  after.run.findings = {info, warning, error};
  const SnapshotDiff d = diff_snapshots(before.snapshot(), after.snapshot());

  // Relabelled junior rows are neither people added nor removed, nor moved by the unit's new case.
  CHECK(d.people_added.empty());
  CHECK(d.people_removed.empty());
  CHECK(d.moved.empty());
  CHECK(d.old_people == 3);
  CHECK(d.old_junior_fte == 9);
  CHECK(d.new_junior_fte == 8);
  REQUIRE(d.juniors.size() == 2);  // S2's EO Policy staff: 3 FTE both times, respelled: no change
  CHECK((d.juniors[0].senior == "S2" && d.juniors[0].grade == "C1" && d.juniors[0].profession == "Finance"));
  CHECK((d.juniors[0].before == 2 && d.juniors[0].after == 5));
  CHECK((d.juniors[1].senior == "S3" && d.juniors[1].senior_name == "Other" && d.juniors[1].before == 4 &&
         d.juniors[1].after == 0));

  CHECK(d.units_added.empty());
  CHECK(d.units_removed.empty());
  REQUIRE(d.units_renamed.size() == 1);
  CHECK((d.units_renamed[0].before == "Finance" && d.units_renamed[0].after == "FINANCE"));

  // New errors first, then warnings, then info.
  REQUIRE(d.introduced.size() == 3);
  CHECK(d.introduced[0].rule == "cycle");
  CHECK(d.introduced[1].rule == "span");
  CHECK(d.introduced[2].rule == "note");

  const std::string text = write_diff_text(d, 25);
  CHECK_THAT(text, Catch::Contains("(3 senior posts and 9 junior FTE, 1 unit)"));
  CHECK_THAT(text, Catch::Contains("Junior staff changed (2):\n  ~ S2 Lead: C1, Finance: 2 -> 5 FTE\n"
                                   "  - S3 Other: B1, Policy: 4 -> 0 FTE\n"));
  CHECK_THAT(text, Catch::Contains("Units renamed (1):\n  ~ FINANCE: id Finance -> FINANCE\n"));
  CHECK_THAT(text, Catch::Contains("junior FTE 9 -> 8 (2 groups changed)"));
  CHECK_THAT(write_diff_json(d, "0.1.0"), Catch::Contains("\"juniors_changed\": [") && Catch::Contains("\"fte_after\": 5"));
}
