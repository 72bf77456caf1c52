#include "map/map_findings.h"

#include <algorithm>

#include "map/map_limits.h"

namespace orgaudit::map {

Mark mark_of(Severity severity) {
  switch (severity) {
    case Severity::error: return Mark::error;
    case Severity::warning: return Mark::warning;
    case Severity::info: break;
  }
  return Mark::info;
}

const char* to_string(Mark mark) {
  switch (mark) {
    case Mark::error: return "error";
    case Mark::warning: return "warning";
    case Mark::info: return "info";
    case Mark::none: break;
  }
  return "none";
}

FindingIndex::FindingIndex(const Org& org, const RunResult& run) {
  for (const Finding& f : run.findings) {
    // Suppressed findings were accepted by the team and "not assessed" notes are about missing
    // data, not about anyone: neither marks an entity. Baselined findings still describe the org.
    const std::optional<EntityRef> subject = f.subject();
    if (f.suppression || f.not_assessed_note || !subject) continue;
    Table* table = subject->kind == EntityRef::person ? &people_ : &units_;
    Entry& entry = (*table)[subject->index];
    entry.mark = std::max(entry.mark, mark_of(f.severity));
    entry.findings.push_back(&f);
    if (table == &people_) add_chain(org, f);
  }
}

// The chain a finding declares (FindingBuilder::chain), when it has three people or more: one line
// from a person to their manager is no chain worth lighting up. A pack's chain that is not one (a
// person who is not their predecessor's report, an index out of range) draws nothing rather than a
// false line.
void FindingIndex::add_chain(const Org& org, const Finding& f) {
  const std::vector<PersonIndex>& chain = f.chain;
  if (chain.size() < 3 || chain.front() >= org.people.size()) return;
  for (std::size_t i = 1; i < chain.size(); ++i)
    if (chain[i] >= org.people.size() || org.people[chain[i]].manager != chain[i - 1]) return;
  for (std::size_t i = 1; i < chain.size(); ++i)
    chain_.insert(static_cast<std::uint64_t>(chain[i - 1]) << 32 | chain[i]);
}

bool FindingIndex::on_chain(PersonIndex manager, PersonIndex report) const {
  return !chain_.empty() && chain_.count(static_cast<std::uint64_t>(manager) << 32 | report) > 0;
}

Mark FindingIndex::mark(const Table& table, std::uint32_t index) {
  const auto it = table.find(index);
  return it == table.end() ? Mark::none : it->second.mark;
}

std::string FindingIndex::lines(const Table& table, std::uint32_t index) {
  const auto it = table.find(index);
  if (it == table.end()) return {};
  std::string out;
  const std::vector<const Finding*>& findings = it->second.findings;
  for (std::size_t i = 0; i < findings.size() && i < kTooltipFindings; ++i) {
    const Finding& f = *findings[i];
    out += std::string(i ? "\n" : "") + to_string(f.severity) + ": " + f.message + " [" + f.rule_id + "]";
  }
  if (findings.size() > kTooltipFindings)
    out += "\nand " + std::to_string(findings.size() - kTooltipFindings) + " more";
  return out;
}

}  // namespace orgaudit::map
