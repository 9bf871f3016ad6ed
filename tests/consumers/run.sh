#!/usr/bin/env bash
# Consumer tests: the library as intake tools use it. Run by the "consumers"
# section of scripts/test.sh after the Release build:
#   tests/consumers/run.sh [BUILD_DIR]      (default build; needs the shared library)
# 1. cmake --install BUILD_DIR into a temporary prefix; check the tree.
# 2. examples/cpp_intake built with find_package(icp_classifier CONFIG)
#    against the prefix, shared and static (icp_classifier_USE_STATIC).
# 3. examples/python_ctypes/intake.py over the installed shared library; its
#    output must equal the C++ example's; the C API's JSON must agree with
#    `icp-classify --format json` on every key it has.
# 4. A C89 program through pkg-config (icp/icp.h is C89).
# 5. examples/subproject: the source tree through add_subdirectory().
# 6. The README's library examples are the example files, verbatim.
# Environment: ICP_CONSUMERS_KEEP=1 keeps the scratch directory.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
BUILD=$(cd "${1:-build}" && pwd)
JOBS=${ICP_JOBS:-$(nproc)}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/icp-consumers.XXXXXX")
PREFIX=$WORK/prefix
[[ ${ICP_CONSUMERS_KEEP:-} == 1 ]] || trap 'rm -rf "$WORK"' EXIT
step() { printf -- '-- consumers: %s\n' "$*"; }
fail() { echo "consumers: FAILED: $*" >&2; exit 1; }

# Descriptions: the first texts of the case tables, plus awkward input.
INPUT=$WORK/descriptions.txt
# (awk, not tail | head: under pipefail, head closing early would be a SIGPIPE.)
awk -F'\t' 'FNR > 1 && FNR <= 13 { print $2 }' tests/cases/real_style.tsv tests/cases/step4_categories.tsv >"$INPUT"
printf '我們的論壇靠廣告盈利\n\n论坛\xff\xfe靠广告盈利\n' >>"$INPUT"
LINES=$(wc -l <"$INPUT")

step "install $BUILD into a temporary prefix"
cmake --install "$BUILD" --prefix "$PREFIX" >/dev/null
(cd "$PREFIX" && find . | sort)
LIBDIR=$(dirname "$(find "$PREFIX" -name libicp_classifier.so -print -quit)")
[[ -n $LIBDIR ]] || fail "no libicp_classifier.so installed (configure with ICP_BUILD_SHARED=ON)"
for f in include/icp/classifier.hpp include/icp/decision.hpp include/icp/errors.hpp include/icp/export.h \
  include/icp/icp.h share/icp_classifier/lexicon/signals.tsv; do
  [[ -f $PREFIX/$f ]] || fail "$f not installed"
done
for f in libicp_classifier.a cmake/icp_classifier/icp_classifierConfig.cmake \
  cmake/icp_classifier/icp_classifierConfigVersion.cmake pkgconfig/icp_classifier.pc; do
  [[ -f $LIBDIR/$f ]] || fail "${LIBDIR#"$PREFIX"/}/$f not installed"
done
[[ -x $PREFIX/bin/icp-classify ]] || fail "bin/icp-classify not installed"
[[ $("$PREFIX/bin/icp-classify" --format json --text 论坛靠广告盈利) == *'"decision":"license"'* ]] ||
  fail "the installed icp-classify does not answer"
for f in share/man/man1/icp-classify.1 share/man/zh_CN/man1/icp-classify.1 share/bash-completion/completions/icp-classify; do
  [[ -s $PREFIX/$f ]] || fail "$f not installed"
done
man -l "$PREFIX/share/man/man1/icp-classify.1" 2>/dev/null | grep -q -- '--summary' || grep -q -- '--summary' "$PREFIX/share/man/man1/icp-classify.1" ||
  fail "the man page lacks --summary"
bash -n "$PREFIX/share/bash-completion/completions/icp-classify" || fail "the completion script is not valid bash"
if grep -rlE 'unicode/|boost/' "$PREFIX/include"; then fail "public headers include ICU or Boost"; fi
hidden=$(nm -DC --defined-only "$LIBDIR/libicp_classifier.so" | awk '{$1=$2=""; print}' |
  grep -vE '^ *(icp::|icp_|typeinfo for icp::|typeinfo name for icp::|vtable for icp::)' || true)
