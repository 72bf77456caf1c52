// `orgaudit init [DIR]`: write a commented starter .orgaudit.yaml.
#include <filesystem>

#include "cli/commands.h"
#include "cli/schema_line.h"
#include "config/config.h"
#include "config/profile.h"
#include "workflow/starter_config.h"

namespace orgaudit::cli {

int run_init(const ParsedArgs& args, CliContext& context) {
  if (args.positional.size() > 1) throw UsageError("init takes at most one directory");
  const std::filesystem::path dir = args.positional.empty() ? "." : args.positional.front();
  if (context.files.kind_of(dir.string()) != FileKind::directory)
    return cannot_run(context, "'" + dir.string() + "' is not a directory");
  const std::string path = (dir / kConfigFileName).lexically_normal().string();
  // A config holds a team's suppressions and their reasons: never overwritten by accident.
  if (context.files.kind_of(path) != FileKind::missing && !args.has("force"))
    return cannot_run(context, path + " already exists; pass --force to replace it");
  std::vector<std::string> profiles;
  for (const Profile& p : list_profiles(context.files, profile_directories())) profiles.push_back(p.name);
  context.files.write_atomically(path, schema_line("orgaudit-config.schema.json") + starter_config(profiles));
  context.out << "wrote " << path << "; see the effective settings with 'orgaudit config --dump'\n";
  return kExitClean;
}

}  // namespace orgaudit::cli
