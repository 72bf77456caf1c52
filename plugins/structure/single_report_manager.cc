#include "single_report_manager.h"

#include "people_text.h"
#include "reporting_lines.h"

namespace orgaudit::structure {

RuleInfo SingleReportManager::info() {
  return {"managers with exactly one direct report",
          Severity::warning,
          "Flatness",
          {}};
}

SingleReportManager::SingleReportManager(const RuleOptions&) {}

void SingleReportManager::check(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  const ReportingMetrics& reporting = context.metrics.reporting;
  for (PersonIndex m = 0; m < org.people.size(); ++m) {
    // Counted as structure-span-of-control counts (reporting_lines.h): a vacant post with reports is a
    // hiring problem, and assistants and vacant posts are not people a manager leads.
    if (!reporting.is_manager(m) || org.people[m].has(kVacant)) continue;
    sink.assessed({EntityRef::person, m});
    if (reporting.span[m] != 1) continue;
    const PersonIndex r = only_counted_report(org, reporting, m);
    const Person& report = org.people[r];
    const std::string not_counted = not_counted_note(org, reporting, m);
    sink.report({EntityRef::person, m}, "manager " + quoted(org.people[m]) + " has exactly one direct report, " +
                                            quoted(report) + (not_counted.empty() ? "" : " (" + not_counted + ")"))
        .related(report.where, "only direct report: " + quoted(report), {EntityRef::person, r});
  }
}

}  // namespace orgaudit::structure
