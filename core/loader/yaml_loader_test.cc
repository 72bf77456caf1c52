#include "loader/yaml_loader.h"

#include <catch2/catch.hpp>

#include "org_builder.h"

using namespace orgaudit;

namespace Catch {
template <>
struct StringMaker<SourceLocation> {
  static std::string convert(const SourceLocation& at) {
    return std::to_string(at.file) + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
  }
};
}  // namespace Catch

namespace {

struct Loaded {
  Org org;
  std::vector<Diagnostic> warnings;
};

Loaded load(const std::string& text, const std::string& path = "org.yaml") {
  MemoryFileSystem files;
  files.add(path, text);
  Loaded out;
  NoProgress progress;
  load_yaml_org(files, path, out.org, out.warnings, progress);
  return out;
}

const char* const kFullOrg = R"(# yaml-language-server: $schema=../schema/orgaudit-org.schema.json
orgaudit: 1
org:
  name: Acme Ltd
  as_of: 2026-10-31
units:
  - id: U-PLATFORM
    name: Haier platform
    kind: platform
    owner: P-1
    user_facing: true
  - id: 42
    name: Smart home EMC
    kind: emc
    parent: U-PLATFORM
    members: [ME-1, ME-2]
    rights: {decision: self, people: U-PLATFORM, pay: self}
    metrics:
      periods: [2026-07, 2026-08, 2026-09]
      headcount: [8, 9, 12]
      revenue: [100, 120.5, -90]
    contract:
      updated: 2026-10-01
      objectives: ["grow users", "cut waste"]
      value_sharing: "20% above target"
      loss_threshold: 250000
    win_win:
      periods: [2026-Q3]
      user_resources: [1000]
      marginal_gains: [3.5]
    attributes: {cost_centre: CC1, site: Qingdao}
people:
  - id: P-1
    name: Zhang Ruimin
    title: CEO
    grade: SCS4
    unit: U-PLATFORM
    attributes:
      location: Qingdao
      phone: "+86 532"
  - id: P-2
    name: Li
    manager: P-1
    dotted: [P-3, P-4]
    fte: 0.5
    assistant: yes
    contractor: true
    vacant: false
    user_facing: True
    external: true
    aggregate: true
  - id: P-3
    manager: P-1
    dotted: P-2
    fte: 0
  - {id: P-4, manager: ~}
links:
  - {from: U-PLATFORM, to: "42", kind: contract, weight: 3}
  - from: P-1
    to: P-2
)";

}  // namespace

