#!/bin/sh
# Concurrency: several praxis processes writing one journal at once.
# Every write must either land whole or fail with one clear "journal busy"
# line after the busy timeout: never a damaged journal, never a lost or a
# doubled write.
#   1. four processes creating the same new journal at the same moment;
#   2. two, then four writers adding entries with shared and own tags,
#      running templates, naming people, opening inquiries and importing
#      (a file of their own, praxis JSON or jrnl text, and all of them the
#      same praxis file at the same step, whose entries must then be there
#      once, added by exactly one import), while a backup is taken and a
#      reader lists;
#   3. a writer blocked by a lock held past the busy timeout (5 s) fails
#      with "journal busy" and changes nothing; one blocked for a moment
#      waits and lands; readers are never blocked.
# PRAXIS_CONC_ROUNDS (default 4) and PRAXIS_CONC_WRITES (default 12 per
# writer) scale it up for `make torture`.
ROUNDS=${PRAXIS_CONC_ROUNDS:-4}
WRITES=${PRAXIS_CONC_WRITES:-12}
. "$(dirname "$0")/../lib.sh"   # unsets PRAXIS_*: read ours first
. "$TOP/tests/reliability/lib.sh"

export XDG_CONFIG_HOME="$SANDBOX/config"
mkdir -p "$XDG_CONFIG_HOME/praxis/prompts"
cat >"$XDG_CONFIG_HOME/praxis/prompts/conc-run.yaml" <<'EOF'
# A short template run by the concurrency test.
praxis_template: 1
id: conc-run
version: 1
name: Concurrent run
frames: [note]
tags: [concrun]
steps:
  - {id: what, kind: text, prompt: What happened?}
  - {id: plan, kind: action, prompt: What next?}
EOF
W=$SANDBOX/w
mkdir -m 700 "$W"
writes=0 busy=0 imports=0 shared=0 start=$(now_ms)

# outcome FILE: every line of a writer's log is a success or one clean
# "journal busy" failure; prints the number of unexpected lines.
unexpected() { grep -v -e '^ok ' -e '^busy ' "$1" | wc -l; }

# ---- 1. creating one journal from four processes at once ---------------------
bad=0
round=1
while [ "$round" -le "$ROUNDS" ]; do
	d=$W/create-$round
	mkdir -m 700 "$d"
	for i in 1 2 3 4; do
		"$PX_REL" --db "$d/journal.db" add "creator $i" >"$d/out$i" 2>&1 &
	done
	wait
	n=$(sqlite3 "$d/journal.db" "SELECT count(*) FROM entry")
	if [ "$n" -ne 4 ] || ! fts_ok "$d/journal.db" >/dev/null || grep -qv '^added entry' "$d"/out*; then
		bad=$((bad + 1))
		echo "# round $round: $n entries; $(cat "$d"/out* | grep -v '^added entry' | head -n 2)"
	fi
	writes=$((writes + 4))
	round=$((round + 1))
done
check "four processes creating one journal at once all land ($ROUNDS rounds)" [ "$bad" -eq 0 ]

# ---- 2. writers racing on one journal --------------------------------------------------
# import_file MARK: a file of two entries of its own, titled "Imported
# MARK a" and "... b": praxis JSON or jrnl text, by turns.
import_file() {
	case $1 in *[13579]) f=$W/imp-$1.txt
		printf '[2026-03-01 10:00] Imported %s a\nText of an imported entry. #imported\n\n' "$1" >"$f"
		printf '[2026-03-01 11:00] Imported %s b\nMore text. #imported\n' "$1" >>"$f" ;;
	*)	f=$W/imp-$1.json
		u=$(printf '%s' "$1" | tr -dc 0-9)
		printf '{"format": "praxis-journal", "version": 1, "entries": [%s, %s]}\n' \
			"$(printf '{"uuid": "00000000-0000-4000-8000-%012d", "frame": "note", "title": "Imported %s a", "body": "Text of an imported entry. #imported", "occurred_at": "2026-03-01 10:00:00"}' "$u" "$1")" \
			"$(printf '{"uuid": "00000000-0000-4000-8001-%012d", "frame": "note", "title": "Imported %s b", "body": "More text. #imported", "occurred_at": "2026-03-01 11:00:00"}' "$u" "$1")" >"$f" ;;
	esac
}
# The praxis file every writer imports at the same step: three entries.
printf '{"format": "praxis-journal", "version": 1, "entries": [%s]}\n' \
	"$(for n in 1 2 3; do [ "$n" -gt 1 ] && printf ', '
	printf '{"uuid": "00000000-5a5a-4000-8000-00000000000%s", "frame": "note", "title": "Shared import %s", "body": "The same file, imported by every writer. #imported", "occurred_at": "2026-03-02 09:00:00"}' "$n" "$n"; done)" \
	>"$W/shared.json"

