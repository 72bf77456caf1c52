// End-to-end tests of the orgaudit binary: exit codes, messages, outputs.
#include <catch2/catch.hpp>

#include "cli_runner.h"
#include "orgaudit/plugin.h"
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <algorithm>
#include <csignal>
#include <unistd.h>

using orgaudit::testing::CliRun;

namespace {

CliRun run_cli(const std::string& arguments, const std::string& environment = "") {
  return orgaudit::testing::run_orgaudit(arguments, environment);
}
std::string slurp(const std::string& path) { return orgaudit::testing::read_file(path); }
std::string scratch(const std::string& name) { return orgaudit::testing::scratch_path(name); }

}  // namespace

TEST_CASE("cli: exit 0 when nothing reaches --fail-on") {
  CliRun r = run_cli("check tests/cli/clean.yaml --profile classic");
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK_THAT(r.out, Catch::Contains("0 findings") && Catch::Contains("Org score 100/100"));
}

TEST_CASE("cli: exit 1 on errors, with file:line:col findings") {
  CliRun r = run_cli("check tests/cli/deep.yaml --profile classic");
  CHECK(r.exit_code == 1);
  // One finding for the line below layer 7, at 'Seven', an error from its deepest person. The untrusted
  // name stays on one line: the newline is shown escaped.
  CHECK_THAT(r.out, Catch::Contains("tests/cli/deep.yaml:12:5: error: 'Seven' (layer 7) has 2 people 8 to 9 layers "
                                    "below the root (max 7); the deepest, 'Dana \"DL\" Li "
                                    "<script>alert(1)</script>\\nsecond line 👩‍💻', at layer 9 [structure-hierarchy-depth]"));
}

TEST_CASE("cli: --fail-on moves the threshold") {
  CHECK(run_cli("check tests/cli/deep.yaml --fail-on never").exit_code == 0);
  CHECK(run_cli("check tests/cli/clean.yaml --profile classic --fail-on info").exit_code == 0);
  CHECK(run_cli("check tests/cli/deep.yaml --disable structure-hierarchy-depth --fail-on error").exit_code == 0);
  CHECK(run_cli("check tests/cli/deep.yaml --disable structure-hierarchy-depth --fail-on warning").exit_code == 1);
  CliRun bad = run_cli("check tests/cli/deep.yaml --fail-on sometimes");
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains("--fail-on expects error, warning, info or never"));
}

TEST_CASE("cli: --min-score fails a low score") {
  CHECK(run_cli("check tests/cli/deep.yaml --fail-on never --min-score 99").exit_code == 1);
  CHECK(run_cli("check tests/cli/clean.yaml --profile classic --min-score 99").exit_code == 0);
  CHECK(run_cli("check tests/cli/clean.yaml --min-score 101").exit_code == 2);
  for (const char* score : {"nan", "NaN", "-50", "150", "inf", "0x20", " 50"}) {
    CAPTURE(score);
    const CliRun r = run_cli(std::string("check tests/cli/deep.yaml --fail-on never --min-score '") + score + "'");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("--min-score expects a number from 0 to 100"));
  }
}

TEST_CASE("cli: rule options and selections") {
  CliRun r = run_cli("check tests/cli/deep.yaml --rule-option structure-hierarchy-depth.max-layers=20 "
                   "--rule-option structure-hierarchy-depth.error-layers=30 --fail-on error");
  CHECK(r.exit_code == 0);
  CliRun typo = run_cli("check tests/cli/deep.yaml --rule-option structure-hierarchy-depth.max-layer=3");
  CHECK(typo.exit_code == 2);
  CHECK_THAT(typo.err, Catch::Contains("did you mean 'max-layers'"));
  CliRun wrong_type = run_cli("check tests/cli/deep.yaml --rule-option structure-hierarchy-depth.max-layers=deep");
  CHECK(wrong_type.exit_code == 2);
  CHECK_THAT(wrong_type.err, Catch::Contains("expects an integer"));
  CliRun negative = run_cli("check tests/cli/deep.yaml --rule-option structure-hierarchy-depth.max-layers=-1");
  CHECK(negative.exit_code == 2);
  CHECK_THAT(negative.err, Catch::Contains("max-layers must be 0 or more"));
  CHECK(negative.out.empty());
  CliRun unknown = run_cli("check tests/cli/deep.yaml --enable structure-hierarchy-dept");
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Catch::Contains("did you mean 'structure-hierarchy-depth'"));
  CliRun only = run_cli("check tests/cli/deep.yaml --disable '*' --enable structure-span-of-control --quiet");
  CHECK(only.exit_code == 0);
  CHECK_THAT(only.out, Catch::Contains("[structure-span-of-control]"));
  CHECK_THAT(only.out, !Catch::Contains("[structure-hierarchy-depth]"));
}

