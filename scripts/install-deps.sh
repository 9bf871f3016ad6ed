#!/usr/bin/env bash
# Installs what icp-classify needs to build and test, on Debian 12 (bookworm).
# Checks with dpkg-query first and only runs apt-get when something is missing,
# so it is quick on a machine that already has everything.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PACKAGES=(
  # build
  build-essential g++ cmake make pkg-config
  libboost1.81-dev libboost-program-options1.81-dev libboost-json1.81-dev
  libicu-dev
  # .xlsx input: libzip inflates the workbook, pugixml reads its XML
  libzip-dev libpugixml-dev
  # .xlsx output: libxlsxwriter writes the workbook (constant-memory mode)
  libxlsxwriter-dev
  # tests: doctest; clang, libFuzzer and sanitizer runtimes; format check
  doctest-dev clang clang-format libclang-rt-14-dev
  # scripts and examples
  python3
  # browser tests of the intake page (icp-classify serve): Debian's chromium,
  # a Chinese font, node and npm for playwright-core; wrk for the load benchmark
  chromium fonts-wqy-microhei wrk
)
# Node and npm from Debian unless the machine has its own (a NodeSource or nvm
# node ships npm, and Debian's npm package conflicts with it).
command -v npm >/dev/null || PACKAGES+=(nodejs npm)

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == installed ]] || missing+=("$pkg")
done

# playwright-core from npm (pinned in tests/browser/package-lock.json); it
# drives /usr/bin/chromium and downloads no browser.
npm_deps() {
  if [[ ! -d tests/browser/node_modules/playwright-core ]]; then
    (cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
}

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  npm_deps
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
if ! command -v apt-get >/dev/null; then
  echo "install-deps: apt-get not found; this script targets Debian 12. Install by hand: ${missing[*]}" >&2
  exit 1
fi
SUDO=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || { echo "install-deps: not root and no sudo" >&2; exit 1; }
  SUDO=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
npm_deps