# barrier STEP I WRITERS: wait (at most 10 s) until all WRITERS writers
# have reached STEP.
barrier() {
	: >"$W/at-$J_NAME-$1-$2"
	_deadline=$(( $(now_ms) + 10000 ))
	while [ "$(find "$W" -name "at-$J_NAME-$1-*" | wc -l)" -lt "$3" ] &&
	      [ "$(now_ms)" -lt "$_deadline" ]; do
		sleep 0.002
	done
}

# writer I N WRITERS: N changes of several kinds; logs "ok KIND MARK" (for a
# shared import, with the number of entries it added) or "busy KIND MARK"
# per change, or the unexpected output itself.
writer() {
	i=$1 n=$2 k=1
	while [ "$k" -le "$n" ]; do
		mark=w$i-$k
		case $((k % 6)) in
		0)	printf 'what: run %s happened\nplan: [{text: follow %s, due: +7d}]\n' \
				"$mark" "$mark" >"$W/ans-$mark.yaml"
			"$PX_REL" --db "$J" new --template conc-run --title "run $mark" \
				--answers "$W/ans-$mark.yaml" >"$W/o-$mark" 2>"$W/e-$mark"
			kind=run ;;
		1)	"$PX_REL" --db "$J" inquiry new "What does $mark show?" \
				>"$W/o-$mark" 2>"$W/e-$mark"
			kind=inquiry ;;
		3)	import_file "$mark"
			"$PX_REL" --db "$J" import "$f" >"$W/o-$mark" 2>"$W/e-$mark"
			kind=import ;;
		5)	barrier "$k" "$i" "$3"   # all writers import it at the same moment
			"$PX_REL" --db "$J" import "$W/shared.json" >"$W/o-$mark" 2>"$W/e-$mark"
			kind=shared ;;
		*)	"$PX_REL" --db "$J" add --tag shared --tag "own$i" \
				"Entry $mark, said to @Pw$i. #common" >"$W/o-$mark" 2>"$W/e-$mark"
			kind=add ;;
		esac
		st=$?
		if [ "$st" -eq 0 ] && [ ! -s "$W/e-$mark" ] && [ "$kind" = shared ]; then
			echo "ok $kind $mark $(sed -n 's/.*(praxis): \([0-9]*\) entr.*/\1/p' "$W/o-$mark")"
		elif [ "$st" -eq 0 ] && [ ! -s "$W/e-$mark" ]; then
			echo "ok $kind $mark"
		elif [ "$st" -eq 1 ] && [ "$(wc -l <"$W/e-$mark")" -eq 1 ] &&
		     grep -q '^praxis: .*journal busy' "$W/e-$mark"; then
			echo "busy $kind $mark"
		else
			echo "status $st: $(cat "$W/e-$mark")"
		fi
		k=$((k + 1))
	done
}

