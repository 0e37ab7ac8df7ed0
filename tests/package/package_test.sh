#!/usr/bin/env bash
# package_test.sh SOURCE_DIR BUILD_DIR CASPIO_MOCK [all|basic]
# Every channel a consumer uses, from the outside: install the build, then build and run small
# downstream projects against it. `basic` (the shared build) checks the CMake package and
# pkg-config; `all` adds add_subdirectory, the vcpkg port's usage, the Conan test_package and the
# config's failure modes. Programs that talk to Caspio run against caspio-mock (with_mock.sh).
set -euo pipefail
src="$1"; build="$2"; mock="$3"; scope="${4:-all}"
here="$src/tests/package"
with_mock="$src/examples/with_mock.sh"
version="$(sed -n 's/^project(caspio VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
step() { echo "== $*"; }
quiet() { "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log"; echo "FAILED: $*" >&2; exit 1; }; }
configure() { quiet cmake -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"; }

step "install"
quiet cmake --install "$build" --prefix "$prefix"
libdir="$(cd "$(dirname "$(find "$prefix" -name caspio.pc | head -1)")/.." && pwd)"
for f in include/caspio/caspio.hpp include/caspio/version.hpp include/caspio/export.hpp; do
  [ -f "$prefix/$f" ] || { echo "not installed: $f" >&2; exit 1; }
done
grep -q "CASPIO_VERSION_STRING \"$version\"" "$prefix/include/caspio/version.hpp"

# CMake package, SDK only, from the install and from the build tree; run against caspio-mock.
for mode in install build-tree; do
  step "find_package(caspio) from the $mode"
  if [ "$mode" = install ]; then hint="-DCMAKE_PREFIX_PATH=$prefix"; else hint="-Dcaspio_DIR=$build"; fi
  configure -S "$here/consumer" -B "$work/$mode" "$hint" "-DCASPIO_EXPECTED_VERSION=$version"
  quiet cmake --build "$work/$mode"
  "$with_mock" "$mock" "$work/$mode/app"
  "$work/$mode/fake_test"
done

step "find_package(caspio COMPONENTS mock) from the install"
configure -S "$here/consumer_mock" -B "$work/mock" "-DCMAKE_PREFIX_PATH=$prefix"
quiet cmake --build "$work/mock"
"$work/mock/app"

# pkg-config alone: the compiler and linker flags come only from caspio.pc.
step "pkg-config --cflags --libs caspio"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
pkg-config --print-errors --validate caspio
[ "$(pkg-config --modversion caspio)" = "$version" ]
flags="$(pkg-config --cflags --libs caspio)"
echo "$flags"
# shellcheck disable=SC2086
"${CXX:-c++}" -std=c++17 ${CXXFLAGS:-} "$here/consumer/main.cpp" -o "$work/pkgconfig-app" $flags ${LDFLAGS:-} \
  -Wl,-rpath,"$libdir"
"$with_mock" "$mock" "$work/pkgconfig-app"

[ "$scope" = all ] || exit 0

# 0.x: SameMinorVersion (0.x minors may break the API), so another major and, while the major is
# 0, another minor are refused; from 1.0 on, SameMajorVersion.
major="${version%%.*}"; minor="${version#*.}"; minor="${minor%%.*}"
refused="$((major + 1)).0"
[ "$major" != 0 ] || refused="$refused 0.$((minor + 1)) $([ "$minor" -gt 0 ] && echo "0.$((minor - 1))")"
for asked in $refused; do
  step "find_package(caspio $asked) is refused (caspio $version)"
  mkdir -p "$work/asked-$asked"
  printf 'cmake_minimum_required(VERSION 3.20)\nproject(asked CXX)\nfind_package(caspio %s CONFIG REQUIRED)\n' "$asked" \
    >"$work/asked-$asked/CMakeLists.txt"
  if cmake -S "$work/asked-$asked" -B "$work/asked-$asked/build" "-DCMAKE_PREFIX_PATH=$prefix" >"$work/last.log" 2>&1; then
    echo "caspio $version was accepted for $asked" >&2; exit 1
  fi
  grep -q "$version" "$work/last.log"
done

step "a broken install fails loudly"
cp -r "$prefix" "$work/broken"
rm "$(find "$work/broken" -name caspioTargets.cmake)"
if cmake -S "$here/consumer" -B "$work/broken-build" "-DCMAKE_PREFIX_PATH=$work/broken" \
    "-DCASPIO_EXPECTED_VERSION=$version" >"$work/last.log" 2>&1; then
  echo "a missing caspioTargets.cmake went unnoticed" >&2; exit 1
fi
grep -q "caspioTargets.cmake" "$work/last.log"

step "add_subdirectory(caspio) in a parent project"
configure -S "$here/subdirectory" -B "$work/subdirectory" -UCMAKE_BUILD_TYPE -DCMAKE_BUILD_TYPE= \
  "-DCASPIO_SOURCE_DIR=$src" -DPARENT_BUILD_TYPE=
quiet cmake --build "$work/subdirectory" -j2
"$with_mock" "$mock" "$work/subdirectory/app"

step "the vcpkg port's usage, as a CMake project"
mkdir -p "$work/usage"
{
  printf 'cmake_minimum_required(VERSION 3.20)\nproject(usage CXX)\n'
  printf 'add_executable(main "%s")\nadd_executable(main_tests "%s")\n' "$here/consumer/main.cpp" "$here/consumer_mock/main.cpp"
  sed -n 's/^    //p' "$src/packaging/vcpkg/ports/caspio/usage"
} >"$work/usage/CMakeLists.txt"
grep -q 'caspio::caspio' "$work/usage/CMakeLists.txt"
configure -S "$work/usage" -B "$work/usage/build" "-DCMAKE_PREFIX_PATH=$prefix"
quiet cmake --build "$work/usage/build"
"$with_mock" "$mock" "$work/usage/build/main"
"$work/usage/build/main_tests"

step "the Conan test_package, as a CMake project"
configure -S "$src/packaging/conan/test_package" -B "$work/conan" "-DCMAKE_PREFIX_PATH=$prefix"
quiet cmake --build "$work/conan"
"$with_mock" "$mock" "$work/conan/test_package"
echo "== all package checks passed"
