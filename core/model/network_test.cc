// NetworkMetrics: distance to users, lateral components, E-I inputs and single bridges.
#include <catch2/catch.hpp>

#include "org_builder.h"

#include "orgaudit/metrics.h"

using namespace orgaudit;
using orgaudit::testing::OrgBuilder;

namespace {

std::vector<std::string> ids(const Org& org, const std::vector<UnitIndex>& units) {
  std::vector<std::string> out;
  for (UnitIndex u : units) out.push_back(org.units[u].id);
  return out;
}

}  // namespace

TEST_CASE("hops to the nearest user-facing unit follow membership and contracts, not parents or collaboration") {
  // USER faces users. EMC lists ME1; ME1 has a contract with SVC; SVC's child CHILD has only its
  // parent line; FAR is one contract beyond SVC; COLLAB only collaborates with USER.
  const Org org = OrgBuilder()
                      .unit("USER").kind(UnitKind::me).user_facing()
                      .unit("EMC").kind(UnitKind::emc).members({"USER", "ME1"})
                      .unit("ME1").kind(UnitKind::me)
                      .unit("SVC").kind(UnitKind::shared_service)
                      .unit("CHILD", "SVC")
                      .unit("FAR")
                      .unit("COLLAB")
                      .link("ME1", "SVC", LinkKind::contract)
                      .link("FAR", "SVC", LinkKind::contract)
                      .link("COLLAB", "USER", LinkKind::collaboration)
                      .build();
  const NetworkMetrics& net = OrgMetrics::compute(org).network;
  auto hops = [&](const char* id) { return net.user_hops[org.find_unit(id)]; };
  CHECK(hops("USER") == 0);
  CHECK(hops("EMC") == 1);
  CHECK(hops("ME1") == 2);
  CHECK(hops("SVC") == 3);
  CHECK(hops("FAR") == 4);
  CHECK(hops("CHILD") == -1);   // a parent line is not a path to users
  CHECK(hops("COLLAB") == -1);  // nor is collaboration
  CHECK(ids(org, net.path_to_user(org.find_unit("FAR"), false)) ==
        std::vector<std::string>{"SVC", "ME1", "EMC", "USER"});
  CHECK(net.path_to_user(org.find_unit("USER"), false).empty());
  CHECK(net.path_to_user(org.find_unit("CHILD"), false).empty());
  // The hierarchy's own route: CHILD reaches nobody (SVC is not user-facing and has no parent).
  CHECK(net.hierarchy_user_hops[org.find_unit("CHILD")] == -1);
  // Components of the membership-and-contract graph.
  CHECK(net.component[org.find_unit("FAR")] == net.component[org.find_unit("USER")]);
  CHECK(net.component_size[net.component[org.find_unit("USER")]] == 5);
  CHECK(net.component_size[net.component[org.find_unit("CHILD")]] == 1);
}

TEST_CASE("a unit whose parent is an EMC is its member, people make their unit user-facing") {
  const Org org = OrgBuilder()
                      .unit("TOP").kind(UnitKind::platform)
                      .unit("EMC", "TOP").kind(UnitKind::emc)
                      .unit("ME", "EMC").kind(UnitKind::me)
                      .unit("DEPT", "TOP")
                      .person("FACE").in("ME").flags(kUserFacing)
                      .build();
  const NetworkMetrics& net = OrgMetrics::compute(org).network;
  CHECK(net.any_user_facing);
  CHECK(net.user_facing[org.find_unit("ME")]);
  CHECK(net.user_hops[org.find_unit("EMC")] == 1);  // through the EMC parent line
  CHECK(net.user_hops[org.find_unit("TOP")] == -1);  // a plain parent line does not count
  CHECK(net.lateral_ties[org.find_unit("ME")] == 1);
  CHECK(net.lateral_ties[org.find_unit("DEPT")] == 0);
  CHECK(net.lateral_tie_count == 1);
  // Through the hierarchy, DEPT is two parent lines from TOP... and four from ME.
  CHECK(net.hierarchy_user_hops[org.find_unit("DEPT")] == 3);
  CHECK(ids(org, net.path_to_user(org.find_unit("DEPT"), true)) == std::vector<std::string>{"TOP", "EMC", "ME"});
}

