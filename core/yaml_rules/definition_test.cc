#include "yaml_rules/definition.h"

#include <catch2/catch.hpp>

#include "util/diagnostic.h"

using namespace orgaudit;
using namespace orgaudit::yaml_rules;

namespace {

// One rule under the file's header; `body` is its keys, each line indented four spaces.
std::string rule_file(const std::string& body) { return "orgaudit-rules: 1\nrules:\n  - id: custom-x\n" + body; }

const std::string kValid =
    "    summary: s\n"
    "    dimension: Span health\n"
    "    select: people\n";

Definitions read_text(const std::string& text) {
  MemoryFileSystem files;
  files.add("r.yaml", text);
  return read_rule_file(files, "r.yaml");
}

std::string error_of(const std::string& text) {
  try {
    read_text(text);
  } catch (const InputError& e) {
    return e.diagnostic().format("error");
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("yaml rules: a rule file is compiled once into nodes and fields", "[yaml-rules]") {
  const Definitions rules = read_text(rule_file(kValid +
                                                "    options: {max: {type: integer, default: 12}}\n"
                                                "    where: {span: {above: $max, at-most: 40}, unit.kind: me}\n"
                                                "    message: \"{name} manages {span} (max {max}), {{literally}}\"\n"));
  REQUIRE(rules.size() == 1);
  const RuleDefinition& r = *rules[0];
  CHECK(r.id == "custom-x");
  CHECK(r.pack == "custom");
  CHECK(r.line == 3);
  CHECK(r.column == 5);
  CHECK(r.select.subject == Subject::person);
  // Three tests under one `all`, the root, written last.
  REQUIRE(r.where.nodes.size() == 4);
  CHECK(r.where.root == 3);
  CHECK(r.where.nodes[3].kind == Node::all);
  CHECK(r.where.nodes[0].operand.from_option);
  CHECK(r.where.nodes[1].operand.number == 40);
  REQUIRE(r.where.fields.size() == 2);
  CHECK(r.where.fields[1].hops == std::vector<Hop>{Hop::unit});
  CHECK(r.where.fields[1].id == FieldId::kind);
  REQUIRE(r.message.size() == 6);
  CHECK(r.message[4].kind == MessagePiece::option);
  CHECK(r.message[5].text == "), {literally}");
}

TEST_CASE("yaml rules: unknown names fail at their line and column with a did-you-mean", "[yaml-rules]") {
  CHECK(error_of(rule_file(kValid + "    where: {spna: {above: 3}}\n    message: m\n")) ==
        "r.yaml:7:13: error: unknown field 'spna' for a person; did you mean 'span'? (docs/yaml-rules.md lists every field)");
  CHECK(error_of(rule_file(kValid + "    where:\n      span: {abov: 3}\n    message: m\n")) ==
        "r.yaml:8:14: error: unknown test 'abov'; did you mean 'above'? (is, is-not, above, below, at-least, at-most, in, not-in, like, exists)");
  CHECK(error_of(rule_file(kValid + "    wher: {span: 3}\n")) == "r.yaml:7:5: error: unknown key 'wher' in a rule; did you mean 'where'?");
  CHECK(error_of(rule_file(kValid + "    where: {manger.grade: A}\n    message: m\n")) ==
        "r.yaml:7:13: error: unknown hop 'manger' for a person; did you mean 'manager'? (docs/yaml-rules.md lists every field)");
  CHECK(error_of(rule_file(kValid + "    where: {span: {above: $mx}}\n    options: {max: {type: integer, default: 3}}\n    message: m\n")) ==
        "r.yaml:7:27: error: unknown option '$mx'; did you mean 'max'?");
  CHECK(error_of(rule_file(kValid + "    where: {span: 3}\n    message: \"{spn} people\"\n")) ==
        "r.yaml:8:14: error: in the message's {spn}: unknown field 'spn' for a person; did you mean 'span'? (docs/yaml-rules.md lists every field)");
  CHECK(error_of("orgaudit-rules: 1\nrules:\n  - id: custom-x\n    summary: s\n    dimension: User value\n    select: units\n"
                 "    where: {metric.revenue.trnd: {below: 0}}\n    message: m\n") ==
        "r.yaml:7:13: error: unknown metric aspect 'trnd' in 'metric.revenue.trnd'; did you mean 'trend'? (one of last, previous, first, change, trend, mean, periods)");
  CHECK(error_of("orgaudit-rules: 1\nrules:\n  - id: custom-x\n    summary: s\n    dimension: User value\n    select: units\n"
                 "    where: {kind: mee}\n    message: m\n") ==
        "r.yaml:7:19: error: unknown unit kind 'mee'; did you mean 'me'? (platform, emc, me, department, shared-service, external-partner, unspecified)");
  CHECK(error_of(rule_file("    summary: s\n    dimension: Span helth\n")) ==
        "r.yaml:5:16: error: unknown dimension 'Span helth'; did you mean 'Span health'? (one of Flatness, Span health, Autonomy, User value, Openness, Ecosystem, Data quality)");
  CHECK(error_of(rule_file("    summary: s\n    dimension: Span health\n    select: peple\n")) ==
        "r.yaml:6:13: error: 'select' chooses 'people' or 'units', got 'peple'; did you mean 'people'?");
  CHECK(error_of("orgaudit-rules: 1\nrulez: []\n") == "r.yaml:2:1: error: unknown key 'rulez' in the rule file; did you mean 'rules'?");
}

TEST_CASE("yaml rules: values and options must suit the field they test", "[yaml-rules]") {
  CHECK(error_of(rule_file(kValid + "    where: {span: {above: many}}\n    message: m\n")) ==
        "r.yaml:7:27: error: 'span' is compared with a number here, got 'many'");
  CHECK(error_of(rule_file(kValid + "    where: {grade: {above: 3}}\n    message: m\n")) ==
        "r.yaml:7:21: error: 'grade' is text; 'above' compares numbers");
  CHECK(error_of(rule_file(kValid + "    where: {contractor: {above: 1}}\n    message: m\n")) ==
        "r.yaml:7:26: error: 'contractor' is true or false: test it with is, is-not or exists");
  CHECK(error_of(rule_file(kValid + "    where: {span: {above: $who}}\n    options: {who: {type: string, default: x}}\n    message: m\n")) ==
        "r.yaml:7:27: error: option 'who' is string, but this test needs a number");
  CHECK(error_of(rule_file(kValid + "    options: {max: {type: integer, default: twelve}}\n")) ==
        "r.yaml:7:45: error: the default of option 'max' must be an integer, got 'twelve'");
  CHECK(error_of(rule_file(kValid + "    where: {span: {above: .nan}}\n    message: m\n")) ==
        "r.yaml:7:27: error: 'span' is compared with a number here, got '.nan'");
  CHECK(error_of("orgaudit-rules: 1\nrules:\n  - id: Custom_X\n") ==
        "r.yaml:3:9: error: rule id 'Custom_X' must be kebab-case with a prefix and a name, e.g. 'custom-sales-team-size'");
  CHECK(error_of("orgaudit-rules: 1\nrules:\n  - id: custom\n") ==
        "r.yaml:3:9: error: rule id 'custom' must be kebab-case with a prefix and a name, e.g. 'custom-custom'");
  CHECK(error_of(rule_file(kValid + "    counts: {staff: {of: people}}\n")) ==
        "r.yaml:7:26: error: a person's count is of reports, not 'people'");
  const std::string once = kValid + "    where: {span: 1}\n    message: m\n";
  CHECK(error_of(rule_file(once + "  - id: custom-x\n" + once)) == "r.yaml:9:5: error: rule 'custom-x' is defined twice: first at line 3");
}

TEST_CASE("yaml rules: deep nesting and huge files are refused, not followed", "[yaml-rules]") {
  auto nested = [](int depth) {
    std::string where;
    for (int i = 0; i < depth; ++i) where += "{not: ";
    where += "{span: 1}";
    for (int i = 0; i < depth; ++i) where += "}";
    return rule_file(kValid + "    where: " + where + "\n    message: m\n");
  };
  // 200 `not`s (each a mapping) read and evaluate; 600 are past the YAML reader's nesting limit.
  const Definitions deep = read_text(nested(200));
  CHECK(deep[0]->where.nodes.size() == 201);
  CHECK(error_of(nested(600)).find("nesting too deep") != std::string::npos);
  // A condition is read per entity, so its size is bounded: 1,000 tests, 64 in-unit tests.
  std::string wide;
  for (int i = 0; i < 1001; ++i) wide += (i ? ", " : "") + std::string("{span: ") + std::to_string(i) + "}";
  CHECK_THAT(error_of(rule_file(kValid + "    where: {any: [" + wide + "]}\n    message: m\n")),
             Catch::Contains("error: a condition of more than 1000 tests; split the rule"));
  std::string units;
  for (int i = 0; i < 65; ++i) units += (i ? ", " : "") + std::string("{in-unit: U") + std::to_string(i) + "}";
  CHECK_THAT(error_of(rule_file(kValid + "    where: {any: [" + units + "]}\n    message: m\n")),
             Catch::Contains("more than 64 in-unit tests in one rule"));
  std::string huge = rule_file(kValid + "    where: {span: 1}\n    message: m\n");
  huge += "# " + std::string(17u << 20, 'x') + "\n";
  CHECK(error_of(huge).find("r.yaml") == 0);
  CHECK(error_of(huge).find("larger than") != std::string::npos);
}
