#include "workflow/suppressions.h"

#include <catch2/catch.hpp>

using namespace orgaudit;

namespace {

// P1 starts on line 3 of org.yaml, P2 on line 5, unit U1 on line 8.
Org sample() {
  Org org;
  org.add_file("org.yaml");
  for (auto [id, line] : {std::pair{"P1", 3u}, std::pair{"P2", 5u}}) {
    Person p;
    p.id = org.text(id);
    p.where = SourceLocation{0, line, 5};
    org.people.push_back(p);
  }
  Unit u;
  u.id = "U1";
  u.where = SourceLocation{0, 8, 5};
  org.units.push_back(u);
  org.resolve();
  return org;
}

Finding finding(const std::string& rule, const std::string& entity) {
  Finding f;
  f.rule_id = rule;
  f.entity_ids = {entity};
  return f;
}

InlineDirective directive(std::vector<std::string> rules, std::uint32_t line, std::uint32_t target,
                          std::optional<Date> expires = std::nullopt) {
  InlineDirective d;
  d.rules = std::move(rules);
  d.reason = "accepted";
  d.line = line;
  d.column = 3;
  d.target_line = target;
  d.expires = expires;
  return d;
}

ConfigSuppression config_entry(const std::string& rule, const std::string& entity, std::uint32_t line,
                               std::optional<Date> expires = std::nullopt) {
  return ConfigSuppression{rule, entity, "csv import, accepted", expires, line, 5};
}

const Date kToday{2026, 11, 1};

}  // namespace

TEST_CASE("inline and config suppressions mark findings and report what they did not use", "[workflow]") {
  const Org org = sample();
  RunResult run;
  run.findings = {finding("span", "P1"), finding("single", "P1"), finding("span", "P2"), finding("owner", "U1"),
                  finding("span", "P3")};
  SuppressionSources sources;
  sources.inline_directives = {{0, "org.yaml", {directive({"span", "single"}, 2, 3), directive({"depth"}, 4, 5),
                                                directive({"span"}, 7, 0)}}};
  sources.config = {config_entry("owner", "U1", 10), config_entry("span", "P2", 11, Date{2026, 10, 31}),
                    config_entry("span", "P9", 12, Date{2026, 11, 1}), config_entry("off", "P1", 13)};
  sources.config_path = ".orgaudit.yaml";
  const SuppressionReport report = apply_suppressions(run, org, sources, {"span", "single", "owner", "depth"}, kToday);

  CHECK(report.suppressed == 3);
  REQUIRE(run.findings[0].suppression);
  CHECK(run.findings[0].suppression->kind == "inline");
  CHECK(run.findings[0].suppression->where.line == 2);
  CHECK(run.findings[1].suppression);
  CHECK_FALSE(run.findings[2].suppression);  // its config entry expired yesterday
  REQUIRE(run.findings[3].suppression);
  CHECK(run.findings[3].suppression->kind == "config");
  CHECK(run.findings[3].suppression->justification == "csv import, accepted");
  CHECK_FALSE(run.findings[4].suppression);

  std::vector<std::string> messages;
  for (const Diagnostic& w : report.warnings) messages.push_back(w.format("warning"));
  REQUIRE(messages.size() == 4);
  CHECK_THAT(messages[0], Catch::StartsWith(".orgaudit.yaml:11:5: warning: suppression of the 'span' finding on 'P2' "
                                            "expired on 2026-10-31: the finding is reported again"));
  // Expiring today is still valid; on P9 it suppresses nothing, so it is unused.
  CHECK_THAT(messages[1], Catch::StartsWith(".orgaudit.yaml:12:5: warning: unused suppression: this run has no 'span' finding on 'P9'; remove it"));
  // `off` did not run in this run: its suppression is not called unused.
  CHECK_THAT(messages[2], Catch::StartsWith("org.yaml:4:3: warning: unused suppression: this run has no 'depth' finding on 'P2'"));
  CHECK_THAT(messages[3], Catch::StartsWith("org.yaml:7:3: warning: this orgaudit-ignore comment is not on or directly above"));
}

TEST_CASE("config suppressions follow the entity through anonymisation", "[workflow]") {
  Org org = sample();
  org.people[0].id = org.text("p-anon-1");
  org.resolve();
  RunResult run;
  run.findings = {finding("span", "p-anon-1")};
  SuppressionSources sources;
  sources.config = {config_entry("span", "P1", 3)};
  sources.entity_id = [](const std::string& id) { return id == "P1" ? std::string("p-anon-1") : id; };
  CHECK(apply_suppressions(run, org, sources, {"span"}, kToday).suppressed == 1);
}

TEST_CASE("a suppression of an unknown rule is an error with a did-you-mean", "[workflow]") {
  RuleCatalog catalog;
  catalog.begin_pack("test", "test.so");
  catalog.add("structure-span-of-control", RuleInfo{"spans", Severity::warning, "Span health", {}}, nullptr);
  SuppressionSources sources;
  sources.config_path = ".orgaudit.yaml";
  sources.config = {config_entry("structure-span-of-contrl", "P1", 7)};
  CHECK_THROWS_WITH(check_suppression_rules(sources, catalog),
                    Catch::Contains(".orgaudit.yaml:7:5: error: suppression names an unknown rule 'structure-span-of-contrl'; "
                                    "did you mean 'structure-span-of-control'?"));
  sources.config.clear();
  sources.inline_directives = {{0, "org.yaml", {directive({"nope"}, 9, 10)}}};
  CHECK_THROWS_WITH(check_suppression_rules(sources, catalog), Catch::Contains("org.yaml:9:3: error"));
  sources.inline_directives = {{0, "org.yaml", {directive({"structure-span-of-control"}, 9, 10)}}};
  CHECK_NOTHROW(check_suppression_rules(sources, catalog));
}

TEST_CASE("a suppression of a retired rule applies to the rule it was merged into, with a warning", "[workflow]") {
  RuleCatalog catalog;
  catalog.begin_pack("test", "test.so");
  catalog.add("structure-span-of-control", RuleInfo{"spans", Severity::warning, "Span health", {}}, nullptr);
  catalog.retire("structure-single-report-manager", "structure-span-of-control");
  SuppressionSources sources;
  sources.config_path = ".orgaudit.yaml";
  sources.config = {config_entry("structure-single-report-manager", "P1", 7)};
  sources.inline_directives = {{0, "org.yaml", {directive({"structure-single-report-manager"}, 9, 10)}}};
  const std::vector<Diagnostic> warnings = check_suppression_rules(sources, catalog);
  CHECK(sources.config[0].rule == "structure-span-of-control");
  CHECK(sources.inline_directives[0].directives[0].rules == std::vector<std::string>{"structure-span-of-control"});
  REQUIRE(warnings.size() == 2);
  CHECK_THAT(warnings[0].format("warning"),
             Catch::StartsWith(".orgaudit.yaml:7:5: warning: suppression names a retired rule: 'structure-single-report-manager' "
                               "was merged into 'structure-span-of-control'"));
  CHECK(warnings[1].line == 9);
}
