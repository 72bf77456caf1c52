#!/usr/bin/env bash
# The Debian package as a user meets it: builds it (scripts/package.sh), checks its file list and
# computed dependencies, that apt would install it, then extracts it into a scratch root and runs
# what it installed: `orgaudit check` on a sample with the packs it ships (found relative to the
# binary), `man orgaudit`, bash and fish tab completion, pkg-config's pluginsdir, the schemas.
#   deb_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

deb=$(bash "$source/scripts/package.sh" "$build" "$scratch/out")
[ -f "$deb" ] || fail "no package built"
echo "built $(basename "$deb")"

# Every file where Debian, the shells and pkg-config look; nothing outside /usr.
dpkg-deb -c "$deb" | awk '{print $6}' > "$scratch/files"
for path in ./usr/bin/orgaudit ./usr/lib/liborgaudit.so.0.1 \
    ./usr/lib/orgaudit/plugins/orgaudit-structure.so ./usr/lib/orgaudit/plugins/orgaudit-rendanheyi.so \
    ./usr/share/man/man1/orgaudit.1.gz ./usr/share/bash-completion/completions/orgaudit \
    ./usr/share/zsh/vendor-completions/_orgaudit ./usr/share/fish/vendor_completions.d/orgaudit.fish \
    ./usr/share/orgaudit/schemas/orgaudit-org.schema.json ./usr/share/orgaudit/schemas/orgaudit-config.schema.json \
    ./usr/share/orgaudit/schemas/orgaudit-baseline.schema.json ./usr/share/orgaudit/schemas/orgaudit-report.schema.json \
    ./usr/share/orgaudit/schemas/orgaudit-report.xsd \
    ./usr/share/orgaudit/rules/structure/structure-span-of-control.md ./usr/share/orgaudit/rules/profiles/classic.yaml \
    ./usr/lib/pkgconfig/orgaudit.pc ./usr/lib/cmake/orgaudit/orgauditConfig.cmake ./usr/include/orgaudit/rule.h \
    ./usr/share/doc/orgaudit/copyright; do
  grep -qxF "$path" "$scratch/files" || fail "$path is not in the package"
done
if grep -v '^\./usr/\|^\./$' "$scratch/files"; then fail "files outside /usr"; fi
grep -q 'orgaudit_tests\|test-packs\|orgaudit-testpack' "$scratch/files" && fail "test files in the package"

# Dependencies computed by dpkg-shlibdeps from what the binaries link.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for library in libyaml-cpp libgvc libcgraph libpugixml libssl libstdc++6; do
  [[ $depends == *"$library"* ]] || fail "Depends lacks $library"
done
# `apt install ./orgaudit_*.deb` would resolve them (simulated: nothing is installed).
if command -v apt-get >/dev/null; then
  apt-get -s install "$deb" > "$scratch/apt.log" 2>&1 || { cat "$scratch/apt.log"; fail "apt cannot install the package"; }
fi

root=$scratch/root
dpkg-deb -x "$deb" "$root"
orgaudit=$root/usr/bin/orgaudit

# The installed binary audits a sample with the packs the package installed beside it.
"$orgaudit" rules > "$scratch/rules.txt"
grep -qF "structure 0.1.0 ($root/usr/lib/orgaudit/plugins/orgaudit-structure.so)" "$scratch/rules.txt" ||
  { cat "$scratch/rules.txt"; fail "packs not loaded from the package"; }
status=0
(cd "$source" && "$orgaudit" check samples/traditional/org.yaml) > "$scratch/check.txt" || status=$?
[ "$status" -eq 1 ] || { cat "$scratch/check.txt"; fail "check exited $status, expected 1 (the sample has errors)"; }
grep -q '\[rendanheyi-silo\]' "$scratch/check.txt" || fail "no finding of the rendanheyi pack"
# The same findings as the build tree's binary gives.
(cd "$source" && "$build/bin/orgaudit" check samples/traditional/org.yaml) > "$scratch/check-build.txt" || true
cmp -s "$scratch/check.txt" "$scratch/check-build.txt" ||
  { diff "$scratch/check-build.txt" "$scratch/check.txt" | head; fail "the installed binary's findings differ from the build's"; }
# Into a file first: under pipefail, `| grep -q` can fail the pipeline when grep stops reading early.
(cd "$source" && "$orgaudit" rules --explain structure-span-of-control) > "$scratch/page.md"
grep -q '^## How to fix' "$scratch/page.md" || fail "rule page not found in the package"
(cd "$source" && "$orgaudit" check samples/traditional/org.yaml --format xml --fail-on never) > "$scratch/report.xml"
xmllint --noout --schema "$root/usr/share/orgaudit/schemas/orgaudit-report.xsd" "$scratch/report.xml" 2>/dev/null ||
  fail "the XML report does not validate against the installed XSD"
echo "XML report valid against the installed XSD"

# man orgaudit, from the package's manual directory.
MANWIDTH=100 man -M "$root/usr/share/man" orgaudit > "$scratch/man.txt" 2>&1 || { cat "$scratch/man.txt"; fail "man orgaudit"; }
for section in SYNOPSIS COMMANDS "EXIT STATUS" ENVIRONMENT FILES; do
  grep -q "^$section" "$scratch/man.txt" || fail "man page has no $section"
done

# Tab completion: bash's completion function as bash-completion would load it, and fish's vendor
# completion autoloaded (fish loads it for a command on PATH).
completed=$(PATH="$root/usr/bin:$PATH" bash --norc -c "source '$root/usr/share/bash-completion/completions/orgaudit';
  COMP_WORDS=(orgaudit check --fail-on w); COMP_CWORD=3; _orgaudit; echo \"\${COMPREPLY[*]}\"")
[ "$completed" = warning ] || fail "bash completed 'orgaudit check --fail-on w' to '$completed'"
command -v fish >/dev/null || fail "fish is missing: bash scripts/setup.sh --test installs it"
completed=$(PATH="$root/usr/bin:$PATH" fish --no-config -c "set -p fish_complete_path '$root/usr/share/fish/vendor_completions.d';
  complete -C 'orgaudit baseli'")
[[ $completed == baseline* ]] || fail "fish completed 'orgaudit baseli' to '$completed'"

# pkg-config answers where packs are installed.
pluginsdir=$(PKG_CONFIG_PATH="$root/usr/lib/pkgconfig" pkg-config --variable=pluginsdir orgaudit)
[ "$pluginsdir" = /usr/lib/orgaudit/plugins ] || fail "pkg-config pluginsdir is '$pluginsdir'"

echo "package: $(wc -l < "$scratch/files") entries; installs and runs check, man, completion, pkg-config"
