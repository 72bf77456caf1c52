// A manager's own direct reports, read from the reporting graph the core built once
// (ctx.metrics.reporting.graph). Looking at one manager's out-edges is O(reports): rules use these
// helpers for the few managers they flag, and never walk the whole graph per entity.
#pragma once

#include <boost/range/iterator_range.hpp>

#include "orgaudit/metrics.h"

namespace orgaudit::structure {

// The direct reports of `manager`, as a range of person indices.
inline auto reports_of(const ReportingMetrics& reporting, PersonIndex manager) {
  return boost::make_iterator_range(boost::adjacent_vertices(manager, reporting.graph));
}

// The one direct report of a single-report manager (direct_reports[manager] == 1).
inline PersonIndex only_report(const ReportingMetrics& reporting, PersonIndex manager) {
  for (PersonIndex report : reports_of(reporting, manager)) return report;
  return kNoIndex;
}

}  // namespace orgaudit::structure
