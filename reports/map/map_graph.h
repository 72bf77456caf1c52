// Turns a Plan into a cgraph graph: escaped labels and tooltips, styles, nested clusters, legend.
// Call with the Graphviz lock held (graphviz.h): cgraph is not thread-safe.
#pragma once

#include <memory>

#include "map/graphviz.h"
#include "map/map_plan.h"

namespace orgaudit::map {

std::unique_ptr<GraphHandle> build_graph(const Plan& plan);

// The legend and title as an HTML-like label (every plan string escaped).
std::string legend_label(const Plan& plan);

}  // namespace orgaudit::map
