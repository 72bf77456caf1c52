#include "import/merge.h"
#include "model/import_log.h"
#include "util/parallel.h"

#include <map>
#include <sstream>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace orgaudit::import {
namespace {

std::string place(const Org& org, const SourceLocation& where) {
  std::string text = where.file < org.files.size() ? org.files[where.file] : "?";
  if (where.known()) text += ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
  return text;
}

std::string number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

std::string difference(const std::string& field, const std::string& a, const std::string& b) {
  return a == b ? "" : " (they differ in " + field + ": '" + a + "' there, '" + b + "' here)";
}

std::string person_difference(const Person& a, const Person& b) {
  for (const auto& [field, x, y] : {std::tuple{"manager", a.manager_id.str(), b.manager_id.str()},
                                    std::tuple{"name", a.name.str(), b.name.str()}, std::tuple{"title", a.title.str(), b.title.str()},
                                    std::tuple{"grade", a.grade.str(), b.grade.str()}, std::tuple{"unit", a.unit_id.str(), b.unit_id.str()},
                                    std::tuple{"fte", number(a.fte), number(b.fte)}})
    if (std::string d = difference(field, x, y); !d.empty()) return d;
  return " (the same record twice)";
}

std::string unit_difference(const Unit& a, const Unit& b) {
  for (const auto& [field, x, y] : {std::tuple{"name", a.name, b.name}, std::tuple{"parent", a.parent_id, b.parent_id},
                                    std::tuple{"owner", a.owner_id, b.owner_id},
                                    std::tuple{"kind", std::string(to_string(a.kind)), std::string(to_string(b.kind))}})
    if (std::string d = difference(field, x, y); !d.empty()) return d;
  return " (the same record twice)";
}

[[noreturn]] void conflict(const Org& org, const char* what, const std::string& id, const SourceLocation& first,
                           const SourceLocation& again, const std::string& detail) {
  throw InputError(Diagnostic{org.files.at(again.file), again.line, again.column,
                              std::string(what) + " '" + id + "' is defined by two inputs, here and at " +
                                  place(org, first) + detail + "; define each id in one input and refer to it from the others"});
}

}  // namespace

void merge_into(Org& org, Org&& part, const std::string& path, std::vector<Diagnostic>& warnings) {
  org.files = std::move(part.files);
  org.texts->keep(part.texts.shared());  // the part's people and units keep their texts
  if (org.name.empty()) org.name = part.name;
  else if (!part.name.empty() && part.name != org.name)
    warnings.push_back({path, 0, 0, "org name '" + part.name + "' differs from '" + org.name + "' given by an earlier input; keeping '" + org.name + "'"});
  if (!org.as_of) org.as_of = part.as_of;
  else if (part.as_of && part.as_of->to_string() != org.as_of->to_string())
    warnings.push_back({path, 0, 0, "as-of date " + part.as_of->to_string() + " differs from " + org.as_of->to_string() +
                                        " given by an earlier input; keeping " + org.as_of->to_string()});
  org.import_log->records += part.import_log->records;
  for (ImportIssue& issue : part.import_log->issues) org.import_log->issues.push_back(std::move(issue));

  if (!org.people.empty() && !part.people.empty()) {
    // Index the smaller side; probe with the larger.
    const bool index_org = org.people.size() <= part.people.size();
    const std::vector<Person>& small = index_org ? org.people : part.people;
    const std::vector<Person>& large = index_org ? part.people : org.people;
    std::unordered_map<std::string_view, PersonIndex> ids;
    ids.reserve(small.size());
    for (PersonIndex i = 0; i < small.size(); ++i) ids.emplace(small[i].id, i);
    for (PersonIndex i = 0; i < large.size(); ++i) {
      auto it = ids.find(large[i].id);
      if (it == ids.end()) continue;
      const Person& first = index_org ? small[it->second] : large[i];
      const Person& again = index_org ? large[i] : small[it->second];
      conflict(org, "person", first.id.str(), first.where, again.where, person_difference(first, again));
    }
  }
  if (org.people.empty()) {
    org.people = std::move(part.people);
    org.person_ids = std::move(part.person_ids);  // the importer's, when it indexed them all
    org.import_log->people_indexed = part.import_log->people_indexed;
  } else {
    for (Person& p : part.people) org.people.push_back(std::move(p));  // people_indexed no longer matches
  }

  if (org.units.empty()) {  // the first input with units: nothing to merge them with
    org.units = std::move(part.units);
    part.units.clear();
  }
  std::unordered_map<std::string, UnitIndex> units;
  if (!part.units.empty())
    for (UnitIndex i = 0; i < org.units.size(); ++i) units.emplace(org.units[i].id, i);
  for (Unit& unit : part.units) {
    auto it = units.find(unit.id);
    if (it == units.end()) {
      units.emplace(unit.id, static_cast<UnitIndex>(org.units.size()));
      org.units.push_back(std::move(unit));
      continue;
    }
    Unit& first = org.units[it->second];
    if (unit.implied) continue;  // a value in an export's unit column: the definition stands
    if (first.implied) {
      first = std::move(unit);  // the definition replaces what an export implied, in place
      continue;
    }
    conflict(org, "unit", unit.id, first.where, unit.where, unit_difference(first, unit));
  }
  if (org.links.empty()) org.links = std::move(part.links);
  else for (Link& link : part.links) org.links.push_back(std::move(link));
}

