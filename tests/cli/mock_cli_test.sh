#!/usr/bin/env bash
# The caspio-mock executable as a user runs it: bad flags, start on port 0, a token and a records
# request, then SIGTERM and a clean exit.
set -u
exe="$1"
fail() { echo "FAIL: $*" >&2; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; exit 1; }

"$exe" --port nope >/dev/null 2>"${TMPDIR:-/tmp}/cli_err.$$"; rc=$?
[ "$rc" -eq 2 ] || fail "bad flag exit code $rc, want 2"
grep -q -- "--port" "${TMPDIR:-/tmp}/cli_err.$$" || fail "no usage message on bad flag"
"$exe" --fixture nonsense >/dev/null 2>&1; [ $? -eq 2 ] || fail "bad fixture accepted"
"$exe" --help >/dev/null 2>&1 || fail "--help failed"
"$exe" --api v4 >/dev/null 2>&1; [ $? -eq 2 ] || fail "bad --api accepted"
rm -f "${TMPDIR:-/tmp}/cli_err.$$"

out="$(mktemp)"
start_ns=$(date +%s%N)
"$exe" --port 0 --fixture demo >"$out" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  grep -q "^CASPIO_CLIENT_SECRET=" "$out" && break
  sleep 0.02
done
up_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
grep -q "^CASPIO_CLIENT_SECRET=" "$out" || fail "not up within 2 s: $(cat "$out")"
[ "$up_ms" -lt 1000 ] || fail "took ${up_ms} ms to come up (limit 1000 ms)"
head -1 "$out" | grep -Eq '^caspio-mock listening on http://127\.0\.0\.1:[0-9]+$' || fail "first line: $(head -1 "$out")"
rest=$(sed -n 's/^CASPIO_REST_URL=//p' "$out")
token_url=$(sed -n 's/^CASPIO_TOKEN_URL=//p' "$out")
id=$(sed -n 's/^CASPIO_CLIENT_ID=//p' "$out")
secret=$(sed -n 's/^CASPIO_CLIENT_SECRET=//p' "$out")
[[ "$rest" == http://127.0.0.1:*/rest/v2 ]] || fail "rest url $rest"
[[ "$token_url" == http://127.0.0.1:*/oauth/token ]] || fail "token url $token_url"

tok_json=$(curl -sS -u "$id:$secret" -d grant_type=client_credentials "$token_url") || fail "token request failed"
token=$(printf '%s' "$tok_json" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || fail "no access_token in $tok_json"
printf '%s' "$tok_json" | grep -q '"token_type":"bearer"' || fail "token_type: $tok_json"
code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$rest/tables/Demo_Physicians/records?q.limit=5")
[ "$code" = 200 ] || fail "records request answered $code"
code=$(curl -sS -o /dev/null -w '%{http_code}' "$rest/tables/Demo_Physicians/records")
[ "$code" = 401 ] || fail "records without token answered $code"
# --api both (the default): the v3 base too, with the same token.
rest_v3=$(sed -n 's/^CASPIO_REST_V3_URL=//p' "$out")
[[ "$rest_v3" == http://127.0.0.1:*/integrations/rest/v3 ]] || fail "v3 rest url '$rest_v3'"
code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$rest_v3/views/Demo_Physicians_Active/fields")
[ "$code" = 200 ] || fail "v3 view fields answered $code"

kill -TERM "$pid"; wait "$pid"; rc=$?
[ "$rc" -eq 0 ] || fail "exit code after SIGTERM: $rc"
rm -f "$out"

# SIGTERM during a heavy query (a 4-way self-join of 3,000 rows) stops the process at once, well
# before the query's own time limit (5 s).
"$exe" --port 0 --rows 3000 >"$out" 2>&1 &
pid=$!
for _ in $(seq 1 200); do grep -q "^CASPIO_CLIENT_SECRET=" "$out" && break; sleep 0.02; done
rest=$(sed -n 's/^CASPIO_REST_URL=//p' "$out")
token_url=$(sed -n 's/^CASPIO_TOKEN_URL=//p' "$out")
token=$(curl -sS -u "$id:$secret" -d grant_type=client_credentials "$token_url" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || fail "no token from the second server"
heavy='%28SELECT%20COUNT%28%2A%29%20FROM%20Demo_Physicians%20a%2C%20Demo_Physicians%20b%2C%20Demo_Physicians%20c%2C%20Demo_Physicians%20d%29%20%3D%200'
curl -s -o /dev/null -m 20 -H "Authorization: Bearer $token" "$rest/tables/Demo_Physicians/records?q.where=$heavy" &
curl_pid=$!
sleep 0.5
stop_ns=$(date +%s%N)
kill -TERM "$pid"; wait "$pid"; rc=$?
stop_ms=$(( ($(date +%s%N) - stop_ns) / 1000000 ))
wait "$curl_pid" 2>/dev/null
[ "$rc" -eq 0 ] || fail "exit code after SIGTERM during a heavy query: $rc"
[ "$stop_ms" -lt 2000 ] || fail "took ${stop_ms} ms to stop during a heavy query (limit 2000 ms)"
rm -f "$out"
# --api v2: the v3 base is not served, and not printed.
"$exe" --port 0 --api v2 >"$out" 2>&1 &
pid=$!
for _ in $(seq 1 100); do grep -q "^CASPIO_CLIENT_SECRET=" "$out" && break; sleep 0.02; done
grep -q "^CASPIO_REST_V3_URL=" "$out" && fail "--api v2 printed a v3 url"
rest=$(sed -n 's/^CASPIO_REST_URL=//p' "$out")
token_url=$(sed -n 's/^CASPIO_TOKEN_URL=//p' "$out")
token=$(curl -sS -u "$id:$secret" -d grant_type=client_credentials "$token_url" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || fail "no token from the --api v2 server"
code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "${rest%/rest/v2}/integrations/rest/v3/tables")
[ "$code" = 404 ] || fail "--api v2 answered $code to a v3 path"
code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$rest/tables")
[ "$code" = 200 ] || fail "--api v2 answered $code to a v2 path"
kill -TERM "$pid"; wait "$pid" || fail "--api v2 server exit code"
rm -f "$out"

echo "caspio-mock up in ${up_ms} ms; token and records requests answered; clean exit on SIGTERM," \
  "also during a heavy query (${stop_ms} ms)"
