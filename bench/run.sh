#!/usr/bin/env bash
# Times `orgaudit check` end to end (load, resolve, every default rule, scoring, JSON rendering) on
# synthetic orgs of 10k, 100k and 1M people, and prints a table: people, seconds, people/s, peak RSS.
#
#   bench/run.sh                                  # build/bin/orgaudit, 10k 100k 1M
#   ORGAUDIT=/path/to/orgaudit bench/run.sh
#   SIZES="10000 100000" REPEAT=3 bench/run.sh    # best of 3 runs per size
#   FORMATS="csv xml" ARGS="--profile classic" bench/run.sh   # the same orgs as HR exports
#   FORMATS="json ldif" bench/run.sh              # as SCIM JSON and LDIF (bench/generate_directory.py)
#
# With csv in FORMATS, bench/peer_csv_review.py (the csv-module script a user would write for the
# spans-and-layers review) is timed on the same export and the ratio printed.
#
# The org files are generated on first use into bench/out/ (gitignored) by bench/generate_org.py;
# their CSV and HR-XML equivalents by bench/generate_exports.py. With csv in FORMATS the CSV
# reader's own throughput is measured too (orgaudit_csv_bench, beside the binary), and with yaml
# the YAML loader's (orgaudit_yaml_bench: libyaml's events alone, the loader in one pass and split).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
orgaudit="${ORGAUDIT:-$root/build/bin/orgaudit}"
sizes="${SIZES:-10000 100000 1000000}"
repeat="${REPEAT:-1}"
formats="${FORMATS:-yaml}"
extra_args="${ARGS:-}"
out="$here/out"

if [[ ! -x "$orgaudit" ]]; then
  echo "bench: no orgaudit binary at $orgaudit (build it, or set ORGAUDIT)" >&2
  exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "bench: installing GNU time" >&2
    apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
  else
    echo "bench: /usr/bin/time (GNU time) is missing: apt-get install time" >&2
    exit 2
  fi
fi
mkdir -p "$out"

# "h:mm:ss" or "m:ss.ss" -> seconds
to_seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<<"$1"; }

echo "orgaudit: $orgaudit ($("$orgaudit" --version 2>/dev/null | head -n1 || echo "version unknown"))"
echo "machine:  $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo "cpu unknown")"
echo "command:  orgaudit check FILE --fail-on never --format json $extra_args > /dev/null"
echo
# user and sys: CPU seconds of the same (best) run, the figure to compare on a machine that is not idle.
printf '| %6s | %9s | %8s | %9s | %6s | %6s | %11s | %8s |\n' format people seconds people/s "user s" "sys s" "peak RSS MB" "file MB"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' ------- ----------: ---------: ----------: -------: -------: ------------: ---------:

status=0
declare -A csv_seconds  # orgaudit's best time per size on the CSV export, for the peer comparison
for n in $sizes; do
for format in $formats; do
  file="$out/org-$n.$format"
  if [[ ! -f "$out/org-$n.yaml" ]]; then
    python3 "$here/generate_org.py" "$n" -o "$out/org-$n.yaml" 2>/dev/null
  fi
  if [[ ! -f "$file" ]]; then
    case "$format" in
      json | ldif) python3 "$here/generate_directory.py" "$n" 2>/dev/null ;;  # SCIM JSON, LDIF
      *) python3 "$here/generate_exports.py" "$n" 2>/dev/null ;;
    esac
  fi
  best_s="" best_rss="" best_user="" best_sys=""
  for ((r = 0; r < repeat; r++)); do
    log="$out/time-$n.log"
    rc=0
    # shellcheck disable=SC2086 # ARGS is a list of words
    /usr/bin/time -v -o "$log" "$orgaudit" check "$file" --fail-on never --format json $extra_args \
      >/dev/null 2>"$out/stderr-$n.log" || rc=$?
    if [[ $rc -ne 0 ]]; then
      echo "bench: orgaudit exited $rc on $file; last lines of its stderr:" >&2
      tail -n 5 "$out/stderr-$n.log" >&2
      status=1
      continue 2
    fi
    wall=$(sed -n 's/.*Elapsed (wall clock) time[^:]*: *//p' "$log")
    s=$(to_seconds "$wall")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
    user=$(awk -F': ' '/User time \(seconds\)/ { print $2 }' "$log")
    sys=$(awk -F': ' '/System time \(seconds\)/ { print $2 }' "$log")
    if [[ -z "$best_s" ]] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then
      best_s=$s best_rss=$rss best_user=$user best_sys=$sys
    fi
  done
  rate=$(awk -v n="$n" -v s="$best_s" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "-" }')
  mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1048576 }')
  printf '| %6s | %9s | %8s | %9s | %6s | %6s | %11s | %8s |\n' "$format" "$n" "$best_s" "$rate" "$best_user" "$best_sys" "$best_rss" "$mb"
  [[ "$format" == csv ]] && csv_seconds[$n]=$best_s
done
done
if [[ " $formats " == *" csv "* ]]; then
  # The peer: the csv-module script an analyst would write instead (bench/peer_csv_review.py), timed on
  # the same exports; the ratio is orgaudit's seconds over the script's (below 1: orgaudit is faster).
  echo
  printf '| %9s | %15s | %14s | %17s | %16s |\n' people "orgaudit csv s" "peer script s" "peer peak RSS MB" "orgaudit / peer"
  printf '|%s|%s|%s|%s|%s|\n' ----------: ----------------: ---------------: ------------------: -----------------:
  for n in $sizes; do
    log="$out/time-peer-$n.log"
    /usr/bin/time -v -o "$log" python3 "$here/peer_csv_review.py" "$out/org-$n.csv" >/dev/null
    peer_s=$(to_seconds "$(sed -n 's/.*Elapsed (wall clock) time[^:]*: *//p' "$log")")
    peer_rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
    ours=${csv_seconds[$n]:-}
    ratio=$(awk -v a="$ours" -v b="$peer_s" 'BEGIN { if (a != "" && b > 0) printf "%.2f", a / b; else print "-" }')
    printf '| %9s | %15s | %14s | %17s | %16s |\n' "$n" "${ours:--}" "$peer_s" "$peer_rss" "$ratio"
  done
fi
if [[ " $formats " == *" yaml "* && -x "$(dirname "$orgaudit")/orgaudit_yaml_bench" ]]; then
  echo
  for n in $sizes; do last=$n; done
  "$(dirname "$orgaudit")/orgaudit_yaml_bench" "$out/org-$last.yaml"
fi
if [[ " $formats " == *" csv "* && -x "$(dirname "$orgaudit")/orgaudit_csv_bench" ]]; then
  echo
  for n in $sizes; do last=$n; done
  "$(dirname "$orgaudit")/orgaudit_csv_bench" "$out/org-$last.csv"
fi
exit $status
