// XML input is untrusted (hris-formats.md): what is checked around pugixml, and where things are.
//
// pugixml never fetches external entities and never expands DTD entities, but a document that
// declares them (the "billion laughs" bomb, an external entity pointing at /etc/passwd) is refused
// outright, with the place of the declaration, rather than read with its references left as text.
// Nesting depth is bounded after parsing (pugixml itself parses iteratively), so nothing downstream
// walks an unbounded tree.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "orgaudit/source_location.h"

namespace orgaudit::import::xml {

// Calls `f` with the offset of every UTF-8 continuation byte (10xxxxxx) of `text`: 32 bytes at a
// time, since words with no high bit hold none, so an ASCII text costs one pass of word loads.
template <typename F>
void for_each_continuation(std::string_view text, F&& f) {
  std::size_t i = 0;
  for (; i + 32 <= text.size(); i += 32) {
    std::uint64_t words[4];
    std::memcpy(words, text.data() + i, 32);
    if (((words[0] | words[1] | words[2] | words[3]) & 0x8080808080808080ULL) == 0) continue;
    for (std::size_t k = i; k < i + 32; ++k)
      if ((static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) f(k);
  }
  for (; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) f(i);
}

// Byte offsets to line and column, from the raw bytes before pugixml parses them in place (in-place
// parsing overwrites some line breaks with string terminators).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // The line and the column, in code points (what editors and SARIF count), of a byte offset. Fast
  // for offsets met in document order; any offset works; the text need not be there any more (an
  // in-place parse may have overwritten it).
  SourceLocation locate(FileIndex file, std::size_t offset) const;

 private:
  // Sorted byte offsets, 32-bit while the file is under 4 GiB.
  class Offsets {
   public:
    explicit Offsets(bool large) : large_(large) {}
    void push(std::uint64_t offset) {
      if (large_) wide_.push_back(offset);
      else narrow_.push_back(static_cast<std::uint32_t>(offset));
    }
    std::size_t size() const { return large_ ? wide_.size() : narrow_.size(); }
    std::uint64_t operator[](std::size_t i) const { return large_ ? wide_[i] : narrow_[i]; }
    std::size_t count_below(std::uint64_t offset) const;  // how many are < offset

   private:
    bool large_;
    std::vector<std::uint32_t> narrow_;
    std::vector<std::uint64_t> wide_;
  };

  std::size_t line_start(std::size_t line) const;  // 0-based line
  Offsets newlines_;
  Offsets continuations_;  // UTF-8 continuation bytes (10xxxxxx): none in an ASCII file
  mutable std::size_t hint_ = 0;
};

// Throws InputError when the prolog has a DOCTYPE that declares entities (or holds conditional
// sections), or the document is UTF-16/UTF-32 (not checked byte-wise here: export it as UTF-8).
void check_prolog(std::string_view text, const std::string& path);

// Throws InputError at the first element nested deeper than `max_depth`.
void check_depth(const pugi::xml_document& doc, unsigned max_depth, const std::string& path, const LineIndex& lines);

}  // namespace orgaudit::import::xml
