// One YAML stream read with libyaml's event parser, handed on as the few events an org file needs.
//
// libyaml parses iteratively (its stacks are on the heap), reads in small blocks and reports every
// event with a mark whose column counts code points, as orgaudit's locations do. What the org
// format refuses whatever the file says is refused here, before any handler sees it: anchors and
// aliases (so no alias can expand), nesting deeper than kMaxNesting, control characters and bytes
// that are not UTF-8, and raw NEL/LS/PS characters, which YAML 1.1 reads as line breaks.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <string_view>

#include "loader/yaml_node.h"

namespace orgaudit::yaml {

// Collections may nest this deep (the root mapping is level 1); an org file needs about five.
inline constexpr std::uint32_t kMaxNesting = 499;

class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void document_start(const Mark& mark) = 0;
  virtual void document_end() = 0;
  // A plain, untagged empty, `~` or `null` scalar (YAML 1.2's core schema null).
  virtual void null(const Mark& mark) = 0;
  virtual void scalar(const Mark& mark, std::string_view value) = 0;
  virtual void start(Node::Kind kind, const Mark& mark) = 0;
  virtual void end() = 0;
};

// Where byte `offset` of the input lies, for the errors libyaml reports only by offset (bad
// bytes); a split parse, which redoes any failure in one pass, may place them nowhere.
struct ByteLocation {
  bool found = false;
  Mark mark;
  int byte = -1;  // the byte at that offset, -1 past the end
};
using LocateByte = std::function<ByteLocation(std::uint64_t offset)>;

// Feeds every event of `in` to `sink`; true if the stream held a document. Throws InputError
// (through source) for malformed YAML, at the place libyaml stopped.
bool read_events(std::istream& in, const Source& source, EventSink& sink, const LocateByte& locate);

// Finds line and column (code points, 0-based) of byte `offset` by reading `in` from its start,
// or of the first bad UTF-8 sequence before it. Not found in UTF-16 (a file starting with its
// byte order mark), which libyaml reads too.
ByteLocation locate_byte(std::istream& in, std::uint64_t offset);

}  // namespace orgaudit::yaml
