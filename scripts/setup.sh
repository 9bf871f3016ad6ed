#!/usr/bin/env bash
# One-step setup: dependencies, then a Release build whose CLI is
# build/icp-classify. Works from any directory.
#   ICP_BUILD_DIR  build directory, relative to the repo root (default: build)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

BUILD_DIR=${ICP_BUILD_DIR:-build}
./scripts/install-deps.sh
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release
cmake --build "$BUILD_DIR" -j"$(nproc)"
echo "setup: built $BUILD_DIR/icp-classify"
