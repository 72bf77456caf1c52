#include "scoring/scoring.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_map>

namespace orgaudit {
namespace {

std::string format_score(double score) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.0f", score);
  return buffer;
}

std::string explain(const DimensionScore& d) {
  if (d.rules.empty()) return "no rule of this dimension ran";
  if (!d.score) {
    std::string missing;
    for (const RuleScore& r : d.rules) missing += (missing.empty() ? "" : ", ") + r.rule_id;
    return "not assessed: " + missing + " lacked the data they need";
  }
  std::size_t assessed = 0, failing = 0;
  std::string worst;
  double worst_weight = -1;
  for (const RuleScore& r : d.rules) {
    if (r.not_assessed) continue;
    assessed += r.assessed;
    failing += r.failing;
    if (r.failing_weight > worst_weight) worst_weight = r.failing_weight, worst = r.rule_id;
  }
  std::string text = format_score(*d.score) + "/100: " + std::to_string(failing) + " of " +
                     std::to_string(assessed) + " assessed entities flagged";
  if (failing > 0) text += ", most by " + worst;
  return text;
}

}  // namespace

const std::vector<std::string>& standard_dimensions() {
  static const std::vector<std::string> kDimensions{
      "Flatness", "Span health", "Autonomy", "User value", "Openness", "Ecosystem", kDataQuality};
  return kDimensions;
}

double severity_weight(Severity severity) {
  switch (severity) {
    case Severity::error: return 1.0;
    case Severity::warning: return 0.5;
    case Severity::info: break;
  }
  return 0.0;
}

Scores compute_scores(const RunResult& run) {
  // Heaviest severity per (rule, primary entity): an entity fails a rule once however many
  // findings it has.
  std::map<std::string, std::unordered_map<std::string, double>> weights;
  for (const Finding& f : run.findings) {
    if (f.entity_ids.empty() || f.not_assessed_note || f.suppression) continue;  // accepted: not a failure
    double& w = weights[f.rule_id][f.entity_ids.front()];
    w = std::max(w, severity_weight(f.severity));
  }

  std::map<std::string, DimensionScore> by_name;
  for (const RuleOutcome& outcome : run.outcomes) {
    if (outcome.crashed) continue;
    RuleScore r;
    r.rule_id = outcome.rule_id;
    r.assessed = outcome.assessed;
    r.not_assessed = outcome.not_assessed;
    for (const auto& [entity, w] : weights[outcome.rule_id]) {
      if (w > 0) ++r.failing;
      r.failing_weight += w;
    }
    DimensionScore& d = by_name[outcome.dimension];
    d.name = outcome.dimension;
    d.rules.push_back(r);
  }

  Scores scores;
  auto take = [&](const std::string& name) {
    DimensionScore d = by_name.count(name) ? by_name[name] : DimensionScore{name, {}, {}, {}};
    std::size_t assessed = 0;
    double failing = 0;
    for (const RuleScore& r : d.rules)
      if (!r.not_assessed) assessed += r.assessed, failing += r.failing_weight;
    if (assessed > 0) d.score = std::clamp(100.0 * (1.0 - failing / assessed), 0.0, 100.0);
    d.reason = explain(d);
    scores.dimensions.push_back(std::move(d));
    by_name.erase(name);
  };
  for (const std::string& name : standard_dimensions()) take(name);
  while (!by_name.empty()) take(by_name.begin()->first);  // dimensions a third-party pack added

  double sum = 0;
  int counted = 0;
  for (const DimensionScore& d : scores.dimensions) {
    if (d.name == kDataQuality) {
      scores.confidence = d.score;
    } else if (d.score) {
      sum += *d.score;
      ++counted;
    }
  }
  if (counted > 0) scores.org = sum / counted;
  return scores;
}

}  // namespace orgaudit

namespace orgaudit {

const char* SpanBands::label(std::size_t band) {
  static const char* kLabels[kCount] = {"1", "2-3", "4-7", "8-12", "13-16", "17+"};
  return kLabels[band];
}

SpanBands span_bands(const Org& org, const OrgMetrics& metrics) {
  SpanBands bands;
  const ReportingMetrics& r = metrics.reporting;
  for (PersonIndex p = 0; p < org.people.size(); ++p) {
    if (r.direct_reports[p] == 0) continue;
    const std::uint32_t span = r.span[p];
    const std::size_t band = span <= 1 ? 0 : span <= 3 ? 1 : span <= 7 ? 2 : span <= 12 ? 3 : span <= 16 ? 4 : 5;
    ++bands.managers[band];
  }
  return bands;
}

}  // namespace orgaudit
