#include "code_point_columns.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace orgaudit;

namespace {

// An org read from `name` (in the temporary directory) holding `text`.
Org org_with_file(const std::string& name, const std::string& text) {
  const std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path, std::ios::binary) << text;
  Org org;
  org.add_file(path);
  return org;
}

}  // namespace

TEST_CASE("code point columns: an XML byte column after accents is counted in code points", "[sarif]") {
  // "Zoë" is 3 code points in 4 bytes, "Ünal" 4 in 5, the emoji 1 in 4: GHOST starts at byte 51.
  const std::string line = "  <E id=\"P2\" name=\"Zo\xC3\xAB \xC3\x9Cnal \xF0\x9F\x98\x80\" xxxx manager=\"GHOST\"/>";
  const Org org = org_with_file("orgaudit-columns.xml", "<Staff>\n<\xC3\xA9t\xC3\xA9/>\n" + line + "\n</Staff>\n");
  const auto ghost = static_cast<std::uint32_t>(line.find("GHOST") + 1);
  REQUIRE(ghost == 51);
  const CodePointColumns columns(org, {{0, 3, ghost}, {0, 1, 5}, {0, 2, 7}});
  CHECK(columns.column({0, 3, ghost}) == 46);
  CHECK(columns.column({0, 1, 5}) == 5);  // an ASCII line keeps its column
  CHECK(columns.column({0, 2, 7}) == 5);  // past "<été" (6 bytes, 4 code points)
  CHECK(columns.column({0, 2, 1}) == 1);
}

TEST_CASE("code point columns: a CSV or YAML column is already in code points and is kept", "[sarif]") {
  const Org csv = org_with_file("orgaudit-columns.csv", "id,name,manager\nP2,Zo\xC3\xAB,GHOST\n");
  CHECK(CodePointColumns(csv, {{0, 2, 8}}).column({0, 2, 8}) == 8);
  const Org yaml = org_with_file("orgaudit-columns.yaml", "- {name: Zo\xC3\xAB, manager: GHOST}\n");
  CHECK(CodePointColumns(yaml, {{0, 1, 26}}).column({0, 1, 26}) == 26);
}

TEST_CASE("code point columns: an unreadable file or a byte that is not UTF-8 never breaks a column", "[sarif]") {
  Org missing;
  missing.add_file("/nonexistent/orgaudit-columns.xml");
  CHECK(CodePointColumns(missing, {{0, 1, 7}}).column({0, 1, 7}) == 7);
  const Org latin1 = org_with_file("orgaudit-latin1.xml", "name: Zo\xEB x\n");
  CHECK(CodePointColumns(latin1, {{0, 1, 11}}).column({0, 1, 11}) == 11);  // 0xEB counts as one
}
