#include "plugin/plugin_host.h"

#include <algorithm>
#include <dlfcn.h>
#include <filesystem>
#include <unistd.h>

#include "orgaudit/plugin.h"
#include "util/text.h"

namespace orgaudit {

namespace fs = std::filesystem;

void PluginHost::load_file(const std::string& path, RuleCatalog& catalog) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    throw PluginError(PluginError::file_not_found,
                      "plugin '" + path + "': " + (fs::exists(path, ec) ? "not a regular file" : "file not found"));
  // RTLD_LOCAL keeps two packs' internal symbols apart; RTLD_NOW surfaces missing symbols here
  // rather than in the middle of a run.
  void* handle = ::dlopen(fs::absolute(path).c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = ::dlerror();
    throw PluginError(PluginError::not_loadable, "plugin '" + path + "' cannot be loaded: " +
                                                     (why ? why : "unknown reason"));
  }
  auto entry = reinterpret_cast<orgaudit_get_pack_info_fn>(::dlsym(handle, ORGAUDIT_PACK_ENTRY_POINT));
  if (!entry) {
    ::dlclose(handle);
    throw PluginError(PluginError::missing_entry_point,
                      "'" + path + "' is not an orgaudit rule pack: it does not export '" +
                          ORGAUDIT_PACK_ENTRY_POINT + "'");
  }
  const orgaudit_pack_info info = entry();
  if (info.api_version != ORGAUDIT_PLUGIN_API_VERSION) {
    ::dlclose(handle);
    throw PluginError(PluginError::version_mismatch,
                      "plugin '" + path + "' was built for plugin API version " +
                          std::to_string(info.api_version) + ", but this orgaudit provides version " +
                          std::to_string(ORGAUDIT_PLUGIN_API_VERSION) + "; rebuild the pack against this SDK");
  }
  if (!info.pack_name || !*info.pack_name || !info.register_rules)
    throw PluginError(PluginError::registration_failed,
                      "plugin '" + path + "' returned incomplete pack information (no name or no register function)");

  LoadedPack pack{info.pack_name, info.pack_version ? info.pack_version : "", path, 0};
  const std::size_t before = catalog.entries().size();
  catalog.begin_pack(pack.name, path);
  try {
    info.register_rules(&catalog);
  } catch (const DuplicateRuleError& e) {
    throw PluginError(PluginError::duplicate_rule, std::string("duplicate rule id: ") + e.what());
  } catch (const std::exception& e) {
    throw PluginError(PluginError::registration_failed,
                      "plugin '" + path + "' failed while registering its rules: " + e.what());
  }
  pack.rule_count = catalog.entries().size() - before;
  packs_.push_back(std::move(pack));
}

void PluginHost::load_directory(const std::string& directory, RuleCatalog& catalog) {
  std::error_code ec;
  if (!fs::is_directory(directory, ec))
    throw PluginError(PluginError::file_not_found, "plugin directory '" + directory + "' not found");
  std::vector<std::string> files;
  for (const auto& item : fs::directory_iterator(directory, ec)) {
    const std::string name = item.path().filename().string();
    if (glob_match("orgaudit-*.so", name)) files.push_back(item.path().string());
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) load_file(file, catalog);
}

std::string PluginHost::installed_directory() {
  std::error_code ec;
  fs::path executable = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return (executable.parent_path() / ORGAUDIT_PLUGIN_DIR_FROM_BIN).lexically_normal().string();
}

std::vector<std::string> PluginHost::search_path(const std::vector<std::string>& command_line_dirs,
                                                 const char* environment_path) {
  std::vector<std::string> dirs = command_line_dirs;
  if (environment_path)
    for (const std::string& dir : split(environment_path, ':'))
      if (!dir.empty()) dirs.push_back(dir);
  return dirs;
}

}  // namespace orgaudit
