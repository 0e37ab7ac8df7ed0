#!/usr/bin/env bash
# Fails when a C++ file of the caspio tool (cli/) differs from what clang-format (root .clang-format)
# makes. Arg: the project's source directory.
set -euo pipefail
cd "$1"
mapfile -t files < <(find cli -name '*.hpp' -o -name '*.cpp' | sort)
[ "${#files[@]}" -gt 0 ] || { echo "no C++ files under cli/" >&2; exit 1; }
clang-format --dry-run --Werror "${files[@]}"
echo "clang-format: ${#files[@]} files of cli/ clean"
