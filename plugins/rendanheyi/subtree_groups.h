// Grouping of unit findings by subtree: when a unit and the sub-units below it share one problem,
// the audit says so once, at the top unit, and names how many sub-units it covers (issue 10). The
// sub-units are still affected entities, so scoring counts each of them.
#pragma once

#include <cstdint>
#include <vector>

#include "orgaudit/model.h"
#include "orgaudit/rule.h"

namespace orgaudit::rendanheyi {

// problem[u] is 0 when unit u does not have the problem, else the kind of problem it has (a rule's own
// numbering). A group is a top unit (whose parent does not have the same problem) and every unit
// reachable from it down parent lines through units with that same problem. Returns the groups keyed
// by top, each listing its top first and then its sub-units in file order; units without the problem
// are in no group. Linear in units.
std::vector<std::vector<UnitIndex>> subtree_groups(const Org& org, const std::vector<std::uint8_t>& problem);

// Marks each sub-unit of the group (all but its top) as affected and lists the first `cap` of them
// as related locations, "<label>: 'Name'".
void add_sub_units(const Org& org, const std::vector<UnitIndex>& group, const std::string& label, std::size_t cap,
                   FindingBuilder& finding);

// How many sub-units a grouped message lists as related locations, at most.
inline constexpr std::size_t kListedSubUnits = 10;

}  // namespace orgaudit::rendanheyi
