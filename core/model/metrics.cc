#include "orgaudit/metrics.h"

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <utility>

#include "model/network.h"
#include "model/unit_roll_up.h"
#include "util/parallel.h"

namespace orgaudit {
namespace {

// Solid reporting lines, manager -> report, for Boost's searches while the metrics are computed;
// ReportingMetrics keeps its two arrays afterwards.
using ReportingGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                                          boost::no_property, boost::no_property,
                                                          std::uint32_t, std::uint32_t>;

// The few bytes of each person the reporting metrics read, gathered in one pass over the people.
// Every later pass (edges, spans, subtrees, the cut-off) reads these arrays, a few megabytes, where
// a pass over the people reads the whole model (144 bytes a person) and, in breadth-first order,
// misses the cache at nearly every step.
struct ReportingLines {
  explicit ReportingLines(const Org& org)
      : manager(org.people.size()), flags(org.people.size()), names_manager(org.people.size()) {
    for (PersonIndex p = 0; p < org.people.size(); ++p) {
      const Person& person = org.people[p];
      manager[p] = person.manager;
      flags[p] = person.flags;
      names_manager[p] = !person.manager_id.empty();
    }
  }
  std::size_t size() const { return manager.size(); }
  bool has(PersonIndex p, PersonFlag flag) const { return (flags[p] & flag) != 0; }
  // Whether p's manager line is an edge. A self-reference is not: structure-integrity reports it,
  // and it must not count as span. An aggregate row is not one either: it is its post's junior
  // command (people some layers down, not direct reports), so it counts in command_fte and unit
  // FTE, not in spans or layers.
  bool is_edge(PersonIndex p) const {
    const PersonIndex m = manager[p];
    return m != kNoIndex && m != p && !has(p, kAggregate);
  }

  std::vector<PersonIndex> manager;          // Person::manager
  std::vector<std::uint8_t> flags;           // Person::flags
  std::vector<std::uint8_t> names_manager;   // a manager id is given, whether or not it resolved
};

// The edges grouped by manager, each manager's reports in input order: a counting sort, two passes
// over the people where a comparison sort of a million edges cost several times more.
ReportingGraph build_reporting_graph(const ReportingLines& lines) {
  const std::size_t n = lines.size();
  std::vector<std::uint32_t> next(n + 1, 0);  // first the reports per manager, then where each goes
  for (PersonIndex p = 0; p < n; ++p)
    if (lines.is_edge(p)) ++next[lines.manager[p] + 1];
  for (std::size_t m = 1; m <= n; ++m) next[m] += next[m - 1];
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges(next[n]);
  for (PersonIndex p = 0; p < n; ++p)
    if (lines.is_edge(p)) edges[next[lines.manager[p]]++] = {lines.manager[p], p};
  return ReportingGraph(boost::edges_are_sorted, edges.begin(), edges.end(), static_cast<std::uint32_t>(n));
}

class DepthRecorder : public boost::default_bfs_visitor {
 public:
  DepthRecorder(std::vector<std::int32_t>& depth, std::vector<PersonIndex>& order)
      : depth_(depth), order_(order) {}
  template <typename Vertex, typename Graph>
  void discover_vertex(Vertex v, const Graph&) const { order_.push_back(v); }
  template <typename Edge, typename Graph>
  void tree_edge(Edge e, const Graph& g) const {
    depth_[boost::target(e, g)] = depth_[boost::source(e, g)] + 1;
  }

 private:
  std::vector<std::int32_t>& depth_;
  std::vector<PersonIndex>& order_;
};

void compute_depths(const ReportingLines& lines, const ReportingGraph& graph, ReportingMetrics& r) {
  const std::size_t n = lines.size();
  r.depth.assign(n, -1);
  for (PersonIndex p = 0; p < n; ++p)
    if (lines.manager[p] == kNoIndex && !lines.has(p, kAggregate)) r.roots.push_back(p);
  for (PersonIndex root : r.roots) r.depth[root] = 0;
  r.breadth_first_order.reserve(n);
  if (r.roots.empty()) return;
  std::vector<boost::default_color_type> colour(n, boost::white_color);
  boost::queue<std::uint32_t> buffer;
  boost::breadth_first_search(graph, r.roots.begin(), r.roots.end(), buffer,
                              DepthRecorder(r.depth, r.breadth_first_order),
                              boost::make_iterator_property_map(
                                  colour.begin(), boost::get(boost::vertex_index, graph)));
  for (std::int32_t d : r.depth) r.max_depth = std::max(r.max_depth, d);
}

void count_cut_off(const ReportingLines& lines, ReportingMetrics& r) {
  // Each reached person inherits their root's verdict in breadth-first order (managers first); the
  // unreached (cycles, self-management and everyone below them) are cut off by definition.
  std::vector<std::uint8_t> broken(lines.size(), 1);
  for (PersonIndex p : r.breadth_first_order)
    broken[p] = lines.manager[p] == kNoIndex ? lines.names_manager[p] : broken[lines.manager[p]];
  r.cut_off = 0;
  for (PersonIndex p = 0; p < lines.size(); ++p) r.cut_off += broken[p] && !lines.has(p, kAggregate);
}

void compute_spans(const Org& org, const ReportingLines& lines, const ReportingGraph& graph, ReportingMetrics& r) {
  const std::size_t n = lines.size();
  r.span.assign(n, 0);
  r.direct_reports.assign(n, 0);
  r.managers_among_reports.assign(n, 0);
  for (PersonIndex m = 0; m < n; ++m) {
    for (PersonIndex report : boost::make_iterator_range(boost::adjacent_vertices(m, graph))) {
      ++r.direct_reports[m];
      if (!lines.has(report, kAssistant) && !lines.has(report, kVacant)) ++r.span[m];
      if (boost::out_degree(report, graph) > 0) ++r.managers_among_reports[m];
    }
  }
  r.command_fte.assign(n, 0.0);
  for (PersonIndex p = 0; p < n; ++p)
    if (lines.has(p, kAggregate) && lines.manager[p] != kNoIndex) r.command_fte[lines.manager[p]] += org.people[p].fte;
  // Children after parents in breadth-first order, so a reverse sweep sums each subtree once.
  r.subtree_size.assign(n, 1);
  for (auto it = r.breadth_first_order.rbegin(); it != r.breadth_first_order.rend(); ++it) {
    const PersonIndex m = lines.manager[*it];
    if (m != kNoIndex && m != *it) r.subtree_size[m] += r.subtree_size[*it];
  }
}

void compute_cycles(const ReportingLines& lines, const ReportingGraph& graph, ReportingMetrics& r) {
  const std::size_t n = lines.size();
  if (r.breadth_first_order.size() == n) return;  // everyone reachable: no cycle anywhere
  std::vector<std::uint32_t> component(n);
  const std::uint32_t count = boost::strong_components(
      graph, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, graph)));
  std::vector<std::uint32_t> size(count, 0);
  for (std::uint32_t c : component) ++size[c];
  std::vector<bool> reported(count, false);
  for (PersonIndex p = 0; p < n; ++p) {
    const std::uint32_t c = component[p];
    if (size[c] < 2 || reported[c]) continue;
    reported[c] = true;
    // Follow manager links from the first member met in input order: the cycle in chain order.
    std::vector<PersonIndex> cycle{p};
    for (PersonIndex next = lines.manager[p]; next != p; next = lines.manager[next]) cycle.push_back(next);
    r.cycles.push_back(std::move(cycle));
  }
}

