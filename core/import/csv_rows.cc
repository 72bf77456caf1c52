#include "import/csv_rows.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>

#include <sys/mman.h>
#include <unistd.h>

#include "import/encoding.h"
#include "import/field_values.h"
#include "model/import_log.h"
#include "util/text.h"

namespace orgaudit::import {

const std::vector<std::string_view>& Decoder::decode(const csv::Record& record) {
  if (utf8_) return record.fields;
  store_.clear();
  out_.clear();
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    const std::string_view field = record.fields[i];
    if (first_invalid_utf8(field) == std::string_view::npos) {
      out_.push_back(field);
      continue;
    }
    if (repaired_++ == 0) first_ = {record.starts[i], field[first_invalid_utf8(field)]};
    out_.push_back(store_.emplace_back(repair_utf8(field)));
  }
  return out_;
}

void Decoder::append(const Decoder& later) {
  if (repaired_ == 0) first_ = later.first_;
  repaired_ += later.repaired_;
}

void Decoder::report(Org& org, FileIndex file, const csv::Reader& reader) const {
  if (repaired_ == 0) return;
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(first_.byte)));
  org.import_log->issues.push_back(ImportIssue{
      ImportIssue::encoding,
      std::to_string(repaired_) + (repaired_ == 1 ? " field is" : " fields are") + " not valid UTF-8 (the first here, byte " +
          byte + "); read as Windows-1252. Export the file as UTF-8 to be sure names are read as meant",
      "", SourceLocation{file, first_.at.line, reader.column(first_.at)}});
}

namespace {

// A CSV field's place: the line it starts on and its character column there, worked out only for
// the few fields a finding or an entity needs.
class CsvPlaces : public FieldPlaces {
 public:
  CsvPlaces(const csv::Reader& reader, const csv::Record& record, FileIndex file)
      : reader_(reader), record_(record), file_(file) {}
  SourceLocation of(int column) const override {
    if (column < 0 || record_.starts.empty()) return SourceLocation{file_, record_.line, 1};
    // A field the record lacks is where it would start: the end of the record.
    const csv::FieldStart& at = record_.starts[std::min<std::size_t>(static_cast<std::size_t>(column), record_.starts.size() - 1)];
    return SourceLocation{file_, at.line, reader_.column(at)};
  }

 private:
  const csv::Reader& reader_;
  const csv::Record& record_;
  FileIndex file_;
};

}  // namespace

void CsvRows::read(csv::Reader& reader, std::size_t stop, const RowHooks& hooks) {
  csv::Record record;
  while (reader.offset() < stop && reader.next(record)) {
    if (record.blank()) continue;  // blank lines and rows of empty cells (",,,") carry nothing
    ++rows_;
    read_record(reader, record, hooks);
    if ((rows_ & 0xFFFF) == 0 && hooks.progress) hooks.progress(reader.offset(), reader.offset());
  }
}

void CsvRows::read_record(const csv::Reader& reader, const csv::Record& record, const RowHooks& hooks) {
  const Layout& layout = file_.layout;
  const std::vector<std::string>& header = file_.header;
  auto row_id = [&] {  // for a skipped row's issue
    const int id_column = layout[Field::id];
    return id_column >= 0 && static_cast<std::size_t>(id_column) < record.fields.size()
               ? std::string(trim_view(record.fields[id_column])) : std::string();
  };
  const CsvPlaces places(reader, record, file_.file);
  if (record.problem.field) {
    const SourceLocation at = places.of(static_cast<int>(record.problem.field - 1));
    builder_.skip(at.line, at.column, row_id(), record.problem.message + builder_.naming(record.problem.field - 1));
    return;
  }
  const std::vector<std::string_view>& fields = decoder_.decode(record);
  if (fields.size() != header.size()) {
    std::size_t extra = header.size();  // trailing empty cells past the header are harmless
    while (extra < fields.size() && trim_view(fields[extra]).empty()) ++extra;
    if (fields.size() < header.size() || extra < fields.size()) {
      const bool more = fields.size() > header.size();
      const std::string sep(1, file_.delimiter == '\t' ? 't' : file_.delimiter);
      const std::string hint = more ? " (a value with an unquoted delimiter? quote values that contain '" + sep + "')"
                               : fields.size() == 1 ? " (written with another delimiter than the header's '" + sep + "'?)"
                                                    : "";
      const SourceLocation at = places.of(static_cast<int>(more ? extra : fields.size()));
      builder_.skip(at.line, at.column, row_id(),
                    "it has " + std::to_string(fields.size()) + (fields.size() == 1 ? " field" : " fields") +
                        " where the header has " + std::to_string(header.size()) + hint);
      return;
    }
  }
  if (builder_.add(Row{fields, record.line, &places}) && builder_.loaded() == 1 && hooks.first_loaded) hooks.first_loaded(fields);
}

