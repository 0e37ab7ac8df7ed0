#!/usr/bin/env bash
# The caspio tool writes records through the SDK's RowWriter: fields in Caspio's order (the select
# order) in every format, CSV per RFC 4180 (CRLF, a header also for no rows), TSV, --no-header,
# --line-ending lf, and the same bytes as the SDK's own CSV export.
# Args: the caspio and caspio-mock binaries.
source "$(dirname "$0")/caspio_cli_lib.sh" "$1" "$2"
start_mock

crlf=$'\r\n'
sel="Role, Email, Name AS Full"
where="Email = 'ned.carver@example.com'"

run records get Demo_Users --select "$sel" --where "$where" --format csv
expect_rc 0 "records get csv"
expect_equal "$(cat out; echo x)" "Role,Email,Full${crlf}User,ned.carver@example.com,Ned Carver${crlf}x" \
  "CSV: select order, CRLF line ends"

run records get Demo_Users --select "$sel" --where "$where" --format tsv --line-ending lf
expect_rc 0 "records get tsv"
expect_equal "$(cat out)" "$(printf 'Role\tEmail\tFull\nUser\tned.carver@example.com\tNed Carver')" \
  "TSV with LF line ends"

run records get Demo_Users --select "$sel" --where "$where" --format csv --no-header --line-ending lf
expect_equal "$(cat out)" "User,ned.carver@example.com,Ned Carver" "--no-header"

run records get Demo_Users --select "$sel" --where "Role = 'Nobody'" --format csv
expect_rc 0 "records get csv, no rows"
expect_equal "$(cat out; echo x)" "Role,Email,Full${crlf}x" "CSV header for an empty read"

run records get Demo_Users --select "$sel" --where "$where" --format ndjson
expect_equal "$(cat out)" '{"Role":"User","Email":"ned.carver@example.com","Full":"Ned Carver"}' \
  "NDJSON keeps the select order"

run records get Demo_Users --select "$sel" --where "$where" --format json
expect_equal "$(cat out)" "$(printf '[\n{"Role":"User","Email":"ned.carver@example.com","Full":"Ned Carver"}\n]')" \
  "JSON keeps the select order"

# A whole table, no select: the design order, PK_ID left out of exports, every format agreeing.
run tables export Demo_Users -o phys.csv
expect_rc 0 "export csv"
run tables export Demo_Users -o phys.ndjson
expect_rc 0 "export ndjson"
first_csv="$(head -1 phys.csv | tr -d '\r')"
first_keys="$(head -1 phys.ndjson | grep -o '"[A-Za-z_]*":' | tr -d '":' | paste -sd, -)"
expect_equal "$first_csv" "User_ID,Name,Email,Role,Active" "export CSV header in the table's design order"
expect_equal "$first_csv" "$first_keys" "CSV header and NDJSON keys in the same order"
case ",$first_csv," in *,PK_ID,*) fail "export keeps PK_ID: $first_csv" ;; esac
[ "$(wc -l <phys.csv)" -eq "$(($(wc -l <phys.ndjson) + 1))" ] || fail "one CSV line per NDJSON row"
grep -qv $'\r$' phys.csv && fail "a CSV line without CRLF"

run tables export Demo_Physicians --format tsv -o - --select "Email, Last_Name"
expect_rc 0 "export tsv to stdout"
expect_equal "$(head -1 out | tr -d '\r')" "$(printf 'Email\tLast_Name')" "TSV export header"

stop_mock
finish
