#!/usr/bin/env bash
# THE test command (CI runs it through .ci/run). Runs, in order:
#   deps     scripts/install-deps.sh
#   format   clang-format --dry-run --Werror over the C++ sources
#   release  Release build in build/ + ctest
#   consumers the library as intake tools use it (tests/consumers/run.sh): install
#            build/ into a temporary prefix, build and run examples/ against it
#            (find_package, pkg-config, Python ctypes, add_subdirectory)
#   asan     AddressSanitizer + UBSan build (clang) in build-asan/ + ctest
#   tsan     ThreadSanitizer build (clang) in build-tsan/: the concurrency tests
#   fuzz     clang libFuzzer build in build-fuzz/; each target runs briefly
# Usage: scripts/test.sh [SECTION...]   (default: all, in the order above)
# Environment:
#   ICP_BUILD_DIR   base build directory (default build; also <base>-asan, <base>-tsan, <base>-fuzz)
#   ICP_FUZZ_TIME   seconds per fuzz target (default 20)
#   ICP_ASAN_CXX    compiler for the sanitizer build (default clang++)
#   ICP_JOBS        parallel build jobs (default nproc)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

BUILD=${ICP_BUILD_DIR:-build}
ASAN_BUILD=$BUILD-asan
TSAN_BUILD=$BUILD-tsan
FUZZ_BUILD=$BUILD-fuzz
FUZZ_TIME=${ICP_FUZZ_TIME:-20}
# clang: builds sanitized code ~2.5x faster than g++ 12, and puts the whole tree
# through clang's -Werror (the Release build covers g++).
ASAN_CXX=${ICP_ASAN_CXX:-clang++}
JOBS=${ICP_JOBS:-$(nproc)}
ALL_SECTIONS=(deps format release consumers asan tsan fuzz)
FORMAT_DIRS=(classifier lexicon cli tests examples bench tools common)
FUZZ_TARGETS=(fuzz_classify fuzz_lexicon fuzz_csv fuzz_segment fuzz_query fuzz_xlsx)

SUMMARY=()
CURRENT=
SECTION_START=0
TOTAL_START=$SECONDS

