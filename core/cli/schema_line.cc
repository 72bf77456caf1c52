#include "cli/schema_line.h"

#include <filesystem>

#include "io/install_location.h"
#include "writer_support.h"

namespace orgaudit::cli {

// The schema this orgaudit installed (or its build tree links to), so an editor validates against the
// version that wrote the file; the packaged location when neither can be found.
std::string schema_line(const std::string& schema_name) {
  namespace fs = std::filesystem;
  std::string uri = "file:///usr/share/orgaudit/schemas/" + schema_name;
  if (const std::string data = installed_data_directory(); !data.empty()) {
    const fs::path path = (fs::path(data) / "schemas" / schema_name).lexically_normal();
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) uri = path_to_uri(path.string());
  }
  return "# yaml-language-server: $schema=" + uri + "\n";
}

}  // namespace orgaudit::cli
