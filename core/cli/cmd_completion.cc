// `orgaudit completion bash|zsh|fish`: the shell completion script, made from the command table and
// each command's accepted options (the parser's own tables), so a new option completes the day it
// is added. Option values complete from the tables that check them where there is one (formats,
// input formats, profiles), as files where the value is a file or directory, and not at all
// otherwise.
#include <algorithm>

#include "cli/commands.h"
#include "config/profile.h"
#include "loader/input_formats.h"
#include "report.h"

namespace orgaudit::cli {
namespace {

// What the value of an option completes to.
struct ValueCompletion {
  enum Kind { none, words, files, directories } kind = none;
  std::vector<std::string> choices;  // for words
};

std::vector<std::string> profile_names(const FileSystem& files) {
  std::vector<std::string> names;
  for (const Profile& p : list_profiles(files, profile_directories())) names.push_back(p.name);
  std::sort(names.begin(), names.end());
  return names;
}

const std::vector<std::string> kShells{"bash", "fish", "zsh"};

// What a command's arguments (not its options' values) complete to: files, but for `completion`.
ValueCompletion argument_completion(const Command& command) {
  if (std::string(command.name) == "completion") return {ValueCompletion::words, kShells};
  return {ValueCompletion::files, {}};
}

ValueCompletion value_completion(const Command& command, const OptionDecl& option, const std::vector<std::string>& profiles) {
  const std::string name = option.name, value = option.value_name ? option.value_name : "";
  const std::string command_name = command.name;
  if (name == "format" && (command_name == "check" || command_name == "report")) {
    ValueCompletion formats{ValueCompletion::words, {}};
    for (const OutputFormat& f : output_formats()) formats.choices.emplace_back(f.name);
    return formats;
  }
  if (name == "input-format") {
    ValueCompletion formats{ValueCompletion::words, {}};
    for (const InputFormat& f : input_formats()) formats.choices.emplace_back(f.name);
    return formats;
  }
  if (name == "profile") return {ValueCompletion::words, profiles};
  if (name == "fail-on") return {ValueCompletion::words, {"error", "warning", "info", "never"}};
  if (name == "color") return {ValueCompletion::words, {"auto", "always", "never"}};
  if (value.find("DIR") != std::string::npos) return {ValueCompletion::directories, {}};
  if (value.find("FILE") != std::string::npos) return {ValueCompletion::files, {}};
  return {};
}

std::string joined(const std::vector<std::string>& words, const std::string& separator = " ") {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : separator) + w;
  return out;
}

// The words of a command line that name an option: "--name" and "-x".
std::vector<std::string> spellings(const OptionDecl& option) {
  std::vector<std::string> out{std::string("--") + option.name};
  if (option.short_name) out.push_back(std::string("-") + option.short_name);
  return out;
}

// Single-quoted for any of the three shells (none expands inside single quotes).
std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string bash_script(const std::vector<std::string>& profiles) {
  std::string global_words;
  for (const OptionDecl& o : kGlobalOptions) global_words += " " + joined(spellings(o));
  std::string command_words, option_cases, value_cases;
  for (const Command& c : commands()) {
    command_words += std::string(command_words.empty() ? "" : " ") + c.name;
    std::vector<std::string> words;
    for (const OptionDecl& o : accepted_options(c)) {
      for (const std::string& s : spellings(o)) words.push_back(s);
      if (!o.value_name) continue;
      const ValueCompletion v = value_completion(c, o, profiles);
      std::vector<std::string> patterns;
      for (const std::string& s : spellings(o)) patterns.push_back(std::string(c.name) + ":" + s);
      std::string action = "COMPREPLY=()";
      if (v.kind == ValueCompletion::words) action = "COMPREPLY=($(compgen -W " + shell_quoted(joined(v.choices)) + " -- \"$cur\"))";
      if (v.kind == ValueCompletion::files) action = "COMPREPLY=($(compgen -f -- \"$cur\"))";
      if (v.kind == ValueCompletion::directories) action = "COMPREPLY=($(compgen -d -- \"$cur\"))";
      value_cases += "    " + joined(patterns, "|") + ") " + action + "; return ;;\n";
    }
    const ValueCompletion arguments = argument_completion(c);
    option_cases += std::string("    ") + c.name + ") options=" + shell_quoted(joined(words)) +
                    (arguments.kind == ValueCompletion::words ? " arguments=" + shell_quoted(joined(arguments.choices)) : "") + " ;;\n";
  }
  return "# bash completion for orgaudit, made by 'orgaudit completion bash' from its command and option tables.\n"
         "# Install: orgaudit completion bash > /usr/share/bash-completion/completions/orgaudit\n"
         "_orgaudit() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} command=${COMP_WORDS[1]} options arguments\n"
         "  if [[ $COMP_CWORD -eq 1 ]]; then\n"
         "    COMPREPLY=($(compgen -W " + shell_quoted(command_words + global_words) + " -- \"$cur\"))\n"
         "    return\n"
         "  fi\n"
         "  case \"$command:$prev\" in\n" + value_cases +
         "  esac\n"
         "  case \"$command\" in\n" + option_cases +
         "    *) return ;;\n"
         "  esac\n"
         "  if [[ $cur == -* ]]; then\n"
         "    COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
         "  elif [[ -n $arguments ]]; then\n"
         "    COMPREPLY=($(compgen -W \"$arguments\" -- \"$cur\"))\n"
         "  else\n"
         "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
         "  fi\n"
         "}\n"
         "complete -o filenames -F _orgaudit orgaudit\n";
}

// zsh's _arguments specs put the help in [...] and the value after ':'.
std::string zsh_escaped(const std::string& help) {
  std::string out;
  for (char c : help) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string zsh_action(const ValueCompletion& v) {
  switch (v.kind) {
    case ValueCompletion::words: return "(" + joined(v.choices) + ")";
    case ValueCompletion::files: return "_files";
    case ValueCompletion::directories: return "_files -/";
    case ValueCompletion::none: break;
  }
  return " ";
}

std::string zsh_script(const std::vector<std::string>& profiles) {
  std::string command_specs, command_cases;
  for (const Command& c : commands()) {
    command_specs += "    " + shell_quoted(std::string(c.name) + ":" + zsh_escaped(c.summary)) + "\n";
    command_cases += std::string("    ") + c.name + ")\n      _arguments -s \\\n";
    for (const OptionDecl& o : accepted_options(c)) {
      for (const std::string& s : spellings(o)) {
        // Every option may be given again (the parser keeps them all, in order).
        std::string spec = "*" + s + "[" + zsh_escaped(o.help) + "]";
        if (o.value_name) spec += ":" + zsh_escaped(o.value_name) + ":" + zsh_action(value_completion(c, o, profiles));
        command_cases += "        " + shell_quoted(spec) + " \\\n";
      }
    }
    const ValueCompletion arguments = argument_completion(c);
    command_cases += "        " + shell_quoted("*:" + std::string(arguments.kind == ValueCompletion::words ? "shell" : "file") + ":" +
                                       zsh_action(arguments)) + " ;;\n";
  }
  std::string global_specs;
  for (const OptionDecl& o : kGlobalOptions)
    for (const std::string& s : spellings(o)) global_specs += " " + shell_quoted(s + "[" + zsh_escaped(o.help) + "]");
  return "#compdef orgaudit\n"
         "# zsh completion for orgaudit, made by 'orgaudit completion zsh' from its command and option tables.\n"
         "# Install: orgaudit completion zsh > /usr/share/zsh/vendor-completions/_orgaudit\n"
         "_orgaudit() {\n"
         "  local -a commands\n"
         "  commands=(\n" + command_specs +
         "  )\n"
         "  if (( CURRENT == 2 )); then\n"
         "    _describe -t commands 'orgaudit command' commands\n"
         "    _arguments" + global_specs + "\n"
         "    return\n"
         "  fi\n"
         "  local command=$words[2]\n"
         "  shift words\n"
         "  (( CURRENT-- ))\n"
         "  case $command in\n" + command_cases +
         "  esac\n"
         "}\n"
         "_orgaudit \"$@\"\n";
}

std::string fish_script(const std::vector<std::string>& profiles) {
  std::string out =
      "# fish completion for orgaudit, made by 'orgaudit completion fish' from its command and option tables.\n"
      "# Install: orgaudit completion fish > /usr/share/fish/vendor_completions.d/orgaudit.fish\n"
      "complete -c orgaudit -f\n";
  for (const OptionDecl& o : kGlobalOptions)
    out += std::string("complete -c orgaudit -n __fish_use_subcommand -s ") + o.short_name + " -l " + o.name + " -d " +
           shell_quoted(o.help) + "\n";
  for (const Command& c : commands())
    out += std::string("complete -c orgaudit -n __fish_use_subcommand -a ") + c.name + " -d " + shell_quoted(c.summary) + "\n";
  for (const Command& c : commands()) {
    const std::string when = std::string("complete -c orgaudit -n '__fish_seen_subcommand_from ") + c.name + "'";
    const ValueCompletion arguments = argument_completion(c);
    out += when + (arguments.kind == ValueCompletion::words ? " -a " + shell_quoted(joined(arguments.choices)) : " -F") + "\n";
    for (const OptionDecl& o : accepted_options(c)) {
      out += when + (o.short_name ? std::string(" -s ") + o.short_name : "") + " -l " + o.name;
      if (o.value_name) {
        const ValueCompletion v = value_completion(c, o, profiles);
        out += " -r";
        if (v.kind == ValueCompletion::words) out += " -f -a " + shell_quoted(joined(v.choices));
        if (v.kind == ValueCompletion::files) out += " -F";
        if (v.kind == ValueCompletion::directories) out += " -f -a '(__fish_complete_directories)'";
      }
      out += " -d " + shell_quoted(o.help) + "\n";
    }
  }
  return out;
}

// The profiles offered for --profile are those installed when the script is made.
std::string script_for(const std::string& shell, const std::vector<std::string>& profiles) {
  if (shell == "bash") return bash_script(profiles);
  if (shell == "zsh") return zsh_script(profiles);
  return fish_script(profiles);
}

}  // namespace

int run_completion(const ParsedArgs& args, CliContext& context) {
  if (args.positional.size() != 1 || std::find(kShells.begin(), kShells.end(), args.positional.front()) == kShells.end())
    throw UsageError("completion needs one shell: bash, zsh or fish (e.g. 'orgaudit completion bash')");
  context.out << script_for(args.positional.front(), profile_names(context.files));
  return kExitClean;
}

}  // namespace orgaudit::cli
