// Progress of long work (loading a large org), shown on a terminal and silent otherwise.
#pragma once

#include <cstdint>
#include <string_view>

namespace orgaudit {

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
