#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ and the core tests with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer (in build-fuzz/, incrementally), then runs each target for a while.
#   scripts/fuzz.sh [seconds per target, default 300] [target ...]   e.g. scripts/fuzz.sh 60 fuzz_png_text
#   scripts/fuzz.sh --build-only
# Seeds are written from tests/fixtures into build-fuzz/seeds/; what the fuzzer finds stays in
# build-fuzz/corpus/<target>/ (git-ignored), so each run starts where the last one ended. A crash,
# leak, timeout, oversized allocation or sanitizer report fails the target; the input that caused it
# is kept as test-results/fuzz/<target>-crash-… (or -leak-, -timeout-, -oom-) and the run's log as
# test-results/fuzz/<target>.log. Prints one line per target, "fuzz_x: passed (N inputs in S s)" or
# "fuzz_x: FAILED …", and exits non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=build-fuzz

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DWF_FUZZ=ON >/dev/null || exit 1
fi
mkdir -p test-results/fuzz
if ! cmake --build "$BUILD" -j"${WF_BUILD_JOBS:-$(nproc)}" --target fuzz_all core_tests app_tests > test-results/fuzz/build.log 2>&1; then
  echo "fuzz build failed (test-results/fuzz/build.log):"; grep -E "error|Error" test-results/fuzz/build.log | head -20
  exit 1
fi
[ "${1:-}" = "--build-only" ] && exit 0

seconds="${1:-300}"
[ $# -gt 0 ] && shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for source in tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$source" .cpp)"); done
fi

rm -rf "$BUILD/seeds"
"$BUILD/tests/fuzz/make_fuzz_seeds" tests/fixtures "$BUILD/seeds" >/dev/null || { echo "fuzz seeds could not be written"; exit 1; }

# Runs one target; its verdict is left in test-results/fuzz/<target>.rc for the report below.
run_target() {
  local target=$1 seeds="$BUILD/seeds/json"
  [ "$target" = fuzz_png_text ] && seeds="$BUILD/seeds/png"
  local corpus="$BUILD/corpus/$target" log="test-results/fuzz/$target.log"
  mkdir -p "$corpus"
  rm -f test-results/fuzz/"$target"-*
  # -malloc_limit_mb: no single allocation may come near the import memory budget (128 MiB).
  # -timeout: an input that takes seconds is a hang waiting to be found in a browser tab.
  "$BUILD/tests/fuzz/$target" "$corpus" "$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -malloc_limit_mb=128 -dict=tests/fuzz/wayfinder.dict -artifact_prefix="test-results/fuzz/$target-" \
      -print_final_stats=1 > "$log" 2>&1
  echo $? > "test-results/fuzz/$target.rc"
}

# Each target is single-threaded: run as many at once as there are cores, so a run of six targets
# takes a third (on 2 cores, a half) of the time, each still fuzzed for the full `seconds`.
jobs_max=$(nproc)
for target in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n; done
  run_target "$target" &
done
wait

failed=0
for target in "${targets[@]}"; do
  log="test-results/fuzz/$target.log"
  rc=$(cat "test-results/fuzz/$target.rc" 2>/dev/null || echo 1)
  inputs=$(grep -E '^stat::number_of_executed_units:' "$log" | awk '{print $2}')
  if [ "$rc" -eq 0 ]; then
    echo "$target: passed (${inputs:-0} inputs in ${seconds} s)"
  else
    failed=$((failed + 1))
    echo "$target: FAILED (exit $rc; log: $log)"
    grep -E "^(==[0-9]+==ERROR|SUMMARY|invariant broken|.*runtime error)|artifact_prefix|Test unit written" "$log" | head -8 | sed 's/^/    /'
  fi
done
[ $failed -eq 0 ]
