// What the terminal is told: progress on stderr for work that takes more than a second, only when
// stderr is a terminal; ANSI colour by the conventions users set in their environment.
#pragma once

#include <chrono>
#include <functional>
#include <ostream>
#include <string>

#include "util/progress.h"

namespace orgaudit::cli {

using Environment = std::function<const char*(const char*)>;

// Whether text output gets ANSI colour. `mode` is --color's value: `always` and `never` decide
// alone; `auto` colours standard output on a terminal, except with NO_COLOR set (no-color.org) or
// TERM=dumb, and colours it even into a pipe (a CI log) with FORCE_COLOR or CLICOLOR_FORCE set and
// not "0". NO_COLOR wins over a force: it is the reader's own setting. A report written to a file
// is coloured only with `always`. Throws UsageError for another mode.
bool wants_colour(const std::string& mode, bool to_standard_output, bool stdout_is_terminal, const Environment& env);

// A terminal that can take cursor movement: not TERM=dumb (Emacs shells, some CI consoles).
bool terminal_takes_escapes(const Environment& env);

class TerminalProgress final : public Progress {
 public:
  explicit TerminalProgress(std::ostream& err) : err_(err), started_(Clock::now()) {}
  ~TerminalProgress() override { finish(); }
  void update(std::string_view phase, std::uint64_t done, std::uint64_t total) override;
  void finish() override;

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream& err_;
  Clock::time_point started_;
  Clock::time_point last_drawn_{};
  bool drawn_ = false;
};

}  // namespace orgaudit::cli
