#!/usr/bin/env bash
# The sanitizer and fuzz runs (docs/reliability.md, "Sanitizers and fuzzing"), each in its own build
# directory, 2 jobs. scripts/test.sh runs both stages; run this alone to repeat them.
#   build-san/   clang 14, AddressSanitizer + UndefinedBehaviorSanitizer + libFuzzer's coverage
#                (CASPIO_BUILD_FUZZ=ON) over the whole tree: the whole CTest suite but
#                cmake_package (it builds the SDK again from source and its consumer projects:
#                7 minutes under ASan, the longest test of the stage; the static build runs it),
#                which includes every fuzz target run for CASPIO_FUZZ_SECONDS (default 20)
#                seconds (label fuzz)
#   build-tsan/  gcc, ThreadSanitizer, the shared library (BUILD_SHARED_LIBS=ON): the SDK tests
#                (label sdk, on the library's objects), the examples linked to libcaspio.so
#                against caspio-mock (label examples) and the exported-symbols check (label
#                package)
# Both build -O1 -g1 (line tables: enough for the sanitizers' stack traces, a third less compile
# time than RelWithDebInfo's -O2 -g).
# SANITIZE_STAGES picks stages (default "asan tsan"; CTEST_ARGS adds ctest arguments, e.g.
# "-L fuzz"). Prints every command it runs; exits non-zero if any build or test failed (the other
# stage still runs).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/deps.sh" || exit 1
stages="${SANITIZE_STAGES:-asan tsan}"
fuzz_seconds="${CASPIO_FUZZ_SECONDS:-20}"
failed=()

run() {
  echo "+ $*" >&2
  "$@"
}

# configure DIR [cmake options...]: once per build directory.
configure() {
  local dir="$1"
  shift
  [ -f "$dir/build.ninja" ] && return 0
  run cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCASPIO_WERROR=ON \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" -DCASPIO_BUILD_BENCH=OFF -DCASPIO_BUILD_DOCS=OFF \
    "$@" >/dev/null
}

# stage NAME FUNCTION: runs it, times it, records a failure.
stage() {
  local name="$1" start=$SECONDS
  echo "== sanitize: $name"
  if "$2"; then
    echo "== sanitize: $name passed ($((SECONDS - start)) s)"
  else
    echo "== sanitize: $name FAILED ($((SECONDS - start)) s)"
    failed+=("$name")
  fi
}

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"

asan_stage() {
  local dir="$root/build-san"
  # CASPIO_BUILD_FUZZ instruments every target (cmake/CaspioFuzzing.cmake).
  configure "$dir" -DCMAKE_CXX_COMPILER=clang++ -DCASPIO_BUILD_FUZZ=ON -DCASPIO_BUILD_TESTS=ON \
    || return 1
  run cmake "-DCASPIO_FUZZ_SECONDS=$fuzz_seconds" "$dir" >/dev/null || return 1
  run cmake --build "$dir" -j2 || return 1
  # The package test configures and compiles consumer projects: same compiler and sanitizers.
  # shellcheck disable=SC2086
  CXX=clang++ CXXFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer" \
    LDFLAGS="-fsanitize=address,undefined" \
    run ctest --test-dir "$dir" --output-on-failure -j2 -E '^cmake_package$' ${CTEST_ARGS:-}
}

tsan_stage() {
  local dir="$root/build-tsan"
  # gcc 12 reports false -Wmaybe-uninitialized in <functional> under -fsanitize=thread (-Werror).
  configure "$dir" "-DCMAKE_CXX_FLAGS=-fsanitize=thread -fno-omit-frame-pointer -Wno-maybe-uninitialized" \
    "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread" "-DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=thread" \
    -DBUILD_SHARED_LIBS=ON -DCASPIO_BUILD_CLI=OFF -DCASPIO_INSTALL=OFF || return 1
  # The SDK tests link the library's objects (caspio_internal); the examples link libcaspio.so.
  run cmake --build "$dir" -j2 --target caspio caspio_sdk_tests caspio_mock_exe caspio_examples || return 1
  # The 100k-row export soak outlasts its timeout under TSan; the ASan build runs it.
  # shellcheck disable=SC2086
  run ctest --test-dir "$dir" --output-on-failure -j2 -L 'sdk|examples|package' -E '^Soak\.HundredThousand' ${CTEST_ARGS:-}
}

for name in $stages; do
  case "$name" in
    asan) stage "clang ASan+UBSan+libFuzzer: whole suite, fuzz ${fuzz_seconds} s per target (build-san)" asan_stage ;;
    tsan) stage "TSan, shared library: SDK tests, examples, exported symbols (build-tsan)" tsan_stage ;;
    *) echo "unknown stage '$name' (asan, tsan)" >&2; failed+=("$name") ;;
  esac
done
if [ "${#failed[@]}" -ne 0 ]; then
  echo "== sanitize: FAILED: ${failed[*]}"
  exit 1
fi
echo "== sanitize: all passed"
