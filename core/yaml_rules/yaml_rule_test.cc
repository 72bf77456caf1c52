#include "yaml_rules/yaml_rule.h"

#include <catch2/catch.hpp>

#include "engine/engine.h"
#include "loader/yaml_loader.h"
#include "util/diagnostic.h"
#include "util/progress.h"

using namespace orgaudit;
using namespace orgaudit::yaml_rules;

namespace {

// A small org: a root with a contractor manager of permanent staff, a permanent manager of
// contractors, two MEs (one with a user-facing person), a revenue series falling in one of them.
const char* kOrg = R"(orgaudit: 1
org: {name: Rules test}
units:
  - {id: U-TOP, name: Top, kind: platform}
  - {id: U-SALES, name: Sales, parent: U-TOP, kind: department}
  - {id: U-NORTH, name: North, parent: U-SALES, kind: me, metrics: {periods: [Q1, Q2, Q3], revenue: [30, 20, 10]}}
  - {id: U-LAB, name: Lab, parent: U-TOP, kind: me, metrics: {periods: [Q1, Q2, Q3], revenue: [10, 20, 40]}}
people:
  - {id: P1, name: Root, unit: U-TOP, grade: G1}
  - {id: P2, name: Cara, manager: P1, unit: U-SALES, contractor: true, grade: G2}
  - {id: P3, manager: P2, unit: U-NORTH, grade: G3}
  - {id: P4, name: Dev, manager: P2, unit: U-NORTH, grade: G3, user_facing: true}
  - {id: P5, name: Perm, manager: P1, unit: U-LAB, grade: G2, attributes: {Location: Leeds}}
  - {id: P6, name: Con, manager: P5, unit: U-LAB, contractor: true, grade: G2}
)";

struct Run {
  std::vector<std::string> findings;  // "ENTITY-ID: message"
  RuleOutcome outcome;
};

Run run(const std::string& rules_yaml, std::map<std::string, std::string> options = {}) {
  MemoryFileSystem files;
  files.add("org.yaml", kOrg);
  files.add("r.yaml", "orgaudit-rules: 1\nrules:\n" + rules_yaml);
  Org org;
  std::vector<Diagnostic> warnings;
  NoProgress progress;
  load_yaml_org(files, "org.yaml", org, warnings, progress);
  REQUIRE(warnings.empty());
  org.resolve();
  const OrgMetrics metrics = OrgMetrics::compute(org);
  RuleCatalog catalog;
  const Definitions definitions = read_rule_file(files, "r.yaml");
  register_rules(catalog, definitions, {"structure"});
  RuleSelection selection;
  selection.options[definitions.front()->id] = std::move(options);
  const RunResult result = run_rules(org, metrics, configure_rules(catalog, selection));
  Run out;
  for (const Finding& f : result.findings) out.findings.push_back(f.entity_ids.empty() ? f.message : f.entity_ids[0] + ": " + f.message);
  out.outcome = result.outcomes.front();
  return out;
}

const std::string kHeader = "  - id: custom-t\n    summary: s\n    dimension: Span health\n";

}  // namespace

TEST_CASE("yaml rules: a span rule with an option, its default and the user's value", "[yaml-rules]") {
  const std::string rule = kHeader +
                           "    options: {max: {type: integer, default: 1}}\n"
                           "    select: {people: {is-manager: true}}\n"
                           "    where: {span: {above: $max}}\n"
                           "    message: \"{name} manages {span} (max {max}) in {unit.name}\"\n";
  const Run defaults = run(rule);
  CHECK(defaults.findings == std::vector<std::string>{"P1: Root manages 2 (max 1) in Top", "P2: Cara manages 2 (max 1) in Sales"});
  CHECK(defaults.outcome.assessed == 3);  // the managers: P1, P2, P5
  CHECK(run(rule, {{"max", "2"}}).findings.empty());
}

TEST_CASE("yaml rules: counts of reports, hops to the manager and the unit, and/or/not", "[yaml-rules]") {
  const std::string contractor_manages_staff = kHeader +
                                               "    select: {people: {contractor: true}}\n"
                                               "    counts: {permanent: {of: reports, where: {contractor: false}}}\n"
                                               "    where: {permanent: {at-least: 1}}\n"
                                               "    message: \"{name} ({grade}), a contractor, manages {permanent} permanent staff\"\n";
  CHECK(run(contractor_manages_staff).findings == std::vector<std::string>{"P2: Cara (G2), a contractor, manages 2 permanent staff"});
  const std::string same_grade = kHeader +
                                 "    select: people\n"
                                 "    where:\n"
                                 "      any:\n"
                                 "        - {grade: {is: G3}, not: {user-facing: true}}\n"
                                 "        - all: [{manager.grade: G2}, {unit.kind: {in: [me]}}, {manager.attribute.Location: {like: 'Le*'}}]\n"
                                 "    message: \"{id} under {manager.name}\"\n";
  CHECK(run(same_grade).findings == std::vector<std::string>{"P3: P3 under Cara", "P6: P6 under Perm"});
}

