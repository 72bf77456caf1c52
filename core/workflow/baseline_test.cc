#include "workflow/baseline.h"

#include <catch2/catch.hpp>

#include "util/diagnostic.h"

using namespace orgaudit;

namespace {

Finding finding(const std::string& rule, const std::string& entity, const std::string& message) {
  Finding f;
  f.rule_id = rule;
  f.entity_ids = {entity};
  f.message = message;
  f.fingerprint = fingerprint(rule, f.key, f.entity_ids);
  return f;
}

Baseline read(const std::string& text, std::uint64_t max_bytes = kMaxBaselineBytes) {
  MemoryFileSystem files;
  files.add("baseline.json", text);
  return read_baseline(files, "baseline.json", max_bytes);
}

const std::string kHead = "{\"schema\": \"orgaudit-baseline\", \"version\": 2,\n \"findings\": [\n";

}  // namespace

TEST_CASE("a baseline round-trips, sorted by fingerprint, without suppressed findings", "[workflow]") {
  RunResult run;
  run.findings = {finding("span", "P1", "manager 'Ann <Root>' has 1 direct report"), finding("depth", "P9", "deep\nline"),
                  finding("single", "P1", "accepted")};
  run.findings[2].suppression = FindingSuppression{"inline", "why", {}};
  const Baseline made = make_baseline(run, "0.1.0");
  REQUIRE(made.findings.size() == 2);
  CHECK(made.findings[0].fingerprint < made.findings[1].fingerprint);
  MemoryFileSystem files;
  files.write_atomically("b.json", write_baseline(made));
  const Baseline back = read_baseline(files, "b.json");
  CHECK(back.tool_version == "0.1.0");
  REQUIRE(back.findings.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(back.findings[i].fingerprint == made.findings[i].fingerprint);
    CHECK(back.findings[i].message == made.findings[i].message);  // escapes survive: JSON is read as YAML
    CHECK(back.findings[i].entities == made.findings[i].entities);
  }
}

TEST_CASE("checking against a baseline: unchanged, new, fixed, and pruning", "[workflow]") {
  RunResult before;
  before.findings = {finding("span", "P1", "a"), finding("span", "P2", "b"), finding("depth", "P3", "c")};
  const Baseline baseline = make_baseline(before, "0.1.0");

  RunResult now;
  now.findings = {finding("span", "P2", "b, reworded"), finding("depth", "P3", "c"), finding("depth", "P4", "new"),
                  finding("span", "P5", "new but suppressed")};
  now.findings[3].suppression = FindingSuppression{"config", "ok", {}};
  const BaselineComparison c = apply_baseline(now, baseline);
  CHECK(c.unchanged == 2);
  CHECK(c.new_findings == 1);
  REQUIRE(c.fixed.size() == 1);
  CHECK(c.fixed[0].entities == std::vector<std::string>{"P1"});
  CHECK(now.findings[0].baseline == BaselineState::unchanged);
  CHECK_FALSE(now.findings[0].counts());
  CHECK(now.findings[2].baseline == BaselineState::new_finding);
  CHECK(now.findings[2].counts());
  CHECK(now.findings[3].baseline == BaselineState::new_finding);
  CHECK_FALSE(now.findings[3].counts());

  const Baseline pruned = prune_baseline(baseline, c);
  CHECK(pruned.findings.size() == 2);  // P1 dropped; the new P4 is not added
  for (const BaselineEntry& e : pruned.findings) CHECK(e.entities != std::vector<std::string>{"P1"});
}

TEST_CASE("baselines of another format or version are refused with a clear message", "[workflow]") {
  CHECK_THROWS_WITH(read("{\"schema\": \"orgaudit-report\", \"version\": 1}"),
                    Catch::Contains("baseline.json:1:1: error: not an orgaudit baseline"));
  CHECK_THROWS_WITH(read("{\"schema\": \"orgaudit-baseline\", \"version\": 3, \"tool\": {\"version\": \"9.0.0\"}, \"findings\": []}"),
                    Catch::Contains("baseline format version 3 (written by orgaudit 9.0.0) is not one this orgaudit reads "
                                    "(versions 1 to 2); re-create it with 'orgaudit baseline create'"));
  CHECK_THROWS_WITH(read("{\"schema\": \"orgaudit-baseline\", \"version\": 1, \"findings\": [{\"fingerprint\": \"v2:00\", \"rule\": \"r\"}]}"),
                    Catch::Contains("fingerprint 'v2:00' is not of the kind a version 1 baseline holds (v1:...)"));
  CHECK_THROWS_WITH(read("{\"schema\": \"orgaudit-baseline\", \"version\": 2, \"findings\": [{\"fingerprint\": \"v1:00\", \"rule\": \"r\"}]}"),
                    Catch::Contains("fingerprint 'v1:00' is not of the kind a version 2 baseline holds (v2:...)"));
  CHECK_THROWS_WITH(read("{\"schema\": \"orgaudit-baseline\", \"version\": 1, \"findings\": [{\"rule\": \"r\"}]}"),
                    Catch::Contains("a baseline entry needs \"fingerprint\""));
  CHECK_THROWS_WITH(read("{\"schema\": \"orgaudit-baseline\", \"version\": 1, \"findings\": {}}"),
                    Catch::Contains("\"findings\" must be a list"));
  CHECK_THROWS_WITH(read("{\"schema\": "), Catch::Contains("baseline.json:1:"));
  CHECK(read("{\"schema\": \"orgaudit-baseline\", \"version\": 1, \"findings\": []}").findings.empty());
}

