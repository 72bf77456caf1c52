#include "scoring/scoring.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "scoring/score_parts.h"

namespace orgaudit {
namespace {

std::string rule_list(const DimensionScore& d) {
  std::string names;
  for (const RuleScore& r : d.rules) {
    if (!names.empty()) names += ", ";
    names += r.rule_id;
  }
  return names;
}

std::string explain(const DimensionScore& d, const char* scope) {
  if (d.rules.empty()) return "no rule of this dimension ran";
  if (!d.score) {
    const bool lacked_data = std::all_of(d.rules.begin(), d.rules.end(), [](const RuleScore& r) { return r.not_assessed; });
    if (lacked_data) return "not assessed: " + rule_list(d) + " lacked the data they need";
    // The rules ran, but none of what they look at (say, managers) is in scope.
    return std::string("not assessed: nothing in ") + scope + " for " + rule_list(d) + " to assess";
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
  std::string text = format_score(d.score) + "/100: " + std::to_string(failing) + " of " +
                     std::to_string(assessed) + " assessed entities flagged";
  if (failing > 0) text += ", most by " + worst;
  return text;
}

}  // namespace

std::string format_score(const std::optional<double>& score) {
  if (!score) return "not assessed";
  // As printf's "%.0f": to the nearest whole number, halves to even (the default rounding mode).
  return std::to_string(static_cast<long long>(std::nearbyint(*score)));
}

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

namespace scoring {

EntityWeights failing_weights(const RunResult& run) {
  std::unordered_map<std::string, std::size_t> outcome_of;
  for (std::size_t i = 0; i < run.outcomes.size(); ++i) outcome_of.emplace(run.outcomes[i].rule_id, i);
  EntityWeights weights(run.outcomes.size());
  std::vector<std::uint32_t> located(run.outcomes.size(), 0);
  for (const Finding& f : run.findings) {
    if (f.not_assessed_note || f.suppression) continue;  // accepted: not a failure
    const auto outcome = outcome_of.find(f.rule_id);
    if (outcome == outcome_of.end()) continue;
    std::unordered_map<std::uint64_t, double>& rule = weights[outcome->second];
    auto fail = [&rule](std::uint64_t key, Severity severity) {
      double& w = rule[key];
      w = std::max(w, severity_weight(severity));
    };
    // A grouped finding fails the entities it affects (the people below a line too deep, not their
    // manager at the last allowed layer); any other fails its subject, and one at a place with no
    // entity (a row that could not be loaded) fails on its own.
    if (!f.affected.empty())
      for (const AffectedEntity& a : f.affected) fail(FailingKey::of(a.entity), a.severity);
    else
      fail(f.subject() ? FailingKey::of(*f.subject()) : FailingKey::located(located[outcome->second]++), f.severity);
  }
  return weights;
}

void DimensionRating::add(std::size_t assessed, double failing_weight, bool any_error, bool not_assessed) {
  // The mean of the rules' scores, each over its own population: pooling the populations would let a
  // rule over many people (grade inversion) drown a rule over a few managers (span of control).
  if (not_assessed || assessed == 0) return;
  sum_ += std::clamp(100.0 * (1.0 - failing_weight / static_cast<double>(assessed)), 0.0, 100.0);
  ++scored_;
  any_error_ = any_error_ || any_error;
}

std::optional<double> DimensionRating::score() const {
  if (scored_ == 0) return std::nullopt;
  return any_error_ ? std::min(sum_ / scored_, kErrorCeiling) : sum_ / scored_;
}

void OverallRating::add(bool data_quality, const std::optional<double>& score) {
  if (data_quality) {
    confidence_ = score;
  } else if (score) {
    sum_ += *score;
    ++counted_;
  }
}

void OverallRating::result(std::optional<double>& score, std::optional<double>& confidence) const {
  score = counted_ > 0 ? std::optional<double>(sum_ / counted_) : std::nullopt;
  confidence = confidence_;
}

void rate_dimension(DimensionScore& d) {
  DimensionRating rating;
  for (const RuleScore& r : d.rules) rating.add(r.assessed, r.failing_weight, r.any_error, r.not_assessed);
  d.score = rating.score();
}

void score_dimension(DimensionScore& d, const char* scope) {
  rate_dimension(d);
  d.reason = explain(d, scope);
}

std::vector<std::vector<std::size_t>> group_by_dimension(const std::vector<std::string>& rule_dimensions,
                                                         std::vector<std::string>& names) {
  std::map<std::string, std::vector<std::size_t>> by_name;
  for (std::size_t r = 0; r < rule_dimensions.size(); ++r) by_name[rule_dimensions[r]].push_back(r);
  std::vector<std::vector<std::size_t>> groups;
  names.clear();
  auto take = [&](const std::string& name) {
    auto found = by_name.find(name);
    names.push_back(name);
    groups.push_back(found != by_name.end() ? std::move(found->second) : std::vector<std::size_t>{});
    if (found != by_name.end()) by_name.erase(found);
  };
  for (const std::string& name : standard_dimensions()) take(name);
  while (!by_name.empty()) take(by_name.begin()->first);
  return groups;
}

std::vector<DimensionScore> score_dimensions(std::vector<std::pair<std::string, RuleScore>> rules,
                                             const char* scope) {
  std::vector<std::string> rule_dimensions;
  for (const auto& [dimension, rule] : rules) rule_dimensions.push_back(dimension);
  std::vector<std::string> names;
  const std::vector<std::vector<std::size_t>> groups = group_by_dimension(rule_dimensions, names);
  std::vector<DimensionScore> dimensions(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    dimensions[g].name = names[g];
    for (std::size_t r : groups[g]) dimensions[g].rules.push_back(std::move(rules[r].second));
    score_dimension(dimensions[g], scope);
  }
  return dimensions;
}

void overall(const std::vector<DimensionScore>& dimensions, std::optional<double>& score,
             std::optional<double>& confidence) {
  OverallRating rating;
  for (const DimensionScore& d : dimensions) rating.add(d.name == kDataQuality, d.score);
  rating.result(score, confidence);
}

}  // namespace scoring

namespace {

Scores org_scores(const RunResult& run, const scoring::EntityWeights& weights) {
  std::vector<std::pair<std::string, RuleScore>> rules;
  for (std::size_t i = 0; i < run.outcomes.size(); ++i) {
    const RuleOutcome& outcome = run.outcomes[i];
    if (outcome.crashed) continue;
    RuleScore r;
    r.rule_id = outcome.rule_id;
    r.assessed = outcome.assessed;
    r.not_assessed = outcome.not_assessed;
    for (const auto& [entity, w] : weights[i]) {
      if (w > 0) ++r.failing;
      r.failing_weight += w;
      r.any_error = r.any_error || w >= severity_weight(Severity::error);
    }
    rules.emplace_back(outcome.dimension, std::move(r));
  }
  Scores scores;
  scores.dimensions = scoring::score_dimensions(std::move(rules), "the org");
  scoring::overall(scores.dimensions, scores.org, scores.confidence);
  if (const std::size_t individuals = run.headcount.people; individuals > 0 && run.cut_off > 0) {
    scores.traced_share = static_cast<double>(individuals - std::min(run.cut_off, individuals)) /
                          static_cast<double>(individuals);
    if (scores.org) *scores.org *= scores.traced_share;
  }
  return scores;
}

}  // namespace

Scores compute_scores(const RunResult& run) { return org_scores(run, scoring::failing_weights(run)); }

Scores compute_scores(const RunResult& run, const Org& org) {
  const scoring::EntityWeights weights = scoring::failing_weights(run);
  Scores scores = org_scores(run, weights);
  scoring::score_units(org, run, weights, scores);
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
