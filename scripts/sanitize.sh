#!/usr/bin/env bash
# The sanitizer and fuzz runs (docs/reliability.md, "Sanitizers and fuzzing"), each in its own build
# directory, 2 jobs:
#   build-asan/  AddressSanitizer + UndefinedBehaviorSanitizer: the whole CTest suite (the package
#                test builds its consumers with the same flags: CXXFLAGS/LDFLAGS are exported)
#   build-tsan/  ThreadSanitizer: the SDK tests (label sdk)
#   build-fuzz/  clang + libFuzzer (CASPIO_BUILD_FUZZ=ON): every fuzz target for
#                CASPIO_FUZZ_SECONDS (default 20) seconds (label fuzz)
# SANITIZE_STAGES picks stages (default "asan tsan fuzz"). Prints every command it runs; exits
# non-zero if any build or test failed (the other stages still run).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/deps.sh" || exit 1
stages="${SANITIZE_STAGES:-asan tsan fuzz}"
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
    -DCASPIO_BUILD_BENCH=OFF -DCASPIO_BUILD_DOCS=OFF "$@" >/dev/null
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
  local dir="$root/build-asan"
  local flags="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
  configure "$dir" "-DCMAKE_CXX_FLAGS=$flags" "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined" \
    "-DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=address,undefined" || return 1
  run cmake --build "$dir" -j2 || return 1
  # The package test configures and compiles consumer projects: same flags for them.
  CXXFLAGS="$flags" LDFLAGS="-fsanitize=address,undefined" \
    run ctest --test-dir "$dir" --output-on-failure -j2
}

tsan_stage() {
  local dir="$root/build-tsan"
  configure "$dir" "-DCMAKE_CXX_FLAGS=-fsanitize=thread -fno-omit-frame-pointer" \
    "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread" -DCASPIO_BUILD_EXAMPLES=OFF \
    -DCASPIO_BUILD_CLI=OFF -DCASPIO_INSTALL=OFF || return 1
  run cmake --build "$dir" -j2 --target caspio_sdk_tests || return 1
  run ctest --test-dir "$dir" --output-on-failure -j2 -L sdk
}

fuzz_stage() {
  local dir="$root/build-fuzz"
  configure "$dir" -DCMAKE_CXX_COMPILER=clang++ -DCASPIO_BUILD_FUZZ=ON -DCASPIO_BUILD_TESTS=OFF \
    -DCASPIO_BUILD_EXAMPLES=OFF -DCASPIO_BUILD_CLI=OFF -DCASPIO_INSTALL=OFF || return 1
  run cmake "-DCASPIO_FUZZ_SECONDS=$fuzz_seconds" "$dir" >/dev/null || return 1
  run cmake --build "$dir" -j2 --target caspio_fuzz || return 1
  run ctest --test-dir "$dir" --output-on-failure -j2 -L fuzz
}

for name in $stages; do
  case "$name" in
    asan) stage "ASan+UBSan, whole suite (build-asan)" asan_stage ;;
    tsan) stage "TSan, SDK tests (build-tsan)" tsan_stage ;;
    fuzz) stage "libFuzzer, ${fuzz_seconds} s per target (build-fuzz)" fuzz_stage ;;
    *) echo "unknown stage '$name' (asan, tsan, fuzz)" >&2; failed+=("$name") ;;
  esac
done
if [ "${#failed[@]}" -ne 0 ]; then
  echo "== sanitize: FAILED: ${failed[*]}"
  exit 1
fi
echo "== sanitize: all passed"
