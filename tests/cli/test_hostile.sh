#!/bin/sh
# Hostile input and privacy.  A journal holds years of private writing, so
# praxis must stay safe whatever it is given and whoever else is on the
# machine:
#   - a journal another user could read or replace is refused (its folder
#     belongs to another user or every user may write in it; the journal,
#     its -wal or its -shm is a link or another user's), lesser risks warn;
#   - files stay 0600 and folders 0700 after every operation, whatever the
#     umask, backups and exports (over an existing file too) included;
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
private "export -o (a new file)" "$PRAXIS" --db "$DB" export --format json -o "$M/backups/all.json"
check "the export is there" grep -q '"praxis-journal"' "$M/backups/all.json"
# An export over a file others may read: the export is private too (it is
# a new file renamed over the old one, which keeps nothing of it).
printf 'an older export\n' >"$M/backups/old.md"
chmod 644 "$M/backups/old.md"
private "export -o over a 0644 file" "$PRAXIS" --db "$DB" export -o "$M/backups/old.md"
check "and it replaced the old one" grep -q 'Edited' "$M/backups/old.md"
chmod 666 "$M/backups/all.json"
private "export -o over a 0666 file, as HTML" "$PRAXIS" --db "$DB" export --format html -o "$M/backups/all.json"
private "import" "$PRAXIS" --db "$DB" import "$SHARED/fixtures/jrnl/sample.txt"
umask 077

# ---- text emptied from the trash is gone from the file ---------------------------------
S=$SANDBOX/secure
mkdir -m 700 "$S"
DB=$S/journal.db
px add "an entry that stays"
px add --title "Zqxjvtitle words" --tag zqxjvtag "Zqxjvbody secret about @Zqxjvperson #zqxjvinline"
printf 'note: Zqxjvanswer in a guided entry\n' >"$SANDBOX/secret.yaml"
px new --template daily-note --title "Zqxjvguided" --answers "$SANDBOX/secret.yaml"
px people set Keptperson --role "set by hand"
# traces: how many times the secret words appear in the journal's files.
traces() { cat "$DB" "$DB-wal" 2>/dev/null | LC_ALL=C grep -a -i -o 'zqxjv[a-z]*' | sort | uniq -c | tr -s ' \n' '  '; }
check "before: the secret words are in the file" [ -n "$(traces)" ]
px rm 2 3
px trash --empty
expect_out "deleted 2 entries for good" "the trash is emptied"
check "after trash --empty: no trace of the words in the file or WAL (found: $(traces))" \
	[ -z "$(traces)" ]
px people
expect_out "Keptperson" "people whose details were set by hand are kept"

# The same while another connection holds the journal open (the UI in
# another terminal): the WAL keeps older pages until it is folded in.
px add --title "Zqxjvheld" "Zqxjvheldbody while another reader has the journal open"
rm -f "$SANDBOX/hold"; mkfifo "$SANDBOX/hold"
sqlite3 "$DB" <"$SANDBOX/hold" >/dev/null 2>&1 &
holder=$!
exec 6>"$SANDBOX/hold"
echo "SELECT count(*) FROM entry;" >&6
id=$(sqlite3 "$DB" "SELECT id FROM entry WHERE title = 'Zqxjvheld'")
px rm "$id"
px trash --empty
check "with the journal held open elsewhere: no trace in the file or WAL (found: $(traces))" \
	[ -z "$(traces)" ]
exec 6>&-; wait "$holder"

# ---- terminal escapes never reach the terminal raw ---------------------------------
H=$SANDBOX/hostile
mkdir -m 700 "$H"
DB=$H/journal.db
ESC=$(printf '\033')
# raw FILE: FILE holds a byte that can steer a terminal: C0 controls other
# than tab and newline, DEL, a C1 control (as UTF-8), or a bidi override.
raw() {
	LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$1" ||
		LC_ALL=C grep -qE "$(printf '\302[\200-\237]|\342\200[\252-\256]|\342\201[\246-\251]')" "$1"
}
# clean WHAT CMD...: CMD's stdout and stderr hold nothing raw.
clean() {
	what=$1; shift
	"$@" >"$SANDBOX/.o" 2>"$SANDBOX/.e" </dev/null
	if raw "$SANDBOX/.o" || raw "$SANDBOX/.e"; then
		fail_ "$what: shown escaped" "$(od -c "$SANDBOX/.o" "$SANDBOX/.e" | head -n 6)"
	else
		ok_ "$what: shown escaped"
	fi
}
# tty_clean WHAT CMD: as clean, on a terminal (aligned tables, colours).
tty_clean() {
	# The pty adds carriage returns; search's own bold marks are praxis's.
	script -qec "$2" /dev/null 2>&1 | tr -d '\r' | sed "s/$ESC\[[01]m//g" >"$SANDBOX/.o"
	if raw "$SANDBOX/.o"; then
		fail_ "$1: shown escaped on a terminal" "$(od -c "$SANDBOX/.o" | head -n 6)"
	else
		ok_ "$1: shown escaped on a terminal"
	fi
}
evil="${ESC}[2J${ESC}]0;owned$(printf '\007')$(printf '\r')back$(printf '\302\233')31m$(printf '\342\200\256')desrever"
px add --title "title $evil" --tag safe "body $evil and @Sam #tagged"
expect_rc 0 "an entry with escape sequences in its title and body is stored as written"
check "the journal holds the bytes as typed" \
	[ "$(sqlite3 "$DB" "SELECT instr(title, char(27)) > 0 FROM entry WHERE id = 1")" = 1 ]
