// Per-unit scores: every unit's subtree scored the way the org is (docs/scoring.md, "Per-unit
// scores"). Rules name the entities they assess, so a subtree's denominator is the assessed people
// and units in it; only populations that are no entity (the rows of an HR export) are apportioned,
// by the subtree's share of the people. The numerator (failing entities and their weight) is exact.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <tuple>

#include "model/unit_roll_up.h"
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
// of `out` are refilled in place, so scoring 132,000 units in a row allocates their rule lists once.
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

void rank(const Org& org, Scores& scores) {
  auto key = [&org](const UnitScore& u) {
    // Lowest score first; among equals the bigger unit (more people affected), then by id.
    return std::make_tuple(!u.score.has_value(), u.score.value_or(0.0), -static_cast<long long>(u.people),
                           std::cref(org.units[u.unit].id));
  };
  std::sort(scores.units.begin(), scores.units.end(),
            [&](const UnitScore& a, const UnitScore& b) { return key(a) < key(b); });
  scores.unit_position.assign(org.units.size(), kNoIndex);
  for (std::size_t i = 0; i < scores.units.size(); ++i) {
    scores.units[i].rank = i + 1;
    scores.unit_position[scores.units[i].unit] = static_cast<std::uint32_t>(i);
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
  for (const Person& p : org.people)
    if (p.unit < org.units.size()) ++people[p.unit];
  b.tallies.assign(org.units.size() * rule_count, UnitRuleTally{});
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
    for (std::uint32_t p = 0; p < outcome.assessed_people.size(); ++p)
      if (outcome.assessed_people[p] && org.people[p].unit < org.units.size())
        ++b.tallies[org.people[p].unit * rule_count + r].assessed;
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

  scores.units.clear();
  scores.units.reserve(org.units.size());
  std::vector<DimensionScore> dimensions;
  for (UnitIndex u = 0; u < org.units.size(); ++u) {
    // What each rule assessed in the subtree: nothing where it lacked the data; the records that are
    // no entity (an export's rows) by the subtree's share of the people; never fewer than it failed.
    const double share = org.people.empty() ? 0.0 : static_cast<double>(people[u]) / static_cast<double>(org.people.size());
    for (std::size_t r = 0; r < rule_count; ++r) {
      const RuleOutcome& outcome = run.outcomes[outcome_of[r]];
      UnitRuleTally& t = b.tallies[u * rule_count + r];
      const double records = static_cast<double>(outcome.assessed_records) * share;
      t.assessed = outcome.not_assessed ? 0
                                        : std::max<std::uint32_t>(t.assessed + static_cast<std::uint32_t>(std::llround(records)),
                                                                  t.failing);
    }
    UnitScore& score = scores.units.emplace_back();
    score.unit = u;
    score.people = people[u];
    score.units = units[u];
    collect_dimensions(b, u, dimensions);
    for (DimensionScore& d : dimensions) rate_dimension(d);
    overall(dimensions, score.score, score.confidence);
  }
  rank(org, scores);
}

}  // namespace orgaudit::scoring

namespace orgaudit {

std::vector<DimensionScore> Scores::unit_dimensions(const UnitScore& unit, Reasons reasons) const {
  std::vector<DimensionScore> dimensions;
  if (unit_breakdown.tallies.empty()) return dimensions;
  scoring::collect_dimensions(unit_breakdown, unit.unit, dimensions);
  for (DimensionScore& d : dimensions) {
    const bool flagged = std::any_of(d.rules.begin(), d.rules.end(), [](const RuleScore& r) { return r.failing > 0; });
    if (reasons == Reasons::all || (reasons == Reasons::where_flagged && flagged))
      scoring::score_dimension(d, "this unit or below it");
    else
      scoring::rate_dimension(d);
  }
  return dimensions;
}

}  // namespace orgaudit
