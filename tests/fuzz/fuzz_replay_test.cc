// The fuzz harnesses in the normal test suite: every seed (tests/fuzz/seeds.txt) and every kept
// crasher (tests/fuzz/crashers/<target>/) goes through its target, which must neither throw nor
// find a round trip broken. Memory errors show in the sanitizer build (scripts/sanitize.sh).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <glob.h>
#include <map>
#include <sstream>

#include "fuzz/fuzz_targets.h"

namespace fs = std::filesystem;

namespace {

const fs::path kRoot = ORGAUDIT_SOURCE_DIR;

std::vector<fs::path> regular_files(const std::string& pattern) {
  std::vector<fs::path> files;
  glob_t matches{};
  if (::glob((kRoot / pattern).c_str(), 0, nullptr, &matches) == 0)
    for (std::size_t i = 0; i < matches.gl_pathc; ++i)
      if (fs::is_regular_file(matches.gl_pathv[i])) files.emplace_back(matches.gl_pathv[i]);
  ::globfree(&matches);
  return files;
}

// target name -> its seeds and crashers.
std::map<std::string, std::vector<fs::path>> inputs() {
  std::map<std::string, std::vector<fs::path>> out;
  std::ifstream seeds(kRoot / "tests/fuzz/seeds.txt");
  std::string line;
  while (std::getline(seeds, line)) {
    std::istringstream words(line);
    std::string target, pattern;
    if (line.empty() || line[0] == '#' || !(words >> target >> pattern)) continue;
    for (const fs::path& file : regular_files(pattern)) out[target].push_back(file);
  }
  for (const orgaudit::fuzz::Target& t : orgaudit::fuzz::targets())
    for (const fs::path& file : regular_files("tests/fuzz/crashers/" + std::string(t.name) + "/*")) out[t.name].push_back(file);
  return out;
}

}  // namespace

TEST_CASE("fuzz targets: seeds.txt names exactly the harnesses, each with seeds", "[fuzz]") {
  const auto all = inputs();
  for (const auto& [name, files] : all) {
    INFO("seeds.txt names '" << name << "'");
    CHECK(orgaudit::fuzz::find_target(name) != nullptr);  // else CMake builds a fuzzer with no harness
  }
  for (const orgaudit::fuzz::Target& target : orgaudit::fuzz::targets()) {
    INFO("fuzz_" << target.name << ": " << target.what);
    const auto found = all.find(target.name);
    REQUIRE(found != all.end());  // else no fuzz_<name> binary is built for it
    CHECK(found->second.size() >= 2);  // its globs match real files
  }
  for (const auto& entry : fs::directory_iterator(kRoot / "tests/fuzz/crashers")) {
    INFO("tests/fuzz/crashers/" << entry.path().filename().string());
    if (entry.is_directory()) CHECK(orgaudit::fuzz::find_target(entry.path().filename().string()) != nullptr);
  }
}

TEST_CASE("fuzz targets: every seed and kept crasher runs through its harness cleanly", "[fuzz]") {
  for (const auto& [name, files] : inputs()) {
    const orgaudit::fuzz::Target* target = orgaudit::fuzz::find_target(name);
    REQUIRE(target);
    for (const fs::path& file : files) {
      INFO("fuzz_" << name << " " << fs::relative(file, kRoot).string());
      std::ifstream in(file, std::ios::binary);
      const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      CHECK_NOTHROW(target->run(reinterpret_cast<const std::uint8_t*>(data.data()), data.size()));
    }
  }
}

TEST_CASE("fuzz targets: a refused input is a clean outcome, not a failure", "[fuzz]") {
  for (const orgaudit::fuzz::Target& target : orgaudit::fuzz::targets()) {
    INFO("fuzz_" << target.name);
    const std::string garbage = "\x01\xff<<:[{\"";
    CHECK(target.run(reinterpret_cast<const std::uint8_t*>(garbage.data()), garbage.size()) == 0);
    CHECK(target.run(nullptr, 0) == 0);
  }
}
