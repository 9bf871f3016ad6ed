#!/usr/bin/env bash
# Long fuzz runs (issue 14): every libFuzzer target for a number of executions
# (default 10,000,000 each), two targets at a time on two lanes. Not part of
# the test command (scripts/test.sh runs each target for 20 s); run it before
# a release and quote its summary. Builds build-fuzz/ like the test command's
# fuzz section (clang, ASan + UBSan + libFuzzer).
#   scripts/fuzz-long.sh [RUNS [TARGET...]]     (all targets when none is named)
# Environment: ICP_BUILD_DIR (default build), ICP_FUZZ_LANES (2)
# Prints one line per target: executions, seconds, executions per second, peak
# RSS, crashes (crash-, leak-, timeout- and oom- artifacts) and slow units
# (inputs over 30 s, kept in build-fuzz/artifacts-long/TARGET/ to re-time). Exit 1 if any target
# crashed. A run counts as stuck after 60 s (the test command uses 10): on a
# loaded machine the sanitizer allocator alone has stalled a 10 ms input for 14 s.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS=${1:-10000000}
BUILD=${ICP_BUILD_DIR:-build}-fuzz
LANES=${ICP_FUZZ_LANES:-2}
ALL_TARGETS=(fuzz_classify fuzz_csv fuzz_lexicon fuzz_segment fuzz_query fuzz_xlsx)  # slowest first
TARGETS=("${@:2}")
((${#TARGETS[@]})) || TARGETS=("${ALL_TARGETS[@]}")
for target in "${TARGETS[@]}"; do
  [[ " ${ALL_TARGETS[*]} " == *" $target "* ]] || { echo "fuzz-long: no target '$target' (targets: ${ALL_TARGETS[*]})" >&2; exit 2; }
done

cmake -S . -B "$BUILD" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DICP_FUZZ=ON \
  -DICP_BUILD_TESTS=ON -DICP_BUILD_CLI=OFF >/dev/null
cmake --build "$BUILD" -j"$(nproc)" --target "${TARGETS[@]}" >/dev/null

run_target() {  # TARGET: fuzz it, then print its summary line
  local target=$1 work=$BUILD/corpus/$1 artifacts=$BUILD/artifacts-long/$1/ log=$BUILD/fuzz-long-$1.log
  mkdir -p "$work" "$artifacts"
  local start=$SECONDS status=0
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$BUILD/tests/fuzz/$target" -runs="$RUNS" -timeout=60 -rss_limit_mb=2048 -report_slow_units=30 -print_final_stats=1 \
    -artifact_prefix="$artifacts" "$work" "tests/fuzz/corpus/$target" >"$log" 2>&1 || status=$?
  local seconds=$((SECONDS - start))
  local execs rate rss
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  # Slow units are reported apart: under load the sanitizer allocator makes a
  # fast input slow now and then, which is not a failure of the code.
  local crashes slow
  crashes=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  slow=$(find "$artifacts" -type f -name 'slow-unit-*' | wc -l)
  printf '%-14s executions %s  seconds %s  exec/s %s  peak RSS %s MB  crashes %s  slow units %s%s\n' "$target" \
    "${execs:-?}" "$seconds" "${rate:-?}" "${rss:-?}" "$crashes" "$slow" \
    "$([[ $status != 0 ]] && echo "  (exit $status; see $log)")"
  [[ $status == 0 && $crashes == 0 ]]
}

failed=0
running=0
for target in "${TARGETS[@]}"; do
  if ((running >= LANES)); then
    wait -n || failed=1
    running=$((running - 1))
  fi
  run_target "$target" &
  running=$((running + 1))
done
while ((running > 0)); do
  wait -n || failed=1
  running=$((running - 1))
done
exit "$failed"