TEST_CASE("yaml loader reads every field of a full org") {
  Loaded loaded = load(kFullOrg);
  const Org& org = loaded.org;
  CHECK(loaded.warnings.empty());
  CHECK(org.name == "Acme Ltd");
  REQUIRE(org.as_of);
  CHECK(org.as_of->to_string() == "2026-10-31");
  REQUIRE(org.files == std::vector<std::string>{"org.yaml"});

  REQUIRE(org.units.size() == 2);
  const Unit& platform = org.units[0];
  CHECK(platform.kind == UnitKind::platform);
  CHECK(platform.owner_id == "P-1");
  CHECK(platform.user_facing);
  CHECK_FALSE(platform.rights().stated);
  CHECK_FALSE(platform.contract().present);
  const Unit& emc = org.units[1];
  CHECK(emc.id == "42");
  CHECK(emc.kind == UnitKind::emc);
  CHECK(emc.parent_id == "U-PLATFORM");
  CHECK_FALSE(emc.user_facing);
  CHECK(emc.member_ids == std::vector<std::string>{"ME-1", "ME-2"});
  CHECK(emc.rights().stated);
  CHECK(emc.rights().decision.held_by_self());
  CHECK(emc.rights().people.holder == "U-PLATFORM");
  CHECK(emc.rights().people.where == SourceLocation{0, 17, 38});
  CHECK(emc.rights().pay.held_by_self());
  CHECK(emc.metrics().periods == std::vector<std::string>{"2026-07", "2026-08", "2026-09"});
  REQUIRE(emc.metrics().series.size() == 2);
  CHECK(emc.metrics().where == SourceLocation{0, 18, 5});
  CHECK(emc.metrics().series[0].name == "headcount");
  CHECK(emc.metrics().series[0].values == std::vector<double>{8, 9, 12});
  CHECK(emc.metrics().series[0].where == SourceLocation{0, 20, 7});
  REQUIRE(emc.metrics().find("revenue"));
  CHECK(emc.metrics().find("revenue")->values == std::vector<double>{100, 120.5, -90});
  CHECK(emc.contract().present);
  CHECK(emc.contract().where == SourceLocation{0, 22, 5});
  REQUIRE(emc.contract().updated);
  CHECK(emc.contract().updated->to_string() == "2026-10-01");
  CHECK(emc.contract().objectives == std::vector<std::string>{"grow users", "cut waste"});
  CHECK(emc.contract().value_sharing == "20% above target");
  CHECK(emc.contract().loss_threshold == Approx(250000));
  CHECK(emc.win_win().periods == std::vector<std::string>{"2026-Q3"});
  REQUIRE(emc.win_win().find("marginal_gains"));
  CHECK(emc.win_win().find("marginal_gains")->values == std::vector<double>{3.5});
  REQUIRE(emc.attributes.size() == 2);
  CHECK(emc.attributes[1].key == "site");
  CHECK(emc.attributes[1].value == "Qingdao");

  REQUIRE(org.people.size() == 4);
  const Person& ceo = org.people[0];
  CHECK(ceo.name == "Zhang Ruimin");
  CHECK(ceo.title == "CEO");
  CHECK(ceo.grade == "SCS4");
  CHECK(ceo.unit_id == "U-PLATFORM");
  CHECK(ceo.manager_id.empty());
  CHECK(ceo.fte == 1.0);
  CHECK(ceo.flags == 0);
  REQUIRE(ceo.attributes.size() == 2);
  CHECK(ceo.attributes[0].key == "location");
  CHECK(ceo.attributes[1].value == "+86 532");
  const Person& li = org.people[1];
  CHECK(li.manager_id == "P-1");
  CHECK(testing::strings(li.dotted_ids) == std::vector<std::string>{"P-3", "P-4"});
  CHECK(li.fte == 0.5);
  for (PersonFlag flag : {kAssistant, kContractor, kUserFacing, kExternal, kAggregate})
    CHECK(li.has(flag));
  CHECK_FALSE(li.has(kVacant));
  CHECK(testing::strings(org.people[2].dotted_ids) == std::vector<std::string>{"P-2"});
  CHECK(org.people[2].fte == 0.0);
  CHECK(org.people[3].id == "P-4");
  CHECK(org.people[3].manager_id.empty());

  REQUIRE(org.links.size() == 2);
  CHECK(org.links[0].kind == LinkKind::contract);
  CHECK(org.links[0].from.id == "U-PLATFORM");
  CHECK(org.links[0].to.id == "42");
  CHECK(org.links[0].weight == 3.0);
  CHECK(org.links[1].kind == LinkKind::collaboration);
  CHECK(org.links[1].weight == 1.0);
  CHECK(org.links[1].where == SourceLocation{0, 59, 5});

  // The loader leaves references as ids; resolving them is the model's job and must now succeed.
  Org resolved = org;
  resolved.resolve();
  CHECK(resolved.people[1].manager == 0);
}

TEST_CASE("yaml loader locations point into the file") {
  Loaded loaded = load("orgaudit: 1\npeople:\n  - id: P-1\n    name: A\n\n  -   name: B\n      id: P-2\n"
                       "      manager:   P-1\n  - {id: P-3, manager: P-2}\nunits:\n- id: U\n  parent: X\n"
                       "  owner: P-1\n");
  const Org& org = loaded.org;
  REQUIRE(org.people.size() == 3);
  CHECK(org.people[0].where == SourceLocation{0, 3, 5});  // the `id` key after "- "
  CHECK(org.people[1].where == SourceLocation{0, 6, 7});  // the first key, whatever it is
  CHECK(org.people[1].manager_where == SourceLocation{0, 8, 18});
  CHECK(org.people[2].where == SourceLocation{0, 9, 5});  // the `{` of a flow mapping
  CHECK(org.people[2].manager_where == SourceLocation{0, 9, 24});
  REQUIRE(org.units.size() == 1);
  CHECK(org.units[0].where == SourceLocation{0, 11, 3});
  CHECK(org.units[0].parent_where == SourceLocation{0, 12, 11});
  CHECK(org.units[0].owner_where == SourceLocation{0, 13, 10});
}

