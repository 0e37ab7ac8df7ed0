#!/usr/bin/env bash
# caspio files ls | get | put | rm end to end against caspio-mock: listings, bytes round-trip,
# skip and overwrite, missing and unreadable files. Args: caspio binary, caspio-mock binary.
source "$(dirname "$0")/caspio_cli_lib.sh"
start_mock

run files ls --format csv
expect_rc 0 "files ls"
expect_equal "$(head -1 out | tr -d '\r')" "Type,Name,Size,ContentType,DateCreated,LastModified,ExternalKey" "ls header"
expect_out "folder,Demo_Sandbox," "ls root folder"
expect_out "file,Welcome.txt,148,text/plain," "ls root file"
run files ls /Demo_Sandbox/Demo_Subfolder_One/Demo_Subfolder_One_Subfolder --format csv
expect_equal "$(cut -d, -f2 out | tail -n +2 | tr '\n' ' ')" "dsos1.png dsos2.png somefile1.png somefile2.png " "ls nested folder"
run files ls /Welcome.txt --format ndjson
expect_out '"Type":"file","Name":"Welcome.txt","Size":148' "ls of a file"
run files ls /No_Such_Folder
expect_rc 3 "ls of a missing path"
expect_err "No_Such_Folder" "ls of a missing path names it"

# put: one request with every file; then get them back byte for byte.
head -c 300000 /dev/urandom >photo.png
printf 'caspio cli notes\n' >notes.txt
clear_journal
run files put photo.png notes.txt --to /Demo_Sandbox --format csv
expect_rc 0 "files put"
expect_out "photo.png,created," "put photo"
expect_out "notes.txt,created," "put notes"
expect_equal "$(journal_count POST /rest/v2/files 201)" 1 "one upload request"
run files get /Demo_Sandbox/photo.png -o back.png
expect_rc 0 "files get -o"
cmp -s photo.png back.png || fail "downloaded bytes differ"
expect_out '"bytes":300000' "get result"
expect_equal "$(ls -a | grep -c caspio-)" 0 "no temporary file after get"
mkdir sub && (cd sub && "$CASPIO" files get /Demo_Sandbox/notes.txt >../out 2>../err)
cmp -s notes.txt sub/notes.txt || fail "files get without -o: not saved under its name"
mkdir into
run files get /Demo_Sandbox/notes.txt -o into
expect_rc 0 "files get -o DIRECTORY"
cmp -s notes.txt into/notes.txt || fail "files get -o DIRECTORY: not saved under its name"
run files get /Demo_Sandbox/notes.txt -o -
expect_equal "$(cat out)" "caspio cli notes" "files get -o - to stdout"
run files get /Demo_Sandbox/notes.txt -o renamed.data
cmp -s notes.txt renamed.data || fail "get -o with another extension"

# put again: skipped (Caspio refuses when every name exists), then --overwrite replaces.
run files put notes.txt --to /Demo_Sandbox
expect_rc 1 "put of an existing name"
expect_err "FileAlreadyExists" "put of an existing name: Caspio's code"
printf 'new\n' >fresh.txt
run files put notes.txt fresh.txt --to /Demo_Sandbox --format csv
expect_rc 6 "put with one name skipped"
expect_out "notes.txt,skipped" "skipped listed"
expect_out "fresh.txt,created" "the other one stored"
expect_err "use --overwrite" "skip hint"
printf 'changed notes\n' >notes.txt
run files put notes.txt --to /Demo_Sandbox --overwrite --format csv
expect_rc 0 "put --overwrite"
expect_out "notes.txt,overwritten," "overwritten"
run files get /Demo_Sandbox/notes.txt -o -
expect_equal "$(cat out)" "changed notes" "overwrite took effect"

# rm, then the file is gone.
run files rm /Demo_Sandbox/notes.txt
expect_rc 0 "files rm"
run files get /Demo_Sandbox/notes.txt -o gone.txt
expect_rc 3 "get of a deleted file"
[ -e gone.txt ] && fail "failed get left a file"
run files rm /Demo_Sandbox/notes.txt
expect_rc 3 "rm of a missing file"

# Local files that cannot be read: nothing is sent.
clear_journal
run files put missing.bin --to /Demo_Sandbox
expect_rc 1 "put of a missing file"
expect_err "cannot read missing.bin: No such file or directory" "missing file message"
mkdir folder
run files put folder
expect_rc 1 "put of a directory"
if [ "$(id -u)" -ne 0 ]; then
  printf 'x' >locked.txt && chmod 000 locked.txt
  run files put locked.txt
  expect_rc 1 "put of an unreadable file"
  expect_err "Permission denied" "unreadable file message"
fi
expect_equal "$(journal_count POST /rest/v2/files 201)" 0 "nothing uploaded"
run files put notes.txt --to /No_Such_Folder
expect_rc 3 "put into a missing folder"

stop_mock
finish
