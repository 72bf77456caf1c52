#!/usr/bin/env bash
# Renders the HTML report of each sample in headless Chromium: the page must load without a console
# error or a blocked fetch, run its script, and show the org score `check --format json` computes.
# Writes what it saw under BUILD/html-report/: the report, a laptop-sized screenshot, a full-page
# screenshot and a printed PDF, for people to look at.
#
#   tests/html/chromium_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1")
cd "$2"
orgaudit="$build/bin/orgaudit"
out="$build/html-report"
mkdir -p "$out"

chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "FAIL: chromium is not installed; 'bash scripts/setup.sh --test' installs it (Debian package chromium)" >&2
  exit 1
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
browse() {
  timeout 90 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars "$@"
}

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# check_page NAME PAGE SCORE: the page loads without console errors, its script runs, it shows SCORE
# as the org score and has a map; screenshots and a printout are written beside it.
check_page() {
  local name=$1 page=$2 score=$3
  # The DOM after the script ran, and Chromium's log, where console messages and CSP refusals go.
  browse --enable-logging=stderr --v=0 --virtual-time-budget=5000 --dump-dom "file://$page" \
    >"$out/$name.dom.html" 2>"$out/$name.log" || fail "$name: chromium could not load the report"
  grep -q 'data-ready="true"' "$out/$name.dom.html" || fail "$name: the report's script did not run to the end"
  grep -q "<span data-org-score=\"\">$score</span>" "$out/$name.dom.html" ||
    fail "$name: the page does not show the org score $score"
  grep -q '<svg' "$out/$name.dom.html" || fail "$name: no map in the page"
  if grep -E 'CONSOLE|Uncaught|Refused to|Failed to load' "$out/$name.log" >&2; then
    fail "$name: errors in the browser console (above)"
  fi

  browse --window-size=1440,900 --screenshot="$out/$name.png" "file://$page" >/dev/null 2>&1 ||
    fail "$name: no screenshot"
  browse --window-size=1440,5200 --screenshot="$out/$name-full.png" "file://$page" >/dev/null 2>&1 ||
    fail "$name: no full-page screenshot"
  browse --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "file://$page" >/dev/null 2>&1 ||
    fail "$name: could not print"
  for file in "$out/$name.png" "$out/$name-full.png" "$out/$name.pdf"; do
    [ -s "$file" ] || fail "$name: $file is empty"
  done
  head -c 4 "$out/$name.pdf" | grep -q '%PDF' || fail "$name: the printout is not a PDF"
  echo "$name: score $score shown, no console errors; screenshots in $out/$name.png, $out/$name-full.png"
}

# name:input: the three samples, and the escaping fixture (names that try to break out of the page).
for entry in traditional:samples/traditional/org.yaml rendanheyi:samples/rendanheyi/org.yaml \
             transformation:samples/transformation/org.yaml escaping:tests/escaping/org.yaml; do
  name=${entry%%:*}
  input=${entry#*:}
  page="$out/$name.html"
  "$orgaudit" report "$input" --fail-on never --output "$page"
  score=$("$orgaudit" check "$input" --fail-on never --format json |
          python3 -c 'import json, sys; s = json.load(sys.stdin)["scores"]["org"]; print("%.0f" % s if s is not None else "not assessed")')
  check_page "$name" "$page" "$score"
done

# whatif --format html: the report of the org after the scenario (its score), opening with the
# changed subtree's maps before and after.
page="$out/whatif.html"
"$orgaudit" whatif samples/traditional/org.yaml --remove-layer P-0151 --fail-on never --format html >"$page"
score=$("$orgaudit" whatif samples/traditional/org.yaml --remove-layer P-0151 --fail-on never --format json |
        python3 -c 'import json, sys; print("%.0f" % json.load(sys.stdin)["scores"][0]["after"])')
check_page whatif "$page" "$score"
grep -q '<section id="whatif">' "$out/whatif.dom.html" || fail "whatif: no what-if section in the page"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
