#!/usr/bin/env bash
# caspio's conventions of aws/gh, end to end against caspio-mock: completion scripts and the man
# page generated from the command tree, --query field selection on the listings, and
# records insert/update/delete with a count and a question before a destructive change (--yes
# skips it). Args: caspio binary, caspio-mock binary.
source "$(dirname "$0")/caspio_cli_lib.sh"
start_mock

# bash completion: generated, loads, completes nouns, verbs, options and --format values.
run completion bash
expect_rc 0 "completion bash"
cp "$work/out" "$work/caspio.bash"
complete_words() {  # complete_words WORD...: what bash offers for the last word
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _caspio; echo "${COMPREPLY[*]}"' \
    _ "$work/caspio.bash" "$@"
}
checks=$((checks + 1))
[ "$(complete_words caspio ta)" = "tables tasks" ] || fail "completion of 'ta': $(complete_words caspio ta)"
[ "$(complete_words caspio tables ex)" = "export" ] || fail "completion of 'tables ex': $(complete_words caspio tables ex)"
[ "$(complete_words caspio records "")" != "" ] || fail "no verbs of records"
for verb in get insert update delete; do
  complete_words caspio records "" | grep -qw "$verb" || fail "completion lacks records $verb"
done
complete_words caspio records delete --y | grep -qw -- "--yes" || fail "completion lacks records delete --yes"
[ "$(complete_words caspio --format n)" = "ndjson" ] || fail "completion of --format n: $(complete_words caspio --format n)"
complete_words caspio tables list --q | grep -qw -- "--query" || fail "global options after a command"
# zsh: the same tree, as a #compdef function (checked with zsh -n when zsh is installed).
run completion zsh
expect_rc 0 "completion zsh"
expect_out "#compdef caspio" "zsh script header"
expect_out "'records:insert') cmd_path='records insert'" "zsh walks to records insert"
expect_out "'--yes:Do not ask before changing the matching rows'" "zsh option with its help"
if command -v zsh >/dev/null; then zsh -n "$work/out" || fail "zsh -n"; fi
run completion fish
expect_rc 2 "completion fish is refused"

# The man page: roff from the help, every command in it.
run man
expect_rc 0 "man"
expect_out ".TH CASPIO 1" "man header"
expect_out '.SS "caspio records delete TABLE"' "man lists records delete"
expect_out '.SS "caspio tables export NAME"' "man lists tables export"
expect_out "\\fB\\-\\-query\\fR" "man documents --query"
expect_out "Exit codes:" "man has the footer"
if command -v groff >/dev/null; then
  groff -man -Tutf8 -P-cbou -ww "$work/out" >"$work/man.txt" 2>"$work/man.err" || fail "groff: $(cat "$work/man.err")"
  [ ! -s "$work/man.err" ] || fail "groff warnings: $(head -5 "$work/man.err")"
  grep -q "caspio records insert TABLE" "$work/man.txt" || fail "rendered man page lacks records insert"
fi

# --query on every listing: only the named fields, in that order; an unknown one exits 2.
run tables list --query name --format csv
expect_rc 0 "tables list --query"
expect_equal "$(head -1 out | tr -d '\r')" "Name" "tables list --query name: the listing's spelling"
run tables fields Demo_Users --query "Type, Name" --format csv
expect_rc 0 "tables fields --query"
expect_equal "$(head -1 out | tr -d '\r')" "Type,Name" "fields in --query order"
expect_equal "$(sed -n 2p out | cut -d, -f2 | tr -d '\r')" "User_ID" "fields --query values"
run views list --query Name --format ndjson
expect_rc 0 "views list --query"
expect_out '{"Name":"Demo_Physicians_Active"}' "views list --query"
run --query Name,Status tasks list --format csv
expect_rc 0 "tasks list --query before the command"
expect_equal "$(head -1 out | tr -d '\r')" "Name,Status" "tasks --query"
run apps list --query AppName --format json
expect_rc 0 "apps list --query"
expect_no_out "ExternalKey" "apps --query leaves the other fields out"
run apps datapages "Demo - Physician Directory - Caspio SDK" --query Name --format csv
expect_rc 0 "apps datapages --query"
expect_equal "$(head -1 out | tr -d '\r')" "Name" "datapages --query"
run files ls /Demo_Sandbox --query Name,Size --format csv
expect_rc 0 "files ls --query"
expect_equal "$(head -1 out | tr -d '\r')" "Name,Size" "files ls --query"
run records get Demo_Users --query "Email" --limit 1 --format csv
expect_rc 0 "records get --query"
expect_equal "$(head -1 out | tr -d '\r')" "Email" "records get --query selects"
run tables list --query Nope
expect_rc 2 "--query with an unknown field"
expect_err "no field 'Nope' in this listing (fields: Name)" "--query unknown field message"

