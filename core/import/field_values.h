// Reading single cells of an export: numbers, yes/no flags, and the organogram's special names.
// Each returns "not readable" rather than guessing, so the importer can report the cell.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace orgaudit::import {

std::string_view trim_view(std::string_view text);

// A decimal number: `1`, `0.5`, `-2`, `1e3`, and `0,5` (a decimal comma, as European exports
// write it). Not `inf`, `nan`, hex, or text around the number.
std::optional<double> parse_number(std::string_view text);

// true/false, yes/no, y/n, 1/0, t/f, x (a ticked box), any case; empty is false.
std::optional<bool> parse_flag(std::string_view text);

// What a UK organogram's Name cell says about the post (hris-formats.md): a person's name, or one
// of the words publishers use for a post without a disclosed holder.
enum class PostHolder { named, vacant, eliminated, not_disclosed };
struct PostName {
  PostHolder holder = PostHolder::named;
  std::string name;  // only for `named`
};
PostName classify_post_name(std::string_view cell);

}  // namespace orgaudit::import
