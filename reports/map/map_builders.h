// Internal to the map library: the two plan builders and what they share.
#pragma once

#include <string>
#include <unordered_set>

#include "map/map_findings.h"
#include "map/map_scope.h"

namespace orgaudit::map {

// Graphviz node names must be unique, and ids repeat in bad data (structure-integrity reports the
// duplicates): the second person called P-1 becomes "P-1#<index>" rather than merging with the first.
class NodeNames {
 public:
  std::string unique(const std::string& id, std::uint32_t index);

 private:
  std::unordered_set<std::string> used_;
};

// "name · kind" for a unit, "name" when its kind is unspecified; the id when it has no name.
std::string unit_caption(const Unit& unit);

// Appends "\n\n" and the findings' lines when there are any.
void append_findings(std::string& tooltip, const std::string& lines);

Plan person_plan(const ReportInput& input, const UnitTree& tree, const PersonScope& scope,
                 const FindingIndex& findings);

// `dot`: the layout is `dot`, which draws clusters (EMCs around their members) and can stack units.
Plan unit_plan(const ReportInput& input, const UnitTree& tree, const UnitScope& scope,
               const FindingIndex& findings, bool dot);

}  // namespace orgaudit::map
