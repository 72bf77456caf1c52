// End-to-end tests of the orgaudit binary: exit codes, messages, outputs.
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace {

struct Run {
  int exit_code;
  std::string out;
  std::string err;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs the built binary from the source tree (so paths in messages are repository-relative).
Run orgaudit(const std::string& arguments, const std::string& environment = "") {
  const std::string err_file = (std::filesystem::temp_directory_path() / "orgaudit-cli-test.err").string();
  const std::string command = "cd '" ORGAUDIT_SOURCE_DIR "' && env " + environment + " '" ORGAUDIT_BINARY_DIR
                              "/bin/orgaudit' " + arguments + " 2>'" + err_file + "' </dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int status = ::pclose(pipe);
  return Run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, out, slurp(err_file)};
}

std::string scratch(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("orgaudit-cli-" + name)).string();
}

}  // namespace

TEST_CASE("cli: exit 0 when nothing reaches --fail-on") {
  Run r = orgaudit("check tests/cli/clean.yaml");
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK_THAT(r.out, Catch::Contains("0 findings") && Catch::Contains("Org score 100/100"));
}

TEST_CASE("cli: exit 1 on errors, with file:line:col findings") {
  Run r = orgaudit("check tests/cli/deep.yaml");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::Contains("tests/cli/deep.yaml:13:5: warning: 'Eight' is 8 layers below the root (max 7) "
                                    "[structure-hierarchy-depth]"));
  // The untrusted name stays on one line: the newline is shown escaped.
  CHECK_THAT(r.out, Catch::Contains("tests/cli/deep.yaml:14:5: error: 'Dana \"DL\" Li <script>alert(1)</script>\\nsecond line 👩‍💻' is 9 layers"));
}

TEST_CASE("cli: --fail-on moves the threshold") {
  CHECK(orgaudit("check tests/cli/deep.yaml --fail-on never").exit_code == 0);
  CHECK(orgaudit("check tests/cli/clean.yaml --fail-on info").exit_code == 0);
  CHECK(orgaudit("check tests/cli/deep.yaml --disable structure-hierarchy-depth --fail-on error").exit_code == 0);
  CHECK(orgaudit("check tests/cli/deep.yaml --disable structure-hierarchy-depth --fail-on warning").exit_code == 1);
  Run bad = orgaudit("check tests/cli/deep.yaml --fail-on sometimes");
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains("--fail-on expects error, warning, info or never"));
}

TEST_CASE("cli: --min-score fails a low score") {
  CHECK(orgaudit("check tests/cli/deep.yaml --fail-on never --min-score 99").exit_code == 1);
  CHECK(orgaudit("check tests/cli/clean.yaml --min-score 99").exit_code == 0);
  CHECK(orgaudit("check tests/cli/clean.yaml --min-score 101").exit_code == 2);
}

TEST_CASE("cli: rule options and selections") {
  Run r = orgaudit("check tests/cli/deep.yaml --rule-option structure-hierarchy-depth.max-layers=20 "
                   "--rule-option structure-hierarchy-depth.error-layers=30 --fail-on error");
  CHECK(r.exit_code == 0);
  Run typo = orgaudit("check tests/cli/deep.yaml --rule-option structure-hierarchy-depth.max-layer=3");
  CHECK(typo.exit_code == 2);
  CHECK_THAT(typo.err, Catch::Contains("did you mean 'max-layers'"));
  Run wrong_type = orgaudit("check tests/cli/deep.yaml --rule-option structure-hierarchy-depth.max-layers=deep");
  CHECK(wrong_type.exit_code == 2);
  CHECK_THAT(wrong_type.err, Catch::Contains("expects an integer"));
  Run unknown = orgaudit("check tests/cli/deep.yaml --enable structure-hierarchy-dept");
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Catch::Contains("did you mean 'structure-hierarchy-depth'"));
  Run only = orgaudit("check tests/cli/deep.yaml --disable '*' --enable structure-single-report-manager --quiet");
  CHECK(only.exit_code == 0);
  CHECK_THAT(only.out, Catch::Contains("[structure-single-report-manager]"));
  CHECK_THAT(only.out, !Catch::Contains("[structure-hierarchy-depth]"));
}

TEST_CASE("cli: json output carries the same findings") {
  Run text = orgaudit("check tests/cli/deep.yaml --quiet");
  Run json = orgaudit("check tests/cli/deep.yaml --format json");
  CHECK(json.exit_code == 1);
  CHECK_THAT(json.out, Catch::StartsWith("{\n  \"schema\": \"orgaudit-report\",\n  \"version\": 1"));
  CHECK_THAT(json.out, Catch::Contains("\"rule\": \"structure-hierarchy-depth\"") &&
                           Catch::Contains("\\u003cscript\\u003e") && Catch::Contains("\"fingerprint\": \"v1:"));
  std::size_t text_lines = 0, json_findings = 0;
  for (char c : text.out) text_lines += c == '\n';
  for (std::size_t at = 0; (at = json.out.find("\"fingerprint\": \"", at)) != std::string::npos; ++at) ++json_findings;
  CHECK(json_findings == text_lines);
}

