// Small text helpers shared by the CLI, config and option parsing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace orgaudit {

std::vector<std::string> split(std::string_view text, char separator);
std::string trim(std::string_view text);
// Shell-style glob with `*` and `?`, for rule selections like `structure-*`.
bool glob_match(std::string_view pattern, std::string_view text);
std::size_t edit_distance(std::string_view a, std::string_view b);
// The candidate closest to `word` when it is close enough to be a plausible typo, else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
// Checks that text is well-formed UTF-8; returns the byte offset of the first bad byte or npos.
std::size_t find_invalid_utf8(std::string_view text);
// The length of the well-formed UTF-8 sequence at text[i] (i < size) and its code point, or 0 when
// it is malformed (a stray continuation byte, a truncated or overlong sequence, a UTF-16 surrogate, a
// code point past U+10FFFF).
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& code);
// How many '\n' bytes text holds: a line count for the locations and reservations of files of
// hundreds of megabytes, about five times as fast as std::count (which adds each byte's test into
// a 64-bit total; this adds them into bytes, 255 at most, and widens once per block).
std::size_t count_line_feeds(std::string_view text);
// A byte count for people: "512 bytes", "1.5 MiB", "2 GiB" (a whole number of MiB or GiB as such).
std::string human_size(std::uint64_t bytes);

}  // namespace orgaudit
