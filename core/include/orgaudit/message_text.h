// How findings and reports name people, units and counts, so every rule and writer says it the same
// way: 'Name', or 'ID' when the record has no name (HR exports often carry ids alone), and
// "1 direct report", "3 direct reports".
//
// Names are untrusted input (quotes, newlines, emoji). They are embedded raw: escaping belongs to
// each output writer, which knows its own syntax (JSON, SARIF, XML, DOT, HTML).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "orgaudit/model.h"

namespace orgaudit {

inline std::string quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  return out.append("'").append(text).append("'");
}
// Exact for a std::string, so that argument-dependent lookup does not pick std::quoted instead.
inline std::string quoted(const std::string& text) { return quoted(std::string_view(text)); }
inline std::string quoted(const Person& person) { return quoted(person.name.empty() ? person.id : person.name); }
inline std::string quoted(const Unit& unit) { return quoted(unit.name.empty() ? unit.id : unit.name); }

inline std::string count_of(std::size_t n, const std::string& singular, const std::string& plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}
inline std::string count_of(std::size_t n, const std::string& singular) { return count_of(n, singular, singular + "s"); }

}  // namespace orgaudit
