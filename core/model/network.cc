#include "model/network.h"

#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <iterator>
#include <utility>

namespace orgaudit {
namespace {

using detail::UnitGraph;
using detail::UnitTie;
using UnitEdgeRef = UnitGraph::edge_descriptor;

// A parent line from an EMC to one of its units is membership, whether or not the EMC also lists
// the unit under `members` (files do either).
bool is_membership(const Org& org, const UnitGraph& graph, UnitEdgeRef e) {
  const UnitTie tie = graph[e].tie;
  if (tie == UnitTie::emc_membership) return true;
  if (tie != UnitTie::parent) return false;
  const UnitIndex a = static_cast<UnitIndex>(boost::source(e, graph));
  const UnitIndex b = static_cast<UnitIndex>(boost::target(e, graph));
  const UnitIndex parent = org.units[b].parent == a ? a : b;
  return org.units[parent].kind == UnitKind::emc;
}

// The ties a walk towards users may take: membership and contracts (zero distance), or parent lines
// alone (the hierarchy's route). Default-constructible, as boost::filtered_graph requires.
struct TieFilter {
  enum Walk : std::uint8_t { zero_distance, hierarchy };
  const Org* org = nullptr;
  const UnitGraph* graph = nullptr;
  Walk walk = zero_distance;

  bool operator()(UnitEdgeRef e) const {
    const UnitTie tie = (*graph)[e].tie;
    if (walk == hierarchy) return tie == UnitTie::parent;
    return tie == UnitTie::contract || is_membership(*org, *graph, e);
  }
};

using TieView = boost::filtered_graph<UnitGraph, TieFilter>;

// Multi-source breadth-first search from the user-facing units: each tree edge leads one hop
// further from users, so the edge's source is the next unit on the way back to them.
class HopRecorder : public boost::default_bfs_visitor {
 public:
  HopRecorder(std::vector<std::int32_t>& hops, std::vector<UnitIndex>& toward) : hops_(hops), toward_(toward) {}
  template <typename Edge, typename Graph>
  void tree_edge(Edge e, const Graph& g) const {
    const auto from = boost::source(e, g);
    const auto to = boost::target(e, g);
    hops_[to] = hops_[from] + 1;
    toward_[to] = static_cast<UnitIndex>(from);
  }

