#include "workflow/text_scrub.h"

#include <catch2/catch.hpp>

using namespace orgaudit;

TEST_CASE("free text loses e-mail addresses and the org's full names, nothing else", "[workflow]") {
  const Pseudonymizer p("a-key-long-enough-1234");
  std::string text = "Write to jo.bloggs+hr@dept.gov.uk. Or @someone, or a@b.";
  CHECK(scrub_emails(text, p));
  CHECK(text == "Write to " + p.email("jo.bloggs+hr@dept.gov.uk") + ". Or @someone, or a@b.");
  NameScrubber names;
  names.add("Ann Root", "Person 1");
  names.add("Ann Root Smith", "Person 2");
  names.add("May", "Person 3");  // one word: ignored
  std::string title = "Office of Ann Root Smith, deputy to Ann Root; Ann Rooter; starts in May";
  names.scrub(title);
  CHECK(title == "Office of Person 2, deputy to Person 1; Ann Rooter; starts in May");
}