namespace {

Finding keyed(const std::string& key, const std::string& message) {
  Finding f;
  f.rule_id = "rendanheyi-three-rights";
  f.key = key;
  f.entity_ids = {"ME-1"};
  f.message = message;
  f.fingerprint = fingerprint(f.rule_id, f.key, f.entity_ids);
  return f;
}

}  // namespace

TEST_CASE("a baseline tells two problems of one rule on one entity apart", "[workflow]") {
  RunResult before;
  before.findings = {keyed("decision-not-held", "'ME' does not hold its own decision right")};
  const Baseline baseline = make_baseline(before, "0.2.0");
  RunResult now;  // the decision right was fixed, but now the pay right is missing
  now.findings = {keyed("pay-not-held", "'ME' does not hold its own pay right")};
  const BaselineComparison c = apply_baseline(now, baseline);
  CHECK(c.new_findings == 1);
  CHECK(c.unchanged == 0);
  REQUIRE(c.fixed.size() == 1);
  CHECK(c.fixed[0].key == "decision-not-held");
}

TEST_CASE("a version 1 baseline is matched by rule, entities and message, and prune migrates it", "[workflow]") {
  const Baseline v1 = read(
      "{\"schema\": \"orgaudit-baseline\", \"version\": 1, \"findings\": ["
      "{\"fingerprint\": \"v1:0000000000000001\", \"rule\": \"rendanheyi-three-rights\", \"entities\": [\"ME-1\"],"
      " \"message\": \"'ME' does not hold its own decision right\"},"
      "{\"fingerprint\": \"v1:0000000000000002\", \"rule\": \"span\", \"entities\": [\"P1\"], \"message\": \"old words\"}]}");
  CHECK(v1.version == 1);
  RunResult now;
  now.findings = {keyed("pay-not-held", "'ME' does not hold its own pay right"), finding("span", "P1", "new words")};
  const BaselineComparison c = apply_baseline(now, v1);
  CHECK(c.version == 1);
  CHECK(now.findings[0].baseline == BaselineState::new_finding);  // a keyed rule must say the same thing
  CHECK(now.findings[1].baseline == BaselineState::unchanged);    // a rule with one problem: rule and entity
  REQUIRE(c.fixed.size() == 1);
  CHECK(c.fixed[0].rule == "rendanheyi-three-rights");

  const Baseline migrated = prune_baseline(v1, c);
  MemoryFileSystem files;
  files.write_atomically("b.json", write_baseline(migrated));
  const Baseline back = read_baseline(files, "b.json");
  CHECK(back.version == kBaselineVersion);
  REQUIRE(back.findings.size() == 1);
  CHECK(back.findings[0].fingerprint == now.findings[1].fingerprint);
  CHECK(back.findings[0].fingerprint.rfind("v2:", 0) == 0);
}

TEST_CASE("a baseline entry of a retired rule accepts the merged rule's finding on the same entities", "[workflow]") {
  RuleCatalog catalog;
  catalog.begin_pack("structure", "structure.so");
  catalog.add("structure-span-of-control", RuleInfo{"spans", Severity::warning, "Span health", {}}, nullptr);
  catalog.retire("structure-single-report-manager", "structure-span-of-control");
  // Before the merge, a one-report manager P1 had a span finding and a single-report finding.
  Baseline v1 = read(
      "{\"schema\": \"orgaudit-baseline\", \"version\": 1, \"findings\": ["
      "{\"fingerprint\": \"v1:0000000000000001\", \"rule\": \"structure-span-of-control\", \"entities\": [\"P1\"],"
      " \"message\": \"manager 'Ann' has 1 direct report (min 4)\"},"
      "{\"fingerprint\": \"v1:0000000000000002\", \"rule\": \"structure-single-report-manager\", \"entities\": [\"P1\"],"
      " \"message\": \"manager 'Ann' has exactly one direct report, 'Bo'\"}]}");
  RunResult now;  // one finding, keyed and worded anew
  now.findings = {finding("structure-span-of-control", "P1", "manager 'Ann' has 1 direct report, 'Bo' (min 4)"),
                  finding("structure-span-of-control", "P2", "manager 'Cy' has 1 direct report, 'Di' (min 4)")};
  now.findings[0].key = now.findings[1].key = "single-report";
  Baseline untouched = v1;
  CHECK(apply_baseline(now, untouched).new_findings == 2);  // without adoption the upgrade fails the run

  CHECK(adopt_retired_rules(v1, catalog) == 1);
  CHECK(v1.findings[1].rule == "structure-span-of-control");
  const BaselineComparison c = apply_baseline(now, v1);
  CHECK(now.findings[0].baseline == BaselineState::unchanged);
  CHECK(now.findings[1].baseline == BaselineState::new_finding);  // P2 was never baselined
  REQUIRE(c.fixed.size() == 1);  // the old span wording of P1, which prune drops
  CHECK(c.fixed[0].message == "manager 'Ann' has 1 direct report (min 4)");
}

