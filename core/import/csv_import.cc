#include "import/csv_import.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <regex>
#include <unordered_set>

#include "import/column_map.h"
#include "import/csv_reader.h"
#include "import/encoding.h"
#include "import/field_values.h"
#include "import/row_builder.h"
#include "orgaudit/date.h"
#include "util/text.h"
#include "model/import_log.h"

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
    org.import_log->issues.push_back(ImportIssue{
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
    // One thread: building the rows on a second one while this one tokenises cost a third more CPU
    // for 5% less wall time on a 2-core machine (the two contend for one memory, and the builder
    // is most of the work), so it did not pay.
    std::size_t rows = 0;
    while (reader.next(record)) {
      if (record.blank()) continue;  // blank lines and rows of empty cells (",,,") carry nothing
      ++rows;
      auto row_id = [&] {  // for a skipped row's issue
        const int id_column = layout[Field::id];
        return id_column >= 0 && static_cast<std::size_t>(id_column) < record.fields.size()
                   ? std::string(trim_view(record.fields[id_column])) : std::string();
      };
      const CsvPlaces places(reader, record, file);
      if (record.problem.field) {
        const SourceLocation at = places.of(static_cast<int>(record.problem.field - 1));
        builder.skip(at.line, at.column, row_id(), record.problem.message + builder.naming(record.problem.field - 1));
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
          builder.skip(at.line, at.column, row_id(),
                       "it has " + std::to_string(fields.size()) + (fields.size() == 1 ? " field" : " fields") +
                           " where the header has " + std::to_string(header.size()) + hint);
          continue;
        }
      }
      // An organogram's name and date are in its first row that loads.
      if (builder.add(Row{fields, record.line, &places}) && builder.loaded() == 1 && organogram)
        organogram_metadata(path, header, fields, org);
      if ((rows & 0xFFFF) == 0) {
        progress.update(phase, reader.offset(), text.size());
        if (converted.empty()) bytes->done_before(reader.offset());  // those rows are in the org
      }
    }
    org.import_log->records += rows;
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
