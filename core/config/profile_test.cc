#include "config/profile.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "util/diagnostic.h"

using namespace orgaudit;

namespace {

// ctest runs test cases as parallel processes: each gets its own directory.
std::string write_profile_dir(const std::map<std::string, std::string>& files) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("orgaudit-profile-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (const auto& [name, text] : files) std::ofstream(dir / name) << text;
  return dir.string();
}

}  // namespace

TEST_CASE("profiles select rules, options and severities, and extend each other") {
  const std::string dir = write_profile_dir({
      {"base.yaml", "orgaudit-profile: 1\nrules:\n  \"*\": off\n  structure-*: on\n"
                    "  structure-hierarchy-depth:\n    options: {max-layers: 7}\n"},
      {"flat.yaml", "orgaudit-profile: 1\nname: flat\ndescription: Few layers\nextends: base\nrules:\n"
                    "  structure-hierarchy-depth:\n    severity: error\n    options: {max-layers: 3}\n"
                    "  structure-grade-inversion:\n    options:\n      grade-order: [A, B, C]\n"},
  });
  RuleSelection selection;
  const Profile p = apply_profile("flat", {dir}, selection);
  CHECK(p.name == "flat");
  CHECK(p.description == "Few layers");
  REQUIRE(selection.toggles.size() == 2);
  CHECK(selection.toggles[0] == std::make_pair(false, std::string("*")));
  CHECK(selection.options["structure-hierarchy-depth"]["max-layers"] == "3");  // the child wins
  CHECK(selection.options["structure-grade-inversion"]["grade-order"] == "A,B,C");
  CHECK(selection.severities["structure-hierarchy-depth"] == Severity::error);
  CHECK(list_profiles(RealFileSystem(), {dir}).size() == 2);
}

TEST_CASE("profile errors name the file and line") {
  const std::string dir = write_profile_dir({
      {"bad.yaml", "orgaudit-profile: 1\nrules:\n  structure-hierarchy-depth:\n    severty: error\n"},
      {"loop.yaml", "orgaudit-profile: 1\nextends: loop\n"},
      {"notone.yaml", "name: x\n"},
  });
  RuleSelection selection;
  CHECK_THROWS_WITH(apply_profile("bad", {dir}, selection), Catch::Contains("bad.yaml:4:5: error: unknown key 'severty'"));
  CHECK_THROWS_WITH(apply_profile("loop", {dir}, selection), Catch::Contains("loop"));
  CHECK_THROWS_WITH(apply_profile("notone", {dir}, selection), Catch::Contains("expected 'orgaudit-profile: 1'"));
  CHECK_THROWS_WITH(apply_profile("bda", {dir}, selection), Catch::Contains("did you mean 'bad'"));
  CHECK_THROWS_AS(apply_profile("missing/file.yaml", {dir}, selection), InputError);
}

TEST_CASE("a profile whose name, description or extends is not a single value is an error at its line") {
  // yaml-cpp's conversion of these threw YAML::TypedBadConversion, uncaught: exit 134.
  const std::string dir = write_profile_dir({
      {"ext.yaml", "orgaudit-profile: 1\nextends: [a, b]\n"},
      {"named.yaml", "orgaudit-profile: 1\nname: {first: x}\n"},
      {"described.yaml", "orgaudit-profile: 1\ndescription:\n  - one\n"},
      {"version.yaml", "orgaudit-profile: [1]\n"},
      {"open.yaml", "orgaudit-profile: 1\nname: \"unterminated"},
  });
  RuleSelection selection;
  CHECK_THROWS_WITH(apply_profile("ext", {dir}, selection), Catch::EndsWith("ext.yaml:2:10: error: extends must be a single value"));
  CHECK_THROWS_WITH(apply_profile("named", {dir}, selection), Catch::EndsWith("named.yaml:2:7: error: name must be a single value"));
  CHECK_THROWS_WITH(apply_profile("described", {dir}, selection),
                    Catch::EndsWith("described.yaml:3:3: error: description must be a single value"));
  CHECK_THROWS_WITH(apply_profile("version", {dir}, selection),
                    Catch::EndsWith("version.yaml:1:19: error: orgaudit-profile must be a single value"));
  CHECK_THROWS_WITH(apply_profile("open", {dir}, selection), Catch::Contains("open.yaml:2:") && Catch::Contains("quoted scalar"));
}

TEST_CASE("the shipped classic profile loads") {
  RuleSelection selection;
  const Profile p = apply_profile("classic", profile_directories(), selection);
  CHECK(p.name == "classic");
  CHECK(selection.options["structure-span-of-control"]["min-span"] == "4");
}

TEST_CASE("profiles are listed from the directories a file system shows, first directory first") {
  MemoryFileSystem files;
  files.add("/mine/lean.yaml", "orgaudit-profile: 1\n");
  files.add("/mine/notes.txt", "not a profile\n");
  files.add("/shipped/classic.yaml", "orgaudit-profile: 1\n");
  files.add("/shipped/lean.yaml", "orgaudit-profile: 1\n");
  const std::vector<Profile> profiles = list_profiles(files, {"/mine", "/shipped", "/missing"});
  REQUIRE(profiles.size() == 2);
  CHECK(profiles[0].name == "lean");
  CHECK(profiles[0].path == "/mine/lean.yaml");  // the user's directory wins over the shipped one
  CHECK(profiles[1].name == "classic");
}
