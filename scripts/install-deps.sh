#!/usr/bin/env bash
# Installs what icp-classify needs to build and test, on Debian 12 (bookworm).
# Checks with dpkg-query first and only runs apt-get when something is missing,
# so it is quick on a machine that already has everything.
set -euo pipefail

PACKAGES=(
  # build
  build-essential g++ cmake make pkg-config
  libboost1.81-dev libboost-program-options1.81-dev libboost-json1.81-dev
  libicu-dev
  # tests: doctest; clang, libFuzzer and sanitizer runtimes; format check
  doctest-dev clang clang-format libclang-rt-14-dev
  # scripts and examples
  python3
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == installed ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
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
