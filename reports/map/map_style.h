// The map's colours, in one place so the nodes and the legend cannot disagree.
#pragma once

#include <optional>

#include "map/map_plan.h"

namespace orgaudit::map {

struct Swatch {
  const char* fill;
  const char* border;
};

// Person nodes and unit clusters: pale fills, so names stay readable, with a coloured border.
Swatch mark_swatch(Mark mark);
// Unit nodes: stronger fills, the colour being the point of a unit-level map.
Swatch unit_swatch(Mark mark);
Swatch score_swatch(std::optional<double> score);

// Score bands of the unit-level legend, best first: {lowest score, label}.
struct ScoreBand {
  double from;
  const char* label;
};
const ScoreBand* score_bands(std::size_t& count);

inline constexpr const char* kFont = "Helvetica,Arial,sans-serif";
inline constexpr const char* kInk = "#243b53";        // text
inline constexpr const char* kLine = "#7b8794";       // reporting lines, unit hierarchy
inline constexpr const char* kChain = "#c62828";      // a depth finding's management chain
inline constexpr const char* kDotted = "#9aa5b1";     // dotted-line managers
inline constexpr const char* kLateral = "#3e7cb1";    // collaboration and contract links
inline constexpr const char* kMembership = "#3f7d4e"; // EMC membership
inline constexpr const char* kEmcFill = "#edf6ef";
inline constexpr const char* kHighlight = "#7b1fa2";      // what a whatif scenario changed
inline constexpr const char* kHighlightFill = "#f3e5f5";  // a changed row of a table node

// Cluster fills darken slightly with nesting, so nested units read as nested.
const char* cluster_fill(unsigned depth);

}  // namespace orgaudit::map
