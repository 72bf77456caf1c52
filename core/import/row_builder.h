// Turns the rows of one export into people (and the units their unit column names), by a Layout.
// Every data row ends up loaded or skipped with a reason (an ImportIssue on the org); a cell that
// cannot be read is reported and replaced by the field's default, and the row still loads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "import/column_map.h"
#include "loader/input_formats.h"
#include "orgaudit/model.h"
#include "model/import_log.h"

namespace orgaudit::import {

// Where the fields of a record are, when they are not cells of one line (XML elements). Asked
// only for the few places a finding or an entity needs, since locating costs a line count.
class FieldPlaces {
 public:
  virtual ~FieldPlaces() = default;
  virtual SourceLocation of(int column) const = 0;  // column -1: the record itself
};

struct Row {
  const std::vector<std::string_view>& fields;  // decoded to UTF-8
  std::uint32_t line;
  // Without places, a field is at the row's line and the field's column number (CSV).
  const FieldPlaces* places = nullptr;
};

// How messages name the records and the places fields come from.
struct RecordWords {
  const char* record = "row";     // "row skipped: ..."
  const char* source = "column";  // "the 'id' column is empty"
};

class RowBuilder {
 public:
  RowBuilder(Org& org, FileIndex file, const Layout& layout, const std::vector<std::string>& header,
             const RecordLimits& limits, RecordWords words = {});
  // Hands the id table to the org when it holds every person of it (Org::person_ids, see
  // ImportLog::people_indexed), so resolving does not hash the ids again.
  ~RowBuilder();
  RowBuilder(const RowBuilder&) = delete;
  RowBuilder& operator=(const RowBuilder&) = delete;

  // Adds the row's person, or records why it was skipped. Returns whether it loaded. Throws
  // InputError at the row past the record limit, or at a value over the field size limit.
  bool add(const Row& row);

  // Appends what `later` built, into an org of its own, from the rows that follow this builder's in
  // the same file: the same people, units, issues and counts as if this builder had read those
  // rows itself. A later row whose id a row here has is a duplicate (dropped, with the issue it
  // would have had here). Returns false, changing nothing but the texts this org has interned,
  // when that cannot be shown: the rows are over the record limit together, or a dropped row named
  // a unit only the later rows have (it may have created or named it there). `later`'s people and
  // units move here; its texts stay in its pool, which this org keeps, but for the interned ones,
  // which are interned here.
  bool append(RowBuilder& later);
  // Rows added or skipped so far, towards the record limit.
  std::size_t records() const { return records_; }

  // A unit element of the input (XML): creates the unit, or takes over the one a person's unit
  // value implied before the element came. kNoIndex when an element already defined this id.
  UnitIndex define_unit(const std::string& id, const SourceLocation& where);
  // Room for `rows` more people, so a large export does not regrow its tables, and for the units
  // of an export with up to one unit per four rows (more is rare: teams of one to three), which
  // would otherwise be copied at each doubling and again when append() takes a later half's. Room
  // not used is address space, not memory: its pages are never touched.
  void reserve(std::size_t rows) {
    org_.people.reserve(org_.people.size() + rows);
    org_.units.reserve(org_.units.size() + rows / 4);
    ids_.reserve(rows);
  }

  // The memory reserve() set aside for the people still to come, which is not yet touched: a
  // second thread may fault its pages in ahead of append().
  std::pair<char*, char*> room() const {
    return {reinterpret_cast<char*>(org_.people.data() + org_.people.size()),
            reinterpret_cast<char*>(org_.people.data() + org_.people.capacity())};
  }

  // Records a row skipped before its cells were read (a malformed record, a wrong field count);
  // it counts towards the record limit.
  void skip(std::uint32_t line, std::uint32_t column, std::string entity_id, std::string why);

  // " (column 'name')": the header entry of field `index` as messages name it; empty when it has no name.
  std::string naming(std::size_t index) const;

  std::size_t loaded() const { return loaded_; }
  std::size_t skipped() const { return skipped_; }
  // The first reason a row was skipped, for "no row could be loaded" errors.
  const ImportIssue* first_skip() const { return first_skip_ < org_.import_log->issues.size() ? &org_.import_log->issues[first_skip_] : nullptr; }

 private:
  std::string_view cell(const Row& row, Field field) const;
  SourceLocation at(const Row& row, Field field) const;
  void skip_at(const SourceLocation& where, std::string entity_id, std::string why);
  void count_skip();  // before the skipped row's issue is added
  void duplicate(const SourceLocation& where, std::string_view id, std::uint32_t first_line);
  std::string duplicate_message(std::string_view id, std::uint32_t first_line) const;
  bool drops_cleanly(const RowBuilder& later, const Person& person) const;
  void take(ImportIssue&& issue, const std::unordered_map<std::string_view, std::uint32_t>& first_line_of);
  void issue(ImportIssue::Kind kind, const SourceLocation& where, std::string entity_id, std::string message);
  bool add_post(const Row& row);
  bool add_junior(const Row& row);
  void read_texts(const Row& row, Person& person);
  void read_common(const Row& row, Person& person);
  Text interned_in(int column, std::string_view value);
  Text interned_cell(const Row& row, Field field);
  Text attribute_key(std::size_t i);  // of layout_.attributes[i]
  void read_fte(const Row& row, Person& person);
  void read_flag(const Row& row, Person& person, Field field, PersonFlag flag);
  void add_unit(const Row& row, Person& person);
  void add_path_units(UnitIndex index);
  std::string column_name(Field field) const;
  [[noreturn]] void refuse_record(const SourceLocation& where) const;  // past the record limit
  // How the id tables read an entity's id.
  auto person_id() const { return [this](std::uint32_t i) -> std::string_view { return org_.people[i].id; }; }
  auto unit_id() const { return [this](std::uint32_t i) -> std::string_view { return org_.units[i].id; }; }
  UnitIndex find_unit(std::string_view id) const;
  [[noreturn]] void refuse(const SourceLocation& where, const std::string& message) const;

  Org& org_;
  FileIndex file_;
  const Layout& layout_;
  const std::vector<std::string>& header_;
  const RecordLimits limits_;  // a copy: 16 bytes, and no lifetime to keep in mind
  RecordWords words_;
  IdLookup ids_;    // people of this file, by id
  const bool org_was_empty_;  // the file's people are all the org's: ids_ can become its table
  IdLookup units_;  // units of this file, by id
  UnitIndex last_unit_ = kNoIndex;
  std::vector<Text> last_in_column_;  // by column: the text interned for it last (interned_in)
  std::vector<Text> attribute_keys_;  // by layout_.attributes entry, interned when first used
  std::vector<bool> unit_element_;  // by unit index: defined by a unit element, not only implied
  std::unordered_map<std::string, std::uint32_t> junior_ids_;  // generated id -> times used
  std::size_t records_ = 0;  // added or skipped
  std::size_t loaded_ = 0;
  std::size_t skipped_ = 0;
  std::size_t first_skip_ = static_cast<std::size_t>(-1);
};

}  // namespace orgaudit::import
