// What a subcommand may touch: its streams, the environment and the file system. Commands never
// reach for std::cout or getenv directly, so tests can run them in-process.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "io/file_system.h"
#include "util/timing.h"

namespace orgaudit::cli {

struct CliContext {
  std::ostream& out;
  std::ostream& err;
  bool stdout_is_terminal = false;
  bool stderr_is_terminal = false;
  std::function<const char*(const char*)> getenv;
  const FileSystem& files;
  PhaseTimings* timings = nullptr;  // set when ORGAUDIT_TIMING asks where the time goes
  // The process ends with the command (main sets this): the command may leave its audit for the
  // operating system to reclaim, since freeing a million people one string at a time takes seconds.
  bool exits_after_command = false;
};

// Starts a timed phase when timing is on; otherwise does nothing.
inline void begin_phase(const CliContext& context, std::string_view phase) {
  if (context.timings) context.timings->begin(phase);
}

}  // namespace orgaudit::cli
