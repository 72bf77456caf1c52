// Finds duplicate ids while loading. An open-addressing set of entity indices keyed through the
// entities' own id strings: a million ids cost 16 MB instead of a node map holding a second copy.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "orgaudit/model.h"

namespace orgaudit {

class IdIndex {
 public:
  // Adds entity `index`, whose id is id_of(index). Returns kNoIndex, or the index of an earlier
  // entity with the same id (which is then not added).
  template <typename IdOf>
  std::uint32_t insert(std::uint32_t index, const IdOf& id_of) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    const std::string& id = id_of(index);
    const auto hash = static_cast<std::uint32_t>(std::hash<std::string_view>()(id));
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.index_plus_one == 0) {
        slot = Slot{index + 1, hash};
        ++used_;
        return kNoIndex;
      }
      if (slot.hash == hash && id_of(slot.index_plus_one - 1) == id) return slot.index_plus_one - 1;
    }
  }

 private:
  struct Slot {
    std::uint32_t index_plus_one = 0;  // 0: empty
    std::uint32_t hash = 0;
  };

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.index_plus_one == 0) continue;
      std::size_t i = slot.hash & mask;
      while (slots_[i].index_plus_one != 0) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

}  // namespace orgaudit