race() { # race WRITERS: run them, a backup and a reader, then check everything
	nw=$1
	J=$W/race-$nw.db J_NAME=race-$nw
	"$PX_REL" --db "$J" add "before the race" >/dev/null
	i=1
	while [ "$i" -le "$nw" ]; do
		writer "$i" "$WRITES" "$nw" >"$W/log-$nw-$i" &
		i=$((i + 1))
	done
	( sleep 0.05; "$PX_REL" --db "$J" backup "$W/backup-$nw.db" ) >"$W/backup-$nw.log" 2>&1 &
	( sleep 0.02; "$PX_REL" --db "$J" list --all ) >"$W/reader-$nw.log" 2>&1 &
	wait
	cat "$W"/log-"$nw"-* >"$W/all-$nw"
	check "$nw writers: every change landed or failed with one 'journal busy' line" \
		[ "$(unexpected "$W/all-$nw")" -eq 0 ]
	grep -v -e '^ok ' -e '^busy ' "$W/all-$nw" | head -n 3
	check "$nw writers: the journal checks" fts_ok "$J"
	run "$PX_REL" --db "$J" check
	expect_rc 0 "$nw writers: praxis check passes"
	adds=$(grep -c '^ok add ' "$W/all-$nw")
	runs=$(grep -c '^ok run ' "$W/all-$nw")
	inqs=$(grep -c '^ok inquiry ' "$W/all-$nw")
	imps=$(grep -c '^ok import ' "$W/all-$nw")
	shares=$(grep -c '^ok shared ' "$W/all-$nw")
	n_busy=$(grep -c '^busy ' "$W/all-$nw")
	busy=$((busy + n_busy)); writes=$((writes + adds + runs + inqs + imps + shares))
	imports=$((imports + imps)) shared=$((shared + shares))
	# Each reported write is there exactly once, with all its parts.
	got=$(sqlite3 "$J" "SELECT
		(SELECT count(*) FROM entry WHERE body LIKE 'Entry w%'),
		(SELECT count(DISTINCT body) FROM entry WHERE body LIKE 'Entry w%'),
		(SELECT count(*) FROM entry_tag et JOIN tag t ON t.id = et.tag_id WHERE t.name = 'shared'),
		(SELECT count(*) FROM entry_tag et JOIN tag t ON t.id = et.tag_id WHERE t.name = 'common'),
		(SELECT count(*) FROM tag WHERE name IN ('shared', 'common', 'concrun')),
		(SELECT count(*) FROM entry WHERE title LIKE 'run w%'),
		(SELECT count(*) FROM action WHERE text LIKE 'follow w%'),
		(SELECT count(*) FROM answer a JOIN entry e ON e.id = a.entry_id WHERE e.title LIKE 'run w%'),
		(SELECT count(*) FROM inquiry WHERE question LIKE 'What does w%'),
		(SELECT count(*) FROM draft)" | tr '|' ' ')
	want="$adds $adds $adds $adds 3 $runs $runs $((runs * 2)) $inqs 0"
	[ "$runs" -gt 0 ] || want="$adds $adds $adds $adds 2 0 0 0 $inqs 0"
	check "$nw writers: $adds adds, $runs runs, $inqs inquiries reported done are there once, whole" \
		[ "$got" = "$want" ]
	[ "$got" = "$want" ] || echo "#   got $got, want $want"
	missing=0
	for m in $(sed -n 's/^ok add //p' "$W/all-$nw"); do
		i=${m%%-*}; i=${i#w}
		c=$(sqlite3 "$J" "SELECT count(*) FROM entry e JOIN entry_tag et ON et.entry_id = e.id
			JOIN tag t ON t.id = et.tag_id
			WHERE e.body = 'Entry $m, said to @Pw$i. #common' AND t.name = 'own$i'")
		[ "$c" = 1 ] || missing=$((missing + 1))
	done
	check "$nw writers: each add has its own text and its writer's tag" [ "$missing" -eq 0 ]
	for m in $(sed -n 's/^busy add //p' "$W/all-$nw"); do
		c=$(sqlite3 "$J" "SELECT count(*) FROM entry WHERE body LIKE 'Entry $m,%'")
		[ "$c" = 0 ] || missing=$((missing + 1))
	done
	check "$nw writers: a write that failed busy left nothing" [ "$missing" -eq 0 ]
	# Imports: each file's entries once if it said done, none if busy.
	for m in $(sed -n 's/^ok import //p' "$W/all-$nw"); do
		c=$(sqlite3 "$J" "SELECT count(*), count(DISTINCT uuid) FROM entry WHERE title IN
			('Imported $m a', 'Imported $m b')")
		[ "$c" = "2|2" ] || missing=$((missing + 1))
	done
	for m in $(sed -n 's/^busy import //p' "$W/all-$nw"); do
		c=$(sqlite3 "$J" "SELECT count(*) FROM entry WHERE title LIKE 'Imported $m %'")
		[ "$c" = 0 ] || missing=$((missing + 1))
	done
	check "$nw writers: $imps imports of their own files are there once each, busy ones not" \
		[ "$missing" -eq 0 ]
	want_shared=0; [ "$shares" -gt 0 ] && want_shared=3
	got=$(sqlite3 "$J" "SELECT count(*), count(DISTINCT uuid) FROM entry WHERE title LIKE 'Shared import %'")
	adders=$(awk '$1 == "ok" && $2 == "shared" && $4 == 3' "$W/all-$nw" | wc -l)
	skippers=$(awk '$1 == "ok" && $2 == "shared" && $4 == 0' "$W/all-$nw" | wc -l)
	check "$nw writers: the file all imported has its 3 entries once ($shares imports done)" \
		[ "$got" = "$want_shared|$want_shared" ]
	check "$nw writers: exactly one of those imports added them, the other $((shares - 1)) found them there" \
		[ "$shares" -eq 0 -o "$adders" -eq 1 -a "$skippers" -eq $((shares - 1)) ]
	c=$(sqlite3 "$J" "SELECT count(*) FROM tag WHERE name = 'imported'")
	check "$nw writers: the tag the imports share exists once" [ "$c" -eq $(( imps + shares > 0 )) ]
	check "$nw writers: a backup taken during the race is whole" \
		[ "$(sqlite3 "$W/backup-$nw.db" 'PRAGMA integrity_check')" = ok ]
	check "$nw writers: a reader lists during the race" grep -q 'before the race' "$W/reader-$nw.log"
}
race 2
race 4

# ---- 3. the busy timeout ------------------------------------------------------------
J=$W/busy.db DB=$W/busy.db
"$PX_REL" --db "$J" add "the only entry" >/dev/null
# hold_lock: an sqlite3 shell takes the write lock and keeps it until
# release, however slowly praxis starts (under valgrind, seconds).
hold_lock() {
	rm -f "$W/lock.fifo" "$W/lock.out"; mkfifo "$W/lock.fifo"
	sqlite3 "$J" <"$W/lock.fifo" >"$W/lock.out" 2>&1 &
	lock_pid=$!
	exec 4>"$W/lock.fifo"
	echo "BEGIN IMMEDIATE; SELECT 'locked';" >&4
	wait_for "$W/lock.out" locked
}
release() { printf 'ROLLBACK;\n.quit\n' >&4; exec 4>&-; wait "$lock_pid"; }

hold_lock
t0=$(now_ms)
px add "blocked past the timeout"
t1=$(now_ms)
expect_rc 1 "a writer blocked past the busy timeout fails"
expect_one_line_error "the failure is one line"
expect_err "journal busy" "and says the journal is busy"
check "it waited the busy timeout first (about 5 s, took $((t1 - t0)) ms)" \
	test $((t1 - t0)) -ge 4900 -a $((t1 - t0)) -lt 15000
t0=$(now_ms)
px list
t1=$(now_ms)
expect_rc 0 "a reader is not blocked by a writer's lock"
check "and does not wait for it ($((t1 - t0)) ms)" [ $((t1 - t0)) -lt 4000 ]
release
check "the blocked write left nothing" \
	[ "$(sqlite3 "$J" "SELECT count(*) FROM entry WHERE body LIKE 'blocked%'")" = 0 ]
busy=$((busy + 1))

hold_lock
"$PRAXIS" --db "$J" add "waits a moment" >"$W/wait.out" 2>"$W/wait.err" &
waiter=$!
sleep 1
release
wait "$waiter"
rc=$? out=$(cat "$W/wait.out") err=$(cat "$W/wait.err")
expect_rc 0 "a writer blocked for a moment waits and lands"
check "the waiting write is there" \
	[ "$(sqlite3 "$J" "SELECT count(*) FROM entry WHERE body = 'waits a moment'")" = 1 ]
writes=$((writes + 1))

secs=$(( ($(now_ms) - start) / 1000 ))
echo "# concurrency figures: $writes writes checked ($imports imports of a writer's own" \
	"file, $shared of one file all import at once), $busy clean 'journal busy' failures," \
	"$ROUNDS creation rounds of 4, writers of $WRITES changes; ${secs}s"
finish