[[ -z $hidden ]] || fail "non-public symbols exported: $hidden"

run_intake() {  # NAME EXE: runs the C++ example on stdin and on a file
  "$2" <"$INPUT" >"$WORK/$1.out"
  "$2" "$INPUT" >"$WORK/$1.file.out"
  cmp "$WORK/$1.file.out" "$WORK/$1.out" || fail "$1: FILE and stdin give different output"
  [[ $(wc -l <"$WORK/$1.out") -eq $LINES ]] || fail "$1: expected $LINES lines"
  if "$2" /nonexistent/file >/dev/null 2>&1; then fail "$1: a missing file must fail"; fi
  head -n 3 "$WORK/$1.out"
}

step "examples/cpp_intake with find_package, shared library"
cmake -S examples/cpp_intake -B "$WORK/cpp-shared" -DCMAKE_PREFIX_PATH="$PREFIX" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS="-Wall -Wextra -Werror" >/dev/null
cmake --build "$WORK/cpp-shared" -j"$JOBS" >/dev/null
[[ $(ldd "$WORK/cpp-shared/cpp_intake") == *"$LIBDIR/libicp_classifier.so"* ]] || fail "not linked to the installed .so"
run_intake cpp-shared "$WORK/cpp-shared/cpp_intake"
grep -qP '^1\t(license|filing|neither)\tB25:( [1-5])*\t[0-9.e-]+$' "$WORK/cpp-shared.out" || fail "output format"

step "examples/cpp_intake with find_package, static library"
cmake -S examples/cpp_intake -B "$WORK/cpp-static" -DCMAKE_PREFIX_PATH="$PREFIX" -DCMAKE_BUILD_TYPE=Release \
  -Dicp_classifier_USE_STATIC=ON >/dev/null
cmake --build "$WORK/cpp-static" -j"$JOBS" >/dev/null
[[ $(ldd "$WORK/cpp-static/cpp_intake") != *libicp_classifier* ]] || fail "static build links the .so"
run_intake cpp-static "$WORK/cpp-static/cpp_intake"
cmp "$WORK/cpp-static.out" "$WORK/cpp-shared.out" || fail "static and shared builds disagree"

step "examples/c_intake: a C program built through pkg-config, run without LD_LIBRARY_PATH"
rm -f examples/c_intake/c_intake
cp -r examples/c_intake "$WORK/c_intake"
PKG_CONFIG_PATH=$LIBDIR/pkgconfig make -s -C "$WORK/c_intake" >/dev/null || fail "the C example does not build"
env -u LD_LIBRARY_PATH "$WORK/c_intake/c_intake" <"$INPUT" >"$WORK/c.out" || fail "the C example does not run"
env -u LD_LIBRARY_PATH "$WORK/c_intake/c_intake" "$INPUT" >"$WORK/c.file.out"
cmp "$WORK/c.file.out" "$WORK/c.out" || fail "c_intake: FILE and stdin give different output"
head -n 3 "$WORK/c.out"
diff "$WORK/c.out" "$WORK/cpp-shared.out" || fail "C (C API) and C++ answers differ"

step "examples/python_ctypes/intake.py over the installed shared library"
python3 examples/python_ctypes/intake.py "$LIBDIR/libicp_classifier.so" <"$INPUT" >"$WORK/python.out"
ICP_CLASSIFIER_LIB=$LIBDIR/libicp_classifier.so python3 examples/python_ctypes/intake.py <"$INPUT" >"$WORK/python.env.out"
cmp "$WORK/python.env.out" "$WORK/python.out" || fail "python: argument and ICP_CLASSIFIER_LIB differ"
head -n 3 "$WORK/python.out"
diff "$WORK/python.out" "$WORK/cpp-shared.out" || fail "Python (C API) and C++ answers differ"

if [[ -x $BUILD/icp-classify ]]; then
  step "C API JSON agrees with icp-classify --format json"
  python3 - "$LIBDIR/libicp_classifier.so" "$BUILD/icp-classify" "$INPUT" <<'PY'
