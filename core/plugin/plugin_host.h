// Loads rule packs: shared modules with one versioned C entry point (see orgaudit/plugin.h).
// Built-in packs load through this same path as anyone else's.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "engine/rule_catalog.h"
#include "io/file_system.h"

namespace orgaudit {

class PluginError : public std::runtime_error {
 public:
  enum Kind { file_not_found, not_loadable, missing_entry_point, version_mismatch, layout_mismatch,
              duplicate_rule, rule_outside_pack, registration_failed };
  PluginError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

struct LoadedPack {
  std::string name;
  std::string version;
  std::string path;
  std::size_t rule_count = 0;
};

class PluginHost {
 public:
  // Pack files and directories are found and listed through `files` (tests fake them); loading a
  // pack needs it on the real disk.
  explicit PluginHost(const FileSystem& files = the_real_file_system()) : files_(&files) {}

  // Loads one pack file and registers its rules, all or none: a pack that fails is closed again and
  // leaves the catalog as it was. Throws PluginError.
  void load_file(const std::string& path, RuleCatalog& catalog);
  // Loads every `orgaudit-*.so` in a directory, in name order. Throws PluginError when the
  // directory does not exist.
  void load_directory(const std::string& directory, RuleCatalog& catalog);

  const std::vector<LoadedPack>& packs() const { return packs_; }

  // The user's directories in search order: --plugin-dir values, then ORGAUDIT_PLUGIN_PATH
  // (colon-separated). Callers add installed_directory() after them.
  static std::vector<std::string> search_path(const std::vector<std::string>& command_line_dirs,
                                              const char* environment_path);
  // Where the built-in packs are: <bin>/../<libdir>/orgaudit/plugins, in the build tree as installed
  // (io/install_location.h).
  static std::string installed_directory();

 private:
  const FileSystem* files_;
  // Modules are never unloaded: rule objects and their vtables live in them until the process ends.
  std::vector<LoadedPack> packs_;
};

}  // namespace orgaudit
