// Per-unit scores: every unit's subtree scored the way the org is (docs/scoring.md, "Per-unit
// scores"). Rules name the entities they assess, so a subtree's denominator is the assessed people
// and units in it; only populations that are no entity (the rows of an HR export) are apportioned,
// by the subtree's share of the people. The numerator (failing entities and their weight) is exact.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "model/unit_roll_up.h"
#include "util/parallel.h"
#include "scoring/score_parts.h"

namespace orgaudit::scoring {
namespace {

UnitRuleTally& operator+=(UnitRuleTally& to, const UnitRuleTally& from) {
  to.failing_weight += from.failing_weight;
  to.failing += from.failing;
  to.any_error |= from.any_error;
  to.assessed += from.assessed;
  return to;
}

// The unit an entity counts in: a person's own unit, or the unit itself.
UnitIndex home_of(const Org& org, EntityRef entity) {
  if (entity.kind == EntityRef::unit) return entity.index < org.units.size() ? entity.index : kNoIndex;
  return entity.index < org.people.size() ? org.people[entity.index].unit : kNoIndex;
}

// Unit u's assessed dimensions, each with the rules that have a part in its subtree, not yet
// scored: a rule that assessed nothing here (an HR-import check, a rule short of data) would repeat
// in every unit, and adds nothing to the score or the reason of an assessed dimension. The entries
// of `out` are refilled in place, so a caller going through many units can reuse one list.
void collect_dimensions(const UnitBreakdown& b, UnitIndex u, std::vector<DimensionScore>& out) {
  std::size_t used = 0;
  const UnitRuleTally* tally = b.tallies.data() + u * b.rules.size();
  for (std::size_t g = 0; g < b.groups.size(); ++g) {
    const std::vector<std::size_t>& group = b.groups[g];
    // A dimension is assessed in a subtree when one of its rules assessed something there.
    if (std::none_of(group.begin(), group.end(), [&](std::size_t r) { return tally[r].assessed > 0; })) continue;
    if (used == out.size()) out.emplace_back();
    DimensionScore& d = out[used++];
    d.name = b.dimension_names[g];
    d.score.reset();
    d.reason.clear();
    d.rules.clear();
    d.rules.reserve(group.size());
    for (std::size_t r : group) {
      const UnitRuleTally& t = tally[r];
      if (t.assessed == 0 && t.failing == 0) continue;
      RuleScore& s = d.rules.emplace_back();
      s.rule_id = b.rules[r].id;
      s.not_assessed = b.rules[r].not_assessed;
      s.assessed = t.assessed;
      s.failing = t.failing;
      s.failing_weight = t.failing_weight;
      s.any_error = t.any_error;
    }
  }
  out.resize(used);
}

// The first eight bytes of an id as one number that orders as the bytes do (shorter ids padded
// with zeros), so most ties in rank are broken without reading the ids themselves.
std::uint64_t id_prefix(const std::string& id) {
  std::uint64_t prefix = 0;
  for (std::size_t i = 0; i < 8; ++i)
    prefix = prefix << 8 | (i < id.size() ? static_cast<unsigned char>(id[i]) : 0u);
  return prefix;
}

// Lowest score first; among equals the bigger unit (more people affected), then by id. The sort
// orders compact keys, each holding all of its unit's score, which are then written back in order:
// sorting the scores themselves moved the bytes many times over and read every tied unit's id from
// the far-away unit list, and moving each score to its place followed one cache miss to the next.
void rank(const Org& org, Scores& scores) {
  struct Key {  // 48 bytes
    double score;
    std::uint64_t id_prefix;
    double confidence;
    std::uint32_t people;  // a subtree's people and units are some of the org's, counted by 32-bit indices
    std::uint32_t units;
    UnitIndex unit;
    bool unscored;
    bool no_confidence;
  };
  std::vector<Key> keys(scores.units.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const UnitScore& u = scores.units[i];
    keys[i] = {u.score.value_or(0.0), id_prefix(org.units[u.unit].id), u.confidence.value_or(0.0),
               static_cast<std::uint32_t>(u.people), static_cast<std::uint32_t>(u.units), u.unit,
               !u.score.has_value(), !u.confidence.has_value()};
  }
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.unscored != b.unscored) return b.unscored;
    if (a.score != b.score) return a.score < b.score;
    if (a.people != b.people) return a.people > b.people;
    if (a.id_prefix != b.id_prefix) return a.id_prefix < b.id_prefix;
    return org.units[a.unit].id < org.units[b.unit].id;
  });
  scores.unit_position.assign(org.units.size(), kNoIndex);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const Key& key = keys[i];
    UnitScore& u = scores.units[i];
    u.unit = key.unit;
    u.rank = i + 1;
    u.people = key.people;
    u.units = key.units;
    u.score = key.unscored ? std::nullopt : std::optional<double>(key.score);
    u.confidence = key.no_confidence ? std::nullopt : std::optional<double>(key.confidence);
    scores.unit_position[key.unit] = static_cast<std::uint32_t>(i);
  }
}

}  // namespace