void compute_units(const Org& org, UnitMetrics& u) {
  const std::size_t n = org.units.size();
  u.people.assign(n, 0);
  u.fte.assign(n, 0.0);
  u.staff_fte.assign(n, 0.0);
  for (const Person& person : org.people) {
    if (person.unit == kNoIndex) continue;
    ++u.people[person.unit];
    u.fte[person.unit] += person.fte;
    if (!person.has(kVacant) && !person.has(kExternal)) u.staff_fte[person.unit] += person.fte;
  }
  // Roll FTE and headcount up the unit tree, each unit once.
  u.subtree_fte = u.fte;
  u.subtree_people = u.people;
  detail::UnitRollUp(org).roll_up(
      [&](UnitIndex to, UnitIndex from) {
        u.subtree_fte[to] += u.subtree_fte[from];
        u.subtree_people[to] += u.subtree_people[from];
      },
      [&](UnitIndex to, UnitIndex from) {
        u.subtree_fte[to] = u.subtree_fte[from];
        u.subtree_people[to] = u.subtree_people[from];
      });
}


}  // namespace

namespace detail {

UnitGraph build_unit_graph(const Org& org) {
  const std::size_t n = org.units.size();
  UnitGraph graph(n);
  for (UnitIndex i = 0; i < n; ++i) {
    const Unit& unit = org.units[i];
    if (unit.parent != kNoIndex && unit.parent != i)
      boost::add_edge(unit.parent, i, UnitEdge{UnitTie::parent, 1.0}, graph);
    for (UnitIndex member : unit.members)
      if (member != i) boost::add_edge(i, member, UnitEdge{UnitTie::emc_membership, 1.0}, graph);
  }
  for (const Link& link : org.links) {
    if (link.from.index == kNoIndex || link.to.index == kNoIndex) continue;
    // Ties between people count for their units; ties inside one unit are not unit-network edges.
    UnitIndex a = link.from.is_unit ? link.from.index : org.people[link.from.index].unit;
    UnitIndex b = link.to.is_unit ? link.to.index : org.people[link.to.index].unit;
    if (a == kNoIndex || b == kNoIndex || a == b) continue;
    UnitTie tie = link.kind == LinkKind::contract ? UnitTie::contract : UnitTie::collaboration;
    boost::add_edge(a, b, UnitEdge{tie, link.weight}, graph);
  }
  return graph;
}

}  // namespace detail

std::vector<PersonIndex> ReportingMetrics::chain_to(const Org& org, PersonIndex p) const {
  std::vector<PersonIndex> chain;
  if (depth[p] < 0) return chain;
  chain.reserve(static_cast<std::size_t>(depth[p]) + 1);
  for (PersonIndex at = p; at != kNoIndex; at = org.people[at].manager) chain.push_back(at);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

OrgMetrics OrgMetrics::compute(const Org& org) {
  OrgMetrics metrics;
  // The reporting lines and the units share nothing but the (unchanging) org: on a large org the
  // units and their network are computed on a second thread meanwhile.
  detail::run_both(
      detail::split_in_two(detail::Split::by_size, org.people.size(), detail::kMinPeopleToSplit),
      [&org, &r = metrics.reporting] {
        const ReportingLines lines(org);
        ReportingGraph graph = build_reporting_graph(lines);
        compute_depths(lines, graph, r);
        compute_spans(org, lines, graph, r);
        compute_cycles(lines, graph, r);
        count_cut_off(lines, r);
        // The graph's own arrays (the row starts have one entry per person, and one more), moved, not copied.
        r.report_start_ = std::move(graph.m_forward.m_rowstart);
        r.report_list_ = std::move(graph.m_forward.m_column);
      },
      [&org, &metrics] {
        compute_units(org, metrics.units);
        compute_network(org, detail::build_unit_graph(org), metrics.network);
      });
  return metrics;
}

}  // namespace orgaudit