void infer_unit_owners(Org& org) {
  // The units to infer an owner for; an org-chart-as-code file names its owners, so often none.
  std::vector<std::uint8_t> inferred(org.units.size(), 0);
  bool any = false;
  for (UnitIndex u = 0; u < org.units.size(); ++u) {
    inferred[u] = org.units[u].implied && org.units[u].owner_id.empty();
    any = any || inferred[u];
  }
  if (!any) return;
  // What the passes below need of each person, read on two threads into 5 bytes a person: the
  // people are 144 bytes each and a manager's unit is a cache miss in a large org, so reading
  // them once (not once a pass) is most of the work.
  enum Role : std::uint8_t { kOutside = 0, kInUnit = 1, kReportsInside = 2, kAggregateRow = 4 };
  const std::size_t n = org.people.size();
  std::vector<std::uint8_t> roles(n);
  std::vector<std::uint32_t> manager_or_unit(n);  // the manager when kReportsInside, else the unit
  auto read_people = [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const Person& p = org.people[i];
      const bool in_unit = p.unit != kNoIndex && inferred[p.unit];
      const bool inside = in_unit && p.manager != kNoIndex && org.people[p.manager].unit == p.unit;
      roles[i] = static_cast<std::uint8_t>((in_unit ? kInUnit : kOutside) | (inside ? kReportsInside : 0) |
                                           (in_unit && p.has(kAggregate) ? kAggregateRow : 0));
      manager_or_unit[i] = inside ? p.manager : p.unit;
    }
  };
  detail::run_both(detail::split_in_two(detail::Split::by_size, n, detail::kMinPeopleToSplit),
                   [&] { read_people(0, n / 2); }, [&] { read_people(n / 2, n); });
  std::vector<std::uint32_t> reports_in_unit(n, 0);
  for (PersonIndex i = 0; i < n; ++i)
    if (roles[i] & kReportsInside) ++reports_in_unit[manager_or_unit[i]];
  std::vector<PersonIndex> head(org.units.size(), kNoIndex);
  std::map<UnitIndex, std::map<PersonIndex, std::uint32_t>> managers_of_aggregates;  // organogram junior rows
  for (PersonIndex i = 0; i < n; ++i) {
    if (roles[i] & kAggregateRow) {
      const Person& p = org.people[i];
      if (p.manager != kNoIndex) ++managers_of_aggregates[p.unit][p.manager];
      continue;
    }
    if (roles[i] != kInUnit) continue;  // outside the units inferred, or not at its unit's top
    PersonIndex& best = head[manager_or_unit[i]];
    if (best == kNoIndex || reports_in_unit[i] > reports_in_unit[best]) best = i;
  }
  for (UnitIndex u = 0; u < org.units.size(); ++u) {
    if (!inferred[u]) continue;
    PersonIndex owner = head[u];
    if (owner == kNoIndex && managers_of_aggregates.count(u)) {
      std::uint32_t most = 0;
      for (const auto& [manager, count] : managers_of_aggregates.at(u))
        if (count > most) most = count, owner = manager;
    }
    if (owner == kNoIndex) continue;
    Unit& unit = org.units[u];
    unit.owner = owner;
    unit.owner_id = org.people[owner].id;
    unit.owner_where = unit.where;
  }
}

void warn_unmatched_units(const Org& org, std::vector<Diagnostic>& warnings) {
  bool defined = false;
  for (const Unit& u : org.units) defined = defined || !u.implied;
  if (!defined) return;
  std::map<FileIndex, std::pair<std::size_t, const Unit*>> by_file;
  for (const Unit& u : org.units) {
    if (!u.implied) continue;
    auto& [count, example] = by_file[u.where.file];
    if (count++ == 0) example = &u;
  }
  for (const auto& [file, entry] : by_file) {
    const auto& [count, example] = entry;
    warnings.push_back({org.files.at(file), example->where.line, example->where.column,
                        std::to_string(count) + (count == 1 ? " unit" : " units") + " named in the unit column (" +
                            "'" + example->id + "' here) " + (count == 1 ? "is" : "are") +
                            " defined by no other input; kept as units of their own, with inferred owners"});
  }
}

}  // namespace orgaudit::import