void score_units(const Org& org, const RunResult& run, const EntityWeights& weights, Scores& scores) {
  UnitBreakdown& b = scores.unit_breakdown;
  b = UnitBreakdown{};
  // The scored rules (crashed rules are not), grouped into dimensions once, not once per unit.
  std::vector<std::size_t> outcome_of;
  std::vector<std::string> rule_dimensions;
  for (std::size_t r = 0; r < run.outcomes.size(); ++r) {
    const RuleOutcome& outcome = run.outcomes[r];
    if (outcome.crashed) continue;
    outcome_of.push_back(r);
    b.rules.push_back({outcome.rule_id, outcome.not_assessed});
    rule_dimensions.push_back(outcome.dimension);
  }
  b.groups = group_by_dimension(rule_dimensions, b.dimension_names);
  const std::size_t rule_count = b.rules.size();

  // Each person, each failing and each assessed entity is counted in its own unit; then, in one
  // pass over the unit tree, every unit's counts are added into its parent's, so each counts in
  // its own subtree and every enclosing one.
  std::vector<std::size_t> people(org.units.size(), 0), units(org.units.size(), 1);
  b.tallies.assign(org.units.size() * rule_count, UnitRuleTally{});
  // One pass over the people for their headcount and what every rule assessed of them.
  std::vector<const std::vector<bool>*> assessed_people(rule_count);
  for (std::size_t r = 0; r < rule_count; ++r) assessed_people[r] = &run.outcomes[outcome_of[r]].assessed_people;
  for (PersonIndex p = 0; p < org.people.size(); ++p) {
    const UnitIndex home = org.people[p].unit;
    if (home >= org.units.size()) continue;
    ++people[home];
    UnitRuleTally* row = b.tallies.data() + home * rule_count;
    for (std::size_t r = 0; r < rule_count; ++r)
      if (p < assessed_people[r]->size() && (*assessed_people[r])[p]) ++row[r].assessed;
  }
  for (std::size_t r = 0; r < rule_count; ++r) {
    for (const auto& [key, weight] : weights[outcome_of[r]]) {
      const std::optional<EntityRef> entity = FailingKey::entity(key);
      if (weight <= 0 || !entity) continue;  // info, or a place in an input that no unit holds
      const UnitIndex home = home_of(org, *entity);
      if (home == kNoIndex) continue;  // nowhere in the unit tree
      UnitRuleTally& t = b.tallies[home * rule_count + r];
      t.failing_weight += weight;
      ++t.failing;
      t.any_error |= weight >= severity_weight(Severity::error);
    }
    const RuleOutcome& outcome = run.outcomes[outcome_of[r]];
    for (std::uint32_t u = 0; u < outcome.assessed_units.size(); ++u)
      b.tallies[u * rule_count + r].assessed += outcome.assessed_units[u];
  }
  const detail::UnitRollUp tree(org);
  tree.roll_up(
      [&](UnitIndex to, UnitIndex from) {
        people[to] += people[from];
        units[to] += units[from];
        for (std::size_t r = 0; r < rule_count; ++r) b.tallies[to * rule_count + r] += b.tallies[from * rule_count + r];
      },
      [&](UnitIndex to, UnitIndex from) {
        people[to] = people[from];
        units[to] = units[from];
        std::copy_n(b.tallies.begin() + static_cast<std::ptrdiff_t>(from * rule_count), rule_count,
                    b.tallies.begin() + static_cast<std::ptrdiff_t>(to * rule_count));
      });

  std::vector<bool> data_quality(b.groups.size());
  for (std::size_t g = 0; g < b.groups.size(); ++g) data_quality[g] = b.dimension_names[g] == kDataQuality;
  scores.units.assign(org.units.size(), UnitScore{});
  // Each unit is scored from its own tallies alone: on a large org, the second half of the units
  // on a second thread.
  auto score_units_in = [&](UnitIndex from, UnitIndex to) {
    for (UnitIndex u = from; u < to; ++u) {
      // What each rule assessed in the subtree: nothing where it lacked the data; the records that are
      // no entity (an export's rows) by the subtree's share of the people; never fewer than it failed.
      const double share = org.people.empty() ? 0.0 : static_cast<double>(people[u]) / static_cast<double>(org.people.size());
      UnitRuleTally* tally = b.tallies.data() + u * rule_count;
      for (std::size_t r = 0; r < rule_count; ++r) {
        const RuleOutcome& outcome = run.outcomes[outcome_of[r]];
        UnitRuleTally& t = tally[r];
        const double records = static_cast<double>(outcome.assessed_records) * share;
        t.assessed = outcome.not_assessed ? 0
                                          : std::max<std::uint32_t>(t.assessed + static_cast<std::uint32_t>(std::llround(records)),
                                                                    t.failing);
      }
      UnitScore& score = scores.units[u];
      score.unit = u;
      score.people = people[u];
      score.units = units[u];
      // Scored straight from the tallies, as unit_dimensions() would: a dimension none of whose
      // rules assessed anything here has no score and so counts for nothing.
      OverallRating overall;
      for (std::size_t g = 0; g < b.groups.size(); ++g) {
        DimensionRating rating;
        for (std::size_t r : b.groups[g]) rating.add(tally[r].assessed, tally[r].failing_weight, tally[r].any_error, b.rules[r].not_assessed);
        overall.add(data_quality[g], rating.score());
      }
      overall.result(score.score, score.confidence);
    }
  };
  const auto half = static_cast<UnitIndex>(org.units.size() / 2);
  detail::run_both(detail::split_in_two(detail::Split::by_size, org.people.size(), detail::kMinPeopleToSplit),
                   [&] { score_units_in(0, half); },
                   [&] { score_units_in(half, static_cast<UnitIndex>(org.units.size())); });
  rank(org, scores);
}

}  // namespace orgaudit::scoring

namespace orgaudit {

std::vector<DimensionScore> Scores::unit_dimensions(const UnitScore& unit, Reasons reasons) const {
  std::vector<DimensionScore> dimensions;
  unit_dimensions(unit, reasons, dimensions);
  return dimensions;
}

void Scores::unit_dimensions(const UnitScore& unit, Reasons reasons, std::vector<DimensionScore>& out) const {
  if (unit_breakdown.tallies.empty()) {
    out.clear();
    return;
  }
  scoring::collect_dimensions(unit_breakdown, unit.unit, out);
  for (DimensionScore& d : out) {
    const bool flagged = std::any_of(d.rules.begin(), d.rules.end(), [](const RuleScore& r) { return r.failing > 0; });
    if (reasons == Reasons::all || (reasons == Reasons::where_flagged && flagged))
      scoring::score_dimension(d, "this unit or below it");
    else
      scoring::rate_dimension(d);
  }
}

}  // namespace orgaudit
