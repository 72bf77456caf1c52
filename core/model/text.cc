#include "orgaudit/text.h"

#include <algorithm>

namespace orgaudit::detail {

namespace {

constexpr std::size_t kFirstBlock = 16 * 1024;
constexpr std::size_t kLargestBlock = 1024 * 1024;

std::uint32_t hash_of(std::string_view text) {
  return static_cast<std::uint32_t>(std::hash<std::string_view>()(text));
}

}  // namespace

TextPool::TextPool() = default;
TextPool::~TextPool() = default;

char* TextPool::reserve(std::size_t bytes) {
  if (bytes > left_) {
    const std::size_t grown = block_sizes_.empty() ? kFirstBlock : std::min(block_sizes_.back() * 2, kLargestBlock);
    const std::size_t size = std::max(grown, bytes);
    blocks_.push_back(std::make_unique<char[]>(size));
    block_sizes_.push_back(size);
    next_ = blocks_.back().get();
    left_ = size;
  }
  char* at = next_;
  next_ += bytes;
  left_ -= bytes;
  return at;
}

Text TextPool::add(std::string_view text) {
  if (text.empty()) return Text();
  if (text.size() > UINT32_MAX - 8) throw std::length_error("a text of 4 GiB or more");
  const std::uint32_t size = static_cast<std::uint32_t>(text.size());
  char* at = reserve(sizeof size + text.size() + 1);
  std::memcpy(at, &size, sizeof size);
  std::memcpy(at + sizeof size, text.data(), text.size());
  at[sizeof size + text.size()] = '\0';
  return Text(at + sizeof size);
}

Text TextPool::intern(std::string_view text) {
  if (text.empty()) return Text();
  if ((interned_count_ + 1) * 2 > interned_.size()) grow_interned();
  const std::uint32_t hash = hash_of(text);
  const std::size_t mask = interned_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    Slot& slot = interned_[i];
    if (slot.bytes == nullptr) {
      const Text stored = add(text);
      slot = Slot{stored.bytes_, hash};
      ++interned_count_;
      return stored;
    }
    if (slot.hash == hash && Text(slot.bytes).view() == text) return Text(slot.bytes);
  }
}

void TextPool::grow_interned() {
  std::vector<Slot> old = std::move(interned_);
  interned_.assign(old.empty() ? 256 : old.size() * 2, Slot{});
  const std::size_t mask = interned_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.bytes == nullptr) continue;
    std::size_t i = slot.hash & mask;
    while (interned_[i].bytes != nullptr) i = (i + 1) & mask;
    interned_[i] = slot;
  }
}

void TextPool::keep(std::shared_ptr<const TextPool> other) {
  if (other.get() == this || std::find(kept_.begin(), kept_.end(), other) != kept_.end()) return;
  kept_.push_back(std::move(other));
}

std::size_t TextPool::bytes() const {
  std::size_t total = interned_.size() * sizeof(Slot);
  for (std::size_t size : block_sizes_) total += size;
  return total;
}

}  // namespace orgaudit::detail
