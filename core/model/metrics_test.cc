#include "orgaudit/metrics.h"

#include <catch2/catch.hpp>

#include "org_builder.h"

using namespace orgaudit;
using orgaudit::testing::OrgBuilder;

namespace {

PersonIndex at(const Org& org, const std::string& id) { return org.find_person(id); }

}  // namespace

TEST_CASE("depth, spans and subtree sizes of a tree") {
  const Org org = OrgBuilder()
                      .person("CEO")
                      .person("A", "CEO")
                      .person("B", "CEO")
                      .person("PA", "CEO").flags(kAssistant)
                      .person("VAC", "CEO").flags(kVacant)
                      .person("A1", "A")
                      .person("A2", "A")
                      .person("JUN", "A1").flags(kAggregate).fte(12.4)
                      .build();
  const OrgMetrics m = OrgMetrics::compute(org);
  const ReportingMetrics& r = m.reporting;
  CHECK(r.roots == std::vector<PersonIndex>{at(org, "CEO")});
  CHECK(r.depth[at(org, "CEO")] == 0);
  CHECK(r.depth[at(org, "A2")] == 2);
  // An aggregate row is its post's junior command: no layer, no span, no subtree member, but FTE.
  CHECK(r.depth[at(org, "JUN")] == -1);
  CHECK(r.max_depth == 2);
  CHECK(r.direct_reports[at(org, "CEO")] == 4);
  const PersonRange of_ceo = r.reports_of(at(org, "CEO"));
  CHECK(std::vector<PersonIndex>(of_ceo.begin(), of_ceo.end()) ==
        std::vector<PersonIndex>{at(org, "A"), at(org, "B"), at(org, "PA"), at(org, "VAC")});
  CHECK(r.reports_of(at(org, "A2")).empty());
  CHECK(r.reports_of(at(org, "A")).size() == 2);
  CHECK(r.reports_of(at(org, "A1")).empty());  // the aggregate row JUN is no edge of the graph
  CHECK(r.span[at(org, "CEO")] == 2);        // assistant and vacancy excluded
  CHECK(r.span[at(org, "A1")] == 0);
  CHECK(r.direct_reports[at(org, "A1")] == 0);
  CHECK(r.command_fte[at(org, "A1")] == Approx(12.4));
  CHECK(r.command_fte[at(org, "A")] == 0);
  CHECK(r.managers_among_reports[at(org, "CEO")] == 1);
  CHECK(r.subtree_size[at(org, "CEO")] == 7);
  CHECK(r.subtree_size[at(org, "A")] == 3);
  CHECK(r.cycles.empty());
  CHECK(r.breadth_first_order.size() == 7);
  CHECK(r.chain_to(org, at(org, "JUN")).empty());
  const auto chain = r.chain_to(org, at(org, "A2"));
  REQUIRE(chain.size() == 3);
  CHECK(org.people[chain.front()].id == "CEO");
  CHECK(org.people[chain.back()].id == "A2");
}

TEST_CASE("cycles are found in chain order and their members have no depth") {
  const Org org = OrgBuilder()
                      .person("ROOT")
                      .person("X", "Z")
                      .person("Y", "X")
                      .person("Z", "Y")
                      .person("UNDER", "X")
                      .person("SELF", "SELF")
                      .build();
  const OrgMetrics m = OrgMetrics::compute(org);
  REQUIRE(m.reporting.cycles.size() == 1);
  const auto& cycle = m.reporting.cycles[0];
  REQUIRE(cycle.size() == 3);
  CHECK(org.people[cycle[0]].id == "X");
  CHECK(org.people[cycle[1]].id == "Z");  // X's manager
  CHECK(org.people[cycle[2]].id == "Y");
  CHECK(m.reporting.depth[at(org, "UNDER")] == -1);
  CHECK(m.reporting.depth[at(org, "SELF")] == -1);
  CHECK(m.reporting.direct_reports[at(org, "SELF")] == 0);  // self-management is not span
  CHECK(m.reporting.chain_to(org, at(org, "Y")).empty());
}

TEST_CASE("unknown references and duplicates are recorded, not fatal") {
  const Org org = OrgBuilder().person("A").person("B", "GHOST").person("A", "B").build();
  REQUIRE(org.reference_problems.size() == 2);
  CHECK(org.reference_problems[0].kind == ReferenceProblem::duplicate_person);
  CHECK(org.reference_problems[1].kind == ReferenceProblem::unknown_manager);
  CHECK(org.reference_problems[1].id == "GHOST");
  CHECK(org.find_person("A") == 0);  // the first definition wins
}

