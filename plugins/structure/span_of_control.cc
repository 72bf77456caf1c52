#include "span_of_control.h"

#include "orgaudit/message_text.h"
#include "reporting_lines.h"

namespace orgaudit::structure {

RuleInfo SpanOfControl::info() {
  return {"managers whose span of control is out of range or who only relay to one report: one finding per manager",
          Severity::warning,
          "Span health",
          {{"min-span", OptionType::integer, "4",
            "fewest direct reports a manager should have (assistants and vacant posts not counted); "
            "a span of 1 below it is a single-report manager"},
           {"max-span", OptionType::integer, "15",
            "most direct reports a manager should have (assistants and vacant posts not counted)"}}};
}

SpanOfControl::SpanOfControl(const RuleOptions& options)
    : min_span_(options.get_int("min-span")), max_span_(options.get_int("max-span")) {}

// One finding per manager, naming every problem they have in one sentence. Its key is the most
// specific problem (a relay has one report, which is below the minimum), so a manager has one key: a
// baseline keeps their finding while the problem stays the same and sees a new one when it changes
// (their one report starts to manage a team).
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
    const bool narrow = span < min_span_;
    const bool wide = span > max_span_;
    const PersonIndex only = span == 1 ? only_counted_report(org, reporting, m) : kNoIndex;
    // A relay is flagged whatever min-span says: the layer could go without anyone losing a manager.
    const bool relays = only != kNoIndex && reporting.span[only] > 0;
    if (!narrow && !wide && !relays) continue;

    const std::string limit = narrow ? "min " + std::to_string(min_span_) : wide ? "max " + std::to_string(max_span_) : "";
    const std::string excluded = not_counted_note(org, reporting, m);
    const std::string detail = limit + (limit.empty() || excluded.empty() ? "" : "; ") + excluded;
    const std::string in_brackets = detail.empty() ? "" : " (" + detail + ")";
    const std::string has = "manager " + quoted(manager) + " has " + count_of(static_cast<std::size_t>(span), "direct report");
    if (relays) {
      const Person& report = org.people[only];
      sink.report({EntityRef::person, m}, has + in_brackets + "; that report, " + quoted(report) + ", has " +
                                              count_of(reporting.span[only], "direct report") + " of their own, so " +
                                              quoted(manager) + " is a pass-through layer")
          .key("pass-through")
          .related(report.where, "only direct report, a manager: " + quoted(report), {EntityRef::person, only});
    } else if (only != kNoIndex && narrow) {
      const Person& report = org.people[only];
      sink.report({EntityRef::person, m}, has + ", " + quoted(report) + in_brackets)
          .key("single-report")
          .related(report.where, "only direct report: " + quoted(report), {EntityRef::person, only});
    } else {
      sink.report({EntityRef::person, m}, has + in_brackets).key(narrow ? "too-narrow" : "too-wide");
    }
  }
}

}  // namespace orgaudit::structure