TEST_CASE("cli: --output writes files, several formats in one run") {
  const std::string text = scratch("out.txt"), json = scratch("out.json");
  std::filesystem::remove(text);
  std::filesystem::remove(json);
  Run r = orgaudit("check tests/cli/deep.yaml --output text=" + text + " --output json=" + json);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK_THAT(slurp(text), Catch::Contains("[structure-hierarchy-depth]"));
  CHECK_THAT(slurp(json), Catch::Contains("\"schema\": \"orgaudit-report\""));
}

TEST_CASE("cli: unreadable input exits 2 with file:line:col and writes nothing") {
  const std::string out = scratch("never-written.json");
  std::filesystem::remove(out);
  Run r = orgaudit("check tests/cli/malformed.yaml --format json --output " + out);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::StartsWith("tests/cli/malformed.yaml:") && Catch::Contains(": error: "));
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK(r.out.empty());

  Run missing = orgaudit("check tests/cli/no-such-file.yaml");
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::Contains("tests/cli/no-such-file.yaml: error: No such file or directory"));

  Run directory = orgaudit("check tests/cli.yaml tests/cli");
  CHECK(directory.exit_code == 2);

  Run format = orgaudit("check README.md");
  CHECK(format.exit_code == 2);
  CHECK_THAT(format.err, Catch::Contains("cannot tell the input format"));
}

TEST_CASE("cli: usage errors exit 2 with a hint") {
  Run none = orgaudit("");
  CHECK(none.exit_code == 2);
  CHECK_THAT(none.err, Catch::Contains("Usage: orgaudit <command>"));
  Run typo = orgaudit("chek tests/cli/clean.yaml");
  CHECK(typo.exit_code == 2);
  CHECK_THAT(typo.err, Catch::Contains("did you mean 'check'"));
  Run no_files = orgaudit("check");
  CHECK(no_files.exit_code == 2);
  Run bad_option = orgaudit("check tests/cli/clean.yaml --fromat json");
  CHECK(bad_option.exit_code == 2);
  CHECK_THAT(bad_option.err, Catch::Contains("did you mean '--format'"));
  Run bad_format = orgaudit("check tests/cli/clean.yaml --format yaml");
  CHECK(bad_format.exit_code == 2);
}

TEST_CASE("cli: help, version and rules") {
  Run help = orgaudit("check --help");
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("Examples:") && Catch::Contains("--fail-on"));
  Run version = orgaudit("--version");
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, Catch::StartsWith("orgaudit ") && Catch::Contains("rule pack API 1"));
  Run rules = orgaudit("rules");
  CHECK(rules.exit_code == 0);
  CHECK_THAT(rules.out, Catch::Contains("structure-span-of-control") && Catch::Contains("min-span=4"));
  Run explain = orgaudit("rules --explain structure-span-of-control");
  CHECK(explain.exit_code == 0);
  CHECK_THAT(explain.out, Catch::Contains("max-span (integer, default 15)"));
  Run unknown = orgaudit("rules --explain structure-span");
  CHECK(unknown.exit_code == 2);
}

TEST_CASE("cli: plugin problems exit 2") {
  Run missing_dir = orgaudit("rules --plugin-dir /nonexistent-plugins");
  CHECK(missing_dir.exit_code == 2);
  CHECK_THAT(missing_dir.err, Catch::Contains("plugin directory '/nonexistent-plugins' not found"));
  Run env_dir = orgaudit("rules", "ORGAUDIT_PLUGIN_PATH=" ORGAUDIT_BINARY_DIR "/test-packs/wrong_version");
  CHECK(env_dir.exit_code == 2);
  CHECK_THAT(env_dir.err, Catch::Contains("plugin API version 42"));
  Run good = orgaudit("rules --plugin-dir " ORGAUDIT_BINARY_DIR "/test-packs/good");
  CHECK(good.exit_code == 0);
  CHECK_THAT(good.out, Catch::Contains("testpack-count-people"));
}

TEST_CASE("cli: colour only when asked or on a terminal") {
  CHECK_THAT(orgaudit("check tests/cli/deep.yaml").out, !Catch::Contains("\033["));
  CHECK_THAT(orgaudit("check tests/cli/deep.yaml --color always").out, Catch::Contains("\033[1;31merror"));
  CHECK(orgaudit("check tests/cli/deep.yaml --color sometimes").exit_code == 2);
}

TEST_CASE("cli: a .orgaudit.yaml beside the input is found and the command line wins over it") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "orgaudit-cli-config";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  fs::copy_file(fs::path(ORGAUDIT_SOURCE_DIR) / "tests/cli/deep.yaml", dir / "sub" / "org.yaml");
  std::ofstream(dir / ".orgaudit.yaml") << "rules:\n  structure-hierarchy-depth:\n    options: {max-layers: 20, error-layers: 30}\n";
  CHECK(orgaudit("check " + (dir / "sub" / "org.yaml").string()).exit_code == 0);
  CHECK(orgaudit("check --no-config " + (dir / "sub" / "org.yaml").string()).exit_code == 1);
  CHECK(orgaudit("check " + (dir / "sub" / "org.yaml").string() +
                 " --rule-option structure-hierarchy-depth.max-layers=7 --rule-option structure-hierarchy-depth.error-layers=9")
            .exit_code == 1);
  std::ofstream(dir / ".orgaudit.yaml") << "rulez: {}\n";
  Run bad = orgaudit("check " + (dir / "sub" / "org.yaml").string());
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains(".orgaudit.yaml:1:1: error: unknown key 'rulez' in the config file; did you mean 'rules'?"));
  fs::remove_all(dir);
}
