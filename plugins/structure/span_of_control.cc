#include "span_of_control.h"

#include "people_text.h"
#include "reporting_lines.h"

namespace orgaudit::structure {

RuleInfo SpanOfControl::info() {
  return {"structure-span-of-control",
          "managers whose span of control is below the minimum or above the maximum",
          Severity::warning,
          "Span health",
          {{"min-span", OptionType::integer, "4",
            "fewest direct reports a manager should have (assistants and vacant posts not counted)"},
           {"max-span", OptionType::integer, "15",
            "most direct reports a manager should have (assistants and vacant posts not counted)"}},
          ""};
}

SpanOfControl::SpanOfControl(const RuleOptions& options)
    : min_span_(options.get_int("min-span")), max_span_(options.get_int("max-span")) {}

std::string SpanOfControl::excluded_note(const CheckContext& context, PersonIndex manager) {
  // Only run for flagged managers: one pass over their own reports. A vacant assistant post counts
  // as a vacancy, the reason it is empty being what a reader acts on.
  std::size_t assistants = 0;
  std::size_t vacancies = 0;
  for (PersonIndex report : reports_of(context.metrics.reporting, manager)) {
    const Person& person = context.org.people[report];
    if (person.has(kVacant))
      ++vacancies;
    else if (person.has(kAssistant))
      ++assistants;
  }
  std::string note;
  if (assistants > 0) note = count_of(assistants, "assistant");
  if (vacancies > 0) note += (note.empty() ? "" : " and ") + count_of(vacancies, "vacant post");
  return note.empty() ? note : note + " not counted";
}

void SpanOfControl::check(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  const ReportingMetrics& reporting = context.metrics.reporting;
  for (PersonIndex m = 0; m < org.people.size(); ++m) {
    const Person& manager = org.people[m];
    // A vacant post with reports is a hiring problem, not a span one: nobody manages them yet.
    if (!reporting.is_manager(m) || manager.has(kVacant)) continue;
    sink.assessed({EntityRef::person, m});
    // metrics.span excludes assistants, vacant posts and aggregate rows (an organogram's junior
    // command is not a post's direct reports): the people a manager actually leads.
    const long span = reporting.span[m];
    std::string limit;
    if (span < min_span_)
      limit = "min " + std::to_string(min_span_);
    else if (span > max_span_)
      limit = "max " + std::to_string(max_span_);
    else
      continue;
    const std::string excluded = excluded_note(context, m);
    sink.report({EntityRef::person, m},
                "manager " + quoted(manager) + " has " + count_of(static_cast<std::size_t>(span), "direct report") + " (" + limit +
                    (excluded.empty() ? "" : "; " + excluded) + ")");
  }
}

}  // namespace orgaudit::structure
