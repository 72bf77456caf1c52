#include "import/xml_guard.h"

#include <algorithm>
#include <cstring>

#include "util/diagnostic.h"

namespace orgaudit::import::xml {
namespace {

bool starts(std::string_view text, std::size_t at, std::string_view prefix) {
  return text.size() >= at + prefix.size() && text.compare(at, prefix.size(), prefix) == 0;
}

std::size_t after(std::string_view text, std::size_t at, std::string_view end) {
  const std::size_t found = text.find(end, at);
  return found == std::string_view::npos ? text.size() : found + end.size();
}

}  // namespace

LineIndex::LineIndex(std::string_view text)
    : newlines_(text.size() >= (std::uint64_t{1} << 32)), continuations_(text.size() >= (std::uint64_t{1} << 32)) {
  if (text.empty()) return;  // an empty file's view may have no data pointer, which memchr must not get
  for (const char* p = text.data(), *end = text.data() + text.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))); ++p)
    newlines_.push(static_cast<std::uint64_t>(p - text.data()));
  for_each_continuation(text, [&](std::size_t at) { continuations_.push(at); });  // none in an ASCII export
}

std::size_t LineIndex::Offsets::count_below(std::uint64_t offset) const {
  if (large_) return static_cast<std::size_t>(std::lower_bound(wide_.begin(), wide_.end(), offset) - wide_.begin());
  if (offset > UINT32_MAX) return narrow_.size();
  return static_cast<std::size_t>(std::lower_bound(narrow_.begin(), narrow_.end(), static_cast<std::uint32_t>(offset)) -
                                  narrow_.begin());
}

std::size_t LineIndex::line_start(std::size_t line) const {
  return line == 0 ? 0 : static_cast<std::size_t>(newlines_[line - 1]) + 1;
}

SourceLocation LineIndex::locate(FileIndex file, std::size_t offset) const {
  const std::size_t lines = newlines_.size() + 1;
  std::size_t line = std::min(hint_, lines - 1);
  if (offset < line_start(line)) line = 0;  // behind the hint: look it up below
  for (int steps = 0; steps < 64 && line + 1 < lines && offset >= line_start(line + 1); ++steps) ++line;
  if (line + 1 < lines && offset >= line_start(line + 1)) line = newlines_.count_below(offset);  // far ahead
  hint_ = line;
  const std::size_t start = line_start(line);
  std::size_t bytes = offset - start;
  if (continuations_.size()) bytes -= continuations_.count_below(offset) - continuations_.count_below(start);
  return SourceLocation{file, static_cast<std::uint32_t>(line + 1), static_cast<std::uint32_t>(bytes + 1)};
}

void check_prolog(std::string_view text, const std::string& path) {
  auto fail = [&](std::size_t offset, const std::string& message) {
    const SourceLocation at = LineIndex(text.substr(0, offset)).locate(0, offset);  // the prolog: a few lines
    throw InputError(Diagnostic{path, at.line, at.column, message});
  };
  if (starts(text, 0, "\xFE\xFF") || starts(text, 0, "\xFF\xFE") || (text.size() >= 2 && (text[0] == 0 || text[1] == 0)))
    fail(0, "UTF-16 and UTF-32 XML are not read: export the file as UTF-8");
  std::size_t i = starts(text, 0, "\xEF\xBB\xBF") ? 3 : 0;
  for (;;) {
    while (i < text.size() && std::strchr(" \t\r\n", text[i]) && text[i]) ++i;
    if (starts(text, i, "<?")) i = after(text, i, "?>");
    else if (starts(text, i, "<!--")) i = after(text, i, "-->");
    else if (starts(text, i, "<!DOCTYPE")) break;
    else return;  // the root element (or something pugixml will report)
  }
  // Inside the DOCTYPE: quoted literals and comments are skipped; declarations are looked at.
  int brackets = 0;
  for (std::size_t j = i + 9; j < text.size(); ++j) {
    const char c = text[j];
    if (c == '"' || c == '\'') {
      const std::size_t close = text.find(c, j + 1);
      j = close == std::string_view::npos ? text.size() : close;
    } else if (starts(text, j, "<!--")) {
      j = after(text, j, "-->") - 1;
    } else if (starts(text, j, "<!ENTITY")) {
      fail(j, "the DOCTYPE declares entities (<!ENTITY ...>): orgaudit never expands DTD entities, which is how "
              "XML bombs and external-entity attacks work; remove the DOCTYPE from the export");
    } else if (starts(text, j, "<![")) {
      fail(j, "the DOCTYPE holds a conditional section (<![ ... ]]>): DTDs are not read; remove the DOCTYPE");
    } else if (c == '[') {
      ++brackets;
    } else if (c == ']') {
      --brackets;
    } else if (c == '>' && brackets <= 0) {
      return;
    }
  }
}

void check_depth(const pugi::xml_document& doc, unsigned max_depth, const std::string& path, const LineIndex& lines) {
  pugi::xml_node node = doc.first_child();
  unsigned depth = 1;
  while (node) {
    if (node.type() == pugi::node_element && depth > max_depth) {
      const std::size_t offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, node.offset_debug()));
      const SourceLocation at = lines.locate(0, offset);
      throw InputError(Diagnostic{path, at.line, at.column,
                                  "elements nested more than " + std::to_string(max_depth) +
                                      " deep; an HR export needs a few levels (limit: input.max-depth)"});
    }
    if (pugi::xml_node child = node.first_child()) {
      node = child;
      ++depth;
      continue;
    }
    while (node && !node.next_sibling()) {
      node = node.parent();
      --depth;
      if (node == doc) return;
    }
    if (node) node = node.next_sibling();
  }
}

}  // namespace orgaudit::import::xml
