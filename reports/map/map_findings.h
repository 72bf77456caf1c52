// Findings looked up by the entity they concern, once per map: the worst severity colours the node,
// the messages become its tooltip, and the management chains findings declare (a line that goes too
// deep) are highlighted edge by edge.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "map/map_plan.h"

namespace orgaudit::map {

class FindingIndex {
 public:
  FindingIndex(const Org& org, const RunResult& run);

  Mark person_mark(PersonIndex p) const { return mark(people_, p); }
  Mark unit_mark(UnitIndex u) const { return mark(units_, u); }
  // "error: message [rule-id]" lines, at most kTooltipFindings then "and N more".
  std::string person_lines(PersonIndex p) const { return lines(people_, p); }
  std::string unit_lines(UnitIndex u) const { return lines(units_, u); }
  // Whether manager -> report lies on the management chain of a finding.
  bool on_chain(PersonIndex manager, PersonIndex report) const;

 private:
  struct Entry {
    Mark mark = Mark::none;
    std::vector<const Finding*> findings;
  };
  using Table = std::unordered_map<std::uint32_t, Entry>;

  static Mark mark(const Table& table, std::uint32_t index);
  static std::string lines(const Table& table, std::uint32_t index);
  void add_chain(const Org& org, const Finding& finding);

  Table people_;
  Table units_;
  std::unordered_set<std::uint64_t> chain_;  // manager << 32 | report
};

Mark mark_of(Severity severity);
const char* to_string(Mark mark);

}  // namespace orgaudit::map
