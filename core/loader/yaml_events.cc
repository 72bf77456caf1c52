#include "loader/yaml_events.h"

#include <cstdio>
#include <cstring>
#include <string>

#include <yaml.h>

namespace orgaudit::yaml {
namespace {

Mark mark_of(const yaml_mark_t& mark) {
  return {static_cast<std::uint32_t>(mark.line), static_cast<std::uint32_t>(mark.column)};
}

std::string hex(const char* format, unsigned value) {
  char text[16];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

std::size_t find_byte(const unsigned char* p, std::size_t from, std::size_t to, unsigned char byte) {
  const void* hit = from < to ? std::memchr(p + from, byte, to - from) : nullptr;
  return hit ? static_cast<std::size_t>(static_cast<const unsigned char*>(hit) - p) : to;
}

// Where the first raw NEL (C2 85), LS (E2 80 A8) or PS (E2 80 A9) starts in p[0, n), or n. A
// character cut by the end is not found here.
std::size_t find_raw_break(const unsigned char* p, std::size_t n) {
  std::size_t first = n;
  for (std::size_t i = find_byte(p, 0, n, 0xC2); i + 1 < first; i = find_byte(p, i + 1, first, 0xC2))
    if (p[i + 1] == 0x85) first = i;
  for (std::size_t i = find_byte(p, 0, first, 0xE2); i + 2 < first; i = find_byte(p, i + 1, first, 0xE2))
    if (p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) first = i;
  return first;
}

unsigned raw_break_code(const unsigned char* p) { return p[0] == 0xC2 ? 0x85 : p[2] == 0xA8 ? 0x2028 : 0x2029; }

// libyaml's input: the stream's bytes up to the first raw NEL, LS or PS. YAML 1.1 reads those as
// line breaks where YAML 1.2 and editors do not, which would move every later line number and
// fold the value they stand in; the file is refused at the character instead.
class Input {
 public:
  explicit Input(std::istream& in) : in_(in) {}

  static int read(void* self, unsigned char* buffer, std::size_t size, std::size_t* size_read) {
    return static_cast<Input*>(self)->read(buffer, size, size_read);
  }

  bool stopped_at_break() const { return break_code_ != 0; }
  unsigned break_code() const { return break_code_; }
  std::uint64_t break_offset() const { return break_offset_; }

 private:
  // 1 with *size_read 0 is the end of the input to libyaml; 0 an error.
  int read(unsigned char* buffer, std::size_t size, std::size_t* size_read) {
    *size_read = 0;
    if (break_code_ != 0) return 0;
    in_.read(reinterpret_cast<char*>(buffer), static_cast<std::streamsize>(size));
    const auto got = static_cast<std::size_t>(in_.gcount());
    if (got == 0) return in_.bad() ? 0 : 1;
    // A character cut between two reads: look at the last two bytes of the previous read with
    // the first two of this one.
    unsigned char seam[4];
    std::memcpy(seam, tail_, tail_size_);
    const std::size_t head = got < 2 ? got : 2;
    std::memcpy(seam + tail_size_, buffer, head);
    const std::size_t in_seam = find_raw_break(seam, tail_size_ + head);
    if (in_seam < tail_size_) {
      stop(offset_ - tail_size_ + in_seam, seam + in_seam);
      return 0;
    }
    const std::size_t keep = find_raw_break(buffer, got);
    if (keep < got) stop(offset_ + keep, buffer + keep);
    // The last two bytes handed over, which a read of one byte takes partly from the old tail.
    const std::size_t from_buffer = keep < 2 ? keep : 2;
    unsigned char last[4];
    std::memcpy(last, tail_, tail_size_);
    std::memcpy(last + tail_size_, buffer + keep - from_buffer, from_buffer);
    const std::size_t have = tail_size_ + from_buffer;
    tail_size_ = have < 2 ? have : 2;
    std::memcpy(tail_, last + have - tail_size_, tail_size_);
    offset_ += keep;
    *size_read = keep;
    return keep > 0 || break_code_ == 0 ? 1 : 0;
  }

  void stop(std::uint64_t offset, const unsigned char* at) {
    break_offset_ = offset;
    break_code_ = raw_break_code(at);
  }

  std::istream& in_;
  std::uint64_t offset_ = 0;  // bytes handed to libyaml
  unsigned char tail_[2] = {};
  std::size_t tail_size_ = 0;
  std::uint64_t break_offset_ = 0;
  unsigned break_code_ = 0;
};

class Parser {
 public:
  Parser() {
    if (!yaml_parser_initialize(&parser)) throw std::bad_alloc();
  }
  ~Parser() { yaml_parser_delete(&parser); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  yaml_parser_t parser;
};

// The event being handled, freed when the next is parsed or when its handler throws.
class Event {
 public:
  Event() { std::memset(&event, 0, sizeof event); }
  ~Event() { yaml_event_delete(&event); }
  // yaml_event_delete leaves the event zeroed, ready for yaml_parser_parse again.
  yaml_event_t& next() {
    yaml_event_delete(&event);
    return event;
  }
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;

  yaml_event_t event;
};

bool is_null(const yaml_event_t& event) {
  const auto& scalar = event.data.scalar;
  if (scalar.style != YAML_PLAIN_SCALAR_STYLE || scalar.tag != nullptr) return false;
  const std::string_view text(reinterpret_cast<const char*>(scalar.value), scalar.length);
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

// Aliases would let a few lines expand into millions of nodes (billion laughs), and an org file
// is meant to be read by people: every value is written where it applies.
void check_no_anchor(const Source& source, const yaml_event_t& event, const yaml_char_t* anchor) {
  if (anchor != nullptr || event.type == YAML_ALIAS_EVENT)
    source.fail(mark_of(event.start_mark),
                "anchors and aliases are not supported (write each value out)");
}

[[noreturn]] void fail_at(const Source& source, const ByteLocation& at, std::uint64_t offset,
                          const std::string& message) {
  if (at.found) source.fail(at.mark, message);
  source.fail(0, 0, message + " (at byte " + std::to_string(offset) + ")");
}

[[noreturn]] void reader_error(const yaml_parser_t& parser, const Input& input, const Source& source,
                               const LocateByte& locate) {
  const std::uint64_t offset = input.stopped_at_break() ? input.break_offset() : parser.problem_offset;
  const ByteLocation at = locate(offset);
  const auto fail = [&](const std::string& message) { fail_at(source, at, offset, message); };
  if (input.stopped_at_break()) {
    const unsigned code = input.break_code();
    const char* name = code == 0x85     ? "next-line character (NEL)"
                       : code == 0x2028 ? "line separator"
                                        : "paragraph separator";
    const char* escape = code == 0x85 ? "\\N" : code == 0x2028 ? "\\L" : "\\P";
    fail(std::string("raw ") + name + " " + hex("U+%04X", code) + ": YAML reads it as a line break; write it as " +
         escape + " inside double quotes");
  }
  const std::string problem = parser.problem ? parser.problem : "";
  if (problem == "input error") source.fail(0, 0, "could not read the file");
  if (problem == "control characters are not allowed") {
    const auto code = static_cast<unsigned>(parser.problem_value);
    // Most often a UTF-16 file without a byte order mark, which libyaml reads as UTF-8.
    if (code == 0) fail("NUL byte: org files are UTF-8 text (save a UTF-16 file as UTF-8, or with a byte order mark)");
    fail("control character " + hex("U+%04X", code) + " written raw: YAML allows it only escaped, as " +
         hex("\\u%04X", code) + " inside double quotes");
  }
  if (problem.find("UTF-16") != std::string::npos || problem.find("surrogate") != std::string::npos)
    fail("invalid UTF-16 (" + problem + ")");
  // The UTF-8 problems: invalid, overlong or cut sequences, surrogates. The location is where the
  // bad sequence starts, and so is its byte.
  std::string message = "invalid UTF-8";
  if (at.byte >= 0) message += " (byte " + hex("0x%02X", static_cast<unsigned>(at.byte)) + ")";
  fail_at(source, at, offset, message + "; org files must be UTF-8 encoded");
}

[[noreturn]] void syntax_error(const yaml_parser_t& parser, const Source& source) {
  std::string message = "invalid YAML: ";
  const std::string problem = parser.problem ? parser.problem : "malformed";
  // libyaml names a tab in indentation itself, but a tab where a token must start (a line's
  // start, after '- ', which YAML 1.2 would take as a separator) only as a character that cannot
  // start one.
  const bool tab = problem.find("tab character") != std::string::npos ||
                   (problem == "found character that cannot start any token" && parser.buffer.pointer &&
                    *parser.buffer.pointer == '\t');
  message += tab ? "a tab character where only spaces are accepted (indent, and separate after '- ', with spaces)"
                 : problem;
  // The context names the construct the problem is in, where it started ("while parsing a flow
  // sequence started at 3:9"); one that starts at the problem itself adds nothing.
  if (parser.context && !tab &&
      (parser.context_mark.line != parser.problem_mark.line ||
       parser.context_mark.column != parser.problem_mark.column)) {
    const Mark context = mark_of(parser.context_mark);
    message += std::string(" ") + parser.context + " started at " + std::to_string(source.line(context)) +
               ":" + std::to_string(Source::column(context));
  }
  source.fail(mark_of(parser.problem_mark), std::move(message));
}

[[noreturn]] void parse_error(const yaml_parser_t& parser, const Input& input, const Source& source,
                              const LocateByte& locate) {
  if (parser.error == YAML_READER_ERROR) reader_error(parser, input, source, locate);
  if (parser.error == YAML_MEMORY_ERROR) throw std::bad_alloc();
  syntax_error(parser, source);
}

}  // namespace

bool read_events(std::istream& in, const Source& source, EventSink& sink, const LocateByte& locate) {
  Input input(in);
  Parser parser;
  yaml_parser_set_input(&parser.parser, &Input::read, &input);
  bool document = false;
  std::uint32_t depth = 0;
  Event holder;
  while (true) {
    yaml_event_t& event = holder.next();
    if (!yaml_parser_parse(&parser.parser, &event)) parse_error(parser.parser, input, source, locate);
    const Mark mark = mark_of(event.start_mark);
    switch (event.type) {
      case YAML_STREAM_END_EVENT: return document;
      case YAML_DOCUMENT_START_EVENT:
        document = true;
        sink.document_start(mark);
        break;
      case YAML_DOCUMENT_END_EVENT: sink.document_end(); break;
      case YAML_ALIAS_EVENT: check_no_anchor(source, event, nullptr); break;
      case YAML_SCALAR_EVENT:
        check_no_anchor(source, event, event.data.scalar.anchor);
        if (is_null(event)) sink.null(mark);
        else sink.scalar(mark, {reinterpret_cast<const char*>(event.data.scalar.value), event.data.scalar.length});
        break;
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        const bool sequence = event.type == YAML_SEQUENCE_START_EVENT;
        check_no_anchor(source, event, sequence ? event.data.sequence_start.anchor : event.data.mapping_start.anchor);
        // The handlers keep no stack of their own beyond a vector; this bound keeps a hostile
        // file's `[[[[...` from costing memory, and says plainly what is wrong.
        if (++depth > kMaxNesting)
          source.fail(mark, "nesting too deep (more than " + std::to_string(kMaxNesting) +
                                " levels); an org file needs only a few");
        sink.start(sequence ? Node::sequence : Node::mapping, mark);
        break;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        --depth;
        sink.end();
        break;
      default: break;  // stream start, no event
    }
  }
}

ByteLocation locate_byte(std::istream& in, std::uint64_t offset) {
  std::uint32_t line = 0, column = 0;
  std::uint64_t position = 0;
  bool after_cr = false;
  // The UTF-8 sequence being read: where it started, what it needs.
  Mark start;
  int start_byte = 0;
  int needed = 0;
  std::uint32_t value = 0, least = 0;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer), in.gcount() > 0) {
    const auto got = static_cast<std::size_t>(in.gcount());
    const bool utf16 = position == 0 && got >= 2 &&
                       ((buffer[0] == '\xFF' && buffer[1] == '\xFE') || (buffer[0] == '\xFE' && buffer[1] == '\xFF'));
    if (utf16) return {};
    for (std::size_t i = 0; i < got; ++i, ++position) {
      const auto byte = static_cast<unsigned char>(buffer[i]);
      if (needed > 0) {
        if ((byte & 0xC0) != 0x80) return {true, start, start_byte};
        value = value << 6 | (byte & 0x3Fu);
        if (--needed == 0) {
          const bool invalid = value < least || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF;
          if (invalid) return {true, start, start_byte};
          // A byte order mark at the start is not a column.
          if (!(value == 0xFEFF && position == 2)) ++column;
        }
        continue;
      }
      if (position >= offset) return {true, {line, column}, byte};
      start = {line, column};
      start_byte = byte;
      if (byte < 0x80) {
        if (byte == '\n' && after_cr) {
        } else if (byte == '\n' || byte == '\r') {
          ++line, column = 0;
        } else {
          ++column;
        }
        after_cr = byte == '\r';
        continue;
      }
      after_cr = false;
      if ((byte & 0xE0) == 0xC0) needed = 1, value = byte & 0x1Fu, least = 0x80;
      else if ((byte & 0xF0) == 0xE0) needed = 2, value = byte & 0x0Fu, least = 0x800;
      else if ((byte & 0xF8) == 0xF0) needed = 3, value = byte & 0x07u, least = 0x10000;
      else return {true, start, start_byte};
    }
  }
  if (needed > 0) return {true, start, start_byte};
  return {true, {line, column}, -1};
}

}  // namespace orgaudit::yaml
