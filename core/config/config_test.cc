#include "config/config.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "config/config_test_support.h"
#include "config/rule_settings.h"
#include "util/diagnostic.h"

using namespace orgaudit;

namespace {

Config load(const std::string& text) { return testing::config_from_text(text); }

}  // namespace

TEST_CASE("config files carry every setting") {
  const Config c = load(
      "orgaudit-config: 1\nprofile: classic\nfail-on: warning\nmin-score: 70\n"
      "grade-order: [A, B]\n"
      "rules:\n  structure-span-of-control:\n    options: {min-span: 3}\n"
      "input: {format: csv, preset: bamboohr, columns: {id: EmpNo}}\n"
      "suppressions:\n  - {rule: structure-span-of-control, entity: P-17, reason: \"interim\", expires: 2027-03-31}\n"
      "baseline: audit-baseline.json\n");
  CHECK(c.profile == "classic");
  CHECK(*c.fail_on == "warning");
  CHECK(*c.min_score == 70);
  CHECK(c.rules.options.at("structure-grade-inversion").at("grade-order") == "A,B");
  CHECK(c.rules.options.at("structure-span-of-control").at("min-span") == "3");
  CHECK(c.input.columns.at("id") == "EmpNo");
  REQUIRE(c.suppressions.size() == 1);
  CHECK(c.suppressions[0].expires->to_string() == "2027-03-31");
  CHECK(c.suppressions[0].line == 11);
  CHECK(c.baseline == "audit-baseline.json");
  CHECK(load("").path == ".orgaudit.yaml");
}

TEST_CASE("config errors name the key and line") {
  CHECK_THROWS_WITH(load("profle: classic\n"), Catch::Contains(".orgaudit.yaml:1:1: error: unknown key 'profle'") &&
                                                    Catch::Contains("did you mean 'profile'"));
  CHECK_THROWS_WITH(load("suppressions:\n  - {rule: r, entity: e}\n"), Catch::Contains(":2:5: error: a suppression needs a 'reason'"));
  CHECK_THROWS_WITH(load("suppressions:\n  - {rule: r, entity: e, reason: x, expires: 31/03/2027}\n"),
                    Catch::Contains("YYYY-MM-DD"));
  CHECK_THROWS_WITH(load("min-score: high\n"), Catch::Contains("min-score must be a number"));
  // A gate compared with NaN never fails; -50 and 150 can never fail or never pass.
  for (const char* score : {".nan", "nan", ".inf", "-50", "150", "1e2", "0x10", "[50]"})
    CHECK_THROWS_WITH(load(std::string("fail-on: never\nmin-score: ") + score + "\n"),
                      Catch::StartsWith(".orgaudit.yaml:2:12: error: min-score must be"));
  CHECK(*load("min-score: 99.5\n").min_score == 99.5);
  CHECK(*load("min-score: 0\n").min_score == 0);
  CHECK_THROWS_WITH(load("input: {colums: {}}\n"), Catch::Contains("did you mean 'columns'"));
  CHECK_THROWS_AS(load("rules: [\n"), InputError);
}

TEST_CASE("config input limits: sizes and counts, each refused with its place when it is not one") {
  const Config c = load("input:\n  max-size: 500MB\n  max-field-size: 4MB\n  max-records: 3000000\n  max-depth: 64\n");
  CHECK(*c.input.max_bytes == 500ull << 20);
  CHECK(*c.input.max_field_bytes == 4ull << 20);
  CHECK(*c.input.max_records == 3000000u);
  CHECK(*c.input.max_depth == 64u);
  CHECK_THROWS_WITH(load("input:\n  max-field-size: huge\n"),
                    ".orgaudit.yaml:2:19: error: input.max-field-size must be a size such as 64KB or 4MB, got 'huge'");
  CHECK_THROWS_WITH(load("input:\n  max-records: 1e6\n"),
                    ".orgaudit.yaml:2:16: error: input.max-records must be a whole number above 0, got '1e6'");
}

TEST_CASE("config and profile YAML that yaml-cpp would accept is refused with its place") {
  // yaml-cpp 0.7 reads an unclosed quoted scalar at the end of the stream as if it were closed.
  CHECK_THROWS_WITH(load("fail-on: never\nprofile: \"classic"),
                    Catch::StartsWith(".orgaudit.yaml:2:") && Catch::Contains("quoted scalar"));
  CHECK_THROWS_WITH(load("profile: 'classic\n"), Catch::StartsWith(".orgaudit.yaml:") && Catch::Contains("quoted scalar"));
  CHECK_THROWS_WITH(load("profile: \"a\x01b\"\n"), Catch::StartsWith(".orgaudit.yaml:1:") && Catch::Contains("control character"));
  CHECK_THROWS_WITH(load("profile: \xff\n"), Catch::StartsWith(".orgaudit.yaml:1:10: error: invalid UTF-8"));
  // An alias would let a small file expand; the message must not call a config an org file.
  CHECK_THROWS_WITH(load("input: &a {format: csv}\nbaseline: *a\n"),
                    ".orgaudit.yaml:1:8: error: anchors and aliases are not supported (write each value out)");
}

TEST_CASE("a config file larger than the limit is refused unread") {
  CHECK_THROWS_WITH(load(std::string(kMaxSettingsFileBytes + 1, '#')),
                    Catch::StartsWith(".orgaudit.yaml: error: the file is 16.0 MiB, larger than a config or profile file may be"));
}

TEST_CASE("the config is found by searching upward") {
  MemoryFileSystem files;
  files.add("/org/.orgaudit.yaml", "profile: classic\n");
  files.add("/org/a/b/org.yaml", "people: []\n");
  CHECK(find_config(files, "/org/a/b") == "/org/.orgaudit.yaml");
  files.add("/org/a/.orgaudit.yaml", "profile: classic\n");
  CHECK(find_config(files, "/org/a/b") == "/org/a/.orgaudit.yaml");  // the nearest wins
  CHECK(find_config(files, "/elsewhere") == "");
  files.add_directory("/org/a/b/.orgaudit.yaml");  // a directory of that name is no config
  CHECK(find_config(files, "/org/a/b") == "/org/a/.orgaudit.yaml");
}
