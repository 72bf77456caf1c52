// Commands run in-process on a fake disk (MemoryFileSystem): what they read and write goes through the
// FileSystem interface, so these tests need no scratch directory and cannot touch the real one.
#include <catch2/catch.hpp>
#include <sstream>

#include "cli/cli.h"
#include "io/file_system.h"
#include "io/install_location.h"

using namespace orgaudit;

namespace {

struct FakeDiskRun {
  int exit_code;
  std::string out, err;
};

FakeDiskRun run_on(const MemoryFileSystem& files, const std::vector<std::string>& args) {
  std::ostringstream out, err;
  cli::CliContext context{out, err, false, false, [](const char*) -> const char* { return nullptr; }, files};
  const int code = cli::run_cli(args, context);
  return {code, out.str(), err.str()};
}

const std::string kProfiles = installed_data_directory() + "/rules/profiles";

// A fake disk whose plugin directory lists the built-in packs. The plugin host finds and lists packs
// through the FileSystem; loading one (dlopen) reads the real file of that name.
MemoryFileSystem with_built_in_packs() {
  MemoryFileSystem files;
  const std::string directory = installed_plugin_directory();
  files.add_directory(directory);
  for (const char* pack : {"orgaudit-structure.so", "orgaudit-rendanheyi.so"}) files.add(directory + "/" + pack, "");
  return files;
}

}  // namespace

TEST_CASE("init writes the starter config on the fake disk, listing the profiles found there", "[sdk][fake-disk]") {
  MemoryFileSystem files;
  files.add_directory("/team");
  files.add(kProfiles + "/lean.yaml", "orgaudit-profile: 1\n");
  files.add(kProfiles + "/wide.yaml", "orgaudit-profile: 1\n");
  const FakeDiskRun run = run_on(files, {"init", "/team"});
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("wrote /team/.orgaudit.yaml"));
  REQUIRE(files.files().count("/team/.orgaudit.yaml") == 1);
  const std::string& config = files.files().at("/team/.orgaudit.yaml");
  // The profiles named are the fake disk's, not the installed ones (classic, rendanheyi).
  CHECK_THAT(config, Catch::Contains("lean") && Catch::Contains("wide") && !Catch::Contains("rendanheyi-strict"));
}

TEST_CASE("init never overwrites a config on the fake disk without --force", "[sdk][fake-disk]") {
  MemoryFileSystem files;
  files.add("/team/.orgaudit.yaml", "# our suppressions\n");
  const FakeDiskRun refused = run_on(files, {"init", "/team"});
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.err, Catch::Contains("/team/.orgaudit.yaml already exists; pass --force to replace it"));
  CHECK(files.files().at("/team/.orgaudit.yaml") == "# our suppressions\n");
  CHECK(run_on(files, {"init", "--force", "/team"}).exit_code == 0);
  CHECK(files.files().at("/team/.orgaudit.yaml") != "# our suppressions\n");
}

TEST_CASE("init into a directory the fake disk lacks is refused and writes nothing", "[sdk][fake-disk]") {
  MemoryFileSystem files;
  const FakeDiskRun run = run_on(files, {"init", "/nowhere"});
  CHECK(run.exit_code == 2);
  CHECK_THAT(run.err, Catch::Contains("'/nowhere' is not a directory"));
  CHECK(files.files().empty());
}

TEST_CASE("rules --explain prints the rule page the fake disk holds", "[sdk][fake-disk]") {
  MemoryFileSystem files = with_built_in_packs();
  files.add(installed_data_directory() + "/rules/structure/structure-span-of-control.md",
            "# structure-span-of-control\n\nA page only the fake disk has.\n");
  const FakeDiskRun run = run_on(files, {"rules", "--explain", "structure-span-of-control"});
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("A page only the fake disk has."));
  CHECK_THAT(run.out, !Catch::Contains("## Why"));  // the real page was not read
}

TEST_CASE("check streams a JSON report file onto the fake disk, the same document as on standard output", "[sdk][fake-disk]") {
  MemoryFileSystem files = with_built_in_packs();
  files.add_directory("/team");
  files.add("/team/org.yaml",
            "orgaudit: 1\npeople:\n  - id: ceo\n    name: Chief\n  - id: a\n    name: Ann\n    manager: ceo\n");
  const FakeDiskRun to_file = run_on(files, {"check", "/team/org.yaml", "--fail-on", "never", "-o", "json=/team/report.json"});
  CHECK(to_file.exit_code == 0);
  REQUIRE(files.files().count("/team/report.json") == 1);
  const FakeDiskRun to_stdout = run_on(files, {"check", "/team/org.yaml", "--fail-on", "never", "--format", "json"});
  CHECK_THAT(to_stdout.out, Catch::StartsWith("{"));
  CHECK(files.files().at("/team/report.json") == to_stdout.out);
}

TEST_CASE("the packs loaded are those the fake disk's plugin directories list", "[sdk][fake-disk]") {
  MemoryFileSystem files;
  files.add_directory(installed_plugin_directory());  // empty: no built-in pack on this disk
  const FakeDiskRun bare = run_on(files, {"rules"});
  CHECK(bare.exit_code == 0);
  CHECK_THAT(bare.out, Catch::Contains("import-bad-value"));  // the host's own rules
  CHECK_THAT(bare.out, !Catch::Contains("structure-"));

  const FakeDiskRun elsewhere = run_on(with_built_in_packs(), {"rules", "--plugin-dir", "/packs"});
  CHECK(elsewhere.exit_code == 2);
  CHECK_THAT(elsewhere.err, Catch::Contains("plugin directory '/packs' not found"));

  const FakeDiskRun missing = run_on(with_built_in_packs(), {"rules", "--plugin", "/packs/orgaudit-x.so"});
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::Contains("plugin '/packs/orgaudit-x.so': file not found"));
}
