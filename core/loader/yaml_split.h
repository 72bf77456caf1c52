// Finds where a large org file can be cut so that its `people:`/`units:`/`links:` items are parsed
// on several cores. libyaml parses about 55 MB/s of CPU, so a million people (175 MB) take about
// 4.5 s on one core, and the loader is the largest phase of a check.
//
// Only the plainest block style is cut: a top-level `people:` line followed by `- ` items, in a file
// where no scalar or flow collection spans lines and nothing uses anchors, tags, block scalars,
// directives, tabs or bare CRs. Anything else yields no ranges and the file is read in one pass.
// Cutting at an item line is then exact: each chunk of items is a YAML document of its own.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

namespace orgaudit::yaml {

struct SplitChunk {
  std::uint64_t begin = 0;  // byte offsets in the file
  std::uint64_t end = 0;
  std::uint32_t first_line = 0;  // 0-based line of `begin`
  std::uint64_t items = 0;
};

// The item lines of one top-level section, cut into chunks at item starts.
struct SplitRange {
  std::string section;         // "people", "units" or "links"
  std::uint32_t key_line = 0;  // 0-based line of the `people:` key
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::uint32_t first_line = 0;  // 0-based; the range covers [first_line, end_line)
  std::uint32_t end_line = 0;
  std::uint64_t items = 0;
  std::vector<SplitChunk> chunks;
};

struct SplitPlan {
  std::vector<SplitRange> ranges;  // in file order; empty: read the file in one pass
};

// Called with each chunk as soon as it is complete and certain to be in the plan, in file order, so
// that chunks can be parsed while the rest of the file is planned. A plan that ends empty (the
// file turned out not to be cuttable) voids the chunks already given.
using ChunkReady = std::function<void(const std::string& section, const SplitChunk& chunk)>;

// Reads the whole stream once. Ranges smaller than min_range_bytes are left to the one pass.
SplitPlan plan_split(std::istream& in, std::uint64_t chunk_bytes, std::uint64_t min_range_bytes,
                     const ChunkReady& ready = nullptr);

}  // namespace orgaudit::yaml
