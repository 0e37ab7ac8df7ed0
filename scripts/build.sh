#!/usr/bin/env bash
# Configures (once) and builds everything into build/ with Ninja, 2 jobs, warnings as errors.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/deps.sh"
if [ ! -f "$root/build/build.ninja" ]; then
  cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCASPIO_WERROR=ON >/dev/null
fi
echo "== building (ninja -j2)"
cmake --build "$root/build" -j2
