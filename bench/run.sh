#!/usr/bin/env bash
# Times `orgaudit check` end to end (load, resolve, every rule of the profile, scoring, JSON
# rendering) on synthetic orgs, beside the networkx script a user would write instead
# (bench/peer/org_review.py), and prints one table: wall seconds, user+sys CPU seconds, peak RSS,
# microseconds per person for both, and how many times faster orgaudit is.
#
#   bench/run.sh                                  # build/bin/orgaudit, 10k 100k 1M, YAML and CSV
#   SIZES="10000 100000 1000000 3000000" bench/run.sh   # the peer takes minutes at 3M
#   ORGAUDIT=/path/to/orgaudit REPEAT=3 bench/run.sh    # best of 3 runs per size (orgaudit only)
#   FORMATS="csv xml" ARGS="--profile classic" bench/run.sh   # the same orgs as HR exports
#   FORMATS="json ldif" PEER=0 bench/run.sh       # as SCIM JSON and LDIF (bench/generate_directory.py)
#
# The peer reads CSV and YAML; other formats get no peer columns, and PEER=0 skips it. Before the
# timings, both are run on the smallest size and their counts compared (the peer's keys against
# orgaudit's JSON findings), so the table compares two programs that found the same problems.
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
formats="${FORMATS:-yaml csv}"
extra_args="${ARGS:---profile classic}"
peer="${PEER:-1}"
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

input_file() {  # generates org-N.FORMAT on first use, prints its path
  local n=$1 format=$2 file="$out/org-$1.$2"
  [[ -f "$out/org-$n.yaml" ]] || python3 "$here/generate_org.py" "$n" -o "$out/org-$n.yaml" 2>/dev/null
  if [[ ! -f "$file" ]]; then
    case "$format" in
      json | ldif) python3 "$here/generate_directory.py" "$n" 2>/dev/null ;;  # SCIM JSON, LDIF
      *) python3 "$here/generate_exports.py" "$n" 2>/dev/null ;;
    esac
  fi
  echo "$file"
}

has_peer() { [[ "$peer" != 0 && ( "$1" == csv || "$1" == yaml ) ]]; }

# Runs a command under GNU time; sets wall, cpu (user + sys) and rss (MB). Stdout is discarded.
# Wall time from the shell's clock, since GNU time's is in hundredths (a 10k run takes a few).
measure() {
  local log="$out/time.log" rc=0 start=$EPOCHREALTIME
  /usr/bin/time -f "%U %S %M" -o "$log" "$@" >/dev/null 2>"$out/stderr.log" || rc=$?
  local end=$EPOCHREALTIME
  if [[ $rc -ne 0 ]]; then
    echo "bench: exit $rc from $*; last lines of its stderr:" >&2
    tail -n 5 "$out/stderr.log" >&2
    return 1
  fi
  read -r wall cpu rss < <(awk -v s="$start" -v e="$end" '{ printf "%.3f %.2f %.0f\n", e - s, $1 + $2, $3 / 1024 }' "$log")
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }'; }
per_person() { awk -v s="$1" -v n="$2" 'BEGIN { printf "%.2f", s * 1e6 / n }'; }

# The peer and orgaudit must agree before their times mean anything: the span keys, the deep lines,
# the roots and the unknown managers, on the smallest size of each format.
check_agreement() {
  local file=$1 report="$out/agreement.json"
  # shellcheck disable=SC2086 # ARGS is a list of words
  "$orgaudit" check "$file" --fail-on never --format json $extra_args >"$report"
  python3 "$here/peer/org_review.py" "$file" | python3 "$here/peer/agreement.py" "$report" "$file"
}

echo "orgaudit: $orgaudit ($("$orgaudit" --version 2>/dev/null | head -n1 || echo "version unknown"))"
echo "peer:     bench/peer/org_review.py (python $(python3 -c 'import platform; print(platform.python_version())'), networkx $(python3 -c 'import networkx; print(networkx.__version__)' 2>/dev/null || echo missing))"
echo "machine:  $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo "cpu unknown"), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command:  orgaudit check FILE --fail-on never --format json $extra_args > /dev/null"
echo

status=0
read -r smallest _ <<<"$sizes"
for format in $formats; do
  if has_peer "$format"; then
    check_agreement "$(input_file "$smallest" "$format")" || status=1
  fi
done
echo

printf '| %6s | %9s | %7s | %7s | %6s | %8s | %7s | %7s | %6s | %8s | %7s | %7s |\n' format people "wall s" "cpu s" "RSS MB" "us/person" \
  "peer s" "peer cpu" "peer MB" "peer us/p" "speedup" "cpu speedup"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' ------- ----------: --------: --------: -------: ---------: --------: --------: -------: ---------: --------: --------:
for n in $sizes; do
  for format in $formats; do
    file=$(input_file "$n" "$format")
    best_s="" best_cpu="" best_rss=""
    for ((r = 0; r < repeat; r++)); do
      # shellcheck disable=SC2086 # ARGS is a list of words
      measure "$orgaudit" check "$file" --fail-on never --format json $extra_args || { status=1; continue 3; }
      if [[ -z "$best_s" ]] || awk -v a="$wall" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then
        best_s=$wall best_cpu=$cpu best_rss=$rss
      fi
    done
    peer_s=- peer_cpu=- peer_rss=- peer_us=- speedup=- cpu_speedup=-
    if has_peer "$format" && measure python3 "$here/peer/org_review.py" "$file"; then
      peer_s=$wall peer_cpu=$cpu peer_rss=$rss peer_us=$(per_person "$wall" "$n")
      speedup=$(ratio "$peer_s" "$best_s") cpu_speedup=$(ratio "$peer_cpu" "$best_cpu")
    fi
    printf '| %6s | %9s | %7s | %7s | %6s | %8s | %7s | %7s | %6s | %8s | %7s | %7s |\n' "$format" "$n" "$best_s" "$best_cpu" "$best_rss" \
      "$(per_person "$best_s" "$n")" "$peer_s" "$peer_cpu" "$peer_rss" "$peer_us" "$speedup" "$cpu_speedup"
  done
done
for n in $sizes; do last=$n; done
if [[ " $formats " == *" yaml "* && -x "$(dirname "$orgaudit")/orgaudit_yaml_bench" ]]; then
  echo
  "$(dirname "$orgaudit")/orgaudit_yaml_bench" "$out/org-$last.yaml"
fi
if [[ " $formats " == *" csv "* && -x "$(dirname "$orgaudit")/orgaudit_csv_bench" ]]; then
  echo
  "$(dirname "$orgaudit")/orgaudit_csv_bench" "$out/org-$last.csv"
fi
exit $status
