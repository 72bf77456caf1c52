#include "io/install_location.h"

#include <catch2/catch.hpp>
#include <filesystem>

// The test binary runs from <build>/bin, which mirrors an install: it finds the built-in packs and the
// rule pages where an installed orgaudit would, relative to itself.
TEST_CASE("orgaudit's own files are found beside its binary, in the build tree as installed", "[io]") {
  namespace fs = std::filesystem;
  const fs::path build = fs::canonical(ORGAUDIT_BINARY_DIR);
  CHECK(fs::path(orgaudit::installed_plugin_directory()) == build / "lib/orgaudit/plugins");
  CHECK(fs::path(orgaudit::installed_data_directory()) == build / "share/orgaudit");
  CHECK(fs::is_regular_file(orgaudit::installed_data_directory() + "/rules/profiles/classic.yaml"));
  CHECK(fs::is_regular_file(orgaudit::installed_plugin_directory() + "/orgaudit-structure.so"));
}
