#include "workflow/config_dump.h"

#include <catch2/catch.hpp>

#include "config/config_test_support.h"

#include "workflow/starter_config.h"

using namespace orgaudit;

namespace {

Config load(const std::string& text) { return testing::config_from_text(text); }

RuleCatalog catalog() {
  RuleCatalog c;
  c.begin_pack("test", "test.so");
  c.add("test-depth",
        RuleInfo{"too deep", Severity::warning, "Flatness",
                 {{"max-layers", OptionType::integer, "7", "layers"}, {"order", OptionType::list, "A,B", "grades"},
                  {"label", OptionType::string, "say \"hi\" <b>", "text"}}},
        nullptr);
  c.add("test-span", RuleInfo{"spans", Severity::error, "Span health", {}}, nullptr);
  return c;
}

}  // namespace

TEST_CASE("the dump spells out every rule and reads back to the same settings", "[workflow]") {
  const RuleCatalog rules = catalog();
  Config config = load("fail-on: warning\nmin-score: 72.5\nrules:\n  test-span: off\n  test-depth:\n    severity: error\n"
                       "    options: {max-layers: 5, order: [X, Y]}\n"
                       "suppressions:\n  - {rule: test-span, entity: P1, reason: \"it's fine\", expires: 2027-01-31}\n");
  const std::string dump = dump_config(EffectiveConfig{{"defaults"}, "classic", config, rules, config.rules, "warning", {}});
  CHECK_THAT(dump, Catch::Contains("  test-depth:    # too deep\n    enabled: true\n    severity: error\n    options:\n"
                                   "      max-layers: 5    # integer, default 7\n      order: [\"X\", \"Y\"]    # list, default A,B\n"
                                   "      label: \"say \\\"hi\\\" \\u003cb\\u003e\"    # string"));
  // Not overridden: written as a comment, so reading the dump back leaves the rule's own severities.
  CHECK_THAT(dump, Catch::Contains("  test-span:    # spans\n    enabled: false\n"
                                   "    # severity: error by default; not set, so the rule's own severities apply\n"));
  CHECK_THAT(dump, Catch::Contains("min-score: 72.5\n"));
  const Config back = load(dump);
  CHECK(back.profile == "classic");
  CHECK(*back.fail_on == "warning");
  CHECK(*back.min_score == 72.5);
  CHECK(back.rules.options.at("test-depth").at("order") == "X,Y");
  CHECK(back.rules.options.at("test-depth").at("label") == "say \"hi\" <b>");
  CHECK(back.rules.severities.at("test-depth") == Severity::error);
  CHECK(back.rules.severities.count("test-span") == 0);
  REQUIRE(back.suppressions.size() == 1);
  CHECK(back.suppressions[0].reason == "it's fine");
  CHECK(back.suppressions[0].expires->to_string() == "2027-01-31");
}

TEST_CASE("the starter config loads and changes nothing", "[workflow]") {
  const std::string text = starter_config({"classic", "rendanheyi"});
  CHECK_THAT(text, Catch::Contains("a shipped profile (classic, rendanheyi) or a path"));
  const Config c = load(text);
  CHECK(c.profile.empty());  // left to each run's choice by what the org contains
  CHECK(*c.fail_on == "error");
  CHECK(c.rules.toggles.empty());
  CHECK(c.rules.options.empty());
  CHECK(c.suppressions.empty());
  CHECK_FALSE(c.min_score);
  CHECK(c.baseline.empty());
}
