#!/usr/bin/env bash
# Quick start: install what is missing, build, and audit the bundled traditional sample org.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
echo "== orgaudit check samples/traditional/org.yaml"
status=0
build/bin/orgaudit check samples/traditional/org.yaml || status=$?
# Exit 1 means "ran and found problems": that is the expected outcome for this sample.
[ "$status" -le 1 ] || exit "$status"
echo
echo "(exit code $status: 1 means the audit ran and found errors; see README.md for the next steps)"