bool CsvRows::append(CsvRows& later) {
  if (!builder_.append(later.builder_)) return false;
  decoder_.append(later.decoder_);
  rows_ += later.rows_;
  return true;
}

void reserve_rows(RowBuilder& builder, std::string_view text, std::size_t from, const RecordLimits& limits) {
  const auto lines = static_cast<std::uint64_t>(count_line_feeds(text.substr(from)));
  builder.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(lines + 1, limits.max_records)));
}

namespace {

// Where the second half of the rows starts: the first line start from the middle of their bytes
// on; npos to read them on one thread. Organogram rows (junior posts numbered as they come, a
// post's name and date in the first row), ids read without case and unit paths build on what rows
// before them made in ways an append does not follow, so they are read on one thread.
std::size_t split_offset(const CsvFile& file, std::size_t rows_start, detail::Split second_thread) {
  const Preset& preset = *file.layout.preset;
  if (preset.style != RowStyle::plain || preset.ids_ignore_case || preset.unit_paths) return std::string_view::npos;
  if (!detail::split_in_two(second_thread, file.text.size() - rows_start, kSplitRowsMinBytes)) return std::string_view::npos;
  const std::size_t line_break = file.text.find('\n', rows_start + (file.text.size() - rows_start) / 2);
  if (line_break == std::string_view::npos || line_break + 1 >= file.text.size()) return std::string_view::npos;
  return line_break + 1;
}

// The rows from `from` on, read by run() (on a thread of its own) into an org of its own until
// the end, a failure, or stop().
class SecondHalf {
 public:
  SecondHalf(const CsvFile& file, const Decoder& decoder, std::size_t from, std::pair<char*, char*> room,
             std::function<void(std::size_t, std::size_t)> done_with)
      : file_(file),
        room_(room),
        done_with_(std::move(done_with)),
        org_(org_of(file)),
        builder_(org_, file.file, file.layout, file.header, file.limits),
        decoder_(decoder.another()),
        rows_(file, builder_, decoder_),
        from_(from) {}
  SecondHalf(const SecondHalf&) = delete;
  SecondHalf& operator=(const SecondHalf&) = delete;

  // Reads the rows; a failure is kept for failure() rather than thrown, since whether it is the
  // file's error depends on where the first half ends.
  void run() {
    try {
      reserve_rows(builder_, file_.text, from_, file_.limits);
      csv::Reader reader(file_.text, file_.delimiter, from_);
      RowHooks hooks;
      hooks.progress = [this](std::size_t read_to, std::size_t) {
        bytes_read_.store(read_to - from_, std::memory_order_relaxed);
        if (stopped_.load(std::memory_order_relaxed)) throw Stopped{};
        if (done_with_) done_with_(from_, read_to);  // those rows are in this half's org
      };
      const std::uint32_t first_line = reader.line();
      rows_.read(reader, std::string_view::npos, hooks);
      prepare_room(first_line);
    } catch (...) {
      failure_ = std::current_exception();
    }
  }