TEST_CASE("cli: a retired rule id stops the run saying which rule took its findings") {
  const std::string merged = "'structure-single-report-manager' was merged into 'structure-span-of-control'";
  for (const char* setting : {"--enable structure-single-report-manager", "--disable structure-single-report-manager",
                              "--rule-option structure-single-report-manager.min-span=2"}) {
    INFO(setting);
    const CliRun r = run_cli(std::string("check tests/cli/deep.yaml ") + setting);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("names a retired rule: " + merged));
    CHECK(r.out.empty());
  }
  const CliRun explain = run_cli("rules --explain structure-pass-through-manager");
  CHECK(explain.exit_code == 2);
  CHECK_THAT(explain.err, Catch::Contains("'structure-pass-through-manager' was merged into 'structure-span-of-control'"));
}

TEST_CASE("cli: json output carries the same findings") {
  CliRun text = run_cli("check tests/cli/deep.yaml --quiet");
  CliRun json = run_cli("check tests/cli/deep.yaml --format json");
  CHECK(json.exit_code == 1);
  CHECK_THAT(json.out, Catch::StartsWith("{\n  \"schema\": \"orgaudit-report\",\n  \"version\": 2"));
  CHECK_THAT(json.out, Catch::Contains("\"rule\": \"structure-hierarchy-depth\"") &&
                           Catch::Contains("\\u003cscript\\u003e") && Catch::Contains("\"fingerprint\": \"v2:"));
  std::size_t text_lines = 0, json_findings = 0;
  for (char c : text.out) text_lines += c == '\n';
  for (std::size_t at = 0; (at = json.out.find("\"fingerprint\": \"", at)) != std::string::npos; ++at) ++json_findings;
  CHECK(json_findings == text_lines);
}

TEST_CASE("cli: json unit scores explain only the dimensions flagged in each unit's subtree") {
  const CliRun json = run_cli("check samples/rendanheyi/org.yaml --format json --fail-on never");
  REQUIRE(json.exit_code == 0);
  auto occurrences = [&](const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = 0; (at = json.out.find(what, at)) != std::string::npos; ++at) ++n;
    return n;
  };
  CHECK(occurrences("\"dimension_scores\": {") == 26);  // every unit has its scores
  CHECK(occurrences("\"flagged_dimensions\": [") == 26);
  CHECK(occurrences("\"flagged_dimensions\": []") > 0);  // a clean unit explains nothing
  // A flagged dimension is explained with its reason; an unflagged one (Data quality, 100 in every
  // unit here) is only a score.
  CHECK_THAT(json.out, Catch::Contains("\"flagged_dimensions\": [\n          {\n            \"name\": \"Ecosystem\""));
  CHECK(occurrences("\"name\": \"Data quality\",\n            \"score\": 100,") == 0);
}

TEST_CASE("cli: --output writes files, several formats in one run") {
  const std::string text = scratch("out.txt"), json = scratch("out.json");
  std::filesystem::remove(text);
  std::filesystem::remove(json);
  CliRun r = run_cli("check tests/cli/deep.yaml --output text=" + text + " --output json=" + json);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK_THAT(slurp(text), Catch::Contains("[structure-hierarchy-depth]"));
  CHECK_THAT(slurp(json), Catch::Contains("\"schema\": \"orgaudit-report\""));
}

TEST_CASE("cli: JSON and SARIF streamed to standard output are what is written to a file") {
  for (const std::string format : {"json", "sarif"}) {
    const std::string file = scratch("streamed." + format);
    std::filesystem::remove(file);
    const CliRun streamed = run_cli("check samples/rendanheyi/org.yaml --fail-on never --format " + format);
    CHECK(run_cli("check samples/rendanheyi/org.yaml --fail-on never --output " + format + "=" + file).exit_code == 0);
    CHECK(streamed.out == slurp(file));
  }
}