import ctypes, json, subprocess, sys
lib = ctypes.CDLL(sys.argv[1])
lib.icp_classifier_create.restype = ctypes.c_void_p
lib.icp_classify.restype = ctypes.c_void_p
lib.icp_classify.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p]
lib.icp_free.argtypes = [ctypes.c_void_p]
lib.icp_version.restype = lib.icp_classifier_lexicon_hash.restype = ctypes.c_char_p
lib.icp_classifier_lexicon_hash.argtypes = [ctypes.c_void_p]
c = lib.icp_classifier_create(None, None, 0)
assert c, "icp_classifier_create failed"
checked = 0
for text in open(sys.argv[3], "rb").read().split(b"\n"):
    if not text.strip():
        continue
    for lang in ("zh", "en"):
        p = lib.icp_classify(c, text, len(text), lang.encode())
        raw = ctypes.string_at(p)
        lib.icp_free(p)
        raw.decode("utf-8")  # strict: the JSON is valid UTF-8
        ours = json.loads(raw)
        cli = json.loads(subprocess.run([sys.argv[2], "--format", "json", "--lang", lang, text],
                                        check=True, capture_output=True).stdout)
        for key, value in ours.items():
            if cli.get(key) != value:
                sys.exit(f"C API and CLI differ on {key!r} for {text[:60]!r}:\n  {value!r}\n  {cli.get(key)!r}")
        checked += 1
assert lib.icp_version().decode() == ours["version"]
assert lib.icp_classifier_lexicon_hash(c).decode() == ours["lexicon_hash"]
print(f"{checked} answers identical on {len(ours)} keys")
PY
fi

step "a C89 program through pkg-config"
export PKG_CONFIG_PATH=$LIBDIR/pkgconfig
pkg-config --cflags --libs icp_classifier
pkg-config --static --libs icp_classifier
[[ $(pkg-config --modversion icp_classifier) == "$(sed -n 's/^project(icp_classifier VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)" ]] ||
  fail "pkg-config version"
cat >"$WORK/intake.c" <<'C'
#include <icp/icp.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  const char* text = "我们的论坛靠广告盈利";
  char* json;
  icp_classifier* c = icp_classifier_create(NULL, NULL, 0);
  if (!c) {
    fprintf(stderr, "%s\n", icp_last_error());
    return 1;
  }
  json = icp_classify(c, text, strlen(text), "en");
  if (!json || strncmp(json, "{\"decision\":\"license\"", 21) != 0) return 2;
  printf("%s %s %.60s...\n", icp_version(), icp_classifier_lexicon_hash(c), json);
  icp_free(json);
  icp_classifier_destroy(c);
  return 0;
}
C
# shellcheck disable=SC2046
cc -std=c89 -pedantic-errors -Wall -Wextra -Werror -o "$WORK/intake_c" "$WORK/intake.c" \
  $(pkg-config --cflags --libs icp_classifier) -Wl,-rpath,"$LIBDIR"
"$WORK/intake_c"

step "examples/subproject: add_subdirectory() of the source tree"
cmake -S examples/subproject -B "$WORK/subproject" -DICP_SOURCE_DIR="$ROOT" -DCMAKE_BUILD_TYPE=Release >/dev/null
for option in ICP_BUILD_TESTS ICP_BUILD_CLI ICP_BUILD_SHARED ICP_INSTALL; do
  grep -qx "$option:BOOL=OFF" "$WORK/subproject/CMakeCache.txt" || fail "subproject: $option should default off"
done
cmake --build "$WORK/subproject" -j"$JOBS" --target cpp_intake >/dev/null
run_intake subproject "$WORK/subproject/cpp_intake/cpp_intake"
cmp "$WORK/subproject.out" "$WORK/cpp-shared.out" || fail "subproject and installed builds disagree"

step "README shows the example files verbatim"
python3 - <<'PY'
import sys
readme = open("README.md", encoding="utf-8").read()
for path in ("examples/cpp_intake/main.cpp", "examples/python_ctypes/intake.py"):
    if open(path, encoding="utf-8").read() not in readme:
        sys.exit(f"README.md does not contain {path} verbatim: copy it into 'Use it as a library'")
PY

echo "consumers: all passed ($LINES descriptions; prefix tree above)"
