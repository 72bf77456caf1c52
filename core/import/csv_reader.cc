#include "import/csv_reader.h"

#include <algorithm>
#include <cstring>

#include "util/text.h"

namespace orgaudit::csv {
namespace {

std::string_view without_bom(std::string_view data) {
  if (data.size() >= 3 && data.compare(0, 3, "\xEF\xBB\xBF") == 0) data.remove_prefix(3);
  return data;
}

// Line breaks in [from, to): LF, CRLF and a lone CR each end one line. `line_start` moves past the
// last of them.
std::uint32_t count_breaks(const char* from, const char* to, const char*& line_start) {
  std::uint32_t breaks = 0;
  for (const char* p = from; p < to; ++p) {
    if (*p == '\n' || (*p == '\r' && (p + 1 >= to || p[1] != '\n'))) {
      ++breaks;
      line_start = p + 1;
    }
  }
  return breaks;
}

// Length of the UTF-8 sequence at text[i], or 1 when the bytes there are not one.
std::size_t sequence_length(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const std::size_t n = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 1;
  if (n == 1 || i + n > text.size()) return 1;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 1;
  return n;
}

}  // namespace

std::size_t separator_line(std::string_view data) {
  const std::size_t bom = data.size() - without_bom(data).size();
  data = without_bom(data);
  // `sep=;` exactly as Excel writes it, maybe quoted by a tool that re-saved it, maybe with the
  // delimiter's trailing empty fields: the line says nothing else.
  std::size_t at = data.size() > 0 && data[0] == '"' ? 1 : 0;
  if (data.compare(at, 4, "sep=") != 0 || data.size() < at + 5) return 0;
  const char delimiter = data[at + 4];
  if (delimiter == '\r' || delimiter == '\n') return 0;
  at += 5;
  while (at < data.size() && (data[at] == delimiter || data[at] == '"')) ++at;
  if (at < data.size() && data[at] == '\r') ++at;
  if (at < data.size() && data[at] == '\n') ++at;
  else if (at < data.size() && data[at - 1] != '\r') return 0;
  return bom + at;
}

bool Record::blank() const {
  for (std::string_view f : fields)
    if (f.find_first_not_of(" \t") != std::string_view::npos) return false;
  return true;
}

Reader::Reader(std::string_view data, char delimiter) : delimiter_(delimiter) {
  // Offsets (and so columns) count from the start of the input, BOM and `sep=` line included.
  begin_ = line_start_ = data.data();
  pos_ = without_bom(data).data();
  end_ = data.data() + data.size();
  if (const std::size_t sep = separator_line(data)) {
    pos_ = line_start_ = begin_ + sep;
    line_ = 2;
  }
  for (unsigned char c : {static_cast<unsigned char>(delimiter), static_cast<unsigned char>('"'),
                          static_cast<unsigned char>('\r'), static_cast<unsigned char>('\n')})
    special_[c] = true;
}

Reader::Reader(std::string_view data, char delimiter, std::size_t from) : Reader(data, delimiter) {
  pos_ = line_start_ = begin_ + from;
  // Lines are counted as next() counts them: every break before `from` ends one, the `sep=` line's
  // too. Most exports have no CR at all, and counting LFs alone is several times faster.
  const char* const prefix_end = begin_ + from;
  if (std::memchr(begin_, '\r', from) == nullptr) {
    line_ = 1 + static_cast<std::uint32_t>(count_line_feeds(std::string_view(begin_, from)));
  } else {
    const char* last_break = begin_;
    line_ = 1 + count_breaks(begin_, prefix_end, last_break);
  }
}

std::uint32_t Reader::column_in(const char* input, const FieldStart& at) {
  const std::string_view line(input + at.line_offset, at.offset - at.line_offset);
  std::uint32_t characters = 1;
  // A BOM at the start of the file is no character an editor shows.
  std::size_t i = at.line_offset == 0 && line.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  // Most lines of an export are ASCII up to the field: a byte each, counted without decoding
  // (three places a row, a million rows).
  if (std::none_of(line.begin() + static_cast<std::ptrdiff_t>(i), line.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
    return static_cast<std::uint32_t>(characters + line.size() - i);
  for (; i < line.size(); ++characters) i += sequence_length(line, i);
  return characters;
}

bool Reader::next(Record& record) {
  if (pos_ >= end_) return false;
  record.fields.clear();
  record.starts.clear();
  record.problem = RecordProblem{};
  record.line = line_;
  spans_.clear();
  scratch_.clear();
  // The reader's place is kept in `at` while the record is read, and stored back for
  // read_quoted(), which reads it: written to pos_ and read back at every field, it was loaded with
  // begin_ as one 16-byte word, a store-forwarding stall.
  const char* at = pos_;
  for (;;) {
    const auto field = static_cast<std::uint32_t>(spans_.size() + 1);
    add_start(record.starts, at);
    if (at < end_ && *at == '"') {
      pos_ = at;
      read_quoted(record, field);
      at = pos_;
    } else {
      const char* start = at;
      // The hot loop: most fields of a large export are unquoted and end at a delimiter.
      for (;;) {
        while (at < end_ && !special_[static_cast<unsigned char>(*at)]) ++at;
        if (at < end_ && *at == '"') {
          ++at;  // a quote inside an unquoted field (5'10") is text, as every spreadsheet reads it
          continue;
        }
        break;
      }
      add_span(static_cast<std::size_t>(start - begin_), static_cast<std::size_t>(at - begin_), false);
    }
    if (at >= end_) {
      add_start(record.starts, at);
      break;
    }
    const char* const field_end = at;
    const char c = *at++;
    if (c == delimiter_) {
      if (at >= end_) {  // "a,b," ends with an empty field
        add_start(record.starts, at);
        add_span(0, 0, true);
        add_start(record.starts, at);
      } else {
        continue;
      }
      break;
    }
    add_start(record.starts, field_end);
    if (c == '\r' && at < end_ && *at == '\n') ++at;
    ++line_;  // '\n', "\r\n" or a lone '\r' (old Mac exports)
    line_start_ = at;
    break;
  }
  pos_ = at;
  record.fields.reserve(spans_.size());
  for (const Span& s : spans_) {
    const char* base = s.in_scratch ? scratch_.data() : begin_;
    record.fields.emplace_back(base + s.begin, s.end - s.begin);
  }
  return true;
}

void Reader::read_quoted(Record& record, std::uint32_t field) {
  const FieldStart open = record.starts.back();  // the field's start, which next() has just added
  ++pos_;  // the opening quote
  const char* segment = pos_;
  bool unescaped = false;  // the field holds "" and is being copied into scratch_
  std::size_t scratch_begin = scratch_.size();
  for (;;) {
    const void* found = std::memchr(pos_, '"', static_cast<std::size_t>(end_ - pos_));
    if (!found) throw UnterminatedQuote{open.line, column(open)};
    const char* quote = static_cast<const char*>(found);
    line_ += count_breaks(pos_, quote, line_start_);
    if (quote + 1 < end_ && quote[1] == '"') {
      if (!unescaped) scratch_begin = scratch_.size();
      unescaped = true;
      scratch_.append(segment, quote + 1);  // keeps one of the two quotes
      pos_ = segment = quote + 2;
      continue;
    }
    pos_ = quote + 1;
    if (unescaped) scratch_.append(segment, quote);
    // RFC 4180 allows only a delimiter or the end of the record here. Anything else ("ab"c) makes
    // the field ambiguous: kept as written after the quote, and the record is flagged.
    if (pos_ < end_ && *pos_ != delimiter_ && *pos_ != '\r' && *pos_ != '\n') {
      if (record.problem.field == 0)
        record.problem = {field, "text after the closing quote of a quoted field (a quote inside a "
                                  "quoted field must be doubled: \"\")"};
      if (!unescaped) {
        scratch_begin = scratch_.size();
        scratch_.append(segment, quote);
        unescaped = true;
      }
      const char* rest = pos_;
      while (pos_ < end_ && *pos_ != delimiter_ && *pos_ != '\r' && *pos_ != '\n') ++pos_;
      scratch_.append(rest, pos_);
    }
    break;
  }
  if (unescaped)
    add_span(scratch_begin, scratch_.size(), true);
  else
    add_span(static_cast<std::size_t>(segment - begin_), static_cast<std::size_t>(pos_ - 1 - begin_), false);
}

char detect_delimiter(std::string_view data) {
  if (const std::size_t sep = separator_line(data)) {
    data = without_bom(data);
    return data[data[0] == '"' ? 5 : 4];
  }
  data = without_bom(data);
  std::size_t counts[4] = {};
  const char candidates[4] = {',', ';', '\t', '|'};
  bool quoted = false;
  for (char c : data) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    for (int i = 0; i < 4; ++i) counts[i] += c == candidates[i];
  }
  int best = 0;
  for (int i = 1; i < 4; ++i)
    if (counts[i] > counts[best]) best = i;
  return candidates[best];
}

}  // namespace orgaudit::csv
