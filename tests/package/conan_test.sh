#!/usr/bin/env bash
# conan_test.sh SOURCE_DIR BUILD_DIR CASPIO_MOCK
# `conan create packaging/conan` for real, twice: static with_mock and with_cli, then shared with
# neither (each option is tried both ways), each ending with the recipe's test_package, which reads tables from
# the caspio-mock this script starts (and, with_mock, from caspio::mock in-process). No Conan remote
# is reachable: Debian's libraries stand in for ConanCenter's through packaging/conan/system,
# exported with the installed Debian versions. Conan is `conan` on PATH, else
# SOURCE_DIR/../shared/tools/conan; its state (CONAN_HOME) and a ccache live in
# BUILD_DIR/conan, so a second run recompiles little.
set -euo pipefail
src="$(cd "$1" && pwd)"; build="$(cd "$2" && pwd)"; mock="$3"
step() { echo "== $*"; }
cannot_run() {
  echo "conan_test: CANNOT RUN: $*" >&2
  echo "conan_test: the Conan recipe was NOT tested (this is a failure, not a skip)." >&2
  exit 1
}

if command -v conan >/dev/null 2>&1; then
  conan=(conan)
elif [ -x "$src/../shared/tools/conan" ]; then
  conan=("$(cd "$src/../shared/tools" && pwd)/conan")
else
  cannot_run "no 'conan' on PATH and no $src/../shared/tools/conan"
fi
"${conan[@]}" --version >/dev/null 2>&1 || cannot_run "'${conan[*]} --version' fails; its Python \
modules missing? run scripts/deps.sh (python3-requests python3-yaml python3-jinja2 …): \
$("${conan[@]}" --version 2>&1 | tail -1)"
step "$("${conan[@]}" --version) (${conan[*]})"

state="$build/conan"
export CONAN_HOME="$state/home"
mkdir -p "$CONAN_HOME"
if command -v ccache >/dev/null 2>&1; then
  # CMake takes CMAKE_CXX_COMPILER_LAUNCHER from the environment: reruns recompile nothing.
  export CMAKE_CXX_COMPILER_LAUNCHER=ccache CCACHE_DIR="$state/ccache" CCACHE_BASEDIR="$CONAN_HOME"
  export CCACHE_NOHASHDIR=1 CCACHE_MAXSIZE=2G
  ccache --zero-stats >/dev/null
fi
log="$state/last.log"
quiet() { "$@" >"$log" 2>&1 || { tail -n 80 "$log"; echo "FAILED: $*" >&2; exit 1; }; }

[ -f "$CONAN_HOME/profiles/default" ] || quiet "${conan[@]}" profile detect
# Release, C++17, and the build's compiler (CXX, or what `profile detect` found).
profile="$CONAN_HOME/profiles/caspio-test"
printf 'include(default)\n[settings]\nbuild_type=Release\ncompiler.cppstd=17\n[conf]\ntools.build:jobs=2\n%s\n' \
  "$(command -v ninja >/dev/null && echo 'tools.cmake.cmaketoolchain:generator=Ninja')" >"$profile"
# The test package builds inside its folder: a copy here keeps the source tree clean.
rm -rf "$state/test_package"
cp -r "$src/packaging/conan/test_package" "$state/test_package"

step "Debian's libraries as Conan packages (packaging/conan/system)"
debian_version() { dpkg-query -W -f='${Version}' "$1" | sed -e 's/^[0-9]*://' -e 's/[+~-].*//' -e 's/\.dfsg$//'; }
for pair in nlohmann_json:nlohmann-json3-dev fmt:libfmt-dev libcurl:libcurl4-openssl-dev \
    simdjson:libsimdjson-dev zlib:zlib1g-dev sqlite3:libsqlite3-dev \
    cpp-httplib:libcpp-httplib-dev cli11:libcli11-dev; do
  name="${pair%%:*}"; version="$(debian_version "${pair#*:}")"
  [ -n "$version" ] || cannot_run "the Debian package ${pair#*:} is not installed (scripts/deps.sh)"
  quiet "${conan[@]}" export "$src/packaging/conan/system" --name "$name" --version "$version"
  echo "$name/$version"
done
quiet "${conan[@]}" remove "caspio/*" -c  # earlier revisions of the recipe

# The emulator the test packages talk to.
mock_log="$state/mock.log"
"$mock" --port 0 --fixture demo >"$mock_log" 2>&1 &
mock_pid=$!
trap 'kill -TERM "$mock_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 250); do
  grep -q '^CASPIO_CLIENT_SECRET=' "$mock_log" && break
  sleep 0.02
done
grep -q '^CASPIO_CLIENT_SECRET=' "$mock_log" || { cat "$mock_log"; echo "caspio-mock did not start" >&2; exit 1; }
for var in CASPIO_REST_URL CASPIO_TOKEN_URL CASPIO_CLIENT_ID CASPIO_CLIENT_SECRET; do
  export "$var=$(sed -n "s/^$var=//p" "$mock_log")"
done

# The first one is the package the PkgConfigDeps check below installs.
for variant in "shared=False with_mock=True with_cli=True" "shared=True with_mock=False with_cli=False"; do
  options=()
  for o in $variant; do options+=(-o "caspio/*:$o"); done
  step "conan create packaging/conan $variant"
  start=$SECONDS
  quiet "${conan[@]}" create "$src/packaging/conan" -pr:a "$profile" --no-remote --build=missing \
    --test-folder "$state/test_package" "${options[@]}"
  # The test package's own lines (its tables, caspio --version).
  grep -E '^(caspio |caspio::mock: |caspio-mock: )' "$log" || true
  grep -q '^caspio-mock: .* tables' "$log" || { tail -n 40 "$log"; echo "the test package did not read caspio-mock" >&2; exit 1; }
  case "$variant" in *with_mock=True*)
    grep -q '^caspio::mock: .* tables' "$log" || { echo "the test package did not start caspio::mock" >&2; exit 1; } ;;
  esac
  case "$variant" in *with_cli=True*)
    grep -q "^caspio $(sed -n 's/^project(caspio VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")\$" "$log" ||
      { echo "the packaged caspio tool did not print its version" >&2; exit 1; } ;;
  esac
  echo "   $((SECONDS - start)) s"
done

step "PkgConfigDeps: caspio.pc (the SDK), caspio-mock.pc, caspio-all.pc (the root), one name each"
pc="$state/pkgconfig"
rm -rf "$pc"
quiet "${conan[@]}" install --requires=caspio/0.2.0 --no-remote -pr:a "$profile" -o "caspio/*:shared=False" \
  -o "caspio/*:with_mock=True" -o "caspio/*:with_cli=True" -g PkgConfigDeps --output-folder "$pc"
for f in caspio.pc caspio-mock.pc caspio-all.pc; do
  [ -f "$pc/$f" ] || { ls "$pc"; echo "PkgConfigDeps wrote no $f" >&2; exit 1; }
done
grep -q '^Requires:.*caspio-mock' "$pc/caspio-all.pc"
if grep -q 'caspio-mock' "$pc/caspio.pc"; then echo "caspio.pc pulls the emulator in" >&2; exit 1; fi
PKG_CONFIG_PATH="$pc" pkg-config --libs caspio | grep -q -- '-lcaspio'

quiet "${conan[@]}" cache clean "caspio/*" --build --temp  # build folders: a few hundred MB
if command -v ccache >/dev/null 2>&1; then ccache --show-stats | grep -iE 'hits|misses' | head -3; fi
step "conan: both variants passed"
