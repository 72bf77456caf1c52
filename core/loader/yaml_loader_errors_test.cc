// Every way an org file can be refused, each with its exact "file:line:col: error: message".
#include "loader/yaml_loader.h"

#include <catch2/catch.hpp>

using namespace orgaudit;

namespace {

// The error a load fails with, or "" when it succeeds.
std::string error_of(const std::string& text, const RecordLimits& limits = {}) {
  MemoryFileSystem files;
  files.add("org.yaml", text);
  Org org;
  std::vector<Diagnostic> warnings;
  NoProgress progress;
  try {
    load_yaml_org(files, "org.yaml", org, warnings, progress, limits);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::string person(const std::string& fields) {
  return "orgaudit: 1\npeople:\n  - id: P-1\n" + fields;
}

// Each file text against the error its load must fail with ("": it must load).
void check_errors(const std::vector<std::pair<std::string, std::string>>& cases) {
  for (const auto& [text, error] : cases) {
    INFO("org file: " << text);
    CHECK(error_of(text) == error);
  }
}

}  // namespace

TEST_CASE("yaml loader refuses files that are not orgs") {
  check_errors({
      {"", "org.yaml: error: empty file: not an orgaudit org"},
      {"# only\n# comments\n\n", "org.yaml: error: empty file: not an orgaudit org"},
      {"---\n", "org.yaml:2:1: error: empty file: not an orgaudit org"},
      {"- a\n- b\n", "org.yaml:1:1: error: not an orgaudit org file: expected a mapping with 'orgaudit: 1'"},
      {"just text\n", "org.yaml:1:1: error: not an orgaudit org file: expected a mapping with 'orgaudit: 1'"},
      {"people: []\n", "org.yaml:1:1: error: not an orgaudit org file: no 'orgaudit: 1' key"},
      {"orgaudit: 2\n", "org.yaml:1:11: error: unsupported orgaudit format version '2' (this orgaudit reads 1)"},
      {"orgaudit: 1.0\n", "org.yaml:1:11: error: unsupported orgaudit format version '1.0' (this orgaudit reads 1)"},
      {"orgaudit: [1]\n",
       "org.yaml:1:11: error: unsupported orgaudit format version a sequence (this orgaudit reads 1)"},
      {"orgaudit: 1\n---\norgaudit: 1\n",
       "org.yaml:2:1: error: a second YAML document ('---') in an org file: put one org per file"},
      {"orgaudit: 1\norgaudit: 1\n", "org.yaml:2:1: error: duplicate key 'orgaudit' (first at org.yaml:1:1)"},
  });
}

TEST_CASE("yaml loader reports malformed YAML at its location") {
  check_errors({
      {"orgaudit: 1\npeople:\n  - id: [P-1\n",
       "org.yaml:4:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence "
       "started at 3:9"},
      {"orgaudit: 1\na: b: c\n", "org.yaml:2:5: error: invalid YAML: mapping values are not allowed in this context"},
      {"orgaudit: 1\npeople:\n  - id: P-1\n   name: x\n",
       "org.yaml:4:4: error: invalid YAML: did not find expected '-' indicator while parsing a block "
       "collection started at 3:3"},
      {"orgaudit: 1\npeople:\n  - {id: P-1, name: Zoë Ünal}}\n",
       "org.yaml:3:30: error: invalid YAML: did not find expected '-' indicator while parsing a block "
       "collection started at 3:3"},  // columns count code points, not bytes
  });
}

TEST_CASE("yaml loader refuses tabs where the parser needs spaces") {
  const std::string tab_message =
      "invalid YAML: a tab character where only spaces are accepted (indent, and separate after '- ', with spaces)";
  check_errors({
      {"orgaudit: 1\n\tpeople: []\n", "org.yaml:2:1: error: " + tab_message},
      {"orgaudit: 1\npeople:\n-\tid: P-1\n", "org.yaml:3:2: error: " + tab_message},
      {"orgaudit: 1\npeople:\n  - id: P-1\n\t name: x\n", "org.yaml:4:1: error: " + tab_message},
      {person("    name:\tTab Separated\n"), ""},  // a tab after ':' is accepted
  });
}

TEST_CASE("yaml loader refuses a string left open at the end of the file") {
  // yaml-cpp 0.7 took the rest of the file as the value when a newline followed the quote.
  check_errors({
      {person("    name: \"unterminated\n"),
       "org.yaml:5:1: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar "
       "started at 4:11"},
      {person("    name: \"unterminated"),
       "org.yaml:4:24: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar "
       "started at 4:11"},
      {person("    name: 'open\n  - id: P-2\n"),
       "org.yaml:6:1: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar "
       "started at 4:11"},
      {person("    dotted: [P-2, P-3\n"),
       "org.yaml:5:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence "
       "started at 4:13"},
  });
}

TEST_CASE("yaml loader refuses a file cut short") {
  const std::string whole = person("    name: \"Ada Lovelace\"\n    dotted: [P-2]\n    attributes: {site: \"Leeds\"}\n");
  REQUIRE(error_of(whole).empty());
  // Every cut inside a quoted or flow value is an error, never a silently shorter value.
  for (const std::string& cut : {whole.substr(0, whole.find("Lovelace")), whole.substr(0, whole.find("P-2]")),
                                 whole.substr(0, whole.find("Leeds") + 3)})
    CHECK(error_of(cut).rfind("org.yaml:", 0) == 0);
}

TEST_CASE("yaml loader survives hostile input") {
  const std::string too_deep = "error: nesting too deep (more than 499 levels); an org file needs only a few";
  // Levels 1-3 are the root, `people` and the person; the 497th '[' (column 16 + 497) opens level 500.
  std::string deep = "orgaudit: 1\npeople:\n  - id: P-1\n    attributes: ";
  deep += std::string(10000, '[') + std::string(10000, ']') + "\n";
  CHECK(error_of(deep) == "org.yaml:4:513: " + too_deep);
  std::string unclosed = "orgaudit: 1\nx: " + std::string(100000, '[');  // nothing closes, no stack grows
  CHECK(error_of(unclosed) == "org.yaml:2:502: " + too_deep);

  // Block nesting, one level per line: the sequence on line L, indented L - 2, is level L - 1.
  std::string block = "orgaudit: 1\nx:\n";
  for (int i = 0; i < 10000; ++i) block += std::string(static_cast<std::size_t>(i) + 1, ' ') + "- \n";
  CHECK(error_of(block) == "org.yaml:501:500: " + too_deep);

  check_errors({
      {"orgaudit: 1\nunits:\n  - &a {id: U-1}\n  - *a\n",
       "org.yaml:3:5: error: anchors and aliases are not supported (write each value out)"},
      {"orgaudit: 1\nx: &lol [a, b]\ny: [*lol, *lol]\n",
       "org.yaml:2:4: error: anchors and aliases are not supported (write each value out)"},
      {person("    name: *who\n"),
       "org.yaml:4:11: error: anchors and aliases are not supported (write each value out)"},
      // Merge keys need an alias to merge; a literal `<<` key is only an unknown key.
      {person("    <<: *base\n"), "org.yaml:4:9: error: anchors and aliases are not supported (write each value out)"},
      {person("    <<: {name: Merged}\n"), ""},
  });
}

TEST_CASE("yaml loader refuses an alias bomb at its first anchor") {
  // Billion laughs: nine levels of ten aliases each would expand to 10^9 strings.
  std::string bomb = "orgaudit: 1\nlol0: &lol0 \"lol\"\n";
  for (int level = 1; level <= 9; ++level) {
    bomb += "lol" + std::to_string(level) + ": &lol" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i) bomb += (i ? ", *lol" : "*lol") + std::to_string(level - 1);
    bomb += "]\n";
  }
  bomb += "people:\n  - id: P-1\n    attributes: {laughs: *lol9}\n";
  CHECK(error_of(bomb) ==
        "org.yaml:2:7: error: anchors and aliases are not supported (write each value out)");
}

TEST_CASE("yaml loader refuses invalid UTF-8 at the bad byte") {
  check_errors({
      {person("    name: \"Zo\xEB\"\n"),
       "org.yaml:4:14: error: invalid UTF-8 (byte 0xEB); org files must be UTF-8 encoded"},
      {person("    name: ab\xC0\xAF\n"),
       // an overlong '/'
       "org.yaml:4:13: error: invalid UTF-8 (byte 0xC0); org files must be UTF-8 encoded"},
      {person("    name: \xC3\xA9\xED\xA0\x80\n"),
       // é, then a surrogate
       "org.yaml:4:12: error: invalid UTF-8 (byte 0xED); org files must be UTF-8 encoded"},
      {person("    n\xFF: x\n"), "org.yaml:4:6: error: invalid UTF-8 (byte 0xFF); org files must be UTF-8 encoded"},
      {"orgaudit: 1\nx\xFF: 1\n", "org.yaml:2:2: error: invalid UTF-8 (byte 0xFF); org files must be UTF-8 encoded"},
      {"orgaudit: 1\nx: \xE2\x82", "org.yaml:2:4: error: invalid UTF-8 (byte 0xE2); org files must be UTF-8 encoded"},
      // Escapes are not raw bytes: "\xEB" in double quotes is the character ë.
      {person("    name: \"Zo\\xEB\"\n"), ""},
  });
}

TEST_CASE("yaml loader refuses raw control characters and YAML 1.1 line breaks") {
  check_errors({
      {person("    name: \"Bell\x07\"\n"),
       "org.yaml:4:16: error: control character U+0007 written raw: YAML allows it only escaped, as \\u0007 "
       "inside double quotes"},
      {person("    name: C1 \xC2\x9B csi\n"),
       "org.yaml:4:14: error: control character U+009B written raw: YAML allows it only escaped, as \\u009B "
       "inside double quotes"},
      {person("    name: Line\xE2\x80\xA8sep\n"),
       "org.yaml:4:15: error: raw line separator U+2028: YAML reads it as a line break; write it as \\L "
       "inside double quotes"},
      {person("    # a comment\xE2\x80\xA9\n"),
       "org.yaml:4:16: error: raw paragraph separator U+2029: YAML reads it as a line break; write it as \\P "
       "inside double quotes"},
      {person("    name: \"next\xC2\x85line\"\n"),
       "org.yaml:4:16: error: raw next-line character (NEL) U+0085: YAML reads it as a line break; write it "
       "as \\N inside double quotes"},
      {std::string("o\0r\0g\0", 6),
       "org.yaml:1:2: error: NUL byte: org files are UTF-8 text (save a UTF-16 file as UTF-8, or with a byte order mark)"},
  });
  // UTF-16 with a byte order mark is read; its bad bytes are placed by offset, not line:col.
  const std::string utf16 = "\xFF\xFE" + std::string("o\0r\0g\0a\0u\0d\0i\0t\0:\0 \0001\0\n\0", 24);
  check_errors({
      {utf16, ""},
      {utf16 + std::string("x\0:\0 \0\x07\0", 8),
       "org.yaml: error: control character U+0007 written raw: YAML allows it only escaped, as \\u0007 inside "
       "double quotes (at byte 32)"},
      {utf16 + "x", "org.yaml: error: invalid UTF-16 (incomplete UTF-16 character) (at byte 26)"},
      {person("    name: \"Line\\Lsep \\N \\u0007\"\n"), ""},  // escaped, they are text
  });
}

TEST_CASE("yaml loader refuses wrong types with what it expected") {
  check_errors({
      {"orgaudit: 1\npeople: {id: P-1}\n", "org.yaml:2:9: error: expected a list of people (items starting with '- ')"},
      {"orgaudit: 1\nunits: U-1\n", "org.yaml:2:8: error: expected a list of units (items starting with '- ')"},
      {"orgaudit: 1\npeople:\n  - P-1\n",
       "org.yaml:3:5: error: expected a person (a mapping with at least 'id'), got a scalar"},
      {"orgaudit: 1\nlinks:\n  - [a, b]\n",
       "org.yaml:3:5: error: expected a link (a mapping with 'from' and 'to'), got a sequence"},
      {"orgaudit: 1\norg: Acme\n", "org.yaml:2:6: error: expected a mapping (name, as_of) for 'org', got 'Acme'"},
      {"orgaudit: 1\norg: {as_of: 2026-02-30}\n",
       "org.yaml:2:14: error: expected a date (YYYY-MM-DD) for 'as_of', got '2026-02-30'"},
      {person("    fte: abc\n"), "org.yaml:4:10: error: expected a number for 'fte', got 'abc'"},
      {person("    fte: 1.5x\n"), "org.yaml:4:10: error: expected a number for 'fte', got '1.5x'"},
      {person("    fte: .nan\n"), "org.yaml:4:10: error: expected a number for 'fte', got '.nan'"},
      {person("    fte: -0.5\n"), "org.yaml:4:10: error: 'fte' cannot be negative, got -0.5"},
      {person("    vacant: maybe\n"),
       "org.yaml:4:13: error: expected a boolean (true or false) for 'vacant', got 'maybe'"},
      {person("    name: {first: A}\n"), "org.yaml:4:11: error: expected a string for 'name', got a mapping"},
      {person("    dotted: [[P-2]]\n"), "org.yaml:4:14: error: expected an id in 'dotted', got a sequence"},
      {person("    attributes: [a]\n"),
       "org.yaml:4:17: error: expected a mapping of names to values for 'attributes', got a sequence"},
      {person("    attributes: {site: [a]}\n"), "org.yaml:4:24: error: expected a string for 'site', got a sequence"},
      {"orgaudit: 1\nunits:\n  - id: U\n    kind: {a: 1}\n",
       "org.yaml:4:11: error: expected a unit kind for 'kind', got a mapping"},
      {"orgaudit: 1\nunits:\n  - id: U\n    kind: platfrom\n",
       "org.yaml:4:11: error: unknown unit kind 'platfrom'; did you mean 'platform'? (expected one of "
       "platform, emc, me, department, shared-service, external-partner)"},
      {"orgaudit: 1\nlinks:\n  - {from: A, to: B, weight: 0}\n",
       "org.yaml:3:30: error: 'weight' must be greater than 0, got 0"},
      {"orgaudit: 1\nlinks:\n  - {from: A, to: B, kind: contrat}\n",
       "org.yaml:3:28: error: unknown link kind 'contrat'; did you mean 'contract'? "
       "(expected collaboration or contract)"},
  });
}

TEST_CASE("yaml loader requires ids and refuses duplicates") {
  check_errors({
      {"orgaudit: 1\npeople:\n  - name: A\n", "org.yaml:3:5: error: person has no 'id'"},
      {"orgaudit: 1\npeople:\n  - id:\n    name: A\n", "org.yaml:3:5: error: 'id' is empty: expected an id"},
      {"orgaudit: 1\npeople:\n  - id: ''\n", "org.yaml:3:9: error: 'id' is empty: expected an id"},
      {"orgaudit: 1\nunits:\n  - {name: U}\n", "org.yaml:3:5: error: unit has no 'id'"},
      {"orgaudit: 1\nlinks:\n  - {from: A}\n", "org.yaml:3:5: error: link has no 'to'"},
      {person("  - id: P-2\n  - id: P-1\n"),
       "org.yaml:5:5: error: duplicate person id 'P-1' (first defined at org.yaml:3:5)"},
      {"orgaudit: 1\nunits:\n  - id: X\n  - id: X\n",
       "org.yaml:4:5: error: duplicate unit id 'X' (first defined at org.yaml:3:5)"},
      {"orgaudit: 1\nunits:\n  - id: X\npeople:\n  - id: X\n", ""},  // separate namespaces
      {person("    name: A\n    name: B\n"),
       "org.yaml:5:5: error: duplicate key 'name' in this mapping (first at org.yaml:4:5)"},
  });
  std::string many = person("    attributes:\n");
  for (int i = 0; i < 100; ++i) many += "      k" + std::to_string(i) + ": v\n";
  check_errors({
      {many, ""},
      {many + "      k7: again\n",
       "org.yaml:105:7: error: duplicate key 'k7' in this mapping (first at org.yaml:12:7)"},
      {person("    [a]: b\n"), "org.yaml:4:5: error: expected a key (a name such as 'id'), found a sequence"},
  });
}

TEST_CASE("yaml loader checks metric tables") {
  const std::string unit = "orgaudit: 1\nunits:\n  - id: ME-1\n    metrics:\n";
  check_errors({
      {unit + "      periods: [a, b, c]\n      headcount: [1, 2]\n",
       "org.yaml:6:7: error: 'headcount' has 2 values but 'periods' has 3"},
      {unit + "      revenue: [1, 2]\n      periods: [a]\n",
       "org.yaml:5:7: error: 'revenue' has 2 values but 'periods' has 1"},
      {unit + "      periods: [a, b]\n      headcount: [1, -2]\n",
       "org.yaml:6:22: error: headcount cannot be negative, got -2"},
      {unit + "      periods: [a]\n      revenue: [x]\n",
       "org.yaml:6:17: error: expected a number for 'revenue', got 'x'"},
      {unit + "      revenue: [1]\n", "org.yaml:4:5: error: 'metrics' has series but no 'periods' row to label them"},
      {unit + "      periods: [a]\n      revenue: 5\n",
       "org.yaml:6:16: error: expected a list of numbers, one per period for 'revenue', got '5'"},
  });
}

TEST_CASE("yaml loader lets a missing file's error through") {
  MemoryFileSystem files;
  Org org;
  std::vector<Diagnostic> warnings;
  NoProgress progress;
  CHECK_THROWS_WITH(load_yaml_org(files, "nope.yaml", org, warnings, progress),
                    "nope.yaml: error: No such file or directory");
}

TEST_CASE("yaml loader refuses a scalar over the field size limit, and people past the record limit") {
  RecordLimits limits;
  limits.max_field_bytes = 8;
  CHECK(error_of(person("    name: Bartholomew\n"), limits) ==
        "org.yaml:4:11: error: a value of 11 bytes, over the field size limit of 8 bytes "
        "(raise it with --max-field-size or input.max-field-size)");
  CHECK(error_of(person("    name: Barthold\n"), limits).empty());
  limits = RecordLimits{};
  limits.max_records = 2;
  const std::string three = "orgaudit: 1\npeople:\n  - {id: A}\n  - {id: B, manager: A}\n  - {id: C, manager: A}\n";
  CHECK(error_of(three, limits) ==
        "org.yaml:5:5: error: more than 2 people, the record limit of one input "
        "(raise it with --max-records or input.max-records)");
  CHECK(error_of("orgaudit: 1\npeople:\n  - {id: A}\n  - {id: B, manager: A}\n", limits).empty());
}
