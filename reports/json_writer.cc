// The JSON report: schema "orgaudit-report", version 2, documented in docs/json-output.md.
#include <algorithm>

#include "json.h"
#include "report.h"
#include "util/parallel.h"
#include "writer_support.h"

namespace orgaudit {
namespace {

void write_location(JsonWriter& w, const Org& org, const SourceLocation& where) {
  w.key("file").value(where.file < org.files.size() ? org.files[where.file] : std::string());
  w.key("line").value(where.line);
  w.key("column").value(where.column);
}

void write_optional(JsonWriter& w, const std::optional<double>& value) {
  if (value) w.value(*value);
  else w.null();
}

// Whether the team accepted the finding: an inline or config suppression, or the baseline.
void write_acceptance(JsonWriter& w, const Org& org, const Finding& f) {
  w.key("suppressed").value(f.suppression.has_value());
  w.key("suppression");
  if (f.suppression) {
    w.begin_object().key("kind").value(f.suppression->kind).key("justification").value(f.suppression->justification);
    w.key("location");
    if (f.suppression->where.known()) {
      w.begin_object();
      write_location(w, org, f.suppression->where);
      w.end_object();
    } else {
      w.null();
    }
    w.end_object();
  } else {
    w.null();
  }
  w.key("baseline_state");
  if (f.baseline == BaselineState::none) w.null();
  else w.value(f.baseline == BaselineState::unchanged ? "unchanged" : "new");
}

void write_finding(JsonWriter& w, const Org& org, const Finding& f) {
  w.begin_object();
  w.key("rule").value(f.rule_id);
  w.key("key").value(f.key);
  w.key("severity").value(to_string(f.severity));
  w.key("message").value(f.message);
  w.key("dimension").value(f.dimension);
  w.key("location").begin_object();
  write_location(w, org, f.where);
  w.end_object();
  w.key("entities").begin_array();
  for (const std::string& id : f.entity_ids) w.value(id);
  w.end_array();
  // How many people or units a grouped finding covers (a count: a line too deep can hold thousands).
  w.key("affected").value(f.affected.size());
  w.key("related").begin_array();
  for (const RelatedLocation& r : f.related) {
    w.begin_object();
    write_location(w, org, r.where);
    w.key("entity").value(r.entity_id);
    w.key("message").value(r.message);
    w.end_object();
  }
  w.end_array();
  w.key("fingerprint").value(f.fingerprint);
  w.key("not_assessed").value(f.not_assessed_note);
  write_acceptance(w, org, f);
  w.end_object();
}

// Below this many elements an array is written on one thread: a second would cost more to start
// than it saves.
constexpr std::size_t kMinElementsToSplit = 4096;

void write_findings(JsonWriter& w, const ReportInput& input, const WriteOptions& options) {
  const std::vector<Finding>& findings = input.run.findings;
  w.key("findings").begin_array();
  w.elements(findings.size(), detail::split_in_two(options.split, findings.size(), kMinElementsToSplit),
             [&](JsonWriter& part, std::size_t i) { write_finding(part, input.org, findings[i]); });
  w.end_array();
}

// Whether some rule of the dimension fails an entity (in the org, or in a unit's subtree).
bool flagged(const DimensionScore& d) {
  return std::any_of(d.rules.begin(), d.rules.end(), [](const RuleScore& r) { return r.failing > 0; });
}

// Bytes per field and indentation, measured on the samples and rounded up (see JsonWriter::reserve).
std::size_t size_guess(const ReportInput& input) {
  std::size_t bytes = 64 * 1024;
  for (const Finding& f : input.run.findings) {
    bytes += 600 + 2 * f.message.size() + 64 * f.entity_ids.size();
    for (const RelatedLocation& r : f.related) bytes += 200 + 2 * r.message.size();
  }
  for (const UnitScore& s : input.scores.units) {
    bytes += 400;
    for (const DimensionScore& d : input.scores.unit_dimensions(s, Scores::Reasons::where_flagged))
      bytes += 40 + (flagged(d) ? 300 + d.reason.size() + 220 * d.rules.size() : 0);
  }
  return bytes;
}

void write_dimension(JsonWriter& w, const DimensionScore& d) {
  w.begin_object();
  w.key("name").value(d.name);
  w.key("score");
  write_optional(w, d.score);
  w.key("reason").value(d.reason);
  w.key("rules").begin_array();
  for (const RuleScore& r : d.rules) {
    w.begin_object();
    w.key("rule").value(r.rule_id);
    w.key("assessed").value(r.assessed);
    w.key("failing").value(r.failing);
    w.key("failing_weight").value(r.failing_weight);
    w.key("not_assessed").value(r.not_assessed);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

// Every unit's subtree score, ranked lowest first (docs/scoring.md, "Per-unit scores"). A large org
// has a unit per team (132,000 at a million people): every unit carries its scores, and the
// explanation (reason, rules) only for the dimensions where its subtree has something flagged, so
// the section grows with the findings rather than with the units.
void write_unit_score(JsonWriter& w, const ReportInput& input, const UnitScore& s) {
  const Unit& unit = input.org.units[s.unit];
  w.begin_object();
  w.key("id").value(unit.id).key("name").value(unit.name);
  w.key("rank").value(s.rank).key("people").value(s.people).key("units").value(s.units);
  w.key("score");
  write_optional(w, s.score);
  w.key("data_quality");
  write_optional(w, s.confidence);
  // Assessed dimensions only: why the others are not assessed is said once, for the org.
  // Reasons only where written: for the dimensions with something flagged.
  // Refilled in place, unit after unit: each thread allocates its dimensions once, not per unit.
  thread_local std::vector<DimensionScore> dimensions;
  input.scores.unit_dimensions(s, Scores::Reasons::where_flagged, dimensions);
  w.key("dimension_scores").begin_object();
  for (const DimensionScore& d : dimensions)
    if (d.score) w.key(d.name).value(*d.score);
  w.end_object();
  w.key("flagged_dimensions").begin_array();
  for (const DimensionScore& d : dimensions)
    if (d.score && flagged(d)) write_dimension(w, d);
  w.end_array();
  w.end_object();
}

void write_unit_scores(JsonWriter& w, const ReportInput& input, const WriteOptions& options) {
  const std::vector<UnitScore>& units = input.scores.units;
  w.key("units").begin_array();
  w.elements(units.size(), detail::split_in_two(options.split, units.size(), kMinElementsToSplit),
             [&](JsonWriter& part, std::size_t i) { write_unit_score(part, input, units[i]); });
  w.end_array();
}

void write_scores(JsonWriter& w, const ReportInput& input, const WriteOptions& options) {
  w.key("scores").begin_object();
  w.key("org");
  write_optional(w, input.scores.org);
  w.key("data_quality");
  write_optional(w, input.scores.confidence);
  w.key("dimensions").begin_array();
  for (const DimensionScore& d : input.scores.dimensions) write_dimension(w, d);
  w.end_array();
  write_unit_scores(w, input, options);
  w.end_object();
}

void write_document(JsonWriter& w, const ReportInput& input, const WriteOptions& options) {
  w.begin_object();
  w.key("schema").value("orgaudit-report");
  w.key("version").value(2);  // 2: a unit explains only its flagged dimensions
  w.key("tool").begin_object().key("name").value("orgaudit").key("version").value(input.tool_version).end_object();
  w.key("org").begin_object();
  w.key("name").value(input.org.name);
  w.key("as_of");
  if (input.org.as_of) w.value(input.org.as_of->to_string());
  else w.null();
  // Individuals; aggregate rows (organogram junior staff) are counted apart, by rows and FTE.
  const Headcount& headcount = input.run.headcount;
  w.key("people").value(headcount.people);
  if (headcount.aggregate_rows) {
    w.key("aggregate_rows").value(headcount.aggregate_rows);
    w.key("aggregate_fte").value(headcount.aggregate_fte);
  }
  w.key("units").value(input.org.units.size());
  w.key("inputs").begin_array();
  for (const std::string& file : input.org.files) w.value(file);
  w.end_array();
  w.end_object();

  // Severity counts cover the findings that can fail the run; the rules' "not assessed" notes,
  // which never do (not even at --fail-on info), are counted apart.
  const FindingCounts counts = count_findings(input.run, WriteOptions{});
  w.key("summary").begin_object();
  w.key("errors").value(counts.errors()).key("warnings").value(counts.warnings()).key("infos").value(counts.infos());
  w.key("not_assessed").value(counts.not_assessed);
  w.key("suppressed").value(counts.suppressed).key("baseline_unchanged").value(counts.unchanged);
  w.key("span_bands").begin_object();
  const SpanBands bands = span_bands(input.org, input.metrics);
  for (std::size_t b = 0; b < SpanBands::kCount; ++b) w.key(SpanBands::label(b)).value(bands.managers[b]);
  w.end_object();
  w.end_object();

  write_findings(w, input, options);
  write_scores(w, input, options);
  w.end_object();
}

}  // namespace

std::string write_json(const ReportInput& input, const WriteOptions& options) {
  JsonWriter w;
  w.reserve(size_guess(input));
  write_document(w, input, options);
  return w.take();
}

void stream_json(const ReportInput& input, const WriteOptions& options, std::ostream& out) {
  JsonWriter w(out);
  write_document(w, input, options);
  w.flush();
}

}  // namespace orgaudit
