// libFuzzer's entry point for one harness: compiled once per target with ORGAUDIT_FUZZ_TARGET set
// to its name in fuzz_targets.cc (tests/fuzz/CMakeLists.txt builds one per name in seeds.txt).
#include <cstdio>
#include <cstdlib>

#include "fuzz_targets.h"

namespace {

const orgaudit::fuzz::Target& the_target() {
  static const orgaudit::fuzz::Target* target = orgaudit::fuzz::find_target(ORGAUDIT_FUZZ_TARGET);
  if (!target) {
    std::fprintf(stderr, "fuzz: no harness named '%s' in fuzz_targets.cc\n", ORGAUDIT_FUZZ_TARGET);
    std::abort();
  }
  return *target;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    return the_target().run(data, size);
  } catch (const orgaudit::fuzz::Bug& bug) {
    // libFuzzer keeps the input of a crash; any other exception is left to crash on its own.
    std::fprintf(stderr, "fuzz: %s\n", bug.what());
    std::abort();
  }
}
