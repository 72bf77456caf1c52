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

// A chain is the related entities, in order, ending at the finding's own person (or passing through
// it), where each one manages the next. Only findings with a chain of three or more people qualify, so a finding that
// merely names a person's manager (a grade inversion) does not light up as a chain.
void FindingIndex::add_chain(const Org& org, const Finding& f) {
  if (f.related.size() < 2) return;
  std::vector<PersonIndex> chain;
  auto person_of = [](const std::optional<EntityRef>& e) { return e && e->kind == EntityRef::person ? e->index : kNoIndex; };
  for (const RelatedLocation& r : f.related) chain.push_back(person_of(r.entity));
  // A grouped depth finding sits on the chain (at the manager whose line goes too deep) and lists it
  // down to the deepest person; a per-person finding is the chain's end.
  const PersonIndex subject = person_of(f.subject());
  if (std::find(chain.begin(), chain.end(), subject) == chain.end()) chain.push_back(subject);
  for (std::size_t i = 1; i < chain.size(); ++i) {
    const PersonIndex manager = chain[i - 1], report = chain[i];
    if (manager == kNoIndex || report == kNoIndex || org.people[report].manager != manager) return;
  }
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
