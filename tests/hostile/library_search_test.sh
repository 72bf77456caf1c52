#!/usr/bin/env bash
# The build tree's binaries find their libraries by $ORIGIN, never in the working directory: run
# from a folder holding a junk file under the name of every library orgaudit, liborgaudit and the
# built-in packs need, an audit still loads (an empty RUNPATH entry, as CMake pads build trees with,
# makes the dynamic loader try these first and stop at "file too short").
#   library_search_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$(cd "$1" && pwd)" source="$(cd "$2" && pwd)"
decoys="$(mktemp -d)"
trap 'rm -rf "$decoys"' EXIT

binaries=("$build/bin/orgaudit" "$build"/lib/liborgaudit.so.* "$build"/lib/orgaudit/plugins/*.so)
for binary in "${binaries[@]}"; do
  readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'
done | sort -u | while read -r library; do echo "not a library" > "$decoys/$library"; done
count=$(ls "$decoys" | wc -l)
[[ $count -ge 5 ]] || { echo "FAIL: only $count needed libraries found in ${binaries[*]}" >&2; exit 1; }

cd "$decoys"
rc=0
out=$("$build/bin/orgaudit" check "$source/samples/traditional/org.yaml" --format json --fail-on never 2>&1) || rc=$?
if [[ $rc -ne 0 ]]; then
  echo "FAIL: orgaudit run beside $count decoy libraries exited $rc:" >&2
  echo "$out" | head -5 >&2
  exit 1
fi
grep -q '"rule": "structure-' <<<"$out" || { echo "FAIL: no structure pack findings: the built-in packs did not load" >&2; exit 1; }
echo "ok: audit loaded its $count libraries and the packs with decoys of each in the working directory"