TEST_CASE("baselines are strict JSON: escaped surrogate pairs decode, errors give line and column", "[workflow]") {
  // What Python's json.dump writes for an emoji; the YAML parser baselines went through refused it.
  const Baseline emoji = read(kHead + R"(  {"fingerprint": "v2:aa", "rule": "r", "entities": ["P\ud83d\ude00"], "message": "\u00e9\"q\""}]})");
  REQUIRE(emoji.findings.size() == 1);
  CHECK(emoji.findings[0].entities == std::vector<std::string>{"P\xF0\x9F\x98\x80"});
  CHECK(emoji.findings[0].message == "\xC3\xA9\"q\"");
  CHECK_THROWS_WITH(read(kHead + R"(  {"fingerprint": "v2:aa", "rule": "r", "entities": ["\ud83d"]}]})"),
                    Catch::StartsWith("baseline.json:3:") && Catch::Contains("not valid JSON") && Catch::Contains("surrogate"));
  // YAML that is not JSON, and JSON with something after it, were read before.
  CHECK_THROWS_WITH(read(kHead + "  {'fingerprint': 'v2:aa', 'rule': 'r'}]}"),
                    Catch::StartsWith("baseline.json:3:4: error: not valid JSON"));
  CHECK_THROWS_WITH(read(kHead + "  ]}\n# a comment\n"), Catch::StartsWith("baseline.json:4:1: error: not valid JSON"));
  CHECK_THROWS_WITH(read(kHead + "  ]} {}"), Catch::StartsWith("baseline.json:3:6: error: not valid JSON"));
  CHECK_THROWS_WITH(read(kHead + "  {\"fingerprint\": \"v2:aa\", \"rule\": \"r\",]}"), Catch::StartsWith("baseline.json:3:40:"));
  CHECK_THROWS_WITH(read(kHead), Catch::StartsWith("baseline.json:3:1: error: not valid JSON") && Catch::Contains("end of input"));
}

TEST_CASE("baseline entries of the wrong shape are refused where they are", "[workflow]") {
  CHECK_THROWS_WITH(read(kHead + "  {\"fingerprint\": \"v2:aa\", \"rule\": \"r\"},\n  {\"rule\": \"r\"}]}"),
                    Catch::StartsWith("baseline.json:4:3: error: a baseline entry needs \"fingerprint\""));
  CHECK_THROWS_WITH(read(kHead + "  {\"fingerprint\": \"v1:aa\", \"rule\": \"r\"}]}"),
                    Catch::StartsWith("baseline.json:3:4: error: fingerprint 'v1:aa' is not of the kind"));
  CHECK_THROWS_WITH(read(kHead + "  {\"fingerprint\": \"v2:aa\", \"rule\": 7}]}"),
                    Catch::StartsWith("baseline.json:3:28: error: \"rule\" must be a string"));
  CHECK_THROWS_WITH(read(kHead + "  {\"fingerprint\": \"v2:aa\", \"rule\": \"r\", \"entities\": [[\"P1\"]]}]}"),
                    Catch::StartsWith("baseline.json:3:54: error: \"entities\" must be a list of ids"));
  CHECK_THROWS_WITH(read(kHead + "  {\"fingerprint\": \"v2:aa\", \"rule\": \"r\", \"entities\": \"P1\"}]}"),
                    Catch::StartsWith("baseline.json:3:41: error: \"entities\" must be a list of ids"));
  CHECK_THROWS_WITH(read(kHead + "  \"v2:aa\"]}"), Catch::StartsWith("baseline.json:3:") &&
                                                   Catch::Contains("a baseline entry must be an object"));
  CHECK_THROWS_WITH(read("[]"), Catch::Contains("not an orgaudit baseline"));
  // Keys the reader does not know are skipped whatever they hold; the keys may come in any order.
  const Baseline later = read(R"({"findings": [{"rule": "r", "x": [{"y": [1, null]}], "fingerprint": "v1:aa"}],
                                  "extra": {"deep": [[[]]]}, "version": 1, "schema": "orgaudit-baseline"})");
  REQUIRE(later.findings.size() == 1);
  CHECK(later.version == 1);
  CHECK(later.findings[0].fingerprint == "v1:aa");
}

TEST_CASE("a baseline larger than the limit is refused before it is parsed", "[workflow]") {
  const std::string text = kHead + "]}";
  CHECK(read(text, text.size()).findings.empty());
  CHECK_THROWS_WITH(read(text, text.size() - 1),
                    Catch::Equals("baseline.json: error: the file is " + std::to_string(text.size()) +
                                  " bytes, larger than a baseline may be (" + std::to_string(text.size() - 1) + " bytes)"));
}
