#!/usr/bin/env bash
# Scores the classifier on the labelled real texts with the held-back third
# kept apart (issue 9): rows 101-150 of each dev_real2_*.tsv are held back;
# develop on rows 1-100 and read the held-back part's failures only after
# measuring it. Writes the split files to build/eval/ and prints each summary.
#   scripts/eval-split.sh [BINARY] [EVAL-DIR]   (default build/icp-classify ../shared/eval)
#   ICP_EVAL_SHOW=1  also print the wrong decisions of the development part
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BIN=${1:-build/icp-classify}
EVAL=${2:-../shared/eval}
OUT=build/eval
mkdir -p "$OUT"

summary() {  # FILE LABEL
  local report
  report=$("$BIN" eval "$1")
  # Never the held-back rows: neither their own part nor the whole files that contain them.
  if [[ ${ICP_EVAL_SHOW:-} == 1 && $2 != held-back* && $2 != *"(all)" ]]; then
    sed -n '/^Wrong decisions/,/^== summary/p' <<<"$report"
  fi
  printf '%-28s %s\n' "$2" "$(grep -E '^decision accuracy' <<<"$report" | sed 's/decision accuracy *//')"
  printf '%-28s %s\n' "" "$(grep -E '^under-calls' <<<"$report" | sed 's/ *expected.*//')"
}

for f in dev.tsv dev_real.tsv; do summary "$EVAL/$f" "$f"; done
for f in dev_real2_apps dev_real2_texts; do
  src=$EVAL/$f.tsv
  # Line 1 is the header; data rows 1-100 are lines 2-101.
  awk -F'\t' 'NR <= 101' "$src" >"$OUT/$f.dev.tsv"
  awk -F'\t' 'NR == 1 || NR > 101' "$src" >"$OUT/$f.held.tsv"
  summary "$src" "$f.tsv (all)"
  summary "$OUT/$f.dev.tsv" "$f dev (1-100)"
  summary "$OUT/$f.held.tsv" "held-back $f (101-150)"
done
