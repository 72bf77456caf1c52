#include "workflow/text_scrub.h"

#include <algorithm>
#include <cctype>

namespace orgaudit {
namespace {

bool local_char(unsigned char c) { return std::isalnum(c) || std::string_view("._%+-'").find(static_cast<char>(c)) != std::string_view::npos; }
bool domain_char(unsigned char c) { return std::isalnum(c) || c == '.' || c == '-'; }
bool word_char(unsigned char c) { return std::isalnum(c) || c >= 0x80; }  // UTF-8 letters count as word

}  // namespace

bool scrub_emails(std::string& text, const Pseudonymizer& pseudonyms) {
  bool changed = false;
  for (std::size_t at = text.find('@'); at != std::string::npos; at = text.find('@', at + 1)) {
    std::size_t begin = at, end = at + 1;
    while (begin > 0 && local_char(static_cast<unsigned char>(text[begin - 1]))) --begin;
    while (end < text.size() && domain_char(static_cast<unsigned char>(text[end]))) ++end;
    while (end > at + 1 && text[end - 1] == '.') --end;  // a full stop ending the sentence
    const std::string_view domain(text.data() + at + 1, end - at - 1);
    if (begin == at || domain.find('.') == std::string_view::npos || domain.front() == '.') continue;
    const std::string replacement = pseudonyms.email(text.substr(begin, end - begin));
    text.replace(begin, end - begin, replacement);
    at = begin + replacement.size() - 1;
    changed = true;
  }
  return changed;
}

void NameScrubber::add(const std::string& name, const std::string& pseudonym) {
  const auto space = name.find(' ');
  if (space == std::string::npos || space == 0) return;
  auto& names = by_first_word_[name.substr(0, space)];
  if (std::any_of(names.begin(), names.end(), [&](const Name& n) { return n.text == name; })) return;
  names.push_back({name, pseudonym});
  // Longest first, so "Ann Root Smith" wins over "Ann Root".
  std::sort(names.begin(), names.end(), [](const Name& a, const Name& b) { return a.text.size() > b.text.size(); });
}

void NameScrubber::scrub(std::string& text) const {
  if (by_first_word_.empty()) return;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!word_char(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::size_t word_end = i;
    while (word_end < text.size() && word_char(static_cast<unsigned char>(text[word_end]))) ++word_end;
    const auto found = by_first_word_.find(text.substr(i, word_end - i));
    std::size_t next = word_end;
    if (found != by_first_word_.end()) {
      for (const Name& name : found->second) {
        const std::size_t end = i + name.text.size();
        if (text.compare(i, name.text.size(), name.text) != 0) continue;
        if (end < text.size() && word_char(static_cast<unsigned char>(text[end]))) continue;
        text.replace(i, name.text.size(), name.pseudonym);
        next = i + name.pseudonym.size();
        break;
      }
    }
    i = next;
  }
}

}  // namespace orgaudit
