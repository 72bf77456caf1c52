#include "workflow/rule_fixture.h"

#include <algorithm>

#include "engine/engine.h"
#include "loader/yaml_loader.h"
#include "orgaudit/metrics.h"
#include "util/diagnostic.h"
#include "util/progress.h"
#include "util/text.h"

namespace orgaudit::fixtures {
namespace {

void collect(const FileSystem& files, const std::string& directory, const std::string& name,
             std::vector<FixtureFile>& found) {
  for (const std::string& entry : files.list_directory(directory)) {
    const std::string path = directory + "/" + entry;
    const FileKind kind = files.kind_of(path);
    if (kind == FileKind::directory) collect(files, path, entry, found);
    else if (kind == FileKind::file && glob_match("*.yaml", entry)) found.push_back({path, name});
  }
}

}  // namespace

std::vector<FixtureFile> find_fixtures(const FileSystem& files, const std::string& root) {
  std::string top = root;
  while (top.size() > 1 && top.back() == '/') top.pop_back();
  std::vector<FixtureFile> found;
  // Files directly in the root belong to no rule's directory.
  for (const std::string& entry : files.list_directory(top))
    if (files.kind_of(top + "/" + entry) == FileKind::directory) collect(files, top + "/" + entry, entry, found);
  std::sort(found.begin(), found.end(), [](const FixtureFile& a, const FixtureFile& b) { return a.path < b.path; });
  return found;
}

FixtureResult run_fixture(const FileSystem& files, const FixtureFile& fixture, const RuleCatalog& catalog) {
  FixtureResult result;
  const FixtureComments comments = parse_fixture_comments(*files.open_for_reading(fixture.path));
  for (const std::string& error : comments.errors) result.problems.push_back(fixture.path + ":" + error);

  Org org;
  std::vector<Diagnostic> warnings;
  NoProgress progress;
  load_yaml_org(files, fixture.path, org, warnings, progress);
  for (const Diagnostic& warning : warnings) result.problems.push_back(warning.format("warning"));
  org.resolve();
  const OrgMetrics metrics = OrgMetrics::compute(org);

  RuleSelection selection;
  selection.toggles = {{false, "*"}, {true, fixture.rule_id}};
  if (!comments.options.empty()) selection.options[fixture.rule_id] = comments.options;
  std::vector<ConfiguredRule> rules;
  try {
    rules = configure_rules(catalog, selection);
  } catch (const OptionError& e) {
    result.problems.push_back(fixture.path + ": # option: " + e.what());
    return result;
  }
  const RunResult run = run_rules(org, metrics, rules);
  std::vector<ActualFinding> actual;
  for (const Finding& f : run.findings) actual.push_back({f.where.line, f.rule_id, f.severity, f.message, f.where.column});
  result.findings = actual.size();
  result.diff = compare_findings(comments.expected, actual);
  return result;
}

}  // namespace orgaudit::fixtures
