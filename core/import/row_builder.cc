#include "import/row_builder.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <utility>

#include "import/field_values.h"
#include "model/import_log.h"
#include "util/parallel.h"

namespace orgaudit::import {
namespace {

void set_flag(Person& person, PersonFlag flag, bool on) {
  if (on) person.flags = static_cast<std::uint8_t>(person.flags | flag);
}

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

bool contains_word(std::string_view text, std::string_view word) { return lower_ascii(text).find(word) != std::string::npos; }

// "/Sales/EMEA/" -> "/Sales/EMEA"; the root "/" (and empty) -> "": people at the root have no unit.
std::string_view unit_path(std::string_view path) {
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  return path;
}

std::string format_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

}  // namespace

RowBuilder::RowBuilder(Org& org, FileIndex file, const Layout& layout, const std::vector<std::string>& header,
                       const RecordLimits& limits, RecordWords words)
    : org_(org), file_(file), layout_(layout), header_(header), limits_(limits), words_(words),
      org_was_empty_(org.people.empty()), last_in_column_(header.size()), attribute_keys_(layout.attributes.size()) {}

RowBuilder::~RowBuilder() {
  // Every person in the table (no junior row, no person added another way) and nobody else's.
  if (org_was_empty_) take_person_ids(org_, std::move(ids_));
}

void RowBuilder::refuse(const SourceLocation& where, const std::string& message) const {
  throw InputError(Diagnostic{org_.files[file_], where.line, where.column, message});
}

UnitIndex RowBuilder::find_unit(std::string_view id) const { return units_.find(id, org_.units.size(), unit_id()); }

void RowBuilder::refuse_record(const SourceLocation& where) const {
  refuse(where, limits_.too_many_records(std::string(words_.record) + "s"));
}

std::string RowBuilder::naming(std::size_t index) const {
  return index < header_.size() && !header_[index].empty() ? std::string(" (") + words_.source + " '" + header_[index] + "')" : "";
}

Text RowBuilder::interned_cell(const Row& row, Field field) { return interned_in(layout_[field], cell(row, field)); }

Text RowBuilder::attribute_key(std::size_t i) {
  if (attribute_keys_[i].empty()) attribute_keys_[i] = org_.interned(layout_.attributes[i].second);
  return attribute_keys_[i];
}

std::string_view RowBuilder::cell(const Row& row, Field field) const {
  const int c = layout_[field];
  return c >= 0 && static_cast<std::size_t>(c) < row.fields.size() ? trim_view(row.fields[c]) : std::string_view{};
}

SourceLocation RowBuilder::at(const Row& row, Field field) const {
  const int c = layout_[field];
  if (row.places) return row.places->of(c);
  return SourceLocation{file_, row.line, static_cast<std::uint32_t>(c >= 0 ? c + 1 : 1)};
}

std::string RowBuilder::column_name(Field field) const {
  const int c = layout_[field];
  return c >= 0 && static_cast<std::size_t>(c) < header_.size() ? "'" + header_[c] + "'" : field_key(field);
}

void RowBuilder::issue(ImportIssue::Kind kind, const SourceLocation& where, std::string entity_id, std::string message) {
  org_.import_log->issues.push_back(ImportIssue{kind, std::move(message), std::move(entity_id), where});
}

void RowBuilder::skip(std::uint32_t line, std::uint32_t column, std::string entity_id, std::string why) {
  if (!limits_.records_fit(++records_)) refuse_record(SourceLocation{file_, line, column});
  skip_at(SourceLocation{file_, line, column}, std::move(entity_id), std::move(why));
}

void RowBuilder::count_skip() {
  if (first_skip_ == static_cast<std::size_t>(-1)) first_skip_ = org_.import_log->issues.size();
  ++skipped_;
}

void RowBuilder::skip_at(const SourceLocation& where, std::string entity_id, std::string why) {
  count_skip();
  issue(ImportIssue::skipped_row, where, std::move(entity_id), std::string(words_.record) + " skipped: " + why);
}

bool RowBuilder::add(const Row& row) {
  // The place is worked out only for the error: this runs for every row of a million-row export.
  if (!limits_.records_fit(++records_)) refuse_record(row.places ? row.places->of(-1) : SourceLocation{file_, row.line, 1});
  for (std::size_t c = 0; c < row.fields.size(); ++c)
    if (!limits_.field_fits(row.fields[c].size())) {
      const int column = static_cast<int>(c);
      refuse(row.places ? row.places->of(column) : SourceLocation{file_, row.line, static_cast<std::uint32_t>(c + 1)},
             limits_.field_too_large(row.fields[c].size(), naming(c)));
    }
  const bool ok = layout_.preset->style == RowStyle::organogram_junior ? add_junior(row) : add_post(row);
  if (!ok) return false;
  ++loaded_;
  return true;
}

bool RowBuilder::add_post(const Row& row) {
  std::string_view id = cell(row, Field::id);
  std::string folded_id;
  if (layout_.preset->ids_ignore_case) id = folded_id = lower_ascii(id);
  bool contingent = false;
  if (id.empty() && !cell(row, Field::contingent_id).empty()) {  // Workday: contingent workers
    id = cell(row, Field::contingent_id);
    contingent = true;
  }
  if (id.empty()) {
    skip_at(at(row, Field::id), "", "no id: the " + column_name(Field::id) + " " + words_.source + " is empty");
    return false;
  }
  // Whether the id is new is asked once the person's texts are read: the id's slot in the table
  // (a cache miss in a million) arrives meanwhile. Nothing read before that is seen if it is not.
  const IdLookup::Prefetched id_slot = ids_.prefetch(id);
  Person& person = org_.people.emplace_back();  // built in place: no copy of its texts and lists
  person.id = org_.text(id);
  read_texts(row, person);
  if (const std::uint32_t first = ids_.insert(static_cast<std::uint32_t>(org_.people.size() - 1), person_id(), id_slot);
      first != kNoIndex) {
    org_.people.pop_back();
    duplicate(at(row, Field::id), id, org_.people[first].where.line);
    return false;
  }
  person.where = at(row, Field::id);
  if (contingent) set_flag(person, kContractor, true);
  read_fte(row, person);
  read_flag(row, person, Field::assistant, kAssistant);
  read_flag(row, person, Field::contractor, kContractor);
  read_flag(row, person, Field::vacant, kVacant);
  read_flag(row, person, Field::user_facing, kUserFacing);
  read_flag(row, person, Field::external, kExternal);
  if (const std::string_view hiring = cell(row, Field::hiring_approver); !hiring.empty())
    person.set_approver(&Approvers::hiring_id, std::string(hiring));
  if (const std::string_view pay = cell(row, Field::pay_approver); !pay.empty())
    person.set_approver(&Approvers::pay_id, std::string(pay));
  // BambooHR's employmentStatus and Workday's Employee_Type say who is a contractor in words.
  for (Field f : {Field::status, Field::worker_type}) {
    const std::string_view status = cell(row, f);
    if (status.empty()) continue;
    set_flag(person, kContractor, contains_word(status, "contract") || contains_word(status, "contingent"));
  }
  add_unit(row, person);
  return true;
}

void RowBuilder::duplicate(const SourceLocation& where, std::string_view id, std::uint32_t first_line) {
  count_skip();
  issue(ImportIssue::duplicate_id, where, std::string(id), duplicate_message(id, first_line));
}

std::string RowBuilder::duplicate_message(std::string_view id, std::uint32_t first_line) const {
  return std::string(words_.record) + " skipped: id '" + std::string(id) + "' is already used by the " + words_.record +
         " on line " + std::to_string(first_line) +
         (layout_.preset->style == RowStyle::organogram_senior ? " (a job share is one post)" : "");
}

// A post row's texts: what can be read without a message, so before the row is known to load.
void RowBuilder::read_texts(const Row& row, Person& person) {
  if (layout_.preset->style == RowStyle::organogram_senior) {
    const PostName post = classify_post_name(cell(row, Field::name));
    person.name = org_.text(post.name);
    // An undisclosed holder: the job title says who the post is, where the id (`161`) says nothing.
    if (post.holder == PostHolder::not_disclosed) person.name = org_.text(cell(row, Field::title));
    set_flag(person, kVacant, post.holder == PostHolder::vacant || post.holder == PostHolder::eliminated);
    if (post.holder == PostHolder::eliminated) person.attributes.push_back({org_.interned("status"), org_.interned("eliminated")});
    if (post.holder == PostHolder::not_disclosed) person.attributes.push_back({org_.interned("name-status"), org_.interned("not disclosed")});
  } else {
    person.name = org_.text(cell(row, Field::name));
    if (person.name.empty()) {
      const std::string_view first_name = cell(row, Field::first_name), last_name = cell(row, Field::last_name);
      person.name = org_.text(std::string(first_name) + (first_name.empty() || last_name.empty() ? "" : " ") + std::string(last_name));
    }
  }
  read_common(row, person);
  std::string_view manager = cell(row, Field::manager);
  // An organogram's `XX`: the post reports outside the organisation, so it is a root here.
  if (layout_.preset->style == RowStyle::organogram_senior && (manager == "XX" || manager == "xx")) {
    manager = {};
    set_flag(person, kDeclaredRoot, true);
  }
  const int manager_column = layout_[Field::manager];
  person.manager_id = layout_.preset->ids_ignore_case ? org_.interned(lower_ascii(manager)) : interned_in(manager_column, manager);
  person.manager_where = at(row, Field::manager);
  person.dotted_where = at(row, Field::dotted);
  const std::string_view dotted = cell(row, Field::dotted);
  for (std::size_t start = 0; start < dotted.size();) {  // `;`-separated ids
    const auto end = std::min(dotted.find(';', start), dotted.size());
    const std::string_view one = trim_view(dotted.substr(start, end - start));
    if (!one.empty()) person.dotted_ids.push_back(org_.interned(one));
    start = end + 1;
  }
}

// Exports list people team by team: a column often holds what it held on the row before (the
// manager, the unit, the title), and comparing with that is cheaper than finding the text again
// among the hundreds of thousands interned.
Text RowBuilder::interned_in(int column, std::string_view value) {
  if (column < 0 || static_cast<std::size_t>(column) >= last_in_column_.size()) return org_.interned(value);
  Text& last = last_in_column_[static_cast<std::size_t>(column)];
  if (value != last.view()) last = org_.interned(value);
  return last;
}

// A junior row stands for N posts of one grade and title under a senior post. Its id is built from
// what identifies it in the publication, not from its line, so it stays the same across snapshots
// and a finding's fingerprint survives a re-export.
bool RowBuilder::add_junior(const Row& row) {
  const std::string_view senior = cell(row, Field::manager);
  if (senior.empty()) {
    skip_at(at(row, Field::manager), "", "no reporting senior post: the " +
                                                           column_name(Field::manager) + " " + words_.source + " is empty");
    return false;
  }
  const std::string_view posts = cell(row, Field::fte);
  const std::optional<double> fte = parse_number(posts);
  std::string base = std::string(senior) + "/" + std::string(cell(row, Field::grade)) + "/" + std::string(cell(row, Field::title));
  if (!fte || *fte <= 0) {
    skip_at(at(row, Field::fte), base,
         !fte ? "the number of posts '" + std::string(posts) + "' in " + column_name(Field::fte) + " is not a number"
              : "it stands for " + format_number(*fte) + " posts (" + column_name(Field::fte) + " must be above 0)");
    return false;
  }
  const std::uint32_t n = ++junior_ids_[base];
  Person person;
  person.id = org_.text(n == 1 ? base : base + "#" + std::to_string(n));
  person.where = SourceLocation{file_, row.line, 1};
  person.manager_id = org_.interned(senior);
  person.manager_where = at(row, Field::manager);
  person.fte = *fte;
  set_flag(person, kAggregate, true);
  read_common(row, person);
  org_.people.push_back(std::move(person));
  add_unit(row, org_.people.back());
  return true;
}

void RowBuilder::read_common(const Row& row, Person& person) {
  person.title = interned_cell(row, Field::title);
  person.grade = interned_cell(row, Field::grade);
  person.unit_id = interned_cell(row, Field::unit);
  if (const Text position = interned_cell(row, Field::position); !position.empty())
    person.attributes.push_back({org_.interned("position"), position});
  // Room for exactly the attributes that have values: a vector grown one by one (1, 2, 4) costs a
  // million-row export three allocations and copies per person.
  std::size_t values = 0;
  for (const auto& attribute : layout_.attributes)
    values += static_cast<std::size_t>(attribute.first) < row.fields.size() && !trim_view(row.fields[attribute.first]).empty();
  person.attributes.reserve(person.attributes.size() + values);
  for (std::size_t i = 0; i < layout_.attributes.size(); ++i) {
    const int column = layout_.attributes[i].first;
    if (static_cast<std::size_t>(column) >= row.fields.size()) continue;
    const std::string_view value = trim_view(row.fields[column]);
    if (!value.empty()) person.attributes.push_back({attribute_key(i), interned_in(column, value)});
  }
}

void RowBuilder::read_fte(const Row& row, Person& person) {
  const std::string_view text = cell(row, Field::fte);
  if (text.empty()) return;  // not stated: full time
  const std::optional<double> fte = parse_number(text);
  if (fte && *fte >= 0 && *fte <= 1) {
    person.fte = *fte;
    return;
  }
  issue(ImportIssue::bad_value, at(row, Field::fte), person.id.str(),
        !fte ? "FTE '" + std::string(text) + "' in " + column_name(Field::fte) + " of '" + person.id + "' is not a number; 1 is used"
             : "FTE " + format_number(*fte) + " in " + column_name(Field::fte) + " of '" + person.id +
                   "' is out of range (0 to 1 for one person); 1 is used");
}

void RowBuilder::read_flag(const Row& row, Person& person, Field field, PersonFlag flag) {
  const std::string_view text = cell(row, field);
  if (text.empty()) return;
  const std::optional<bool> value = parse_flag(text);
  if (value) {
    set_flag(person, flag, *value);
    return;
  }
  issue(ImportIssue::bad_value, at(row, field), person.id.str(),
        "'" + std::string(text) + "' in " + column_name(field) + " of '" + person.id +
            "' is not a yes/no value (true/false, yes/no, 1/0); read as no");
}

// A unit column names units that exist as far as the export is concerned: the first row naming one
// creates it (implied), and another input's definition of the same id replaces it when they merge.
void RowBuilder::add_unit(const Row& row, Person& person) {
  if (layout_.preset->unit_paths) person.unit_id = org_.interned(unit_path(person.unit_id));
  if (person.unit_id.empty()) return;
  // Exports list people team by team, so the unit of the row before is the likeliest match.
  if (last_unit_ < org_.units.size() && org_.units[last_unit_].id == person.unit_id) return;
  if (const UnitIndex found = find_unit(person.unit_id); found != kNoIndex) {
    last_unit_ = found;
    Unit& unit = org_.units[found];
    if (unit.name.empty() && layout_[Field::unit_name] >= 0) unit.name = std::string(cell(row, Field::unit_name));
    return;
  }
  last_unit_ = static_cast<UnitIndex>(org_.units.size());
  Unit& unit = org_.units.emplace_back();
  unit.id = person.unit_id;
  units_.insert(last_unit_, unit_id());
  unit.name = std::string(cell(row, Field::unit_name));
  unit.implied = true;
  unit.where = at(row, Field::unit);
  if (layout_.preset->unit_paths) add_path_units(last_unit_);
}

// A unit path names its ancestors too: '/Sales/EMEA' is 'EMEA' under '/Sales', which is a unit
// (named 'Sales') whether or not anyone sits in it directly.
void RowBuilder::add_path_units(UnitIndex index) {
  for (;;) {
    const std::string id = org_.units[index].id;
    const std::size_t slash = id.rfind('/');
    org_.units[index].name = id.substr(slash + 1);
    if (slash == 0 || slash == std::string::npos) return;  // under the root
    const std::string parent = id.substr(0, slash);
    org_.units[index].parent_id = parent;
    org_.units[index].parent_where = org_.units[index].where;
    if (find_unit(parent) != kNoIndex) return;
    const auto parent_index = static_cast<UnitIndex>(org_.units.size());
    const SourceLocation where = org_.units[index].where;
    Unit& unit = org_.units.emplace_back();
    unit.id = parent;
    units_.insert(parent_index, unit_id());
    unit.implied = true;
    unit.where = where;
    index = parent_index;
  }
}

bool RowBuilder::append(RowBuilder& later) {
  std::vector<Person>& people = later.org_.people;
  if (!limits_.records_fit(records_ + later.records_)) return false;
  // The later rows whose id is used here (rare), with that first row's line. Their slots are asked
  // of the memory a few rows ahead: in a table of a million ids each is a cache miss.
  constexpr std::size_t kAhead = 8;
  const std::vector<std::uint32_t> hashes = later.ids_.hashes(people.size());
  later.ids_ = IdLookup();  // its hashes are all it is wanted for: freed before the people move
  std::vector<std::pair<PersonIndex, std::uint32_t>> repeated;
  std::unordered_map<std::string_view, std::uint32_t> first_line_of;
  // The later rows' ids are looked up here and their units taken while, on another thread, their
  // interned texts are interned here: neither reads what the other writes (this org's texts only
  // grow: the ids and unit ids looked up stay where they are).
  auto take_ids_and_units = [&] {
    for (PersonIndex i = 0; i < people.size(); ++i) {
      if (i + kAhead < people.size()) ids_.prefetch(IdLookup::Prefetched{hashes[i + kAhead]});
      const PersonIndex first = ids_.find(people[i].id, org_.people.size(), person_id(), IdLookup::Prefetched{hashes[i]});
      if (first == kNoIndex) continue;
      if (!drops_cleanly(later, people[i])) return false;
      repeated.emplace_back(i, org_.people[first].where.line);
      first_line_of.emplace(people[i].id.view(), org_.people[first].where.line);
    }
    // Units in the order rows first named them: the later rows' new ones after these. One both
    // name keeps its place here and, when it has no name here, takes the first the later rows gave
    // it. Taken before the people, and the later org's units freed, so that their memory is not
    // held while the people move (the peak of a large load).
    for (Unit& unit : later.org_.units) {
      if (const UnitIndex here = find_unit(unit.id); here != kNoIndex) {
        if (org_.units[here].name.empty()) org_.units[here].name = std::move(unit.name);
        continue;
      }
      org_.units.push_back(std::move(unit));
      units_.insert(static_cast<UnitIndex>(org_.units.size() - 1), unit_id());
    }
    std::vector<Unit>().swap(later.org_.units);
    return true;
  };
  bool taken = false;
  detail::TextPool::Reinterned moved;
  org_.texts->keep(later.org_.texts.shared());
  detail::run_both(detail::split_in_two(detail::Split::by_size, people.size(), detail::kMinPeopleToSplit),
                   [&] { taken = take_ids_and_units(); }, [&] { moved = org_.texts->intern_all(*later.org_.texts); });
  if (!taken) return false;

  // Each later issue is taken where its row comes; a dropped row's duplicate issue comes before
  // the issues of the rows after it, which are on later lines.
  std::vector<ImportIssue>& issues = later.org_.import_log->issues;
  std::size_t next_issue = 0;
  auto take_issues_to = [&](std::uint32_t line) {
    for (; next_issue < issues.size() && issues[next_issue].where.line <= line; ++next_issue)
      take(std::move(issues[next_issue]), first_line_of);
  };
  std::size_t next_repeated = 0;
  for (PersonIndex i = 0; i < people.size(); ++i) {
    Person& person = people[i];
    if (next_repeated < repeated.size() && repeated[next_repeated].first == i) {
      take_issues_to(person.where.line);
      duplicate(person.where, person.id, repeated[next_repeated++].second);
      continue;
    }
    if (i + kAhead < people.size()) ids_.prefetch(IdLookup::Prefetched{hashes[i + kAhead]});
    person.title = moved(person.title);
    person.grade = moved(person.grade);
    person.manager_id = moved(person.manager_id);
    person.unit_id = moved(person.unit_id);
    for (Text& dotted : person.dotted_ids) dotted = moved(dotted);
    for (Attribute& attribute : person.attributes) attribute = Attribute{moved(attribute.key), moved(attribute.value)};
    org_.people.push_back(std::move(person));
    ids_.insert(static_cast<std::uint32_t>(org_.people.size() - 1), person_id(), IdLookup::Prefetched{hashes[i]});
  }
  take_issues_to(std::numeric_limits<std::uint32_t>::max());

  records_ += later.records_;
  loaded_ += later.loaded_ - repeated.size();
  skipped_ += later.skipped_;
  return true;
}

// Whether dropping a later row whose id is used here leaves the later rows as if it had never
// loaded: its person goes, and its bad values (issues on its id) with it. What it did to its unit
// stays, so the unit must be one of these rows' and take no name from the later rows, or be none.
bool RowBuilder::drops_cleanly(const RowBuilder& later, const Person& person) const {
  if (person.unit_id.empty()) return true;
  const UnitIndex here = find_unit(person.unit_id);
  if (here == kNoIndex) return false;
  return !org_.units[here].name.empty() || later.org_.units[later.find_unit(person.unit_id)].name.empty();
}

// A later row's issue, as it would read here: a bad value of a dropped row goes with it, and a
// later duplicate of a dropped row's id names the first row here.
void RowBuilder::take(ImportIssue&& issue, const std::unordered_map<std::string_view, std::uint32_t>& first_line_of) {
  if (!first_line_of.empty()) {
    const auto first = first_line_of.find(issue.entity_id);
    if (first != first_line_of.end() && issue.kind == ImportIssue::bad_value) return;
    if (first != first_line_of.end() && issue.kind == ImportIssue::duplicate_id)
      issue.message = duplicate_message(issue.entity_id, first->second);
  }
  if ((issue.kind == ImportIssue::skipped_row || issue.kind == ImportIssue::duplicate_id) &&
      first_skip_ == static_cast<std::size_t>(-1))
    first_skip_ = org_.import_log->issues.size();
  org_.import_log->issues.push_back(std::move(issue));
}

UnitIndex RowBuilder::define_unit(const std::string& id, const SourceLocation& where) {
  UnitIndex index = find_unit(id);
  if (index == kNoIndex) {
    index = static_cast<UnitIndex>(org_.units.size());
    Unit& unit = org_.units.emplace_back();
    unit.id = id;
    units_.insert(index, unit_id());
    unit.implied = true;  // an export's view of the unit: a YAML definition of the same id refines it
  }
  if (unit_element_.size() <= index) unit_element_.resize(index + 1, false);
  if (unit_element_[index]) return kNoIndex;
  unit_element_[index] = true;
  org_.units[index].where = where;
  return index;
}

}  // namespace orgaudit::import
