#!/usr/bin/env bash
# Installs what orgaudit needs to build and test, from Debian packages only. Idempotent: silent when
# everything is present; runs `apt-get update` once, and only when something is missing.
# `--test` adds what only the tests need: headless Chromium for the HTML report test (large, so not
# installed just to build), with CJK and emoji fonts so its screenshots show every name, and the
# validators of the output tests. `--fuzz` adds clang and libFuzzer for scripts/fuzz.sh.
set -euo pipefail

packages=(
  cmake g++ make pkg-config
  libboost-graph-dev libyaml-cpp-dev libgraphviz-dev libpugixml-dev catch2
  libyaml-dev  # org files: libyaml's event parser (fast, iterative); yaml-cpp reads config and profiles
  libssl-dev  # libcrypto's HMAC-SHA256 for --anonymize: audited crypto rather than our own
  nlohmann-json3-dev  # JSON input (baselines): strict, header-only, line:col in its errors
  libxml2-utils python3 time
)
want_test=0 want_fuzz=0
for arg in "$@"; do
  case "$arg" in
    --test) want_test=1 ;;
    --fuzz) want_fuzz=1 ;;
    *) echo "setup: unknown option '$arg' (--test, --fuzz)" >&2; exit 2 ;;
  esac
done
if [ "$want_fuzz" = 1 ]; then
  packages+=(clang libclang-rt-dev)  # clang++ and libFuzzer with its sanitizer runtimes
fi
if [ "$want_test" = 1 ]; then
  packages+=(chromium fonts-wqy-microhei fonts-noto-color-emoji)
  # Validators the output tests call: jsonschema for SARIF, GitHub's Markdown parser for parse-back,
  # Graphviz's dot to read a DOT map back (tests/hostile/).
  packages+=(python3-jsonschema cmark-gfm graphviz)
  # The shells the completion tests run the scripts in, groff to lint the man page, PyYAML to read
  # the pre-commit hook definitions.
  packages+=(bash zsh fish groff-base python3-yaml)
  # The package test: cpack's DEB generator computes dependencies with dpkg-shlibdeps (dpkg-dev);
  # man reads the packaged manual page.
  packages+=(dpkg-dev file man-db)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 2; }
  sudo="sudo"
fi
echo "setup: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
