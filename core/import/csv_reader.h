// RFC 4180 CSV over bytes already in memory (a mapped file): quoted fields with embedded delimiters,
// doubled quotes and line breaks, CRLF, LF or lone CR records, a UTF-8 byte order mark, and Excel's
// `sep=;` first line naming the delimiter.
//
// Fields are views into the input, so a large export is tokenised without copying it; only a field
// with doubled quotes ("a ""b""") is unescaped, into a per-record buffer. What a spreadsheet or HR
// system writes that RFC 4180 does not allow is tolerated where the meaning is clear (a quote inside
// an unquoted field is kept as text) and reported where it is not (text after a closing quote), so
// one odd row never hides the rest of the file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace orgaudit::csv {

// A problem that spoils one record; the record is still returned, so the caller can skip it with
// the reason and carry on.
struct RecordProblem {
  std::uint32_t field = 0;  // 1-based field number; 0: no problem
  std::string message;
};

// Where a field starts in the input: its line, and byte offsets of that line and of the field.
// Editors and SARIF count columns in characters, so Reader::column turns this into one on demand.
struct FieldStart {
  std::uint32_t line = 0;
  std::size_t line_offset = 0, offset = 0;
};

struct Record {
  std::vector<std::string_view> fields;  // valid until the next call to Reader::next
  std::vector<FieldStart> starts;        // one per field, then one for the end of the record
  std::uint32_t line = 0;                // line the record starts on, 1-based
  RecordProblem problem;

  // An empty line, or a line of empty fields (",,,"): spreadsheets leave these at the end.
  bool blank() const;
};

// A quoted field that never closes: everything after it would be one field, so the file cannot be
// read. Thrown by Reader::next with the place the quote opened.
struct UnterminatedQuote {
  std::uint32_t line;
  std::uint32_t column;  // character column of the opening quote
};

class Reader {
 public:
  // `data` must outlive the reader. A leading UTF-8 BOM and an Excel `sep=` line are skipped.
  Reader(std::string_view data, char delimiter);
  // A reader of `data` from byte `from` on, a line start past the first line, with the line numbers
  // and columns of a reader that read the records before it: the second half of a file read in
  // two. Its records are those a reader from the start reads if `from` is a record boundary (not
  // inside a quoted field).
  Reader(std::string_view data, char delimiter, std::size_t from);

  // The 1-based column of a place, in Unicode code points (what editors and SARIF's
  // `unicodeCodePoints` count); a byte that is not valid UTF-8 is one character (Windows-1252).
  std::uint32_t column(const FieldStart& at) const { return column_in(begin_, at); }
  // The same for a place in `input`, the data a reader was given: another thread may ask this
  // while the reader goes on.
  static std::uint32_t column_in(const char* input, const FieldStart& at);

  // Reads the next record; false at the end of the input. Throws UnterminatedQuote.
  bool next(Record& record);

  // The line the next record starts on.
  std::uint32_t line() const { return line_; }

  // Bytes consumed so far, for progress.
  std::size_t offset() const { return static_cast<std::size_t>(pos_ - begin_); }

 private:
  struct Span {
    std::size_t begin, end;  // offsets into the input, or into scratch_ when in_scratch
    bool in_scratch;
  };

  // Reads the quoted field at pos_, whose start is the last of record.starts.
  void read_quoted(Record& record, std::uint32_t field);
  // The place `at` on the current line, and a field's span, written member by member into the
  // vector: a FieldStart or Span built whole and copied in was stored in 8-byte halves and read
  // back 16 bytes at once, a store-forwarding stall that was half of next()'s time.
  void add_start(std::vector<FieldStart>& starts, const char* at) const {
    FieldStart& start = starts.emplace_back();
    start.line = line_;
    start.line_offset = static_cast<std::size_t>(line_start_ - begin_);
    start.offset = static_cast<std::size_t>(at - begin_);
  }
  void add_span(std::size_t begin, std::size_t end, bool in_scratch) {
    Span& span = spans_.emplace_back();
    span.begin = begin;
    span.end = end;
    span.in_scratch = in_scratch;
  }

  const char* begin_;
  const char* pos_;
  const char* end_;
  char delimiter_;
  std::uint32_t line_ = 1;
  const char* line_start_;
  bool special_[256] = {};  // delimiter, quote, CR, LF: where an unquoted field may end
  std::vector<Span> spans_;
  std::string scratch_;
};

// The delimiter of a header line: the one an Excel `sep=X` first line names, else the one of `,` `;`
// tab `|` that occurs most often outside quotes (`,` on a tie or when none occurs), so semicolon
// exports from European locales and TSV read too.
char detect_delimiter(std::string_view data);

// The length of an Excel `sep=X` first line with its line break (after any BOM), or 0.
std::size_t separator_line(std::string_view data);

}  // namespace orgaudit::csv
