#!/usr/bin/env bash
# ctest cuts a discovered test's name at ';' (CMake's list separator) and then runs a filter that
# matches nothing, which passes: such a test would never run. Fails when any test name holds one.
#   check_test_names.sh ORGAUDIT_TESTS
set -uo pipefail
# Catch2 v2 exits with the number of tests listed, so the listing's status says nothing.
names=$("$1" --list-test-names-only)
[ "$(printf '%s\n' "$names" | grep -c .)" -gt 100 ] || { echo "FAIL: no test names listed" >&2; exit 1; }
if printf '%s\n' "$names" | grep -F ';'; then
  echo "FAIL: the test names above hold a semicolon: ctest would never run them" >&2
  exit 1
fi
echo "$(printf '%s\n' "$names" | grep -c .) test names, none holding a semicolon"
