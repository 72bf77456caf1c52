// The row builder's view of an identity-directory record (a SCIM or Graph user, an LDIF entry):
// each format says which of its attributes fills which canonical field, sets values as it reads
// them with the byte offset where each lies, and adds the record. So every directory format gets
// the CSV importer's checks (no id, duplicate id, bad value) and the same model, and findings
// point at the attribute they are about.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "import/csv_import.h"
#include "import/row_builder.h"
#include "import/text_locator.h"
#include "orgaudit/model.h"
#include "util/diagnostic.h"

namespace orgaudit::import {

// How a directory format names its records and attributes, for messages and attributes.
struct DirectoryShape {
  Preset preset;  // name and description; style plain
  RecordWords words;
  std::vector<std::pair<Field, std::string>> fields;  // each canonical field the format fills, by its own name
  std::vector<std::string> attributes;                // attribute keys kept on a person, in slot order
};

template <typename Batch>
class BatchThread;  // import/batch_thread.h

class DirectoryRecords final : private FieldPlaces {
 public:
  // `export_bytes`: the size of the export. From kRowsThreadMinBytes on (and with a second core),
  // rows are built into people on a second thread while this one reads the records: the row
  // builder and the people's memory are about half of a large export's loading time.
  DirectoryRecords(Org& org, FileIndex file, const DirectoryShape& shape, const TextLocator& locate,
                   const RecordLimits& limits, std::size_t export_bytes = 0);
  ~DirectoryRecords() override;
  static constexpr std::size_t kRowsThreadMinBytes = 4u << 20;

  // A record starts at byte `offset` (or at `where`, for formats that place values themselves;
  // with its offset when known); values of the last one are forgotten.
  void begin(std::size_t offset) { begin_at(locate_(offset), offset); }
  void begin_at(const SourceLocation& where, std::size_t offset = kRecord);
  // What begin() started was not a record after all (a JSON page): not counted.
  void drop() { --records_; }
  // A field's value (copied) and where it lies. A later value of the same field replaces it.
  void set(Field field, std::string_view value, std::size_t offset);
  void set_attribute(std::size_t slot, std::string_view value, std::size_t offset);
  void set_at(Field field, std::string_view value, const SourceLocation& where);
  void set_attribute_at(std::size_t slot, std::string_view value, const SourceLocation& where);
  std::string_view value(Field field) const;
  // Adds the record's person through the row builder; false when it was skipped (an import issue
  // says why). With rows built on a thread, it is not known yet: true.
  bool add();
  // The record is a disabled or inactive account: left out, and counted for the summary.
  void leave_out() { ++left_out_; ++org_.imported_records; }
  // An import issue at the current record (or at `offset`), about the person `entity_id`.
  void issue(ImportIssue::Kind kind, std::string message, std::string entity_id, std::size_t offset = kRecord);
  void issue_at(ImportIssue::Kind kind, std::string message, std::string entity_id, const SourceLocation& where);
  void skip(std::string why, std::size_t offset = kRecord);
  // Whether the yes/no attribute `name` (`active`, `accountEnabled`) with value `text` at `offset`
  // says no. A value that is neither true nor false is an import-bad-value finding and reads as yes,
  // so the account is kept rather than lost unseen.
  bool says_no(std::string_view name, std::string_view text, std::size_t offset);

  SourceLocation locate(std::size_t offset) const { return locate_(offset); }
  SourceLocation record_start() const { return record_; }
  // Until this returns, rows added may not be in the org yet: before reading or changing the org
  // otherwise (units of groups, a cross-check of people), wait. builder() waits.
  void wait_for_rows() const;
  RowBuilder& builder() {
    wait_for_rows();
    return builder_;
  }
  bool builds_rows_on_thread() const { return rows_thread_ != nullptr; }
  std::size_t records() const { return records_; }
  std::size_t left_out() const { return left_out_; }

  // After the last record: throws InputError when records were read but none loaded, or none was
  // found (`what` names them: "SCIM User resources"); a warning counts those left out (`why`:
  // "inactive (active: false)").
  void finish(const std::string& path, const std::string& what, const std::string& why,
              std::vector<Diagnostic>& warnings) const;

  static constexpr std::size_t kRecord = static_cast<std::size_t>(-1);
  static constexpr std::size_t kPlaced = static_cast<std::size_t>(-2);

 private:
  // Room for as many more people as the rest of the file holds at the first kSample records' rate,
  // so a million-user export does not regrow (and copy) its people; virtual memory only, until used.
  void reserve_for_rest(std::size_t offset);
  static constexpr std::size_t kSample = 1024;

  SourceLocation of(int column) const override;
  void store(std::size_t column, std::string_view value, std::size_t offset);
  struct Batch;
  void apply(Batch& batch);  // on the rows' thread
  bool queueable() const;    // whether the current row may go to the rows' thread (no limit passed)

  Org& org_;
  const TextLocator& locate_;
  std::vector<std::string> header_;
  Layout layout_;
  RowBuilder builder_;
  const RecordLimits& limits_;
  std::size_t builder_records_ = 0;  // rows and skips given to the row builder, built or queued
  std::vector<std::string> storage_;         // by column: the current record's values
  std::vector<std::string_view> values_;     // views of storage_, as the row builder reads them
  std::vector<std::size_t> offsets_;         // by column, kRecord when unset, kPlaced when in places_
  std::vector<SourceLocation> places_;       // by column, for values set with a place
  std::size_t attribute_base_;  // the first attribute's column
  std::size_t export_bytes_;
  SourceLocation record_;
  std::size_t records_ = 0;
  std::size_t left_out_ = 0;
  std::vector<std::string_view> row_views_;  // the rows' thread's view of a queued row
  std::unique_ptr<BatchThread<Batch>> rows_thread_;  // null: rows are built as they are added
};

// Lower case ASCII letters, for ids that compare without case (e-mails, DNs).
std::string ascii_lower(std::string_view text);

// Reads `path` whole (refused over the size limit), adds it to the org's files and hands its bytes
// to `read(text, file)`, with progress around: the frame every directory importer shares.
template <typename Read>
void read_whole_export(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
                       Progress& progress, Read&& read) {
  check_input_size(files, path, options);
  const std::unique_ptr<FileBytes> bytes = files.read_all(path);
  const std::string_view text = bytes->view();
  const std::string phase = loading_phase(path);
  progress.update(phase, 0, text.size());
  read(text, org.add_file(path));
  progress.update(phase, text.size(), text.size());
}

}  // namespace orgaudit::import

namespace orgaudit::import {

// Directory groups as units (SCIM Groups, Backstage Groups): members that are groups become
// sub-units, members that are users join the group as their unit when nothing else gave them one.
// Members are settled after the last record, since groups and users come in any order.
class DirectoryGroups {
 public:
  DirectoryGroups(Org& org, DirectoryRecords& records) : org_(org), records_(records) {}

  // A group record's unit; kNoIndex (and a duplicate-id issue) when an earlier group had the id.
  UnitIndex define(const std::string& id, std::string name, const SourceLocation& where, const std::string& record);
  void member(const std::string& group, std::string member, const SourceLocation& where);
  // `child` belongs under `group` (a member group, Backstage's spec.children or spec.parent).
  void child(const std::string& group, std::string child, const SourceLocation& where);
  void finish();

 private:
  struct Tie {
    std::string group, other;
    SourceLocation where;
    bool child;
  };
  Org& org_;
  DirectoryRecords& records_;  // its builder, once the rows before are in the org
  std::vector<Tie> ties_;
};

}  // namespace orgaudit::import
