#include "util/timing.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace orgaudit {
namespace {

double cpu_seconds() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Resident memory now, from /proc/self/statm (0 where there is none).
double resident_mb() {
  unsigned long pages = 0, resident = 0;
  std::FILE* statm = std::fopen("/proc/self/statm", "r");
  if (!statm) return 0;
  const bool read = std::fscanf(statm, "%lu %lu", &pages, &resident) == 2;
  std::fclose(statm);
  return read ? static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0) : 0;
}

}  // namespace

void PhaseTimings::begin(std::string_view name) {
  if (name == current_) return;
  end();
  current_ = std::string(name);
  phase_started_ = Clock::now();
  phase_cpu_started_ = cpu_seconds();
}

void PhaseTimings::end() {
  if (current_.empty()) return;
  const double seconds = std::chrono::duration<double>(Clock::now() - phase_started_).count();
  const double cpu = cpu_seconds() - phase_cpu_started_;
  auto same = std::find_if(phases_.begin(), phases_.end(), [&](const Entry& e) { return e.name == current_; });
  if (same == phases_.end()) same = phases_.insert(phases_.end(), Entry{current_, 0, 0, 0, 0});
  same->seconds += seconds;
  same->cpu_seconds += cpu;
  same->resident_mb = resident_mb();
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
  out << "orgaudit timing (ORGAUDIT_TIMING): wall-clock seconds; per phase also CPU seconds (user + sys)\n"
         "and resident memory when it ended:\n";
  out << padded("phase") << "   seconds  share    cpu s  RSS MB\n";
  for (const Entry& phase : phases_) {
    char usage[48];
    std::snprintf(usage, sizeof usage, " %8.3f %7.0f", phase.cpu_seconds, phase.resident_mb);
    out << row(phase.name, phase.seconds, total, usage);
  }
  char usage[48];
  std::snprintf(usage, sizeof usage, " %8.3f %7.0f", cpu_seconds(), resident_mb());
  out << row("total (from start-up)", total, total, usage);
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
