#!/usr/bin/env bash
# Builds the Debian package from a build tree: scripts/package.sh [BUILD_DIR [OUT_DIR]]
# (defaults: build, and BUILD_DIR/packages). Prints the path of the .deb, which installs with
#   sudo apt install ./orgaudit_<version>_<arch>.deb
# Dependencies are computed from the binaries by dpkg-shlibdeps (package dpkg-dev).
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(cd "${1:-build}" && pwd)
out=${2:-$build/packages}
mkdir -p "$out"
out=$(cd "$out" && pwd)  # the path printed is absolute: apt install takes it as a file, not a name
command -v dpkg-shlibdeps >/dev/null || { echo "package: dpkg-shlibdeps is missing: install dpkg-dev" >&2; exit 2; }
cmake --build "$build" -j"$(nproc)" >/dev/null
(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log" >&2; exit 1; }
ls "$out"/orgaudit_*.deb
