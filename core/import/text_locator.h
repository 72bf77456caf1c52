// Byte offsets of a text to line and column, the column in code points as orgaudit's locations
// count them (the YAML loader's do), for importers that know where a value starts by its offset.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "import/xml_guard.h"
#include "orgaudit/source_location.h"

namespace orgaudit::import {

class TextLocator {
 public:
  TextLocator(std::string_view text, FileIndex file) : text_(text), lines_(text), file_(file) {}

  std::size_t size() const { return text_.size(); }

  SourceLocation operator()(std::size_t offset) const {
    SourceLocation at = lines_.locate(file_, offset);
    // Clamped to the text: a place past its end (a truncated export) counts up to the end only.
    const std::size_t back = at.column - 1;
    const std::size_t line_start = std::min(back <= offset ? offset - back : 0, text_.size());
    // Code points are counted from the last place asked on the same line, forward or back, so a
    // minified export (one line of a million records) is counted once, not once per record.
    if (line_start != counted_line_) {
      counted_line_ = counted_to_ = line_start;
      counted_column_ = 1;
    }
    offset = std::min(offset, text_.size());
    if (offset >= counted_to_) counted_column_ += code_points(counted_to_, offset);
    else counted_column_ -= code_points(offset, counted_to_);
    counted_to_ = offset;
    at.column = counted_column_;
    return at;
  }

 private:
  // Code points that start in [from, to): bytes that are not UTF-8 continuation bytes (10xxxxxx),
  // counted 8 at a time, since every value of a record is located.
  std::uint32_t code_points(std::size_t from, std::size_t to) const {
    std::size_t count = to - from;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    for (; to - from >= 8; from += 8) {
      std::uint64_t word;
      std::memcpy(&word, text_.data() + from, 8);
      // Bit 7 set and bit 6 clear marks a continuation byte; those bits, moved to bit 0 of each byte
      // and summed into the top byte by the multiplication, count them (no popcount instruction needed).
      count -= static_cast<std::size_t>((((word & ~(word << 1) & highs) >> 7) * 0x0101010101010101ULL) >> 56);
    }
    for (; from < to; ++from) count -= (static_cast<unsigned char>(text_[from]) & 0xC0) == 0x80;
    return static_cast<std::uint32_t>(count);
  }

  std::string_view text_;
  xml::LineIndex lines_;
  FileIndex file_;
  mutable std::size_t counted_line_ = static_cast<std::size_t>(-1), counted_to_ = 0;
  mutable std::uint32_t counted_column_ = 1;
};

}  // namespace orgaudit::import
