// Shell completions and the man page against the parser's own tables: every command and every
// option a command accepts appears in each completion script and in docs/orgaudit.1, and the scripts
// complete as a user's shell would (bash called the way `complete -F` calls it, fish's complete -C).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "cli/commands.h"
#include "cli_runner.h"
#include "golden/output_runs.h"

using namespace orgaudit::testing;
using orgaudit::cli::accepted_options;
using orgaudit::cli::commands;
using orgaudit::cli::Command;
using orgaudit::cli::OptionDecl;

namespace {

std::string completion_script(const std::string& shell) {
  const CliRun run = run_orgaudit("completion " + shell);
  REQUIRE(run.exit_code == 0);
  const std::string path = scratch_path("completion." + shell);
  std::ofstream(path) << run.out;
  return path;
}

// The words bash offers for the command line `words` (the last one being completed).
std::string bash_completes(const std::string& script, const std::string& words) {
  const CommandRun run = run_command("bash --norc -c 'source " + script + "; COMP_WORDS=(orgaudit " + words +
                                     "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _orgaudit; printf \"%s\\n\" \"${COMPREPLY[@]}\"'");
  REQUIRE(run.exit_code == 0);
  return run.output;
}

// "--name" and "-x", spelled as `style` writes them: "--" for bash, zsh and roff ("\-\-" for roff).
std::vector<std::string> spellings(const OptionDecl& o, const std::string& dash) {
  std::vector<std::string> out;
  std::string name = o.name;
  if (dash != "-")
    for (std::size_t at = 0; (at = name.find('-', at)) != std::string::npos; at += dash.size()) name.replace(at, 1, dash);
  out.push_back(dash + dash + name);
  if (o.short_name) out.push_back(dash + std::string(1, o.short_name));
  return out;
}

}  // namespace

TEST_CASE("completion: every command and option of the parser's tables is in each shell's script", "[completion]") {
  for (const char* shell : {"bash", "zsh", "fish"}) {
    const std::string script = read_file(completion_script(shell));
    for (const Command& c : commands()) {
      INFO(shell << ": " << c.name);
      CHECK_THAT(script, Catch::Contains(std::string(" ") + c.name));
      for (const OptionDecl& o : accepted_options(c)) {
        INFO("--" << o.name);
        if (std::string(shell) == "fish") {
          CHECK_THAT(script, Catch::Contains(std::string("'__fish_seen_subcommand_from ") + c.name + "'" +
                                             (o.short_name ? std::string(" -s ") + o.short_name : "") + " -l " + o.name));
        } else {
          for (const std::string& s : spellings(o, "-")) CHECK_THAT(script, Catch::Contains(s));
        }
      }
    }
  }
  CHECK(run_orgaudit("completion tcsh").exit_code == 2);
}

// Runs of spaces and line breaks as one space, as a rendered page reflows them.
std::string collapsed(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  return out;
}

TEST_CASE("completion: every command and option is in the man page, with its help", "[completion]") {
  const std::string man = read_file(ORGAUDIT_SOURCE_DIR "/docs/orgaudit.1");
  require_tool("groff", "groff-base");
  // Rendered on one endless line without hyphenation, so the page's text can be matched whole.
  const CommandRun page = run_command("groff -man -Tutf8 -rLL=20000n -rHY=0 -P-cbou docs/orgaudit.1");
  REQUIRE(page.exit_code == 0);
  const std::string text = collapsed(page.output);
  for (const Command& c : commands()) {
    INFO(c.name);
    CHECK_THAT(man, Catch::Contains(std::string(".SS \"orgaudit ") + c.name + " "));
    for (const OptionDecl& o : accepted_options(c)) {
      for (const std::string& s : spellings(o, "\\-")) CHECK_THAT(man, Catch::Contains("\\fB" + s + "\\fR"));
      CHECK_THAT(text, Catch::Contains(collapsed(o.help)));
    }
  }
  const CommandRun lint = run_command("groff -man -ww -z docs/orgaudit.1");
  INFO(lint.output);
  CHECK(lint.exit_code == 0);
  CHECK(lint.output.empty());
}

TEST_CASE("completion: bash completes commands, options and their values", "[completion]") {
  require_tool("bash", "bash");
  const std::string script = completion_script("bash");
  CHECK(bash_completes(script, "ch") == "check\n");
  CHECK(bash_completes(script, "-") == "--help\n-h\n--version\n-V\n");
  CHECK(bash_completes(script, "check --fo") == "--format\n");
  CHECK(bash_completes(script, "check --format s") == "sarif\n");
  CHECK(bash_completes(script, "check --fail-on w") == "warning\n");
  CHECK(bash_completes(script, "check --profile rendanheyi-") == "rendanheyi-strict\n");
  CHECK(bash_completes(script, "diff --al") == "--allow-unrelated\n");
  CHECK(bash_completes(script, "completion f") == "fish\n");
  // A FILE value and an argument complete as file names.
  CHECK(bash_completes(script, "check -o samples/tradi") == "samples/traditional\n");
  CHECK(bash_completes(script, "check samples/rendanheyi/org.y") == "samples/rendanheyi/org.yaml\n");
}

TEST_CASE("completion: fish completes from the script, zsh reads it", "[completion]") {
  require_tool("fish", "fish");
  const std::string fish = completion_script("fish");
  const CommandRun options = run_command("fish --no-config -c 'source " + fish + "; complete -C \"orgaudit check --fo\"'");
  CHECK_THAT(options.output, Catch::StartsWith("--format\toutput format"));
  const CommandRun shells = run_command("fish --no-config -c 'source " + fish + "; complete -C \"orgaudit completion \"'");
  CHECK(shells.output == "bash\nfish\nzsh\n");
  const CommandRun formats = run_command("fish --no-config -c 'source " + fish + "; complete -C \"orgaudit check --format j\"'");
  CHECK_THAT(formats.output, Catch::Contains("json\t") && Catch::Contains("junit\t"));
  require_tool("zsh", "zsh");
  const CommandRun zsh = run_command("zsh -n " + completion_script("zsh"));
  INFO(zsh.output);
  CHECK(zsh.exit_code == 0);
}

TEST_CASE("completion: zsh completes commands, options and values in an interactive shell", "[completion]") {
  require_tool("zsh", "zsh");
  // zsh loads _orgaudit from a directory on fpath, as from /usr/share/zsh/vendor-completions.
  const std::string dir = scratch_path("zsh-completions");
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/_orgaudit") << run_orgaudit("completion zsh").out;
  auto zsh_shows = [&](const std::string& words) {
    return run_command("TERM=xterm zsh -f tests/integrations/zsh_completes.zsh '" + dir + "' '" + words + "'").output;
  };
  CHECK_THAT(zsh_shows("orgaudit completion "), Catch::Contains("bash  fish  zsh"));
  const std::string levels = zsh_shows("orgaudit check --fail-on ");
  CHECK_THAT(levels, Catch::Contains("error") && Catch::Contains("warning") && Catch::Contains("never"));
  CHECK_THAT(zsh_shows("orgaudit diff --allow-u"), Catch::Contains("orgaudit diff --allow-unrelated"));
  std::filesystem::remove_all(dir);
}
