#!/usr/bin/env bash
# find_package(caspio CONFIG) from an install and from the build tree: a consumer builds and runs.
set -euo pipefail
src="$1"; build="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
for mode in install build-tree; do
  if [ "$mode" = install ]; then hint="-DCMAKE_PREFIX_PATH=$work/prefix"; else hint="-Dcaspio_DIR=$build"; fi
  cmake -S "$src/tests/package/consumer" -B "$work/$mode" -G Ninja "$hint" >/dev/null
  cmake --build "$work/$mode" >/dev/null
  echo "$mode: $("$work/$mode/app")"
done
