#!/usr/bin/env bash
# with_mock.sh CASPIO_MOCK PROGRAM...: starts caspio-mock (demo fixture, free port), exports the
# CASPIO_* variables it prints, runs each PROGRAM in its own empty directory, stops the emulator.
# Prints `== NAME` before each program's output; exits non-zero if any program or the emulator failed.
set -euo pipefail
mock="$1"; shift
work="$(mktemp -d)"
"$mock" --port 0 --fixture demo >"$work/mock.log" 2>&1 &
mock_pid=$!
trap 'kill -TERM "$mock_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 250); do
  grep -q '^CASPIO_CLIENT_SECRET=' "$work/mock.log" && break
  kill -0 "$mock_pid" 2>/dev/null || break
  sleep 0.02
done
grep -q '^CASPIO_CLIENT_SECRET=' "$work/mock.log" || { cat "$work/mock.log"; echo "caspio-mock did not start" >&2; exit 1; }
for var in CASPIO_REST_URL CASPIO_TOKEN_URL CASPIO_CLIENT_ID CASPIO_CLIENT_SECRET; do
  export "$var=$(sed -n "s/^$var=//p" "$work/mock.log")"
done

failed=()
for program in "$@"; do
  name="$(basename "$program")"
  program="$(cd "$(dirname "$program")" && pwd)/$name"
  echo "== $name"
  dir="$(mktemp -d "$work/run.XXXXXX")"
  (cd "$dir" && "$program") || failed+=("$name")
done

kill -TERM "$mock_pid"
wait "$mock_pid" || failed+=("caspio-mock")
echo "== ${#failed[@]} of $# failed${failed:+: ${failed[*]}}"
[ "${#failed[@]}" -eq 0 ]
