#include "import/csv_import.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <functional>
#include <memory>
#include <regex>
#include <unordered_set>

#include "import/batch_thread.h"
#include "import/column_map.h"
#include "import/csv_reader.h"
#include "import/encoding.h"
#include "import/field_values.h"
#include "import/row_builder.h"
#include "orgaudit/date.h"
#include "util/text.h"

namespace orgaudit::import {
namespace {

// Files that are not all UTF-8 are read field by field: valid fields as they are, the others
// repaired (encoding.h) into storage that lives until the next row.
class Decoder {
 public:
  explicit Decoder(bool utf8) : utf8_(utf8) {}

  const std::vector<std::string_view>& decode(const csv::Record& record) {
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

  // One issue per file, at the first field that needed repair: the cause is the file's encoding.
  void report(Org& org, FileIndex file, const csv::Reader& reader) const {
    if (repaired_ == 0) return;
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(first_.byte)));
    org.import_issues.push_back(ImportIssue{
        ImportIssue::encoding,
        std::to_string(repaired_) + (repaired_ == 1 ? " field is" : " fields are") + " not valid UTF-8 (the first here, byte " +
            byte + "); read as Windows-1252. Export the file as UTF-8 to be sure names are read as meant",
        "", SourceLocation{file, first_.at.line, reader.column(first_.at)}});
  }

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

// A CSV field's place: the line it starts on and its character column there, worked out only for
// the few fields a finding or an entity needs. Reading the input only, it may be asked on the rows'
// thread while the reader goes on.
class CsvPlaces : public FieldPlaces {
 public:
  // `input`: the text the reader reads.
  CsvPlaces(const char* input, const csv::FieldStart* starts, std::size_t count, std::uint32_t line, FileIndex file)
      : input_(input), starts_(starts), count_(count), line_(line), file_(file) {}
  CsvPlaces(std::string_view input, const csv::Record& record, FileIndex file)
      : CsvPlaces(input.data(), record.starts.data(), record.starts.size(), record.line, file) {}
  SourceLocation of(int column) const override {
    if (column < 0 || count_ == 0) return SourceLocation{file_, line_, 1};
    // A field the record lacks is where it would start: the end of the record.
    const csv::FieldStart& at = starts_[std::min<std::size_t>(static_cast<std::size_t>(column), count_ - 1)];
    return SourceLocation{file_, at.line, csv::Reader::column_in(input_, at)};
  }

 private:
  const char* input_;
  const csv::FieldStart* starts_;
  std::size_t count_;
  std::uint32_t line_;
  FileIndex file_;
};

// Rows and skips queued for the rows' thread, in the order they came. Fields are views of the
// input where they can be (it outlives the load), copies where the reader or the decoder made them.
struct CsvBatch {
  static constexpr std::size_t kRows = 256;
  struct Step {
    std::uint32_t line;
    std::size_t first_field, fields, first_start, starts;  // a row's, in `fields` and `starts`
    std::size_t skip = kNoSkip;                             // or a skip, in `skips`
  };
  static constexpr std::size_t kNoSkip = static_cast<std::size_t>(-1);
  struct Skip {
    std::uint32_t line, column;
    std::string entity_id, why;
  };
  std::vector<Step> steps;
  std::vector<std::string_view> fields;
  std::vector<csv::FieldStart> starts;
  std::deque<std::string> copies;
  std::vector<Skip> skips;
  std::size_t read_to = 0;  // the input offset after its last record

  bool empty() const { return steps.empty(); }
  bool full() const { return steps.size() >= kRows; }
  void clear() {
    steps.clear();
    fields.clear();
    starts.clear();
    copies.clear();
    skips.clear();
  }
};

// Where the rows of an export go: straight into the row builder, or, for a large export, in
// batches to a second thread that builds them while this one tokenises the rest. Either way the
// builder gets the same rows and skips in the same order. A row or skip that passes a limit is
// built here, once the rows queued before it are in, so its error is thrown when and where it
// would be without the thread.
class CsvRows {
 public:
  // `loaded_first`: called with the first row that loads (an organogram's name and date are in it).
  CsvRows(RowBuilder& builder, const csv::Reader& reader, std::string_view input, FileIndex file,
          const RecordLimits& limits, bool thread, std::function<void(const std::vector<std::string_view>&)> loaded_first)
      : builder_(builder), reader_(reader), input_(input), file_(file), limits_(limits),
        loaded_first_(std::move(loaded_first)) {
    if (thread) thread_ = std::make_unique<BatchThread<CsvBatch>>([this](CsvBatch& batch) { apply(batch); });
  }

