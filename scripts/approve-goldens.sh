#!/usr/bin/env bash
# Re-approves the golden files (tests/golden/<sample>/report.*) after an intended change to a writer
# or a sample: rebuilds, rewrites every golden from the current outputs, and shows what changed.
# Review that diff before committing it: it is the change users of each format will see.
#
#   scripts/approve-goldens.sh [BUILD_DIR]     (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
cmake --build "$build" -j"$(nproc)" >/dev/null
ORGAUDIT_APPROVE_GOLDENS=1 "$build/bin/orgaudit_tests" "[golden]" >/dev/null
git status --short -- tests/golden   # new (??) and changed (M) goldens
git diff --stat -- tests/golden
