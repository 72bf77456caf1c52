// Where an entity or a field came from, so every finding points back into the user's own file.
#pragma once

#include <cstdint>

namespace orgaudit {

// Index into Org::files. Kept as an index so a million people do not carry a million path strings.
using FileIndex = std::uint32_t;

struct SourceLocation {
  FileIndex file = 0;
  std::uint32_t line = 0;    // 1-based; 0 means "no location known"
  std::uint32_t column = 0;  // 1-based

  bool known() const { return line != 0; }
};

inline bool operator==(const SourceLocation& a, const SourceLocation& b) {
  return a.file == b.file && a.line == b.line && a.column == b.column;
}

}  // namespace orgaudit
