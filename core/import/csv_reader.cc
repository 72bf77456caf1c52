#include "import/csv_reader.h"

#include <algorithm>
#include <cstring>

namespace orgaudit::csv {
namespace {

std::string_view without_bom(std::string_view data) {
  if (data.size() >= 3 && data.compare(0, 3, "\xEF\xBB\xBF") == 0) data.remove_prefix(3);
  return data;
}

}  // namespace

bool Record::blank() const {
  for (std::string_view f : fields)
    if (f.find_first_not_of(" \t") != std::string_view::npos) return false;
  return true;
}

Reader::Reader(std::string_view data, char delimiter) : delimiter_(delimiter) {
  data = without_bom(data);
  begin_ = pos_ = data.data();
  end_ = data.data() + data.size();
  for (unsigned char c : {static_cast<unsigned char>(delimiter), static_cast<unsigned char>('"'),
                          static_cast<unsigned char>('\r'), static_cast<unsigned char>('\n')})
    special_[c] = true;
}

bool Reader::next(Record& record) {
  if (pos_ >= end_) return false;
  record.fields.clear();
  record.problem = RecordProblem{};
  record.line = line_;
  spans_.clear();
  scratch_.clear();
  for (;;) {
    const auto column = static_cast<std::uint32_t>(spans_.size() + 1);
    if (pos_ < end_ && *pos_ == '"') {
      read_quoted(record, column);
    } else {
      const char* start = pos_;
      // The hot loop: most fields of a large export are unquoted and end at a delimiter.
      for (;;) {
        while (pos_ < end_ && !special_[static_cast<unsigned char>(*pos_)]) ++pos_;
        if (pos_ < end_ && *pos_ == '"') {
          ++pos_;  // a quote inside an unquoted field (5'10") is text, as every spreadsheet reads it
          continue;
        }
        break;
      }
      spans_.push_back(Span{static_cast<std::size_t>(start - begin_), static_cast<std::size_t>(pos_ - begin_), false});
    }
    if (pos_ >= end_) break;
    const char c = *pos_++;
    if (c == delimiter_) {
      if (pos_ >= end_) spans_.push_back(Span{0, 0, true});  // "a,b," ends with an empty field
      else continue;
      break;
    }
    if (c == '\r' && pos_ < end_ && *pos_ == '\n') ++pos_;
    ++line_;  // '\n', "\r\n" or a lone '\r' (old Mac exports)
    break;
  }
  record.fields.reserve(spans_.size());
  for (const Span& s : spans_) {
    const char* base = s.in_scratch ? scratch_.data() : begin_;
    record.fields.emplace_back(base + s.begin, s.end - s.begin);
  }
  return true;
}

void Reader::read_quoted(Record& record, std::uint32_t column) {
  const std::uint32_t open_line = line_;
  ++pos_;  // the opening quote
  const char* segment = pos_;
  bool unescaped = false;  // the field holds "" and is being copied into scratch_
  std::size_t scratch_begin = scratch_.size();
  for (;;) {
    const void* found = std::memchr(pos_, '"', static_cast<std::size_t>(end_ - pos_));
    if (!found) throw UnterminatedQuote{open_line, column};
    const char* quote = static_cast<const char*>(found);
    line_ += static_cast<std::uint32_t>(std::count(pos_, quote, '\n'));
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
      if (record.problem.column == 0)
        record.problem = {column, "text after the closing quote of a quoted field (a quote inside a "
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
    spans_.push_back(Span{scratch_begin, scratch_.size(), true});
  else
    spans_.push_back(Span{static_cast<std::size_t>(segment - begin_), static_cast<std::size_t>(pos_ - 1 - begin_), false});
}

char detect_delimiter(std::string_view data) {
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
