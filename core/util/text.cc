#include "util/text.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace orgaudit {

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

std::string trim(std::string_view text) {
  const char* space = " \t\r\n";
  std::size_t first = text.find_first_not_of(space);
  if (first == std::string_view::npos) return {};
  std::size_t last = text.find_last_not_of(space);
  return std::string(text.substr(first, last - first + 1));
}

bool glob_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p, ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const std::string& candidate : candidates) {
    std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) best_distance = d, best = candidate;
  }
  return best;
}

std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& code) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return code = c, 1;
  std::size_t length;
  char32_t min_code;
  if ((c & 0xE0) == 0xC0) length = 2, min_code = 0x80, code = c & 0x1F;
  else if ((c & 0xF0) == 0xE0) length = 3, min_code = 0x800, code = c & 0x0F;
  else if ((c & 0xF8) == 0xF0) length = 4, min_code = 0x10000, code = c & 0x07;
  else return 0;
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned char next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) return 0;
    code = (code << 6) | (next & 0x3F);
  }
  // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
  if (code < min_code || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return 0;
  return length;
}

std::size_t find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    if (s[i] < 0x80) {  // the common case, without a call
      ++i;
      continue;
    }
    char32_t code;
    const std::size_t length = decode_utf8(text, i, code);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

std::size_t count_line_feeds(std::string_view text) {
  constexpr std::size_t kLanes = 32, kBlock = 255 * kLanes;  // a lane counts at most 255 of a block
  std::size_t total = 0;
  const char* p = text.data();
  for (std::size_t left = text.size(); left > 0;) {
    const std::size_t n = std::min(left, kBlock);
    unsigned char lanes[kLanes] = {};
    std::size_t i = 0;
    for (; i + kLanes <= n; i += kLanes)
      for (std::size_t k = 0; k < kLanes; ++k) lanes[k] = static_cast<unsigned char>(lanes[k] + (p[i + k] == '\n'));
    for (std::size_t k = 0; k < kLanes; ++k) total += lanes[k];
    for (; i < n; ++i) total += p[i] == '\n';
    p += n;
    left -= n;
  }
  return total;
}

std::string human_size(std::uint64_t bytes) {
  char buffer[48];
  // A limit someone set (1MiB, 2GB) reads as they wrote it, not as "1024.0 KiB".
  for (const auto& [unit, name] : {std::pair{1ull << 30, "GiB"}, std::pair{1ull << 20, "MiB"}})
    if (bytes >= unit && bytes % unit == 0) {
      std::snprintf(buffer, sizeof buffer, "%llu %s", static_cast<unsigned long long>(bytes / unit), name);
      return buffer;
    }
  if (bytes < 10 * 1024) std::snprintf(buffer, sizeof buffer, "%llu bytes", static_cast<unsigned long long>(bytes));
  else if (bytes < 10ull << 20) std::snprintf(buffer, sizeof buffer, "%.1f KiB", bytes / 1024.0);
  else if (bytes < 10ull << 30) std::snprintf(buffer, sizeof buffer, "%.1f MiB", bytes / 1048576.0);
  else std::snprintf(buffer, sizeof buffer, "%.1f GiB", bytes / 1073741824.0);
  return buffer;
}

}  // namespace orgaudit
