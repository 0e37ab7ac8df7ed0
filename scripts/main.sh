#!/usr/bin/env bash
# The main job: install what is missing, build, start caspio-mock with the demo fixture, run every
# example against it, stop it. Exits non-zero if any example failed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh"

bin="$root/build/bin"
log="$(mktemp)"
"$bin/caspio-mock" --port 0 --fixture demo >"$log" 2>&1 &
mock_pid=$!
trap 'kill -TERM "$mock_pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 250); do
  grep -q '^CASPIO_CLIENT_SECRET=' "$log" && break
  kill -0 "$mock_pid" 2>/dev/null || { cat "$log"; echo "caspio-mock did not start" >&2; exit 1; }
  sleep 0.02
done
grep -q '^CASPIO_CLIENT_SECRET=' "$log" || { cat "$log"; echo "caspio-mock did not start" >&2; exit 1; }
head -1 "$log"
for var in CASPIO_REST_URL CASPIO_TOKEN_URL CASPIO_CLIENT_ID CASPIO_CLIENT_SECRET; do
  export "$var=$(sed -n "s/^$var=//p" "$log")"
done

passed=0
failed=()
shopt -s nullglob
examples=("$bin"/examples/*)
if [ "${#examples[@]}" -eq 0 ]; then
  echo "no examples were built" >&2
  exit 1
fi
for example in "${examples[@]}"; do
  name="$(basename "$example")"
  echo "== example $name"
  if (cd "$(mktemp -d)" && "$example"); then
    passed=$((passed + 1))
  else
    failed+=("$name")
  fi
done

# A short session with the caspio command-line tool (docs/cli.md): list, export, import, files.
cli_session() {
  local dir
  dir="$(mktemp -d)"
  cd "$dir" || return 1
  caspio() {
    local arg line="\$ caspio"
    for arg in "$@"; do [[ "$arg" == *[\ \']* ]] && arg="\"$arg\""; line+=" $arg"; done
    echo "$line"
    "$bin/caspio" "$@"
  }
  caspio tables list --format table || return 1
  caspio tables export Demo_Physicians --select "Full_Name AS Name, Email" \
    --where "Office_State = 'MI'" -o people.csv || return 1
  cat people.csv
  caspio tables import Demo_Users people.csv || return 1
  caspio records get Demo_Users --select "Name, Email" --order-by "PK_ID DESC" --limit 2 \
    --format table || return 1
  echo "hello from the caspio command line" >hello.txt
  caspio files put hello.txt --to /Demo_Sandbox --format table || return 1
  caspio files ls /Demo_Sandbox --format table || return 1
  caspio files get /Demo_Sandbox/hello.txt -o fetched.txt --format table || return 1
  cmp hello.txt fetched.txt || return 1
  cd "$root" && rm -rf "$dir"
}
if [ -x "$bin/caspio" ]; then
  echo "== caspio command line"
  (cli_session) || failed+=("caspio-cli")
fi

kill -TERM "$mock_pid"
wait "$mock_pid" || { echo "caspio-mock did not exit cleanly" >&2; failed+=("caspio-mock"); }
trap 'rm -f "$log"' EXIT

echo "== examples: ${passed} passed, ${#failed[@]} failed${failed:+: ${failed[*]}}"
[ "${#failed[@]}" -eq 0 ]
