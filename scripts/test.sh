#!/usr/bin/env bash
# The test job: install what is missing, build everything into build/ (static library) and run the
# whole suite (CTest, 2 jobs); then build the shared library with the SDK tests and the examples
# into build-shared/ and run the tests that concern it; then the sanitizer and fuzz builds
# (scripts/sanitize.sh: build-san/, build-tsan/). Exits non-zero if any test failed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh"
echo "== testing the static build (ctest -j2)"
ctest --test-dir "$root/build" --output-on-failure -j2

shared="$root/build-shared"
if [ ! -f "$shared/build.ninja" ]; then
  cmake -S "$root" -B "$shared" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCASPIO_WERROR=ON \
    -DBUILD_SHARED_LIBS=ON -DCASPIO_BUILD_BENCH=OFF -DCASPIO_BUILD_DOCS=OFF -DCASPIO_BUILD_CLI=OFF >/dev/null
fi
echo "== building the shared library, SDK tests and examples (ninja -j2)"
cmake --build "$shared" -j2 --target caspio caspio_sdk_tests caspio_mock_exe caspio_examples
echo "== testing the shared build (ctest -j2)"
ctest --test-dir "$shared" --output-on-failure -j2 -L 'sdk|examples|package'
echo "== sanitizers and fuzzing (scripts/sanitize.sh)"
"$root/scripts/sanitize.sh"
