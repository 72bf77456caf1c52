// A char iterator over a text in memory that publishes how far it has been read: nlohmann-json's
// SAX events carry no position, but each comes right after the lexer read its token, so a reader
// that passes these to sax_parse knows where every event is (baselines, directory exports).
#pragma once

#include <cstddef>
#include <iterator>
#include <string_view>

namespace orgaudit {

class TrackedChars {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackedChars(const char* at, const char** read_up_to) : at_(at), read_up_to_(read_up_to) {}
  reference operator*() const { return *at_; }
  TrackedChars& operator++() {
    *read_up_to_ = ++at_;
    return *this;
  }
  TrackedChars operator++(int) {
    TrackedChars before = *this;
    ++*this;
    return before;
  }
  bool operator==(const TrackedChars& other) const { return at_ == other.at_; }
  bool operator!=(const TrackedChars& other) const { return at_ != other.at_; }

 private:
  const char* at_;
  const char** read_up_to_;
};

// Where the JSON string whose closing quote is just before `end` starts: its opening quote is the
// last one before with an even number of backslashes before it (an escaped quote has an odd number).
inline std::size_t json_string_start(std::string_view text, std::size_t end) {
  std::size_t at = end - 1;  // the closing quote
  while (at > 0) {
    --at;
    if (text[at] != '"') continue;
    std::size_t backslashes = 0;
    while (at > backslashes && text[at - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return at;
  }
  return at;
}

}  // namespace orgaudit
