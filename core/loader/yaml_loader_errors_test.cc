// Every way an org file can be refused, each with its exact "file:line:col: error: message".
#include "loader/yaml_loader.h"

#include <catch2/catch.hpp>

using namespace orgaudit;

namespace {

// The error a load fails with, or "" when it succeeds.
std::string error_of(const std::string& text) {
  MemoryFileSystem files;
  files.add("org.yaml", text);
  Org org;
  std::vector<Diagnostic> warnings;
  NoProgress progress;
  try {
    load_yaml_org(files, "org.yaml", org, warnings, progress);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::string person(const std::string& fields) {
  return "orgaudit: 1\npeople:\n  - id: P-1\n" + fields;
}

}  // namespace

TEST_CASE("yaml loader refuses files that are not orgs") {
  CHECK(error_of("") == "org.yaml: error: empty file: not an orgaudit org");
  CHECK(error_of("# only\n# comments\n\n") == "org.yaml: error: empty file: not an orgaudit org");
  CHECK(error_of("---\n") == "org.yaml:2:1: error: empty file: not an orgaudit org");
  CHECK(error_of("- a\n- b\n") ==
        "org.yaml:1:1: error: not an orgaudit org file: expected a mapping with 'orgaudit: 1'");
  CHECK(error_of("just text\n") ==
        "org.yaml:1:1: error: not an orgaudit org file: expected a mapping with 'orgaudit: 1'");
  CHECK(error_of("people: []\n") == "org.yaml:1:1: error: not an orgaudit org file: no 'orgaudit: 1' key");
  CHECK(error_of("orgaudit: 2\n") ==
        "org.yaml:1:11: error: unsupported orgaudit format version '2' (this orgaudit reads 1)");
  CHECK(error_of("orgaudit: 1.0\n") ==
        "org.yaml:1:11: error: unsupported orgaudit format version '1.0' (this orgaudit reads 1)");
  CHECK(error_of("orgaudit: [1]\n") ==
        "org.yaml:1:11: error: unsupported orgaudit format version a sequence (this orgaudit reads 1)");
  CHECK(error_of("orgaudit: 1\n---\norgaudit: 1\n") ==
        "org.yaml:2:1: error: a second YAML document ('---') in an org file: put one org per file");
  CHECK(error_of("orgaudit: 1\norgaudit: 1\n") ==
        "org.yaml:2:1: error: duplicate key 'orgaudit' (first at org.yaml:1:1)");
}

TEST_CASE("yaml loader reports malformed YAML at its location") {
  CHECK(error_of("orgaudit: 1\npeople:\n  - id: [P-1\n") ==
        "org.yaml:4:1: error: invalid YAML: end of sequence flow not found");
  CHECK(error_of("orgaudit: 1\na: b: c\n") == "org.yaml:2:5: error: invalid YAML: illegal map value");
  CHECK(error_of("orgaudit: 1\npeople:\n  - id: P-1\n   name: x\n") ==
        "org.yaml:4:4: error: invalid YAML: end of sequence not found");
  CHECK(error_of("orgaudit: 1\n\tpeople: []\n") ==
        "org.yaml:2:1: error: invalid YAML: illegal tab when looking for indentation");
}

TEST_CASE("yaml loader survives hostile input") {
  std::string deep = "orgaudit: 1\npeople:\n  - id: P-1\n    attributes: ";
  deep += std::string(10000, '[') + std::string(10000, ']') + "\n";
  std::string message = error_of(deep);
  CHECK(message.rfind("org.yaml:4:", 0) == 0);
  CHECK(message.find("nesting too deep") != std::string::npos);

  std::string block = "orgaudit: 1\nx:\n";
  for (int i = 0; i < 10000; ++i) block += std::string(static_cast<std::size_t>(i) + 1, ' ') + "- \n";
  CHECK(error_of(block).find("nesting too deep") != std::string::npos);

  CHECK(error_of("orgaudit: 1\nunits:\n  - &a {id: U-1}\n  - *a\n") ==
        "org.yaml:3:5: error: anchors and aliases are not supported in org files (write each value out)");
  CHECK(error_of("orgaudit: 1\nx: &lol [a, b]\ny: [*lol, *lol]\n") ==
        "org.yaml:2:4: error: anchors and aliases are not supported in org files (write each value out)");
  CHECK(error_of(person("    <<: *base\n")).find("org.yaml:4:9: error: ") == 0);
}

TEST_CASE("yaml loader refuses invalid UTF-8") {
  CHECK(error_of(person("    name: \"Zo\xEB\"\n")) ==
        "org.yaml:4:11: error: invalid UTF-8 (byte 0xEB at offset 2 of this value); "
        "org files must be UTF-8 encoded");
  CHECK(error_of(person("    name: ab\xC0\xAF\n")).rfind("org.yaml:4:11: error: invalid UTF-8 (byte 0xC0", 0) == 0);
  CHECK(error_of(person("    n\xFF: x\n")).rfind("org.yaml:4:5: error: invalid UTF-8", 0) == 0);
  CHECK(error_of("orgaudit: 1\nx\xFF: 1\n").rfind("org.yaml:2:1: error: invalid UTF-8", 0) == 0);
}

TEST_CASE("yaml loader refuses wrong types with what it expected") {
  CHECK(error_of("orgaudit: 1\npeople: {id: P-1}\n") ==
        "org.yaml:2:9: error: expected a list of people (items starting with '- ')");
  CHECK(error_of("orgaudit: 1\nunits: U-1\n") ==
        "org.yaml:2:8: error: expected a list of units (items starting with '- ')");
  CHECK(error_of("orgaudit: 1\npeople:\n  - P-1\n") ==
        "org.yaml:3:5: error: expected a person (a mapping with at least 'id'), got a scalar");
  CHECK(error_of("orgaudit: 1\nlinks:\n  - [a, b]\n") ==
        "org.yaml:3:5: error: expected a link (a mapping with 'from' and 'to'), got a sequence");
  CHECK(error_of("orgaudit: 1\norg: Acme\n") ==
        "org.yaml:2:6: error: expected a mapping (name, as_of) for 'org', got 'Acme'");
  CHECK(error_of("orgaudit: 1\norg: {as_of: 2026-02-30}\n") ==
        "org.yaml:2:14: error: expected a date (YYYY-MM-DD) for 'as_of', got '2026-02-30'");
  CHECK(error_of(person("    fte: abc\n")) == "org.yaml:4:10: error: expected a number for 'fte', got 'abc'");
  CHECK(error_of(person("    fte: 1.5x\n")) == "org.yaml:4:10: error: expected a number for 'fte', got '1.5x'");
  CHECK(error_of(person("    fte: .nan\n")) == "org.yaml:4:10: error: expected a number for 'fte', got '.nan'");
  CHECK(error_of(person("    fte: -0.5\n")) == "org.yaml:4:10: error: 'fte' cannot be negative, got -0.5");
  CHECK(error_of(person("    vacant: maybe\n")) ==
        "org.yaml:4:13: error: expected a boolean (true or false) for 'vacant', got 'maybe'");
  CHECK(error_of(person("    name: {first: A}\n")) ==
        "org.yaml:4:11: error: expected a string for 'name', got a mapping");
  CHECK(error_of(person("    dotted: [[P-2]]\n")) ==
        "org.yaml:4:14: error: expected an id in 'dotted', got a sequence");
  CHECK(error_of(person("    attributes: [a]\n")) ==
        "org.yaml:4:17: error: expected a mapping of names to values for 'attributes', got a sequence");
  CHECK(error_of(person("    attributes: {site: [a]}\n")) ==
        "org.yaml:4:24: error: expected a string for 'site', got a sequence");
  CHECK(error_of("orgaudit: 1\nunits:\n  - id: U\n    kind: {a: 1}\n") ==
        "org.yaml:4:11: error: expected a unit kind for 'kind', got a mapping");
  CHECK(error_of("orgaudit: 1\nunits:\n  - id: U\n    kind: platfrom\n") ==
        "org.yaml:4:11: error: unknown unit kind 'platfrom'; did you mean 'platform'? (expected one of "
        "platform, emc, me, department, shared-service, external-partner)");
  CHECK(error_of("orgaudit: 1\nlinks:\n  - {from: A, to: B, weight: 0}\n") ==
        "org.yaml:3:30: error: 'weight' must be greater than 0, got 0");
  CHECK(error_of("orgaudit: 1\nlinks:\n  - {from: A, to: B, kind: contrat}\n") ==
        "org.yaml:3:28: error: unknown link kind 'contrat'; did you mean 'contract'? "
        "(expected collaboration or contract)");
}

TEST_CASE("yaml loader requires ids and refuses duplicates") {
  CHECK(error_of("orgaudit: 1\npeople:\n  - name: A\n") == "org.yaml:3:5: error: person has no 'id'");
  CHECK(error_of("orgaudit: 1\npeople:\n  - id:\n    name: A\n") ==
        "org.yaml:3:5: error: 'id' is empty: expected an id");
  CHECK(error_of("orgaudit: 1\npeople:\n  - id: ''\n") == "org.yaml:3:9: error: 'id' is empty: expected an id");
  CHECK(error_of("orgaudit: 1\nunits:\n  - {name: U}\n") == "org.yaml:3:5: error: unit has no 'id'");
  CHECK(error_of("orgaudit: 1\nlinks:\n  - {from: A}\n") == "org.yaml:3:5: error: link has no 'to'");
  CHECK(error_of(person("  - id: P-2\n  - id: P-1\n")) ==
        "org.yaml:5:5: error: duplicate person id 'P-1' (first defined at org.yaml:3:5)");
  CHECK(error_of("orgaudit: 1\nunits:\n  - id: X\n  - id: X\n") ==
        "org.yaml:4:5: error: duplicate unit id 'X' (first defined at org.yaml:3:5)");
  CHECK(error_of("orgaudit: 1\nunits:\n  - id: X\npeople:\n  - id: X\n").empty());  // separate namespaces
  CHECK(error_of(person("    name: A\n    name: B\n")) ==
        "org.yaml:5:5: error: duplicate key 'name' in this mapping (first at org.yaml:4:5)");
  std::string many = person("    attributes:\n");
  for (int i = 0; i < 100; ++i) many += "      k" + std::to_string(i) + ": v\n";
  CHECK(error_of(many).empty());
  CHECK(error_of(many + "      k7: again\n") ==
        "org.yaml:105:7: error: duplicate key 'k7' in this mapping (first at org.yaml:12:7)");
  CHECK(error_of(person("    [a]: b\n")) ==
        "org.yaml:4:5: error: expected a key (a name such as 'id'), found a sequence");
}

TEST_CASE("yaml loader checks metric tables") {
  const std::string unit = "orgaudit: 1\nunits:\n  - id: ME-1\n    metrics:\n";
  CHECK(error_of(unit + "      periods: [a, b, c]\n      headcount: [1, 2]\n") ==
        "org.yaml:6:7: error: 'headcount' has 2 values but 'periods' has 3");
  CHECK(error_of(unit + "      revenue: [1, 2]\n      periods: [a]\n") ==
        "org.yaml:5:7: error: 'revenue' has 2 values but 'periods' has 1");
  CHECK(error_of(unit + "      periods: [a, b]\n      headcount: [1, -2]\n") ==
        "org.yaml:6:22: error: headcount cannot be negative, got -2");
  CHECK(error_of(unit + "      periods: [a]\n      revenue: [x]\n") ==
        "org.yaml:6:17: error: expected a number for 'revenue', got 'x'");
  CHECK(error_of(unit + "      revenue: [1]\n") ==
        "org.yaml:4:5: error: 'metrics' has series but no 'periods' row to label them");
  CHECK(error_of(unit + "      periods: [a]\n      revenue: 5\n") ==
        "org.yaml:6:16: error: expected a list of numbers, one per period for 'revenue', got '5'");
}

TEST_CASE("yaml loader lets a missing file's error through") {
  MemoryFileSystem files;
  Org org;
  std::vector<Diagnostic> warnings;
  NoProgress progress;
  CHECK_THROWS_WITH(load_yaml_org(files, "nope.yaml", org, warnings, progress),
                    "nope.yaml: error: No such file or directory");
}
