// A manager's own direct reports, read from the reporting graph the core built once
// (ReportingMetrics::reports_of). Looking at one manager's reports is O(reports): rules use these
// helpers for the few managers they flag, and never walk the whole graph per entity.
#pragma once

#include <string>

#include "orgaudit/metrics.h"
#include "orgaudit/message_text.h"

namespace orgaudit::structure {

// The direct reports of `manager`, as a range of person indices.
inline PersonRange reports_of(const ReportingMetrics& reporting, PersonIndex manager) {
  return reporting.reports_of(manager);
}

// Whether a direct report counts towards a manager's span (metrics.span): assistants and vacant posts
// do not. Every structure rule counts direct reports this way, so one manager is never "one direct
// report" for one rule and "none" for another.
inline bool counts_towards_span(const Person& report) { return !report.has(kAssistant) && !report.has(kVacant); }

// The one counted direct report of a manager whose span is 1.
inline PersonIndex only_counted_report(const Org& org, const ReportingMetrics& reporting, PersonIndex manager) {
  for (PersonIndex report : reports_of(reporting, manager))
    if (counts_towards_span(org.people[report])) return report;
  return kNoIndex;
}

// "1 assistant and 2 vacant posts not counted", or "" when every direct report counted. Only run for
// flagged managers: one pass over their own reports. A vacant assistant post counts as a vacancy, the
// reason it is empty being what a reader acts on.
inline std::string not_counted_note(const Org& org, const ReportingMetrics& reporting, PersonIndex manager) {
  std::size_t assistants = 0;
  std::size_t vacancies = 0;
  for (PersonIndex report : reports_of(reporting, manager)) {
    const Person& person = org.people[report];
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

}  // namespace orgaudit::structure