# records insert: values by field type; prints the record Caspio created.
run records insert Demo_Users -f Name=Cli -f Email=cli1@example.com -f Active=yes --format json
expect_rc 0 "records insert"
expect_out '"Email":"cli1@example.com"' "insert prints the created record"
expect_out '"Active":true' "insert converts YES/NO"
run records insert Demo_Users --json '{"Name":"Cli","Email":"cli2@example.com","Role":"x"}' --format json
expect_rc 0 "records insert --json"
run records insert Demo_Users -f Nope=1
expect_rc 2 "insert into an unknown field"
run records insert Demo_Users -f Active=maybe
expect_rc 2 "insert with a value that does not fit its type"
run records insert Demo_Users
expect_rc 2 "insert without values"

# update and delete: the count on stderr before anything changes; no terminal and no --yes: refused.
clear_journal
run records delete Demo_Users --where "Name = 'Cli'"
expect_rc 2 "delete without --yes in a pipe"
expect_err "2 records of Demo_Users match Name = 'Cli'" "delete shows the count first"
expect_err "pass --yes" "delete says how to go on"
expect_equal "$(journal_lines | grep -c '"method":"DELETE"')" 0 "nothing deleted without --yes"
run records update Demo_Users --where "Name = 'Cli'" -f Role=cli-editor --yes --format json
expect_rc 0 "update --yes"
expect_err "2 records of Demo_Users match" "update shows the count"
expect_out '"updated":2' "update result"
run records get Demo_Users --where "Role = 'cli-editor'" --format csv --select Email
expect_equal "$(data_rows out)" 2 "both rows updated"
# On a terminal it asks: 'n' keeps the rows (exit 1), 'y' deletes them.
if command -v script >/dev/null; then
  checks=$((checks + 1))
  echo n | script -qec "'$CASPIO' records delete Demo_Users --where \"Name = 'Cli'\" --format json" /dev/null >"$work/screen" 2>&1
  grep -qF "Delete them? [y/N]" "$work/screen" || grep -qF "delete them? [y/N]" "$work/screen" || fail "no question on a terminal: $(cat -A "$work/screen")"
  grep -qF "nothing deleted" "$work/screen" || fail "'n' did not keep the rows: $(cat "$work/screen")"
  checks=$((checks + 1))
  echo y | script -qec "'$CASPIO' records delete Demo_Users --where \"Name = 'Cli'\" --format json" /dev/null >"$work/screen" 2>&1
  grep -qF '"deleted":2' "$work/screen" || fail "'y' did not delete: $(cat "$work/screen")"
else
  run records delete Demo_Users --where "Name = 'Cli'" --yes --format json
  expect_out '"deleted":2' "delete --yes"
fi
run records delete Demo_Users --where "Name = 'Cli'" --yes --format json
expect_rc 0 "delete with nothing matching"
expect_out '"deleted":0' "nothing left to delete"
expect_err "no record of Demo_Users matches" "delete says nothing matches"
run records delete Demo_Users
expect_rc 2 "delete without --where"

stop_mock
finish
