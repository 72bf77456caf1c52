#include "single_report_manager.h"

#include "people_text.h"
#include "reporting_lines.h"

namespace orgaudit::structure {

RuleInfo SingleReportManager::info() {
  return {"structure-single-report-manager",
          "managers with exactly one direct report",
          Severity::warning,
          "Flatness",
          {},
          ""};
}

SingleReportManager::SingleReportManager(const RuleOptions&) {}

void SingleReportManager::check(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  const ReportingMetrics& reporting = context.metrics.reporting;
  for (PersonIndex m = 0; m < org.people.size(); ++m) {
    if (!reporting.is_manager(m)) continue;
    sink.assessed({EntityRef::person, m});
    // Every direct report counts here, assistants and vacant posts included: a manager whose one
    // report is an assistant is still a one-over-one line in the chart. (Span, which excludes them,
    // is structure-span-of-control's business.)
    if (reporting.direct_reports[m] != 1) continue;
    const PersonIndex r = only_report(reporting, m);
    const Person& report = org.people[r];
    sink.report({EntityRef::person, m},
                "manager " + quoted(org.people[m]) + " has exactly one direct report, " + quoted(report))
        .related(report.where, "only direct report: " + quoted(report), {EntityRef::person, r});
  }
}

}  // namespace orgaudit::structure
