#!/usr/bin/env bash
# Ctrl-C (SIGINT) and SIGTERM during long caspio work, against caspio-mock: an interrupted export
# leaves no partial output (an older file of that name is kept as it was), an interrupted import
# stops between rows and reports what it wrote. Args: caspio binary, caspio-mock binary.
source "$(dirname "$0")/caspio_cli_lib.sh"
start_mock --rows 20000

# Page 3 of the export waits 10 s: time to interrupt with two pages already in the temporary file.
slow_page3() {
  curl -sS -X POST "$MOCK_BASE/__mock/faults" -d '{"kind":"delay","method":"GET","path_prefix":"/rest/v2/tables/Demo_Physicians/records","query_contains":"q.pageNumber=3","delay_ms":10000,"count":1}' >/dev/null
}

# interrupt_export SIGNAL WANT_RC: exports in the background, signals it mid-way, checks the result.
interrupt_export() {
  checks=$((checks + 1))
  printf 'older export\n' >out.csv
  slow_page3
  "$CASPIO" tables export Demo_Physicians -o out.csv >stdout.txt 2>stderr.txt &
  local pid=$! temp=""
  for _ in $(seq 1 500); do
    temp=$(ls -a | grep '^\.out\.csv\.caspio-' | head -1)
    [ -n "$temp" ] && [ "$(stat -c %s "$temp")" -gt 0 ] && break
    sleep 0.02
  done
  [ -n "$temp" ] && [ "$(stat -c %s "$temp")" -gt 0 ] || fail "$1: no partial temporary file seen"
  kill "-$1" "$pid"
  wait "$pid"
  local got=$?
  expect_equal "$got" "$2" "$1 during an export: exit status"
  expect_equal "$(cat out.csv)" "older export" "$1: the older file is untouched"
  expect_equal "$(ls -a | grep -c caspio-)" 0 "$1: no temporary file left"
  grep -qF "caspio: interrupted" stderr.txt || fail "$1: no note on stderr: $(cat stderr.txt)"
}
interrupt_export INT 130
interrupt_export TERM 143
curl -sS -X DELETE "$MOCK_BASE/__mock/faults" >/dev/null

# Ctrl-C typed on a terminal: the terminal sends SIGINT to the export.
if command -v script >/dev/null; then
  checks=$((checks + 1))
  slow_page3
  rm -f tty.csv
  (sleep 1.5; printf '\003'; sleep 1) | script -qec "'$CASPIO' tables export Demo_Physicians -o tty.csv" /dev/null >screen 2>&1
  got=$?
  expect_equal "$got" 130 "Ctrl-C on a terminal: exit status"
  [ -e tty.csv ] && fail "Ctrl-C on a terminal left tty.csv"
  expect_equal "$(ls -a | grep -c caspio-)" 0 "Ctrl-C on a terminal: no temporary file left"
  grep -qF "export Demo_Physicians: " screen || fail "no progress before Ctrl-C: $(cat -A screen | head -c 300)"
  curl -sS -X DELETE "$MOCK_BASE/__mock/faults" >/dev/null
fi

# A finished export after all that works and is complete.
run tables export Demo_Physicians -o out.ndjson
expect_rc 0 "export after the interruptions"
expect_equal "$(wc -l <out.ndjson)" 20015 "complete export"

# Import: SIGINT stops between batches (8 POSTs in flight, 32 rows a batch); the rows written so
# far are reported and really exist. 2,000 rows at 20 ms a POST take about 5 s.
{
  echo "Name,Email"
  for i in $(seq 1 2000); do echo "Slow $i,slow$i@example.com"; done
} >slow.csv
curl -sS -X POST "$MOCK_BASE/__mock/faults" -d '{"kind":"delay","method":"POST","path_prefix":"/rest/v2/tables/Demo_Users/records","delay_ms":20,"count":3000}' >/dev/null
clear_journal
checks=$((checks + 1))
"$CASPIO" tables import Demo_Users slow.csv >stdout.txt 2>stderr.txt &
pid=$!
sleep 1
kill -INT "$pid"
wait "$pid"
got=$?
expect_equal "$got" 130 "SIGINT during an import: exit status"
grep -qF '"interrupted":true' stdout.txt || fail "import result does not say interrupted: $(cat stdout.txt)"
written=$(sed -n 's/.*"written":\([0-9]*\).*/\1/p' stdout.txt)
[ -n "$written" ] && [ "$written" -gt 0 ] && [ "$written" -lt 2000 ] || fail "written after SIGINT: '$written'"
expect_equal "$(journal_count POST /rest/v2/tables/Demo_Users/records 201)" "$written" "rows created before SIGINT"
run records get Demo_Users --where "Email LIKE 'slow%'" --select Email --format csv
expect_equal "$(data_rows out)" "$written" "imported rows read back"

stop_mock
finish
