// What a map draws, decided before Graphviz is involved: which people or units, grouped into which
// clusters, marked by which findings. Keeping this apart from cgraph lets the scope and size rules
// be tested without a layout, and keeps every Graphviz call in graphviz.cc and map_graph.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "report.h"

namespace orgaudit::map {

enum class Level : std::uint8_t {
  person,     // one node per person, units as clusters
  unit,       // one node per unit, sized by headcount, coloured by score
  automatic,  // person level when it is small enough to read, else unit level (the HTML report)
};

struct Options {
  Level level = Level::person;
  std::string root;               // a person or unit id; empty: the whole org
  std::optional<unsigned> depth;  // layers (person level) or unit levels below the root
  std::string engine = "auto";    // a Graphviz layout engine, or auto: chosen by size and level
  std::size_t max_nodes = 0;      // 0: the level's default limit (map_limits.h)
  bool compact = false;           // the smaller budgets of a map embedded in a report
  // Ids of people and units drawn highlighted, whatever their findings: what a whatif scenario
  // changed, in its before and after maps.
  std::vector<std::string> highlight;
};

// A map that cannot be drawn as asked (too large, unknown root, Graphviz failure). The CLI turns it
// into exit code 2 with the message, which always says what to do instead.
class MapError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The worst finding on an entity, in the order the colours escalate.
enum class Mark : std::uint8_t { none, info, warning, error };

inline constexpr std::uint32_t kNoCluster = 0xffffffffu;

// One line of a table node: a person, or the unit the table stands for.
struct Row {
  std::string label;    // the name
  std::string detail;   // the title, in smaller type
  std::string tooltip;  // who, and their findings
  Mark mark = Mark::none;
  bool vacant = false;
  bool heading = false;  // the unit's caption, or the team's manager: set apart from the rows below
  std::string id;        // the person's (or, for a caption, the unit's) id
  bool highlighted = false;
};

// Text is plain, as in the org file: map_graph.cc escapes it for Graphviz.
struct Node {
  std::string name;     // unique in the graph (the entity id)
  std::string label;    // first line, in bold
  std::string detail;   // second line, in smaller type
  std::string tooltip;  // one finding a line
  std::uint32_t cluster = kNoCluster;
  Mark mark = Mark::none;
  bool is_unit = false;
  bool vacant = false;          // a vacant post, drawn dashed
  std::optional<double> score;  // unit nodes: the unit subtree's score, when assessed
  double people = 0;            // unit nodes: headcount drawn (the subtree's when collapsed)
  bool collapsed = false;       // unit nodes standing for a subtree cut off by the size budget
  // A table node: a manager with the team under them (none of whom manages anyone in the map), or
  // such a team on its own, listed in one box rather than side by side: an org chart drawn one box
  // per person grows metres wide. When the table is all its unit has, the unit's caption heads it
  // instead of a cluster around it.
  std::vector<Row> rows;
  bool highlighted = false;  // Options::highlight names it
};

struct Cluster {
  std::string id;  // the unit's id (the Graphviz name is cluster_<index>: ids may repeat)
  std::string label;
  std::string tooltip;
  std::uint32_t parent = kNoCluster;
  Mark mark = Mark::none;
  bool emc = false;  // an EMC grouping its member units
  bool highlighted = false;
};

enum class EdgeKind : std::uint8_t {
  stack,          // invisible: stacks a manager's tables in a column instead of a row
  reporting,      // solid line, manager -> report
  chain,          // a reporting line on the management chain of a depth finding
  dotted,         // dotted-line manager -> report
  lateral,        // a collaboration or contract link
  unit_parent,    // parent unit -> unit
  membership,     // EMC -> member unit
};

struct Edge {
  std::uint32_t from;  // node indices
  std::uint32_t to;
  EdgeKind kind;
  bool ranks = true;  // false: drawn, but leaves the layout's ranking to the stack edges
};

struct Plan {
  Level level = Level::person;  // never automatic: resolved
  std::string engine;           // resolved
  std::string title;            // the org's name
  std::string subtitle;         // what is drawn: scope, counts, what was collapsed
  std::vector<Node> nodes;
  std::vector<Cluster> clusters;
  std::vector<Edge> edges;
  std::size_t collapsed_units = 0;  // units hidden inside collapsed nodes
};

// Throws MapError when the root is unknown or the map is over its size limit.
Plan plan_map(const ReportInput& input, const Options& options);

// "person", "unit", "auto"; nullopt for anything else.
std::optional<Level> parse_level(const std::string& text);

}  // namespace orgaudit::map