TEST_CASE("cli: every command that writes a file takes -o for --output") {
  const std::string text = scratch("short.txt"), page = scratch("short.html"), map = scratch("short.dot");
  for (const std::string& file : {text, page, map}) std::filesystem::remove(file);
  CHECK(run_cli("check tests/cli/deep.yaml --fail-on never -o " + text).exit_code == 0);
  CHECK(run_cli("report tests/cli/deep.yaml --fail-on never -o " + page).exit_code == 0);
  CHECK(run_cli("map tests/cli/deep.yaml --fail-on never -o " + map).exit_code == 0);
  CHECK_THAT(slurp(text), Catch::Contains("[structure-hierarchy-depth]"));
  CHECK_THAT(slurp(page), Catch::StartsWith("<!DOCTYPE html>"));
  CHECK_THAT(slurp(map), Catch::Contains("digraph"));
}

TEST_CASE("cli: ORGAUDIT_TIMING prints phases and the slowest rules on stderr, stdout untouched") {
  const CliRun timed = run_cli("check tests/cli/deep.yaml --fail-on never --format json", "ORGAUDIT_TIMING=1");
  CHECK(timed.exit_code == 0);
  CHECK_THAT(timed.err, Catch::Contains("orgaudit timing (ORGAUDIT_TIMING)") && Catch::Contains("running rules") &&
                            Catch::Contains("rendering output") && Catch::Contains("structure-hierarchy-depth") &&
                            Catch::Contains("cpu s  RSS MB"));
  // Each phase's row ends in its CPU seconds and resident megabytes (a running process has some).
  const auto rules_row = timed.err.find("  running rules");
  REQUIRE(rules_row != std::string::npos);
  const std::string row = timed.err.substr(rules_row, timed.err.find('\n', rules_row) - rules_row);
  CHECK(std::stol(row.substr(row.find_last_of(' ') + 1)) > 0);
  CHECK(timed.out == run_cli("check tests/cli/deep.yaml --fail-on never --format json").out);
  CHECK(run_cli("check tests/cli/deep.yaml --fail-on never", "ORGAUDIT_TIMING=0").err.empty());
}

TEST_CASE("cli: unreadable input exits 2 with file:line:col and writes nothing") {
  const std::string out = scratch("never-written.json");
  std::filesystem::remove(out);
  CliRun r = run_cli("check tests/cli/malformed.yaml --format json --output " + out);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::StartsWith("tests/cli/malformed.yaml:") && Catch::Contains(": error: "));
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK(r.out.empty());

  CliRun missing = run_cli("check tests/cli/no-such-file.yaml");
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::Contains("tests/cli/no-such-file.yaml: error: No such file or directory"));

  CliRun directory = run_cli("check tests/cli.yaml tests/cli");
  CHECK(directory.exit_code == 2);

  CliRun format = run_cli("check README.md");
  CHECK(format.exit_code == 2);
  CHECK_THAT(format.err, Catch::Contains("cannot tell the input format"));
}

TEST_CASE("cli: usage errors exit 2 with a hint") {
  CliRun none = run_cli("");
  CHECK(none.exit_code == 2);
  CHECK_THAT(none.err, Catch::Contains("Usage: orgaudit <command>"));
  CliRun typo = run_cli("chek tests/cli/clean.yaml");
  CHECK(typo.exit_code == 2);
  CHECK_THAT(typo.err, Catch::Contains("did you mean 'check'"));
  CliRun no_files = run_cli("check");
  CHECK(no_files.exit_code == 2);
  CliRun bad_option = run_cli("check tests/cli/clean.yaml --fromat json");
  CHECK(bad_option.exit_code == 2);
  CHECK_THAT(bad_option.err, Catch::Contains("did you mean '--format'"));
  CliRun bad_format = run_cli("check tests/cli/clean.yaml --format yaml");
  CHECK(bad_format.exit_code == 2);
}

