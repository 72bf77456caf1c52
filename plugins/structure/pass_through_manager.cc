#include "pass_through_manager.h"

#include "people_text.h"
#include "reporting_lines.h"

namespace orgaudit::structure {

RuleInfo PassThroughManager::info() {
  return {"structure-pass-through-manager",
          "single-report managers whose only report is also a manager: a layer that only relays",
          Severity::warning,
          "Flatness",
          {},
          ""};
}

PassThroughManager::PassThroughManager(const RuleOptions&) {}

void PassThroughManager::check(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  const ReportingMetrics& reporting = context.metrics.reporting;
  for (PersonIndex m = 0; m < org.people.size(); ++m) {
    if (!reporting.is_manager(m)) continue;
    sink.assessed({EntityRef::person, m});
    // managers_among_reports comes from the core: no need to look at the report's own reports.
    if (reporting.direct_reports[m] != 1 || reporting.managers_among_reports[m] != 1) continue;
    const PersonIndex r = only_report(reporting, m);
    const Person& report = org.people[r];
    // Also flagged by structure-single-report-manager, on purpose: that rule says "one-over-one",
    // this one says the layer could be removed without anyone losing their manager.
    sink.report({EntityRef::person, m},
                "manager " + quoted(org.people[m]) + " only relays: their one direct report, " + quoted(report) +
                    ", has " + count_of(reporting.direct_reports[r], "direct report") + " of their own")
        .related(report.where, "only direct report, a manager: " + quoted(report), {EntityRef::person, r});
  }
}

}  // namespace orgaudit::structure
