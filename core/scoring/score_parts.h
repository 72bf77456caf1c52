// The pieces the org score and the per-unit roll-up share, so both follow one definition.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "scoring/scoring.h"

namespace orgaudit::scoring {

// What failed a rule: an entity (a finding's subject, or someone its problem affects), or a place
// in an input that is no entity (a skipped row), each packed into one key.
class FailingKey {
 public:
  static std::uint64_t of(EntityRef entity) { return static_cast<std::uint64_t>(entity.kind) << 32 | entity.index; }
  static std::uint64_t located(std::uint32_t ordinal) { return static_cast<std::uint64_t>(kLocated) << 32 | ordinal; }
  // The entity a key stands for; none for a located key.
  static std::optional<EntityRef> entity(std::uint64_t key) {
    const auto kind = static_cast<std::uint32_t>(key >> 32);
    if (kind == kLocated) return std::nullopt;
    return EntityRef{kind == EntityRef::unit ? EntityRef::unit : EntityRef::person, static_cast<std::uint32_t>(key)};
  }

 private:
  static constexpr std::uint32_t kLocated = 2;
};

// For each outcome (same index as RunResult::outcomes): the heaviest severity weight per failing
// key. An entity fails a rule once however many findings name or affect it; suppressed findings
// and not-assessed notes are accepted, never failures.
using EntityWeights = std::vector<std::unordered_map<std::uint64_t, double>>;
EntityWeights failing_weights(const RunResult& run);

// Rule scores grouped into dimensions (standard ones first, in catalogue order, then the others by
// name), each scored and explained. `scope` names where the entities are, for the reasons
// ("the org", "this unit").
std::vector<DimensionScore> score_dimensions(std::vector<std::pair<std::string, RuleScore>> rules,
                                             const char* scope);

// A dimension's score, from its rules fed one at a time: the mean of the scores of the rules that
// assessed something, each over its own population, held below the healthy band by an error.
class DimensionRating {
 public:
  void add(std::size_t assessed, double failing_weight, bool any_error, bool not_assessed);
  std::optional<double> score() const;

 private:
  double sum_ = 0;
  int scored_ = 0;
  bool any_error_ = false;
};

// The overall score (mean of the assessed dimensions except Data quality) and the confidence (the
// Data quality score), from the dimensions' scores fed one at a time in report order.
class OverallRating {
 public:
  void add(bool data_quality, const std::optional<double>& score);
  void result(std::optional<double>& score, std::optional<double>& confidence) const;

 private:
  double sum_ = 0;
  int counted_ = 0;
  std::optional<double> confidence_;
};

// One dimension's score and reason, from its rules.
void score_dimension(DimensionScore& d, const char* scope);
// Its score alone (what ranking the units needs; the reason is text for a reader).
void rate_dimension(DimensionScore& d);

// The grouping score_dimensions makes, as indices: for each dimension in report order (its name in
// `names`), the positions in `rule_dimensions` of its rules. Lets the per-unit roll-up group once.
std::vector<std::vector<std::size_t>> group_by_dimension(const std::vector<std::string>& rule_dimensions,
                                                         std::vector<std::string>& names);

// The overall score (mean of assessed dimensions except Data quality) and the confidence.
void overall(const std::vector<DimensionScore>& dimensions, std::optional<double>& score,
             std::optional<double>& confidence);

// Every unit's subtree scored from the same weights, ranked; fills scores.units and unit_position.
void score_units(const Org& org, const RunResult& run, const EntityWeights& weights, Scores& scores);

}  // namespace orgaudit::scoring