TEST_CASE("an org without user-facing units has no distances") {
  const Org org = OrgBuilder().unit("A").unit("B", "A").build();
  const NetworkMetrics& net = OrgMetrics::compute(org).network;
  CHECK_FALSE(net.any_user_facing);
  CHECK(net.user_hops == std::vector<std::int32_t>{-1, -1});
  CHECK(net.lateral_tie_count == 0);
}

TEST_CASE("E-I inputs weigh collaboration inside and across units") {
  const Org org = OrgBuilder()
                      .unit("A")
                      .unit("B")
                      .person("A1").in("A")
                      .person("A2").in("A")
                      .person("B1").in("B")
                      .link("A1", "A2", LinkKind::collaboration, 3)   // internal to A
                      .link("A1", "B1", LinkKind::collaboration, 1)   // across
                      .link("A", "B", LinkKind::collaboration, 0.5)   // unit level, across
                      .link("A2", "A", LinkKind::collaboration, 2)    // a person with their own unit: internal
                      .link("A2", "B1", LinkKind::contract, 9)        // contracts are not collaboration
                      .build();
  const NetworkMetrics& net = OrgMetrics::compute(org).network;
  const UnitIndex a = org.find_unit("A");
  const UnitIndex b = org.find_unit("B");
  CHECK(net.internal_weight[a] == Approx(5));
  CHECK(net.external_weight[a] == Approx(1.5));
  CHECK(net.internal_weight[b] == Approx(0));
  CHECK(net.external_weight[b] == Approx(1.5));
  CHECK(net.ei_index(a) == Approx((1.5 - 5) / 6.5));
  CHECK(net.ei_index(b) == Approx(1.0));
  CHECK(net.collaboration_links == 4);
}

TEST_CASE("a unit whose outside ties all run through one person hangs on an articulation point") {
  // HUB owns U; U1 and U2 report to HUB. Only HUB links out (to V's person). W has two carriers.
  const Org org = OrgBuilder()
                      .unit("U").owner("HUB")
                      .unit("V")
                      .unit("W")
                      .person("HUB").in("U")
                      .person("U1", "HUB").in("U")
                      .person("U2", "HUB").in("U")
                      .person("V1").in("V")
                      .person("W1").in("W")
                      .person("W2", "W1").in("W")
                      .link("HUB", "V1")
                      .link("HUB", "V", LinkKind::contract)
                      .link("W1", "V1")
                      .link("W2", "V1")
                      .link("U1", "U2")  // inside U: not a tie out
                      .build();
  const NetworkMetrics& net = OrgMetrics::compute(org).network;
  const UnitIndex u = org.find_unit("U");
  CHECK(net.bridge[u] == org.find_person("HUB"));
  CHECK(net.person_ties_out[u] == 2);
  CHECK(net.lateral_ties[u] == 2);
  REQUIRE(net.articulation.size() == org.people.size());
  CHECK(net.articulation[org.find_person("HUB")]);
  CHECK_FALSE(net.articulation[org.find_person("U1")]);
  CHECK(net.bridge[org.find_unit("W")] == kNoIndex);  // W1 and W2 both carry ties
  CHECK(net.person_ties_out[org.find_unit("W")] == 2);
  // V1 joins HUB, W1 and W2: removing V1 cuts U from W.
  CHECK(net.articulation[org.find_person("V1")]);
}

TEST_CASE("without person-level links there is no people graph to cut") {
  const Org org = OrgBuilder().unit("U").unit("V").person("P").in("U").link("U", "V").build();
  const NetworkMetrics& net = OrgMetrics::compute(org).network;
  CHECK(net.articulation.empty());
  CHECK(net.bridge == std::vector<PersonIndex>{kNoIndex, kNoIndex});
  CHECK(net.lateral_ties[org.find_unit("U")] == 1);
}

TEST_CASE("staff FTE leaves out vacant posts and external people") {
  const Org org = OrgBuilder()
                      .unit("U")
                      .person("A").in("U")
                      .person("VAC", "A").in("U").flags(kVacant)
                      .person("EXT", "A").in("U").flags(kExternal)
                      .build();
  const OrgMetrics m = OrgMetrics::compute(org);
  CHECK(m.units.fte[0] == Approx(3));
  CHECK(m.units.staff_fte[0] == Approx(1));
}
