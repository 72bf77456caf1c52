// Finds records by id while an export is read: an open-addressing table of record indices, looked
// up by the id text itself. One probe of an 8-byte slot per lookup, where std::unordered_map
// chases a bucket, a node and a string on every row: for a million rows that is most of the
// difference between reading the cells and building the org.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace orgaudit::import {

class IdTable {
 public:
  static constexpr std::uint32_t kMissing = 0xFFFFFFFFu;

  // The index stored for `id`, or kMissing. `id_of(index)` gives a stored record's id.
  template <typename IdOf>
  std::uint32_t find(std::string_view id, const IdOf& id_of) const {
    if (slots_.empty()) return kMissing;
    const std::uint32_t hash = hash_of(id);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.index_plus_one == 0) return kMissing;
      if (slot.hash == hash && id_of(slot.index_plus_one - 1) == id) return slot.index_plus_one - 1;
    }
  }

  // Stores `index` under `id`, which must not be stored yet.
  void insert(std::string_view id, std::uint32_t index) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    place(Slot{index + 1, hash_of(id)});
    ++used_;
  }

  void reserve(std::size_t ids) {
    while (slots_.size() < ids * 2) grow();
  }

 private:
  struct Slot {
    std::uint32_t index_plus_one = 0;  // 0: empty
    std::uint32_t hash = 0;
  };

  static std::uint32_t hash_of(std::string_view id) { return static_cast<std::uint32_t>(std::hash<std::string_view>()(id)); }

  void place(const Slot& slot) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = slot.hash & mask;
    while (slots_[i].index_plus_one != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    for (const Slot& slot : old)
      if (slot.index_plus_one != 0) place(slot);
  }

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

}  // namespace orgaudit::import
