// An open-addressing table from ids (or any texts) to indices: the org's person and unit ids, and
// the text pool's interned values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string_view>
#include <vector>

namespace orgaudit {

inline constexpr std::uint32_t kNoIndex = std::numeric_limits<std::uint32_t>::max();

// Finds entities by id: an open-addressing table of indices into the vector that holds them, looked
// up through the entities' own id strings. A million ids cost 16 MB and one probe of an 8-byte slot
// each, where a node map allocates a node and a second copy of every id. The table does not own the
// ids: after an entity's id changes or entities move, build it again (Org::resolve does).
class IdLookup {
 public:
  // Adds entity `index`, whose id is id_of(index). Returns kNoIndex, or the index of an earlier
  // entity with the same id (which is then not added).
  template <typename IdOf>
  std::uint32_t insert(std::uint32_t index, const IdOf& id_of) {
    return insert(index, id_of, Prefetched{hash_of(id_of(index))});
  }

  // An id's hash, its first slot asked of the memory: in a table of a million that slot is a cache
  // miss, so a caller with other work before its insert (a row's other fields) does not wait for it.
  struct Prefetched {
    std::uint32_t hash;
  };
  Prefetched prefetch(std::string_view id) const {
    const std::uint32_t hash = hash_of(id);
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
    return Prefetched{hash};
  }
  // prefetch() for an id whose hash is known already (hashes()).
  Prefetched prefetch(Prefetched known) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[known.hash & (slots_.size() - 1)]);
    return known;
  }
  // insert() for an entity whose id was prefetch()ed.
  template <typename IdOf>
  std::uint32_t insert(std::uint32_t index, const IdOf& id_of, Prefetched prefetched) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    const std::string_view id = id_of(index);
    const std::uint32_t hash = prefetched.hash;
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

  // The index added under `id`, or kNoIndex. `count` is how many entities id_of can still read: an
  // index past it (entities removed since) is no match.
  template <typename IdOf>
  std::uint32_t find(std::string_view id, std::size_t count, const IdOf& id_of) const {
    return find(id, count, id_of, Prefetched{hash_of(id)});
  }
  // find() for an id whose hash is known already.
  template <typename IdOf>
  std::uint32_t find(std::string_view id, std::size_t count, const IdOf& id_of, Prefetched prefetched) const {
    if (slots_.empty()) return kNoIndex;
    const std::uint32_t hash = prefetched.hash;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.index_plus_one == 0) return kNoIndex;
      const std::uint32_t index = slot.index_plus_one - 1;
      if (slot.hash == hash && index < count && id_of(index) == id) return index;
    }
  }

  std::size_t size() const { return used_; }  // distinct ids added

  // The hash of each index below `count` that the table holds (0 for one it does not), so another
  // table can take these entities (insert(..., Prefetched{hash})) without hashing their ids again.
  std::vector<std::uint32_t> hashes(std::size_t count) const {
    std::vector<std::uint32_t> by_index(count, 0);
    for (const Slot& slot : slots_)
      if (slot.index_plus_one != 0 && slot.index_plus_one - 1 < count) by_index[slot.index_plus_one - 1] = slot.hash;
    return by_index;
  }

  void clear() {
    slots_.clear();
    used_ = 0;
  }

  // Room for `ids` ids with the table at most half full: one table of the final size, not each of
  // the doublings up to it (three million rows filled 128 MB of tables for one of 64 MB).
  void reserve(std::size_t ids) {
    std::size_t size = slots_.empty() ? 1024 : slots_.size();
    while (size < ids * 2) size *= 2;
    if (size > slots_.size()) rehash(size);
  }

 private:
  struct Slot {
    std::uint32_t index_plus_one = 0;  // 0: empty
    std::uint32_t hash = 0;
  };

  static std::uint32_t hash_of(std::string_view id) {
    return static_cast<std::uint32_t>(std::hash<std::string_view>()(id));
  }

  void grow() { rehash(slots_.empty() ? 1024 : slots_.size() * 2); }

  void rehash(std::size_t size) {  // a power of two
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(size, Slot{});
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
