// The person-level plan. Managers of managers are nodes; a manager whose reports manage no one is
// drawn as one table with their team (a "card"), and a manager's cards are stacked in columns. Units
// are nested clusters, except a unit that is exactly one card, whose caption heads the card instead.
// One box per person, side by side, would make a 400-person org chart 15 metres wide.
#include <map>
#include <set>

#include "map/map_builders.h"
#include "map/map_limits.h"

namespace orgaudit::map {
namespace {

// Rows in one column of stacked tables before a new column starts beside it.
constexpr std::size_t kColumnRows = 40;

struct Table {
  PersonIndex lead = kNoIndex;    // the manager heading a card; kNoIndex for a team on its own
  PersonIndex parent = kNoIndex;  // whom the table reports to, when drawn
  UnitIndex unit = kNoIndex;
  std::vector<PersonIndex> members;
  bool owns_unit = false;
  std::size_t size() const { return members.size() + (lead != kNoIndex); }
};

class PersonPlanner {
 public:
  PersonPlanner(const ReportInput& input, const UnitTree& tree, const PersonScope& scope, const FindingIndex& findings)
      : org_(input.org), reporting_(input.metrics.reporting), tree_(tree), scope_(scope), findings_(findings),
        n_(org_.people.size()), drawn_(n_, false), manages_(n_, false), bottom_(n_, false), node_of_(n_, kNoIndex),
        cluster_of_(org_.units.size(), kNoCluster) {}

  Plan build() {
    classify();
    group_tables();
    mark_owned_units();
    for (PersonIndex p : scope_.people)
      if (manages_[p] && !bottom_[p]) add_person(p);
    for (const Table& t : tables_) add_table(t);
    std::set<std::pair<std::uint32_t, std::uint32_t>> seen;  // one edge per pair of nodes
    stack_tables(seen);
    for (PersonIndex p : scope_.people) add_edges(p, seen);
    for (const Link& link : org_.links)
      if (!link.from.is_unit && !link.to.is_unit && link.from.index != kNoIndex && link.to.index != kNoIndex)
        add_edge(node_of_[link.from.index], node_of_[link.to.index], EdgeKind::lateral, seen);
    return std::move(plan_);
  }

 private:
  PersonIndex drawn_manager(PersonIndex p) const {
    const PersonIndex m = org_.people[p].manager;
    return m != kNoIndex && drawn_[m] ? m : kNoIndex;
  }

  void classify() {
    for (PersonIndex p : scope_.people) drawn_[p] = true;
    for (PersonIndex p : scope_.people)
      if (drawn_manager(p) != kNoIndex) manages_[drawn_manager(p)] = bottom_[drawn_manager(p)] = true;
    for (PersonIndex p : scope_.people)
      if (manages_[p] && drawn_manager(p) != kNoIndex) bottom_[drawn_manager(p)] = false;
  }

  // A leaf joins its manager's card when they share a unit, else a team of its manager and unit.
  void group_tables() {
    std::map<PersonIndex, std::size_t> card_of;
    std::map<std::pair<PersonIndex, UnitIndex>, std::size_t> team_of;
    auto card = [&](PersonIndex lead) {
      const auto [it, added] = card_of.emplace(lead, tables_.size());
      if (added) tables_.push_back({lead, drawn_manager(lead), org_.people[lead].unit, {}, false});
      return it->second;
    };
    for (PersonIndex p : scope_.people) {
      if (bottom_[p]) card(p);
      if (manages_[p]) continue;
      const PersonIndex m = drawn_manager(p);
      const UnitIndex unit = org_.people[p].unit;
      if (m != kNoIndex && bottom_[m] && org_.people[m].unit == unit) {
        tables_[card(m)].members.push_back(p);
        continue;
      }
      const auto [it, added] = team_of.emplace(std::make_pair(m, unit), tables_.size());
      if (added) tables_.push_back({kNoIndex, m, unit, {}, false});
      tables_[it->second].members.push_back(p);
    }
  }

