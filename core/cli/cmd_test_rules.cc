// `orgaudit test-rules DIR...`: runs the rule fixtures below each DIR (DIR/<rule-id>/*.yaml) and
// says which find exactly what their `# expect:` comments say, as clang-tidy's check tests and
// ESLint's RuleTester do for their rules. For pack authors: their rules, loaded as `check` loads
// them, on their own fixtures.
#include "cli/commands.h"
#include "cli/session.h"
#include "orgaudit/message_text.h"
#include "util/diagnostic.h"
#include "util/text.h"
#include "workflow/rule_fixture.h"

namespace orgaudit::cli {
namespace {

using fixtures::FixtureFile;
using fixtures::FixtureResult;

// Every fixture below the directories given, each of whose rules is loaded; refuses (exit 2) a
// directory that is missing or holds no fixture, and a fixture directory that names no rule.
std::vector<FixtureFile> fixtures_to_run(const ParsedArgs& args, const CliContext& context, const RuleCatalog& catalog) {
  std::vector<FixtureFile> all;
  for (const std::string& root : args.positional) {
    if (context.files.kind_of(root) != FileKind::directory)
      throw UsageError("'" + root + "' is not a directory of rule fixtures");
    const std::vector<FixtureFile> found = fixtures::find_fixtures(context.files, root);
    if (found.empty())
      throw UsageError("no fixtures below '" + root + "': a fixture is " + root + "/<rule-id>/NAME.yaml");
    for (const FixtureFile& fixture : found) {
      if (catalog.find(fixture.rule_id)) continue;
      const std::string near = did_you_mean(fixture.rule_id, catalog.ids());
      throw UsageError(fixture.path + ": its directory names no loaded rule '" + fixture.rule_id + "'" +
                       (near.empty() ? "" : "; did you mean '" + near + "'?") +
                       " (load its pack with --plugin or --plugin-dir)");
    }
    all.insert(all.end(), found.begin(), found.end());
  }
  return all;
}

void print_failure(const FixtureFile& fixture, const FixtureResult& result, CliContext& context) {
  context.out << "FAIL " << fixture.path << " [" << fixture.rule_id << "]\n";
  for (const std::string& problem : result.problems) context.out << "    " << problem << "\n";
  if (result.diff.empty()) return;
  // format_diff's lines after its heading, which the FAIL line replaces, indented under it.
  const std::string diff = fixtures::format_diff(fixture.path, result.diff);
  for (const std::string& line : split(diff.substr(diff.find('\n') + 1), '\n'))
    if (!line.empty()) context.out << "  " << line << "\n";
}

}  // namespace

int run_test_rules(const ParsedArgs& args, CliContext& context) {
  if (args.positional.empty()) throw UsageError("test-rules needs a directory of rule fixtures (DIR/<rule-id>/*.yaml)");
  PluginHost host(context.files);
  RuleCatalog catalog;
  // Fixtures are a rule author's, not an org's: no config applies; --rules loads YAML rules.
  load_packs(args, context, host, catalog, Config{});
  const std::vector<FixtureFile> fixtures = fixtures_to_run(args, context, catalog);
  std::size_t failed = 0;
  for (const FixtureFile& fixture : fixtures) {
    const FixtureResult result = fixtures::run_fixture(context.files, fixture, catalog);
    if (result.passed()) {
      context.out << "ok   " << fixture.path << " [" << fixture.rule_id << "] " << count_of(result.findings, "finding") << "\n";
      continue;
    }
    ++failed;
    print_failure(fixture, result, context);
  }
  context.out << "\n" << count_of(fixtures.size(), "fixture") << ": " << fixtures.size() - failed
              << " passed, " << failed << " failed\n";
  return failed ? kExitFindings : kExitClean;
}

}  // namespace orgaudit::cli
