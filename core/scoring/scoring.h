// Dimension scores, the org score and per-unit scores, as the rule catalogue defines them
// (docs/scoring.md has the exact definitions and a worked example).
//
// A rule's failing weight is the sum, over the distinct entities it flagged, of the heaviest
// severity on each entity (error 1, warning 0.5, info 0). A rule scores
// 100 x (1 - failing weight / its assessed entities); a dimension is the mean of its assessed rules'
// scores (each over its own population, never one pooled ratio); the org score is the
// mean of the assessed dimensions other than Data quality, which is reported as the confidence of
// the score instead of being averaged in (bad data must not inflate or drag the other scores).
//
// Per-unit scores (reports, maps): `compute_scores(run, org)` also fills `Scores::units`, every
// unit's subtree scored the same way and ranked lowest score first:
//
//   for (const UnitScore& u : scores.units)           // rank order: worst first, unassessed last
//     show(org.units[u.unit].name, u.score, u.rank, scores.unit_dimensions(u));
//   if (const UnitScore* s = scores.unit(index)) ...  // one unit's score, by its index in Org::units
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.h"

namespace orgaudit {

struct RuleScore {
  // The rule's id, a view of its RuleOutcome's: scores are read beside the run they score, and a
  // million-person org's 132,000 units would otherwise copy every id into every unit.
  std::string_view rule_id;
  std::size_t assessed = 0;
  std::size_t failing = 0;        // distinct entities with a warning or error
  double failing_weight = 0.0;    // severity-weighted
  bool any_error = false;         // an error among the failures: keeps the dimension out of healthy
  bool not_assessed = false;      // the rule lacked its data (in a unit: everywhere, as in the org)
};

struct DimensionScore {
  std::string name;
  std::optional<double> score;  // empty: not assessed (no rule of it had the data, or none ran)
  std::vector<RuleScore> rules;
  std::string reason;  // one sentence a consultant can read aloud
};

// One unit's subtree: the unit, its descendant units, and the people whose unit is one of those.
struct UnitScore {
  UnitIndex unit = kNoIndex;         // index into Org::units
  std::size_t rank = 0;              // 1 = lowest score; units without a score rank after all others
  std::size_t people = 0;            // headcount of the subtree
  std::size_t units = 0;             // units in the subtree, the unit itself included
  std::optional<double> score;       // as Scores::org, over the subtree only
  std::optional<double> confidence;  // the subtree's Data quality
};

// What one rule assessed and flagged in one unit's subtree: the numbers a unit's dimensions are
// scored and explained from. Sixteen bytes, because a million-person org has 132,000 units times
// every rule of the run.
struct UnitRuleTally {
  double failing_weight;
  std::uint32_t failing : 31;
  std::uint32_t any_error : 1;
  std::uint32_t assessed;  // 0 where the rule lacked its data
};

// The per-unit roll-up behind Scores::units, kept as numbers: a unit's dimensions, with their
// rules and reasons, are built when a writer asks for them (Scores::unit_dimensions), one unit at
// a time, instead of being held as text for every unit.
struct UnitBreakdown {
  struct Rule {
    std::string_view id;  // a view of its RuleOutcome's, as RuleScore::rule_id
    bool not_assessed = false;
  };
  std::vector<Rule> rules;                         // the scored rules (crashed ones are not)
  std::vector<std::string> dimension_names;        // in the order of Scores::dimensions
  std::vector<std::vector<std::size_t>> groups;    // per dimension, its rules' positions in `rules`
  std::vector<UnitRuleTally> tallies;              // unit index * rules.size() + rule position
};

struct Scores {
  std::optional<double> org;         // empty when no dimension was assessed
  // The share of the org's individuals whose reporting line reaches the top; the org score is the
  // dimensions' mean times this, so cutting people off by a broken line never raises it.
  double traced_share = 1.0;
  std::optional<double> confidence;  // the Data quality score
  std::vector<DimensionScore> dimensions;  // in catalogue order, then any others by name
  // Every unit, in rank order (units[0] has the lowest score). Empty unless computed with the org.
  std::vector<UnitScore> units;
  // Position in `units` of each unit, by unit index (kNoIndex when not scored).
  std::vector<std::uint32_t> unit_position;
  UnitBreakdown unit_breakdown;

  // The dimensions assessed in the unit's subtree, in the order of `dimensions`, each with its
  // reason; `rules` lists only the rules that assessed or flagged something in this subtree. Why a
  // dimension is not assessed is said once, in `dimensions`. Built on each call; the reasons are
  // text for 132,000 units of a large org, so a writer asks only for those it writes.
  enum class Reasons { all, where_flagged, none };
  std::vector<DimensionScore> unit_dimensions(const UnitScore& unit, Reasons reasons = Reasons::all) const;
  // The same, refilling `out` in place: a writer going through every unit allocates them once.
  void unit_dimensions(const UnitScore& unit, Reasons reasons, std::vector<DimensionScore>& out) const;

  // The score of unit `u` (an index into Org::units), or nullptr when units were not scored.
  const UnitScore* unit(UnitIndex u) const {
    return u < unit_position.size() && unit_position[u] != kNoIndex ? &units[unit_position[u]] : nullptr;
  }
};

double severity_weight(Severity severity);
// The org and its dimensions only.
Scores compute_scores(const RunResult& run);
// The org, its dimensions, and every unit's subtree, ranked.
Scores compute_scores(const RunResult& run, const Org& org);

// The highest a dimension with an error among its failures can score: just below the healthy band
// (90 and up), so one error is never hidden by a large healthy population.
inline constexpr double kErrorCeiling = 89.0;

// The dimension every score report lists, in this order, whether or not a rule of it ran.
const std::vector<std::string>& standard_dimensions();
inline const char* kDataQuality = "Data quality";

// "98" for 97.6, "not assessed" for no score: one rounding rule for every writer.
std::string format_score(const std::optional<double>& score);

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
