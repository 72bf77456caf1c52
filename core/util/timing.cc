#include "util/timing.h"

#include <algorithm>
#include <cstdio>

namespace orgaudit {

void PhaseTimings::begin(std::string_view name) {
  if (name == current_) return;
  end();
  current_ = std::string(name);
  phase_started_ = Clock::now();
}

void PhaseTimings::end() {
  if (current_.empty()) return;
  const double seconds = std::chrono::duration<double>(Clock::now() - phase_started_).count();
  auto same = std::find_if(phases_.begin(), phases_.end(), [&](const Entry& e) { return e.name == current_; });
  if (same != phases_.end()) same->seconds += seconds;
  else phases_.push_back({current_, seconds, 0});
  current_.clear();
}

void PhaseTimings::add_rule(std::string name, double seconds, std::size_t findings) {
  rules_.push_back({std::move(name), seconds, findings});
}

namespace {

// Names in a 40-column field, so the figures line up under their headings.
std::string padded(const std::string& name) {
  std::string field = "  " + name;
  if (field.size() < 40) field.resize(40, ' ');
  return field;
}

std::string row(const std::string& name, double seconds, double total, const std::string& extra = "") {
  char numbers[64];
  std::snprintf(numbers, sizeof numbers, "%9.3f %6.1f%%", seconds, total > 0 ? 100.0 * seconds / total : 0.0);
  return padded(name) + " " + numbers + extra + "\n";
}

}  // namespace

void PhaseTimings::print(std::ostream& out, std::size_t max_rules) const {
  const double total = std::chrono::duration<double>(Clock::now() - started_).count();
  out << "orgaudit timing (ORGAUDIT_TIMING), wall-clock seconds:\n";
  out << padded("phase") << "   seconds  share\n";
  for (const Entry& phase : phases_) out << row(phase.name, phase.seconds, total);
  out << row("total (from start-up)", total, total);
  if (rules_.empty()) return;
  std::vector<Entry> slowest = rules_;
  std::stable_sort(slowest.begin(), slowest.end(), [](const Entry& a, const Entry& b) { return a.seconds > b.seconds; });
  if (slowest.size() > max_rules) slowest.resize(max_rules);
  out << padded("rule") << "   seconds  share  findings\n";
  for (const Entry& rule : slowest) out << row(rule.name, rule.seconds, total, "  " + std::to_string(rule.findings));
}

void TimedProgress::update(std::string_view phase, std::uint64_t done, std::uint64_t total) {
  timings_.begin(phase);
  inner_->update(phase, done, total);
}

void TimedProgress::finish() { inner_->finish(); }

}  // namespace orgaudit
