// Byte offsets of a text to line and column, the column in code points as orgaudit's locations
// count them (the YAML loader's do), for importers that know where a value starts by its offset.
#pragma once

#include <string_view>

#include "import/xml_guard.h"
#include "orgaudit/source_location.h"

namespace orgaudit::import {

class TextLocator {
 public:
  TextLocator(std::string_view text, FileIndex file) : text_(text), lines_(text), file_(file) {}

  SourceLocation operator()(std::size_t offset) const {
    SourceLocation at = lines_.locate(file_, offset);
    std::uint32_t column = 1;  // count the bytes that start a code point, from the line's start
    for (std::size_t i = offset - (at.column - 1); i < offset && i < text_.size(); ++i)
      column += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
    at.column = column;
    return at;
  }

 private:
  std::string_view text_;
  xml::LineIndex lines_;
  FileIndex file_;
};

}  // namespace orgaudit::import
