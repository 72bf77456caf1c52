#include "missing_title.h"

#include <orgaudit/message_text.h>

namespace example {

using namespace orgaudit;

RuleInfo MissingTitle::info() {
  return {"people and posts without a job title",
          Severity::info,
          "Data quality",
          {{"ignore-vacant", OptionType::boolean, "true", "skip vacant posts"}}};
}

MissingTitle::MissingTitle(const RuleOptions& options) : ignore_vacant_(options.get_bool("ignore-vacant")) {}

void MissingTitle::check(const CheckContext& context, FindingSink& sink) const {
  for (PersonIndex p = 0; p < context.org.people.size(); ++p) {
    const Person& person = context.org.people[p];
    if (ignore_vacant_ && person.has(kVacant)) continue;
    sink.assessed({EntityRef::person, p});
    if (person.title.empty())
      sink.report({EntityRef::person, p}, quoted(person) + " has no job title");
  }
}

}  // namespace example
