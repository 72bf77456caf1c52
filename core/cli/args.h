// Command-line parsing for subcommands: long options declared in a table, values kept in the order
// given (so `--disable '*' --enable X` means what it says).
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace orgaudit::cli {

struct OptionDecl {
  const char* name;        // without the leading "--"
  const char* value_name;  // nullptr for a flag
  const char* help;
  char short_name = 0;  // a one-letter alias (`-o` for `--output`), where a command declares one
};

// Bad usage: exit code 2, message printed as "orgaudit: error: ...".
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ParsedArgs {
 public:
  std::vector<std::pair<std::string, std::string>> options;  // in command-line order
  std::vector<std::string> positional;

  bool has(const std::string& name) const;
  // The last value given for an option, or `fallback`.
  std::string last(const std::string& name, const std::string& fallback = "") const;
  std::vector<std::string> all(const std::string& name) const;
};

// Accepts `--name value`, `--name=value`, flags, and `--` to end options. Unknown options fail with
// a did-you-mean.
ParsedArgs parse_args(const std::vector<std::string>& args, const std::vector<OptionDecl>& decls);

std::string format_options_help(const std::vector<OptionDecl>& decls);

}  // namespace orgaudit::cli
