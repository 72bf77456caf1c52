// Where a run's time goes, for ORGAUDIT_TIMING=1 (as ESLint's TIMING and clang-tidy's
// --enable-check-profile): wall-clock seconds per phase and per rule, printed on stderr at the end.
// Each phase also shows the process's CPU seconds (user + sys, every thread) and its resident
// memory when the phase ended: on a busy machine wall time is inflated, CPU time is not.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "util/progress.h"

namespace orgaudit {

class PhaseTimings {
 public:
  struct Entry {
    std::string name;
    double seconds = 0;
    std::size_t findings = 0;  // rules only
    double cpu_seconds = 0;    // phases only
    double resident_mb = 0;    // phases only: at the phase's (last) end
  };

  // Ends the current phase (if any) and starts `name`; the same name again continues it.
  void begin(std::string_view name);
  void end();
  void add_rule(std::string name, double seconds, std::size_t findings);

  // The phases in order, then the slowest rules first (at most `max_rules`), then the total.
  void print(std::ostream& out, std::size_t max_rules = 15) const;

 private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point started_ = Clock::now();
  Clock::time_point phase_started_{};
  double phase_cpu_started_ = 0;
  std::string current_;
  std::vector<Entry> phases_;
  std::vector<Entry> rules_;
};

// Passes progress on, and starts a timed phase whenever the reported phase changes.
class TimedProgress final : public Progress {
 public:
  TimedProgress(std::unique_ptr<Progress> inner, PhaseTimings& timings)
      : inner_(std::move(inner)), timings_(timings) {}
  void update(std::string_view phase, std::uint64_t done, std::uint64_t total) override;
  void finish() override;

 private:
  std::unique_ptr<Progress> inner_;
  PhaseTimings& timings_;
  std::string phase_;
};

}  // namespace orgaudit
