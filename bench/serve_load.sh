#!/usr/bin/env bash
# Load benchmark of `icp-classify serve` (not a test): wrk against loopback,
# POST /v1/classify with real app descriptions, at 1, 8 and 64 connections;
# requests/s, p50/p99 latency, errors, and the server's peak memory (VmHWM).
#   bench/serve_load.sh [BINARY] [SECONDS] [TEXTS]
#   (defaults: build/icp-classify, 10 s per level, the 4,334 blurbs of ../shared/corpus/apps.tsv)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BIN=${1:-build/icp-classify}
SECONDS_EACH=${2:-10}
TEXTS=${3:-}
command -v wrk >/dev/null || { echo "serve_load: wrk is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
if [[ -z $TEXTS ]]; then
  TEXTS=$WORK/texts.txt
  grep -v '^#' ../shared/corpus/apps.tsv | tail -n +2 | cut -f2 >"$TEXTS"
fi
"$BIN" serve --listen 127.0.0.1:0 2>"$WORK/log" &
SERVER=$!
for _ in $(seq 100); do grep -q 'listening on' "$WORK/log" && break; sleep 0.1; done
URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/log")
echo "serve_load: $(wc -l <"$TEXTS") texts, $SECONDS_EACH s per level, $(nproc) cores, server $URL"
for c in 1 8 64; do
  threads=$((c < 2 ? 1 : 2))
  line=$(ICP_LOAD_TEXTS=$TEXTS wrk -t"$threads" -c"$c" -d"${SECONDS_EACH}s" --latency -s bench/serve_load.lua "$URL" | grep '^RESULT')
  echo "connections=$c ${line#RESULT }"
done
echo "server peak memory: $(grep VmHWM /proc/$SERVER/status | awk '{print $2, $3}')"
kill -TERM $SERVER
wait $SERVER
