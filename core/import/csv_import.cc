#include "import/csv_import.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <regex>
#include <unordered_set>

#include "import/column_map.h"
#include "import/csv_reader.h"
#include "import/csv_rows.h"
#include "import/encoding.h"
#include "import/field_values.h"
#include "import/row_builder.h"
#include "orgaudit/date.h"
#include "util/text.h"
#include "model/import_log.h"

namespace orgaudit::import {
namespace {

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
  load_csv(files, path, options, org, warnings, progress, detail::Split::by_size);
}

RowsRead load_csv(const FileSystem& files, const std::string& path, const LoadOptions& options, Org& org,
                  std::vector<Diagnostic>& warnings, Progress& progress, detail::Split second_thread) {
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
  RowsRead how = RowsRead::one_thread;
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
    reserve_rows(builder, text, reader.offset(), options.limits);
    const CsvFile csv_file{text, delimiter, file, org.files, layout, header, options.limits};
    CsvRows rows(csv_file, builder, decoder);
    RowHooks hooks;
    // An organogram's name and date are in its first row that loads.
    if (organogram) hooks.first_loaded = [&](const std::vector<std::string_view>& fields) { organogram_metadata(path, header, fields, org); };
    hooks.progress = [&](std::size_t read_to, std::size_t bytes_read) {
      progress.update(phase, bytes_read, text.size());
      if (converted.empty()) bytes->done_before(read_to);  // those rows are in the org
    };
    // The second half's pages go as its rows are read, not when the file is done (31 MB of a
    // million-row file otherwise resident until the halves are joined).
    if (converted.empty()) hooks.second_half_done_with = [&](std::size_t from, std::size_t to) { bytes->done_between(from, to); };
    how = read_rows(csv_file, reader, rows, hooks, second_thread);
    org.import_log->records += rows.rows();
    if (rows.rows() == 0) fail(header_line, 1, "the file has a header but no data rows");
    if (builder.loaded() == 0) {
      const ImportIssue* first = builder.first_skip();
      fail(header_line, 1, "none of the " + std::to_string(rows.rows()) + " data rows could be loaded; the first, on line " +
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
  return how;
}

}  // namespace orgaudit::import
