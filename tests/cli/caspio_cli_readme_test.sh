#!/usr/bin/env bash
# The README's walk-through with the installed tools: `cmake --install` into a scratch prefix, start
# the installed caspio-mock, export a demo table to CSV (with a progress line on a terminal), import
# it into another table, push and fetch a file. Arg: the build directory.
set -u
build="$1"
prefix="$(mktemp -d)"
cd "$prefix" || exit 1
mock_pid=""
trap '[ -n "$mock_pid" ] && kill -TERM "$mock_pid" 2>/dev/null; cd /; rm -rf "$prefix"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix/usr" >install.log 2>&1 || fail "install: $(tail -5 install.log)"
export PATH="$prefix/usr/bin:$PATH"
[ "$(command -v caspio)" = "$prefix/usr/bin/caspio" ] || fail "caspio is not installed in bin/"
# The version the SDK's generated <caspio/version.hpp> says (caspio::version_string), no literal.
version="$(sed -n 's/^#define CASPIO_VERSION_STRING "\(.*\)"$/\1/p' "$prefix/usr/include/caspio/version.hpp")"
[ -n "$version" ] || fail "no CASPIO_VERSION_STRING in the installed version.hpp"
[ "$(caspio --version)" = "caspio $version" ] || fail "caspio --version: $(caspio --version), expected caspio $version"

caspio-mock --port 0 --fixture demo >mock.env &
mock_pid=$!
for _ in $(seq 1 250); do grep -q '^CASPIO_CLIENT_SECRET=' mock.env && break; sleep 0.02; done
eval "$(sed -n 's/^CASPIO_/export CASPIO_/p' mock.env)"
[ -n "${CASPIO_REST_URL:-}" ] || fail "caspio-mock settings: $(cat mock.env)"

caspio tables list | grep -qF '{"Name":"Demo_Users"}' || fail "tables list"
script -qec "caspio tables export Demo_Physicians --select 'Full_Name AS Name, Email' -o people.csv" /dev/null >screen </dev/null ||
  fail "export: $(cat screen)"
grep -qF $'\rexport Demo_Physicians: 15 / 15 rows' screen || fail "no progress line: $(cat -A screen)"
[ "$(head -1 people.csv)" = $'Name,Email\r' ] || fail "CSV header (RFC 4180: CRLF): $(head -1 people.csv)"
caspio tables import Demo_Users people.csv >import.json || fail "import: $(cat import.json)"
grep -qF '"written":15,"failed":0' import.json || fail "import result: $(cat import.json)"
caspio records get Demo_Users --where "Email = 'lelah.hoppe@example.com'" --select Name --format csv >lelah.csv
[ "$(sed -n 2p lelah.csv | tr -d '\r')" = "Lelah Hoppe" ] || fail "imported row: $(cat lelah.csv)"
caspio files put people.csv --to /Demo_Sandbox >put.json || fail "files put: $(cat put.json)"
caspio files get /Demo_Sandbox/people.csv -o fetched.csv >get.json || fail "files get: $(cat get.json)"
cmp -s people.csv fetched.csv || fail "fetched file differs"
echo "README walk-through with the installed caspio and caspio-mock: export (progress), import, files put/get"
