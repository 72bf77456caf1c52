#!/usr/bin/env bash
# Installs what is missing, builds, audits the bundled sample, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
bash scripts/quickstart.sh
echo
echo "== running the test suite"
ctest --test-dir build --output-on-failure -j"$(nproc)"
