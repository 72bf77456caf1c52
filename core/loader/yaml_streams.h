// Views of an org file for parallel parsing: one chunk's bytes, or the file without its chunks.
#pragma once

#include <algorithm>
#include <cstdint>
#include <istream>
#include <streambuf>
#include <utility>
#include <vector>

namespace orgaudit::yaml {

// Reads the bytes [begin, end) of `source`, or, with holes, the whole of it less each hole, as one
// stream. Holes are sorted, disjoint byte ranges.
class SpliceBuf final : public std::streambuf {
 public:
  using Range = std::pair<std::uint64_t, std::uint64_t>;

  SpliceBuf(std::istream& source, std::uint64_t begin, std::uint64_t end, std::vector<Range> holes = {})
      : source_(source), position_(begin), end_(end), holes_(std::move(holes)) {
    source_.seekg(static_cast<std::streamoff>(begin));
  }

 protected:
  int_type underflow() override {
    while (next_hole_ < holes_.size() && position_ >= holes_[next_hole_].first) {
      position_ = holes_[next_hole_++].second;
      source_.seekg(static_cast<std::streamoff>(position_));
    }
    std::uint64_t limit = next_hole_ < holes_.size() ? holes_[next_hole_].first : end_;
    if (position_ >= limit || !source_) return traits_type::eof();
    std::uint64_t want = std::min<std::uint64_t>(limit - position_, sizeof buffer_);
    source_.read(buffer_, static_cast<std::streamsize>(want));
    auto got = static_cast<std::size_t>(source_.gcount());
    if (got == 0) return traits_type::eof();
    position_ += got;
    setg(buffer_, buffer_, buffer_ + got);
    return traits_type::to_int_type(buffer_[0]);
  }

 private:
  std::istream& source_;
  std::uint64_t position_;
  std::uint64_t end_;
  std::vector<Range> holes_;
  std::size_t next_hole_ = 0;
  char buffer_[1 << 16];
};

}  // namespace orgaudit::yaml
