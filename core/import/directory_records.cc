#include "import/directory_records.h"

#include <algorithm>

namespace orgaudit::import {
namespace {

std::vector<std::string> header_of(const DirectoryShape& shape) {
  std::vector<std::string> header;
  for (const auto& field : shape.fields) header.push_back(field.second);
  for (const std::string& key : shape.attributes) header.push_back(key);
  return header;
}

Layout layout_of(const DirectoryShape& shape) {
  Layout layout;
  layout.preset = &shape.preset;
  for (std::size_t c = 0; c < shape.fields.size(); ++c) layout[shape.fields[c].first] = static_cast<int>(c);
  for (std::size_t a = 0; a < shape.attributes.size(); ++a)
    layout.attributes.emplace_back(static_cast<int>(shape.fields.size() + a), shape.attributes[a]);
  return layout;
}

}  // namespace

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

DirectoryRecords::DirectoryRecords(Org& org, FileIndex file, const DirectoryShape& shape, const TextLocator& locate)
    : org_(org), locate_(locate), header_(header_of(shape)), layout_(layout_of(shape)),
      builder_(org, file, layout_, header_, shape.words), storage_(header_.size()), values_(header_.size()),
      offsets_(header_.size(), kRecord), places_(header_.size()), attribute_base_(shape.fields.size()) {}

void DirectoryRecords::begin_at(const SourceLocation& where) {
  ++records_;
  record_ = where;
  for (std::size_t c = 0; c < values_.size(); ++c) {
    values_[c] = {};
    offsets_[c] = kRecord;
  }
}

void DirectoryRecords::reserve_for_rest(std::size_t offset) {
  if (offset == 0 || offset >= locate_.size()) return;
  const std::size_t rest = locate_.size() - offset;
  // A tenth more than the rate says, and never more than one person per 64 bytes (a hostile file
  // of tiny records first does not reserve gigabytes).
  const double expected = static_cast<double>(rest) / static_cast<double>(offset) * static_cast<double>(records_) * 1.1;
  builder_.reserve(std::min(static_cast<std::size_t>(expected), rest / 64));
}

void DirectoryRecords::store(std::size_t column, std::string_view value, std::size_t offset) {
  storage_[column].assign(value.data(), value.size());
  values_[column] = storage_[column];
  offsets_[column] = offset;
}

void DirectoryRecords::set(Field field, std::string_view value, std::size_t offset) {
  const int column = layout_[field];
  if (column >= 0) store(static_cast<std::size_t>(column), value, offset);
}

void DirectoryRecords::set_attribute(std::size_t slot, std::string_view value, std::size_t offset) {
  store(attribute_base_ + slot, value, offset);
}

void DirectoryRecords::set_at(Field field, std::string_view value, const SourceLocation& where) {
  const int column = layout_[field];
  if (column < 0) return;
  store(static_cast<std::size_t>(column), value, kPlaced);
  places_[static_cast<std::size_t>(column)] = where;
}

void DirectoryRecords::set_attribute_at(std::size_t slot, std::string_view value, const SourceLocation& where) {
  store(attribute_base_ + slot, value, kPlaced);
  places_[attribute_base_ + slot] = where;
}

std::string_view DirectoryRecords::value(Field field) const {
  const int column = layout_[field];
  return column >= 0 ? values_[static_cast<std::size_t>(column)] : std::string_view{};
}

bool DirectoryRecords::add() {
  ++org_.imported_records;
  return builder_.add(Row{values_, record_.line, this});
}

SourceLocation DirectoryRecords::of(int column) const {
  if (column < 0 || static_cast<std::size_t>(column) >= offsets_.size() || offsets_[column] == kRecord) return record_;
  return offsets_[column] == kPlaced ? places_[column] : locate_(offsets_[column]);
}

void DirectoryRecords::issue(ImportIssue::Kind kind, std::string message, std::string entity_id, std::size_t offset) {
  issue_at(kind, std::move(message), std::move(entity_id), offset == kRecord ? record_ : locate_(offset));
}

void DirectoryRecords::issue_at(ImportIssue::Kind kind, std::string message, std::string entity_id, const SourceLocation& where) {
  org_.import_issues.push_back(ImportIssue{kind, std::move(message), std::move(entity_id), where});
}

void DirectoryRecords::skip(std::string why, std::size_t offset) {
  ++org_.imported_records;
  const SourceLocation at = offset == kRecord ? record_ : locate_(offset);
  builder_.skip(at.line, at.column, "", std::move(why));
}

bool DirectoryRecords::says_no(std::string_view name, std::string_view text, std::size_t offset) {
  const std::string lower = ascii_lower(text);
  if (lower == "false") return true;
  if (lower != "true")
    issue(ImportIssue::bad_value, "'" + std::string(text) + "' in '" + std::string(name) + "' of '" + std::string(value(Field::id)) +
                                      "' is not true or false; the account is kept",
          std::string(value(Field::id)), offset);
  return false;
}

void DirectoryRecords::finish(const std::string& path, const std::string& what, const std::string& why,
                              std::vector<Diagnostic>& warnings) const {
  if (records_ == 0) throw InputError(Diagnostic{path, 0, 0, "no " + what + " found"});
  if (left_out_ > 0)
    warnings.push_back({path, 0, 0, std::to_string(left_out_) + " of the " + std::to_string(records_) + " " + what +
                                        (left_out_ == 1 ? " is " : " are ") + why + " and left out"});
  if (builder_.loaded() > 0) return;
  if (records_ == left_out_)
    throw InputError(Diagnostic{path, 0, 0, "all " + std::to_string(records_) + " " + what + " are " + why + ": no one to audit"});
  const ImportIssue* first = builder_.first_skip();
  throw InputError(Diagnostic{path, first ? first->where.line : 0, first ? first->where.column : 0,
                              "none of the " + std::to_string(records_) + " " + what + " could be loaded; the first: " +
                                  (first ? first->message : std::string("?"))});
}

}  // namespace orgaudit::import

