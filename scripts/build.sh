#!/usr/bin/env bash
# Configures and builds orgaudit in ./build (Release). Used by the quick start and the test script.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
