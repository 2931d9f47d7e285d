#!/usr/bin/env bash
# Runs every test: the core's doctest suite (native, via CTest's build), the same suite under
# AddressSanitizer and UndefinedBehaviorSanitizer, a short run of each fuzz target (WF_FUZZ_SECONDS each,
# default 20), and the browser tests (node's test runner + playwright-core + Debian's Chromium against
# dist/). Ends with one line "N passed, N failed" counting all of them; exits non-zero if anything
# failed or did not run.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
passed=0; failed=0; status=0

# The native work (g++ build and tests, then the clang ASan/UBSan build, the sanitized tests and the
# fuzz runs) is CPU-bound; the browser tests mostly wait on Chromium. So the native work runs in the
# background at a lower priority while the browser tests run, and its results are read back at the
# end: the whole run takes about as long as the browser tests alone. Its console lines go to
# test-results/native.txt and are printed after the browser tests, in order.
native_build_failed() {
  echo "native build failed"
  echo "0 1 0 1 0 1 1 0 3" > test-results/native.counts
}
native_work() {
passed=0; failed=0; status=0
# --- native unit tests: the core (core_tests) and the app layer over a fake platform (app_tests), g++,
# run by CTest; each doctest summary gives its counts -----------------------------------------------
if [ ! -f build/CMakeCache.txt ]; then cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null || { native_build_failed; return; }; fi
# As many compile jobs as cores: at nice 19 they take only what the browser leaves (a browser test
# starved of CPU is a flaky one), and the browser tests now often end first: what is left of this
# work then has every core instead of one.
cmake --build build -j"$(nproc)" >/dev/null || { cmake --build build 2>&1 | tail -30; native_build_failed; return; }
ctest --test-dir build --output-on-failure -V > test-results/core.txt 2>&1; core_rc=$?
grep -E "\[doctest\] (test cases|Status)|ERROR|FAILED|tests passed|tests failed" test-results/core.txt | head -40
# Sums "[doctest] test cases: N | P passed | F failed" lines: prints "P F", or nothing when there are none.
doctest_counts() {
  grep -E "\[doctest\] test cases:" "$1" | sed -E 's/.*\| *([0-9]+) passed *\| *([0-9]+) failed.*/\1 \2/' |
    awk '{p += $1; f += $2; n++} END {if (n) print p, f}'
}
read -r core_passed core_failed <<<"$(doctest_counts test-results/core.txt)"
[ "$(grep -c "\[doctest\] test cases:" test-results/core.txt)" -eq 2 ] || { core_passed=${core_passed:-0}; core_failed=$(( ${core_failed:-0} + 1 )); }
passed=$((passed + core_passed)); failed=$((failed + core_failed))
[ $core_rc -ne 0 ] && status=1

# --- the core and app tests again under AddressSanitizer + UndefinedBehaviorSanitizer, then a short run of each
# fuzz target (clang, in build-fuzz/; see scripts/fuzz.sh). A sanitizer report, a crash, a leak or a broken
# fuzz invariant counts as a failure: each fuzz target is one test.
san_passed=0; san_failed=0; fuzz_passed=0; fuzz_failed=0
if WF_BUILD_JOBS="$(nproc)" scripts/fuzz.sh --build-only; then
  san_rc=0
  : > test-results/core-sanitized.txt
  for suite in core_tests app_tests; do
    ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      "build-fuzz/$suite" >> test-results/core-sanitized.txt 2>&1 || san_rc=1
  done
  grep -E "\[doctest\] (test cases|Status)|ERROR: [A-Za-z]+Sanitizer|runtime error|^SUMMARY" test-results/core-sanitized.txt \
    | sed 's/^/(ASan\/UBSan) /' | head -20
  read -r san_passed san_failed <<<"$(doctest_counts test-results/core-sanitized.txt)"
  san_passed=${san_passed:-0}; san_failed=${san_failed:-0}
  # A sanitizer aborts the run (no summary) or fails it at exit (a leak): either way it failed.
  if [ $san_rc -ne 0 ]; then status=1; [ "$san_failed" -eq 0 ] && san_failed=1; fi

  scripts/fuzz.sh "${WF_FUZZ_SECONDS:-20}" | tee test-results/fuzz.txt; fuzz_rc=${PIPESTATUS[0]}
  fuzz_passed=$(grep -c ': passed' test-results/fuzz.txt)
  fuzz_failed=$(grep -c ': FAILED' test-results/fuzz.txt)
  if [ $fuzz_rc -ne 0 ]; then status=1; [ "$fuzz_failed" -eq 0 ] && fuzz_failed=1; fi
else
  san_failed=1; fuzz_failed=1; status=1
fi
passed=$((passed + san_passed + fuzz_passed)); failed=$((failed + san_failed + fuzz_failed))

echo "${core_passed:-0} ${core_failed:-0} ${san_passed} ${san_failed} ${fuzz_passed} ${fuzz_failed} ${status} ${passed} ${failed}" > test-results/native.counts
}
started=$(date +%s)
rm -f test-results/native.counts
( renice -n 19 -p "$BASHPID" >/dev/null 2>&1; native_work > test-results/native.txt 2>&1 ) &
native_pid=$!

# --- browser tests --------------------------------------------------------------------------------
# One file at a time: each test drives a full Chromium with software WebGL, and these machines have 2 cores.
node --test --test-concurrency=1 --test-timeout=600000 --test-reporter=spec --test-reporter-destination=stdout \
     --test-reporter=tap --test-reporter-destination=test-results/browser.tap tests/browser/ 2>&1 \
  | grep -vE '^\s*$'; browser_rc=${PIPESTATUS[0]}
b_pass=$(grep -E '^# pass ' test-results/browser.tap | awk '{print $3}')
b_fail=$(grep -E '^# fail ' test-results/browser.tap | awk '{print $3}')
b_cancel=$(grep -E '^# cancelled ' test-results/browser.tap | awk '{print $3}')
if [ -z "$b_pass" ]; then b_pass=0; b_fail=1; fi

[ $browser_rc -ne 0 ] && status=1

browser_done=$(date +%s)
wait "$native_pid"
cat test-results/native.txt
if [ -f test-results/native.counts ]; then
  read -r core_passed core_failed san_passed san_failed fuzz_passed fuzz_failed native_status passed failed < test-results/native.counts
  [ "$native_status" -ne 0 ] && status=1
else
  core_passed=0; core_failed=1; san_passed=0; san_failed=1; fuzz_passed=0; fuzz_failed=1; passed=0; failed=3; status=1
fi
passed=$((passed + b_pass)); failed=$((failed + b_fail + ${b_cancel:-0}))
echo "time: browser tests $((browser_done - started)) s; everything $(( $(date +%s) - started )) s"

echo "core: ${core_passed} passed, ${core_failed} failed; core and app under ASan/UBSan: ${san_passed} passed, ${san_failed} failed;" \
     "fuzz: ${fuzz_passed} passed, ${fuzz_failed} failed; browser: ${b_pass} passed, $((b_fail + ${b_cancel:-0})) failed"
echo "${passed} passed, ${failed} failed"
[ $failed -eq 0 ] && [ $status -eq 0 ]
