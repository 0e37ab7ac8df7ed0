#!/usr/bin/env bash
# The test job: install what is missing, build, run the whole test suite (CTest, 2 jobs).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh"
echo "== testing (ctest -j2)"
ctest --test-dir "$root/build" --output-on-failure -j2
