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
  try {
    YAML::Node root = YAML::LoadFile(path);
    if (!root.IsMap() || !root["orgaudit-profile"])
      throw InputError(Diagnostic{path, 1, 1, "not an orgaudit profile: expected 'orgaudit-profile: 1'"});
    if (root["orgaudit-profile"].as<std::string>() != "1")
      fail_at(root["orgaudit-profile"], path, "unsupported profile version (this orgaudit reads 1)");
    return root;
  } catch (const YAML::BadFile&) {
    throw InputError(Diagnostic{path, 0, 0, "cannot read profile"});
  } catch (const YAML::Exception& e) {
    throw InputError(Diagnostic{path, static_cast<std::uint32_t>(e.mark.line + 1),
                                static_cast<std::uint32_t>(e.mark.column + 1), e.msg});
  }
}

std::string resolve(const std::string& name_or_path, const std::vector<std::string>& directories) {
  const bool is_path = name_or_path.find('/') != std::string::npos ||
                       (name_or_path.size() > 5 && name_or_path.substr(name_or_path.size() - 5) == ".yaml");
  if (is_path) {
    if (!fs::is_regular_file(name_or_path))
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
    apply(root["extends"].as<std::string>(), directories, selection, depth + 1);
  }
  read_rule_settings(root["rules"], path, selection);
  for (const auto& item : root) {
    const std::string key = item.first.Scalar();
    if (key != "orgaudit-profile" && key != "name" && key != "description" && key != "extends" && key != "rules")
      fail_at(item.first, path, "unknown key '" + key + "' in profile (expected name, description, extends, rules)");
  }
  return Profile{root["name"] ? root["name"].as<std::string>() : fs::path(path).stem().string(),
                 root["description"] ? root["description"].as<std::string>() : "", path};
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