TEST_CASE("yaml rules: units, counts of their people, metric trends and missing values", "[yaml-rules]") {
  const std::string no_user = kHeader +
                              "    select: {units: {kind: me}}\n"
                              "    counts: {facing: {of: people, where: {user-facing: true}}}\n"
                              "    where: {facing: 0}\n"
                              "    message: \"{name} has {headcount} people, none facing users\"\n";
  CHECK(run(no_user).findings == std::vector<std::string>{"U-LAB: Lab has 2 people, none facing users"});
  const std::string falling = kHeader +
                              "    select: units\n"
                              "    where: {metric.revenue.trend: {below: 0}}\n"
                              "    message: \"{name}: revenue {metric.revenue} after {metric.revenue.previous}, trend {metric.revenue.trend}\"\n";
  CHECK(run(falling).findings == std::vector<std::string>{"U-NORTH: North: revenue 10 after 20, trend -10"});
  // A test of a missing value is false either way; `exists` tells them apart.
  const std::string located = kHeader + "    select: people\n    where: {attribute.Location: {is-not: Leeds}}\n    message: m\n";
  CHECK(run(located).findings.empty());
  const std::string unlocated = kHeader + "    select: people\n    where: {attribute.Location: {exists: false}, is-root: false}\n    message: \"{id} {attribute.Location}\"\n";
  CHECK(run(unlocated).findings.size() == 4);
  CHECK(run(unlocated).findings.front() == "P2: P2 none");
}

TEST_CASE("yaml rules: unit depth, sub-units and subtree headcount, read through hops too", "[yaml-rules]") {
  const std::string tree = kHeader +
                           "    select: units\n"
                           "    counts: {mes: {of: sub-units, where: {kind: me}}}\n"
                           "    where: {sub-units: {at-least: 1}}\n"
                           "    message: \"{name}: depth {depth}, {sub-units} sub-units ({mes} MEs), {subtree-headcount} people below\"\n";
  CHECK(run(tree).findings == std::vector<std::string>{"U-TOP: Top: depth 0, 2 sub-units (1 MEs), 6 people below",
                                                       "U-SALES: Sales: depth 1, 1 sub-units (1 MEs), 3 people below"});
  const std::string by_person = kHeader + "    select: {people: {unit.depth: 2}}\n    where: {unit.parent.subtree-headcount: {above: 2}}\n"
                                          "    message: \"{id} in {unit.name}, {unit.parent.sub-units} beside it\"\n";
  CHECK(run(by_person).findings == std::vector<std::string>{"P3: P3 in North, 1 beside it", "P4: P4 in North, 1 beside it"});
}

TEST_CASE("yaml rules: in-unit selects a subtree, and naming no unit leaves the rule not assessed", "[yaml-rules]") {
  const std::string sales = kHeader + "    select: {people: {in-unit: U-SALES}}\n    where: {is-manager: false}\n    message: \"{id}\"\n";
  const Run in_sales = run(sales);
  CHECK(in_sales.findings == std::vector<std::string>{"P3: P3", "P4: P4"});
  CHECK(in_sales.outcome.assessed == 3);
  const std::string by_option = kHeader + "    options: {team: {type: string, default: U-SALES}}\n"
                                          "    select: {people: {in-unit: $team}}\n    where: {is-manager: false}\n    message: \"{id}\"\n";
  CHECK(run(by_option).findings == in_sales.findings);
  CHECK(run(by_option, {{"team", "U-LAB"}}).findings == std::vector<std::string>{"P6: P6"});
  const std::string typo = kHeader + "    select: {people: {in-unit: U-SALEZ}}\n    where: {is-manager: false}\n    message: \"{id}\"\n";
  const Run none = run(typo);
  CHECK(none.outcome.not_assessed);
  CHECK(none.findings == std::vector<std::string>{"not assessed: this org has no unit 'U-SALEZ' (the rule's in-unit); add it to enable custom-t"});
  const std::string no_series = kHeader + "    select: units\n    where: {metric.profit: {below: 0}}\n    message: m\n";
  CHECK(run(no_series).outcome.not_assessed);
}

TEST_CASE("yaml rules: an id or prefix a pack has is refused at the rule's place", "[yaml-rules]") {
  MemoryFileSystem files;
  files.add("r.yaml", "orgaudit-rules: 1\nrules:\n" + kHeader + "    select: people\n    where: {span: 1}\n    message: m\n");
  const Definitions definitions = read_rule_file(files, "r.yaml");
  RuleCatalog catalog;
  catalog.begin_pack("custom", "first.yaml:3:5");
  catalog.add("custom-t", RuleInfo{"s", Severity::warning, "Span health", {}}, nullptr);
  auto error = [&](const std::set<std::string>& reserved) {
    try {
      register_rules(catalog, definitions, reserved);
    } catch (const InputError& e) {
      return e.diagnostic().format("error");
    }
    return std::string("(no error)");
  };
  CHECK(error({"custom"}) ==
        "r.yaml:3:5: error: rule 'custom-t' takes the prefix 'custom-' of the custom pack; give your rules a prefix of their own, e.g. 'custom-'");
  CHECK(error({}) == "r.yaml:3:5: error: rule 'custom-t' is already defined, by first.yaml:3:5; give this rule another id");
}