namespace orgaudit::import {

UnitIndex DirectoryGroups::define(const std::string& id, std::string name, const SourceLocation& where, const std::string& record) {
  const UnitIndex index = builder_.define_unit(id, where);
  if (index == kNoIndex) {
    org_.import_issues.push_back({ImportIssue::duplicate_id, record + " skipped: group id '" + id +
                                                                 "' is already used by an earlier group", id, where});
    return kNoIndex;
  }
  org_.units[index].name = std::move(name);
  return index;
}

void DirectoryGroups::member(const std::string& group, std::string member, const SourceLocation& where) {
  ties_.push_back({group, std::move(member), where, false});
}

void DirectoryGroups::child(const std::string& group, std::string child, const SourceLocation& where) {
  ties_.push_back({group, std::move(child), where, true});
}

void DirectoryGroups::finish() {
  if (ties_.empty()) return;
  std::unordered_map<std::string, UnitIndex> units;
  for (UnitIndex u = 0; u < org_.units.size(); ++u) units.emplace(org_.units[u].id, u);
  std::unordered_map<std::string, PersonIndex> people;
  for (PersonIndex p = 0; p < org_.people.size(); ++p) people.emplace(org_.people[p].id, p);
  for (const Tie& tie : ties_) {
    if (!units.count(tie.group)) {  // a parent named by its child (Backstage's spec.parent)
      org_.import_issues.push_back({ImportIssue::bad_value, "group '" + tie.other + "' names parent group '" + tie.group +
                                                                "', which is not in this export", tie.other, tie.where});
      continue;
    }
    if (const auto unit = units.find(tie.other); unit != units.end()) {
      Unit& sub = org_.units[unit->second];
      if (sub.parent_id.empty()) {
        sub.parent_id = tie.group;
        sub.parent_where = tie.where;
      } else if (sub.parent_id != tie.group) {
        org_.import_issues.push_back({ImportIssue::bad_value, "group '" + tie.other + "' is already under '" + sub.parent_id +
                                                                  "'; being listed under '" + tie.group + "' too is ignored",
                                      tie.other, tie.where});
      }
      continue;
    }
    if (const auto person = people.find(tie.other); !tie.child && person != people.end()) {
      Person& p = org_.people[person->second];
      if (p.unit_id.empty()) p.unit_id = tie.group;
      continue;
    }
    org_.import_issues.push_back({ImportIssue::bad_value, "group '" + tie.group + "' lists " +
                                                              (tie.child ? "sub-group '" : "member '") + tie.other +
                                                              "', who is not in this export",
                                  "", tie.where});
  }
}

}  // namespace orgaudit::import
