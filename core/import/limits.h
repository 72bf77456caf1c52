// Sizes and counts as people write them in a config file or on the command line: `2GB`, `500 MiB`,
// `64k`, `3000000`.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace orgaudit::import {

// A byte count: a whole number with an optional unit (B, K/KB/KiB, M/MB/MiB, G/GB/GiB; units are
// binary, case does not matter). nullopt for anything else, zero, or a value past 2^63.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);

// A count such as a record limit: a whole number above 0 (spaces around it allowed); nullopt for
// anything else or a value past 2^62.
std::optional<std::uint64_t> parse_count(std::string_view text);

}  // namespace orgaudit::import
