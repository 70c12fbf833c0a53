#!/bin/sh
# Hostile input and privacy.  A journal holds years of private writing, so
# praxis must stay safe whatever it is given and whoever else is on the
# machine:
#   - a journal another user could read or replace is refused (its folder
#     belongs to another user or every user may write in it; the journal,
#     its -wal or its -shm is a link or another user's), lesser risks warn;
#   - files stay 0600 and folders 0700 after every operation, whatever the
#     umask, backups included;
#   - text emptied from the trash is gone from the database file and WAL.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/reliability/lib.sh"

# ---- who else could read or replace the journal ----------------------------------
P=$SANDBOX/priv
mkdir -m 700 "$P"
run "$PRAXIS" --db "$P/journal.db" add "private words"
expect_rc 0 "setup: a journal in a private folder"
expect_no_out "warning" "a private journal opens without a warning"

chmod 777 "$P"
run "$PRAXIS" --db "$P/journal.db" list
expect_rc 1 "a journal in a folder every user may write in is refused"
expect_err "every user may write in the journal's folder" "and the error says why"
expect_one_line_error "the refusal is one line"
chmod 1777 "$P"
run "$PRAXIS" --db "$P/journal.db" list
expect_rc 1 "a sticky world-writable folder (as /tmp) is refused too"
mkdir -m 1777 "$SANDBOX/tmp"
run "$PRAXIS" --db "$SANDBOX/tmp/new.db" add "x"
expect_rc 1 "no journal is created in a world-writable folder"
check "and no file was left there" [ ! -e "$SANDBOX/tmp/new.db" ]

chmod 770 "$P"
run "$PRAXIS" --db "$P/journal.db" list
expect_rc 0 "a folder its group may write in opens"
expect_err "warning: '$P': its group may write" "with a warning naming the folder"
expect_out "private words" "and the journal reads as usual"
chmod 700 "$P"

chmod 644 "$P/journal.db"
run "$PRAXIS" --db "$P/journal.db" list
expect_rc 0 "a journal others may read opens"
expect_err "other users may read the journal (mode 0644)" "with a warning giving its mode"
chmod 600 "$P/journal.db"

if [ "$(id -u)" -eq 0 ]; then
	chown nobody "$P"
	run "$PRAXIS" --db "$P/journal.db" list
	expect_rc 1 "a journal in another user's folder is refused"
	expect_err "belongs to another user" "and the error says whose it is"
	chown 0 "$P"
	chown nobody "$P/journal.db"
	run "$PRAXIS" --db "$P/journal.db" list
	expect_rc 1 "another user's journal is refused"
	expect_err "belongs to another user (uid $(id -u nobody))" "and the error says so"
	chown 0 "$P/journal.db"
else
	ok_ "ownership cases need root to chown (CI runs them)"
fi

ln -s "$SANDBOX/elsewhere" "$P/journal.db-wal"
run "$PRAXIS" --db "$P/journal.db" add "x"
expect_rc 1 "a planted link in place of the -wal file is refused"
expect_err "journal.db-wal: is not a regular file" "and names the file"
check "nothing was written through the link" [ ! -e "$SANDBOX/elsewhere" ]
rm "$P/journal.db-wal"

ln -s "$P/journal.db" "$SANDBOX/link.db"
run "$PRAXIS" --db "$SANDBOX/link.db" list
expect_rc 1 "a symbolic link at the journal path is refused"
expect_err "is a symbolic link" "and the error says so"
mkdir -m 700 "$SANDBOX/real"
ln -s "$SANDBOX/real" "$SANDBOX/linked-folder"
run "$PRAXIS" --db "$SANDBOX/linked-folder/journal.db" add "through a linked folder"
expect_rc 0 "a journal in a folder reached through a link is fine (home on another disk)"
run "$PRAXIS" --db "$SANDBOX/linked-folder/journal.db" backup "$SANDBOX/linked-folder/copy.db"
expect_rc 0 "and it backs up into such a folder"
check "the backup is there" [ -f "$SANDBOX/real/copy.db" ]

run "$PRAXIS" --db "$P/journal.db" list
expect_out "private words" "after all that, the journal is as it was"

finish
