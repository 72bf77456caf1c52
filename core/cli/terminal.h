// Progress on stderr for work that takes more than a second, only when stderr is a terminal.
#pragma once

#include <chrono>
#include <ostream>
#include <string>

#include "util/progress.h"

namespace orgaudit::cli {

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
