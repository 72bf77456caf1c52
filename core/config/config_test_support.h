// The config a test writes, read as `.orgaudit.yaml` from a fake disk.
#pragma once

#include <string>

#include "config/config.h"
#include "io/file_system.h"

namespace orgaudit::testing {

inline Config config_from_text(const std::string& text) {
  MemoryFileSystem files;
  files.add(".orgaudit.yaml", text);
  return load_config(files, ".orgaudit.yaml");
}

}  // namespace orgaudit::testing
