#include "import/field_values.h"

#include <charconv>
#include <cmath>
#include <string>

namespace orgaudit::import {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

std::string_view trim_view(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::optional<double> parse_number(std::string_view text) {
  text = trim_view(text);
  if (text.empty()) return std::nullopt;
  std::string with_point;
  const auto comma = text.find(',');
  if (comma != std::string_view::npos && text.find(',', comma + 1) == std::string_view::npos &&
      text.find('.') == std::string_view::npos) {
    with_point = std::string(text);
    with_point[comma] = '.';
    text = with_point;
  }
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  // from_chars accepts "inf"/"nan" spelled out; isfinite rules them out, and hex needs a format flag.
  return value;
}

std::optional<bool> parse_flag(std::string_view text) {
  const std::string t = lower(trim_view(text));
  if (t.empty() || t == "false" || t == "no" || t == "n" || t == "0" || t == "f") return false;
  if (t == "true" || t == "yes" || t == "y" || t == "1" || t == "t" || t == "x") return true;
  return std::nullopt;
}

PostName classify_post_name(std::string_view cell) {
  std::string_view text = trim_view(cell);
  // Some publishers wrap the marker in quotes of their own: 'N/D'.
  while (text.size() >= 2 && (text.front() == '\'' || text.front() == '"') && text.back() == text.front())
    text = trim_view(text.substr(1, text.size() - 2));
  // Real files also carry stray punctuation on one side only (`Vacant'`, `Eliminated.`): the markers
  // are compared without it, while a real name keeps every character it was written with.
  std::string_view marker = text;
  const auto stray = [](char c) { return c == '\'' || c == '"' || c == '.' || c == ',' || c == ';'; };
  while (!marker.empty() && stray(marker.front())) marker = trim_view(marker.substr(1));
  while (!marker.empty() && stray(marker.back())) marker = trim_view(marker.substr(0, marker.size() - 1));
  const std::string t = lower(marker);
  if (t == "vacant" || t == "vacancy" || t == "vacant post") return {PostHolder::vacant, {}};
  if (t == "eliminated" || t == "post eliminated") return {PostHolder::eliminated, {}};
  if (t.empty() || t == "n/d" || t == "nd" || t == "n/a" || t == "not disclosed" || t == "-" || t == "withheld")
    return {PostHolder::not_disclosed, {}};
  return {PostHolder::named, std::string(text)};
}

}  // namespace orgaudit::import