  // A table stands for its unit when it holds everyone drawn in the unit and no drawn unit sits
  // inside it: the unit's cluster would only repeat the table's outline.
  void mark_owned_units() {
    std::vector<std::size_t> drawn_in(org_.units.size(), 0);
    std::vector<bool> has_inner(org_.units.size(), false);
    for (PersonIndex p : scope_.people) {
      const UnitIndex u = org_.people[p].unit;
      if (u == kNoIndex) continue;
      ++drawn_in[u];
      for (UnitIndex a = tree_.cluster_parent[u]; a != kNoIndex && !has_inner[a]; a = tree_.cluster_parent[a])
        has_inner[a] = true;
    }
    for (Table& t : tables_)
      t.owns_unit = t.unit != kNoIndex && !has_inner[t.unit] && drawn_in[t.unit] == t.size();
  }

  std::string tooltip_of(PersonIndex p) const {
    const Person& person = org_.people[p];
    std::string tip = describe_person(person);
    if (!person.title.empty() || !person.grade.empty())
      tip += "\n" + person.title + (person.title.empty() || person.grade.empty() ? "" : " · ") + person.grade;
    if (person.unit != kNoIndex) tip += "\nunit: " + unit_caption(org_.units[person.unit]);
    append_findings(tip, findings_.person_lines(p));
    return tip;
  }

  // Name and title; someone whose reports are beyond --depth says how many are not drawn, so a
  // cut-off subtree is never mistaken for an individual contributor.
  Row row_of(PersonIndex p) const {
    const Person& person = org_.people[p];
    Row row{(person.name.empty() ? person.id : person.name).str(), person.title.str(), tooltip_of(p),
            findings_.person_mark(p), person.has(kVacant), false, person.id.str()};
    if (row.vacant && person.name.empty()) row.label = "(vacant)";
    if (!manages_[p] && reporting_.direct_reports[p] > 0 && reporting_.subtree_size[p] > 1)
      row.detail += (row.detail.empty() ? "+" : " · +") + std::to_string(reporting_.subtree_size[p] - 1) + " below";
    return row;
  }

  void add_person(PersonIndex p) {
    Row row = row_of(p);
    Node node;
    node.name = names_.unique(org_.people[p].id.str(), p);
    node.label = std::move(row.label);
    node.detail = std::move(row.detail);
    node.tooltip = std::move(row.tooltip);
    node.mark = row.mark;
    node.vacant = row.vacant;
    node.cluster = cluster_for(org_.people[p].unit);
    node_of_[p] = static_cast<std::uint32_t>(plan_.nodes.size());
    plan_.nodes.push_back(std::move(node));
  }

  void add_table(const Table& t) {
    const PersonIndex first = t.lead != kNoIndex ? t.lead : t.members.front();
    Node node;
    node.name = names_.unique((t.lead != kNoIndex ? "card:" : "team:") + org_.people[first].id, first);
    if (t.owns_unit) {
      const Unit& unit = org_.units[t.unit];
      std::string tip = describe_unit(unit);
      append_findings(tip, findings_.unit_lines(t.unit));
      node.rows.push_back({unit_caption(unit), "", tip, findings_.unit_mark(t.unit), false, true, unit.id});
      node.cluster = t.unit == scope_.top_unit ? kNoCluster : cluster_for(tree_.cluster_parent[t.unit]);
    } else {
      node.cluster = cluster_for(t.unit);
    }
    if (t.lead != kNoIndex) node.rows.push_back(row_of(t.lead)), node.rows.back().heading = true;
    for (PersonIndex p : t.members) node.rows.push_back(row_of(p));
    for (const Row& r : node.rows) node.mark = std::max(node.mark, r.mark);
    node_of_[first] = static_cast<std::uint32_t>(plan_.nodes.size());
    for (PersonIndex p : t.members) node_of_[p] = node_of_[first];
    plan_.nodes.push_back(std::move(node));
  }

