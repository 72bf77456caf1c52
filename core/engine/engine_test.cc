#include "engine/engine.h"

#include <algorithm>
#include <catch2/catch.hpp>

using orgaudit::fingerprint;

TEST_CASE("fingerprints depend on rule, key and entities only") {
  const std::string a = fingerprint("structure-span-of-control", "", {"P-17"});
  CHECK(a.rfind("v2:", 0) == 0);
  CHECK(a.size() == 19);
  CHECK(a == fingerprint("structure-span-of-control", "", {"P-17"}));
  CHECK(a != fingerprint("structure-span-of-control", "", {"P-18"}));
  CHECK(a != fingerprint("structure-hierarchy-depth", "", {"P-17"}));
  CHECK(fingerprint("r", "", {"ab", "c"}) != fingerprint("r", "", {"a", "bc"}));
  // Two problems of one rule on one entity (a missing decision right, a missing pay right).
  CHECK(fingerprint("rendanheyi-three-rights", "decision-not-held", {"ME-1"}) !=
        fingerprint("rendanheyi-three-rights", "pay-not-held", {"ME-1"}));
}

namespace {

using namespace orgaudit;

// Keeps the builder of its first finding and uses it only after reporting many more: the vector
// they live in reallocates several times in between.
class LateDetail final : public Rule {
 public:
  void check(const CheckContext& context, FindingSink& sink) const override {
    FindingBuilder first = sink.report({EntityRef::person, 0}, "first");
    for (int i = 0; i < 1000; ++i) sink.report({EntityRef::person, 0}, "later " + std::to_string(i));
    first.key("late-key").affects({EntityRef::person, 0});
    sink.assessed({EntityRef::person, 0});
    (void)context;
  }
};

}  // namespace

TEST_CASE("a finding builder stays valid however many findings are reported after it") {
  Org org;
  org.add_file("org.yaml");
  Person ada;
  ada.id = org.text("P1");
  ada.where = {0, 2, 3};
  org.people.push_back(ada);
  org.resolve();
  const OrgMetrics metrics = OrgMetrics::compute(org);
  const CatalogEntry entry{RegisteredRule{RuleInfo{"", Severity::warning, "Openness", {}}, "test-late-detail", "test", ""},
                           nullptr};
  std::vector<ConfiguredRule> rules;
  rules.push_back(ConfiguredRule{&entry, Severity::warning, false, std::make_unique<LateDetail>()});
  const RunResult run = run_rules(org, metrics, rules);
  REQUIRE(run.findings.size() == 1001);
  const auto first = std::find_if(run.findings.begin(), run.findings.end(),
                                  [](const Finding& f) { return f.message == "first"; });
  REQUIRE(first != run.findings.end());
  CHECK(first->key == "late-key");
  REQUIRE(first->affected.size() == 1);
  CHECK(first->affected[0].entity == EntityRef{EntityRef::person, 0});
}
