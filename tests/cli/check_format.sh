#!/usr/bin/env bash
# Fails when a C++ file of the project differs from what clang-format (root .clang-format) makes.
set -euo pipefail
root="$1"
cd "$root"
mapfile -t files < <(find include src tests examples bench fuzz -name '*.hpp' -o -name '*.cpp' 2>/dev/null | sort)
clang-format --dry-run --Werror "${files[@]}"
echo "clang-format: ${#files[@]} files clean"