TEST_CASE("unit headcount rolls up the unit tree") {
  const Org org = OrgBuilder()
                      .unit("TOP")
                      .unit("MID", "TOP")
                      .unit("LEAF", "MID")
                      .person("P1").in("TOP")
                      .person("P2", "P1").fte(0.5).in("LEAF")
                      .person("P3", "P1").in("LEAF")
                      .build();
  const OrgMetrics m = OrgMetrics::compute(org);
  CHECK(m.units.people[org.find_unit("LEAF")] == 2);
  CHECK(m.units.fte[org.find_unit("LEAF")] == Approx(1.5));
  CHECK(m.units.subtree_fte[org.find_unit("TOP")] == Approx(2.5));
  CHECK(m.units.subtree_fte[org.find_unit("MID")] == Approx(1.5));
  CHECK(m.units.subtree_people[org.find_unit("TOP")] == 3);
  CHECK(m.units.subtree_people[org.find_unit("MID")] == 2);
}

TEST_CASE("a cycle in unit parents does not hang the roll-up") {
  const Org org = OrgBuilder().unit("U1", "U2").unit("U2", "U1").person("P").in("U1").build();
  const OrgMetrics m = OrgMetrics::compute(org);
  CHECK(m.units.subtree_fte[org.find_unit("U2")] == Approx(1.0));
}

TEST_CASE("a large org's reporting lines and units are computed at once, as one after the other would", "[threads]") {
  // Above detail::kMinPeopleToSplit the units are computed on a second thread: an eight-way tree
  // of people in seven units, an assistant in every eighth team, a two-person cycle and a junior
  // row, every answer worked out here from how the org is built.
  const std::size_t n = 45000;
  OrgBuilder builder;
  builder.unit("U0");
  for (int u = 1; u < 7; ++u) builder.unit("U" + std::to_string(u), "U0");
  for (std::size_t i = 0; i < n; ++i) {
    auto person = builder.person("P" + std::to_string(i), i == 0 ? "" : "P" + std::to_string((i - 1) / 8));
    person.in("U" + std::to_string(i % 7));
    if (i % 64 == 1) person.flags(kAssistant);
  }
  builder.person("X", "Y").in("U1");
  builder.person("Y", "X").in("U1");
  builder.person("JUN", "P3").flags(kAggregate).fte(4.5).in("U2");
  const Org org = builder.build();
  const OrgMetrics m = OrgMetrics::compute(org);
  const ReportingMetrics& r = m.reporting;

  std::vector<std::int32_t> depth(n, 0);
  std::vector<std::uint32_t> span(n, 0), reports(n, 0), subtree(n, 1);
  for (std::size_t i = 1; i < n; ++i) {
    depth[i] = depth[(i - 1) / 8] + 1;
    ++reports[(i - 1) / 8];
    span[(i - 1) / 8] += i % 64 != 1;
  }
  for (std::size_t i = n - 1; i > 0; --i) subtree[(i - 1) / 8] += subtree[i];
  for (std::size_t i = 0; i < n; ++i)
    if (r.depth[i] != depth[i] || r.span[i] != span[i] || r.direct_reports[i] != reports[i] || r.subtree_size[i] != subtree[i])
      FAIL("person P" << i << ": depth " << r.depth[i] << ", span " << r.span[i] << ", subtree " << r.subtree_size[i]);
  CHECK(r.max_depth == depth[n - 1]);
  CHECK(r.roots == std::vector<PersonIndex>{0});
  REQUIRE(r.cycles.size() == 1);
  CHECK(r.cycles[0] == std::vector<PersonIndex>{at(org, "X"), at(org, "Y")});
  CHECK(r.cut_off == 2);
  CHECK(r.command_fte[3] == Approx(4.5));
  for (UnitIndex u = 0; u < 7; ++u) {
    std::uint32_t people = 0;
    for (std::size_t i = 0; i < n; ++i) people += i % 7 == u;
    people += u == 1 ? 2 : u == 2 ? 1 : 0;
    CHECK(m.units.people[u] == people);
  }
  CHECK(m.units.subtree_people[0] == n + 3);
}
