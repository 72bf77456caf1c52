#!/usr/bin/env bash
# Installs what is missing, builds, audits the bundled sample, and runs every test: the release
# build's suite, then the same suite under ASan + UBSan with a fuzz smoke (scripts/sanitize.sh), then
# the two-thread phases under ThreadSanitizer (scripts/tsan.sh). ORGAUDIT_SKIP_SANITIZE=1 skips the
# sanitizers for a quicker local run; CI always runs them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
bash scripts/quickstart.sh
echo
echo "== running the test suite"
ctest --test-dir build --output-on-failure -j"$(nproc)"
echo
if [ "${ORGAUDIT_SKIP_SANITIZE:-0}" = 1 ]; then
  echo "== not run: the sanitizer suite and fuzz smoke (ORGAUDIT_SKIP_SANITIZE=1; CI runs them)"
else
  bash scripts/sanitize.sh
  bash scripts/tsan.sh
fi
