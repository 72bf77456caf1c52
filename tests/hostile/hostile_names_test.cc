// The hostile-names corpus (tests/hostile/hostile_names.py: terminal escapes, NUL, DEL, C1 controls,
// bidirectional overrides, line separators, a BOM, markup, emoji) from YAML and from CSV through
// every writer: each output format of `check`, its stderr, and the maps (SVG and DOT, people and
// units). Each output is checked by the script: valid UTF-8, no hidden control raw, parses as its
// format, every name there as the format must show it.
#include <catch2/catch.hpp>
#include <fstream>

#include "cli_runner.h"
#include "golden/output_runs.h"

using namespace orgaudit::testing;

namespace {

const std::string kScript = "tests/hostile/hostile_names.py";

void check_output(const std::string& source, const std::string& format, const std::string& file) {
  const CommandRun check = run_command("python3 " + kScript + " check " + source + " " + format + " '" + file + "'");
  INFO(source << " -> " << format << ": " << check.output);
  CHECK(check.exit_code == 0);
}

// Writes the corpus into `dir` and returns the input file for `source` ("yaml" or "csv").
std::string corpus(const ScratchDir& dir, const std::string& source) {
  const CommandRun write = run_command("python3 " + kScript + " write '" + dir.path.string() + "'");
  INFO(write.output);
  REQUIRE(write.exit_code == 0);
  return (dir.path / ("names." + source)).string();
}

// One rule, whose findings quote every name and id of the corpus, whatever the other rules do.
const std::string kRules = " --disable '*' --enable structure-integrity";

}  // namespace

TEST_CASE("hostile names: every check output and stderr carries them escaped, never raw", "[hostile][escaping]") {
  require_tool("python3", "python3");
  require_tool("cmark-gfm", "cmark-gfm");
  const std::string source = GENERATE(as<std::string>{}, "yaml", "csv");
  ScratchDir dir("hostile-names-" + source);
  const std::string input = corpus(dir, source);
  std::string command = "check '" + input + "'" + kRules;
  std::map<std::string, std::string> files;
  for (const std::string& format : output_format_names()) {
    files[format] = (dir.path / golden_file_name(format)).string();
    command += " --output '" + format + "=" + files[format] + "'";
  }
  const CliRun run = run_orgaudit(command);
  INFO(run.err);
  REQUIRE(run.exit_code == 1);  // the integrity errors
  const std::string err_file = (dir.path / "stderr.txt").string();
  std::ofstream(err_file) << run.err;
  check_output(source, "stderr", err_file);
  for (const auto& [format, file] : files) check_output(source, format, file);
}

TEST_CASE("hostile names: maps of people and of units carry them escaped, never raw", "[hostile][maps]") {
  require_tool("python3", "python3");
  require_tool("dot", "graphviz");
  const std::string source = GENERATE(as<std::string>{}, "yaml", "csv");
  ScratchDir dir("hostile-maps-" + source);
  const std::string input = corpus(dir, source);
  for (const std::string extension : {"svg", "dot"}) {
    // Only the YAML has units.
    for (const std::string& level : source == "yaml" ? std::vector<std::string>{"person", "unit"}
                                                    : std::vector<std::string>{"person"}) {
      const std::string file = (dir.path / ("map-" + level + "." + extension)).string();
      const CliRun run = run_orgaudit("map '" + input + "' --level " + level + " --output '" + file + "'");
      INFO(run.err);
      REQUIRE(run.exit_code <= 1);
      check_output(source, (level == "unit" ? "unit-" : "") + extension, file);
    }
  }
}

TEST_CASE("hostile names: the check catches a raw control, a lost name and a broken document", "[hostile]") {
  require_tool("python3", "python3");
  ScratchDir dir("hostile-self-test");
  const std::string input = corpus(dir, "yaml");
  const std::string json = (dir.path / "report.json").string();
  REQUIRE(run_orgaudit("check '" + input + "'" + kRules + " --format json --output '" + json + "'").exit_code == 1);
  check_output("yaml", "json", json);
  const auto broken = [&](const std::string& sed) {
    const std::string copy = (dir.path / "broken.json").string();
    return run_command("sed '" + sed + "' '" + json + "' > '" + copy + "' && python3 " + kScript +
                       " check yaml json '" + copy + "'");
  };
  // An ESC written raw, as a writer that forgot to escape would (a JSON parser would still accept it
  // as U+001B only escaped, so the file check must catch it first).
  CommandRun r = broken("s/\\\\u001b\\[31m/\\x1b[31m/");
  CHECK(r.exit_code != 0);
  CHECK_THAT(r.output, Catch::Contains("hidden controls raw: U+001B"));
  r = broken("s/Invoice/Bill/");
  CHECK(r.exit_code != 0);
  CHECK_THAT(r.output, Catch::Contains("not found as expected") && Catch::Contains("fdp.exe"));
  r = broken("1s/^{/[/");
  CHECK(r.exit_code != 0);
  CHECK_THAT(r.output, Catch::Contains("does not parse as json"));
}
