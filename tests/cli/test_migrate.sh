#!/bin/sh
# Migrations.  tests/fixtures/journal-schemaN.db is a journal written by the
# release with schema N (tests/fixtures/make-journal.sh says how), and
# journal-schemaN.expect what it held, read with that release's schema.
# For each fixture, this praxis must open it, bring it to the current
# schema, and show every entry, answer, tag, person, action, inquiry,
# trashed entry and draft it held; and it must go on writing to it.
#
# A migration that fails part way must leave the journal at its old
# version, untouched: proven on a journal whose migration collides with a
# table already there, on every fixture older than this praxis with the
# disk filling at each of the migration's writes, and on a new journal
# with the disk filling at each write of its creation (migration 1): every
# third write in make check, every one with PRAXIS_DISK_STEP=1.
STEP=${PRAXIS_DISK_STEP:-3}
. "$(dirname "$0")/../lib.sh"   # unsets PRAXIS_*: read ours first
. "$TOP/tests/reliability/lib.sh"

export ASAN_OPTIONS="$ASAN_SHIM_OPTIONS"
F=$SANDBOX/f
mkdir -m 700 "$F"
latest=
facts=0 points=0

# holds FACT...: check one line of an .expect file against this praxis.
holds() {
	kind=$1 subject=$2 text=$3
	case $kind in
	version) return 0 ;;
	count)
		case $subject in
		entries) px list --all; n=$(printf '%s\n' "$out" | grep -c .) ;;
		trashed) px list --trash --all; n=$(printf '%s\n' "$out" | grep -c .) ;;
		drafts) px drafts; n=$(printf '%s\n' "$out" | grep -c .) ;;
		answers|actions)
			# Each entry's answers, and the actions it planned, as show
			# gives them, summed over the journal.
			px list --all
			n=0
			for id in $(printf '%s\n' "$out" | cut -f 3); do
				px show --format json "$id"
				if [ "$subject" = answers ]; then
					c=$(printf '%s\n' "$out" | grep -c '"step": ')
				else
					c=$(printf '%s\n' "$out" | grep -c "\"planned_by\": $id\$")
				fi
				n=$((n + c))
			done ;;
		esac
		[ "$n" = "$text" ] ;;
	show) px show "$subject"; case $out in *"$text"*) true ;; *) false ;; esac ;;
	json) px show --format json "$subject"; case $out in *"$text"*) true ;; *) false ;; esac ;;
	due) px due --upcoming=3660; case $out in *"$text"*) true ;; *) false ;; esac ;;
	people) px people; case $out in *"$subject"*"$text"*) true ;; *) false ;; esac ;;
	inquiry) px inquiry show "$subject"; case $out in *"$text"*) true ;; *) false ;; esac ;;
	trash) px list --trash --all; case $out in *"$text"*) true ;; *) false ;; esac ;;
	drafts) px drafts; case $out in *"$text"*) true ;; *) false ;; esac ;;
	*) echo "# unknown fact kind '$kind'"; false ;;
	esac
}

for fixture in "$TOP"/tests/fixtures/journal-schema*.db; do
	name=$(basename "$fixture" .db)
	from=$(sed -n 's/^version	schema	//p' "${fixture%.db}.expect")
	DB=$F/$name.db
	cp "$fixture" "$DB"
	chmod 600 "$DB"
	px check
	expect_rc 0 "$name: this praxis opens the schema $from journal and it checks"
	latest=$(printf '%s\n' "$out" | sed -n 's/.*(schema \([0-9]*\)).*/\1/p')
	check "$name: it is now at this praxis's schema ($latest)" \
		[ "$(sqlite3 "$DB" 'PRAGMA user_version')" = "$latest" ]
	bad= n=0
	while IFS='	' read -r kind subject text; do
		n=$((n + 1))
		holds "$kind" "$subject" "$text" || bad="$bad