  void add(const csv::Record& record, const std::vector<std::string_view>& fields) {
    if (!queueable(fields)) {
      wait();
      ++records_;
      build(fields, CsvPlaces(input_, record, file_), record.line);
      return;
    }
    ++records_;
    CsvBatch& batch = thread_->current();
    batch.steps.push_back({record.line, batch.fields.size(), fields.size(), batch.starts.size(), record.starts.size()});
    for (std::string_view field : fields) batch.fields.push_back(in_input(field) ? field : batch.copies.emplace_back(field));
    batch.starts.insert(batch.starts.end(), record.starts.begin(), record.starts.end());
    batch.read_to = reader_.offset();
    thread_->send();
  }

  void skip(std::uint32_t line, std::uint32_t column, std::string entity_id, std::string why) {
    if (!thread_ || !limits_.records_fit(records_ + 1)) {  // as add(): a skip counts towards the limit
      wait();
      ++records_;
      builder_.skip(line, column, std::move(entity_id), std::move(why));
      return;
    }
    ++records_;
    CsvBatch& batch = thread_->current();
    batch.steps.push_back({line, 0, 0, 0, 0, batch.skips.size()});
    batch.skips.push_back({line, column, std::move(entity_id), std::move(why)});
    batch.read_to = reader_.offset();
    thread_->send();
  }

  // Until every row given is in the org.
  void wait() {
    if (thread_) thread_->wait();
  }

  // The offset before which every record is built into the org (so those input bytes are no
  // longer needed), at most `read`.
  std::size_t built_before(std::size_t read) const { return thread_ ? std::min(read, on_thread_.built_to.load()) : read; }

 private:
  bool queueable(const std::vector<std::string_view>& fields) const {
    if (!thread_ || !limits_.records_fit(records_ + 1)) return false;
    return std::all_of(fields.begin(), fields.end(), [&](std::string_view f) { return limits_.field_fits(f.size()); });
  }

  bool in_input(std::string_view field) const {
    const auto at = reinterpret_cast<std::uintptr_t>(field.data()), begin = reinterpret_cast<std::uintptr_t>(input_.data());
    return field.empty() || (at >= begin && at + field.size() <= begin + input_.size());
  }

  void build(const std::vector<std::string_view>& fields, const CsvPlaces& places, std::uint32_t line) {
    if (builder_.add(Row{fields, line, &places}) && builder_.loaded() == 1) loaded_first_(fields);
  }

  void apply(CsvBatch& batch) {  // on the rows' thread
    for (const CsvBatch::Step& step : batch.steps) {
      if (step.skip != CsvBatch::kNoSkip) {
        CsvBatch::Skip& skip = batch.skips[step.skip];
        builder_.skip(skip.line, skip.column, std::move(skip.entity_id), std::move(skip.why));
        continue;
      }
      const auto first = batch.fields.begin() + static_cast<std::ptrdiff_t>(step.first_field);
      on_thread_.row_fields.assign(first, first + static_cast<std::ptrdiff_t>(step.fields));
      build(on_thread_.row_fields, CsvPlaces(input_.data(), batch.starts.data() + step.first_start, step.starts, step.line, file_),
            step.line);
    }
    on_thread_.built_to.store(batch.read_to);
  }

