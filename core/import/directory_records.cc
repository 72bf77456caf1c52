#include "import/directory_records.h"

#include <algorithm>
#include <thread>

#include "import/batch_thread.h"
#include "model/import_log.h"
#include "util/parallel.h"

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

// Rows queued for the rows' thread, with their values copied and every place already located (the
// locator is this thread's), and the issues and skips between them, in the order they came.
struct DirectoryRecords::Batch {
  static constexpr std::size_t kRows = 2048;
  struct Step {
    enum Kind { row, issue, skip } kind;
    std::size_t index;  // into records or issues
  };
  std::string text;                         // every value, one after another
  std::vector<std::size_t> starts, sizes;   // by row and column, into text
  std::vector<SourceLocation> places;       // by row and column
  std::vector<SourceLocation> records;      // by row
  std::vector<ImportIssue> issues;          // a skip's: its place and why
  std::vector<Step> steps;

  bool empty() const { return steps.empty(); }
  bool full() const { return records.size() >= kRows; }
  void clear() {
    text.clear();
    starts.clear();
    sizes.clear();
    places.clear();
    records.clear();
    issues.clear();
    steps.clear();
  }
};

DirectoryRecords::DirectoryRecords(Org& org, FileIndex file, const DirectoryShape& shape, const TextLocator& locate,
                                   const RecordLimits& limits, std::size_t export_bytes)
    : org_(org), locate_(locate), header_(header_of(shape)), layout_(layout_of(shape)),
      builder_(org, file, layout_, header_, limits, shape.words), limits_(limits), storage_(header_.size()), values_(header_.size()),
      offsets_(header_.size(), kRecord), places_(header_.size()), attribute_base_(shape.fields.size()),
      export_bytes_(export_bytes), row_views_(header_.size()) {
  if (detail::split_in_two(detail::Split::by_size, export_bytes, kRowsThreadMinBytes))
    rows_thread_ = std::make_unique<BatchThread<Batch>>([this](Batch& batch) { apply(batch); });
}

DirectoryRecords::~DirectoryRecords() = default;

void DirectoryRecords::wait_for_rows() const {
  if (rows_thread_) rows_thread_->wait();
}

void DirectoryRecords::apply(Batch& batch) {
  // A queued row's places, located when it was added.
  struct Placed final : FieldPlaces {
    const SourceLocation* places;
    std::size_t columns;
    SourceLocation record;
    SourceLocation of(int column) const override {
      return column < 0 || static_cast<std::size_t>(column) >= columns ? record : places[column];
    }
  };
  const std::size_t columns = header_.size();
  for (const Batch::Step& step : batch.steps) {
    if (step.kind == Batch::Step::row) {
      const std::size_t first = step.index * columns;
      for (std::size_t c = 0; c < columns; ++c)
        row_views_[c] = std::string_view(batch.text).substr(batch.starts[first + c], batch.sizes[first + c]);
      Placed placed;
      placed.places = &batch.places[first];
      placed.columns = columns;
      placed.record = batch.records[step.index];
      builder_.add(Row{row_views_, placed.record.line, &placed});
    } else if (step.kind == Batch::Step::issue) {
      org_.import_log->issues.push_back(std::move(batch.issues[step.index]));
    } else {
      ImportIssue& skip = batch.issues[step.index];
      builder_.skip(skip.where.line, skip.where.column, "", std::move(skip.message));
    }
  }
}

void DirectoryRecords::begin_at(const SourceLocation& where, std::size_t offset) {
  if (records_ == kSample && offset != kRecord) reserve_for_rest(offset);
  ++records_;
  record_ = where;
  for (std::size_t c = 0; c < values_.size(); ++c) {
    values_[c] = {};
    offsets_[c] = kRecord;
  }
}

