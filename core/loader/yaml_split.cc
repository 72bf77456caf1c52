#include "loader/yaml_split.h"

#include <cstring>
#include <string_view>

namespace orgaudit::yaml {
namespace {

constexpr std::size_t npos = std::string_view::npos;

std::size_t end_of_double_quoted(std::string_view s, std::size_t i) {
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\') ++i;
    else if (s[i] == '"') return i + 1;
  }
  return npos;
}

std::size_t end_of_single_quoted(std::string_view s, std::size_t i) {
  for (++i; i < s.size(); ++i) {
    if (s[i] != '\'') continue;
    if (i + 1 < s.size() && s[i + 1] == '\'') ++i;
    else return i + 1;
  }
  return npos;
}

// Where YAML ends a plain scalar: before ": ", " #", and in flow context before ",[]{}?".
std::size_t end_of_plain(std::string_view s, std::size_t i, bool in_flow) {
  for (; i < s.size(); ++i) {
    char c = s[i];
    char next = i + 1 < s.size() ? s[i + 1] : ' ';
    if (c == ':' && (next == ' ' || (in_flow && (next == ',' || next == ']' || next == '}')))) return i;
    if (c == ' ' && next == '#') return i;
    if (in_flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == '?')) return i;
  }
  return s.size();
}

// True when the line opens nothing that continues on the next line and uses only plain block and
// one-line flow syntax. False is always safe: the file is then read in one pass.
bool closed_and_plain(std::string_view s, std::size_t i) {
  int flow = 0;
  bool value_start = true;
  while (i < s.size()) {
    char c = s[i];
    char next = i + 1 < s.size() ? s[i + 1] : ' ';
    if (c == ' ') {
      ++i;
      continue;
    }
    if (c == '#') {
      if (i > 0 && s[i - 1] != ' ') return false;
      break;  // a comment to the end of the line
    }
    if (value_start) {
      switch (c) {
        case '"': i = end_of_double_quoted(s, i); break;
        case '\'': i = end_of_single_quoted(s, i); break;
        case '[': case '{': ++flow, ++i; continue;
        case ']': case '}':
          if (flow == 0) return false;
          --flow, ++i;
          break;
        case '-':
          if (next == ' ') {
            if (flow > 0) return false;
            ++i;
            continue;
          }
          i = end_of_plain(s, i, flow > 0);
          break;
        case '?': case ':': case ',': case '|': case '>': case '&': case '*': case '!': case '%':
        case '@': case '`':
          return false;
        default: i = end_of_plain(s, i, flow > 0);
      }
      if (i == npos) return false;  // a quoted scalar that goes on to the next line
      value_start = false;
      continue;
    }
    if (c == ':' && (next == ' ' || flow > 0)) value_start = true;
    else if (flow > 0 && c == ',') value_start = true;
    else if (flow > 0 && (c == ']' || c == '}')) --flow;
    else return false;
    ++i;
  }
  return flow == 0;
}

struct LineInfo {
  enum Kind { unsafe, blank, content, item, section_key };
  LineInfo(Kind k, std::size_t i = 0, std::string_view name = {}) : kind(k), indent(i), key(name) {}
  Kind kind;
  std::size_t indent;
  std::string_view key;
};

// Whether `s` holds a tab, a carriage return or a NUL, which no line of a file that is cut may.
bool has_unsafe_byte(std::string_view s) {
  for (char c : {'\t', '\r', '\0'})
    if (std::memchr(s.data(), c, s.size())) return true;
  return false;
}

// `plain_bytes`: the caller has found no tab, carriage return or NUL in the line.
LineInfo classify(std::string_view s, bool plain_bytes) {
  if (!plain_bytes) {
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    if (has_unsafe_byte(s)) return {LineInfo::unsafe};
  }
  std::size_t indent = 0;
  while (indent < s.size() && s[indent] == ' ') ++indent;
  if (indent == s.size() || s[indent] == '#') return {LineInfo::blank, indent};
  if (indent == 0 && s.size() >= 3 && (s.substr(0, 3) == "---" || s.substr(0, 3) == "...") &&
      (s.size() == 3 || s[3] == ' '))
    return {LineInfo::unsafe};
  if (!closed_and_plain(s, indent)) return {LineInfo::unsafe};
  if (s[indent] == '-' && (indent + 1 == s.size() || s[indent + 1] == ' '))
    return {LineInfo::item, indent};
  if (indent == 0) {
    for (std::string_view name : {"people", "units", "links"}) {
      if (s.size() <= name.size() || s.substr(0, name.size()) != name || s[name.size()] != ':') continue;
      std::size_t rest = s.find_first_not_of(' ', name.size() + 1);
      if (rest == npos || s[rest] == '#') return {LineInfo::section_key, 0, name};
    }
  }
  return {LineInfo::content, indent};
}

