#!/bin/sh
# Hostile input and privacy.  A journal holds years of private writing, so
# praxis must stay safe whatever it is given and whoever else is on the
# machine:
#   - a journal another user could read or replace is refused (its folder
#     belongs to another user or every user may write in it; the journal,
#     its -wal or its -shm is a link or another user's), lesser risks warn;
#   - files stay 0600 and folders 0700 after every operation, whatever the
#     umask, backups included;
#   - text emptied from the trash is gone from the database file and WAL,
#     even while another connection holds the journal open;
#   - terminal escapes in titles, bodies, tags, people, inquiries, drafts,
#     templates and arguments are shown escaped, on a terminal and in pipes;
#   - NUL bytes are refused or kept, never silently cut off; 1 MB words and
#     100 KB arguments are handled in seconds and errors stay one short line;
#   - YAML bombs (billion laughs, deep nesting) in templates and answers
#     files are refused quickly, within a memory limit.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/reliability/lib.sh"
export XDG_CONFIG_HOME="$SANDBOX/config"
mkdir -p "$XDG_CONFIG_HOME/praxis/prompts"

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

# ---- files stay private, whatever the umask -----------------------------------------
M=$SANDBOX/modes
mkdir -m 700 "$M" "$M/backups"
DB=$M/sub/dir/journal.db
printf '%s\n' '#!/bin/sh' \
	'stat -c "%a" "$1" "$(dirname "$1")" >"$MODES_SEEN"' \
	'printf "# Edited\n\nedited text\n" >"$1"' >"$SANDBOX/mode-editor"
chmod +x "$SANDBOX/mode-editor"
export EDITOR="$SANDBOX/mode-editor" MODES_SEEN="$SANDBOX/modes-seen"
printf 'note: a guided note\n' >"$SANDBOX/note.yaml"
umask 000
# private WHAT CMD...: run CMD, then every file under the journal's folder
# and the backups is 0600 and every folder 0700.
private() {
	what=$1; shift
	"$@" >"$SANDBOX/.o" 2>"$SANDBOX/.e" </dev/null
	st=$?
	bad=$(bad_modes "$M")
	if [ "$st" -eq 0 ] && [ -z "$bad" ]; then
		ok_ "$what (umask 000): files 0600, folders 0700"
	else
		fail_ "$what (umask 000): files 0600, folders 0700" \
			"status $st; $(cat "$SANDBOX/.e" | head -n 2); $(ls -l $bad 2>&1 | head -n 4)"
	fi
}
private "add (creating the journal and its folders)" "$PRAXIS" --db "$DB" add "first #t"
private "add" "$PRAXIS" --db "$DB" add "second @Sam"
private "edit" "$PRAXIS" --db "$DB" edit 1
check "the editor's file is 0600 in a 0700 folder" [ "$(cat "$MODES_SEEN" | tr '\n' ' ')" = "600 700 " ]
private "new --answers" "$PRAXIS" --db "$DB" new --template daily-note --answers "$SANDBOX/note.yaml"
private "people set" "$PRAXIS" --db "$DB" people set Sam --role mentor
private "inquiry new" "$PRAXIS" --db "$DB" inquiry new "What now?"
private "rm" "$PRAXIS" --db "$DB" rm 2
private "restore" "$PRAXIS" --db "$DB" restore 2
private "rm again" "$PRAXIS" --db "$DB" rm 2
private "trash --empty" "$PRAXIS" --db "$DB" trash --empty
private "backup" "$PRAXIS" --db "$DB" backup "$M/backups/copy.db"
private "check" "$PRAXIS" --db "$DB" check
check "the backup is there" [ -f "$M/backups/copy.db" ]
# Export to a file joins this list when the export module lands.
umask 077

# ---- YAML bombs ---------------------------------------------------------------------------
bomb=$TOP/tests/templates/bad/billion-laughs.yaml
deep=$TOP/tests/templates/bad/deep-nesting.yaml
limit() { (ulimit -v 400000; ulimit -t 10; "$@"); }  # 400 MB, 10 s of CPU
for f in "$bomb" "$deep"; do
	name=$(basename "$f" .yaml)
	limit "$PX_REL" --db "$DB" templates check "$f" >"$SANDBOX/.o" 2>&1
	rc=$?
	check "templates check refuses $name quickly and within 400 MB" [ "$rc" -eq 1 ]
	cp "$f" "$XDG_CONFIG_HOME/praxis/prompts/"
	limit "$PX_REL" --db "$DB" templates list >"$SANDBOX/.o" 2>&1
	check "with $name among the user's templates, the others still list" \
		grep -q daily-note "$SANDBOX/.o"
	rm "$XDG_CONFIG_HOME/praxis/prompts/$(basename "$f")"
	limit "$PX_REL" --db "$DB" new --template daily-note --answers "$f" >"$SANDBOX/.o" 2>&1
	rc=$?
	check "an answers file shaped as $name is refused quickly and within 400 MB" [ "$rc" -eq 1 ]
done
awk 'BEGIN { s = "note: "; for (i = 0; i < 5000; i++) s = s "["; print s }' >"$SANDBOX/deep.yaml"
limit "$PX_REL" --db "$DB" new --template daily-note --answers "$SANDBOX/deep.yaml" >"$SANDBOX/.o" 2>&1
check "5000 nested lists in an answers file are refused, not a stack overflow" [ "$?" -eq 1 ]

finish
