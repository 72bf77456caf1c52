#include "util/diagnostic.h"

#include <algorithm>

#include "util/visible_text.h"
#include "util/text.h"

namespace orgaudit {

// The message quotes the input (an unknown key, a bad value) and goes to a terminal: shown escaped.
std::string Diagnostic::format(const char* level) const {
  std::string out = visible(file);
  if (line != 0) {
    out += ':' + std::to_string(line);
    if (column != 0) out += ':' + std::to_string(column);
  }
  out += ": ";
  out += level;
  out += ": ";
  append_visible(out, message);
  return out;
}

Diagnostic diagnostic_at(std::string file, std::string_view text, std::size_t offset, std::string message) {
  const std::string_view before = text.substr(0, offset);
  const std::size_t line_start = before.rfind('\n') + 1;  // 0 when there is no earlier line break
  const auto line = 1 + static_cast<std::uint32_t>(count_line_feeds(before));
  return Diagnostic{std::move(file), line, static_cast<std::uint32_t>(before.size() - line_start + 1), std::move(message)};
}

InputError::InputError(Diagnostic diagnostic)
    : std::runtime_error(diagnostic.format("error")), diagnostic_(std::move(diagnostic)) {}

}  // namespace orgaudit
