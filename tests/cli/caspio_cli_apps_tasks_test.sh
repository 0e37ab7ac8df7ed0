#!/usr/bin/env bash
# caspio apps … and tasks … end to end against caspio-mock. Args: caspio binary, caspio-mock binary.
source "$(dirname "$0")/caspio_cli_lib.sh"
start_mock
app="Demo - Physician Directory - Caspio SDK"

run apps list --format csv
expect_rc 0 "apps list"
expect_equal "$(head -1 out | cut -d, -f1-3)" "AppName,ExternalKey,DataPagesCount" "apps list header"
expect_out "$app,09d18152-7c45-44f1-a0e6-5ffe18881b60,5," "apps list row"
run apps datapages "$app" --format csv
expect_equal "$(data_rows out)" 5 "datapages"
expect_out "Physician Registration,409550008f83dc4dd4554a07b7bf,WEBFORM,/Public Interfaces," "datapage row"
run apps datapages "No Such App"
expect_rc 3 "datapages of an unknown app"

# disable one DataPage, then all, then deploy all again; read back each time.
clear_journal
run apps disable "$app" "Physician Registration"
expect_rc 0 "disable one"
expect_equal "$(journal_count DELETE /rest/v2/applications/09d18152-7c45-44f1-a0e6-5ffe18881b60/datapages/409550008f83dc4dd4554a07b7bf/deployment 200)" 1 "disable request"
# Caspio's DataPage properties carry no deployment state: read it from the emulator's control API.
deployed() {  # names of the deployed DataPages of the demo app, one per line, sorted
  curl -sS "$MOCK_BASE/__mock/datapages" |
    python3 -c 'import json,sys; print("\n".join(sorted(d["Name"] for d in json.load(sys.stdin) if d["Deployed"] and d["ExternalKey"] == sys.argv[1])))' \
      09d18152-7c45-44f1-a0e6-5ffe18881b60
}
run apps datapages "$app" --format csv
expect_out "Physician Registration,409550008f83dc4dd4554a07b7bf,WEBFORM,/Public Interfaces," "listed"
expect_equal "$(deployed | grep -c 'Physician Registration')" 0 "disabled"
expect_equal "$(deployed | grep -c 'Update Profile')" 1 "others untouched"
run apps disable "$app"
expect_equal "$(deployed | grep -c .)" 0 "all disabled"
run apps deploy "$app" "Update Profile" "Reset Password"
expect_rc 0 "deploy two"
expect_equal "$(deployed | tr '\n' ',')" "Reset Password,Update Profile," "two deployed"
run apps deploy "$app"
expect_equal "$(deployed | grep -c .)" "$(curl -sS "$MOCK_BASE/__mock/datapages" | python3 -c 'import json,sys; print(sum(1 for d in json.load(sys.stdin) if d["ExternalKey"] == sys.argv[1]))' 09d18152-7c45-44f1-a0e6-5ffe18881b60)" "all deployed"
run apps deploy "$app" "No Such Page"
expect_rc 3 "deploy an unknown page"

run apps deploy-code "$app" "Physician Registration" --method U
expect_rc 0 "deploy-code"
expect_equal "$(cat out)" "https://${MOCK_BASE#http://}/dp/409550008f83dc4dd4554a07b7bf" "deploy code as is"
run apps deploy-code "$app" "Physician Registration" --method U --format json
expect_equal "$(cat out)" "\"https://${MOCK_BASE#http://}/dp/409550008f83dc4dd4554a07b7bf\"" "deploy code as JSON"
clear_journal
run apps deploy-code "$app" "Physician Registration" --method Q
expect_rc 2 "bad method"
expect_equal "$(journal_lines | grep -c deployment)" 0 "bad method: nothing sent"
run apps deploy-code "$app" "Physician Registration"
expect_rc 2 "missing --method"

# tasks
run tasks list --format csv
expect_rc 0 "tasks list"
expect_equal "$(head -1 out | cut -d, -f1-3)" "Name,Status,Frequency" "tasks list header"
expect_out "Demo_Physicians_Import,Busy," "busy task"
clear_journal
run tasks run demo_physicians_export --wait --poll-ms 50 --format ndjson
expect_rc 0 "tasks run --wait"
expect_out '"Name":"Demo_Physicians_Export","Status":"Ready"' "run result"
expect_out '"Success":true' "run succeeded"
journal_lines | grep -F '"method":"POST"' | grep -qF '/rest/v2/tasks/b7c3b7d5-4fa5-4725-86a2-6ca5ca797157/run' ||
  fail "no run request"
run tasks list --format csv
grep "^Demo_Physicians_Export," out | grep -q ",$(date -u +%Y)-" || fail "LastRunTimeUTC not updated: $(cat out)"
run tasks run Name
expect_rc 0 "run without --wait"
expect_out '"started":true' "started"
run tasks run Demo_Physicians_Import
expect_rc 1 "run a busy task"
expect_err "TaskNotReady" "busy task code"
run tasks run No_Such_Task
expect_rc 3 "unknown task"

stop_mock
finish
