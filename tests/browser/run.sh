#!/usr/bin/env bash
# Browser tests of the intake page: starts `icp-classify serve` on a free
# loopback port and drives it with Debian's chromium (tests/browser/intake.test.mjs).
#   tests/browser/run.sh BINARY [ARTIFACT_DIR]
set -euo pipefail
BIN=$(realpath "$1")
[[ -n ${2:-} ]] && mkdir -p "$2" && ARTIFACTS=$(realpath "$2")
cd "$(dirname "${BASH_SOURCE[0]}")"
ARTIFACTS=${ARTIFACTS:-$PWD/artifacts}
[[ -x /usr/bin/chromium ]] || { echo "browser tests: /usr/bin/chromium is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
[[ -d node_modules/playwright-core ]] || npm ci --no-audit --no-fund >/dev/null
LOG=$(mktemp)
"$BIN" serve --listen 127.0.0.1:0 --jobs 2 2>"$LOG" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 100); do grep -q 'listening on' "$LOG" && break; sleep 0.1; done
URL=$(grep -o 'http://127.0.0.1:[0-9]*/' "$LOG") || { cat "$LOG" >&2; exit 1; }
node intake.test.mjs "$URL" "$ARTIFACTS"
kill -TERM $SERVER
wait $SERVER
echo "browser tests: screenshots in $ARTIFACTS"