$kind $subject: $text"
	done <"${fixture%.db}.expect"
	facts=$((facts + n))
	if [ -z "$bad" ]; then
		ok_ "$name: all $n facts of what it held survived"
	else
		fail_ "$name: every fact of what it held survived" "missing:$(echo "$bad" | head -n 8)"
	fi
	# Schema 4: the search index holds the answers as written, without
	# the templates' questions, for the entries written before it too.
	stale=$(sqlite3 "$DB" "SELECT count(*) FROM entry_fts f WHERE f.rowid IN
		(SELECT entry_id FROM answer) AND f.answers IS NOT (SELECT
		coalesce(group_concat(value_text, ' '), '') FROM answer WHERE entry_id = f.rowid)")
	check "$name: the search index has every entry's answers, not the questions" [ "$stale" = 0 ]
	check "$name: and passes FTS5's own check" \
		sqlite3 "$DB" "INSERT INTO entry_fts(entry_fts) VALUES('integrity-check')"
	px add "written after the migration #after"
	expect_rc 0 "$name: the migrated journal takes a new entry"
	printf 'note: a guided note after the migration\n' >"$SANDBOX/note.yaml"
	px new --template daily-note --answers "$SANDBOX/note.yaml"
	expect_rc 0 "$name: and a guided one"
	px search after
	expect_out "written [after] the migration" "$name: and finds it"

	# The disk filling during its migration leaves it old and untouched.
	if [ "$from" -lt "$latest" ]; then
		DB=$F/$name-full.db
		cp "$fixture" "$DB"; chmod 600 "$DB"
		sum=$(md5sum <"$DB")
		rm -f "$SANDBOX/count"
		PXF_DIR=$F PXF_COUNT=$SANDBOX/count LD_PRELOAD=$SHIM "$PRAXIS" --db "$DB" check >/dev/null 2>&1
		total=$(tail -n 1 "$SANDBOX/count")
		bad= k=1
		while [ "$k" -le "$total" ]; do
			cp "$fixture" "$DB"; chmod 600 "$DB"; rm -f "$DB-wal" "$DB-shm"
			PXF_DIR=$F PXF_ENOSPC_AT=$k LD_PRELOAD=$SHIM run "$PRAXIS" --db "$DB" check
			points=$((points + 1))
			v=$(sqlite3 "$DB" 'PRAGMA user_version')
			# Each migration is its own transaction: a failure leaves the
			# version before the one that failed, untouched when it was the
			# first, and the next open carries on.
			if [ "$rc" -ne 0 ] && [ "$v" = "$from" ] && [ "$(md5sum <"$DB")" != "$sum" ]; then
				bad="$bad $k(changed at version $v)"
			fi
			run "$PRAXIS" --db "$DB" check
			[ "$rc" -eq 0 ] || bad="$bad $k(then: $err)"
			k=$((k + STEP))
		done
		check "$name: a disk filling at any of the migration's $total writes leaves it old and whole" \
			[ -z "$bad" ]
	else
		ok_ "$name: nothing to migrate (it is at this praxis's schema)"
	fi
done

# A migration that fails part way: here it meets a table already there.
DB=$F/collide.db
sqlite3 "$DB" "PRAGMA journal_mode = WAL; PRAGMA application_id = 1347573843;
	CREATE TABLE draft (id INTEGER PRIMARY KEY, note TEXT);
	INSERT INTO draft VALUES (1, 'kept as it was');" >/dev/null
chmod 600 "$DB"
sum=$(md5sum <"$DB")
px add "into a journal whose migration fails"
expect_rc 1 "a migration that fails part way is an error"
expect_err "0001_journal" "naming the migration"
expect_one_line_error "in one line"
check "the journal is still at version 0" [ "$(sqlite3 "$DB" 'PRAGMA user_version')" = 0 ]
check "and untouched" [ "$(md5sum <"$DB")" = "$sum" ]
check "with nothing of the migration in it" \
	[ "$(sqlite3 "$DB" "SELECT group_concat(name) FROM sqlite_schema WHERE type = 'table'")" = draft ]

# Creating a journal is migration 1: a disk filling at any of its writes
# leaves no half-made journal, and the next try makes a whole one.
rm -f "$SANDBOX/count"
PXF_DIR=$F PXF_COUNT=$SANDBOX/count LD_PRELOAD=$SHIM "$PRAXIS" --db "$F/new.db" add "x" >/dev/null 2>&1
total=$(tail -n 1 "$SANDBOX/count")
bad= k=1
while [ "$k" -le "$total" ]; do
	rm -f "$F"/new.db*
	PXF_DIR=$F PXF_ENOSPC_AT=$k LD_PRELOAD=$SHIM run "$PRAXIS" --db "$F/new.db" add "first"
	points=$((points + 1))
	v=$(sqlite3 "$F/new.db" 'PRAGMA user_version' 2>/dev/null)
	tables=$(sqlite3 "$F/new.db" "SELECT count(*) FROM sqlite_schema" 2>/dev/null)
	sound=$(sqlite3 "$F/new.db" "PRAGMA integrity_check" 2>/dev/null)
	if [ "$rc" -ne 0 ] && { [ "${v:-0}" = 0 -a "${tables:-0}" != 0 ] || [ "${sound:-ok}" != ok ]; }; then
		bad="$bad $k(version $v, $tables tables, $sound)"
	fi
	run "$PRAXIS" --db "$F/new.db" add "second"
	[ "$rc" -eq 0 ] || bad="$bad $k(then: $err)"
	k=$((k + STEP))
done
check "creating a journal on a disk filling at any of its $total writes: never half made" [ -z "$bad" ]

echo "# migration figures: $facts facts checked across $(ls "$TOP"/tests/fixtures/journal-schema*.db | wc -l)" \
	"fixture journals; $points failed-migration points tried"
finish
