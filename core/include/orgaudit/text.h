// The model's strings and short lists, sized for a million people.
//
// A person's id, name, title, grade and unit id are Text: eight bytes, a handle on characters the
// org stores once (Org::text, Org::interned) rather than a 32-byte std::string each with its own heap
// block. A rule reads a Text as a std::string_view; only the org that holds the characters can make
// one, so no handle outlives the text it names while its org (or a copy of it) lives.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <memory>
#include <new>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "orgaudit/export.h"
#include "orgaudit/id_lookup.h"

namespace orgaudit {

namespace detail {
class TextPool;
}

class Text {
 public:
  constexpr Text() = default;

  const char* data() const { return bytes_ ? bytes_ : ""; }  // NUL-terminated
  std::size_t size() const {
    if (bytes_ == nullptr) return 0;
    std::uint32_t size;
    std::memcpy(&size, bytes_ - sizeof size, sizeof size);
    return size;
  }
  bool empty() const { return bytes_ == nullptr; }  // the pool hands out no empty text but this one
  std::string_view view() const { return std::string_view(data(), size()); }
  operator std::string_view() const { return view(); }  // NOLINT: a Text is read as a view
  std::string str() const { return std::string(view()); }
  const char* begin() const { return data(); }
  const char* end() const { return data() + size(); }
  char operator[](std::size_t i) const { return data()[i]; }

  // Two handles on one interned text compare by address alone.
  friend bool operator==(Text a, Text b) { return a.bytes_ == b.bytes_ || a.view() == b.view(); }
  friend bool operator!=(Text a, Text b) { return !(a == b); }
  friend bool operator==(Text a, std::string_view b) { return a.view() == b; }
  friend bool operator!=(Text a, std::string_view b) { return a.view() != b; }
  friend bool operator==(std::string_view a, Text b) { return a == b.view(); }
  friend bool operator!=(std::string_view a, Text b) { return a != b.view(); }
  friend bool operator==(Text a, const char* b) { return a.view() == b; }
  friend bool operator!=(Text a, const char* b) { return a.view() != b; }
  friend bool operator==(Text a, const std::string& b) { return a.view() == b; }
  friend bool operator!=(Text a, const std::string& b) { return a.view() != b; }
  friend bool operator==(const std::string& a, Text b) { return a == b.view(); }
  friend bool operator!=(const std::string& a, Text b) { return a != b.view(); }
  friend bool operator<(Text a, Text b) { return a.view() < b.view(); }
  friend std::ostream& operator<<(std::ostream& out, Text text) { return out << text.view(); }
  friend std::string operator+(const std::string& a, Text b) { return a + std::string(b.view()); }
  friend std::string operator+(std::string&& a, Text b) { return std::move(a.append(b.view())); }
  friend std::string operator+(const char* a, Text b) { return std::string(a).append(b.view()); }
  friend std::string operator+(Text a, const std::string& b) { return a.str() + b; }
  friend std::string operator+(Text a, const char* b) { return a.str() + b; }

 private:
  friend class detail::TextPool;
  explicit Text(const char* bytes) : bytes_(bytes) {}

  const char* bytes_ = nullptr;  // the characters; the four bytes before them hold the size
};

// A short list kept in one heap block behind an eight-byte handle (a std::vector is 24 bytes): a
// person's dotted lines and attributes, which most people have none or one of. Only for types that
// copy as bytes (indices, Text, Attribute).
template <typename T>
class SmallList {
  static_assert(std::is_trivially_copyable<T>::value, "a SmallList holds bytes it may move with memcpy");

 public:
  SmallList() = default;
  SmallList(std::initializer_list<T> items) { assign(items.begin(), items.end()); }
  SmallList(const SmallList& other) { assign(other.begin(), other.end()); }
  SmallList(SmallList&& other) noexcept : block_(other.block_) { other.block_ = nullptr; }
  SmallList& operator=(const SmallList& other) {
    if (this != &other) {
      clear();
      assign(other.begin(), other.end());
    }
    return *this;
  }
  SmallList& operator=(SmallList&& other) noexcept {
    if (this != &other) {
      std::free(block_);
      block_ = other.block_;
      other.block_ = nullptr;
    }
    return *this;
  }
  ~SmallList() { std::free(block_); }

  std::size_t size() const { return block_ ? block_->size : 0; }
  bool empty() const { return size() == 0; }
  T* begin() { return block_ ? block_->items() : nullptr; }
  T* end() { return begin() + size(); }
  const T* begin() const { return block_ ? block_->items() : nullptr; }
  const T* end() const { return begin() + size(); }
  T& operator[](std::size_t i) { return begin()[i]; }
  const T& operator[](std::size_t i) const { return begin()[i]; }
  T& at(std::size_t i) {
    if (i >= size()) throw std::out_of_range("SmallList::at");
    return begin()[i];
  }
  const T& at(std::size_t i) const {
    if (i >= size()) throw std::out_of_range("SmallList::at");
    return begin()[i];
  }
  const T& front() const { return begin()[0]; }
  const T& back() const { return begin()[size() - 1]; }

