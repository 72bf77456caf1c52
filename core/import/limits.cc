#include "import/limits.h"

#include <cctype>
#include <string>

namespace orgaudit::import {

namespace {

// The whole number at `i` after any spaces, advancing `i` past it; 0 when there is none or it is
// past 2^62 (so a unit can still shift it without overflow).
std::uint64_t read_number(std::string_view text, std::size_t& i) {
  std::uint64_t value = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
    if (value > (std::uint64_t{1} << 62) / 10) return 0;
    value = value * 10 + static_cast<std::uint64_t>(text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<std::uint64_t> parse_count(std::string_view text) {
  std::size_t i = 0;
  const std::uint64_t value = read_number(text, i);
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  if (value == 0 || i != text.size()) return std::nullopt;
  return value;
}

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
  std::size_t i = 0;
  const std::uint64_t value = read_number(text, i);
  if (value == 0) return std::nullopt;
  std::string unit;
  for (; i < text.size(); ++i)
    if (!std::isspace(static_cast<unsigned char>(text[i]))) unit += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
  int shift = -1;
  if (unit.empty() || unit == "b") shift = 0;
  else if (unit == "k" || unit == "kb" || unit == "kib") shift = 10;
  else if (unit == "m" || unit == "mb" || unit == "mib") shift = 20;
  else if (unit == "g" || unit == "gb" || unit == "gib") shift = 30;
  if (shift < 0 || value > (std::uint64_t{1} << (62 - shift))) return std::nullopt;
  return value << shift;
}

}  // namespace orgaudit::import
