// Computes NetworkMetrics (orgaudit/metrics.h): the lateral network of units and people that the
// Rendanheyi rules read. Internal to the core; OrgMetrics::compute calls it once per run.
#pragma once

#include "orgaudit/metrics.h"
#include "orgaudit/model.h"

namespace orgaudit {

// Needs the unit graph and headcounts of `units` (compute_units) to be filled in first.
void compute_network(const Org& org, const UnitMetrics& units, NetworkMetrics& network);

}  // namespace orgaudit