 private:
  std::vector<std::int32_t>& hops_;
  std::vector<UnitIndex>& toward_;
};

void walk_to_users(const TieView& view, const std::vector<bool>& user_facing, std::vector<std::int32_t>& hops,
                   std::vector<UnitIndex>& toward) {
  const std::size_t n = user_facing.size();
  hops.assign(n, -1);
  toward.assign(n, kNoIndex);
  std::vector<UnitIndex> sources;
  for (UnitIndex u = 0; u < n; ++u)
    if (user_facing[u]) sources.push_back(u), hops[u] = 0;
  if (sources.empty()) return;
  std::vector<boost::default_color_type> colour(n, boost::white_color);
  boost::queue<TieView::vertex_descriptor> buffer;
  boost::breadth_first_search(view, sources.begin(), sources.end(), buffer, HopRecorder(hops, toward),
                              boost::make_iterator_property_map(colour.begin(), boost::get(boost::vertex_index, view)));
}

void count_lateral_ties(const Org& org, const UnitGraph& graph, NetworkMetrics& net) {
  net.lateral_ties.assign(org.units.size(), 0);
  for (UnitEdgeRef e : boost::make_iterator_range(boost::edges(graph))) {
    if (graph[e].tie == UnitTie::parent && !is_membership(org, graph, e)) continue;
    ++net.lateral_ties[boost::source(e, graph)];
    ++net.lateral_ties[boost::target(e, graph)];
    ++net.lateral_tie_count;
  }
}

// The unit a link end belongs to: the unit itself, or a person's unit (kNoIndex when unknown).
UnitIndex unit_of(const Org& org, const LinkEnd& end) {
  if (end.index == kNoIndex) return kNoIndex;
  return end.is_unit ? end.index : org.people[end.index].unit;
}

// E-I inputs (collaboration weights inside and across units) and, for single bridges, which of a
// unit's people carry its person-level ties to the outside.
void weigh_links(const Org& org, NetworkMetrics& net) {
  const std::size_t n = org.units.size();
  net.internal_weight.assign(n, 0.0);
  net.external_weight.assign(n, 0.0);
  net.person_ties_out.assign(n, 0);
  net.bridge.assign(n, kNoIndex);
  std::vector<bool> several(n, false);
  auto carry = [&](UnitIndex unit, PersonIndex person) {
    ++net.person_ties_out[unit];
    if (net.bridge[unit] == kNoIndex && !several[unit]) net.bridge[unit] = person;
    else if (net.bridge[unit] != person) several[unit] = true;
  };
  for (const Link& link : org.links) {
    if (link.from.index == kNoIndex || link.to.index == kNoIndex) continue;
    const UnitIndex a = unit_of(org, link.from);
    const UnitIndex b = unit_of(org, link.to);
    if (link.kind == LinkKind::collaboration && a != kNoIndex && b != kNoIndex) {
      ++net.collaboration_links;
      if (a != b) {
        net.external_weight[a] += link.weight;
        net.external_weight[b] += link.weight;
      } else if (!(link.from.is_unit && link.to.is_unit)) {
        net.internal_weight[a] += link.weight;
      }
    }
    // The same edges the unit graph holds (compute_units): ties between two known, different units.
    if (a == b || a == kNoIndex || b == kNoIndex) continue;
    if (!link.from.is_unit) carry(a, link.from.index);
    if (!link.to.is_unit) carry(b, link.to.index);
  }
  for (UnitIndex u = 0; u < n; ++u)
    if (several[u]) net.bridge[u] = kNoIndex;
}

// Articulation points of the people tie graph: person-level links, with a unit end standing for the
// unit's owner, and reporting lines between two people of the same unit (what holds a unit together
// inside). Reporting lines across units are left out: a tie that only runs up the hierarchy is the
// cascading link a single bridge is measured against, not an alternative to it.
void find_articulation_points(const Org& org, NetworkMetrics& net) {
  using TieGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                         boost::no_property, boost::no_property, boost::vecS>;
  const std::size_t n = org.people.size();
  auto person_of = [&](const LinkEnd& end) -> PersonIndex {
    if (end.index == kNoIndex) return kNoIndex;
    return end.is_unit ? org.units[end.index].owner : end.index;
  };
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  for (const Link& link : org.links) {
    const PersonIndex a = person_of(link.from);
    const PersonIndex b = person_of(link.to);
    if (a != kNoIndex && b != kNoIndex && a != b && !(link.from.is_unit && link.to.is_unit)) edges.emplace_back(a, b);
  }
  for (PersonIndex p = 0; p < n; ++p) {
    const Person& person = org.people[p];
    if (person.manager != kNoIndex && person.manager != p && person.unit != kNoIndex &&
        org.people[person.manager].unit == person.unit)
      edges.emplace_back(person.manager, p);
  }
  const TieGraph graph(edges.begin(), edges.end(), n);
  edges = {};
  std::vector<TieGraph::vertex_descriptor> points;
  boost::articulation_points(graph, std::back_inserter(points));
  net.articulation.assign(n, false);
  for (auto p : points) net.articulation[p] = true;
}

}  // namespace

std::vector<UnitIndex> NetworkMetrics::path_to_user(UnitIndex u, bool through_hierarchy) const {
  const std::vector<std::int32_t>& hops = through_hierarchy ? hierarchy_user_hops : user_hops;
  const std::vector<UnitIndex>& toward = through_hierarchy ? toward_user_in_hierarchy : toward_user;
  std::vector<UnitIndex> path;
  if (u >= hops.size() || hops[u] <= 0) return path;
  path.reserve(static_cast<std::size_t>(hops[u]));
  for (UnitIndex at = toward[u]; at != kNoIndex && path.size() < static_cast<std::size_t>(hops[u]); at = toward[at])
    path.push_back(at);
  return path;
}

void compute_network(const Org& org, const UnitGraph& units, NetworkMetrics& net) {
  const std::size_t n = org.units.size();
  net.user_facing.assign(n, false);
  for (UnitIndex u = 0; u < n; ++u) net.user_facing[u] = org.units[u].user_facing;
  for (const Person& person : org.people)
    if (person.has(kUserFacing) && person.unit != kNoIndex) net.user_facing[person.unit] = true;
  for (UnitIndex u = 0; u < n && !net.any_user_facing; ++u) net.any_user_facing = net.user_facing[u];

  count_lateral_ties(org, units, net);

  const TieView lateral(units, TieFilter{&org, &units, TieFilter::zero_distance});
  const TieView hierarchy(units, TieFilter{&org, &units, TieFilter::hierarchy});
  walk_to_users(lateral, net.user_facing, net.user_hops, net.toward_user);
  walk_to_users(hierarchy, net.user_facing, net.hierarchy_user_hops, net.toward_user_in_hierarchy);

  net.component.assign(n, 0);
  const std::size_t count = n == 0 ? 0 : boost::connected_components(
      lateral, boost::make_iterator_property_map(net.component.begin(), boost::get(boost::vertex_index, lateral)));
  net.component_size.assign(count, 0);
  for (std::uint32_t c : net.component) ++net.component_size[c];

  weigh_links(org, net);
  // Only worth the people graph when some unit's outside ties all run through one person.
  for (UnitIndex u = 0; u < n; ++u) {
    if (net.bridge[u] == kNoIndex) continue;
    find_articulation_points(org, net);
    break;
  }
}

}  // namespace orgaudit
