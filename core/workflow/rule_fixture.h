// Runs rule fixtures: org files whose `# expect:` comments say what one rule must find there
// (fixture_expectations.h), as `orgaudit test-rules` and the repository's own fixture test run them.
// A fixture lives in a directory named after its rule: FIXTURES/<rule-id>/*.yaml.
#pragma once

#include <string>
#include <vector>

#include "engine/rule_catalog.h"
#include "io/file_system.h"
#include "workflow/fixture_expectations.h"

namespace orgaudit::fixtures {

struct FixtureFile {
  std::string path;
  std::string rule_id;  // the name of the directory that holds it
};

// Every *.yaml file at any depth below `root` whose directory names a rule, sorted by path.
std::vector<FixtureFile> find_fixtures(const FileSystem& files, const std::string& root);

struct FixtureResult {
  FixtureDiff diff;
  // What makes the fixture untrustworthy as written, each as "path:line: why": a malformed
  // `# expect:` or `# option:` line, a warning from loading it (an unknown key is a typo that would
  // silently test something else), an option the rule does not accept.
  std::vector<std::string> problems;
  std::size_t findings = 0;  // what the rule found

  bool passed() const { return diff.empty() && problems.empty(); }
};

// Runs the fixture's rule alone, with its `# option:` values, over the org at fixture.path. Throws
// what loading throws (an InputError at file:line:col) when the file is not an org file.
FixtureResult run_fixture(const FileSystem& files, const FixtureFile& fixture, const RuleCatalog& catalog);

}  // namespace orgaudit::fixtures
