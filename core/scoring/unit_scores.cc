// Per-unit scores: every unit's subtree scored the way the org is (docs/scoring.md, "Per-unit
// scores"). A rule reports how many entities it assessed, not which, so a subtree's denominator is
// the rule's assessed count apportioned by the subtree's share of the kind of entity the rule
// flags; the numerator (failing entities and their weight) is exact.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <tuple>

#include "scoring/score_parts.h"

namespace orgaudit::scoring {
namespace {

// Walks from a unit up through its parents: the unit's own subtree and every one enclosing it.
// Stops at a root, or where a parent cycle (which structure-integrity reports) comes back round.
class Ancestry {
 public:
  explicit Ancestry(const Org& org) : org_(org), seen_(org.units.size(), 0) {}

  template <typename Visit>
  void for_each(UnitIndex u, Visit&& visit) {
    ++stamp_;
    for (; u != kNoIndex && u < seen_.size() && seen_[u] != stamp_; u = org_.units[u].parent) {
      seen_[u] = stamp_;
      visit(u);
    }
  }

 private:
  const Org& org_;
  std::vector<std::uint32_t> seen_;
  std::uint32_t stamp_ = 0;
};

// What a rule's findings are about, which decides how its assessed count is apportioned.
enum KindMask : std::uint8_t { kAboutPeople = 1, kAboutUnits = 2 };

struct Tally {
  double weight = 0;
  std::uint32_t failing = 0;
};

struct Subtrees {
  std::vector<std::size_t> people;  // headcount of each unit's subtree
  std::vector<std::size_t> units;   // units in each subtree, itself included

  // The subtree's share of the org's entities of the kinds a rule is about (people by default:
  // most rules look at people or managers).
  double share(UnitIndex u, std::uint8_t kinds, const Org& org) const {
    const double all_people = static_cast<double>(org.people.size());
    const double all_units = static_cast<double>(org.units.size());
    if (kinds == kAboutUnits) return units[u] / all_units;
    if (kinds == (kAboutPeople | kAboutUnits)) return (people[u] + units[u]) / (all_people + all_units);
    return all_people > 0 ? people[u] / all_people : 0.0;
  }
};

Subtrees count_subtrees(const Org& org, Ancestry& ancestry) {
  std::vector<std::size_t> own(org.units.size(), 0);
  for (const Person& p : org.people)
    if (p.unit != kNoIndex && p.unit < own.size()) ++own[p.unit];
  Subtrees s{std::vector<std::size_t>(org.units.size(), 0), std::vector<std::size_t>(org.units.size(), 0)};
  for (UnitIndex u = 0; u < org.units.size(); ++u)
    ancestry.for_each(u, [&](UnitIndex a) {
      s.people[a] += own[u];
      ++s.units[a];
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
  Ancestry ancestry(org);
  const Subtrees subtrees = count_subtrees(org, ancestry);

  // Each failing entity counts in its own unit's subtree and in every enclosing one.
  std::vector<Tally> tally(org.units.size() * rule_count);
  std::vector<std::uint8_t> kinds(rule_count, 0);
  for (std::size_t r = 0; r < rule_count; ++r) {
    for (const auto& [id, weight] : weights[r]) {
      UnitIndex home = kNoIndex;
      if (const PersonIndex p = org.find_person(id); p != kNoIndex) {
        kinds[r] |= kAboutPeople;
        home = org.people[p].unit;
      } else if (const UnitIndex u = org.find_unit(id); u != kNoIndex) {
        kinds[r] |= kAboutUnits;
        home = u;
      }
      if (weight <= 0 || home == kNoIndex) continue;  // info, or nowhere in the unit tree
      ancestry.for_each(home, [&, w = weight](UnitIndex a) {
        Tally& t = tally[a * rule_count + r];
        t.weight += w;
        ++t.failing;
      });
    }
  }

  // Group the rules into dimensions once (crashed rules are not scored), not once per unit.
  std::vector<std::size_t> scored;
  std::vector<std::string> rule_dimensions;
  for (std::size_t r = 0; r < rule_count; ++r)
    if (!run.outcomes[r].crashed) scored.push_back(r), rule_dimensions.push_back(run.outcomes[r].dimension);
  std::vector<std::string> dimension_names;
  const std::vector<std::vector<std::size_t>> groups = group_by_dimension(rule_dimensions, dimension_names);

  scores.units.clear();
  scores.units.reserve(org.units.size());
  for (UnitIndex u = 0; u < org.units.size(); ++u) {
    UnitScore& score = scores.units.emplace_back();
    score.unit = u;
    score.people = subtrees.people[u];
    score.units = subtrees.units[u];
    score.dimensions.resize(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
      DimensionScore& d = score.dimensions[g];
      d.name = dimension_names[g];
      d.rules.reserve(groups[g].size());
      for (std::size_t position : groups[g]) {
        const std::size_t r = scored[position];
        const RuleOutcome& outcome = run.outcomes[r];
        const Tally& t = tally[u * rule_count + r];
        RuleScore& s = d.rules.emplace_back();
        s.rule_id = outcome.rule_id;
        s.not_assessed = outcome.not_assessed;
        s.failing = t.failing;
        s.failing_weight = t.weight;
        if (!s.not_assessed) {
          const double apportioned = static_cast<double>(outcome.assessed) * subtrees.share(u, kinds[r], org);
          s.assessed = std::max<std::size_t>(static_cast<std::size_t>(std::llround(apportioned)), t.failing);
        }
      }
      score_dimension(d, "this unit or below it");
    }
    overall(score.dimensions, score.score, score.confidence);
    // With the scores and reasons made, keep only the rules with a part in this subtree: a rule that
    // assessed nothing here (an HR-import check, a rule short of data) would repeat in every unit.
    for (DimensionScore& d : score.dimensions)
      d.rules.erase(std::remove_if(d.rules.begin(), d.rules.end(),
                                   [](const RuleScore& r) { return r.assessed == 0 && r.failing == 0; }),
                    d.rules.end());
  }
  rank(org, scores);
}

}  // namespace orgaudit::scoring
