#include "pass_through_manager.h"

#include "people_text.h"
#include "reporting_lines.h"

namespace orgaudit::structure {

RuleInfo PassThroughManager::info() {
  return {"single-report managers whose only report is also a manager: a layer that only relays",
          Severity::warning,
          "Flatness",
          {}};
}

PassThroughManager::PassThroughManager(const RuleOptions&) {}

void PassThroughManager::check(const CheckContext& context, FindingSink& sink) const {
  const Org& org = context.org;
  const ReportingMetrics& reporting = context.metrics.reporting;
  for (PersonIndex m = 0; m < org.people.size(); ++m) {
    // Counted as structure-span-of-control counts (reporting_lines.h), like single-report-manager.
    if (!reporting.is_manager(m) || org.people[m].has(kVacant)) continue;
    sink.assessed({EntityRef::person, m});
    if (reporting.span[m] != 1) continue;
    const PersonIndex r = only_counted_report(org, reporting, m);
    if (reporting.span[r] == 0) continue;  // the report leads nobody (counted the same way)
    const Person& report = org.people[r];
    const std::string not_counted = not_counted_note(org, reporting, m);
    // Also flagged by structure-single-report-manager, on purpose: that rule says "one-over-one",
    // this one says the layer could be removed without anyone losing their manager.
    sink.report({EntityRef::person, m},
                "manager " + quoted(org.people[m]) + " only relays: their one direct report, " + quoted(report) +
                    ", has " + count_of(reporting.span[r], "direct report") + " of their own" +
                    (not_counted.empty() ? "" : " (" + not_counted + ")"))
        .related(report.where, "only direct report, a manager: " + quoted(report), {EntityRef::person, r});
  }
}

}  // namespace orgaudit::structure
