// Graph metrics the core computes once per run and hands read-only to every rule, so no rule walks
// the whole organisation again for its own purposes.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <vector>

#include "orgaudit/model.h"

namespace orgaudit {

// Solid reporting lines, manager -> report. Compressed sparse row: a million people cost two arrays.
using ReportingGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                                          boost::no_property, boost::no_property,
                                                          std::uint32_t, std::uint32_t>;

enum class UnitTie : std::uint8_t { parent, emc_membership, contract, collaboration };

struct UnitEdge {
  UnitTie tie = UnitTie::parent;
  double weight = 1.0;
};

// The unit network: hierarchy, EMC membership, contracts and (unit-level) collaboration, undirected.
using UnitGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                        boost::no_property, UnitEdge>;

struct ReportingMetrics {
  ReportingGraph graph;  // vertex i is people[i]
  std::vector<PersonIndex> roots;  // people with no (resolvable) manager, in input order
  // Layers below the root: 0 for a root, -1 for people not reachable from any root (in, or under,
  // a reporting cycle).
  std::vector<std::int32_t> depth;
  std::vector<PersonIndex> breadth_first_order;  // reachable people, roots first
  // Direct reports that count towards span: assistants and vacant posts excluded.
  std::vector<std::uint32_t> span;
  std::vector<std::uint32_t> direct_reports;     // every direct report
  std::vector<std::uint32_t> managers_among_reports;  // direct reports who manage someone themselves
  std::vector<std::uint32_t> subtree_size;       // the person and everyone below them
  std::vector<std::vector<PersonIndex>> cycles;  // each reporting cycle, members in chain order
  std::int32_t max_depth = 0;

  bool is_manager(PersonIndex p) const { return direct_reports[p] > 0; }
  // The management chain from p's root down to p (inclusive); empty for people in or under a cycle.
  std::vector<PersonIndex> chain_to(const Org& org, PersonIndex p) const;
};

struct UnitMetrics {
  UnitGraph graph;                       // vertex i is units[i]
  std::vector<std::uint32_t> people;     // people whose unit is this one
  std::vector<double> fte;               // FTE of those people (aggregate nodes count their FTE)
  std::vector<double> subtree_fte;       // FTE of the unit and its descendants
};

struct OrgMetrics {
  ReportingMetrics reporting;
  UnitMetrics units;

  static OrgMetrics compute(const Org& org);
};

}  // namespace orgaudit