  RowBuilder& builder_;
  const csv::Reader& reader_;
  std::string_view input_;
  FileIndex file_;
  const RecordLimits& limits_;
  std::function<void(const std::vector<std::string_view>&)> loaded_first_;
  std::size_t records_ = 0;  // rows and skips given to the builder, built or queued
  // What the rows' thread writes, on a cache line of its own: a line both threads write to would
  // move between the cores at every row.
  struct alignas(64) OnThread {
    std::vector<std::string_view> row_fields;  // a queued row's fields, as the row builder takes them
    std::atomic<std::size_t> built_to{0};
  } on_thread_;
  std::unique_ptr<BatchThread<CsvBatch>> thread_;  // last: null when rows are built as they come
};

bool next_non_blank(csv::Reader& reader, csv::Record& record) {
  while (reader.next(record))
    if (!record.blank()) return true;
  return false;
}

// BambooHR and Visio name the id and the manager in more than one column, and exports disagree on
// which pairs with which. The pair where the most manager values are ids of the file wins.
void choose_id_and_manager(std::string_view text, char delimiter, Layout& layout) {
  std::vector<int> ids = layout.id_choices.empty() ? std::vector<int>{layout[Field::id]} : layout.id_choices;
  std::vector<int> managers = layout.manager_choices.empty() ? std::vector<int>{layout[Field::manager]} : layout.manager_choices;
  std::vector<std::unordered_set<std::string>> id_values(ids.size());
  std::vector<std::vector<std::string>> manager_values(managers.size());
  csv::Reader reader(text, delimiter);
  csv::Record record;
  next_non_blank(reader, record);  // the header
  while (next_non_blank(reader, record)) {
    for (std::size_t i = 0; i < ids.size(); ++i)
      if (static_cast<std::size_t>(ids[i]) < record.fields.size()) id_values[i].emplace(trim_view(record.fields[ids[i]]));
    for (std::size_t m = 0; m < managers.size(); ++m)
      if (static_cast<std::size_t>(managers[m]) < record.fields.size())
        if (std::string_view v = trim_view(record.fields[managers[m]]); !v.empty()) manager_values[m].emplace_back(v);
  }
  std::size_t best_matches = 0, best_id = 0, best_manager = 0;
  for (std::size_t i = 0; i < ids.size(); ++i)
    for (std::size_t m = 0; m < managers.size(); ++m) {
      if (ids[i] == managers[m]) continue;
      std::size_t matches = 0;
      for (const std::string& v : manager_values[m]) matches += id_values[i].count(v);
      if (matches > best_matches) best_matches = matches, best_id = i, best_manager = m;
    }
  layout[Field::id] = ids[best_id];
  layout[Field::manager] = managers[best_manager];
  layout.id_choices.clear();
  layout.manager_choices.clear();
}

// UK organograms name their body in a column and their date in the file name: the org's name and
// as-of date, unless another input gave them. The body is the `Organisation` (an agency publishes
// its own organogram under its parent department's name in `Parent Department`). The date is in
// the data.gov.uk collection's names (`dept-2011-03-31-senior.csv`), in a raw publisher file's
// `YYMMDD-` prefix (`130930-DFID-Organogram-Senior.csv`), or in its `source_file` column.
std::optional<Date> date_in(const std::string& text, bool file_name) {
  std::smatch m;
  if (std::regex_search(text, m, std::regex("(\\d{4}-\\d{2}-\\d{2})"))) return Date::parse(m[1].str());
  if (file_name && std::regex_search(text, m, std::regex("^(\\d{2})(\\d{2})(\\d{2})[-_ ]")))
    return Date::parse("20" + m[1].str() + "-" + m[2].str() + "-" + m[3].str());
  return std::nullopt;
}

void organogram_metadata(const std::string& path, const std::vector<std::string>& header,
                         const std::vector<std::string_view>& row, Org& org) {
  auto cell = [&](const char* column) -> std::string {
    for (std::size_t c = 0; c < header.size() && c < row.size(); ++c)
      if (normalise_column(header[c]) == normalise_column(column)) return std::string(trim_view(row[c]));
    return {};
  };
  for (const char* column : {"Organisation", "Parent Department"})
    if (org.name.empty()) org.name = cell(column);
  if (!org.as_of) org.as_of = date_in(path.substr(path.find_last_of('/') + 1), true);
  if (!org.as_of) org.as_of = date_in(cell("source_file"), false);
}

}  // namespace

void check_input_size(const FileSystem& files, const std::string& path, const LoadOptions& options) {
  const std::uint64_t size = files.size_of(path);
  if (size > options.max_input_bytes)
    throw InputError(Diagnostic{path, 0, 0, "the file is " + human_size(size) + ", over the input size limit of " +
                                                human_size(options.max_input_bytes) +
                                                " (raise it with --max-input-size or input.max-size)"});
}

void load_csv(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
              std::vector<Diagnostic>& warnings, Progress& progress) {
  load_csv(files, path, options, org, warnings, progress, SecondThread::by_size);
}

void load_csv(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
              std::vector<Diagnostic>& warnings, Progress& progress, SecondThread rows_thread) {
  check_input_size(files, path, options);
  const std::unique_ptr<FileBytes> bytes = files.read_all(path);
  std::string_view text = bytes->view();
  const FileIndex file = org.add_file(path);
  auto fail = [&](std::uint32_t line, std::uint32_t column, const std::string& message) {
    throw InputError(Diagnostic{path, line, column, message});
  };
  // UTF-16 exports are read as the UTF-8 they convert to; positions then count its characters.
  std::string converted;
  if (has_utf16_bom(text)) {
    converted = utf16_to_utf8(text);
    text = converted;
  } else if (looks_like_utf16(text)) {
    fail(1, 1, "the file looks like UTF-16 without a byte order mark (NUL bytes between the letters): "
               "save it as UTF-8, or as UTF-16 with its byte order mark");
  }
  if (trim_view(text).empty() || trim_view(text) == "\xEF\xBB\xBF")
    fail(0, 0, "empty file: a CSV export needs a header row and data rows");

  Decoder decoder(first_invalid_utf8(text) == std::string_view::npos);
  const char delimiter = csv::detect_delimiter(text);
  csv::Reader reader(text, delimiter);
  csv::Record record;
  const std::string phase = loading_phase(path);
  progress.update(phase, 0, text.size());
  try {
    if (!next_non_blank(reader, record)) fail(0, 0, "empty file: a CSV export needs a header row and data rows");
    if (record.problem.field) {
      const csv::FieldStart& at = record.starts[record.problem.field - 1];
      fail(at.line, reader.column(at), "malformed header: " + record.problem.message);
    }
    const std::uint32_t header_line = record.line;
    std::vector<std::string> header;
    for (std::string_view cell : decoder.decode(record)) header.emplace_back(trim_view(cell));
    Layout layout = resolve_layout(header, LayoutRequest{options.preset, options.columns, options.columns_source},
                                   path, header_line);
    if (!layout.id_choices.empty() || !layout.manager_choices.empty()) choose_id_and_manager(text, delimiter, layout);
    const bool organogram = layout.preset->style != RowStyle::plain;

    RowBuilder builder(org, file, layout, header, options.limits);
    // One person per line at most: reserving up front spares a million-row export the copies of
    // a growing vector (a Person is a few hundred bytes).
    const std::size_t lines = static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(reader.offset()), text.end(), '\n'));
    builder.reserve(std::min<std::uint64_t>(lines + 1, options.limits.max_records));
    const bool thread = use_second_thread(rows_thread, text.size(), kCsvRowsThreadMinBytes);
    CsvRows built(builder, reader, text, file, options.limits, thread, [&](const std::vector<std::string_view>& fields) {
      if (organogram) organogram_metadata(path, header, fields, org);
    });
    std::size_t rows = 0;
    while (reader.next(record)) {
      if (record.blank()) continue;  // blank lines and rows of empty cells (",,,") carry nothing
      ++rows;
      const int id_column = layout[Field::id];
      const std::string id = id_column >= 0 && static_cast<std::size_t>(id_column) < record.fields.size()
                                 ? std::string(trim_view(record.fields[id_column])) : std::string();
      const CsvPlaces places(text, record, file);
      if (record.problem.field) {
        const SourceLocation at = places.of(static_cast<int>(record.problem.field - 1));
        built.skip(at.line, at.column, id, record.problem.message + builder.naming(record.problem.field - 1));
        continue;
      }
      const std::vector<std::string_view>& fields = decoder.decode(record);
      if (fields.size() != header.size()) {
        std::size_t extra = header.size();  // trailing empty cells past the header are harmless
        while (extra < fields.size() && trim_view(fields[extra]).empty()) ++extra;
        if (fields.size() < header.size() || extra < fields.size()) {
          const bool more = fields.size() > header.size();
          const std::string sep(1, delimiter == '\t' ? 't' : delimiter);
          const std::string hint = more ? " (a value with an unquoted delimiter? quote values that contain '" + sep + "')"
                                   : fields.size() == 1 ? " (written with another delimiter than the header's '" + sep + "'?)"
                                                        : "";
          const SourceLocation at = places.of(static_cast<int>(more ? extra : fields.size()));
          built.skip(at.line, at.column, id,
                     "it has " + std::to_string(fields.size()) + (fields.size() == 1 ? " field" : " fields") +
                         " where the header has " + std::to_string(header.size()) + hint);
          continue;
        }
      }
      built.add(record, fields);
      if ((rows & 0xFFFF) == 0) {
        progress.update(phase, reader.offset(), text.size());
        // Rows already built are copied into the org.
        if (converted.empty()) bytes->done_before(built.built_before(reader.offset()));
      }
    }
    built.wait();
    org.imported_records += rows;  // counted here: the rows' thread writes beside it in the org all along
    if (rows == 0) fail(header_line, 1, "the file has a header but no data rows");
    if (builder.loaded() == 0) {
      const ImportIssue* first = builder.first_skip();
      fail(header_line, 1, "none of the " + std::to_string(rows) + " data rows could be loaded; the first, on line " +
                               std::to_string(first->where.line) + " column " + std::to_string(first->where.column) +
                               ": " + first->message);
    }
    if (layout.preset->style == RowStyle::organogram_senior && !org.as_of)
      warnings.push_back({path, 0, 0, "no snapshot date: neither the file name (as 2011-03-31 or a 110331- prefix) nor "
                                      "the data give one, so the org has no as_of and diffs show no dates; rename the "
                                      "file, or give the date in a YAML input (org: {as_of: YYYY-MM-DD})"});
  } catch (const csv::UnterminatedQuote& quote) {
    fail(quote.line, quote.column, "a quoted field opens here and is never closed (a quote inside a quoted "
                                   "field must be doubled: \"\")");
  }
  decoder.report(org, file, reader);
  progress.update(phase, text.size(), text.size());
}

}  // namespace orgaudit::import
