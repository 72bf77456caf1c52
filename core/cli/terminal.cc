#include "cli/terminal.h"

#include "cli/args.h"

namespace orgaudit::cli {
namespace {

bool set(const Environment& env, const char* name) {
  const char* value = env ? env(name) : nullptr;
  return value && *value;
}

bool forced(const Environment& env, const char* name) { return set(env, name) && std::string(env(name)) != "0"; }

}  // namespace

bool terminal_takes_escapes(const Environment& env) {
  const char* term = env ? env("TERM") : nullptr;
  return !(term && std::string(term) == "dumb");
}

bool wants_colour(const std::string& mode, bool to_standard_output, bool stdout_is_terminal, const Environment& env) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (mode != "auto") throw UsageError("--color expects auto, always or never, got '" + mode + "'");
  if (!to_standard_output || set(env, "NO_COLOR")) return false;
  if (forced(env, "FORCE_COLOR") || forced(env, "CLICOLOR_FORCE")) return true;
  return stdout_is_terminal && terminal_takes_escapes(env);
}

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