clean "list" "$PRAXIS" --db "$DB" list
clean "list --format json" "$PRAXIS" --db "$DB" list --format json
clean "show" "$PRAXIS" --db "$DB" show 1
clean "show --format json" "$PRAXIS" --db "$DB" show --format json 1
clean "search" "$PRAXIS" --db "$DB" search body
clean "tags" "$PRAXIS" --db "$DB" tags
tty_clean "list" "'$PRAXIS' --db '$DB' list"
tty_clean "show" "'$PRAXIS' --db '$DB' show 1"
tty_clean "search (bold marks allowed)" "'$PRAXIS' --db '$DB' search body"
clean "an unknown command quoting escapes" "$PRAXIS" --db "$DB" "$evil"
clean "a bad id quoting escapes" "$PRAXIS" --db "$DB" show "$evil"
clean "a bad tag quoting escapes" "$PRAXIS" --db "$DB" add --tag "$evil" x
clean "a bad date quoting escapes" "$PRAXIS" --db "$DB" add --date "$evil" x
clean "a bad search quoting escapes" "$PRAXIS" --db "$DB" search "\"$evil"
px inquiry new "question $(printf '%s' "$evil" | tr -d '\r')"
expect_rc 0 "an inquiry with escapes in its question is stored"
clean "inquiry list" "$PRAXIS" --db "$DB" inquiry list
clean "inquiry show" "$PRAXIS" --db "$DB" inquiry show 1
px people set Sam --role "role $evil"
clean "people" "$PRAXIS" --db "$DB" people
printf 'line one %s\n.\n' "$evil" >"$SANDBOX/evil-answers"
px_in "$(cat "$SANDBOX/evil-answers")" new --template daily-note
clean "drafts with escapes in their label" "$PRAXIS" --db "$DB" drafts

printf 'praxis_template: 1\nid: evil\nversion: 1\nname: "Evil %s"\nframes: [note]\nsteps:\n  - {id: a, kind: text, prompt: "Say %s"}\n' \
	"$(printf '\\e[2J')" "$(printf '\\e]0;x\\a')" >"$XDG_CONFIG_HOME/praxis/prompts/evil.yaml"
clean "templates check on a template with escapes" "$PRAXIS" --db "$DB" templates check \
	"$XDG_CONFIG_HOME/praxis/prompts/evil.yaml"
clean "templates list beside it" "$PRAXIS" --db "$DB" templates list
px templates check "$XDG_CONFIG_HOME/praxis/prompts/evil.yaml"
expect_rc 1 "a template with control characters is refused"
rm "$XDG_CONFIG_HOME/praxis/prompts/evil.yaml"

# ---- NUL bytes, overlong lines, huge words -------------------------------------------
printf 'before the NUL\000after it' >"$SANDBOX/nul.txt"
run sh -c "'$PRAXIS' --db '$DB' add < '$SANDBOX/nul.txt'"
expect_rc 1 "a body holding a NUL byte is refused, not cut short"
expect_err "NUL byte (at byte 15)" "and the error says where"
check "nothing half of it was saved" \
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM entry WHERE body LIKE 'before the NUL%'")" = 0 ]
printf '%s\n' '#!/bin/sh' 'printf "typed in the editor\000and after" >"$1"' >"$SANDBOX/nul-editor"
chmod +x "$SANDBOX/nul-editor"
run script -qec "EDITOR='$SANDBOX/nul-editor' '$PRAXIS' --db '$DB' add" /dev/null
err=$(printf '%s' "$out" | tr -d '\r')
expect_err "holds a NUL byte" "a NUL typed in the editor is named"
expect_err "kept as draft" "and the text is kept as a draft"
check "the draft has the words after the NUL too" \
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM draft WHERE payload LIKE '%and after%'")" = 1 ]

head -c 1048576 /dev/zero | tr '\0' 'w' >"$SANDBOX/word"
t0=$(now_ms)
run sh -c "'$PRAXIS' --db '$DB' add --title 'one huge word' < '$SANDBOX/word'"
expect_rc 0 "a 1 MB single word is stored"
id=$(sqlite3 "$DB" "SELECT id FROM entry WHERE title = 'one huge word'")
check "whole" [ "$(sqlite3 "$DB" "SELECT length(body) FROM entry WHERE id = $id")" = 1048576 ]
px show "$id"
check "show prints it whole" [ "${#out}" -gt 1048576 ]
px list
check "list cuts it to an excerpt" [ "${#out}" -lt 10000 ]
run script -qec "stty cols 80; '$PRAXIS' --db '$DB' list" /dev/null
long=$(printf '%s\n' "$out" | tr -d '\r' | LC_ALL=C.UTF-8 wc -L)
check "on an 80-column terminal every line of the list fits ($long columns)" [ "$long" -le 80 ]
px search "wwww*"
expect_rc 0 "a prefix search finds a 1 MB word"
# Arguments: Linux takes at most 128 KB in one, so 100 KB words.
head -c 100000 "$SANDBOX/word" >"$SANDBOX/arg"
px add --title "$(cat "$SANDBOX/arg")" "a 100 KB title"
check "a 100 KB title is taken or refused in one line" \
	test "$rc" -eq 0 -o "$(printf '%s\n' "$err" | wc -l)" -eq 1
for arg in "show" "add --tag" "add --date" "search" "list --range" "edit"; do
	# shellcheck disable=SC2086
	px $arg "$(cat "$SANDBOX/arg")"
	n=${#err}
	[ "$n" -lt 4096 ] || err=$(printf '%s' "$err" | head -c 300)
	check "'$arg' with a 100 KB argument fails in one short line ($n bytes)" \
		test "$rc" -ne 0 -a "$(printf '%s\n' "$err" | wc -l)" -le 1 -a "$n" -lt 4096
done
check "the huge inputs took seconds, not minutes ($(( $(now_ms) - t0 )) ms)" \
	test $(( $(now_ms) - t0 )) -lt 60000

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
