#!/usr/bin/env bash
# Batch benchmark: builds (Release, build-bench/ by default), generates the
# corpus, runs the Google Benchmark (1 worker, all cores, and the whole-clause
# segmentation reference paths, ours and ICU's break iterator: medians of 3), times the command as a process
# with hyperfine (or /usr/bin/time), and measures peak RSS on a generated 1 GB
# input in /tmp (deleted afterwards).
# Usage: bench/run.sh [BUILD_DIR]   Environment: ICP_BENCH_ROWS (200000), ICP_BENCH_GB (1),
#   ICP_BENCH_CSV (optional: a CSV of real descriptions, id in column 1 and the description in column 2, also timed
#   as a process — generated text repeats its phrases more than client text does)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD=${1:-build-bench}
ROWS=${ICP_BENCH_ROWS:-200000}
GB=${ICP_BENCH_GB:-1}
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DICP_BUILD_BENCH=ON >/dev/null
cmake --build "$BUILD" -j"$(nproc)" --target icp-classify icp_corpus_gen icp_batch_bench >/dev/null
BIN=$BUILD/icp-classify
GEN=$BUILD/bench/icp_corpus_gen
CORPUS=/tmp/icp-bench-$$.csv
BIG=/tmp/icp-bench-1gb-$$.csv
trap 'rm -f "$CORPUS" "$BIG"' EXIT

echo "== corpus: $ROWS rows"
"$GEN" "$ROWS" >"$CORPUS"
ls -l "$CORPUS" | awk '{printf "%d bytes (%.1f MB)\n", $5, $5/1e6}'

echo "== Google Benchmark (median of 3; MB/s of input)"
ICP_BENCH_ROWS=$ROWS "$BUILD/bench/icp_batch_bench" --benchmark_report_aggregates_only=true \
  --benchmark_counters_tabular=true 2>&1 | grep -E 'Benchmark|median|---'

# time_batch CSV RUNS [BATCH ARGS...]: the batch command on CSV as a process, 1 job and every core.
time_batch() {
  local csv=$1 runs=$2
  shift 2
  if command -v hyperfine >/dev/null; then
    hyperfine --runs "$runs" --warmup 1 \
      "$BIN batch $csv $* -o /dev/null -q --jobs 1" \
      "$BIN batch $csv $* -o /dev/null -q --jobs $(nproc)"
  else
    for j in 1 "$(nproc)"; do
      /usr/bin/time -f "--jobs $j: %e s, peak RSS %M KB" "$BIN" batch "$csv" "$@" -o /dev/null -q --jobs "$j"
    done
  fi
}

echo "== the command as a process"
time_batch "$CORPUS" 3

if [[ -n ${ICP_BENCH_CSV:-} ]]; then
  echo "== the command as a process on $ICP_BENCH_CSV"
  ls -l "$ICP_BENCH_CSV" | awk '{printf "%d bytes (%.1f MB)\n", $5, $5/1e6}'
  time_batch "$ICP_BENCH_CSV" 5 --column 2
fi

echo "== peak RSS on a ${GB} GB input"
"$GEN" --bytes $((GB * 1000 * 1000 * 1000)) >"$BIG"
ls -l "$BIG" | awk '{printf "%d bytes\n", $5}'
/usr/bin/time -v "$BIN" batch "$BIG" -o /dev/null --jobs "$(nproc)" 2>&1 |
  grep -E 'icp-classify batch:|Maximum resident|Elapsed \(wall'