TEST_CASE("yaml loader merges files into one org") {
  MemoryFileSystem files;
  files.add("a.yaml", "orgaudit: 1\norg: {name: Acme}\npeople:\n  - id: P-1\n");
  files.add("b.yaml", "orgaudit: 1\norg: {name: Acme}\npeople:\n  - id: P-2\n    manager: P-1\n");
  files.add("c.yaml", "orgaudit: 1\npeople:\n  - id: P-3\n  - id: P-1\n");
  Org org;
  std::vector<Diagnostic> warnings;
  NoProgress progress;
  load_yaml_org(files, "a.yaml", org, warnings, progress);
  load_yaml_org(files, "b.yaml", org, warnings, progress);
  REQUIRE(org.people.size() == 2);
  CHECK(org.name == "Acme");
  CHECK(org.files == std::vector<std::string>{"a.yaml", "b.yaml"});
  CHECK(org.people[1].where == SourceLocation{1, 4, 5});
  CHECK(org.people[1].manager_where.file == 1);
  CHECK(warnings.empty());
  // An id from an earlier file counts; the failed file adds nothing.
  try {
    load_yaml_org(files, "c.yaml", org, warnings, progress);
    FAIL("duplicate across files accepted");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) ==
          "c.yaml:4:5: error: duplicate person id 'P-1' (first defined at a.yaml:4:5)");
  }
  CHECK(org.people.size() == 2);
}

TEST_CASE("yaml loader warns about unknown keys and keeps loading") {
  Loaded loaded = load("orgaudit: 1\npeeple: []\norg: {nmae: x}\npeople:\n  - id: P-1\n    manger: P-0\n"
                       "    zzzzzzzz: 1\nunits:\n  - id: U\n    rights: {decison: self}\n"
                       "    win_win: {periods: [Q1], revenue: [1]}\n");
  REQUIRE(loaded.warnings.size() == 6);
  CHECK(loaded.warnings[0].format("warning") ==
        "org.yaml:2:1: warning: unknown key 'peeple' in an org file; did you mean 'people'?");
  CHECK(loaded.warnings[1].message == "unknown key 'nmae' in org; did you mean 'name'?");
  CHECK(loaded.warnings[2].format("warning") ==
        "org.yaml:6:5: warning: unknown key 'manger' in person; did you mean 'manager'?");
  CHECK(loaded.warnings[3].message == "unknown key 'zzzzzzzz' in person (ignored)");
  CHECK(loaded.warnings[4].message == "unknown key 'decison' in rights; did you mean 'decision'?");
  CHECK(loaded.warnings[5].message == "unknown key 'revenue' in win_win; did you mean 'revenues'?");
  REQUIRE(loaded.org.people.size() == 1);
  CHECK(loaded.org.people[0].manager_id.empty());
  CHECK(loaded.org.units[0].rights().stated);
  CHECK_FALSE(loaded.org.units[0].rights().decision.stated());
  CHECK(loaded.org.units[0].win_win().series.empty());
}

TEST_CASE("yaml loader keeps names byte-exact") {
  const std::string tricky[] = {
      "O'Brien \"the boss\"", "line one\nline two", "<script>alert(1)</script>", "🚀 Zoë 张瑞敏",
      "שלום עולם", "trailing space ", "# not a comment", "a: b", "  leading", "tab\there", "null"};
  std::string yaml = "orgaudit: 1\npeople:\n";
  int n = 0;
  for (const std::string& name : tricky) {
    std::string quoted;
    for (char c : name) {
      if (c == '"' || c == '\\') quoted += '\\';
      if (c == '\n') quoted += "\\n";
      else if (c == '\t') quoted += "\\t";
      else quoted += c;
    }
    yaml += "  - id: P" + std::to_string(n++) + "\n    name: \"" + quoted + "\"\n";
  }
  yaml += "  - id: block\n    name: |-\n      first\n      second\n";
  Loaded loaded = load(yaml);
  REQUIRE(loaded.org.people.size() == std::size(tricky) + 1);
  for (std::size_t i = 0; i < std::size(tricky); ++i) CHECK(loaded.org.people[i].name == tricky[i]);
  CHECK(loaded.org.people.back().name == "first\nsecond");
}

TEST_CASE("yaml loader reports progress and finishes it") {
  struct Counting : Progress {
    int updates = 0, finishes = 0;
    std::uint64_t last_done = 0, last_total = 0;
    void update(std::string_view phase, std::uint64_t done, std::uint64_t total) override {
      CHECK(phase == "loading big.yaml");
      ++updates, last_done = done, last_total = total;
    }
    void finish() override { ++finishes; }
  } progress;
  std::string yaml = "orgaudit: 1\npeople:\n";
  for (int i = 0; i < 10000; ++i) yaml += "  - {id: P" + std::to_string(i) + "}\n";
  MemoryFileSystem files;
  files.add("big.yaml", yaml);
  Org org;
  std::vector<Diagnostic> warnings;
  load_yaml_org(files, "big.yaml", org, warnings, progress);
  CHECK(org.people.size() == 10000);
  CHECK(progress.updates >= 2);
  CHECK(progress.finishes == 1);
  CHECK(progress.last_total == yaml.size());
  CHECK(progress.last_done == yaml.size());
}
