// What a subcommand may touch: its streams, the environment and the file system. Commands never
// reach for std::cout or getenv directly, so tests can run them in-process.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "io/file_system.h"

namespace orgaudit::cli {

struct CliContext {
  std::ostream& out;
  std::ostream& err;
  bool stdout_is_terminal = false;
  bool stderr_is_terminal = false;
  std::function<const char*(const char*)> getenv;
  const FileSystem& files;
};

}  // namespace orgaudit::cli
