// Computes NetworkMetrics (orgaudit/metrics.h): the lateral network of units and people that the
// Rendanheyi rules read. Internal to the core; OrgMetrics::compute calls it once per run.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>

#include "orgaudit/metrics.h"
#include "orgaudit/model.h"

namespace orgaudit {
namespace detail {

enum class UnitTie : std::uint8_t { parent, emc_membership, contract, collaboration };

struct UnitEdge {
  UnitTie tie = UnitTie::parent;
  double weight = 1.0;
};

// The unit network: hierarchy, EMC membership, contracts and (unit-level) collaboration,
// undirected; vertex i is org.units[i]. Built for compute_network and dropped after it.
using UnitGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                        boost::no_property, UnitEdge>;

UnitGraph build_unit_graph(const Org& org);

}  // namespace detail

void compute_network(const Org& org, const detail::UnitGraph& units, NetworkMetrics& network);

}  // namespace orgaudit
