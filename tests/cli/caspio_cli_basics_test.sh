#!/usr/bin/env bash
# caspio end to end against caspio-mock: help and usage errors, tables/views/records reads in every
# output format, select order, UTF-8, unknown names. Args: caspio binary, caspio-mock binary.
source "$(dirname "$0")/caspio_cli_lib.sh"
start_mock

# Help for every command, usage errors exit 2.
for cmd in "" "tables" "tables list" "tables describe" "tables fields" "tables export" "tables import" \
  "views" "views list" "views describe" "views export" "records get" "files ls" "files get" \
  "files put" "files rm" "tasks list" "tasks run" "apps list" "apps datapages" "apps deploy" \
  "apps disable" "apps deploy-code" "token"; do
  # shellcheck disable=SC2086
  run $cmd --help
  expect_rc 0 "caspio $cmd --help"
  expect_out "Usage" "caspio $cmd --help"
done
run tables list --bogus
expect_rc 2 "unknown flag"
expect_err "--bogus" "unknown flag"
run
expect_rc 2 "no command"
run tables
expect_rc 2 "no subcommand"
run tables describe
expect_rc 2 "missing operand"
run records get Demo_Physicians --limit 0
expect_rc 2 "--limit 0"
run tables list --format yaml
expect_rc 2 "unknown format"

# tables list / describe / fields; JSON when stdout is not a terminal.
run tables list
expect_rc 0 "tables list"
expect_equal "$(cat out)" $'[\n{"Name":"Demo_Physicians"},\n{"Name":"Demo_States_Lookup"},\n{"Name":"Demo_Users"}\n]' "tables list JSON"
run tables list --format csv
expect_equal "$(cat out)" $'Name\r\nDemo_Physicians\r\nDemo_States_Lookup\r\nDemo_Users\r' "tables list CSV (CRLF)"
run tables list --format ndjson
expect_equal "$(sed -n 3p out)" '{"Name":"Demo_Users"}' "tables list NDJSON"
run tables list --format table
expect_equal "$(head -1 out)" "Name" "tables list table header"
run tables describe Demo_Users --format json
expect_equal "$(cat out)" '{"Name":"Demo_Users","Note":""}' "tables describe"
run tables describe Demo_Users --format table
expect_out "Name   Demo_Users" "tables describe as a table"
run tables fields Demo_Users --format csv
expect_rc 0 "tables fields"
expect_equal "$(cut -d, -f1,2 out | tr -d '\r' | tr '\n' ' ')" "Name,Type User_ID,RANDOM ID Name,STRING Email,STRING Password,PASSWORD Role,STRING Active,YES/NO " "tables fields CSV"

# Unknown names: exit 3, one line naming it, no file left.
run tables describe No_Such_Table
expect_rc 3 "unknown table"
expect_err "caspio: tables describe No_Such_Table: " "unknown table message"
expect_err "ObjectNotFound" "unknown table code"
expect_err "request id" "unknown table request id"
expect_err_lines 1 "unknown table"
run tables fields No_Such_Table
expect_rc 3 "fields of an unknown table"
run records get No_Such_Table
expect_rc 3 "records of an unknown name"
expect_err "no table or view is named 'No_Such_Table'" "records get unknown"
run views describe No_Such_View
expect_rc 3 "unknown view"

# views list / describe.
run views list --format csv
expect_equal "$(tr -d '\r' <out | tr '\n' ' ')" "Name Demo_Admins_Active Demo_Physicians_Active Demo_Physicians_Published " "views list"
run views describe Demo_Admins_Active --format ndjson
expect_out '"Name":"Demo_Admins_Active"' "views describe"

# records get: columns in --select order (not alphabetical), where, order-by, limit; views too.
clear_journal
run records get Demo_Physicians --select "Last_Name, First_Name, Email" --where "Office_State = 'MI'" \
  --order-by "Last_Name DESC" --format csv
expect_rc 0 "records get select"
expect_equal "$(head -1 out | tr -d '\r')" "Last_Name,First_Name,Email" "CSV header in select order"
expect_equal "$(tail -n +2 out | tr -d '\r' | tr '\n' ' ')" "Whitfield,Marcus,marcus.whitfield@example.com Hoppe,Lelah,lelah.hoppe@example.com " "records get where + order-by"
[ "$(journal_lines | grep -cF 'q.select=Last_Name%2C%20First_Name%2C%20Email')" -ge 1 ] ||
  [ "$(journal_lines | grep -cF '"q.select","Last_Name, First_Name, Email"')" -ge 1 ] ||
  fail "q.select not sent as given"
journal_lines | grep -F '/rest/v2/tables/Demo_Physicians/records' | grep -qF '"q.orderBy","Last_Name DESC"' ||
  fail "q.orderBy not sent"
journal_lines | grep -F '/rest/v2/tables/Demo_Physicians/records' | grep -qF "\"q.where\",\"Office_State = 'MI'\"" ||
  fail "q.where not sent"
journal_lines | grep -qF '"user-agent":"caspio-cli/0.2.0' || fail "user agent of the tool not sent"
run records get Demo_Physicians --select "Email, First_Name" --order-by "Email" --limit 3 --format json
expect_equal "$(grep -c '"Email"' out)" 3 "--limit 3"
expect_equal "$(sed -n 2p out)" '{"Email":"aiko.tanaka@example.com","First_Name":"Aiko"},' "JSON keys in select order"
run records get Demo_Physicians_Active --select "First_Name, Email" --limit 2 --format ndjson
expect_rc 0 "records get on a view"
expect_equal "$(wc -l <out)" 2 "view rows"
expect_out '{"First_Name":"Lelah","Email":"lelah.hoppe@example.com"' "view select order"
run records get Demo_Users --format csv
expect_equal "$(head -1 out | tr -d '\r')" "User_ID,Name,Email,Role,Active,PK_ID" "table field order without --select"
run records get Demo_Users --where "Role = 'Nobody'" --format csv
expect_equal "$(tr -d '\r' <out)" "User_ID,Name,Email,Role,Active" "no rows: the readable fields as header"
run records get Demo_Physicians --where "Office_State = 'ZZ'" --format csv --select "Email, Title"
expect_equal "$(tr -d '\r' <out)" "Email,Title" "no rows: header only"
run records get Demo_Physicians --where "No_Such_Column = 1"
expect_rc 1 "bad where"
expect_err "SqlServerError" "bad where code"

# UTF-8 intact in every format, and aligned in tables.
printf '{"Name":"José Ñúñez 日本語","Email":"jose@example.com","Role":"Admin","Active":true}\n' >utf8.ndjson
run tables import Demo_Users utf8.ndjson
expect_rc 0 "import a UTF-8 row"
run records get Demo_Users --select "Name, Role" --where "Email = 'jose@example.com'" --format csv
expect_equal "$(sed -n 2p out | tr -d '\r')" "José Ñúñez 日本語,Admin" "UTF-8 in CSV"
run records get Demo_Users --select "Name, Role" --where "Email = 'jose@example.com'" --format json
expect_out '"Name":"José Ñúñez 日本語"' "UTF-8 in JSON"
run records get Demo_Users --select "Name, Role" --where "Role = 'Admin'" --format table
widths=$(tail -n +2 out | while IFS= read -r line; do printf '%s\n' "$line" | LC_ALL=C.UTF-8 wc -L; done | sort -u | wc -l)
expect_equal "$widths" 1 "table rows with wide characters align"
grep -qF "José Ñúñez 日本語  Admin" out || fail "table cell with UTF-8: $(cat out)"

stop_mock
finish
