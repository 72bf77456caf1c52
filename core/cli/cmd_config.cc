// `orgaudit config --dump [FILE]`: print the effective configuration for FILE (or the current
// directory) with every default spelled out.
#include <filesystem>

#include "cli/audit.h"
#include "cli/commands.h"
#include "workflow/config_dump.h"

namespace orgaudit::cli {
namespace {

// As a run would find it, searching upward from an org file, a directory or the current directory.
Config config_for(const ParsedArgs& args, const CliContext& context) {
  namespace fs = std::filesystem;
  if (args.has("no-config") || args.has("config")) return load_run_config(args, context);
  fs::path start = ".";
  if (!args.positional.empty()) {
    const fs::path given = args.positional.front();
    start = context.files.kind_of(given.string()) == FileKind::directory ? given : given.has_parent_path() ? given.parent_path() : fs::path(".");
  }
  const std::string found = find_config(context.files, start.string());
  return found.empty() ? Config{} : load_config(context.files, found);
}

// The profile a run of the org file would use. Without an org file there is nothing to choose by:
// the dump then pins what an org with no platforms, EMCs or MEs gets, and says so.
ProfileChoice dumped_profile(const ParsedArgs& args, const Config& config, CliContext& context) {
  if (const std::optional<ProfileChoice> stated = stated_profile(args, config)) return *stated;
  std::error_code ec;
  if (args.positional.empty() || std::filesystem::is_directory(args.positional.front(), ec)) {
    context.err << "orgaudit: no org file given, so the dump pins the profile a run chooses for an org that "
                   "declares no platforms, EMCs or MEs (" << kClassicProfile
                << "); name the org file, or pass --profile, to dump the settings its run uses\n";
    return {kClassicProfile, "no org file given: as for an org that declares no platforms, EMCs or MEs"};
  }
  auto progress = make_progress(context);
  const auto loaded = load_org(args.positional, load_options(args, config), context, *progress, std::nullopt);
  progress->finish();
  return choose_profile(loaded->org);
}

}  // namespace

int run_config(const ParsedArgs& args, CliContext& context) {
  if (!args.has("dump")) throw UsageError("config needs --dump (try 'orgaudit config --help')");
  if (args.positional.size() > 1) throw UsageError("config --dump takes at most one org file or directory");
  const Config config = config_for(args, context);
  PluginHost host(context.files);
  RuleCatalog catalog;
  load_packs(args, context, host, catalog, config);
  check_config_rules(config, catalog);
  const ProfileChoice profile = dumped_profile(args, config, context);
  const RuleSelection selection = rule_selection(args, config, profile.name, catalog);
  configure_rules(catalog, selection);  // validates options and patterns exactly as a run would

  std::vector<std::string> sources{"each rule's built-in defaults", profile.describe()};
  if (!config.path.empty()) sources.push_back("config file " + config.path);
  for (const char* option : {"profile", "enable", "disable", "rule-option"})
    if (args.has(option)) {
      sources.emplace_back("the command line");
      break;
    }
  std::vector<std::string> rule_files = config.rule_files;
  for (const std::string& file : args.all("rules")) rule_files.push_back(file);
  for (std::string& file : rule_files) file = std::filesystem::absolute(file).lexically_normal().string();
  context.out << dump_config(
      EffectiveConfig{sources, profile.name, config, catalog, selection, config.fail_on.value_or("error"), rule_files});
  return kExitClean;
}

}  // namespace orgaudit::cli
