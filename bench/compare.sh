#!/usr/bin/env bash
# Two orgaudit binaries on the same generated orgs, run in turn (before, after, before, ...) so a
# machine whose speed drifts slows both alike; prints the best wall time of each and its peak RSS.
#
#   bench/compare.sh BEFORE/bin/orgaudit AFTER/bin/orgaudit
#   INPUTS="org-1000000.csv:5 org-1000000.yaml:3" bench/compare.sh A B   # file in bench/out : rounds
#
# The files are bench/run.sh's (bench/out/org-N.FORMAT); run it, or generate_org.py and
# generate_exports.py, first. Each binary finds its packs beside itself, so pass the one in a
# build tree's bin/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ $# -eq 2 ]] || { echo "usage: bench/compare.sh BEFORE_BINARY AFTER_BINARY" >&2; exit 2; }
before=$1 after=$2
inputs="${INPUTS:-org-10000.csv:9 org-100000.csv:7 org-1000000.csv:5 org-3000000.csv:3 org-10000.yaml:7 org-100000.yaml:5 org-1000000.yaml:3 org-1000000.xml:3}"

run() {  # prints "wall_seconds peak_kb" for one check
  local start=$EPOCHREALTIME log
  log=$(mktemp)
  /usr/bin/time -f "%M" -o "$log" "$1" check "$2" --profile classic --format json --fail-on never >/dev/null
  awk -v s="$start" -v e="$EPOCHREALTIME" '{ printf "%.3f %d\n", e - s, $1 }' "$log"
  rm -f "$log"
}

printf "| input | people | before s | after s | before MB | after MB |\n|---|---:|---:|---:|---:|---:|\n"
for spec in $inputs; do
  file="$here/out/${spec%%:*}" rounds=${spec##*:}
  [[ -f $file ]] || { echo "bench: $file is missing (bench/run.sh generates it)" >&2; exit 2; }
  best_before=999 best_after=999 rss_before=0 rss_after=0
  for ((i = 0; i < rounds; i++)); do
    read -r t rss_before < <(run "$before" "$file")
    best_before=$(awk -v a="$t" -v b="$best_before" 'BEGIN { print (a < b ? a : b) }')
    read -r t rss_after < <(run "$after" "$file")
    best_after=$(awk -v a="$t" -v b="$best_after" 'BEGIN { print (a < b ? a : b) }')
  done
  name=${file##*/org-}
  printf "| %s | %s | %.3f | %.3f | %d | %d |\n" "${name##*.}" "${name%.*}" "$best_before" "$best_after" \
    $((rss_before / 1024)) $((rss_after / 1024))
done
