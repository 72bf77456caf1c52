#include "io/install_location.h"

#include <filesystem>

namespace orgaudit {
namespace {

namespace fs = std::filesystem;

// The directory of the running binary, read once for every caller.
const fs::path& binary_directory() {
  static const fs::path directory = [] {
    std::error_code ec;
    const fs::path executable = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : executable.parent_path();
  }();
  return directory;
}

std::string from_binary(const char* relative) {
  const fs::path& bin = binary_directory();
  return bin.empty() ? std::string() : (bin / relative).lexically_normal().string();
}

}  // namespace

std::string installed_plugin_directory() { return from_binary(ORGAUDIT_PLUGIN_DIR_FROM_BIN); }
std::string installed_data_directory() { return from_binary(ORGAUDIT_DATA_DIR_FROM_BIN); }

}  // namespace orgaudit