TEST_CASE("cli: help, version and rules") {
  CliRun help = run_cli("check --help");
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("Examples:") && Catch::Contains("--fail-on"));
  CliRun version = run_cli("--version");
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, Catch::StartsWith("orgaudit ") && Catch::Contains("rule pack API " + std::to_string(ORGAUDIT_PLUGIN_API_VERSION) + ")"));
  // -V and --version after any command print the same line; -h is --help everywhere.
  for (const char* asked : {"-V", "check --version", "check -V", "map --version", "diff -V"}) {
    INFO(asked);
    const CliRun again = run_cli(asked);
    CHECK(again.exit_code == 0);
    CHECK(again.out == version.out);
  }
  CHECK(run_cli("check -h").out == help.out);
  CHECK_THAT(run_cli("--help").out, Catch::Contains("-V, --version"));
  CliRun rules = run_cli("rules");
  CHECK(rules.exit_code == 0);
  CHECK_THAT(rules.out, Catch::Contains("structure-span-of-control") && Catch::Contains("min-span=4"));
  CliRun explain = run_cli("rules --explain structure-span-of-control");
  CHECK(explain.exit_code == 0);
  CHECK_THAT(explain.out, Catch::Contains("max-span (integer, default 15)"));
  CliRun unknown = run_cli("rules --explain structure-span");
  CHECK(unknown.exit_code == 2);
}

TEST_CASE("cli: plugin problems exit 2") {
  CliRun missing_dir = run_cli("rules --plugin-dir /nonexistent-plugins");
  CHECK(missing_dir.exit_code == 2);
  CHECK_THAT(missing_dir.err, Catch::Contains("plugin directory '/nonexistent-plugins' not found"));
  CliRun env_dir = run_cli("rules", "ORGAUDIT_PLUGIN_PATH=" ORGAUDIT_BINARY_DIR "/test-packs/wrong_version");
  CHECK(env_dir.exit_code == 2);
  CHECK_THAT(env_dir.err, Catch::Contains("plugin API version 42"));
  CliRun good = run_cli("rules --plugin-dir " ORGAUDIT_BINARY_DIR "/test-packs/good");
  CHECK(good.exit_code == 0);
  CHECK_THAT(good.out, Catch::Contains("testpack-count-people"));
}

TEST_CASE("cli: colour only when asked or on a terminal") {
  CHECK_THAT(run_cli("check tests/cli/deep.yaml").out, !Catch::Contains("\033["));
  CHECK_THAT(run_cli("check tests/cli/deep.yaml --color always").out, Catch::Contains("\033[1;31merror"));
  CHECK(run_cli("check tests/cli/deep.yaml --color sometimes").exit_code == 2);
}

TEST_CASE("cli: FORCE_COLOR and CLICOLOR_FORCE colour a pipe, NO_COLOR and --color never win over them") {
  const std::string red_error = "\033[1;31merror";
  CHECK_THAT(run_cli("check tests/cli/deep.yaml", "FORCE_COLOR=1").out, Catch::Contains(red_error));
  CHECK_THAT(run_cli("check tests/cli/deep.yaml", "CLICOLOR_FORCE=1").out, Catch::Contains(red_error));
  CHECK_THAT(run_cli("check tests/cli/deep.yaml", "FORCE_COLOR=0").out, !Catch::Contains("\033["));
  CHECK_THAT(run_cli("check tests/cli/deep.yaml", "FORCE_COLOR=1 NO_COLOR=1").out, !Catch::Contains("\033["));
  CHECK_THAT(run_cli("check tests/cli/deep.yaml --color never", "FORCE_COLOR=1").out, !Catch::Contains("\033["));
  // A report written to a file is for reading later, not for this terminal.
  const std::string file = scratch("forced-colour.txt");
  run_cli("check tests/cli/deep.yaml --output text='" + file + "'", "FORCE_COLOR=1");
  CHECK_THAT(slurp(file), Catch::Contains("error:") && !Catch::Contains("\033["));
}

TEST_CASE("cli: a .orgaudit.yaml beside the input is found and the command line wins over it") {
  namespace fs = std::filesystem;
  const orgaudit::testing::ScratchDir scratch("cli-config");  // per process: parallel runs cannot collide
  const fs::path& dir = scratch.path;
  fs::create_directories(dir / "sub");
  fs::copy_file(fs::path(ORGAUDIT_SOURCE_DIR) / "tests/cli/deep.yaml", dir / "sub" / "org.yaml");
  std::ofstream(dir / ".orgaudit.yaml") << "rules:\n  structure-hierarchy-depth:\n    options: {max-layers: 20, error-layers: 30}\n";
  CHECK(run_cli("check " + (dir / "sub" / "org.yaml").string()).exit_code == 0);
  CHECK(run_cli("check --no-config " + (dir / "sub" / "org.yaml").string()).exit_code == 1);
  CHECK(run_cli("check " + (dir / "sub" / "org.yaml").string() +
                 " --rule-option structure-hierarchy-depth.max-layers=7 --rule-option structure-hierarchy-depth.error-layers=9")
            .exit_code == 1);
  std::ofstream(dir / ".orgaudit.yaml") << "rulez: {}\n";
  CliRun bad = run_cli("check " + (dir / "sub" / "org.yaml").string());
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains(".orgaudit.yaml:1:1: error: unknown key 'rulez' in the config file; did you mean 'rules'?"));
}

