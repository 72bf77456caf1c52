#!/usr/bin/env bash
# Installs orgaudit into a scratch prefix, builds the example pack against it, and checks that the
# installed binary loads the pack and runs its rule.
set -euo pipefail
build_dir=$1
source_dir=$2
build_kind=$3  # release, or sanitized (scripts/asan-build.sh)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

cmake --install "$build_dir" --prefix "$scratch/prefix" >/dev/null
# Nothing installed may point back into the build's source tree (a fallback path that works only on
# the machine that built it). The build maps source paths away (-ffile-prefix-map), but clang 14
# does not apply that to the file names UBSan compiles into each check for its reports, so a
# sanitizer tree, which is never installed or shipped, names its sources by design: there only
# the rest of this test runs, and the release tree makes the check.
if [ "$build_kind" = release ]; then
  if leaks=$(grep -rlF "$source_dir" "$scratch/prefix"); then
    echo "installed files name the source tree $source_dir:"; echo "$leaks"; exit 1
  fi
else
  echo "sanitizer build: not checking installed files for the source path (UBSan's check locations name it; the release tree checks)"
fi
# The SDK's headers hold no Boost type, so a pack needs no Boost and the package config asks for none.
if boost_users=$(grep -rl 'boost/' "$scratch/prefix/include/orgaudit"); then
  echo "installed SDK headers include Boost:"; echo "$boost_users"; exit 1
fi
if grep -n '^[^#]*find_dependency' "$scratch/prefix"/lib*/cmake/orgaudit/orgauditConfig.cmake; then
  echo "the installed package config asks for a dependency the SDK does not have"; exit 1
fi
# liborgaudit exports the SDK (model, metrics, finding builder) and nothing of the host: its loaders,
# engine and plugin host are linked into the binary.
sdk_library=$(ls "$scratch/prefix"/lib*/liborgaudit.so)
# Counted as distinct functions the library defines (T): a constructor's two ABI variants are one,
# and the std:: templates a compiler instantiates for SDK types (weak, and clang's differ from GCC's)
# are none.
exported=$(nm -D --defined-only "$sdk_library" | c++filt | grep -E '^[0-9a-f]+ T orgaudit::' | cut -d' ' -f3- | sort -u | wc -l)
if host_symbols=$(nm -D --defined-only "$sdk_library" | c++filt | grep -E ' orgaudit::(PluginHost|RuleCatalog|load_|scoring::|Engine)'); then
  echo "liborgaudit exports host internals:"; echo "$host_symbols"; exit 1
fi
[ "$exported" -lt 56 ] || { echo "liborgaudit exports $exported orgaudit functions; the SDK has 51"; exit 1; }
echo "liborgaudit exports $exported orgaudit functions"
cmake -S "$source_dir/plugins/example" -B "$scratch/build" -DCMAKE_PREFIX_PATH="$scratch/prefix" >/dev/null
cmake --build "$scratch/build" >/dev/null

orgaudit="$scratch/prefix/bin/orgaudit"
"$orgaudit" rules --plugin-dir "$scratch/build" > "$scratch/rules.txt"
grep -q '^example-missing-title ' "$scratch/rules.txt" || { cat "$scratch/rules.txt"; echo "example rule not listed"; exit 1; }
grep -q '^structure-hierarchy-depth ' "$scratch/rules.txt" || { echo "built-in pack not installed"; exit 1; }
# Rule pages and profiles come from the prefix, found from the installed binary alone.
# Into a file first: under pipefail, `| grep -q` can fail the pipeline when grep stops reading early.
"$orgaudit" rules --explain structure-span-of-control > "$scratch/page.md"
grep -q '^## Why' "$scratch/page.md" || { echo "installed rule page not found"; exit 1; }
"$orgaudit" check --profile classic "$source_dir/plugins/example/example-org.yaml" >/dev/null ||
  [ $? -eq 1 ] || { echo "installed profile 'classic' not usable"; exit 1; }

# The walkthrough's fixtures (docs/writing-a-rule-pack.md) pass against the built pack...
"$orgaudit" test-rules --plugin-dir "$scratch/build" "$source_dir/plugins/example/fixtures" > "$scratch/fixtures.txt" ||
  { cat "$scratch/fixtures.txt"; echo "the example pack's fixtures do not pass"; exit 1; }
grep -q '^2 fixtures: 2 passed, 0 failed$' "$scratch/fixtures.txt" || { cat "$scratch/fixtures.txt"; exit 1; }
# ...and fail when the rule does not do what they say: run with the option the fixture relies on
# flipped, through a copy whose option line is removed.
mkdir -p "$scratch/broken/example-missing-title"
grep -v '^# option:' "$source_dir/plugins/example/fixtures/example-missing-title/vacant-posts.yaml" \
  > "$scratch/broken/example-missing-title/vacant-posts.yaml"
status=0
"$orgaudit" test-rules --plugin-dir "$scratch/build" "$scratch/broken" > "$scratch/broken.txt" || status=$?
[ "$status" -eq 1 ] || { cat "$scratch/broken.txt"; echo "a failing fixture exited $status, not 1"; exit 1; }
status=0
"$orgaudit" check --plugin-dir "$scratch/build" --disable '*' --enable example-missing-title \
  --fail-on info "$source_dir/plugins/example/example-org.yaml" > "$scratch/out.txt" || status=$?
cat "$scratch/out.txt"
[ "$status" -eq 1 ] || { echo "expected exit 1, got $status"; exit 1; }
grep -q "example-org.yaml:10:5: info: 'Grace Hopper' has no job title \[example-missing-title\]" "$scratch/out.txt"
# Installed beside orgaudit, the pack is found without --plugin-dir and its page with --explain; the
# page's option table says what the rule declares.
cmake --install "$scratch/build" >/dev/null
"$orgaudit" rules --explain example-missing-title > "$scratch/explain.txt"
grep -q '^  ignore-vacant (boolean, default true): skip vacant posts$' "$scratch/explain.txt" ||
  { cat "$scratch/explain.txt"; echo "installed pack's declared option not shown"; exit 1; }
grep -qF '| `ignore-vacant` | boolean | `true` | skip vacant posts |' "$scratch/explain.txt" ||
  { cat "$scratch/explain.txt"; echo "installed pack's rule page not found, or its option table differs"; exit 1; }
echo "example pack: installed SDK, built, fixtures passed, loaded, ran, installed with its page"
