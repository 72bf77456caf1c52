// SARIF columns counted in Unicode code points (run.columnKind "unicodeCodePoints"; SARIF's default
// is UTF-16 code units). The YAML loader and the CSV importer count code points already; the XML
// importer gives byte columns, so on a line with accents before the finding an XML column is
// re-counted from the line's text.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "orgaudit/model.h"

namespace orgaudit {

class CodePointColumns {
 public:
  // Reads, from the inputs that count bytes (XML), the lines of `locations` that hold a non-ASCII byte.
  CodePointColumns(const Org& org, const std::vector<SourceLocation>& locations);

  // The location's column in code points (a byte that is not UTF-8 counts as one); the column as it
  // is when its line is ASCII, unreadable or from an input that already counts code points.
  std::uint32_t column(const SourceLocation& where) const;

 private:
  std::map<std::pair<FileIndex, std::uint32_t>, std::string> lines_;  // only lines that need re-counting
};

}  // namespace orgaudit
