// Dimension scores and the org score, as the rule catalogue defines them.
//
// A rule's failing weight is the sum, over the distinct entities it flagged, of the heaviest
// severity on each entity (error 1, warning 0.5, info 0). A dimension scores
// 100 x (1 - failing weight / assessed entities) over its assessed rules; the org score is the
// mean of the assessed dimensions other than Data quality, which is reported as the confidence of
// the score instead of being averaged in (bad data must not inflate or drag the other scores).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/engine.h"

namespace orgaudit {

struct RuleScore {
  std::string rule_id;
  std::size_t assessed = 0;
  std::size_t failing = 0;        // distinct entities with a warning or error
  double failing_weight = 0.0;    // severity-weighted
  bool not_assessed = false;
};

struct DimensionScore {
  std::string name;
  std::optional<double> score;  // empty: not assessed (no rule of it had the data, or none ran)
  std::vector<RuleScore> rules;
  std::string reason;  // one sentence a consultant can read aloud
};

struct Scores {
  std::optional<double> org;         // empty when no dimension was assessed
  std::optional<double> confidence;  // the Data quality score
  std::vector<DimensionScore> dimensions;  // in catalogue order, then any others by name
};

double severity_weight(Severity severity);
Scores compute_scores(const RunResult& run);

// The dimension every score report lists, in this order, whether or not a rule of it ran.
const std::vector<std::string>& standard_dimensions();
inline const char* kDataQuality = "Data quality";

}  // namespace orgaudit

namespace orgaudit {

// Managers counted by span band (Orgvue's bands), for the summary: 1, 2-3, 4-7, 8-12, 13-16, 17+.
struct SpanBands {
  static constexpr std::size_t kCount = 6;
  static const char* label(std::size_t band);
  std::size_t managers[kCount] = {};
};

SpanBands span_bands(const Org& org, const OrgMetrics& metrics);

}  // namespace orgaudit