void DirectoryRecords::reserve_for_rest(std::size_t offset) {
  if (offset == 0 || offset >= export_bytes_) return;
  wait_for_rows();  // the people grow on the rows' thread
  const std::size_t rest = export_bytes_ - offset;
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

bool DirectoryRecords::queueable() const {
  if (!rows_thread_ || !limits_.records_fit(builder_records_ + 1)) return false;
  for (std::string_view value : values_)
    if (!limits_.field_fits(value.size())) return false;
  return true;
}

bool DirectoryRecords::add() {
  ++org_.import_log->records;
  // A row the row builder would refuse (a limit passed) is built here, once the rows before it
  // are in: its error is thrown when and where it would be without the thread.
  if (!queueable()) {
    wait_for_rows();
    ++builder_records_;
    return builder_.add(Row{values_, record_.line, this});
  }
  ++builder_records_;
  Batch& batch = rows_thread_->current();
  batch.steps.push_back({Batch::Step::row, batch.records.size()});
  batch.records.push_back(record_);
  for (std::size_t c = 0; c < values_.size(); ++c) {
    batch.starts.push_back(batch.text.size());
    batch.sizes.push_back(values_[c].size());
    batch.text.append(values_[c]);
    batch.places.push_back(of(static_cast<int>(c)));
  }
  rows_thread_->send();
  return true;
}

SourceLocation DirectoryRecords::of(int column) const {
  if (column < 0 || static_cast<std::size_t>(column) >= offsets_.size() || offsets_[column] == kRecord) return record_;
  return offsets_[column] == kPlaced ? places_[column] : locate_(offsets_[column]);
}

void DirectoryRecords::issue(ImportIssue::Kind kind, std::string message, std::string entity_id, std::size_t offset) {
  issue_at(kind, std::move(message), std::move(entity_id), offset == kRecord ? record_ : locate_(offset));
}

void DirectoryRecords::issue_at(ImportIssue::Kind kind, std::string message, std::string entity_id, const SourceLocation& where) {
  ImportIssue issue{kind, std::move(message), std::move(entity_id), where};
  if (!rows_thread_) {
    org_.import_log->issues.push_back(std::move(issue));
    return;
  }
  Batch& batch = rows_thread_->current();
  batch.steps.push_back({Batch::Step::issue, batch.issues.size()});
  batch.issues.push_back(std::move(issue));
}

void DirectoryRecords::skip(std::string why, std::size_t offset) {
  ++org_.import_log->records;
  const SourceLocation at = offset == kRecord ? record_ : locate_(offset);
  if (!rows_thread_ || !limits_.records_fit(builder_records_ + 1)) {  // as add(): a skip counts towards the limit
    wait_for_rows();
    ++builder_records_;
    builder_.skip(at.line, at.column, "", std::move(why));
    return;
  }
  ++builder_records_;
  Batch& batch = rows_thread_->current();
  batch.steps.push_back({Batch::Step::skip, batch.issues.size()});
  batch.issues.push_back(ImportIssue{ImportIssue::skipped_row, std::move(why), "", at});
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
  wait_for_rows();
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
  const UnitIndex index = records_.builder().define_unit(id, where);
  if (index == kNoIndex) {
    org_.import_log->issues.push_back({ImportIssue::duplicate_id, record + " skipped: group id '" + id +
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
  records_.wait_for_rows();
  std::unordered_map<std::string, UnitIndex> units;
  for (UnitIndex u = 0; u < org_.units.size(); ++u) units.emplace(org_.units[u].id, u);
  std::unordered_map<std::string, PersonIndex> people;
  for (PersonIndex p = 0; p < org_.people.size(); ++p) people.emplace(org_.people[p].id, p);
  for (const Tie& tie : ties_) {
    if (!units.count(tie.group)) {  // a parent named by its child (Backstage's spec.parent)
      org_.import_log->issues.push_back({ImportIssue::bad_value, "group '" + tie.other + "' names parent group '" + tie.group +
                                                                "', which is not in this export", tie.other, tie.where});
      continue;
    }
    if (const auto unit = units.find(tie.other); unit != units.end()) {
      Unit& sub = org_.units[unit->second];
      if (sub.parent_id.empty()) {
        sub.parent_id = tie.group;
        sub.parent_where = tie.where;
      } else if (sub.parent_id != tie.group) {
        org_.import_log->issues.push_back({ImportIssue::bad_value, "group '" + tie.other + "' is already under '" + sub.parent_id +
                                                                  "'; being listed under '" + tie.group + "' too is ignored",
                                      tie.other, tie.where});
      }
      continue;
    }
    if (const auto person = people.find(tie.other); !tie.child && person != people.end()) {
      Person& p = org_.people[person->second];
      if (p.unit_id.empty()) p.unit_id = org_.interned(tie.group);
      continue;
    }
    org_.import_log->issues.push_back({ImportIssue::bad_value, "group '" + tie.group + "' lists " +
                                                              (tie.child ? "sub-group '" : "member '") + tie.other +
                                                              "', who is not in this export",
                                  "", tie.where});
  }
}

}  // namespace orgaudit::import
