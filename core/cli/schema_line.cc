#include "cli/schema_line.h"

#include <filesystem>
#include <vector>

#include "writer_support.h"

namespace orgaudit::cli {

std::string schema_line(const std::string& schema_name) {
  namespace fs = std::filesystem;
  std::vector<fs::path> candidates;
  std::error_code ec;
  const fs::path executable = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back((executable.parent_path() / "../share/orgaudit/schemas" / schema_name).lexically_normal());
  candidates.push_back(fs::path(ORGAUDIT_SOURCE_DIR) / "schema" / schema_name);
  std::string uri = "file:///usr/share/orgaudit/schemas/" + schema_name;
  for (const fs::path& path : candidates) {
    if (!fs::is_regular_file(path, ec)) continue;
    uri = path_to_uri(path.string());
    break;
  }
  return "# yaml-language-server: $schema=" + uri + "\n";
}

}  // namespace orgaudit::cli
