#include "util/diagnostic.h"

#include "util/visible_text.h"

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

InputError::InputError(Diagnostic diagnostic)
    : std::runtime_error(diagnostic.format("error")), diagnostic_(std::move(diagnostic)) {}

}  // namespace orgaudit
