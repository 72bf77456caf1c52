#include "engine/engine.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <stdexcept>

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

namespace {

// Reports every `step`th person and assesses them all; with a step of 0 it throws midway instead.
class EveryNth final : public Rule {
 public:
  explicit EveryNth(std::size_t step) : step_(step) {}
  void check(const CheckContext& context, FindingSink& sink) const override {
    for (PersonIndex p = 0; p < context.org.people.size(); ++p) {
      sink.assessed({EntityRef::person, p});
      if (step_ == 0 && p == 5) throw std::runtime_error("broken on purpose");
      if (step_ != 0 && p % step_ == 0) sink.report({EntityRef::person, p}, "every " + std::to_string(step_));
    }
  }

 private:
  std::size_t step_;
};

}  // namespace

TEST_CASE("rules run on two threads give the findings and outcomes of one thread, a crashed rule included", "[threads]") {
  Org org;
  org.add_file("org.yaml");
  for (std::uint32_t i = 0; i < 200; ++i) {
    Person p;
    p.id = org.text("P" + std::to_string(i));
    p.where = {0, 2 + i, 3};
    org.people.push_back(p);
  }
  org.resolve();
  const OrgMetrics metrics = OrgMetrics::compute(org);
  std::vector<CatalogEntry> entries;
  for (const char* id : {"test-a", "test-crash", "test-b", "test-c", "structure-span-of-control"})
    entries.push_back({RegisteredRule{RuleInfo{"", Severity::warning, "Openness", {}}, id, "test", ""}, nullptr});
  std::vector<ConfiguredRule> rules;
  const std::size_t steps[] = {3, 0, 7, 1, 2};
  for (std::size_t r = 0; r < entries.size(); ++r)
    rules.push_back(ConfiguredRule{&entries[r], Severity::warning, false, std::make_unique<EveryNth>(steps[r])});

  const RunResult one = run_rules(org, metrics, rules, detail::Split::one_thread);
  const RunResult two = run_rules(org, metrics, rules, detail::Split::two_threads);
  REQUIRE(one.findings.size() == 67 + 1 + 29 + 200 + 100);
  REQUIRE(two.findings.size() == one.findings.size());
  for (std::size_t i = 0; i < one.findings.size(); ++i) {
    CHECK(two.findings[i].rule_id == one.findings[i].rule_id);
    CHECK(two.findings[i].message == one.findings[i].message);
    CHECK(two.findings[i].fingerprint == one.findings[i].fingerprint);
    CHECK(two.findings[i].where.line == one.findings[i].where.line);
  }
  REQUIRE(two.outcomes.size() == rules.size());
  for (std::size_t r = 0; r < rules.size(); ++r) {
    CHECK(two.outcomes[r].rule_id == entries[r].info.id);  // in rule order, whichever ran first
    CHECK(two.outcomes[r].assessed == one.outcomes[r].assessed);
    CHECK(two.outcomes[r].findings == one.outcomes[r].findings);
    CHECK(two.outcomes[r].crashed == one.outcomes[r].crashed);
  }
  CHECK(two.outcomes[1].crashed);
  CHECK(two.outcomes[1].assessed == 0);
  CHECK(std::count_if(two.findings.begin(), two.findings.end(), [](const Finding& f) {
          return f.message == "rule 'test-crash' failed and was skipped: broken on purpose";
        }) == 1);
}
