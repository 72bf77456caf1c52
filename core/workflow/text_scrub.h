// Personal data inside free text (titles, unit names, notes): e-mail addresses, and the full names
// of the org's own people ("PA to Ann Root", "Office of the Director, Ann Root").
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "workflow/pseudonym.h"

namespace orgaudit {

// Replaces every e-mail address in `text` with its pseudonym; returns whether it changed anything.
bool scrub_emails(std::string& text, const Pseudonymizer& pseudonyms);

// Replaces whole-word occurrences of known full names with their pseudonyms. Only names of two
// words or more are looked for: a one-word name ("May", "Will") is too likely an ordinary word.
// Cost is one hash lookup per word of text, so a million titles stay cheap.
class NameScrubber {
 public:
  void add(const std::string& name, const std::string& pseudonym);
  void scrub(std::string& text) const;

 private:
  struct Name {
    std::string text;
    std::string pseudonym;
  };
  std::unordered_map<std::string, std::vector<Name>> by_first_word_;
};

}  // namespace orgaudit
