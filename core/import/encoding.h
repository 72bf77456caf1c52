// Exports that are not (all) UTF-8. HR systems and spreadsheets on Windows still write Windows-1252
// (`£` as the single byte 0xA3), and files assembled from several sources mix the two. orgaudit
// keeps every valid UTF-8 sequence and reads the other bytes as Windows-1252, and the importer
// reports that it did (import-encoding), so names are never silently mangled or dropped.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace orgaudit::import {

// Appends code point `code` (at most U+10FFFF) to `out` as UTF-8.
void append_code_point(std::string& out, unsigned code);

// Offset of the first byte that is not part of valid UTF-8, or npos. Skips ASCII eight bytes at a
// time: a large export is checked once, up front, at memory speed.
std::size_t first_invalid_utf8(std::string_view text);

// `text` as UTF-8: valid UTF-8 sequences as they are, every other byte read as Windows-1252.
std::string repair_utf8(std::string_view text);

// Excel's "Unicode Text" and PowerShell's Export-Csv write UTF-16 with a byte order mark. Whether
// `text` starts with one (FF FE little-endian, FE FF big-endian)...
bool has_utf16_bom(std::string_view text);
// ...and the text after it as UTF-8 (an unpaired surrogate becomes U+FFFD, an odd last byte is dropped).
std::string utf16_to_utf8(std::string_view text);
// Whether text without a BOM looks like UTF-16 all the same: NUL bytes in every other place of its
// first characters, as ASCII text in UTF-16 has.
bool looks_like_utf16(std::string_view text);

}  // namespace orgaudit::import
