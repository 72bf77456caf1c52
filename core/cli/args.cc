#include "cli/args.h"

#include <algorithm>

#include "util/text.h"

namespace orgaudit::cli {

bool ParsedArgs::has(const std::string& name) const {
  return std::any_of(options.begin(), options.end(), [&](const auto& o) { return o.first == name; });
}

std::string ParsedArgs::last(const std::string& name, const std::string& fallback) const {
  for (auto it = options.rbegin(); it != options.rend(); ++it)
    if (it->first == name) return it->second;
  return fallback;
}

std::vector<std::string> ParsedArgs::all(const std::string& name) const {
  std::vector<std::string> values;
  for (const auto& [key, value] : options)
    if (key == name) values.push_back(value);
  return values;
}

ParsedArgs parse_args(const std::vector<std::string>& args, const std::vector<OptionDecl>& decls) {
  ParsedArgs parsed;
  bool options_ended = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_ended || arg.size() < 2 || arg[0] != '-' || arg == "-") {
      parsed.positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    std::string name;
    if (arg.rfind("--", 0) == 0) {
      name = arg.substr(2);
    } else if (auto alias = std::find_if(decls.begin(), decls.end(), [&](const OptionDecl& d) {
                 return arg.size() == 2 && d.short_name != 0 && d.short_name == arg[1]; });
               alias != decls.end()) {
      name = alias->name;
    } else {
      throw UsageError("unknown option '" + arg + "' (options are spelled --name)");
    }
    std::string value;
    bool has_inline_value = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_inline_value = true;
    }
    auto decl = std::find_if(decls.begin(), decls.end(), [&](const OptionDecl& d) { return name == d.name; });
    if (decl == decls.end()) {
      std::vector<std::string> names;
      for (const OptionDecl& d : decls) names.emplace_back(d.name);
      std::string near = did_you_mean(name, names);
      throw UsageError("unknown option '--" + name + "'" + (near.empty() ? "" : "; did you mean '--" + near + "'?"));
    }
    if (!decl->value_name) {
      if (has_inline_value) throw UsageError("option '--" + name + "' takes no value");
    } else if (!has_inline_value) {
      if (i + 1 >= args.size())
        throw UsageError("option '--" + name + "' needs a value (" + decl->value_name + ")");
      value = args[++i];
    }
    parsed.options.emplace_back(name, value);
  }
  return parsed;
}

std::string format_options_help(const std::vector<OptionDecl>& decls) {
  std::string out;
  for (const OptionDecl& d : decls) {
    std::string left = std::string("  ") + (d.short_name ? std::string("-") + d.short_name + ", " : "") + "--" + d.name +
                       (d.value_name ? std::string(" ") + d.value_name : "");
    if (left.size() < 30) left.resize(30, ' ');
    else left += "\n" + std::string(30, ' ');
    out += left + d.help + "\n";
  }
  return out;
}

}  // namespace orgaudit::cli
