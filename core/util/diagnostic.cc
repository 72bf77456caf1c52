#include "util/diagnostic.h"

namespace orgaudit {

std::string Diagnostic::format(const char* level) const {
  std::string out = file;
  if (line != 0) {
    out += ':' + std::to_string(line);
    if (column != 0) out += ':' + std::to_string(column);
  }
  out += ": ";
  out += level;
  out += ": ";
  out += message;
  return out;
}

InputError::InputError(Diagnostic diagnostic)
    : std::runtime_error(diagnostic.format("error")), diagnostic_(std::move(diagnostic)) {}

}  // namespace orgaudit
