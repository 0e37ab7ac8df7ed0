#!/usr/bin/env bash
# caspio credentials end to end against caspio-mock: environment, flags, profile file (refused when
# others can read it), tokens, wrong credentials, rate limits, --verbose; no secret is ever printed
# except by `caspio token`. Args: caspio binary, caspio-mock binary.
source "$(dirname "$0")/caspio_cli_lib.sh"
start_mock
secret="$CASPIO_CLIENT_SECRET"

# run_bare [NAME=VALUE...] ARGS...: as run, with no CASPIO_* variable but those given.
run_bare() {
  local assignments=()
  while [[ "${1:-}" =~ ^[A-Z_]+= ]]; do
    assignments+=("$1")
    shift
  done
  checks=$((checks + 1))
  env -u CASPIO_REST_URL -u CASPIO_TOKEN_URL -u CASPIO_CLIENT_ID -u CASPIO_CLIENT_SECRET \
    -u CASPIO_TOKEN -u CASPIO_ACCOUNT -u CASPIO_PROFILE "${assignments[@]}" "$CASPIO" "$@" >out 2>err
  rc=$?
}

# Wrong or missing credentials: exit 4, the secret never shown.
CASPIO_CLIENT_SECRET=not-the-secret-xyz run tables list
expect_rc 4 "wrong client secret"
expect_err "invalid_client" "wrong secret: Caspio's code"
grep -qF "not-the-secret-xyz" out err && fail "the wrong secret was printed"
expect_err_lines 1 "wrong secret"
run_bare tables list
expect_rc 4 "no credentials"
expect_err "no credentials: set CASPIO_CLIENT_ID" "no credentials message"
CASPIO_TOKEN=bogus-token-123 run tables list
expect_rc 4 "unknown token"
expect_err "Unauthorized" "unknown token code"
grep -qF "bogus-token-123" out err && fail "the token was printed"

# Flags beat the environment.
run --client-id someone-else tables list
expect_rc 4 "--client-id beats CASPIO_CLIENT_ID"
run --rest-url "http://127.0.0.1:1/rest/v2" tables list
expect_rc 1 "--rest-url beats CASPIO_REST_URL (nothing listens on port 1)"
expect_no_secret "connection refused"

# caspio token: prints a working token, warns on stderr.
run token
expect_rc 0 "caspio token"
token="$(cat out)"
[ "${#token}" -ge 20 ] || fail "token looks wrong: $token"
expect_err "warning: this access token is a secret" "token warning"
grep -qF "$token" err && fail "token repeated on stderr"
code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$CASPIO_REST_URL/tables")
expect_equal "$code" 200 "the printed token works with curl"
clear_journal
run_bare CASPIO_TOKEN="$token" --rest-url "$CASPIO_REST_URL" tables list --format csv
expect_rc 0 "token from the environment"
run_bare --rest-url "$CASPIO_REST_URL" tables list
expect_rc 4 "rest url alone is not enough"
run_bare CASPIO_TOKEN="$token" CASPIO_REST_URL="$CASPIO_REST_URL" tables list --format csv
expect_rc 0 "CASPIO_TOKEN + CASPIO_REST_URL"
expect_out "Demo_Users" "token mode lists tables"
expect_equal "$(journal_count POST /oauth/token 200)" 0 "token mode fetches no token"

# Profile file: read when private, refused when group or others can read it.
mkdir -p "$XDG_CONFIG_HOME/caspio"
profiles="$XDG_CONFIG_HOME/caspio/profiles"
cat >"$profiles" <<INI
# caspio-mock
[mock]
rest_url = $CASPIO_REST_URL
token_url = $CASPIO_TOKEN_URL
client_id = $CASPIO_CLIENT_ID
client_secret = $secret

[default]
rest_url = $CASPIO_REST_URL
token_url = $CASPIO_TOKEN_URL
client_id = $CASPIO_CLIENT_ID
client_secret = $secret

[broken]
client_secret = wrong-profile-secret

