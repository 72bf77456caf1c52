// How load_yaml_org spreads a large file over cores; tests shrink the sizes to split small files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/file_system.h"
#include "loader/record_limits.h"
#include "orgaudit/model.h"
#include "util/diagnostic.h"
#include "util/progress.h"

namespace orgaudit {

struct YamlLoadTuning {
  unsigned threads = 0;                          // 0: one per core; 1: never split
  // A section smaller than this is read in one pass. Splitting pays from about 3,000 people: a
  // 1.7 MB file of 10,000 loads in 25 ms on two cores against 35 ms in one pass.
  std::uint64_t min_split_bytes = 512u << 10;
  std::uint64_t chunk_bytes = 0;  // 0: about 32 chunks per thread, at least 64 KiB
};

// load_yaml_org (yaml_loader.h) with explicit tuning. The result, warnings and errors are the same
// for every tuning: a split parse that meets anything unexpected is redone in one pass.
void load_yaml_org(const FileSystem& files, const std::string& path, Org& org,
                   std::vector<Diagnostic>& warnings, Progress& progress, const YamlLoadTuning& tuning,
                   const RecordLimits& limits = {});

}  // namespace orgaudit
