#include "map/map_style.h"

namespace orgaudit::map {

Swatch mark_swatch(Mark mark) {
  switch (mark) {
    case Mark::error: return {"#fde8e6", "#c62828"};
    case Mark::warning: return {"#fff3dc", "#d97a00"};
    case Mark::info: return {"#e6f0fa", "#1f6fb2"};
    case Mark::none: break;
  }
  return {"#ffffff", "#9aa5b1"};
}

Swatch unit_swatch(Mark mark) {
  switch (mark) {
    case Mark::error: return {"#f3aaa3", "#a61b1b"};
    case Mark::warning: return {"#ffd27f", "#b86200"};
    case Mark::info: return {"#b8d5f0", "#1f6fb2"};
    case Mark::none: break;
  }
  return {"#c7e6c9", "#3f7d4e"};
}

const ScoreBand* score_bands(std::size_t& count) {
  static const ScoreBand kBands[] = {{90, "90-100"}, {75, "75-89"}, {50, "50-74"}, {0, "below 50"}};
  count = sizeof kBands / sizeof kBands[0];
  return kBands;
}

Swatch score_swatch(std::optional<double> score) {
  if (!score) return {"#e4e7eb", "#7b8794"};
  static const Swatch kSwatches[] = {
      {"#c7e6c9", "#3f7d4e"}, {"#e5efb3", "#6b7d1f"}, {"#ffd27f", "#b86200"}, {"#f3aaa3", "#a61b1b"}};
  std::size_t count = 0;
  const ScoreBand* bands = score_bands(count);
  for (std::size_t i = 0; i < count; ++i)
    if (*score >= bands[i].from) return kSwatches[i];
  return kSwatches[count - 1];
}

const char* cluster_fill(unsigned depth) {
  static const char* kFills[] = {"#f5f7fa", "#edf1f5", "#e5eaf0", "#dde4eb"};
  return kFills[depth < 4 ? depth : 3];
}

}  // namespace orgaudit::map
