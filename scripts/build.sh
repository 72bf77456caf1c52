#!/usr/bin/env bash
# Configures and builds orgaudit in ./build (Release). Used by the quick start and the test script.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# ccache, where installed, makes rebuilds in fresh clones and worktrees cheap; the build is the same without it.
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >/dev/null
cmake --build build -j"$(nproc)"
