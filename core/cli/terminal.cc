#include "cli/terminal.h"

namespace orgaudit::cli {

void TerminalProgress::update(std::string_view phase, std::uint64_t done, std::uint64_t total) {
  const auto now = Clock::now();
  // Quiet for the first second (most runs finish sooner), then at most ten redraws a second.
  if (now - started_ < std::chrono::seconds(1)) return;
  if (drawn_ && now - last_drawn_ < std::chrono::milliseconds(100)) return;
  last_drawn_ = now;
  drawn_ = true;
  std::string line = "\r\033[K" + std::string(phase);
  if (total > 0) line += ": " + std::to_string(done * 100 / total) + "%";
  else if (done > 0) line += ": " + std::to_string(done);
  err_ << line << std::flush;
}

void TerminalProgress::finish() {
  if (!drawn_) return;
  err_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

}  // namespace orgaudit::cli
