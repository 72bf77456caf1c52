// Byte offsets of a text to line and column, the column in code points as orgaudit's locations
// count them (the YAML loader's do), for importers that know where a value starts by its offset.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "import/xml_guard.h"
#include "orgaudit/source_location.h"

namespace orgaudit::import {

class TextLocator {
 public:
  TextLocator(std::string_view text, FileIndex file) : size_(text.size()), lines_(text), file_(file) {}

  std::size_t size() const { return size_; }

  // Clamped to the text: a place past its end (a truncated export) is its end.
  SourceLocation operator()(std::size_t offset) const { return lines_.locate(file_, std::min(offset, size_)); }

 private:
  std::size_t size_;
  xml::LineIndex lines_;
  FileIndex file_;
};

}  // namespace orgaudit::import
