// How big a map may get before it is refused, collapsed or handed to a faster layout engine.
//
// Graphviz 2.42 on the development machine (2 cores): `dot` lays out 1k nodes in 0.2 s, 3k in 0.9 s,
// 10k in 12.6 s and does not finish 30k in two minutes; `sfdp` takes 2.9 s for 10k nodes and 72 s
// for 100k. `dot` is the only engine that draws clusters and keeps a hierarchy readable, so it is
// used while it stays fast; beyond that the map is drawn with `sfdp`, collapsed, or refused, never
// left to run for minutes. docs/maps.md quotes these figures.
#pragma once

#include <cstddef>

namespace orgaudit::map {

// Person level: refused above this, with a suggestion (--level unit, --root). Clusters make `dot`
// slower than the bare figures above; this stays within a few seconds (docs/maps.md).
inline constexpr std::size_t kPersonNodes = 5000;
// Unit level: `dot` up to here (EMC clusters drawn), `sfdp` above (no clusters).
inline constexpr std::size_t kDotNodes = 2500;
// Unit level: above this many units the levels below the top are collapsed into one node per
// subtree (11.8k units of a 100k-person org still fit; the 119k of a 1M-person org do not).
inline constexpr std::size_t kUnitNodes = 15000;
// Unit level: at most this many levels are drawn, the rest collapsed like the levels over the node
// limit. No real org is this deep; a tree thousands of levels deep (a data error) would make
// Graphviz recurse once per level and take minutes.
inline constexpr std::size_t kUnitLevels = 100;

// Person level: units nest as clusters at most this deep; people of deeper units are drawn in the
// deepest cluster (Graphviz lays out nested clusters recursively).
inline constexpr std::size_t kClusterNesting = 50;

// The map embedded in the HTML report must stay readable on a laptop screen and quick to write,
// whatever the size of the org: person level up to this many people, else units collapsed to fit.
inline constexpr std::size_t kCompactPersonNodes = 600;
inline constexpr std::size_t kCompactUnitNodes = 400;

// A tooltip lists at most this many findings, then "and N more".
inline constexpr std::size_t kTooltipFindings = 8;

}  // namespace orgaudit::map
