#include "span_of_control.h"

#include "people_text.h"
#include "reporting_lines.h"

namespace orgaudit::structure {

RuleInfo SpanOfControl::info() {
  return {"managers whose span of control is below the minimum or above the maximum",
          Severity::warning,
          "Span health",
          {{"min-span", OptionType::integer, "4",
            "fewest direct reports a manager should have (assistants and vacant posts not counted)"},
           {"max-span", OptionType::integer, "15",
            "most direct reports a manager should have (assistants and vacant posts not counted)"}}};
}

SpanOfControl::SpanOfControl(const RuleOptions& options)
    : min_span_(options.get_int("min-span")), max_span_(options.get_int("max-span")) {}

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
    const std::string excluded = not_counted_note(org, reporting, m);
    sink.report({EntityRef::person, m},
                "manager " + quoted(manager) + " has " + count_of(static_cast<std::size_t>(span), "direct report") + " (" + limit +
                    (excluded.empty() ? "" : "; " + excluded) + ")");
  }
}

}  // namespace orgaudit::structure
