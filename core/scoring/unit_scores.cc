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

struct Tally {
  double weight = 0;
  std::uint32_t failing = 0;
  std::size_t assessed = 0;
  bool any_error = false;

  Tally& operator+=(const Tally& other) {
    weight += other.weight;
    failing += other.failing;
    assessed += other.assessed;
    any_error = any_error || other.any_error;
    return *this;
  }
};

struct Subtrees {
  std::vector<std::size_t> people;  // headcount of each unit's subtree
  std::vector<std::size_t> units;   // units in each subtree, itself included

  double people_share(UnitIndex u, const Org& org) const {
    return org.people.empty() ? 0.0 : static_cast<double>(people[u]) / static_cast<double>(org.people.size());
  }
};

// The unit an entity counts in: a person's own unit, or the unit itself.
UnitIndex home_of(const Org& org, EntityRef entity) {
  if (entity.kind == EntityRef::unit) return entity.index < org.units.size() ? entity.index : kNoIndex;
  return entity.index < org.people.size() ? org.people[entity.index].unit : kNoIndex;
}

Subtrees count_subtrees(const Org& org, const detail::UnitRollUp& tree) {
  Subtrees s{std::vector<std::size_t>(org.units.size(), 0), std::vector<std::size_t>(org.units.size(), 1)};
  for (const Person& p : org.people)
    if (p.unit != kNoIndex && p.unit < s.people.size()) ++s.people[p.unit];
  tree.roll_up(
      [&](UnitIndex to, UnitIndex from) {
        s.people[to] += s.people[from];
        s.units[to] += s.units[from];
      },
      [&](UnitIndex to, UnitIndex from) {
        s.people[to] = s.people[from];
        s.units[to] = s.units[from];
      });
  return s;
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
  const std::size_t rule_count = run.outcomes.size();
  const detail::UnitRollUp tree(org);
  const Subtrees subtrees = count_subtrees(org, tree);

  // Each failing and each assessed entity is counted in its own unit, then every unit's counts are
  // added into its parent's, so each counts in its own subtree and every enclosing one.
  std::vector<Tally> tally(org.units.size() * rule_count);
  for (std::size_t r = 0; r < rule_count; ++r) {
    for (const auto& [key, weight] : weights[r]) {
      const std::optional<EntityRef> entity = FailingKey::entity(key);
      if (weight <= 0 || !entity) continue;  // info, or a place in an input that no unit holds
      const UnitIndex home = home_of(org, *entity);
      if (home == kNoIndex) continue;  // nowhere in the unit tree
      Tally& t = tally[home * rule_count + r];
      t.weight += weight;
      ++t.failing;
      t.any_error = t.any_error || weight >= severity_weight(Severity::error);
    }
    const RuleOutcome& outcome = run.outcomes[r];
    for (std::uint32_t p = 0; p < outcome.assessed_people.size(); ++p)
      if (outcome.assessed_people[p] && org.people[p].unit < org.units.size())
        ++tally[org.people[p].unit * rule_count + r].assessed;
    for (std::uint32_t u = 0; u < outcome.assessed_units.size(); ++u) tally[u * rule_count + r].assessed += outcome.assessed_units[u];
  }
  tree.roll_up(
      [&](UnitIndex to, UnitIndex from) {
        for (std::size_t r = 0; r < rule_count; ++r) tally[to * rule_count + r] += tally[from * rule_count + r];
      },
      [&](UnitIndex to, UnitIndex from) {
        std::copy_n(tally.begin() + static_cast<std::ptrdiff_t>(from * rule_count), rule_count,
                    tally.begin() + static_cast<std::ptrdiff_t>(to * rule_count));
      });

  // Group the rules into dimensions once (crashed rules are not scored), not once per unit.
  std::vector<std::size_t> scored;
  std::vector<std::string> rule_dimensions;
  for (std::size_t r = 0; r < rule_count; ++r)
    if (!run.outcomes[r].crashed) scored.push_back(r), rule_dimensions.push_back(run.outcomes[r].dimension);
  std::vector<std::string> dimension_names;
  const std::vector<std::vector<std::size_t>> groups = group_by_dimension(rule_dimensions, dimension_names);

  // What rule r assessed in unit u's subtree (0 where it lacked the data).
  auto assessed_in = [&](UnitIndex u, std::size_t r) -> std::size_t {
    const RuleOutcome& outcome = run.outcomes[r];
    if (outcome.not_assessed) return 0;
    const Tally& t = tally[u * rule_count + r];
    const double records = static_cast<double>(outcome.assessed_records) * subtrees.people_share(u, org);
    return std::max<std::size_t>(t.assessed + static_cast<std::size_t>(std::llround(records)), t.failing);
  };
  // A dimension is assessed in a subtree when one of its rules assessed something there.
  auto assessed_dimension = [&](UnitIndex u, std::size_t g) {
    return std::any_of(groups[g].begin(), groups[g].end(),
                       [&](std::size_t position) { return assessed_in(u, scored[position]) > 0; });
  };

  scores.units.clear();
  scores.units.reserve(org.units.size());
  std::vector<std::size_t> assessed_groups;
  for (UnitIndex u = 0; u < org.units.size(); ++u) {
    UnitScore& score = scores.units.emplace_back();
    score.unit = u;
    score.people = subtrees.people[u];
    score.units = subtrees.units[u];
    // Only the assessed dimensions: why the others are not is the org's to say, and would repeat in
    // every one of a large org's units (a million people have 132,000).
    assessed_groups.clear();
    for (std::size_t g = 0; g < groups.size(); ++g)
      if (assessed_dimension(u, g)) assessed_groups.push_back(g);
    score.dimensions.reserve(assessed_groups.size());
    for (std::size_t g : assessed_groups) {
      DimensionScore& d = score.dimensions.emplace_back();
      d.name = dimension_names[g];
      // Only the rules with a part in this subtree: a rule that assessed nothing here (an HR-import
      // check, a rule short of data) would repeat in every unit, and adds nothing to the score or
      // the reason of an assessed dimension.
      for (std::size_t position : groups[g]) {
        const std::size_t r = scored[position];
        const Tally& t = tally[u * rule_count + r];
        const std::size_t assessed = assessed_in(u, r);
        if (assessed == 0 && t.failing == 0) continue;
        RuleScore& s = d.rules.emplace_back();
        s.rule_id = run.outcomes[r].rule_id;
        s.not_assessed = run.outcomes[r].not_assessed;
        s.assessed = assessed;
        s.failing = t.failing;
        s.failing_weight = t.weight;
        s.any_error = t.any_error;
      }
      score_dimension(d, "this unit or below it");
    }
    overall(score.dimensions, score.score, score.confidence);
  }
  rank(org, scores);
}

}  // namespace orgaudit::scoring