  void reserve(std::size_t count) {
    if (count > capacity()) grow_to(count);
  }
  void push_back(const T& item) {
    if (size() == capacity()) grow_to(capacity() == 0 ? 1 : capacity() * 2);
    block_->items()[block_->size++] = item;
  }
  template <typename... Args>
  void emplace_back(Args&&... args) {
    push_back(T{std::forward<Args>(args)...});
  }
  void clear() {
    if (block_) block_->size = 0;
  }
  // Keeps the items for which keep(item) is true, in order.
  template <typename Keep>
  void keep_if(const Keep& keep) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < size(); ++i)
      if (keep(begin()[i])) begin()[kept++] = begin()[i];
    if (block_) block_->size = static_cast<std::uint32_t>(kept);
  }

  friend bool operator==(const SmallList& a, const SmallList& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!(a[i] == b[i])) return false;
    return true;
  }

 private:
  // The header, then the items; malloc's alignment and the 8-byte header keep them aligned.
  struct Block {
    std::uint32_t size;
    std::uint32_t capacity;
    T* items() { return reinterpret_cast<T*>(this + 1); }
  };
  static_assert(sizeof(Block) == 8 && alignof(T) <= 8, "items follow the block's 8-byte header");

  std::size_t capacity() const { return block_ ? block_->capacity : 0; }

  void grow_to(std::size_t count) {
    auto* grown = static_cast<Block*>(std::realloc(block_, sizeof(Block) + count * sizeof(T)));
    if (grown == nullptr) throw std::bad_alloc();
    if (block_ == nullptr) grown->size = 0;
    grown->capacity = static_cast<std::uint32_t>(count);
    block_ = grown;
  }

  template <typename It>
  void assign(It first, It last) {
    reserve(static_cast<std::size_t>(last - first));
    for (; first != last; ++first) push_back(*first);
  }

  Block* block_ = nullptr;
};

namespace detail {

// Where an org's Texts live: append-only blocks, so a handle stays valid while the pool does, and
// a pool is shared by an org's copies (a what-if scenario copies the org and adds names). One
// writer at a time: importers fill an org on one thread at a time.
class ORGAUDIT_API TextPool {
 public:
  TextPool();
  ~TextPool();
  TextPool(const TextPool&) = delete;
  TextPool& operator=(const TextPool&) = delete;

  // A copy of `text` (ids and names: each is stored where it is given).
  Text add(std::string_view text);
  // The one stored copy of `text`, stored the first time (titles, grades, unit ids, attribute keys:
  // a million people name a few thousand).
  Text intern(std::string_view text);
  // Keeps `other`'s texts alive as long as this pool (an org that takes another's people).
  void keep(std::shared_ptr<const TextPool> other);

  // Where another pool's interned texts are once interned here; any other text stays as it is.
  class Reinterned {
   public:
    Text operator()(Text text) const {
      if (text.empty()) return text;
      const std::size_t mask = slots_.size() - 1;
      for (std::size_t i = slot_of(text.data()) & mask;; i = (i + 1) & mask) {
        if (slots_[i].from == text.data()) return slots_[i].to;
        if (slots_[i].from == nullptr) return text;
      }
    }

   private:
    friend class TextPool;
    struct Slot {
      const char* from = nullptr;  // null: empty
      Text to;
    };
    static std::size_t slot_of(const char* from) {
      return static_cast<std::size_t>((reinterpret_cast<std::uintptr_t>(from) * 0x9E3779B97F4A7C15ull) >> 32);
    }
    std::vector<Slot> slots_;  // open addressing by address, at most half full
  };
  // Interns here every text `other` interned. An org that takes another's people re-points their
  // interned texts (titles, units, ...) through the result, so that each value is still stored
  // once and equal values share an address; it keeps `other` for the texts stored per call.
  Reinterned intern_all(const TextPool& other);

  std::size_t bytes() const;  // what the pool holds: its blocks and its interned list

 private:
  char* reserve(std::size_t bytes);
  Text intern(std::string_view text, IdLookup::Prefetched hash);  // `text` is not empty

  std::vector<std::unique_ptr<char[]>> blocks_;
  std::vector<std::size_t> block_sizes_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
  std::vector<Text> interned_;  // each interned value once, found through interned_ids_
  IdLookup interned_ids_;
  std::vector<std::shared_ptr<const TextPool>> kept_;
};

// An org's pool: shared by the org's copies, and kept by an org moved from, so that every org (one
// whose people were moved away too) can still store a text.
class TextPoolHandle {
 public:
  TextPoolHandle() : pool_(std::make_shared<TextPool>()) {}
  TextPoolHandle(const TextPoolHandle&) = default;
  TextPoolHandle(TextPoolHandle&& other) noexcept : pool_(other.pool_) {}
  TextPoolHandle& operator=(const TextPoolHandle&) = default;
  TextPoolHandle& operator=(TextPoolHandle&& other) noexcept {
    pool_ = other.pool_;
    return *this;
  }

  TextPool* operator->() const { return pool_.get(); }
  TextPool& operator*() const { return *pool_; }
  const std::shared_ptr<TextPool>& shared() const { return pool_; }

 private:
  std::shared_ptr<TextPool> pool_;
};

}  // namespace detail

}  // namespace orgaudit

template <>
struct std::hash<orgaudit::Text> {
  std::size_t operator()(orgaudit::Text text) const { return std::hash<std::string_view>()(text.view()); }
};
