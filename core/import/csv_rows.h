// The data rows of a CSV export, read into people: each record checked (malformed, fields missing
// or extra), decoded and handed to a RowBuilder. A large export is read in two halves at once, one
// per core, wherever the halves can be shown to make what one reader makes (read_rows).
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "util/parallel.h"
#include "import/column_map.h"
#include "import/csv_reader.h"
#include "import/row_builder.h"
#include "orgaudit/model.h"

namespace orgaudit::import {

// Files that are not all UTF-8 are read field by field: valid fields as they are, the others
// repaired (encoding.h) into storage that lives until the next row.
class Decoder {
 public:
  explicit Decoder(bool utf8) : utf8_(utf8) {}

  const std::vector<std::string_view>& decode(const csv::Record& record);

  // A decoder for another part of the same file, counting its repairs apart.
  Decoder another() const { return Decoder(utf8_); }
  // Takes over the repairs of `later`, which decoded the records after this one's.
  void append(const Decoder& later);

  // One issue per file, at the first field that needed repair: the cause is the file's encoding.
  void report(Org& org, FileIndex file, const csv::Reader& reader) const;

 private:
  struct First {
    csv::FieldStart at;
    char byte = 0;
  };
  bool utf8_;
  std::deque<std::string> store_;
  std::vector<std::string_view> out_;
  std::size_t repaired_ = 0;
  First first_;
};

// What every data row of one file is read with.
struct CsvFile {
  std::string_view text;
  char delimiter;
  FileIndex file;
  const std::vector<std::string>& files;  // the org's, which `file` indexes
  const Layout& layout;
  const std::vector<std::string>& header;
  RecordLimits limits;
};

struct RowHooks {
  // With the fields of the first row that loads (an organogram's name and date are there).
  std::function<void(const std::vector<std::string_view>&)> first_loaded;
  // Every 65,536 rows: the file's bytes before `read_to` are done with (their pages may go), and
  // `bytes_read` of them are read, by this thread and a second one.
  std::function<void(std::size_t read_to, std::size_t bytes_read)> progress;
  // Every 65,536 rows of the second half, on its thread: the bytes in [from, to) are done with.
  std::function<void(std::size_t from, std::size_t to)> second_half_done_with;
};

// The rows of one file, or of one part of it, as one RowBuilder builds them.
class CsvRows {
 public:
  CsvRows(const CsvFile& file, RowBuilder& builder, Decoder& decoder) : file_(file), builder_(builder), decoder_(decoder) {}

  // Reads records until the input ends or the reader stands at `stop` or past it.
  void read(csv::Reader& reader, std::size_t stop, const RowHooks& hooks);
  // Appends `later`'s rows, read from the records after these (RowBuilder::append). False, with
  // nothing changed, when they must be read again here.
  bool append(CsvRows& later);

  std::size_t rows() const { return rows_; }  // data rows read, blank ones not counted
  const RowBuilder& builder() const { return builder_; }
  const Decoder& decoder() const { return decoder_; }

 private:
  void read_record(const csv::Reader& reader, const csv::Record& record, const RowHooks& hooks);

  const CsvFile& file_;
  RowBuilder& builder_;
  Decoder& decoder_;
  std::size_t rows_ = 0;
};

// Room in `builder` for the rows of text[from, end): one person per line at most, so a
// million-row export does not regrow its tables.
void reserve_rows(RowBuilder& builder, std::string_view text, std::size_t from, const RecordLimits& limits);

// How read_rows read the rows (tests ask).
enum class RowsRead {
  one_thread,     // as asked, or for the file's size or preset
  two_halves,     // at once, the second on another thread (or after the first, for want of one), and appended
  halves_redone,  // split, but the second half was read again after the first: the split fell
                  // inside a quoted field, or the halves could not be appended as they were
};

// From `min_bytes` of rows on (about 4,000 rows), read_rows reads them in two halves
// (detail::Split::by_size): the 0.66 MB of a 10,000-row file load in 5 ms so against 7 ms on one thread.
inline constexpr std::size_t kSplitRowsMinBytes = 256u << 10;

// Reads the data rows from where `reader` stands (after the header) to the end into `rows`.
// When `second_thread` says so (detail::split_in_two), a second thread reads the second half of the
// bytes, from a line start, into an org of its own while this one reads the first; the second is
// appended if this reader stops exactly where it started (a record boundary) and
// CsvRows::append can. Otherwise this thread goes on through the second half itself. Either way
// the org, the issues and any error are those of reading row after row: the first half's error,
// else the second's.
RowsRead read_rows(const CsvFile& file, csv::Reader& reader, CsvRows& rows, const RowHooks& hooks,
                   detail::Split second_thread);

}  // namespace orgaudit::import
