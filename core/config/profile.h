// Profiles: named rule selections with thresholds (rules/profiles/<name>.yaml), chosen with
// --profile NAME or a path to a profile file.
//
//   orgaudit-profile: 1
//   name: classic
//   description: Spans and layers ...
//   extends: other-profile          # optional, applied first
//   rules: { ... }                  # see config/rule_settings.h
#pragma once

#include <string>
#include <vector>

#include "engine/rule_catalog.h"
#include "io/file_system.h"

namespace orgaudit {

struct Profile {
  std::string name;
  std::string description;
  std::string path;
};

// Where named profiles live: installed under share/orgaudit/rules/profiles, or in the source tree.
std::vector<std::string> profile_directories();

// Lists the profiles found in `directories`, by name.
std::vector<Profile> list_profiles(const FileSystem& files, const std::vector<std::string>& directories);

// Applies the profile (and what it extends) to `selection`. `name_or_path` is a profile name or a
// path to a .yaml file. Throws InputError for a missing or malformed profile, with a did-you-mean.
Profile apply_profile(const std::string& name_or_path, const std::vector<std::string>& directories,
                      RuleSelection& selection);

}  // namespace orgaudit
