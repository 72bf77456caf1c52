#include "orgaudit/text.h"

#include <algorithm>

namespace orgaudit::detail {

namespace {

constexpr std::size_t kFirstBlock = 16 * 1024;
constexpr std::size_t kLargestBlock = 1024 * 1024;

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
  return intern(text, interned_ids_.prefetch(text));
}

Text TextPool::intern(std::string_view text, IdLookup::Prefetched hash) {
  // One probe: the value asked for stands at the next index until it is known to be new.
  const auto next = static_cast<std::uint32_t>(interned_.size());
  const std::uint32_t found = interned_ids_.insert(next, [&](std::uint32_t i) {
    return i == next ? text : interned_[i].view();
  }, hash);
  if (found != kNoIndex) return interned_[found];
  interned_.push_back(add(text));
  return interned_.back();
}

void TextPool::keep(std::shared_ptr<const TextPool> other) {
  if (other.get() == this || std::find(kept_.begin(), kept_.end(), other) != kept_.end()) return;
  kept_.push_back(std::move(other));
}

TextPool::Reinterned TextPool::intern_all(const TextPool& other) {
  Reinterned moved;
  std::size_t slots = 16;
  while (slots < other.interned_.size() * 2) slots *= 2;
  moved.slots_.resize(slots);
  const std::size_t mask = slots - 1;
  // The other table knows each value's hash, and asking for slots a few values ahead overlaps
  // their cache misses: a hundred thousand values, in a table of as many here.
  constexpr std::size_t kAhead = 8;
  const std::vector<std::uint32_t> hashes = other.interned_ids_.hashes(other.interned_.size());
  for (std::size_t k = 0; k < other.interned_.size(); ++k) {
    if (k + kAhead < hashes.size()) interned_ids_.prefetch(IdLookup::Prefetched{hashes[k + kAhead]});
    const Text text = other.interned_[k];
    std::size_t i = Reinterned::slot_of(text.data()) & mask;
    while (moved.slots_[i].from != nullptr) i = (i + 1) & mask;
    moved.slots_[i] = Reinterned::Slot{text.data(), intern(text.view(), IdLookup::Prefetched{hashes[k]})};
  }
  return moved;
}

std::size_t TextPool::bytes() const {
  std::size_t total = interned_.capacity() * sizeof(Text);
  for (std::size_t size : block_sizes_) total += size;
  return total;
}

}  // namespace orgaudit::detail
