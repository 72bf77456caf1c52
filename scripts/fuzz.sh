#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/, clang with ASan and UBSan) in ./build-fuzz and runs each
# for SECONDS (default 600), seeded from tests/fuzz/seeds.txt. A crash, leak, sanitizer report or
# timeout is copied to tests/fuzz/crashers/<target>/, where the normal test suite replays it, and
# the script exits 1. Prints each target's runs, execs/s and coverage.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      TARGET: yaml, csv, xml (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(yaml csv xml json ldif backstage)

bash scripts/setup.sh --fuzz
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-fuzz -DORGAUDIT_FUZZ=ON -DORGAUDIT_BUILD_TESTS=OFF -DCMAKE_CXX_COMPILER=clang++ \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/#/fuzz_}" >/dev/null

status=0
for target in "${targets[@]}"; do
  corpus="build-fuzz/corpus/$target"     # kept between runs: each run starts where the last stopped
  artifacts="build-fuzz/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  while read -r name pattern; do
    [ "$name" = "$target" ] || continue
    for seed in $pattern; do
      [ -f "$seed" ] && cp "$seed" "$corpus/seed-$(echo "$seed" | tr '/' '_')"
    done
  done < <(grep -v '^#' tests/fuzz/seeds.txt)
  log="build-fuzz/fuzz-$target.log"
  # -max_len: the UK organogram seeds run to 190 KB; shorter inputs keep the run fast and still
  # reach every branch. -timeout: an input taking 10 s is a hang worth keeping.
  set +e
  "build-fuzz/bin/fuzz_$target" -max_total_time="$seconds" -max_len=32768 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1
  result=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || true)
  echo "fuzz_$target: ${seconds}s, ${runs:-?} runs, ${speed:-?} execs/s, coverage ${coverage:-?} edges ($log)"
  found=("$artifacts"/*)
  if [ $result -ne 0 ] || [ -e "${found[0]}" ]; then
    mkdir -p "tests/fuzz/crashers/$target"
    for crash in "${found[@]}"; do
      [ -e "$crash" ] && mv "$crash" "tests/fuzz/crashers/$target/" && echo "  kept tests/fuzz/crashers/$target/$(basename "$crash")"
    done
    grep -m1 -E 'ERROR|fuzz: |SUMMARY' "$log" | sed 's/^/  /' || true
    status=1
  fi
done
exit $status