header() {  # NAME DESCRIPTION
  CURRENT=$1
  SECTION_START=$SECONDS
  printf '\n==================== %s: %s ====================\n' "$1" "$2"
}
done_section() {
  local took=$((SECONDS - SECTION_START))
  SUMMARY+=("$(printf '  %-9s %4ds' "$CURRENT" "$took")")
  printf -- '---- %s passed (%ds)\n' "$CURRENT" "$took"
  CURRENT=
}
on_exit() {
  local rc=$?
  if ((rc != 0)); then
    printf '\n==================== FAILED ====================\n' >&2
    [[ -n "$CURRENT" ]] && echo "section '$CURRENT' failed (exit $rc) after $((SECONDS - SECTION_START))s" >&2
    ((${#SUMMARY[@]})) && printf 'passed before it:\n%s\n' "$(printf '%s\n' "${SUMMARY[@]}")" >&2
  fi
}
trap on_exit EXIT

# configure_with CXX DIR CMAKE-ARGS...: configures DIR with compiler CXX, starting
# DIR afresh if it was configured with another compiler before.
configure_with() {
  local cxx=$1 dir=$2
  shift 2
  local path
  path=$(command -v "$cxx") || { echo "compiler $cxx not found" >&2; return 1; }
  if [[ -f $dir/CMakeCache.txt ]] && ! grep -qx "CMAKE_CXX_COMPILER:[A-Z]*=$path" "$dir/CMakeCache.txt"; then
    echo "$dir/ was configured with another compiler; removing it to start afresh"
    rm -rf "$dir"
  fi
  CXX=$cxx cmake -S . -B "$dir" -DCMAKE_CXX_COMPILER="$path" "$@"
}

section_deps() {
  header deps "scripts/install-deps.sh"
  ./scripts/install-deps.sh
  done_section
}

section_format() {
  header format "clang-format --dry-run --Werror"
  local dirs=() d
  for d in "${FORMAT_DIRS[@]}"; do [[ -d $d ]] && dirs+=("$d"); done
  local files=() bad=() f
  if ((${#dirs[@]})); then
    mapfile -d '' files < <(find "${dirs[@]}" -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) -print0 | sort -z)
  fi
  for f in "${files[@]}"; do
    clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
  done
  if ((${#bad[@]})); then
    echo "clang-format: ${#bad[@]} of ${#files[@]} files are not formatted (.clang-format):" >&2
    printf '  %s\n' "${bad[@]}" >&2
    echo "fix with: clang-format -i ${bad[*]}" >&2
    return 1
  fi
  echo "clang-format $(clang-format --version | grep -o '[0-9][0-9.]*' | head -1): ${#files[@]} files OK (${dirs[*]})"
  done_section
}

section_release() {
  header release "Release build in $BUILD/ + ctest"
  cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release
  cmake --build "$BUILD" -j"$JOBS"
  ctest --test-dir "$BUILD" --output-on-failure -j"$JOBS"
  done_section
}

section_asan() {
  header asan "AddressSanitizer+UBSan build ($ASAN_CXX) in $ASAN_BUILD/ + ctest"
  configure_with "$ASAN_CXX" "$ASAN_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DICP_SANITIZE=address,undefined
  cmake --build "$ASAN_BUILD" -j"$JOBS"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$ASAN_BUILD" --output-on-failure -j"$JOBS"
  done_section
}

section_consumers() {
  header consumers "install $BUILD/ to a temporary prefix; build and run examples/ against it"
  [[ -f $BUILD/CMakeCache.txt ]] || { echo "$BUILD/ is not configured: run the release section first" >&2; return 1; }
  ICP_JOBS=$JOBS tests/consumers/run.sh "$BUILD"
  done_section
}

section_tsan() {
  header tsan "ThreadSanitizer build (clang++) in $TSAN_BUILD/: one Classifier shared by 8 threads"
  # Only the library and the unit tests; the concurrency suite runs under TSan.
  configure_with clang++ "$TSAN_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DICP_SANITIZE=thread \
    -DICP_BUILD_CLI=OFF -DICP_BUILD_BENCH=OFF -DICP_BUILD_SHARED=OFF -DICP_INSTALL=OFF
  cmake --build "$TSAN_BUILD" -j"$JOBS" --target icp_unit_tests
  # setarch -R: clang 14's TSan cannot map its shadow memory under the
  # high-entropy ASLR of recent kernels; disabling ASLR for the run avoids it.
  local run=()
  setarch "$(uname -m)" -R true 2>/dev/null && run=(setarch "$(uname -m)" -R)
  TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
    "${run[@]}" "$TSAN_BUILD/tests/icp_unit_tests" -ts=concurrency
  done_section
}

section_fuzz() {
  header fuzz "libFuzzer build in $FUZZ_BUILD/, ${FUZZ_TIME}s per target"
  configure_with clang++ "$FUZZ_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DICP_FUZZ=ON -DICP_BUILD_TESTS=ON \
    -DICP_BUILD_CLI=OFF
  cmake --build "$FUZZ_BUILD" -j"$JOBS" --target "${FUZZ_TARGETS[@]}"
  local target work artifacts
  for target in "${FUZZ_TARGETS[@]}"; do
    # New inputs go to a scratch corpus (first dir); the committed seeds stay untouched.
    work=$FUZZ_BUILD/corpus/$target
    artifacts=$FUZZ_BUILD/artifacts/$target/
    mkdir -p "$work" "$artifacts"
    echo "-- $target (${FUZZ_TIME}s)"
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      "$FUZZ_BUILD/tests/fuzz/$target" -max_total_time="$FUZZ_TIME" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$artifacts" "$work" "tests/fuzz/corpus/$target" 2>&1 |
      grep -v -E '^(#[0-9]+\s+(NEW|REDUCE|pulse)|")' || {
      echo "$target failed; crashing input in $ROOT/$artifacts" >&2
      echo "reproduce: $FUZZ_BUILD/tests/fuzz/$target $artifacts<crash-file>" >&2
      return 1
    }
  done
  done_section
}

sections=("$@")
((${#sections[@]})) || sections=("${ALL_SECTIONS[@]}")
for s in "${sections[@]}"; do
  case $s in
    deps | format | release | consumers | asan | tsan | fuzz) "section_$s" ;;
    *) echo "unknown section '$s' (one of: ${ALL_SECTIONS[*]})" >&2; exit 2 ;;
  esac
done

printf '\n==================== summary ====================\n'
printf '%s\n' "${SUMMARY[@]}"
printf '  %-9s %4ds\n' total $((SECONDS - TOTAL_START))
if [[ "${sections[*]}" == "${ALL_SECTIONS[*]}" ]]; then
  echo "ALL TESTS PASSED"
else
  echo "SELECTED SECTIONS PASSED: ${sections[*]}"
fi
