#include "cli/terminal.h"

#include <catch2/catch.hpp>
#include <map>

#include "cli/args.h"

using namespace orgaudit::cli;

namespace {

Environment environment(std::map<std::string, std::string> variables) {
  return [variables = std::move(variables)](const char* name) -> const char* {
    auto it = variables.find(name);
    return it == variables.end() ? nullptr : it->second.c_str();
  };
}

}  // namespace

TEST_CASE("terminal: auto colours a terminal unless NO_COLOR or TERM=dumb says otherwise", "[terminal]") {
  CHECK(wants_colour("auto", true, true, environment({{"TERM", "xterm-256color"}})));
  CHECK_FALSE(wants_colour("auto", true, false, environment({})));
  CHECK_FALSE(wants_colour("auto", true, true, environment({{"TERM", "dumb"}})));
  CHECK_FALSE(wants_colour("auto", true, true, environment({{"NO_COLOR", "1"}})));
  // no-color.org: set and not empty; an empty NO_COLOR is as good as unset.
  CHECK(wants_colour("auto", true, true, environment({{"NO_COLOR", ""}})));
}

TEST_CASE("terminal: FORCE_COLOR and CLICOLOR_FORCE colour a pipe and a dumb terminal, not a file", "[terminal]") {
  CHECK(wants_colour("auto", true, false, environment({{"FORCE_COLOR", "1"}})));
  CHECK(wants_colour("auto", true, false, environment({{"CLICOLOR_FORCE", "1"}})));
  CHECK(wants_colour("auto", true, true, environment({{"FORCE_COLOR", "3"}, {"TERM", "dumb"}})));
  CHECK_FALSE(wants_colour("auto", true, false, environment({{"FORCE_COLOR", "0"}})));
  CHECK_FALSE(wants_colour("auto", true, false, environment({{"CLICOLOR_FORCE", "0"}})));
  CHECK_FALSE(wants_colour("auto", true, false, environment({{"FORCE_COLOR", "1"}, {"NO_COLOR", "1"}})));
  CHECK_FALSE(wants_colour("auto", false, false, environment({{"FORCE_COLOR", "1"}})));
}

TEST_CASE("terminal: --color always and never decide alone, another value is a usage error", "[terminal]") {
  CHECK(wants_colour("always", false, false, environment({{"NO_COLOR", "1"}, {"TERM", "dumb"}})));
  CHECK_FALSE(wants_colour("never", true, true, environment({{"FORCE_COLOR", "1"}})));
  CHECK_THROWS_AS(wants_colour("sometimes", true, true, environment({})), UsageError);
}

TEST_CASE("terminal: progress needs a terminal that takes escapes", "[terminal]") {
  CHECK(terminal_takes_escapes(environment({})));
  CHECK(terminal_takes_escapes(environment({{"TERM", "xterm"}})));
  CHECK_FALSE(terminal_takes_escapes(environment({{"TERM", "dumb"}})));
}
