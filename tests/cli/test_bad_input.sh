#!/bin/sh
# CLI: every bad input of the core journal gives one clear line on stderr,
# the right exit status, and leaves the journal as it was.
. "$(dirname "$0")/../lib.sh"

px add "a first entry #start"
expect_rc 0 "setup: one entry"
before=$(sqlite3 "$DB" "select count(*), group_concat(body) from entry")

px frobnicate
expect_rc 2 "unknown command exits 2"
expect_one_line_error "unknown command: one line"
px lsit
expect_err "did you mean 'list'" "unknown command suggests the nearest"

px add --titel x "body"
expect_rc 2 "unknown option exits 2"
expect_err "did you mean '--title'" "unknown option suggests the nearest"
expect_one_line_error "unknown option: one line"
px search "-– rota"
expect_rc 2 "an option word starting with a dash and a non-ASCII character is unknown"
expect_err "praxis: search: unknown option '-– rota' (see 'praxis help search')" \
	"names the whole word, not one byte of its character"

px add --date "2026-02-30" "body"
expect_rc 2 "an impossible date is a usage error"
expect_err "2026-02-30" "the bad date is named"
expect_one_line_error "bad date: one line"
px add --date "blorp" "body"
expect_rc 2 "an unparseable date is refused"

px show 999
expect_rc 1 "unknown entry id exits 1"
expect_err "entry 999: no such entry" "unknown entry is named"
expect_one_line_error "unknown entry: one line"
px show abc
expect_rc 2 "a non-numeric id is a usage error"

px add ""
expect_rc 1 "an empty body is refused"
expect_err "empty" "the error says the entry is empty"
px_in "   " add
expect_rc 1 "a blank body from stdin is refused"

bad=$(printf 'caf\351')
px add "$bad"
expect_rc 1 "invalid UTF-8 is refused"
expect_err "UTF-8" "the error names the encoding problem"

px add --frame incdent "x"
expect_err "did you mean 'incident'" "a misspelt frame suggests the nearest"

px add --tag "#" "x"
expect_rc 2 "an invalid explicit tag is refused"

# 10 MB body is accepted
head -c 10000000 /dev/zero | tr '\0' 'a' >"$SANDBOX/big.txt"
run sh -c "'$PRAXIS' --db '$DB' add < '$SANDBOX/big.txt'"
expect_rc 0 "a 10 MB body is accepted"

px search '"unbalanced'
expect_rc 1 "a malformed search is an error"
expect_one_line_error "malformed search: one line"
expect_no_out "fts5" "no raw SQLite message on stdout"
case $err in *fts5*|*SQL*|*sqlite*) fail_ "no raw SQLite message" "stderr: $err" ;;
*) ok_ "no raw SQLite message" ;; esac

px list --format yaml
expect_rc 2 "an unknown format is a usage error"

# a journal path whose directory cannot be created
run "$PRAXIS" --db /proc/praxis/journal.db add "x"
expect_rc 1 "an uncreatable journal directory is an error"
expect_one_line_error "uncreatable directory: one line"

# a file that is not a journal is refused and untouched
printf 'my notes\n' >"$SANDBOX/notes.txt"
run "$PRAXIS" --db "$SANDBOX/notes.txt" add "x"
expect_rc 1 "a non-SQLite file is refused"
expect_err "not a praxis journal" "and the error says why"
check "the file is untouched" [ "$(cat "$SANDBOX/notes.txt")" = "my notes" ]

# a journal from a newer schema is refused and untouched
cp "$DB" "$SANDBOX/newer.db"
sqlite3 "$SANDBOX/newer.db" "pragma user_version=999"
sum=$(md5sum <"$SANDBOX/newer.db")
run "$PRAXIS" --db "$SANDBOX/newer.db" list
expect_rc 1 "a newer journal is refused"
expect_err "newer praxis" "and the error says why"
check "the newer journal is untouched" [ "$(md5sum <"$SANDBOX/newer.db")" = "$sum" ]

# a read-only journal: reading works, writing fails clearly
cp "$DB" "$SANDBOX/ro.db"
chmod 0400 "$SANDBOX/ro.db"
if [ "$(id -u)" -ne 0 ]; then
	run "$PRAXIS" --db "$SANDBOX/ro.db" list
	expect_rc 0 "a read-only journal can be read"
	run "$PRAXIS" --db "$SANDBOX/ro.db" add "x"
	expect_rc 1 "a read-only journal cannot be written"
	expect_err "read-only" "and the error says so"
else
	ok_ "read-only checks need a non-root user (root ignores file modes)"
fi

# $EDITOR unset on a terminal-less run: text must come from somewhere
run script -qec "env -u EDITOR -u VISUAL '$PRAXIS' --db '$DB' add" /dev/null
case $out$err in *"no editor"*) ok_ "EDITOR unset gives a clear message" ;;
*) if command -v script >/dev/null; then fail_ "EDITOR unset gives a clear message" "no message"
   else ok_ "EDITOR unset (script(1) missing)"; fi ;;
esac

# Output that cannot be written is a failure with its reason, never a
# silent success: a full disk, and a standard output that was closed.
for args in "--version" "--help" "--db $DB list" "--db $DB show 1"; do
	# shellcheck disable=SC2086 # the words of $args are separate arguments
	"$PRAXIS" $args >/dev/full 2>"$SANDBOX/.err"
	rc=$? err=$(cat "$SANDBOX/.err")
	expect_rc 1 "praxis $args to a full disk fails"
	expect_err "writing output: No space left on device" "praxis $args: the reason is given"
	expect_one_line_error "praxis $args to a full disk: one line"
	# shellcheck disable=SC2086
	"$PRAXIS" $args >&- 2>"$SANDBOX/.err"
	rc=$? err=$(cat "$SANDBOX/.err")
	expect_rc 1 "praxis $args with standard output closed fails"
	expect_err "writing output: Bad file descriptor" "praxis $args, output closed: the reason is given"
done
# A closed standard error or input is filled (with /dev/null), so nothing
# praxis opens can take its place: the entry it adds stays out of any
# file, and the journal stays a database.
"$PRAXIS" --db "$DB" add "written with the standard streams closed" <&- 2>&- >"$SANDBOX/.out"
rc=$?
expect_rc 0 "add with standard input and error closed"
check "the entry was added" [ "$(sqlite3 "$DB" "select count(*) from entry where body like 'written with%'")" = 1 ]
check "the journal is intact" [ "$(sqlite3 "$DB" "pragma integrity_check")" = ok ]
sqlite3 "$DB" "delete from entry where body like 'written with%'"

after=$(sqlite3 "$DB" "select count(*), group_concat(body) from entry where length(body) < 1000")
check "failed commands changed nothing" [ "$after" = "$before" ]

finish
