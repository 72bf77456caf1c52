// structure-integrity: loops in the hierarchy. A reporting cycle leaves its members (and everyone
// under them) with no root and no depth; a unit-parent cycle makes every unit roll-up meaningless.
#include <algorithm>

#include "integrity.h"
#include "orgaudit/message_text.h"

namespace orgaudit::structure {
namespace {

// A cycle of a thousand people must not become a thousand-name message: past this many, the middle
// is elided (the related locations still list every member).
constexpr std::size_t kMaxNamedInCycle = 10;

// "'A' -> 'B' -> 'A'", or "of 25 people: 'A' -> ... -> 'Y' -> 'A'" when long. Works for people
// and units alike: `records` is org.people or org.units, `members` indices in chain order.
template <typename Record>
std::string cycle_text(const std::vector<Record>& records, const std::vector<std::uint32_t>& members,
                       const std::string& plural) {
  std::string text;
  if (members.size() > kMaxNamedInCycle) text = " of " + std::to_string(members.size()) + " " + plural;
  text += ": ";
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (members.size() > kMaxNamedInCycle && i == kMaxNamedInCycle - 2) {
      text += "... -> ";
      i = members.size() - 1;  // jump to the last member; the loop closes on the first below
    }
    text += quoted(records[members[i]]) + " -> ";
  }
  return text + quoted(records[members.front()]);
}

}  // namespace

void Integrity::check_reporting_cycles(const CheckContext& context, FindingSink& sink) {
  const Org& org = context.org;
  // The core found them once (strong components) and listed each in chain order: member k reports
  // to member k+1, the last to the first. One finding per cycle, on its first member.
  for (const std::vector<PersonIndex>& cycle : context.metrics.reporting.cycles) {
    FindingBuilder finding = sink.report({EntityRef::person, cycle.front()}, Severity::error,
                                         "reporting cycle" + cycle_text(org.people, cycle, "people"));
    finding.key("reporting-cycle");
    for (std::size_t k = 1; k < cycle.size(); ++k) {
      const EntityRef member{EntityRef::person, cycle[k]};
      const Person& manager = org.people[cycle[(k + 1) % cycle.size()]];
      finding.concerns(member).related(org.people[cycle[k]].where,
                                       quoted(org.people[cycle[k]]) + " reports to " + quoted(manager), member);
    }
  }
}

void Integrity::check_unit_cycles(const CheckContext& context, FindingSink& sink) {
  const Org& org = context.org;
  const std::size_t n = org.units.size();
  // Each unit has at most one parent, so following parents from every unit, and never re-entering
  // a unit already finished, finds every cycle in one pass over the units.
  enum : std::uint8_t { unvisited, on_path, finished };
  std::vector<std::uint8_t> state(n, unvisited);
  std::vector<UnitIndex> path;
  for (UnitIndex start = 0; start < n; ++start) {
    path.clear();
    UnitIndex at = start;
    for (; at != kNoIndex && state[at] == unvisited; at = org.units[at].parent) {
      state[at] = on_path;
      path.push_back(at);
    }
    if (at != kNoIndex && state[at] == on_path) {
      std::vector<UnitIndex> cycle(std::find(path.begin(), path.end(), at), path.end());
      // Start from the member first in the input, as reporting cycles do, so the finding's place
      // does not depend on which unit the walk happened to begin at.
      std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
      const Unit& first = org.units[cycle.front()];
      if (cycle.size() == 1) {
        sink.report({EntityRef::unit, cycle.front()}, Severity::error,
                    "unit " + quoted(first) + " is its own parent unit")
            .key("unit-cycle")
            .at(first.parent_where);
      } else {
        FindingBuilder finding = sink.report({EntityRef::unit, cycle.front()}, Severity::error,
                                             "unit parent cycle" + cycle_text(org.units, cycle, "units"));
        finding.key("unit-cycle");
        for (std::size_t k = 1; k < cycle.size(); ++k) {
          const EntityRef member{EntityRef::unit, cycle[k]};
          const Unit& parent = org.units[cycle[(k + 1) % cycle.size()]];
          finding.concerns(member).related(org.units[cycle[k]].where,
                                           "unit " + quoted(org.units[cycle[k]]) + " has parent unit " + quoted(parent),
                                           member);
        }
      }
    }
    for (UnitIndex u : path) state[u] = finished;
  }
}

}  // namespace orgaudit::structure
