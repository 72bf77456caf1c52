#!/usr/bin/env bash
# Configures and builds the sanitizer tree ./build-asan: clang, ASan and UBSan everywhere, -O1 with
# line tables, libFuzzer coverage in every library and libFuzzer itself linked into the fuzz_*
# binaries only (CMakeLists.txt, ORGAUDIT_SANITIZE and ORGAUDIT_FUZZ). One tree serves both the
# sanitizer suite (scripts/sanitize.sh) and the fuzzers (scripts/fuzz.sh), so CI compiles it once.
#
#   scripts/asan-build.sh TARGET...     e.g. orgaudit_tests orgaudit_fuzzers (every fuzz_* binary)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --fuzz
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-asan -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Release \
      -DORGAUDIT_SANITIZE=ON -DORGAUDIT_FUZZ=ON "${launcher[@]}" >/dev/null
cmake --build build-asan -j"$(nproc)" --target "$@" >/dev/null
