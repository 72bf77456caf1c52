// libFuzzer's entry point for one harness: compiled once per target with ORGAUDIT_FUZZ_TARGET set
// to its function in fuzz_targets.h (tests/fuzz/CMakeLists.txt).
#include <cstdio>
#include <cstdlib>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    return orgaudit::fuzz::ORGAUDIT_FUZZ_TARGET(data, size);
  } catch (const orgaudit::fuzz::Bug& bug) {
    // libFuzzer keeps the input of a crash; any other exception is left to crash on its own.
    std::fprintf(stderr, "fuzz: %s\n", bug.what());
    std::abort();
  }
}
