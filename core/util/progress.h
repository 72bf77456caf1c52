// Progress of long work (loading a large org), shown on a terminal and silent otherwise.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace orgaudit {

// The phase every loader reports while reading `path`: one name, so that progress and
// ORGAUDIT_TIMING show one line per file whichever loader reads it.
inline std::string loading_phase(const std::string& path) { return "loading " + path; }

class Progress {
 public:
  virtual ~Progress() = default;
  // `total` may be 0 when unknown. Called often; implementations throttle their own output.
  virtual void update(std::string_view phase, std::uint64_t done, std::uint64_t total) = 0;
  virtual void finish() = 0;
};

class NoProgress final : public Progress {
 public:
  void update(std::string_view, std::uint64_t, std::uint64_t) override {}
  void finish() override {}
};

}  // namespace orgaudit
