# Sourced by scripts/sanitize.sh and scripts/fuzz.sh: how the sanitizers behave in build-asan.
# Leak detection is on; scripts/lsan.supp names the only leaks accepted (Graphviz's and
# fontconfig's own, inside those libraries). A sanitizer error exits 86, so no test that expects
# orgaudit's exit 1 or 2 can take a sanitizer report for its expected failure.
lsan_suppressions="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lsan.supp"
export ASAN_OPTIONS="detect_leaks=1:exitcode=86:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1"
export LSAN_OPTIONS="suppressions=$lsan_suppressions:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=86"
