#!/usr/bin/env bash
# caspio under a pseudo-terminal (script(1) from util-linux): the progress line on stderr for
# export, import and file transfers, tables on a terminal; and nothing of it when stderr is not a
# terminal or with --quiet. Args: caspio binary, caspio-mock binary.
source "$(dirname "$0")/caspio_cli_lib.sh"
command -v script >/dev/null || { echo "script(1) is missing (util-linux/bsdutils)" >&2; exit 1; }
start_mock --rows 2500

# in_pty COMMAND: runs a shell command under a pseudo-terminal; what the terminal showed in ./screen.
in_pty() {
  checks=$((checks + 1))
  script -qec "$1" /dev/null </dev/null >screen 2>&1
  rc=$?
}

# The second page waits 400 ms, so the line is drawn mid-way too.
curl -sS -X POST "$MOCK_BASE/__mock/faults" -d '{"kind":"delay","method":"GET","path_prefix":"/rest/v2/tables/Demo_Physicians/records","query_contains":"q.pageNumber=2","delay_ms":400,"count":1}' >/dev/null
in_pty "'$CASPIO' tables export Demo_Physicians --select 'Email, First_Name' -o phys.csv"
expect_equal "$rc" 0 "export under a terminal"
expect_equal "$(data_rows phys.csv)" 2515 "export under a terminal wrote every row"
grep -qF $'\rexport Demo_Physicians: 1,001 / 2,515 rows' screen || fail "no mid-way progress: $(cat -A screen | head -c 600)"
grep -qF $'\rexport Demo_Physicians: 2,515 / 2,515 rows' screen || fail "no final progress: $(cat -A screen | head -c 600)"
grep -qE 'rows/s  0:00:0[0-9]' screen || fail "no rate and elapsed time: $(cat -A screen | head -c 600)"
grep -qF 'ETA 0:00:' screen || fail "no ETA: $(cat -A screen | head -c 600)"
grep -qF $'\e[K' screen || fail "the line is not erased before redrawing"
expect_equal "$(tr -cd '\n' <screen | wc -c)" 1 "progress is one updating line"

# A narrow terminal: the line is cut to fit (a wrapped line could not be redrawn in place).
in_pty "stty cols 40; '$CASPIO' tables export Demo_Physicians -o narrow.csv"
expect_equal "$rc" 0 "export on a narrow terminal"
widest=$(tr '\r' '\n' <screen | sed 's/\x1b\[K//g' | LC_ALL=C.UTF-8 wc -L)
[ "$widest" -le 39 ] || fail "progress wider than a 40-column terminal: $widest: $(cat -A screen | head -c 300)"
grep -qF "export Demo_Physicians: 2,515 / 2,515 …" screen || fail "cut line: $(cat -A screen | head -c 300)"

# Not a terminal (stderr to a file, even with stdout on the terminal), or --quiet: nothing.
in_pty "'$CASPIO' tables export Demo_Physicians -o phys2.csv 2>stderr.txt"
expect_equal "$rc" 0 "export with stderr redirected"
expect_equal "$(cat stderr.txt)" "" "no progress when stderr is a file"
expect_equal "$(cat screen)" "" "nothing on the terminal when stderr is a file"
in_pty "'$CASPIO' --quiet tables export Demo_Physicians -o phys3.csv"
expect_equal "$(cat screen)" "" "--quiet: no progress line"
cmp -s phys2.csv phys3.csv || fail "exports differ"

# Import shows rows; file transfers show bytes.
"$CASPIO" tables export Demo_Physicians --select "Full_Name AS Name, Email" --where "Email LIKE 'physician000%'" -o people.csv
in_pty "'$CASPIO' tables import Demo_Users people.csv >result.txt"
expect_equal "$rc" 0 "import under a terminal"
grep -qF $'\rimport Demo_Users: 999 / 999 rows' screen || fail "no import progress: $(cat -A screen | tail -c 400)"
grep -qF '"written":999' result.txt || fail "import result: $(cat result.txt)"
head -c 3000000 /dev/urandom >big.bin
in_pty "'$CASPIO' files put big.bin --to /Demo_Sandbox >/dev/null"
expect_equal "$rc" 0 "put under a terminal"
grep -qE $'\rput big.bin: 2.9 MiB / 2.9 MiB  [0-9.]+ [KMG]iB/s' screen || fail "no upload progress: $(cat -A screen | tail -c 400)"
in_pty "'$CASPIO' files get /Demo_Sandbox/big.bin -o back.bin >/dev/null"
expect_equal "$rc" 0 "get under a terminal"
grep -qE $'\rget big.bin: 2.9 MiB / 2.9 MiB  [0-9.]+ [KMG]iB/s' screen || fail "no download progress: $(cat -A screen | tail -c 400)"
cmp -s big.bin back.bin || fail "download under a terminal differs"
run files get /Demo_Sandbox/big.bin -o back2.bin
expect_equal "$(cat err)" "" "no transfer progress when stderr is not a terminal"

# Tables for people on a terminal, JSON when stdout is a pipe.
in_pty "'$CASPIO' tables list"
expect_equal "$(tr -d '\r' <screen)" $'Name\nDemo_Physicians\nDemo_States_Lookup\nDemo_Users' "a table on a terminal"
in_pty "'$CASPIO' tables list | cat"
expect_equal "$(tr -d '\r' <screen | head -2)" $'[\n{"Name":"Demo_Physicians"},' "JSON into a pipe"

stop_mock
finish
