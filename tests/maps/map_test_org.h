// Small orgs built in C++ for the map and HTML report tests, with findings made up to order (the
// map only reads them), scored the way the CLI scores them.
#pragma once

#include <string>
#include <vector>

#include "engine/rule_catalog.h"
#include "org_builder.h"
#include "report.h"

namespace orgaudit::testing {

class TestOrg {
 public:
  TestOrg& person(const std::string& id, const std::string& name, const std::string& manager = "",
                  const std::string& unit = "", const std::string& title = "") {
    builder_.person(id, manager).name(name).in(unit).title(title);
    return *this;
  }
  TestOrg& unit(const std::string& id, const std::string& name, const std::string& parent = "",
                UnitKind kind = UnitKind::department, std::vector<std::string> members = {}) {
    builder_.unit(id, parent).name(name).kind(kind).members(std::move(members));
    return *this;
  }
  // A finding on `entity`; `chain` lists people from the root down, as related locations and, when
  // `declared`, as the management chain the finding declares (a depth finding's).
  TestOrg& finding(const std::string& entity, Severity severity, const std::string& message,
                   const std::vector<std::string>& chain = {}, const std::string& rule = "test-rule",
                   bool declared = true) {
    Finding f;
    f.rule_id = rule;
    f.severity = severity;
    f.message = message;
    f.entity_ids = {entity};
    for (const std::string& id : chain) f.related.push_back({SourceLocation{}, "layer", std::nullopt, id});
    run_.findings.push_back(f);
    chain_ids_.push_back(declared ? chain : std::vector<std::string>{});
    return *this;
  }
  // A `n`-person team of leaves under `manager`, ids PREFIX1..PREFIXn.
  TestOrg& team(const std::string& prefix, int n, const std::string& manager, const std::string& unit) {
    for (int i = 1; i <= n; ++i) person(prefix + std::to_string(i), "Member " + prefix + std::to_string(i), manager, unit);
    return *this;
  }

  // Builds the org (on the first call), computes metrics and scores; after the last entity.
  ReportInput input() {
    if (!built_) org_ = builder_.build(), built_ = true;
    // The engine fills subjects and related entities; these hand-made findings name ids.
    for (std::size_t i = 0; i < run_.findings.size(); ++i) {
      Finding& f = run_.findings[i];
      f.entities = {entity_of(f.entity_ids.front())};
      for (RelatedLocation& r : f.related) r.entity = entity_of(r.entity_id);
      for (const std::string& id : chain_ids_[i]) f.chain.push_back(org_.find_person(id));
    }
    metrics_ = OrgMetrics::compute(org_);
    RuleOutcome& everyone = run_.outcomes.emplace_back();
    everyone.rule_id = "test-rule";
    everyone.dimension = "Flatness";
    everyone.assessed = org_.people.size();
    everyone.assessed_people.assign(org_.people.size(), true);
    scores_ = compute_scores(run_, org_);
    return ReportInput{org_, metrics_, run_, scores_, catalog_, "test", ""};
  }
  const Org& org() const { return org_; }

  std::optional<EntityRef> entity_of(const std::string& id) const {
    if (const PersonIndex p = org_.find_person(id); p != kNoIndex) return EntityRef{EntityRef::person, p};
    if (const UnitIndex u = org_.find_unit(id); u != kNoIndex) return EntityRef{EntityRef::unit, u};
    return std::nullopt;
  }

 private:
  OrgBuilder builder_;
  Org org_;  // built by the first input()
  bool built_ = false;
  OrgMetrics metrics_;
  RunResult run_;
  std::vector<std::vector<std::string>> chain_ids_;  // per finding of run_: the chain it declares
  Scores scores_;
  RuleCatalog catalog_;
};

}  // namespace orgaudit::testing