class Planner {
 public:
  Planner(std::uint64_t chunk_bytes, std::uint64_t min_range_bytes, const ChunkReady& ready)
      : chunk_bytes_(chunk_bytes), min_range_bytes_(min_range_bytes), ready_(ready) {}

  // False once the file turns out not to be cuttable. `plain_bytes` as for classify().
  bool line(std::uint64_t offset, std::uint32_t number, std::string_view text, bool plain_bytes) {
    LineInfo info = classify(text, plain_bytes);
    if (info.kind == LineInfo::unsafe) return false;
    if (in_range_) {
      if (info.kind == LineInfo::blank || info.indent > indent_) return true;
      if (info.kind == LineInfo::item && info.indent == indent_) {
        ++range_.items;
        if (offset - range_.chunks.back().begin >= chunk_bytes_) {
          range_.chunks.back().end = offset;
          range_.chunks.push_back(SplitChunk{offset, 0, number, 0});
          if (offset - range_.begin >= min_range_bytes_) hand_over(range_.chunks.size() - 1);
        }
        ++range_.chunks.back().items;
        return true;
      }
      // Only a top-level key may end the items: then the skeleton, lacking them, reads on alike.
      if (info.indent != 0) return false;
      close(offset, number);
    }
    if (after_key_) {
      if (info.kind == LineInfo::blank) return true;
      after_key_ = false;
      if (info.kind == LineInfo::item) {
        in_range_ = true;
        indent_ = info.indent;
        range_.begin = offset;
        range_.first_line = number;
        range_.items = 1;
        range_.chunks.assign(1, SplitChunk{offset, 0, number, 1});
        handed_over_ = 0;
        return true;
      }
    }
    if (info.kind == LineInfo::section_key) {
      after_key_ = true;
      range_ = SplitRange{};
      range_.section = std::string(info.key);
      range_.key_line = number;
    }
    return true;
  }

  SplitPlan finish(std::uint64_t size, std::uint32_t lines) {
    if (in_range_) close(size, lines);
    return std::move(plan_);
  }

 private:
  void close(std::uint64_t offset, std::uint32_t number) {
    in_range_ = false;
    range_.end = offset;
    range_.end_line = number;
    range_.chunks.back().end = offset;
    if (range_.end - range_.begin < min_range_bytes_) return;
    hand_over(range_.chunks.size());
    plan_.ranges.push_back(std::move(range_));
  }

  // Gives ready_ the range's chunks before `end` that it has not had yet.
  void hand_over(std::size_t end) {
    for (; ready_ && handed_over_ < end; ++handed_over_) ready_(range_.section, range_.chunks[handed_over_]);
  }

  std::uint64_t chunk_bytes_, min_range_bytes_;
  const ChunkReady& ready_;
  std::size_t handed_over_ = 0;
  SplitPlan plan_;
  SplitRange range_;
  bool after_key_ = false;
  bool in_range_ = false;
  std::size_t indent_ = 0;
};

}  // namespace

SplitPlan plan_split(std::istream& in, std::uint64_t chunk_bytes, std::uint64_t min_range_bytes,
                     const ChunkReady& ready) {
  Planner planner(chunk_bytes, min_range_bytes, ready);
  std::vector<char> buffer(1 << 20);
  std::size_t have = 0;
  std::uint64_t base = 0;  // file offset of buffer[0]
  std::uint32_t number = 0;
  bool first = true;
  while (true) {
    in.read(buffer.data() + have, static_cast<std::streamsize>(buffer.size() - have));
    const auto got = static_cast<std::size_t>(in.gcount());
    have += got;
    if (first && have > 0) {
      // The parser reads UTF-16 too; leave those, and a BOM's offsets, to the one pass.
      auto b = [&](std::size_t i) { return i < have ? static_cast<unsigned char>(buffer[i]) : 1; };
      if (b(0) == 0 || b(0) == 0xFE || b(0) == 0xFF || b(1) == 0 || b(0) == 0xEF) return {};
    }
    first = false;
    std::size_t pos = 0;
    // Nearly every file has no tab, carriage return or NUL: found absent from the whole buffer at
    // once, its lines are not looked through for them one by one.
    const bool plain_bytes = !has_unsafe_byte(std::string_view(buffer.data(), have));
    while (const void* nl = std::memchr(buffer.data() + pos, '\n', have - pos)) {
      std::size_t end = static_cast<const char*>(nl) - buffer.data();
      if (!planner.line(base + pos, number++, std::string_view(buffer.data() + pos, end - pos), plain_bytes)) return {};
      pos = end + 1;
    }
    if (got == 0) {
      if (pos < have && !planner.line(base + pos, number++, std::string_view(buffer.data() + pos, have - pos), plain_bytes))
        return {};
      return planner.finish(base + have, number);
    }
    std::memmove(buffer.data(), buffer.data() + pos, have - pos);
    base += pos;
    have -= pos;
    if (have == buffer.size()) buffer.resize(buffer.size() * 2);
  }
}

}  // namespace orgaudit::yaml
