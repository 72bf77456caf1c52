#include "orgaudit/model.h"

#include "model/import_log.h"
#include "util/parallel.h"

#include <cmath>
#include <iterator>

namespace orgaudit {

const char* to_string(UnitKind kind) {
  switch (kind) {
    case UnitKind::platform: return "platform";
    case UnitKind::emc: return "emc";
    case UnitKind::me: return "me";
    case UnitKind::department: return "department";
    case UnitKind::shared_service: return "shared-service";
    case UnitKind::external_partner: return "external-partner";
    case UnitKind::unspecified: break;
  }
  return "unspecified";
}

std::optional<UnitKind> parse_unit_kind(const std::string& text) {
  for (UnitKind kind : {UnitKind::platform, UnitKind::emc, UnitKind::me, UnitKind::department,
                        UnitKind::shared_service, UnitKind::external_partner}) {
    if (text == to_string(kind)) return kind;
  }
  return std::nullopt;
}

const char* to_string(LinkKind kind) {
  return kind == LinkKind::contract ? "contract" : "collaboration";
}

const MetricSeries* PeriodTable::find(const std::string& name) const {
  for (const MetricSeries& s : series)
    if (s.name == name) return &s;
  return nullptr;
}

Headcount Org::headcount() const {
  Headcount h;
  for (const Person& p : people) {
    if (!p.has(kAggregate)) {
      ++h.people;
      continue;
    }
    ++h.aggregate_rows;
    h.aggregate_fte += p.fte;
  }
  return h;
}

namespace {

std::string grouped(unsigned long long n) {
  std::string digits = std::to_string(n);
  for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
  return digits;
}

}  // namespace

std::string headcount_text(const Org& org) { return headcount_text(org.headcount()); }

std::string headcount_text(const Headcount& h) {
  if (h.aggregate_rows == 0) return h.people == 1 ? "1 person" : std::to_string(h.people) + " people";
  return grouped(h.people) + (h.people == 1 ? " senior post" : " senior posts") + " and " +
         // Rounded to whole FTE once the sum's float noise is gone (1464.4999... is 1464.5, so 1,465).
         grouped(static_cast<unsigned long long>(std::llround(std::round(h.aggregate_fte * 1e6) / 1e6))) + " junior FTE";
}

std::string headcount_and_units_text(const Org& org) { return headcount_and_units_text(org.headcount(), org.units.size()); }

std::string headcount_and_units_text(const Headcount& headcount, std::size_t units) {
  return headcount_text(headcount) + (headcount.aggregate_rows > 0 ? " in " : " and ") + std::to_string(units) +
         (units == 1 ? " unit" : " units");
}

namespace detail {

const EcosystemRecords& no_ecosystem_records() {
  static const EcosystemRecords none;
  return none;
}

ImportLogHandle::ImportLogHandle() : log_(std::make_unique<ImportLog>()) {}
ImportLogHandle::~ImportLogHandle() = default;
// A moved-from handle holds no log (moving allocates nothing, so an Org moves without a copy); it
// can only be destroyed or assigned, as any moved-from org.
ImportLogHandle::ImportLogHandle(const ImportLogHandle& other)
    : log_(other.log_ ? std::make_unique<ImportLog>(*other.log_) : std::make_unique<ImportLog>()) {}
ImportLogHandle::ImportLogHandle(ImportLogHandle&& other) noexcept = default;
ImportLogHandle& ImportLogHandle::operator=(const ImportLogHandle& other) {
  if (this != &other) log_ = other.log_ ? std::make_unique<ImportLog>(*other.log_) : std::make_unique<ImportLog>();
  return *this;
}
ImportLogHandle& ImportLogHandle::operator=(ImportLogHandle&& other) noexcept = default;

}  // namespace detail

FileIndex Org::add_file(const std::string& path) {
  for (FileIndex i = 0; i < files.size(); ++i)
    if (files[i] == path) return i;
  files.push_back(path);
  return static_cast<FileIndex>(files.size() - 1);
}

namespace {

// The id of an org's entity i, for its IdLookup.
template <typename Entity>
struct IdOf {
  const std::vector<Entity>& entities;
  std::string_view operator()(std::uint32_t i) const { return entities[i].id; }
};

}  // namespace

PersonIndex Org::find_person(std::string_view id) const {
  return person_ids.find(id, people.size(), IdOf<Person>{people});
}

UnitIndex Org::find_unit(std::string_view id) const {
  return unit_ids.find(id, units.size(), IdOf<Unit>{units});
}

namespace {

// Copies of a person share their approvers record, so the resolved record is a new one, made only
// when the indices change (few exports record approvers at all).
void resolve_approvers(const Org& org, Person& person) {
  if (!person.approvers) return;
  const PersonIndex hiring = person.approvers->hiring_id.empty() ? kNoIndex : org.find_person(person.approvers->hiring_id);
  const PersonIndex pay = person.approvers->pay_id.empty() ? kNoIndex : org.find_person(person.approvers->pay_id);
  if (person.approvers->hiring == hiring && person.approvers->pay == pay) return;
  auto resolved = std::make_shared<Approvers>(*person.approvers);
  resolved->hiring = hiring;
  resolved->pay = pay;
  person.approvers = std::move(resolved);
}

// Looks up ids that come in runs: people are listed team by team and manager and unit ids are
// interned, so the person before most often holds the same Text (the same characters): the answer
// is the one before, without hashing the id again.
template <typename Find>
class RunLookup {
 public:
  explicit RunLookup(Find find) : find_(find) {}
  std::uint32_t operator()(Text id) {
    if (id.data() != last_.data()) {
      last_ = id;
      index_ = find_(id);
    }
    return index_;
  }

