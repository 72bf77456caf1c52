// A file read in parallel chunks must load exactly as in one pass: entities, locations, warnings and
// errors alike. Small chunk sizes make small files split.
#include <sstream>

#include <catch2/catch.hpp>

#include "loader/yaml_split.h"
#include "loader/yaml_tuning.h"
#include "model/import_log.h"

using namespace orgaudit;

namespace {

std::string at(const SourceLocation& where) {
  return std::to_string(where.file) + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

// Everything the loader fills, one line per entity, so two loads compare as strings.
std::string describe(const Org& org) {
  std::ostringstream out;
  out << org.name << '|' << (org.as_of ? org.as_of->to_string() : "") << '\n';
  for (const Person& p : org.people) {
    out << "P " << p.id << '|' << p.name << '|' << p.title << '|' << p.grade << '|' << p.manager_id
        << '|' << p.unit_id << '|' << p.fte << '|' << int(p.flags) << '|' << at(p.where) << '|'
        << at(p.manager_where);
    for (Text d : p.dotted_ids) out << "|d:" << d;
    for (const Attribute& a : p.attributes) out << "|a:" << a.key << '=' << a.value;
    out << '\n';
  }
  for (const Unit& u : org.units) {
    out << "U " << u.id << '|' << u.name << '|' << to_string(u.kind) << '|' << u.parent_id << '|'
        << u.owner_id << '|' << at(u.where) << '|' << at(u.parent_where) << '|' << at(u.owner_where)
        << '|' << u.rights().decision.holder << '|' << at(u.rights().pay.where) << '|' << u.metrics().periods.size();
    for (const MetricSeries& s : u.metrics().series) out << "|m:" << s.name << '@' << at(s.where) << '#' << s.values.size();
    out << '\n';
  }
  for (const Link& l : org.links)
    out << "L " << l.from.id << '|' << l.to.id << '|' << l.weight << '|' << at(l.where) << '\n';
  return out.str();
}

struct Result {
  std::string org, warnings, error;
  int updates = 0;  // a split load reports each chunk; a one-pass load only its end here
};

struct CountingProgress final : Progress {
  int updates = 0;
  void update(std::string_view, std::uint64_t, std::uint64_t) override { ++updates; }
  void finish() override {}
};

// Loads first.yaml (one person, EARLY), then `text` as org.yaml, into `org`, in chunks of 100 bytes
// on `threads` threads (1: one pass).
void load_both(const std::string& text, unsigned threads, const RecordLimits& limits, Org& org,
               std::vector<Diagnostic>& warnings, CountingProgress& progress) {
  MemoryFileSystem files;
  files.add("first.yaml", "orgaudit: 1\npeople:\n  - id: EARLY\n");
  files.add("org.yaml", text);
  YamlLoadTuning tuning;
  tuning.threads = threads;
  tuning.min_split_bytes = 1;
  tuning.chunk_bytes = 100;
  load_yaml_org(files, "first.yaml", org, warnings, progress, tuning, limits);
  load_yaml_org(files, "org.yaml", org, warnings, progress, tuning, limits);
}

Result load_with(const std::string& text, unsigned threads, const RecordLimits& limits = {}) {
  Org org;
  std::vector<Diagnostic> warnings;
  CountingProgress progress;
  Result result;
  try {
    load_both(text, threads, limits, org, warnings, progress);
  } catch (const InputError& e) {
    result.error = e.what();
  }
  result.org = describe(org);
  result.updates = progress.updates;
  for (const Diagnostic& d : warnings) result.warnings += d.format("warning") + "\n";
  return result;
}

std::string sample(int people) {
  std::string text = "# header comment\norgaudit: 1\norg:\n  name: \"Split: Ltd\"\nunits:\n";
  for (int u = 0; u < 20; ++u)
    text += "  - id: U" + std::to_string(u) + "\n    kind: me\n    parent: U0\n    rights: {decision: self, "
            "pay: U0}\n    metrics:\n      periods: [a, b]\n      headcount: [1, 2]\n";
  text += "\npeople:\n\n";
  for (int i = 0; i < people; ++i) {
    std::string id = std::to_string(i);
    text += "  - id: P" + id + "\n    name: 'O''Brien #" + id + "'  # comment\n";
    if (i) text += "    manager: P" + std::to_string(i / 3) + "\n";
    if (i % 5 == 0) text += "    dotted: [P1, \"P2\"]\n    attributes: {site: \"a, b\", n: " + id + "}\n";
    if (i % 7 == 0) text += "    manger: typo\n";
    if (i % 11 == 0) text += "# a comment line at column 0\n\n";
  }
  text += "links:\n- {from: P1, to: P2}\n- from: U1\n  to: U2\n  weight: 2\n";
  return text;
}

}  // namespace

TEST_CASE("yaml loader: a split load equals a one-pass load", "[threads]") {
  const std::string text = sample(300);
  MemoryFileSystem files;
  std::istringstream in(text);
  yaml::SplitPlan plan = yaml::plan_split(in, 100, 1);
  REQUIRE(plan.ranges.size() == 3);  // units, people, links
  CHECK(plan.ranges[1].section == "people");
  CHECK(plan.ranges[1].items == 300);
  CHECK(plan.ranges[1].chunks.size() > 50);

  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  for (const std::string& variant : {text, crlf}) {
    Result one = load_with(variant, 1);
    Result split = load_with(variant, 3);
    CHECK(one.error.empty());
    CHECK(one.org.find("P P299|O'Brien #299") != std::string::npos);
    CHECK(one.warnings.find("org.yaml:") != std::string::npos);
    CHECK(one.updates == 2);
    CHECK(split.updates > 50);
    CHECK(split.org == one.org);
    CHECK(split.warnings == one.warnings);
    CHECK(split.error == one.error);
  }
}

TEST_CASE("yaml loader: chunks handed out before the file proves uncuttable are dropped") {
  // Chunks are parsed while the rest of the file is still being planned; a block scalar at the end
  // voids the plan after most chunks went to the workers, and the one pass reads the file instead.
  const std::string text = sample(300) + "notes: |\n  free text\n";
  std::istringstream in(text);
  std::size_t handed_out = 0;
  CHECK(yaml::plan_split(in, 100, 1, [&](const std::string&, const yaml::SplitChunk&) { ++handed_out; }).ranges.empty());
  CHECK(handed_out > 50);
  Result one = load_with(text, 1);
  Result split = load_with(text, 3);
  CHECK(one.error.empty());
  CHECK(split.org == one.org);
  CHECK(split.warnings == one.warnings);
}

TEST_CASE("yaml loader: the plan hands out each chunk once, in file order, as the split uses it") {
  const std::string text = sample(300);
  std::istringstream in(text);
  std::vector<yaml::SplitChunk> handed_out;
  const yaml::SplitPlan plan = yaml::plan_split(in, 100, 1, [&](const std::string&, const yaml::SplitChunk& chunk) {
    handed_out.push_back(chunk);
  });
  std::vector<yaml::SplitChunk> planned;
  for (const yaml::SplitRange& range : plan.ranges) planned.insert(planned.end(), range.chunks.begin(), range.chunks.end());
  REQUIRE(handed_out.size() == planned.size());
  for (std::size_t i = 0; i < planned.size(); ++i) {
    CHECK(handed_out[i].begin == planned[i].begin);
    CHECK(handed_out[i].end == planned[i].end);
    CHECK(handed_out[i].items == planned[i].items);
  }
}

TEST_CASE("yaml loader: a split load fails exactly as a one-pass load", "[threads]") {
  const std::string base = sample(120);
  const std::string broken[] = {
      base + "people:\n  - id: X\n",                                      // duplicate section key
      sample(120).replace(base.find("  - id: P77\n"), 12, "  - id: P7\n"),  // duplicate id in a chunk
      sample(120).replace(base.find("  - id: P90\n"), 12, "  - id: [P90\n"),  // malformed YAML
      sample(120).replace(base.find("  - id: P50\n"), 12, "  - id: P50\n   bad: indent\n"),
      sample(120).replace(base.find("  - id: P60\n"), 12, "  - id: P60\n    fte: -1\n"),
      sample(120).replace(base.find("  - id: P61\n"), 12, "  - id: P61\n    name: \"Zo\xEB\"\n"),
      sample(120).replace(base.find("orgaudit: 1\n"), 12, ""),             // no version, found at the end
      sample(120) + "---\norgaudit: 1\n",
      "orgaudit: 1\npeople:\n  - id: EARLY\n  - id: B\n",                  // duplicate across files
  };
  for (const std::string& text : broken) {
    Result one = load_with(text, 1);
    Result split = load_with(text, 2);
    CHECK_FALSE(one.error.empty());
    CHECK(split.error == one.error);
    CHECK(split.org == one.org);  // the failed file added nothing
  }
}

TEST_CASE("yaml loader: files with multi-line constructs are not split") {
  auto ranges = [](const std::string& text) {
    std::istringstream in(text);
    return yaml::plan_split(in, 1, 1).ranges.size();
  };
  const std::string head = "orgaudit: 1\npeople:\n  - id: A\n";
  CHECK(ranges(head + "  - id: B\n") == 1);
  CHECK(ranges(head + "    name: \"two\n  - id: C\"\n") == 0);   // a quoted scalar spans lines
  CHECK(ranges(head + "    name: 'two\n  - id: C'\n") == 0);
  CHECK(ranges(head + "    dotted: [B,\n  - C]\n") == 0);        // so does a flow sequence
  CHECK(ranges(head + "    name: |\n      text\n") == 0);         // block scalars
  CHECK(ranges(head + "    name: &a x\n") == 0);                   // anchors, aliases, tags
  CHECK(ranges(head + "    name: !!str x\n") == 0);
  CHECK(ranges(head + "\tname: x\n") == 0);                        // tabs
  CHECK(ranges(head + "    name: a\rb\n") == 0);                   // a carriage return that ends no line
  CHECK(ranges(head + std::string("    name: a\0b\n", 14)) == 0);  // a NUL
  std::string many = head;  // a tab far into the file, after lines that have none
  for (int i = 0; i < 20000; ++i) many += "  - id: P" + std::to_string(i) + "\n";
  CHECK(ranges(many) == 1);
  CHECK(ranges(many + "  - id: Q\n    name: \tx\n") == 0);
  CHECK(ranges(head + "---\n") == 0);
  CHECK(ranges("\xEF\xBB\xBF" + head) == 0);                       // a BOM
  CHECK(ranges(head + " links: []\n") == 0);                      // items ended by a stray indent
  CHECK(ranges(head + "links: []\n") == 1);
  CHECK(ranges(head + "    name: O'Brien \"x\" a#b [c] {d}\n") == 1);  // quotes inside plain text
}

TEST_CASE("yaml loader: a split load refuses people past the record limit, and a long value, where one pass does", "[threads]") {
  // 300 people in org.yaml; first.yaml's one person is its own input's record.
  RecordLimits limits;
  limits.max_records = 250;
  Result one = load_with(sample(300), 1, limits);
  Result split = load_with(sample(300), 3, limits);
  CHECK_THAT(one.error, Catch::StartsWith("org.yaml:") && Catch::Contains("more than 250 people, the record limit of one input"));
  CHECK(split.error == one.error);
  limits.max_records = 300;
  CHECK(load_with(sample(300), 3, limits).error.empty());

  limits = RecordLimits{};
  limits.max_field_bytes = 11;  // O'Brien #100, once read, is the first value of 12 bytes
  one = load_with(sample(300), 1, limits);
  split = load_with(sample(300), 3, limits);
  CHECK_THAT(one.error, Catch::Contains(", over the field size limit of 11 bytes"));
  CHECK(split.error == one.error);
}

TEST_CASE("yaml loader: the loader's id table becomes the org's, split or not, so resolving does not hash the ids again", "[threads]") {
  for (unsigned threads : {1u, 3u}) {
    Org org;
    std::vector<Diagnostic> warnings;
    CountingProgress progress;
    load_both(sample(300), threads, {}, org, warnings, progress);
    REQUIRE(org.people.size() == 301);
    CHECK(org.import_log->people_indexed == 301);  // both files' people, the earlier file's first
    CHECK(org.person_ids.size() == 301);
    CHECK(org.find_person("EARLY") == 0);  // before resolve(): the table is the loader's
    CHECK(org.find_person("P299") == 300);
    org.resolve();
    CHECK(org.import_log->people_indexed == 0);  // used once
    CHECK(org.people[300].manager == org.find_person("P99"));
    CHECK(org.reference_problems.empty());
  }
}