  // Asks run() to give up (its rows are not wanted): it stops within 65,536 rows.
  void stop() { stopped_.store(true, std::memory_order_relaxed); }
  // Tells run() the first half is read, so the room for this half's people is wanted now.
  void first_half_read() { first_half_read_.store(true, std::memory_order_relaxed); }

  std::exception_ptr failure() const { return failure_; }
  CsvRows& rows() { return rows_; }
  std::size_t bytes_read() const { return bytes_read_.load(std::memory_order_relaxed); }

 private:
  struct Stopped {};

  static Org org_of(const CsvFile& file) {
    Org org;
    org.files = file.files;  // messages name the file by its index
    return org;
  }

  // The room the first half's people cannot reach (each of its rows takes a line at least, and
  // `first_line` - 1 lines come before this half) is where this half's people go. Its pages are
  // faulted in here while the first half is still being read, rather than one by one as append()
  // moves people there: a few at a time, until the first half is read.
  void prepare_room(std::uint32_t first_line) {
#ifdef MADV_POPULATE_WRITE
    const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const std::uintptr_t step = 256 * page;
    std::uintptr_t start = (reinterpret_cast<std::uintptr_t>(room_.first) + first_line * sizeof(Person) + page - 1) / page * page;
    const std::uintptr_t end = reinterpret_cast<std::uintptr_t>(room_.second) / page * page;
    for (; start < end && !first_half_read_.load(std::memory_order_relaxed); start += step)
      if (::madvise(reinterpret_cast<void*>(start), std::min(step, end - start), MADV_POPULATE_WRITE) != 0) break;
#endif
  }

  const CsvFile& file_;
  const std::pair<char*, char*> room_;  // RowBuilder::room() of the first half's builder
  const std::function<void(std::size_t, std::size_t)> done_with_;
  Org org_;
  RowBuilder builder_;
  Decoder decoder_;
  CsvRows rows_;
  const std::size_t from_;
  std::atomic<bool> stopped_{false};
  std::atomic<bool> first_half_read_{false};
  std::atomic<std::size_t> bytes_read_{0};
  std::exception_ptr failure_;
};

}  // namespace

RowsRead read_rows(const CsvFile& file, csv::Reader& reader, CsvRows& rows, const RowHooks& hooks,
                   detail::Split second_thread) {
  const std::size_t split = split_offset(file, reader.offset(), second_thread);
  if (split == std::string_view::npos) {
    rows.read(reader, std::string_view::npos, hooks);
    return RowsRead::one_thread;
  }
  SecondHalf later(file, rows.decoder(), split, rows.builder().room(), hooks.second_half_done_with);
  RowHooks first_half = hooks;
  if (hooks.progress)
    first_half.progress = [&](std::size_t read_to, std::size_t) { hooks.progress(read_to, read_to + later.bytes_read()); };
  bool at_split = false;
  auto read_first_half = [&] {
    try {
      rows.read(reader, split, first_half);
    } catch (...) {
      later.stop();  // this half's error is the file's: the other's rows are not wanted
      throw;
    }
    // Where the first half ends where the second starts, at a record boundary, the second is
    // wanted; where the split fell inside a quoted field, the second half read the wrong records.
    at_split = reader.offset() == split;
    if (at_split)
      later.first_half_read();
    else
      later.stop();
  };
  detail::run_both(true, read_first_half, [&] { later.run(); });
  if (at_split) {
    // The second half's error is the one reading on would meet, unless reading on would meet the
    // record limit first.
    if (later.failure() && file.limits.records_fit(rows.builder().records() + later.rows().builder().records()))
      std::rethrow_exception(later.failure());
    if (!later.failure() && rows.append(later.rows())) return RowsRead::two_halves;
  }
  rows.read(reader, std::string_view::npos, hooks);
  return RowsRead::halves_redone;
}

}  // namespace orgaudit::import
