#!/usr/bin/env bash
# The second half of the test command (scripts/test.sh, which CI runs): the whole test suite built
# with AddressSanitizer and UndefinedBehaviorSanitizer in ./build-asan and run there with leak
# detection, then each fuzz target for a short smoke (scripts/fuzz.sh). Exits non-zero when a test
# fails under the sanitizers or a fuzz target finds something (its input is kept in
# tests/fuzz/crashers/<target>/, and the path printed).
#
#   scripts/sanitize.sh [FUZZ_SECONDS]     seconds per fuzz target (default 30; 0 skips the smoke)
set -euo pipefail
cd "$(dirname "$0")/.."
fuzz_seconds="${1:-30}"

bash scripts/setup.sh --test --fuzz
start=$SECONDS
echo "== building the sanitizer tree build-asan (clang, ASan + UBSan)"
bash scripts/asan-build.sh orgaudit_tests orgaudit_shell_files orgaudit_fuzzers  # shell files: the install test
echo "   built in $((SECONDS - start)) s"

source scripts/sanitizer-options.sh
# ASan's allocator reports an allocation it cannot satisfy and aborts rather than throwing
# std::bad_alloc, and `ulimit -v` starves its shadow memory: the out-of-memory test checks the
# release build's behaviour only.
excluded='running out of memory is exit 2'
[ "$(ctest --test-dir build-asan -N -R "$excluded" | grep -c 'Test *#')" -eq 1 ] ||
  { echo "sanitize: '$excluded' must name exactly one test" >&2; exit 2; }
echo "== running the test suite under ASan + UBSan, leak detection on (not run here: '$excluded')"
start=$SECONDS
ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -E "$excluded"
echo "   passed in $((SECONDS - start)) s"

if [ "$fuzz_seconds" -gt 0 ]; then
  start=$SECONDS
  bash scripts/fuzz.sh "$fuzz_seconds"
  echo "   fuzz smoke passed in $((SECONDS - start)) s"
fi