TEST_CASE("cli: output files are never written through a planted symlink or over a device") {
  namespace fs = std::filesystem;
  const orgaudit::testing::ScratchDir scratch_dir("cli-unsafe-output");
  const fs::path victim = scratch_dir.path / "victim.txt";
  { std::ofstream(victim) << "precious\n"; }
  const fs::path out = scratch_dir.path / "out.html";
  // The old temporary name was predictable: a symlink there made the report overwrite its target.
  fs::create_symlink(victim, fs::path(out.string() + ".orgaudit-tmp"));
  CHECK(run_cli("report tests/cli/deep.yaml --fail-on never -o " + out.string()).exit_code == 0);
  CHECK(slurp(victim.string()) == "precious\n");
  CHECK(fs::is_regular_file(fs::symlink_status(out)));
  CHECK_THAT(slurp(out.string()), Catch::Contains("<html"));
  // No temporary file is left beside the output.
  int entries = 0;
  for (const auto& entry : fs::directory_iterator(scratch_dir.path)) { (void)entry; ++entries; }
  CHECK(entries == 3);  // victim, the planted symlink, out.html

  // A device is written to, not renamed over.
  CHECK(run_cli("check tests/cli/deep.yaml --fail-on never -o /dev/null").exit_code == 0);
  CHECK(fs::is_character_file("/dev/null"));
  CHECK(run_cli("check tests/cli/deep.yaml --fail-on never -o /dev/full").exit_code == 2);
  CHECK(fs::is_character_file("/dev/full"));
}

namespace {

// The names in `dir`, sorted.
std::vector<std::string> names_in(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

bool has_temporary(const std::filesystem::path& dir) {
  for (const std::string& name : names_in(dir))
    if (name.find(".orgaudit-tmp") != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("cli: several outputs are written all or none, '-' is standard output, a FIFO is written into") {
  namespace fs = std::filesystem;
  const orgaudit::testing::ScratchDir scratch_dir("cli-all-outputs");
  const std::string json = (scratch_dir.path / "a.json").string();
  // The second output cannot be written: the first, though ready, must not be left behind.
  CliRun r = run_cli("check tests/cli/deep.yaml -o json=" + json + " -o sarif=" + (scratch_dir.path / "no/b.sarif").string());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("no/b.sarif: error: cannot write: No such file or directory"));
  CHECK(names_in(scratch_dir.path).empty());

  r = run_cli("check tests/cli/deep.yaml --fail-on never --format json -o - -o text=" + (scratch_dir.path / "t.txt").string());
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("{"));
  CHECK(names_in(scratch_dir.path) == std::vector<std::string>{"t.txt"});

  const std::string fifo = (scratch_dir.path / "pipe").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const std::string copy = (scratch_dir.path / "copy.txt").string();
  r = run_cli("check tests/cli/deep.yaml --fail-on never -o " + fifo + " & cat '" + fifo + "' > '" + copy + "'; wait");
  CHECK(r.exit_code == 0);
  CHECK(fs::is_fifo(fifo));
  CHECK_THAT(slurp(copy), Catch::Contains("is a pass-through layer [structure-span-of-control]"));
}

TEST_CASE("cli: JSON and SARIF files are streamed as they are made, the same bytes as on standard output") {
  const orgaudit::testing::ScratchDir scratch_dir("cli-streamed-outputs");
  const std::string json = (scratch_dir.path / "a.json").string(), sarif = (scratch_dir.path / "a.sarif").string();
  const CliRun both = run_cli("check tests/cli/deep.yaml --fail-on never -o json=" + json + " -o sarif=" + sarif);
  CHECK(both.exit_code == 0);
  CHECK(slurp(json) == run_cli("check tests/cli/deep.yaml --fail-on never --format json").out);
  CHECK(slurp(sarif) == run_cli("check tests/cli/deep.yaml --fail-on never --format sarif").out);
  CHECK(names_in(scratch_dir.path) == std::vector<std::string>{"a.json", "a.sarif"});
  // A streamed document that cannot be written all the way is an error, as a whole one is.
  const CliRun full = run_cli("check tests/cli/deep.yaml --fail-on never -o json=/dev/full");
  CHECK(full.exit_code == 2);
  CHECK_THAT(full.err, Catch::Contains("/dev/full: error: cannot write"));
}

TEST_CASE("cli: SIGTERM or SIGINT during a write removes the temporary files and exits 143 or 130") {
  const orgaudit::testing::ScratchDir scratch_dir("cli-signals");
  const std::filesystem::path& dir = scratch_dir.path;
  // A FIFO with no reader as the second output: its open blocks once the first output's temporary
  // file is written, so the signal is certain to arrive while that file exists.
  const std::string fifo = (dir / "pipe").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  for (const int signal_number : {SIGTERM, SIGINT}) {
    CAPTURE(signal_number);
    const std::string out = (dir / "audit.json").string();
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::execl(ORGAUDIT_BINARY_DIR "/bin/orgaudit", "orgaudit", "check", ORGAUDIT_SOURCE_DIR "/tests/cli/deep.yaml",
              "--fail-on", "never", "-o", ("json=" + out).c_str(), "-o", ("text=" + fifo).c_str(), (char*)nullptr);
      ::_exit(127);
    }
    bool appeared = false;
    for (int waited = 0; waited < 1000 && !(appeared = has_temporary(dir)); ++waited) ::usleep(10000);
    CHECK(appeared);
    ::kill(child, signal_number);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 128 + signal_number);
    CHECK(names_in(dir) == std::vector<std::string>{"pipe"});
  }
}