 private:
  Find find_;
  Text last_;
  std::uint32_t index_ = kNoIndex;
};

}  // namespace

namespace {

void add_problem(std::vector<ReferenceProblem>& problems, ReferenceProblem::Kind kind, std::string_view id,
                 bool is_unit, std::uint32_t entity, const SourceLocation& where) {
  problems.push_back(ReferenceProblem{kind, std::string(id), is_unit, entity, where});
}

// Resolves people [begin, end): their manager, dotted lines, unit and approvers, each person's
// problems in that order. Touches only those people, so two ranges can resolve at once.
void resolve_people(Org& org, PersonIndex begin, PersonIndex end, std::vector<ReferenceProblem>& problems) {
  RunLookup manager_of([&org](Text id) { return org.find_person(id); });
  RunLookup unit_of([&org](Text id) { return org.find_unit(id); });
  for (PersonIndex i = begin; i < end; ++i) {
    Person& person = org.people[i];
    person.manager = kNoIndex;
    if (!person.manager_id.empty()) {
      person.manager = manager_of(person.manager_id);
      if (person.manager == kNoIndex)
        add_problem(problems, ReferenceProblem::unknown_manager, person.manager_id, false, i, person.manager_where);
    }
    person.dotted.clear();
    for (Text id : person.dotted_ids) {
      PersonIndex d = org.find_person(id);
      if (d == kNoIndex)
        add_problem(problems, ReferenceProblem::unknown_dotted_manager, id, false, i,
                    person.dotted_where.known() ? person.dotted_where : person.where);
      else
        person.dotted.push_back(d);
    }
    person.unit = kNoIndex;
    if (!person.unit_id.empty()) {
      person.unit = unit_of(person.unit_id);
      if (person.unit == kNoIndex)
        add_problem(problems, ReferenceProblem::unknown_unit, person.unit_id, false, i, person.where);
    }
    resolve_approvers(org, person);
  }
}


}  // namespace

void Org::resolve() {
  // An importer's table of every person, each id once, is the table the loop below would build.
  const bool imported_ids = import_log->people_indexed == people.size() && person_ids.size() == people.size();
  import_log->people_indexed = 0;  // used once: the people may be edited after this
  unit_ids.clear();
  reference_problems.clear();
  unit_ids.reserve(units.size());

  auto problem = [this](ReferenceProblem::Kind kind, std::string_view id, bool is_unit,
                        std::uint32_t entity, const SourceLocation& where) {
    add_problem(reference_problems, kind, id, is_unit, entity, where);
  };

  // The first occurrence of an id wins; later ones are reported, never silently merged.
  if (!imported_ids) {
    person_ids.clear();
    person_ids.reserve(people.size());
    for (PersonIndex i = 0; i < people.size(); ++i)
      if (const PersonIndex first = person_ids.insert(i, IdOf<Person>{people}); first != kNoIndex) {
        problem(ReferenceProblem::duplicate_person, people[i].id, false, i, people[i].where);
        reference_problems.back().first_use = first;
      }
  }
  for (UnitIndex i = 0; i < units.size(); ++i)
    if (const UnitIndex first = unit_ids.insert(i, IdOf<Unit>{units}); first != kNoIndex) {
      problem(ReferenceProblem::duplicate_unit, units[i].id, true, i, units[i].where);
      reference_problems.back().first_use = first;
    }

  // The second half's problems follow the first's: the order one pass would find them in.
  const auto half = static_cast<PersonIndex>(people.size() / 2);
  std::vector<ReferenceProblem> second_half_problems;
  detail::run_both(
      detail::split_in_two(detail::Split::by_size, people.size(), detail::kMinPeopleToSplit),
      [&] { resolve_people(*this, 0, half, reference_problems); },
      [&] { resolve_people(*this, half, static_cast<PersonIndex>(people.size()), second_half_problems); });
  reference_problems.insert(reference_problems.end(), std::make_move_iterator(second_half_problems.begin()),
                            std::make_move_iterator(second_half_problems.end()));

  for (UnitIndex i = 0; i < units.size(); ++i) {
    Unit& unit = units[i];
    unit.parent = kNoIndex;
    if (!unit.parent_id.empty()) {
      unit.parent = find_unit(unit.parent_id);
      if (unit.parent == kNoIndex)
        problem(ReferenceProblem::unknown_parent_unit, unit.parent_id, true, i, unit.parent_where);
    }
    unit.owner = kNoIndex;
    if (!unit.owner_id.empty()) {
      unit.owner = find_person(unit.owner_id);
      if (unit.owner == kNoIndex)
        problem(ReferenceProblem::unknown_owner, unit.owner_id, true, i, unit.owner_where);
    }
    unit.members.clear();
    for (const std::string& id : unit.member_ids) {
      UnitIndex m = find_unit(id);
      if (m == kNoIndex)
        problem(ReferenceProblem::unknown_member, id, true, i, unit.where);
      else
        unit.members.push_back(m);
    }
    // The three-rights rule reports a holder or approver that names nobody, in its own words.
    if (!unit.has_ecosystem()) continue;  // a department states no rights
    Rights& rights = unit.ecosystem().rights;
    for (RightHolder* right : {&rights.decision, &rights.people, &rights.pay}) {
      const bool names_someone = right->stated() && !right->held_by_self();  // most MEs state some rights
      right->unit = names_someone ? find_unit(right->holder) : kNoIndex;
      right->person = names_someone && right->unit == kNoIndex ? find_person(right->holder) : kNoIndex;
    }
  }

  for (ImportIssue& issue : import_log->issues)
    issue.person = issue.entity_id.empty() ? kNoIndex : find_person(issue.entity_id);

  for (std::uint32_t i = 0; i < links.size(); ++i) {
    for (LinkEnd* end : {&links[i].from, &links[i].to}) {
      end->index = find_unit(end->id);
      end->is_unit = end->index != kNoIndex;
      if (!end->is_unit) end->index = find_person(end->id);
      if (end->index == kNoIndex)
        problem(ReferenceProblem::unknown_link_end, end->id, false, kNoIndex, links[i].where);
    }
  }
}

}  // namespace orgaudit
