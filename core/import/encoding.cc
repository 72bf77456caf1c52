#include "import/encoding.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "util/text.h"

namespace orgaudit::import {
namespace {

// Windows-1252 0x80-0x9F; the five bytes it leaves undefined map to U+FFFD.
const char16_t kHighControls[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

}  // namespace

void append_code_point(std::string& out, unsigned code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

std::size_t first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  for (;;) {
    // ASCII runs 64 bytes at a time: the bytes of a block ORed together (a loop the compiler turns
    // into vector ORs) show whether any has its top bit set. A whole export is read so before its
    // first row, 200 MB for three million rows.
    constexpr std::size_t kBlock = 64;
    for (; i + kBlock <= n; i += kBlock) {
      unsigned char any = 0;
      for (std::size_t k = 0; k < kBlock; ++k) any = static_cast<unsigned char>(any | text[i + k]);
      if (any & 0x80) break;
    }
    while (i < n && static_cast<unsigned char>(text[i]) < 0x80) ++i;
    if (i >= n) return std::string_view::npos;
    // A run of non-ASCII text: validate up to the next ASCII stretch with the shared checker.
    std::size_t end = i;
    while (end < n && (static_cast<unsigned char>(text[end]) >= 0x80 || end - i < 4)) ++end;
    // Extend to a sequence boundary so a split multi-byte character is not misjudged.
    while (end < n && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    const std::size_t bad = find_invalid_utf8(text.substr(i, end - i));
    if (bad != std::string_view::npos) return i + bad;
    i = end;
  }
}

std::string repair_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t bad = find_invalid_utf8(text.substr(i));
    if (bad == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    out.append(text.substr(i, bad));
    const auto byte = static_cast<unsigned char>(text[i + bad]);
    append_code_point(out, byte >= 0x80 && byte < 0xA0 ? kHighControls[byte - 0x80] : byte);
    i += bad + 1;
  }
  return out;
}

bool has_utf16_bom(std::string_view text) {
  return text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'));
}

std::string utf16_to_utf8(std::string_view text) {
  const bool little = text[0] == '\xFF';
  std::string out;
  out.reserve(text.size() / 2 + text.size() / 8);
  auto unit = [&](std::size_t i) -> unsigned {
    const auto a = static_cast<unsigned char>(text[i]), b = static_cast<unsigned char>(text[i + 1]);
    return little ? a | (b << 8) : (a << 8) | b;
  };
  for (std::size_t i = 2; i + 1 < text.size(); i += 2) {
    const unsigned u = unit(i);
    if (u >= 0xD800 && u < 0xDC00 && i + 3 < text.size()) {
      const unsigned low = unit(i + 2);
      if (low >= 0xDC00 && low < 0xE000) {
        append_code_point(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    append_code_point(out, u >= 0xD800 && u < 0xE000 ? 0xFFFD : u);
  }
  return out;
}

bool looks_like_utf16(std::string_view text) {
  const std::size_t n = std::min<std::size_t>(text.size() & ~std::size_t{1}, 64);
  if (n < 4) return false;
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; ++i) (i % 2 ? odd : even) += text[i] == '\0';
  return (even == 0 && odd * 2 >= n / 2) || (odd == 0 && even * 2 >= n / 2);
}

}  // namespace orgaudit::import
