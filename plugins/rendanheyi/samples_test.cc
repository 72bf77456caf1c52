// The samples (samples/*/org.yaml) against the real rules. Each generator lists in its sample's header
// what it planted on purpose, one line each (docs in samples/README.md):
//
//   #   PROFILES RULE KEY ENTITY NUMBER SEVERITY: why it is there
//   #   only PROFILES: nothing else is found under those profiles (not-assessed notes aside)
//   #   none PROFILES RULE: that rule finds nothing under those profiles
//
// and this test runs the rules on the sample under each profile named and checks every line: the
// planted list is the author's intent, written down once, and the rules have to agree with it.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "pack_test_support.h"
#include "util/text.h"

using namespace orgaudit;
using namespace orgaudit::rendanheyi::testing;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = ORGAUDIT_SOURCE_DIR;
const char* const kSamples[] = {"traditional", "rendanheyi", "transformation"};

struct PlantedFinding {
  std::string rule, key, entity, number, severity, line;  // "-": no key, no number to check
};

struct PlantedProblems {
  std::map<std::string, std::vector<PlantedFinding>> by_profile;
  std::set<std::string> exhaustive_profiles;                 // "only PROFILES"
  std::map<std::string, std::set<std::string>> absent_rules;  // "none PROFILES RULE": profile -> rules
};

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

// The "# Planted" block of a sample's header: "#   " lines up to the next bare "#".
PlantedProblems planted_problems(const fs::path& sample) {
  PlantedProblems planted;
  std::ifstream in(sample);
  bool in_block = false;
  for (std::string line; std::getline(in, line) && line.rfind("#", 0) == 0;) {
    if (line.rfind("# Planted", 0) == 0) in_block = true;
    if (!in_block) continue;
    if (line == "#") break;
    if (line.rfind("#   ", 0) != 0 || line.rfind("#    ", 0) == 0) continue;  // prose, or a wrapped line
    const std::vector<std::string> fields = words(line.substr(1, line.find(": ") - 1));
    REQUIRE(!fields.empty());
    INFO(sample.string() << ": " << line);
    if (fields[0] == "only") {
      REQUIRE(fields.size() == 2);
      for (const std::string& profile : split(fields[1], ',')) planted.exhaustive_profiles.insert(profile);
    } else if (fields[0] == "none") {
      REQUIRE(fields.size() == 3);
      for (const std::string& profile : split(fields[1], ',')) planted.absent_rules[profile].insert(fields[2]);
    } else {
      REQUIRE(fields.size() == 6);
      for (const std::string& profile : split(fields[0], ','))
        planted.by_profile[profile].push_back({fields[1], fields[2], fields[3], fields[4], fields[5], line});
    }
  }
  return planted;
}

// Whether `number` is one of the numbers the message gives ("-0.64", "16.5", "9" in "layer 9.").
bool message_gives(const std::string& message, const std::string& number) {
  std::string token;
  for (const char c : message + " ") {
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-') {
      token += c;
      continue;
    }
    while (!token.empty() && (token.back() == '.' || token.back() == '-')) token.pop_back();  // "9." "1 -"
    if (token == number) return true;
    token.clear();
  }
  return false;
}

bool names(const Finding& finding, const std::string& id) {
  for (const std::string& entity : finding.entity_ids)
    if (entity == id) return true;
  for (const RelatedLocation& related : finding.related)
    if (related.entity_id == id) return true;
  return false;
}

bool matches(const PlantedFinding& planted, const Finding& finding) {
  return finding.rule_id == planted.rule && finding.key == (planted.key == "-" ? "" : planted.key) &&
         to_string(finding.severity) == planted.severity && names(finding, planted.entity) &&
         (planted.number == "-" || message_gives(finding.message, planted.number));
}

std::string described(const Finding& f) {
  return f.rule_id + " [" + f.key + "] " + to_string(f.severity) + " " +
         (f.entity_ids.empty() ? std::string("-") : f.entity_ids.front()) + ": " + f.message;
}

// "#   PROFILE: rule=N rule=N" lines under "# Finding counts" in a sample's header.
std::map<std::string, std::map<std::string, int>> header_counts(const fs::path& sample) {
  std::map<std::string, std::map<std::string, int>> counts;
  std::ifstream in(sample);
  bool in_block = false;
  for (std::string line; std::getline(in, line) && line.rfind("#", 0) == 0;) {
    if (line.rfind("# Finding counts", 0) == 0) in_block = true;
    if (in_block && line == "#") break;
    if (!in_block || line.rfind("#   ", 0) != 0) continue;
    const auto colon = line.find(": ");
    std::map<std::string, int>& rules = counts[line.substr(4, colon - 4)];
    for (const std::string& item : words(line.substr(colon + 2))) {
      const auto eq = item.find('=');
      rules[item.substr(0, eq)] = std::stoi(item.substr(eq + 1));
    }
  }
  return counts;
}

}  // namespace

TEST_CASE("the rules find every problem the sample generators planted, and nothing they ruled out") {
  std::set<std::string> planted_rules;  // rules with a planted warning or error in some sample
  for (const char* name : kSamples) {
    const fs::path sample = kSource / "samples" / name / "org.yaml";
    PlantedProblems planted = planted_problems(sample);
    REQUIRE(planted.by_profile.count("rendanheyi") == 1);  // every sample says what the default finds
    std::set<std::string> profiles = planted.exhaustive_profiles;
    for (const auto& [profile, facts] : planted.by_profile) profiles.insert(profile);
    for (const auto& [profile, rules] : planted.absent_rules) profiles.insert(profile);
    for (const std::string& profile : profiles) {
      INFO("sample " << name << ", profile " << profile);
      const std::vector<Finding> found = findings_of(sample, profile);
      std::vector<bool> used(found.size(), false);
      for (const PlantedFinding& fact : planted.by_profile[profile]) {
        INFO("planted: " << fact.line);
        bool seen = false;
        for (std::size_t i = 0; i < found.size() && !seen; ++i)
          if (!used[i] && !found[i].not_assessed_note && matches(fact, found[i])) used[i] = seen = true;
        CHECK(seen);
        if (fact.severity != "info") planted_rules.insert(fact.rule);
      }
      for (std::size_t i = 0; i < found.size(); ++i) {
        if (used[i] || found[i].not_assessed_note) continue;
        INFO("not planted: " << described(found[i]));
        CHECK(planted.exhaustive_profiles.count(profile) == 0);
        CHECK(planted.absent_rules[profile].count(found[i].rule_id) == 0);
      }
    }
  }
  for (const std::string& id : pack_rules()) {
    INFO("no sample plants a finding of " << id);
    CHECK(planted_rules.count(id) == 1);
  }
}

TEST_CASE("the samples' finding counts are what the rules find now (regenerate a sample when they are not)") {
  for (const char* name : kSamples) {
    const fs::path sample = kSource / "samples" / name / "org.yaml";
    INFO("sample " << sample << ": run python3 samples/" << name << "/generate.py");
    const auto counts = header_counts(sample);
    REQUIRE(counts.count("rendanheyi") == 1);
    for (const auto& [profile, promised] : counts) {
      INFO("profile " << profile);
      std::map<std::string, int> actual;
      for (const Finding& f : findings_of(sample, profile)) ++actual[f.rule_id];
      CHECK(actual == promised);
    }
  }
}