TEST_CASE("cli: running out of memory is exit 2 with a message, not an abort") {
  const orgaudit::testing::ScratchDir scratch_dir("cli-out-of-memory");
  const std::string csv = (scratch_dir.path / "big.csv").string();
  { std::ofstream(csv) << "id,name,manager_id\n1," << std::string(40u << 20, 'x') << ",\n"; }
  const std::string err = (scratch_dir.path / "err").string();
  // A 90 MB address-space limit makes the 40 MB field's copies fail with std::bad_alloc: the last
  // line of defence, once the field size limit (which would refuse the value first) is raised.
  const std::string command = "cd '" ORGAUDIT_SOURCE_DIR "' && ulimit -v 90000 && '" ORGAUDIT_BINARY_DIR
                              "/bin/orgaudit' check --max-field-size 64MB '" + csv + "' >/dev/null 2>'" + err + "'";
  const int status = std::system(("sh -c \"" + command + "\"").c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  CHECK_THAT(slurp(err), Catch::Contains("orgaudit: error: out of memory"));
}

TEST_CASE("cli: a FIFO or an endless device as input, config or baseline is refused, not read forever") {
  const orgaudit::testing::ScratchDir scratch_dir("cli-irregular-inputs");
  const std::string fifo = (scratch_dir.path / "in.csv").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  for (const std::string& file : {fifo, std::string("/dev/zero")}) {
    for (const std::string& args : {"check tests/cli/clean.yaml --config " + file,
                                    "check tests/cli/clean.yaml --baseline " + file,
                                    "check tests/cli/clean.yaml --profile " + file,
                                    "check --input-format csv " + file, "check --input-format xml " + file,
                                    "check --input-format yaml " + file, "map --input-format yaml " + file,
                                    "convert --input-format csv -o - " + file}) {
      CAPTURE(args);
      CliRun r = run_cli(args);
      CHECK(r.exit_code == 2);
      CHECK_THAT(r.err, Catch::Contains(file) && Catch::Contains("not a regular file"));
    }
  }
  const std::string dir = (scratch_dir.path / "dir.xml").string();
  std::filesystem::create_directory(dir);
  for (const std::string& args : {"check " + dir, "check --input-format csv " + dir, "report " + dir,
                                  "check tests/cli/clean.yaml --config " + dir, "check tests/cli/clean.yaml --baseline " + dir,
                                  "check tests/cli/clean.yaml --profile " + dir}) {
    CAPTURE(args);
    CliRun r = run_cli(args);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains(dir + ": error: is a directory, not a file"));
  }
}
