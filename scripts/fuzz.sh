#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/: clang, ASan, UBSan, leak detection) in ./build-asan and
# runs each for SECONDS (default 600: the long run), seeded from tests/fuzz/seeds.txt, as many at a
# time as there are cores. A crash, leak, sanitizer report or 10 s hang is moved to
# tests/fuzz/crashers/<target>/, where the normal test suite replays it, and the script exits 1
# naming the file. Prints each target's runs, execs/s and coverage.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      TARGET: a name in tests/fuzz/seeds.txt (default: all)
#   ORGAUDIT_FUZZ_JOBS=N                        targets run at once (default: the number of cores)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && mapfile -t targets < <(grep -o '^[a-z][a-z_]*' tests/fuzz/seeds.txt | uniq)

bash scripts/asan-build.sh "${targets[@]/#/fuzz_}"
source scripts/sanitizer-options.sh

# One target: its corpus (kept between runs, so each run starts where the last stopped) seeded
# afresh, then libFuzzer. Writes the summary line to build-asan/fuzz-<target>.result.
fuzz_one() {
  local target=$1 corpus="build-asan/corpus/$1" artifacts="build-asan/artifacts/$1" log="build-asan/fuzz-$1.log"
  mkdir -p "$corpus" "$artifacts"
  local name pattern seed
  while read -r name pattern; do
    [ "$name" = "$target" ] || continue
    for seed in $pattern; do
      [ -f "$seed" ] && cp "$seed" "$corpus/seed-$(echo "$seed" | tr '/' '_')"
    done
  done < <(grep -v '^#' tests/fuzz/seeds.txt)
  # The input's syntax as a libFuzzer dictionary (CSV and LDIF need none: single bytes and line starts).
  local dict=()
  case $target in
    yaml | backstage | config | profile | suppressions) dict=(-dict=tests/fuzz/dicts/yaml.dict) ;;
    xml_*) dict=(-dict=tests/fuzz/dicts/xml.dict) ;;
    baseline | json_*) dict=(-dict=tests/fuzz/dicts/json.dict) ;;
  esac
  # -max_len: the UK organogram seeds run to 190 KB; 8 KB inputs keep the run fast and still
  # reach every branch. -timeout: an input taking 10 s is a hang worth keeping.
  local result=0
  "build-asan/bin/fuzz_$target" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" "$corpus" >"$log" 2>&1 || result=$?
  local runs speed coverage
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || true)
  {
    echo "fuzz_$target: ${seconds}s, ${runs:-?} runs, ${speed:-?} execs/s, coverage ${coverage:-?} edges ($log)"
    local found=("$artifacts"/*)
    if [ $result -ne 0 ] || [ -e "${found[0]}" ]; then
      mkdir -p "tests/fuzz/crashers/$target"
      local crash kept
      for crash in "${found[@]}"; do
        [ -e "$crash" ] || continue
        mv "$crash" "tests/fuzz/crashers/$target/"
        kept="tests/fuzz/crashers/$target/$(basename "$crash")"
        echo "  FAILED: kept $kept (reproduce: build-asan/bin/fuzz_$target $kept)"
        # A CI machine's files are gone after the run; a small input survives in the log.
        [ "$(wc -c < "$kept")" -le 4096 ] && echo "  $kept as base64 (base64 -d > FILE): $(base64 -w0 "$kept")"
      done
      grep -m4 -E '^==[0-9]+== ?ERROR|runtime error|terminate called|what\(\)|^fuzz: |^SUMMARY' "$log" | sed 's/^/  /' || true
      echo "  FAILED: fuzz_$target exited $result; see $log"
    fi
  } > "build-asan/fuzz-$target.result"
}

jobs="${ORGAUDIT_FUZZ_JOBS:-$(nproc)}"
echo "== fuzzing ${#targets[@]} targets for ${seconds}s each, $jobs at a time"
running=0
for target in "${targets[@]}"; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true  # fuzz_one reports through its result file
    running=$((running - 1))
  fi
  fuzz_one "$target" &
  running=$((running + 1))
done
wait

status=0
for target in "${targets[@]}"; do
  cat "build-asan/fuzz-$target.result"
  grep -q FAILED "build-asan/fuzz-$target.result" && status=1
done
exit $status
