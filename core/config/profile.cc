#include "config/profile.h"

#include <algorithm>
#include <filesystem>

#include "config/rule_settings.h"
#include "io/install_location.h"
#include "util/diagnostic.h"
#include "util/text.h"

namespace orgaudit {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxExtendsDepth = 8;

YAML::Node load_profile_file(const std::string& path) {
  YAML::Node root = load_settings_file(RealFileSystem(), path);
  if (!root.IsMap() || !root["orgaudit-profile"])
    throw InputError(Diagnostic{path, 1, 1, "not an orgaudit profile: expected 'orgaudit-profile: 1'"});
  if (scalar_text(root["orgaudit-profile"], path, "orgaudit-profile") != "1")
    fail_at(root["orgaudit-profile"], path, "unsupported profile version (this orgaudit reads 1)");
  return root;
}

// `name`, `description` or `extends`, which must be scalars; `fallback` when absent.
std::string text_or(const YAML::Node& root, const char* key, const std::string& path, std::string fallback) {
  return root[key] ? scalar_text(root[key], path, key) : fallback;
}

std::string resolve(const std::string& name_or_path, const std::vector<std::string>& directories) {
  const bool is_path = name_or_path.find('/') != std::string::npos ||
                       (name_or_path.size() > 5 && name_or_path.substr(name_or_path.size() - 5) == ".yaml");
  if (is_path) {
    std::error_code missing;  // a FIFO, device or directory is refused by the read, saying what it is
    if (!fs::exists(name_or_path, missing))
      throw InputError(Diagnostic{name_or_path, 0, 0, "profile file not found"});
    return name_or_path;
  }
  std::vector<std::string> names;
  for (const Profile& p : list_profiles(RealFileSystem(), directories)) {
    if (p.name == name_or_path) return p.path;
    names.push_back(p.name);
  }
  std::string known;
  for (const std::string& n : names) known += (known.empty() ? "" : ", ") + n;
  const std::string near = did_you_mean(name_or_path, names);
  throw InputError(Diagnostic{"--profile", 0, 0, "no profile named '" + name_or_path + "'" +
                                                     (near.empty() ? "" : "; did you mean '" + near + "'?") +
                                                     " (available: " + known + ")"});
}

Profile apply(const std::string& name_or_path, const std::vector<std::string>& directories,
              RuleSelection& selection, int depth) {
  const std::string path = resolve(name_or_path, directories);
  const YAML::Node root = load_profile_file(path);
  if (root["extends"]) {
    if (depth >= kMaxExtendsDepth) fail_at(root["extends"], path, "profiles extend each other in a loop");
    apply(scalar_text(root["extends"], path, "extends"), directories, selection, depth + 1);
  }
  read_rule_settings(root["rules"], path, selection);
  for (const auto& item : root) {
    const std::string key = scalar_text(item.first, path, "a key");
    if (key != "orgaudit-profile" && key != "name" && key != "description" && key != "extends" && key != "rules")
      fail_at(item.first, path, "unknown key '" + key + "' in profile (expected name, description, extends, rules)");
  }
  return Profile{text_or(root, "name", path, fs::path(path).stem().string()), text_or(root, "description", path, ""), path};
}

}  // namespace

std::vector<std::string> profile_directories() {
  const std::string data = installed_data_directory();
  if (data.empty()) return {};
  return {data + "/rules/profiles"};
}

std::vector<Profile> list_profiles(const FileSystem& files, const std::vector<std::string>& directories) {
  std::vector<Profile> profiles;
  for (const std::string& dir : directories)
    for (const std::string& entry : files.list_directory(dir)) {  // sorted
      const fs::path file = fs::path(dir) / entry;
      const std::string name = file.stem().string();
      if (file.extension() != ".yaml") continue;
      if (std::none_of(profiles.begin(), profiles.end(), [&](const Profile& p) { return p.name == name; }))
        profiles.push_back(Profile{name, "", file.string()});
    }
  return profiles;
}

Profile apply_profile(const std::string& name_or_path, const std::vector<std::string>& directories,
                      RuleSelection& selection) {
  return apply(name_or_path, directories, selection, 0);
}

}  // namespace orgaudit