[elsewhere]
rest_url = http://127.0.0.1:1/rest/v2
token_url = http://127.0.0.1:1/oauth/token
client_id = elsewhere-client
client_secret = elsewhere-secret
INI
chmod 600 "$profiles"
run_bare --profile mock tables list --format csv
expect_rc 0 "private profile"
expect_out "Demo_Users" "profile lists tables"
run_bare tables list --format csv
expect_rc 0 "default profile"
run_bare CASPIO_PROFILE=mock tables list --format csv
expect_rc 0 "CASPIO_PROFILE"
run_bare --profile nope tables list
expect_rc 2 "unknown profile"
expect_err "no profile [nope]" "unknown profile message"
# An explicit profile is used as a whole: the environment adds nothing to it, not even a field
# the profile leaves out, and replaces nothing in it.
run --profile broken tables list
expect_rc 4 "--profile broken: incomplete, and the environment fills nothing in"
expect_err "no credentials" "--profile broken: no credentials"
clear_journal
run --profile elsewhere --timeout 5 tables list
expect_rc 1 "--profile elsewhere: its own URLs (nothing listens on port 1), not CASPIO_TOKEN_URL"
expect_equal "$(journal_lines | grep -c '/oauth/token')" 0 "the profile's secret never went to the emulator of CASPIO_TOKEN_URL"
grep -qF "elsewhere-secret" out err && fail "a profile secret was printed"
CASPIO_PROFILE=elsewhere run --timeout 5 tables list
expect_rc 1 "CASPIO_PROFILE=elsewhere: the profile as a whole too"
expect_equal "$(journal_lines | grep -c '/oauth/token')" 0 "CASPIO_PROFILE: no token request to the emulator"
# Without a named profile, the environment as a whole: [default] is not mixed in.
run_bare CASPIO_REST_URL="$CASPIO_REST_URL" tables list
expect_rc 4 "CASPIO_REST_URL alone: the default profile is not mixed in"
CASPIO_CLIENT_SECRET="" run_bare --profile broken --client-id x --token-url "$CASPIO_TOKEN_URL" --rest-url "$CASPIO_REST_URL" tables list
expect_rc 4 "profile secret with flags"
grep -qF "wrong-profile-secret" out err && fail "a profile secret was printed"
for mode in 644 640 604 660; do
  chmod "$mode" "$profiles"
  run_bare --profile mock tables list
  expect_rc 2 "profile mode $mode refused"
  expect_err "refusing to read the profile file $profiles: other users can access it (mode 0$mode)" "mode $mode message"
  expect_err "chmod 600" "mode $mode hint"
  expect_no_secret "mode $mode"
done
chmod 600 "$profiles"
# Like ssh (issue 16 item 9): refused in a folder every user can write to, or when another user
# owns it.
chmod 777 "$XDG_CONFIG_HOME/caspio"
run_bare --profile mock tables list
expect_rc 2 "profile in a world-writable folder refused"
expect_err "its folder $XDG_CONFIG_HOME/caspio is writable by every user" "world-writable folder message"
chmod 700 "$XDG_CONFIG_HOME/caspio"
if [ "$(id -u)" -eq 0 ]; then
  chown 65534 "$profiles"
  run_bare --profile mock tables list
  expect_rc 2 "profile owned by another user refused"
  expect_err "is owned by another user (uid 65534)" "other owner message"
  chown 0 "$profiles"
fi  # (not root: no file of another user's can be made; the check is the same fstat)
mv "$profiles" "$profiles.real" && ln -s "$profiles.real" "$profiles"
run_bare --profile mock tables list
expect_rc 2 "profile file through a symbolic link refused"
expect_err "the profile file $profiles is a symbolic link" "symbolic link message"
rm "$profiles" && mv "$profiles.real" "$profiles"
printf '[mock]\npassword = x\n' >"$profiles"
run_bare --profile mock tables list
expect_rc 2 "unknown key"
expect_err "unknown key 'password'" "unknown key message"
rm "$profiles"
run_bare --profile mock tables list
expect_rc 2 "missing profile file"

# --verbose: each request on stderr, without the secret or the token.
clear_journal
run --verbose tables describe Demo_Users
expect_rc 0 "--verbose"
expect_err "caspio: POST $CASPIO_TOKEN_URL -> 200" "verbose token request"
expect_err "caspio: GET $CASPIO_REST_URL/tables/Demo_Users -> 200" "verbose resource request"
expect_err "request id " "verbose request id"
sent_token=$(journal_lines | tail -1 | sed -n 's/.*"authorization":"Bearer \([^"]*\)".*/\1/p')
[ -n "$sent_token" ] || fail "no token in the journal"
grep -qF "$sent_token" out err && fail "--verbose printed the token"
expect_no_secret "--verbose"
run tables describe Demo_Users
expect_equal "$(cat err)" "" "no request lines without --verbose"

# --timeout: a stall (the emulator waits 2.5 s before answering) longer than it fails each attempt
# after about a second; an answer slower than the limit but within the stall limit would not.
curl -sS -X POST "$MOCK_BASE/__mock/faults" -d '{"kind":"delay","method":"GET","path_prefix":"/rest/v2/tables","count":4,"delay_ms":2500}' >/dev/null
started=$SECONDS
run --timeout 1 tables list
expect_rc 1 "--timeout 1 against a 2.5 s stall"
[ $((SECONDS - started)) -lt 10 ] || fail "--timeout 1: the stalled attempts took $((SECONDS - started)) s"
curl -sS -X DELETE "$MOCK_BASE/__mock/faults" >/dev/null
curl -sS -X POST "$MOCK_BASE/__mock/faults" -d '{"kind":"delay","method":"GET","path_prefix":"/rest/v2/tables","count":1,"delay_ms":1500}' >/dev/null
run --timeout 3 tables list
expect_rc 0 "--timeout 3 waits out a 1.5 s answer"
curl -sS -X DELETE "$MOCK_BASE/__mock/faults" >/dev/null

# Rate limit: one call per 10 minutes, spent by curl; Caspio's throttle then answers every call,
# still failing after the retries: exit 5.
curl -sS -X POST "$MOCK_BASE/__mock/settings" -d '{"rate_limit":{"calls":1,"window_seconds":600,"status":400}}' >/dev/null
curl -sS -o /dev/null -H "Authorization: Bearer $token" "$CASPIO_REST_URL/tables"
run tables list
expect_rc 5 "rate limited"
expect_err "rate" "rate limit message"
expect_no_secret "rate limit"

stop_mock
finish
