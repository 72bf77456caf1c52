// XML input is untrusted (hris-formats.md): what is checked around pugixml, and where things are.
//
// pugixml never fetches external entities and never expands DTD entities, but a document that
// declares them (the "billion laughs" bomb, an external entity pointing at /etc/passwd) is refused
// outright, with the place of the declaration, rather than read with its references left as text.
// Nesting depth is bounded after parsing (pugixml itself parses iteratively), so nothing downstream
// walks an unbounded tree.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "orgaudit/source_location.h"

namespace orgaudit::import::xml {

// Byte offsets to line and column, from the raw bytes before pugixml parses them in place (in-place
// parsing overwrites some line breaks with string terminators).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // Fast for offsets met in document order; any offset works.
  SourceLocation locate(FileIndex file, std::size_t offset) const;

 private:
  std::size_t line_start(std::size_t line) const;  // 0-based line
  std::vector<std::uint32_t> small_;  // newline offsets, when the file is under 4 GiB
  std::vector<std::uint64_t> large_;
  mutable std::size_t hint_ = 0;
};

// Throws InputError when the prolog has a DOCTYPE that declares entities (or holds conditional
// sections), or the document is UTF-16/UTF-32 (not checked byte-wise here: export it as UTF-8).
void check_prolog(std::string_view text, const std::string& path);

// Throws InputError at the first element nested deeper than `max_depth`.
void check_depth(const pugi::xml_document& doc, unsigned max_depth, const std::string& path, const LineIndex& lines);

}  // namespace orgaudit::import::xml
