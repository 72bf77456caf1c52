#include "cli/session.h"

#include "cli/terminal.h"
#include "loader/yaml_loader.h"
#include "util/diagnostic.h"

namespace orgaudit::cli {

const std::vector<OptionDecl> kPluginOptions{
    {"plugin", "FILE", "load a rule pack file (repeatable)"},
    {"plugin-dir", "DIR", "load every orgaudit-*.so in DIR (repeatable); also $ORGAUDIT_PLUGIN_PATH"},
};

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

std::unique_ptr<LoadedOrg> load_org(const std::vector<std::string>& inputs, const CliContext& context,
                                    Progress& progress) {
  auto loaded = std::make_unique<LoadedOrg>();
  std::vector<Diagnostic> warnings;
  for (const std::string& input : inputs) {
    const auto dot = input.find_last_of('.');
    const std::string extension = dot == std::string::npos ? "" : input.substr(dot + 1);
    if (extension != "yaml" && extension != "yml")
      throw InputError(Diagnostic{input, 0, 0, "unsupported input format '." + extension +
                                                   "': orgaudit reads org-chart YAML (.yaml, .yml)"});
    load_yaml_org(context.files, input, loaded->org, warnings, progress);
  }
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
