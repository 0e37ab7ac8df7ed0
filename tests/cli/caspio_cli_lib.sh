#!/usr/bin/env bash
# Shared by the caspio_cli_*_test.sh scripts: sourced with the caspio and caspio-mock binaries as
# $1 and $2. Gives a scratch directory, the emulator (start_mock), run/expect helpers that count
# failures, and journal_count to check what the emulator received.
set -u
CASPIO="$1"
MOCK="$2"
work="$(mktemp -d)"
cd "$work" || exit 1
failures=0
checks=0
mock_pid=""

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

stop_mock() {
  if [ -n "$mock_pid" ]; then
    kill -TERM "$mock_pid" 2>/dev/null
    wait "$mock_pid" 2>/dev/null
    mock_pid=""
  fi
}

cleanup() {
  stop_mock
  cd / && rm -rf "$work"
}
trap cleanup EXIT

# Starts caspio-mock (demo fixture, extra flags passed on) and exports its CASPIO_* settings.
start_mock() {
  stop_mock
  "$MOCK" --port 0 --fixture demo "$@" >"$work/mock.log" 2>&1 &
  mock_pid=$!
  for _ in $(seq 1 250); do
    grep -q '^CASPIO_CLIENT_SECRET=' "$work/mock.log" && break
    sleep 0.02
  done
  grep -q '^CASPIO_CLIENT_SECRET=' "$work/mock.log" || { cat "$work/mock.log"; echo "caspio-mock did not start" >&2; exit 1; }
  for var in CASPIO_REST_URL CASPIO_TOKEN_URL CASPIO_CLIENT_ID CASPIO_CLIENT_SECRET; do
    export "$var=$(sed -n "s/^$var=//p" "$work/mock.log")"
  done
  unset CASPIO_TOKEN CASPIO_ACCOUNT CASPIO_PROFILE
  export XDG_CONFIG_HOME="$work/config"
  MOCK_BASE="${CASPIO_REST_URL%/rest/v2}"
}

# run ARGS...: runs caspio; stdout in ./out, stderr in ./err, exit status in $rc.
run() {
  checks=$((checks + 1))
  "$CASPIO" "$@" >"$work/out" 2>"$work/err"
  rc=$?
}

# run_in ARGS...: as run, with stdin from the file named by $STDIN_FILE.
run_in() {
  checks=$((checks + 1))
  "$CASPIO" "$@" <"$STDIN_FILE" >"$work/out" 2>"$work/err"
  rc=$?
}

expect_rc() {
  [ "$rc" -eq "$1" ] || fail "$2: exit $rc, want $1; stderr: $(head -c 600 "$work/err")"
}

expect_out() {
  grep -qF -- "$1" "$work/out" || fail "$2: stdout lacks '$1': $(head -c 600 "$work/out")"
}

expect_no_out() {
  ! grep -qF -- "$1" "$work/out" || fail "$2: stdout has '$1'"
}

expect_err() {
  grep -qF -- "$1" "$work/err" || fail "$2: stderr lacks '$1': $(head -c 600 "$work/err")"
}

expect_err_lines() {
  local n
  n=$(wc -l <"$work/err")
  [ "$n" -eq "$1" ] || fail "$2: $n stderr lines, want $1: $(head -c 600 "$work/err")"
}

# Neither stdout nor stderr holds the client secret or an access token.
expect_no_secret() {
  if grep -qF -- "$CASPIO_CLIENT_SECRET" "$work/out" "$work/err"; then fail "$1: the client secret was printed"; fi
  if grep -qiE 'Bearer [A-Za-z0-9_-]{20}' "$work/out" "$work/err"; then fail "$1: a token was printed"; fi
}

expect_equal() {
  [ "$1" = "$2" ] || fail "$3: got '$1', want '$2'"
}

# The emulator's journal, one request per line.
journal_lines() {
  curl -sS "$MOCK_BASE/__mock/journal" | sed 's/},{"body":/}\n{"body":/g'
}

clear_journal() {
  curl -sS -X DELETE "$MOCK_BASE/__mock/journal" >/dev/null
}

# journal_count METHOD PATH STATUS: requests the emulator answered so.
journal_count() {
  journal_lines | grep -F "\"method\":\"$1\"" | grep -F "\"path\":\"$2\"" | grep -cF "\"status\":$3,"
}

# Number of CSV data rows of a file (records without line breaks inside quotes).
data_rows() {
  echo $(($(wc -l <"$1") - 1))
}

finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$failures of $checks caspio runs failed a check" >&2
    exit 1
  fi
  echo "$(basename "$0"): $checks caspio runs, every check passed"
  exit 0
}
