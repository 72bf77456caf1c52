// Inputs of hostile size and depth (tests/hostile/deep_inputs.py, generated at test time): a
// reporting chain, a unit tree and a reporting cycle 100,000 long, 64 MB of line breaks, a 50 MB
// field, 10,000 columns, empty, BOM-only and whitespace-only files. Every command must finish within
// 10 s of CPU with exit 0 or 1, or exit 2 naming the file and writing nothing.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "cli_runner.h"
#include "golden/output_runs.h"

using namespace orgaudit::testing;

namespace {

// Runs every command on each of `files` (made by the generator in a directory of its own), with
// `options` after the command; returns each file's exit-2 message of `check`, by file name.
std::map<std::string, std::string> run_every_command(const std::string& name, const std::vector<std::string>& files,
                                                     const std::string& options = "") {
  std::map<std::string, std::string> refused;
  require_tool("python3", "python3");
  require_tool("timeout", "coreutils");
  const ScratchDir dir("hostile-" + name);
  std::string names;
  for (const std::string& file : files) names += " " + file;
  const CommandRun generate = run_command("python3 tests/hostile/deep_inputs.py '" + dir.path.string() + "' 100000" + names);
  INFO(generate.output);
  REQUIRE(generate.exit_code == 0);
  const std::string out = (dir.path / "out").string();
  for (const std::string& file : files) {
    const std::string input = (dir.path / file).string();
    for (const std::string& command : {std::string("check"), std::string("check --format json"), "report -o '" + out + ".html'",
                                       "map -o '" + out + ".svg'", "map --level unit -o '" + out + ".svg'",
                                       "convert -o '" + out + ".yaml'"}) {
      CAPTURE(file, command);
      // 10 s of CPU a core (load on a shared machine cannot make a linear run fail; a large org's
      // phases run on two threads, whose CPU adds up), and a wall-clock limit for a wait without end.
      const CommandRun run = run_command("ulimit -t 20 && timeout 60 '" ORGAUDIT_BINARY_DIR "/bin/orgaudit' " + command +
                                         options + " '" + input + "' 2>&1 >/dev/null");
      CHECK(run.exit_code <= 2);  // 124: still running after 60 s; 137 or 152: over 20 s of CPU; 134: an abort
      if (run.exit_code == 2) {
        // Named, and with nothing written.
        CHECK_THAT(run.output, Catch::Contains(": error: "));
        if (command == "check") refused[file] = run.output;
        for (const char* extension : {".html", ".svg", ".yaml"}) CHECK_FALSE(std::filesystem::exists(out + extension));
      }
      for (const char* extension : {".html", ".svg", ".yaml"}) std::filesystem::remove(out + extension);
    }
  }
  return refused;
}

}  // namespace

TEST_CASE("hostile sizes: a reporting chain 100,000 deep, in CSV, XML and YAML", "[hostile]") {
  run_every_command("chain", {"chain.csv", "chain.xml", "chain.yaml"});
}

TEST_CASE("hostile sizes: a unit tree 100,000 deep", "[hostile]") { run_every_command("units", {"units.yaml"}); }

TEST_CASE("hostile sizes: a reporting cycle of 100,000 people", "[hostile]") {
  run_every_command("cycle", {"cycle.csv", "cycle.yaml"});
}

TEST_CASE("hostile sizes: 64 MB of line breaks, a 50 MB field, 10,000 columns", "[hostile]") {
  // The field size limit (1 MiB by default) refuses the 50 MB value at its place...
  const auto refused = run_every_command("big", {"breaks.csv", "field.csv", "field.yaml", "columns.csv"});
  REQUIRE(refused.count("field.csv"));
  CHECK_THAT(refused.at("field.csv"), Catch::EndsWith("field.csv:2:4: error: a value of 50 MiB (column 'name'), over the field size "
                                                      "limit of 1 MiB (raise it with --max-field-size or input.max-field-size)\n"));
  REQUIRE(refused.count("field.yaml"));
  CHECK_THAT(refused.at("field.yaml"), Catch::EndsWith("field.yaml:3:20: error: a value of 50 MiB, over the field size limit of 1 MiB "
                                                       "(raise it with --max-field-size or input.max-field-size)\n"));
  // ...and with the limit raised it is read, and every command still finishes in time.
  CHECK(run_every_command("big-field", {"field.csv", "field.yaml"}, " --max-field-size 64MB").empty());
}

TEST_CASE("hostile sizes: empty, BOM-only and whitespace-only files", "[hostile]") {
  run_every_command("empty", {"empty.csv", "bom.csv", "blank.csv", "empty.yaml", "bom.yaml", "blank.yaml"});
}
