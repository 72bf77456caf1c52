// `orgaudit diff OLD NEW`: what changed between two snapshots of one organisation. People and units
// are matched by id (the one identity HR exports keep from one snapshot to the next), findings by
// fingerprint.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "orgaudit/metrics.h"
#include "orgaudit/model.h"
#include "scoring/scoring.h"

namespace orgaudit {

struct Snapshot {
  const Org& org;
  const OrgMetrics& metrics;
  const RunResult& run;
  const Scores& scores;
};

// Whether two snapshots are of the same organisation (docs/config.md, "Snapshot diffs"): they share
// at least 10% of the ids of the smaller one, or 50% when both name the org and the names differ.
// Renames happen (so a name alone does not decide) and ids survive most reorganisations; two
// unrelated orgs share almost none (the DFID and Cabinet Office organograms share none).
struct Relatedness {
  std::size_t shared_ids = 0;
  std::size_t smaller = 0;  // ids in the smaller snapshot
  bool names_differ = false;
  bool related = true;
  std::string explanation;  // for the exit-2 message
};
Relatedness relatedness(const Org& old_org, const Org& new_org);

struct SnapshotDiff {
  struct Entity {
    std::string id;
    std::string name;
  };
  struct Change {  // one field of one person: manager, unit, grade, span or layer
    std::string id;
    std::string name;
    std::string before;
    std::string after;
  };
  struct Move {
    std::string id;
    std::string name;
    std::string old_manager, new_manager, old_unit, new_unit;
  };
  struct FindingChange {
    std::string rule, severity, message, fingerprint;
    std::vector<std::string> entities;
  };
  // The junior staff of one senior post, grade and profession (UK organogram junior rows): the FTE
  // summed over that group's rows, whose titles relabel freely between snapshots.
  struct JuniorChange {
    std::string senior, senior_name, grade, profession;
    double before = 0, after = 0;
  };
  struct ScoreChange {
    std::string dimension;  // "Org" for the org score, then each dimension, Data quality included
    std::optional<double> before, after;
  };

  std::string old_name, new_name, old_as_of, new_as_of;
  std::size_t old_people = 0, new_people = 0, old_units = 0, new_units = 0;  // individuals, not aggregate rows
  std::string old_headcount, new_headcount;  // headcount_text: "216 senior posts and 1,683 junior FTE"
  std::int32_t old_layers = 0, new_layers = 0;  // the deepest layer below the root
  std::vector<Entity> people_added, people_removed, units_added, units_removed;
  std::vector<Move> moved;         // new manager or new unit
  std::vector<Change> regraded;
  std::vector<Change> spans;       // managers whose span of control changed
  std::vector<Change> layers;      // people now at another depth below the root
  std::vector<JuniorChange> juniors;  // junior groups whose FTE changed (appeared or went: 0)
  double old_junior_fte = 0, new_junior_fte = 0;
  std::vector<Change> units_renamed;  // the same unit id but for letter case: before and after ids
  // Suppressed findings left out on both sides; errors first, then warnings, then info.
  std::vector<FindingChange> introduced, resolved;
  std::vector<ScoreChange> scores;
};

SnapshotDiff diff_snapshots(const Snapshot& old_snapshot, const Snapshot& new_snapshot);

// Renderers. `limit` caps each list in text and Markdown (0: no cap); JSON always lists everything.
std::string write_diff_text(const SnapshotDiff& diff, std::size_t limit);
std::string write_diff_markdown(const SnapshotDiff& diff, std::size_t limit);
std::string write_diff_json(const SnapshotDiff& diff, const std::string& tool_version);
// The text without its "Comparing ... with ..." header, and the JSON document's fields from "old"
// on into an open object: `orgaudit whatif` reports its before and after in the same words.
std::string write_diff_sections_text(const SnapshotDiff& diff, std::size_t limit);
// Text made inert in a Markdown table cell: markup and HTML characters escaped, no line breaks.
std::string markdown_cell(const std::string& text);
std::string write_diff_sections_markdown(const SnapshotDiff& diff, std::size_t limit);  // without its "## orgaudit diff" heading
class JsonWriter;
void write_diff_json_fields(JsonWriter& writer, const SnapshotDiff& diff);

}  // namespace orgaudit
