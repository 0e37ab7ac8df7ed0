#!/usr/bin/env bash
# The test job: install what is missing, build everything into build/ (static library) and run the
# whole suite (CTest, 2 jobs); then the sanitizer and fuzz builds (scripts/sanitize.sh: build-san/,
# static; build-tsan/, the shared library, with the exported-symbols check). Exits non-zero if any
# test failed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh"
echo "== testing the static build (ctest -j2)"
ctest --test-dir "$root/build" --output-on-failure -j2

echo "== sanitizers and fuzzing (scripts/sanitize.sh)"
"$root/scripts/sanitize.sh"
