#include "cli/session.h"

#include "cli/terminal.h"
#include "config/config.h"
#include <filesystem>
#include "loader/input_formats.h"
#include "util/diagnostic.h"

namespace orgaudit::cli {

const std::vector<OptionDecl> kPluginOptions{
    {"plugin", "FILE", "load a rule pack file (repeatable)"},
    {"plugin-dir", "DIR", "load every orgaudit-*.so in DIR (repeatable); also $ORGAUDIT_PLUGIN_PATH"},
};

const std::vector<OptionDecl> kInputOptions{
    {"input-format", "FORMAT", "read the inputs as FORMAT instead of guessing from their extension"},
};

const std::vector<OptionDecl> kConfigOptions{
    {"config", "FILE", "read settings from FILE instead of the nearest .orgaudit.yaml above the first input"},
    {"no-config", nullptr, "ignore any .orgaudit.yaml"},
};

Config load_run_config(const ParsedArgs& args, const CliContext& context) {
  if (args.has("no-config")) return Config{};
  std::string path = args.last("config");
  if (path.empty() && !args.positional.empty()) {
    const std::filesystem::path first(args.positional.front());
    path = find_config(first.has_parent_path() ? first.parent_path().string() : ".");
  }
  return path.empty() ? Config{} : load_config(context.files, path);
}

LoadOptions load_options(const ParsedArgs& args, const Config& config) {
  LoadOptions options;
  options.input_format = args.last("input-format", config.input.format);
  return options;
}

void load_packs(const ParsedArgs& args, const CliContext& context, PluginHost& host, RuleCatalog& catalog) {
  for (const std::string& file : args.all("plugin")) host.load_file(file, catalog);
  const char* environment = context.getenv("ORGAUDIT_PLUGIN_PATH");
  for (const std::string& dir : PluginHost::search_path(args.all("plugin-dir"), environment))
    host.load_directory(dir, catalog);
  const std::string installed = PluginHost::installed_directory();
  if (installed.empty())
    throw PluginError(PluginError::file_not_found, "cannot locate the built-in rule packs (/proc/self/exe unreadable)");
  host.load_directory(installed, catalog);
}

std::unique_ptr<LoadedOrg> load_org(const std::vector<std::string>& inputs, const LoadOptions& options,
                                    const CliContext& context, Progress& progress) {
  auto loaded = std::make_unique<LoadedOrg>();
  std::vector<Diagnostic> warnings;
  // Every input's format is settled before any is read, so a typo in the last name fails fast.
  std::vector<const InputFormat*> formats;
  for (const std::string& input : inputs) formats.push_back(&input_format_for(input, options));
  for (std::size_t i = 0; i < inputs.size(); ++i)
    formats[i]->load(context.files, inputs[i], options, loaded->org, warnings, progress);
  for (const Diagnostic& w : warnings) context.err << w.format("warning") << "\n";
  progress.update("resolving references", 0, 0);
  loaded->org.resolve();
  progress.update("computing graph metrics", 0, 0);
  loaded->metrics = OrgMetrics::compute(loaded->org);
  return loaded;
}

std::unique_ptr<Progress> make_progress(const CliContext& context) {
  if (context.stderr_is_terminal) return std::make_unique<TerminalProgress>(context.err);
  return std::make_unique<NoProgress>();
}

}  // namespace orgaudit::cli
