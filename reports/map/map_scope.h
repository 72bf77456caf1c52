// Which people or units a map draws: the whole org or the subtree under --root, down to --depth,
// within the level's size limit. Person-level maps over the limit are refused; unit-level maps are
// collapsed below the deepest level that fits, one node standing for each hidden subtree.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "map/map_plan.h"

namespace orgaudit::map {

// The unit hierarchy as child lists, with each unit's subtree totals. Units in a parent cycle are
// treated as roots, so every unit belongs to exactly one tree.
struct UnitTree {
  std::vector<std::vector<UnitIndex>> children;
  std::vector<UnitIndex> roots;
  // Where a unit is drawn as a cluster: inside the first EMC that lists it as a member (EMCs group
  // their MEs), else inside its parent unit. kNoIndex at the top or where that would loop.
  std::vector<UnitIndex> cluster_parent;
  std::vector<std::uint32_t> subtree_units;   // the unit and its descendants
  std::vector<std::uint32_t> subtree_people;  // people whose unit is in the subtree

  UnitTree(const Org& org, const OrgMetrics& metrics);
};

struct PersonScope {
  std::vector<PersonIndex> people;  // in index order
  UnitIndex top_unit = kNoIndex;    // clusters stop at this unit (the root's); kNoIndex: none
  std::string description;          // "the whole org", "under 'Ana' (P-7), 2 layers down"
};

struct UnitScope {
  std::vector<UnitIndex> units;      // breadth-first from the scope's roots
  std::vector<bool> collapsed;       // per drawn unit: it has descendants that are not drawn
  std::size_t hidden_units = 0;      // units inside collapsed nodes
  unsigned levels = 0;               // unit levels drawn below the roots
  std::string description;
};

// Throws MapError for an unknown root or when the scope has more than `limit` people.
PersonScope person_scope(const ReportInput& input, const UnitTree& tree, const Options& options,
                         std::size_t limit);

// Throws MapError for an unknown root, an org without units, or when even the first level of the
// scope has more than `budget` units.
UnitScope unit_scope(const ReportInput& input, const UnitTree& tree, const Options& options,
                     std::size_t budget);

// "name (id)" for messages, or just the id when the entity has no name.
std::string describe_person(const Person& person);
std::string describe_unit(const Unit& unit);

}  // namespace orgaudit::map
