#!/usr/bin/env bash
# The data-race check of the test command (scripts/test.sh, which CI runs): the phases that split
# across two threads, built with ThreadSanitizer in ./build-tsan, run on inputs large enough to
# split. First the unit tests tagged [threads] (each runs one phase both ways and compares), then
# `orgaudit check` on a generated 60,000-person org as YAML, CSV and HR-XML, whose JSON must equal
# the release build's. Any race report fails the run (halt_on_error).
#
#   scripts/tsan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --fuzz  # clang and its sanitizer runtimes
start=$SECONDS
echo "== building the ThreadSanitizer tree build-tsan (clang)"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-tsan -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Release -DORGAUDIT_TSAN=ON \
      "${launcher[@]}" >/dev/null
cmake --build build-tsan -j"$(nproc)" --target orgaudit orgaudit_tests >/dev/null
echo "   built in $((SECONDS - start)) s"

export TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1"
start=$SECONDS
echo "== unit tests tagged [threads] under ThreadSanitizer"
build-tsan/bin/orgaudit_tests "[threads]"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/generate_exports.py 60000 2>/dev/null  # bench/out/org-60000.{yaml,csv,xml}, as the benchmark's
for input in bench/out/org-60000.yaml bench/out/org-60000.csv bench/out/org-60000.xml; do
  echo "== orgaudit check $(basename "$input") under ThreadSanitizer"
  build-tsan/bin/orgaudit check "$input" --profile classic --format json --fail-on never >"$work/tsan.json"
  build/bin/orgaudit check "$input" --profile classic --format json --fail-on never >"$work/release.json"
  cmp "$work/tsan.json" "$work/release.json" || { echo "tsan: the JSON of $input differs from the release build's" >&2; exit 1; }
done
echo "   passed in $((SECONDS - start)) s"
