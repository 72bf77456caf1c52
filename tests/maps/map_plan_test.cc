// What a map draws: nodes, tables, clusters and edges at both levels, scopes, size limits and the
// collapse of large unit maps, all without a layout.
#include <catch2/catch.hpp>

#include <algorithm>

#include "map/map_plan.h"
#include "map/map_render.h"
#include "maps/map_test_org.h"

using namespace orgaudit;
using namespace orgaudit::map;
using orgaudit::testing::TestOrg;

namespace {

// CEO over two heads: Sales (PA) runs two teams, each its own unit; Ops (PB) runs one team itself.
TestOrg& standard(TestOrg& t) {
  t.unit("U0", "Company").unit("UA", "Sales", "U0").unit("UA1", "North", "UA").unit("UA2", "South", "UA").unit("UB", "Ops", "U0");
  t.person("CEO", "Chief", "", "U0").person("AS", "Assistant", "CEO", "U0");
  t.person("PA", "Head of Sales", "CEO", "UA").person("PB", "Head of Ops", "CEO", "UB");
  t.person("MA1", "North Lead", "PA", "UA1").person("MA2", "South Lead", "PA", "UA2");
  t.team("A1-", 3, "MA1", "UA1").team("A2-", 2, "MA2", "UA2").team("B-", 4, "PB", "UB");
  return t;
}

const Node& node_named(const Plan& plan, const std::string& name) {
  const auto it = std::find_if(plan.nodes.begin(), plan.nodes.end(), [&](const Node& n) { return n.name == name; });
  REQUIRE(it != plan.nodes.end());
  return *it;
}

std::size_t count_edges(const Plan& plan, EdgeKind kind) {
  return static_cast<std::size_t>(std::count_if(plan.edges.begin(), plan.edges.end(), [&](const Edge& e) { return e.kind == kind; }));
}

std::vector<std::string> cluster_ids(const Plan& plan) {
  std::vector<std::string> ids;
  for (const Cluster& c : plan.clusters) ids.push_back(c.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

TEST_CASE("map plan: managers of managers are nodes, each team is one table with its manager", "[maps]") {
  TestOrg t;
  const Plan plan = plan_map(standard(t).input(), Options{});
  CHECK(plan.level == Level::person);
  CHECK(plan.engine == "dot");
  // CEO and PA alone; tables: the assistant, PB's card, MA1's and MA2's cards.
  REQUIRE(plan.nodes.size() == 6);
  const Node& card = node_named(plan, "card:MA1");
  REQUIRE(card.rows.size() == 5);  // unit caption, the lead, three members
  CHECK(card.rows[0].label == "North · department");
  CHECK(card.rows[1].label == "North Lead");
  CHECK(card.rows[1].heading);
  CHECK(card.rows[4].label == "Member A1-3");
  CHECK(node_named(plan, "team:AS").rows.size() == 1);
  // A unit that is one card is the card's caption, not a cluster of its own.
  CHECK(cluster_ids(plan) == std::vector<std::string>{"U0", "UA"});
  const Cluster& sales = plan.clusters[node_named(plan, "PA").cluster];
  CHECK(sales.id == "UA");
  CHECK(plan.clusters[sales.parent].id == "U0");
  CHECK(plan.clusters[card.cluster].id == "UA");
  // Five reporting lines; the second table under each manager is stacked under the first.
  CHECK(count_edges(plan, EdgeKind::reporting) == 5);
  CHECK(count_edges(plan, EdgeKind::stack) == 2);
  CHECK(std::count_if(plan.edges.begin(), plan.edges.end(), [](const Edge& e) { return !e.ranks; }) == 2);
}

TEST_CASE("map plan: findings mark nodes and rows, and a depth finding's chain is highlighted", "[maps]") {
  TestOrg t;
  standard(t).finding("A1-3", Severity::error, "'Member A1-3' is 3 layers below the root", {"CEO", "PA", "MA1", "A1-3"});
  t.finding("PB", Severity::warning, "span too wide").finding("UA", Severity::info, "a note on Sales");
  const Plan plan = plan_map(t.input(), Options{});
  const Node& card = node_named(plan, "card:MA1");
  CHECK(card.mark == Mark::error);
  CHECK(card.rows[4].mark == Mark::error);
  CHECK_THAT(card.rows[4].tooltip, Catch::Contains("error: 'Member A1-3' is 3 layers below the root [test-rule]"));
  CHECK(card.rows[3].mark == Mark::none);
  CHECK(node_named(plan, "card:PB").rows[1].mark == Mark::warning);
  CHECK(plan.clusters[node_named(plan, "PA").cluster].mark == Mark::info);
  // CEO -> PA -> MA1's card; nothing else.
  REQUIRE(count_edges(plan, EdgeKind::chain) == 2);
  for (const Edge& e : plan.edges)
    if (e.kind == EdgeKind::chain) CHECK((plan.nodes[e.from].name == "CEO" || plan.nodes[e.to].name == "card:MA1"));
}

TEST_CASE("map plan: a grouped depth finding, at the manager on the chain, highlights the chain too", "[maps]") {
  TestOrg t;
  // structure-hierarchy-depth's shape: at the manager on the last allowed layer, the related chain
  // running from the root through them down to the deepest person.
  standard(t).finding("PA", Severity::error, "'PA' (layer 1) has 3 people 2 to 3 layers below the root",
                      {"CEO", "PA", "MA1", "A1-3"});
  const Plan plan = plan_map(t.input(), Options{});
  REQUIRE(count_edges(plan, EdgeKind::chain) == 2);  // CEO -> PA -> MA1's card, as for a per-person finding
}

TEST_CASE("map plan: only a chain the finding declares is highlighted, and only if it is one", "[maps]") {
  TestOrg undeclared;
  // Related people that happen to run down a management chain are no chain the map draws.
  standard(undeclared).finding("A1-3", Severity::error, "three related people", {"CEO", "PA", "MA1", "A1-3"}, "test-rule", false);
  CHECK(count_edges(plan_map(undeclared.input(), Options{}), EdgeKind::chain) == 0);
  TestOrg broken;
  // MA2 does not report to PA's report MA1: a pack's chain with a gap draws nothing, not a false line.
  standard(broken).finding("A2-1", Severity::error, "a chain with a gap", {"CEO", "PA", "MA1", "MA2", "A2-1"});
  CHECK(count_edges(plan_map(broken.input(), Options{}), EdgeKind::chain) == 0);
  TestOrg two;
  standard(two).finding("PA", Severity::error, "a line from a person to their manager", {"CEO", "PA"});
  CHECK(count_edges(plan_map(two.input(), Options{}), EdgeKind::chain) == 0);
}

TEST_CASE("map plan: --root and --depth draw a subtree and say what is cut off", "[maps]") {
  TestOrg t;
  ReportInput input = standard(t).input();
  Options options;
  options.root = "PA";
  Plan plan = plan_map(input, options);
  CHECK(plan.nodes.size() == 3);  // PA and two cards
  CHECK(cluster_ids(plan) == std::vector<std::string>{"UA"});
  CHECK_THAT(plan.subtitle, Catch::Contains("8 of 15 people, under 'Head of Sales' (PA)"));
  options.depth = 1;
  plan = plan_map(input, options);
  const Node& lead = node_named(plan, "team:MA1");
  CHECK(lead.rows.back().detail == "+3 below");
  options.root = "UB";  // a unit: its people
  options.depth.reset();
  plan = plan_map(input, options);
  CHECK(plan.nodes.size() == 1);
  CHECK(node_named(plan, "card:PB").rows.size() == 6);
}

TEST_CASE("map plan: an unknown root and an oversized person map are refused with what to do", "[maps]") {
  TestOrg t;
  ReportInput input = standard(t).input();
  Options options;
  options.root = "PAA";
  CHECK_THROWS_WITH(plan_map(input, options), Catch::Contains("--root 'PAA' names no person or unit; did you mean 'PA'?"));
  options.root.clear();
  options.max_nodes = 10;
  CHECK_THROWS_WITH(plan_map(input, options), Catch::Contains("a person-level map of 15 people is too large") &&
                                                  Catch::Contains("--level unit") && Catch::Contains("--root ID"));
  options.level = Level::automatic;  // falls back to units instead
  CHECK(plan_map(input, options).level == Level::unit);
}

TEST_CASE("map plan: unit level draws one node per unit, and collapses below the budget", "[maps]") {
  TestOrg t;
  ReportInput input = standard(t).input();
  Options options;
  options.level = Level::unit;
  Plan plan = plan_map(input, options);
  REQUIRE(plan.nodes.size() == 5);
  CHECK(count_edges(plan, EdgeKind::unit_parent) == 4);
  const Node& north = node_named(plan, "UA1");
  CHECK(north.is_unit);
  CHECK(north.people == 4);
  CHECK(north.detail == "4 people");
  CHECK(north.score.has_value());  // per-unit scores from core/scoring
  options.max_nodes = 2;  // the top unit fits, its two children would not
  plan = plan_map(input, options);
  REQUIRE(plan.nodes.size() == 1);
  CHECK(plan.nodes[0].collapsed);
  CHECK(plan.nodes[0].detail == "15 people in 5 units");
  CHECK(plan.collapsed_units == 4);
  CHECK_THAT(plan.subtitle, Catch::Contains("4 units below level 0 collapsed (zoom in with --root UNIT)"));
}

TEST_CASE("map plan: EMCs group their member MEs, at both levels", "[maps]") {
  TestOrg t;
  t.unit("PL", "Platform", "", UnitKind::platform).unit("E", "Cooking", "PL", UnitKind::emc, {"M1", "M2"});
  t.unit("M1", "Oven", "PL", UnitKind::me).unit("M2", "Fridge", "PL", UnitKind::me);
  t.person("P", "Owner", "", "PL").person("O1", "Oven owner", "P", "M1").person("O2", "Fridge owner", "P", "M2");
  t.team("X", 2, "O1", "M1").team("Y", 2, "O2", "M2");
  ReportInput input = t.input();
  Plan plan = plan_map(input, Options{});
  const Cluster& emc = plan.clusters[node_named(plan, "card:O1").cluster];
  CHECK(emc.id == "E");
  CHECK(emc.emc);
  CHECK(emc.label == "Cooking · EMC");
  CHECK(node_named(plan, "card:O2").cluster == node_named(plan, "card:O1").cluster);
  Options units;
  units.level = Level::unit;
  plan = plan_map(input, units);
  REQUIRE(plan.clusters.size() == 1);
  CHECK(node_named(plan, "M1").cluster == 0);
  CHECK(node_named(plan, "E").cluster == 0);
  CHECK(node_named(plan, "PL").cluster == kNoCluster);
  CHECK(count_edges(plan, EdgeKind::membership) == 2);
}

TEST_CASE("map plan: repeated ids and membership loops cannot break the graph", "[maps]") {
  TestOrg t;
  t.unit("A", "Alpha", "", UnitKind::emc, {"B"}).unit("B", "Beta", "", UnitKind::emc, {"A"});
  t.person("D", "First", "", "A").person("D", "Second", "", "B").person("R", "Report", "D", "B");
  const Plan plan = plan_map(t.input(), Options{});
  std::vector<std::string> names;
  for (const Node& n : plan.nodes) names.push_back(n.name);
  std::sort(names.begin(), names.end());
  CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
  for (const Cluster& c : plan.clusters) {  // every cluster chain ends
    std::size_t steps = 0;
    for (std::uint32_t p = c.parent; p != kNoCluster && steps <= plan.clusters.size(); p = plan.clusters[p].parent) ++steps;
    CHECK(steps < plan.clusters.size());
  }
}

TEST_CASE("map plan: the ids a whatif scenario changed are highlighted as nodes, table rows and clusters", "[maps]") {
  TestOrg t;
  Options options;
  options.highlight = {"PA", "A1-2", "UA", "NOT-THERE"};
  const Plan plan = plan_map(standard(t).input(), options);
  CHECK(node_named(plan, "PA").highlighted);
  CHECK_FALSE(node_named(plan, "CEO").highlighted);
  const Node& card = node_named(plan, "card:MA1");
  CHECK_FALSE(card.highlighted);  // the card is not what changed: its row is
  CHECK(card.rows[3].id == "A1-2");
  CHECK(card.rows[3].highlighted);
  CHECK_FALSE(card.rows[2].highlighted);
  CHECK(plan.clusters[node_named(plan, "PA").cluster].highlighted);  // UA
  CHECK_FALSE(plan.clusters[plan.clusters[node_named(plan, "PA").cluster].parent].highlighted);
  // Nothing asked, nothing highlighted.
  const Plan plain = plan_map(t.input(), Options{});
  CHECK(std::none_of(plain.nodes.begin(), plain.nodes.end(), [](const Node& n) { return n.highlighted; }));
  // And Graphviz is told: a highlighted box gets the highlight colour.
  CHECK(render_plan(plan, Format::dot).find("#7b1fa2") != std::string::npos);
  CHECK(render_plan(plain, Format::dot).find("#7b1fa2") == std::string::npos);
}