  // The tables under one manager (and in one cluster) go in columns of about kColumnRows rows: the
  // first of a column is ranked by its reporting line, the others by an invisible edge from the
  // table above, their reporting lines drawn without a say in the ranking.
  void stack_tables(std::set<std::pair<std::uint32_t, std::uint32_t>>& seen) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::pair<std::uint32_t, std::size_t>> column;  // last, rows
    for (const Table& t : tables_) {
      const std::uint32_t node = node_of_[t.lead != kNoIndex ? t.lead : t.members.front()];
      const std::uint32_t parent = t.parent == kNoIndex ? kNoIndex : node_of_[t.parent];
      auto [it, first] = column.emplace(std::make_pair(parent, plan_.nodes[node].cluster), std::make_pair(node, 0));
      auto& [last, rows] = it->second;
      if (!first && rows + plan_.nodes[node].rows.size() <= kColumnRows) {
        plan_.edges.push_back({last, node, EdgeKind::stack});
        if (parent != kNoIndex && seen.insert({parent, node}).second)
          plan_.edges.push_back({parent, node, EdgeKind::reporting, false});
      } else {
        rows = 0;
      }
      last = node;
      rows += plan_.nodes[node].rows.size();
    }
  }

  void add_edge(std::uint32_t from, std::uint32_t to, EdgeKind kind, std::set<std::pair<std::uint32_t, std::uint32_t>>& seen) {
    if (from == kNoIndex || to == kNoIndex || from == to) return;
    if (seen.insert({from, to}).second) {
      plan_.edges.push_back({from, to, kind});
    } else if (kind == EdgeKind::chain) {
      // A table's edge is part of a chain when any member's reporting line is.
      for (Edge& e : plan_.edges)
        if (e.from == from && e.to == to && e.kind == EdgeKind::reporting) e.kind = EdgeKind::chain;
    }
  }

  void add_edges(PersonIndex p, std::set<std::pair<std::uint32_t, std::uint32_t>>& seen) {
    const Person& person = org_.people[p];
    if (person.manager != kNoIndex)
      add_edge(node_of_[person.manager], node_of_[p],
               findings_.on_chain(person.manager, p) ? EdgeKind::chain : EdgeKind::reporting, seen);
    for (PersonIndex d : person.dotted)
      if (d != kNoIndex) add_edge(node_of_[d], node_of_[p], EdgeKind::dotted, seen);
  }

  // The cluster of a unit, creating it and any missing enclosing clusters up to the scope's top
  // unit, outermost first (Graphviz needs a parent before its subgraphs).
  std::uint32_t cluster_for(UnitIndex u) {
    if (u == kNoIndex) return kNoCluster;
    std::vector<UnitIndex> missing;
    std::uint32_t parent = kNoCluster;
    for (UnitIndex v = u; v != kNoIndex; v = tree_.cluster_parent[v]) {
      if (cluster_of_[v] != kNoCluster) {
        parent = cluster_of_[v];
        break;
      }
      missing.push_back(v);
      if (v == scope_.top_unit) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
      const std::uint32_t depth = parent == kNoCluster ? 1 : cluster_depth_[parent] + 1;
      if (depth > kClusterNesting) {  // drawn in the deepest cluster allowed
        cluster_of_[*it] = parent;
        continue;
      }
      const Unit& unit = org_.units[*it];
      Cluster cluster{unit.id, unit_caption(unit), describe_unit(unit), parent, findings_.unit_mark(*it),
                      unit.kind == UnitKind::emc};
      append_findings(cluster.tooltip, findings_.unit_lines(*it));
      parent = cluster_of_[*it] = static_cast<std::uint32_t>(plan_.clusters.size());
      plan_.clusters.push_back(std::move(cluster));
      cluster_depth_.push_back(depth);
    }
    return cluster_of_[u];
  }

  const Org& org_;
  const ReportingMetrics& reporting_;
  const UnitTree& tree_;
  const PersonScope& scope_;
  const FindingIndex& findings_;
  const std::size_t n_;
  std::vector<bool> drawn_, manages_, bottom_;
  std::vector<std::uint32_t> node_of_;
  std::vector<std::uint32_t> cluster_of_;
  std::vector<std::uint32_t> cluster_depth_;  // of each cluster in plan_.clusters, the outermost 1
  std::vector<Table> tables_;
  NodeNames names_;
  Plan plan_;
};

}  // namespace

Plan person_plan(const ReportInput& input, const UnitTree& tree, const PersonScope& scope, const FindingIndex& findings) {
  return PersonPlanner(input, tree, scope, findings).build();
}

}  // namespace orgaudit::map
