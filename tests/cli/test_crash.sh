#!/bin/sh
# Crash safety: kill praxis with SIGKILL at random points while it adds,
# edits, trashes, restores, empties the trash, runs templates, imports,
# backs up and creates journals, and prove after every kill that
#   - praxis opens the journal again and `praxis check` passes, and SQLite's
#     integrity checks and the search index's own check pass;
#   - every change praxis reported as done (exit 0) is there, every change
#     that failed with an error is not, and a killed change is there whole
#     or not at all (text, tags, people, answers, actions and the search
#     index move together; an import's entries all land or none do, and
#     the same import run again completes);
#   - a template run typed in line mode keeps, as its draft, every answer
#     given before the kill, and the draft resumes into the full entry.
#
# Half the kills are at a chosen durable operation (the Nth write, sync,
# truncate or unlink on the journal's files, through faultshim.so), the
# other half at a random time from outside.  PRAXIS_CRASH_KILLS (default
# 20; `make torture` asks for more) is the number of kills; PRAXIS_CRASH_SEED
# repeats a run.  Adding an operation is one op_NAME function and one line
# in pick_op.
KILLS=${PRAXIS_CRASH_KILLS:-20}
SEED=${PRAXIS_CRASH_SEED:-$(( $(date +%s) % 100000 ))}
. "$(dirname "$0")/../lib.sh"   # unsets PRAXIS_*: read ours first
. "$TOP/tests/reliability/lib.sh"

rng_seed "$SEED"
echo "# crash: $KILLS kills, seed $SEED (PRAXIS_CRASH_SEED=$SEED repeats this run)"

JDIR=$SANDBOX/j
J=$JDIR/journal.db
mkdir -m 700 "$JDIR" "$SANDBOX/work" "$SANDBOX/backups"
W=$SANDBOX/work
export XDG_CONFIG_HOME="$SANDBOX/config"
mkdir -p "$XDG_CONFIG_HOME/praxis/prompts"
cat >"$XDG_CONFIG_HOME/praxis/prompts/crash-lines.yaml" <<'EOF'
# Five text steps, answered one line at a time by the crash test.
praxis_template: 1
id: crash-lines
version: 1
name: Crash lines
frames: [note]
steps:
  - {id: s1, kind: text, prompt: One?}
  - {id: s2, kind: text, prompt: Two?}
  - {id: s3, kind: text, prompt: Three?}
  - {id: s4, kind: text, prompt: Four?}
  - {id: s5, kind: text, prompt: Five?}
  - {id: next, kind: date, prompt: When to look again?}
EOF
cat >"$XDG_CONFIG_HOME/praxis/prompts/crash-run.yaml" <<'EOF'
# An unattended run with text, tags and an action, for the crash test.
praxis_template: 1
id: crash-run
version: 1
name: Crash run
frames: [note]
tags: [crashrun]
steps:
  - {id: what, kind: text, prompt: What happened?}
  - {id: why, kind: text, prompt: Why?}
  - {id: kinds, kind: tags, prompt: Tags?, free: true}
  - {id: plan, kind: action, prompt: What next?, max: 2}
EOF
cat >"$W/editor" <<'EOF'
#!/bin/sh
cat "$CRASH_NEW_TEXT" >"$1"
EOF
chmod +x "$W/editor"

"$PX_REL" --db "$J" add --title crash-0 --tag crash "The first entry, before any kill." \
	>/dev/null 2>&1 || { echo "setup failed"; exit 1; }

# ---- observing the journal ----------------------------------------------------
# One line per crash entry (title|live or trash|body hash|tags|people|
# answers|search row agrees|actions) and one per draft, sorted.
OBSERVE="SELECT e.title || '|' || CASE WHEN e.deleted_at IS NULL THEN 'live' ELSE 'trash' END
 || '|' || hex(sha3(e.body))
 || '|' || coalesce((SELECT group_concat(n, ',') FROM (SELECT t.name AS n FROM entry_tag et
      JOIN tag t ON t.id = et.tag_id WHERE et.entry_id = e.id ORDER BY t.name COLLATE NOCASE)), '')
 || '|' || coalesce((SELECT group_concat(n, ',') FROM (SELECT p.name AS n FROM entry_person ep
      JOIN person p ON p.id = ep.person_id WHERE ep.entry_id = e.id ORDER BY p.name)), '')
 || '|' || (SELECT count(*) FROM answer a WHERE a.entry_id = e.id)
 || '|' || coalesce((SELECT f.title = e.title AND f.body = e.body FROM entry_fts f
      WHERE f.rowid = e.id), 0)
 || '|' || (SELECT count(*) FROM action x WHERE x.planned_by = e.id)
 FROM entry e WHERE e.title LIKE 'crash-%'
 UNION ALL SELECT '~draft|' || label FROM draft ORDER BY 1"

# observe FILE: praxis first (it is what recovers a killed writer's WAL),
# then SQLite's checks, then the state.  1 when the journal is not sound.
observe() {
	if ! "$PX_REL" --db "$J" check >"$W/check.out" 2>&1; then
		echo "praxis check: $(cat "$W/check.out")"
		return 1
	fi
	fts_ok "$J" || return 1
	sqlite3 "$J" "$OBSERVE" >"$1"
}

# matches EXPECTED OBSERVED: same lines, where a field '*' in EXPECTED
# matches anything.
matches() {
	awk -F'|' -v obs="$2" '
	{ n++; exp_[n] = $0 }
	END {
		m = 0
		while ((getline line < obs) > 0) { m++; got[m] = line }
		if (m != n) exit 1
		for (i = 1; i <= n; i++) {
			ne = split(exp_[i], a, "|"); no = split(got[i], b, "|")
			if (ne != no) exit 1
			for (f = 1; f <= ne; f++) if (a[f] != "*" && a[f] != b[f]) exit 1
		}
	}' "$1"
}

hash_of() { sqlite3 :memory: "SELECT hex(sha3(CAST(readfile('$1') AS TEXT)))"; }

# ---- the state this run knows the journal to be in -------------------------
observe "$W/known" || { echo "setup journal is not sound"; exit 1; }
changes=0 kills=0 kills_point=0 kills_timed=0 ops=0 errors=0 drafts_checked=0 imports=0 import_kills=0

# Learned per operation: durable operations in its last complete run (for
# kill points) and its duration in ms (for timed kills).
learned() { eval "echo \${$1_$2:-$3}"; }
learn() { eval "$1_$2=$3"; }

# run_op NAME ARGS...: run praxis on the journal with stdin from $W/in,
# killed as this iteration chose; sets rc.
run_op() {
	name=$1; shift
	if [ "$mode" = point ]; then
		rm -f "$W/count"
		PXF_DIR=$JDIR PXF_KILL_AT=$point PXF_COUNT=$W/count LD_PRELOAD=$SHIM \
			"$PX_REL" --db "$J" "$@" <"$W/in" >"$W/out" 2>"$W/err"
		rc=$?
		[ -s "$W/count" ] && learn ops "$name" "$(tail -n 1 "$W/count")"
	else
		t0=$(now_ms)
		"$PX_REL" --db "$J" "$@" <"$W/in" >"$W/out" 2>"$W/err" &
		pid=$!
		sleep "$delay"
		kill -9 "$pid" 2>/dev/null
		wait "$pid"
		rc=$?
		[ "$rc" -ne 137 ] && learn ms "$name" $(( $(now_ms) - t0 + 1 ))
	fi
	out=$(cat "$W/out") err=$(cat "$W/err")
	return 0
}

# choose NAME: pick where this iteration's kill falls.
choose() {
	rand 2
	if [ "$r" -eq 0 ]; then
		mode=point
		rand "$(( $(learned ops "$1" 150) + 1 ))"
		point=$(( r + 1 ))
		where="at durable operation $point"
	else
		mode=timed
		ms=$(learned ms "$1" 30); [ "$ms" -lt 999 ] || ms=999
		rand "$ms"
		delay=$(printf '0.%03d' "$r")
		where="after ${r} ms"
	fi
}

# settle DESCRIPTION NEW: compare the journal with what it must be now:
# the new state $W/new when the op said it succeeded, the old one when it
# failed with an error, either when it was killed.
settle() {
	ops=$((ops + 1))
	if ! observe "$W/obs"; then
		fail_ "$1: the journal is sound after the op" "see above"
		return
	fi
	case $rc in
	0) allowed="$W/new" ;;
	137) allowed="$W/known $W/new" ;;
	*) allowed="$W/known"; errors=$((errors + 1)) ;;
	esac
	for a in $allowed; do
		if matches "$a" "$W/obs"; then
			[ "$rc" -eq 137 ] && kills=$((kills + 1))
			[ "$rc" -eq 137 ] && [ "$mode" = point ] && kills_point=$((kills_point + 1))
			[ "$rc" -eq 137 ] && [ "$mode" = timed ] && kills_timed=$((kills_timed + 1))
			[ "$a" = "$W/new" ] && [ "$rc" -ne 137 ] && changes=$((changes + 1))
			cp "$W/obs" "$W/known"
			case $rc in
			0) ok_ "$1: done, and it is all there" ;;
			137) ok_ "$1: killed $where; the journal is whole" ;;
			*) ok_ "$1: failed cleanly ($(head -c 80 "$W/err")); nothing changed" ;;
			esac
			return
		fi
	done
	fail_ "$1 (status $rc, $where): the journal is not in an allowed state" \
		"$(diff "$W/known" "$W/obs" | head -n 6)"
	cp "$W/obs" "$W/known"
}

# ---- entries ---------------------------------------------------------------------
next_k=1
body_for() { # K V BIG > file
	printf 'Entry %s, version %s: what I noticed and what I will try. #t%s-%s @P%s' \
		"$1" "$2" "$1" "$2" "$1"
	if [ "$3" = big ]; then
		printf '\n\n'
		yes "Big entry $1 version $2 has many pages of words." | head -n 6000 | tr '\n' ' '
		printf 'end'
	fi
}
line_for() { # K STATE HASH V: the observed line of a plain entry
	printf 'crash-%s|%s|%s|crash,t%s-%s|P%s|0|1|0\n' "$1" "$2" "$3" "$1" "$4" "$1"
}
# with_line FILE LINE: FILE plus LINE, sorted as observe sorts (by bytes).
with_line() { { cat "$1"; echo "$2"; } | LC_ALL=C sort; }

# pick_entry STATE [plain]: K of a random entry in STATE (live or trash),
# only entries written freely as op_add writes them when plain (no answers,
# tagged #crash: not a jrnl import's); 1 when there is none.
pick_entry() {
	awk -F'|' -v st="$1" -v plain="${2:-}" '$1 ~ /^crash-[0-9]+$/ && $2 == st &&
		(plain == "" || ($6 == 0 && $4 ~ /^crash,/)) { print $1 }' "$W/known" >"$W/pool"
	n=$(wc -l <"$W/pool")
	[ "$n" -gt 0 ] || return 1
	rand "$n"
	k=$(sed -n "$((r + 1))p" "$W/pool" | sed 's/^crash-//')
}
version_of() { eval "echo \${ver_$1:-1}"; }

op_add() { # [big]
	k=$next_k; next_k=$((next_k + 1))
	body_for "$k" 1 "${1:-}" >"$W/in"
	line=$(line_for "$k" live "$(hash_of "$W/in")" 1)
	with_line "$W/known" "$line" >"$W/new"
	choose "add${1:-}"
	run_op "add${1:-}" add --title "crash-$k" --tag crash
	settle "add ${1:+$1 }entry $k"
}

op_edit() {
	pick_entry live plain || { op_add; return; }
	v=$(( $(version_of "$k") + 1 ))
	big=; [ "$(eval "echo \${big_$k:-}")" = 1 ] && big=big
	{ printf '# crash-%s\n\n' "$k"; body_for "$k" "$v" "$big"; } >"$W/text"
	body_for "$k" "$v" "$big" >"$W/body"
	line=$(line_for "$k" live "$(hash_of "$W/body")" "$v")
	grep -v "^crash-$k|" "$W/known" >"$W/rest"
	with_line "$W/rest" "$line" >"$W/new"
	: >"$W/in"
	choose edit
	id=$(sqlite3 "$J" "SELECT id FROM entry WHERE title = 'crash-$k'")
	export CRASH_NEW_TEXT="$W/text" EDITOR="$W/editor"
	run_op edit edit "$id"
	unset CRASH_NEW_TEXT EDITOR
	settle "edit entry $k to version $v"
	grep -q "^crash-$k|live|$(hash_of "$W/body")|" "$W/known" && eval "ver_$k=$v"
}

op_move() { # rm|restore
	from=live to=trash; [ "$1" = restore ] && from=trash to=live
	pick_entry "$from" || { op_add; return; }
	sed "s/^\(crash-$k\)|$from|/\1|$to|/" "$W/known" >"$W/new"
	: >"$W/in"
	choose "$1"
	id=$(sqlite3 "$J" "SELECT id FROM entry WHERE title = 'crash-$k'")
	run_op "$1" "$1" "$id"
	settle "$1 entry $k"
}

op_empty() {
	grep -v '^crash-[0-9]*|trash|' "$W/known" >"$W/new"
	: >"$W/in"
	choose empty
	run_op empty trash --empty
	settle "empty the trash ($(grep -c '|trash|' "$W/known") entries)"
}

# ---- template runs ------------------------------------------------------------------
op_run() {
	k=$next_k; next_k=$((next_k + 1))
	cat >"$W/answers.yaml" <<EOF
what: AR-$k what happened, in a few words.
why: Because of reasons worth writing down.
kinds: [rk$k]
plan: [{text: Try the next thing $k, due: +7d}]
EOF
	with_line "$W/known" "crash-$k|live|*|crashrun,rk$k||4|1|1" >"$W/new"
	: >"$W/in"
	choose run
	run_op run new --template crash-run --title "crash-$k" --answers "$W/answers.yaml"
	# A kill part way leaves the run's draft: allowed beside the old state,
	# never beside the entry.  The test then clears it, as a user would.
	with_line "$W/known" "~draft|Crash run: AR-$k what happened, in a few words." >"$W/old+draft"
	if [ "$rc" -eq 137 ] && observe "$W/obs" && matches "$W/old+draft" "$W/obs"; then
		ops=$((ops + 1)) kills=$((kills + 1))
		[ "$mode" = point ] && kills_point=$((kills_point + 1)) || kills_timed=$((kills_timed + 1))
		ok_ "template run $k: killed $where; its draft holds the answers so far, no entry"
		id=$(sqlite3 "$J" "SELECT id FROM draft WHERE label LIKE 'Crash run: AR-$k %'")
		"$PX_REL" --db "$J" drafts rm "$id" >/dev/null 2>&1
		observe "$W/known"
		return
	fi
	settle "template run $k"
}

# Line mode, one answer at a time through a FIFO; the prompts it prints
# say which answers it has saved.  Then the draft is resumed and finished.
op_lines() {
	k=$next_k; next_k=$((next_k + 1))
	rm -f "$W/fifo"; mkfifo "$W/fifo"
	choose lines
	rand 7; stop=$((r + 1))      # kill while at step STOP (7: let it finish)
	if [ "$mode" = point ]; then
		PXF_DIR=$JDIR PXF_KILL_AT=$point LD_PRELOAD=$SHIM \
			"$PX_REL" --db "$J" new --template crash-lines --title "crash-$k" \
			<"$W/fifo" >"$W/out" 2>"$W/err" &
	else
		"$PX_REL" --db "$J" new --template crash-lines --title "crash-$k" \
			<"$W/fifo" >"$W/out" 2>"$W/err" &
	fi
	pid=$!
	trap '' PIPE   # a writer killed early must not take the test with it
	exec 3>"$W/fifo"
	acked=0 step=1
	while [ "$step" -le 6 ] && wait_alive "$W/out" "[$step/6]" "$pid" 5000; do
		acked=$((step - 1))
		if [ "$step" -eq "$stop" ] && [ "$mode" = timed ]; then
			printf 'LM-%s-%s answer\n.\n' "$k" "$step" >&3
			sleep "$delay"
			break
		fi
		if [ "$step" -eq 6 ]; then printf '+7d\n' >&3
		else printf 'LM-%s-%s answer\n.\n' "$k" "$step" >&3; fi
		step=$((step + 1))
	done
	kill -9 "$pid" 2>/dev/null
	exec 3>&-
	trap - PIPE
	wait "$pid"; rc=$?
	ops=$((ops + 1))
	if ! observe "$W/obs"; then
		fail_ "line-mode run $k: the journal is sound" "see above"; return
	fi
	did=$(sqlite3 "$J" "SELECT id FROM draft WHERE payload LIKE '%\"title\":\"crash-$k\"%'")
	done_id=$(sqlite3 "$J" "SELECT id FROM entry WHERE title = 'crash-$k'")
	if [ -n "$done_id" ]; then
		check "line-mode run $k: finished before the kill, and no draft is left" [ -z "$did" ]
	elif [ "$acked" -eq 0 ] && [ -z "$did" ]; then
		ok_ "line-mode run $k: killed before any answer was saved; nothing to keep"
	else
		payload=$(sqlite3 "$J" "SELECT payload FROM draft WHERE id = ${did:-0}")
		missing=
		i=1
		while [ "$i" -le "$acked" ] && [ "$i" -le 5 ]; do
			case $payload in *"LM-$k-$i answer"*) ;; *) missing="$missing s$i" ;; esac
			i=$((i + 1))
		done
		drafts_checked=$((drafts_checked + acked))
		if [ -n "$did" ] && [ -z "$missing" ]; then
			ok_ "line-mode run $k: killed $where after $acked answers; the draft has them all"
		else
			fail_ "line-mode run $k: the draft keeps every saved answer" \
				"draft '${did}' lacks:${missing}; payload: $(echo "$payload" | head -c 200)"
		fi
		# The draft resumes: what it kept wins over the file's answers.
		printf 's1: AF-1\ns2: AF-2\ns3: AF-3\ns4: AF-4\ns5: AF-5\nnext: +7d\n' >"$W/rest.yaml"
		run "$PX_REL" --db "$J" new --resume "$did" --answers "$W/rest.yaml"
		expect_rc 0 "line-mode run $k: the draft resumes and finishes"
		got=$(sqlite3 "$J" "SELECT group_concat(value_text, ',') FROM (SELECT a.value_text
			FROM answer a JOIN entry e ON e.id = a.entry_id
			WHERE e.title = 'crash-$k' AND a.step_id LIKE 's%' ORDER BY a.position)")
		i=1 bad=
		for v in $(echo "$got" | tr ' ,' '_ '); do
			if [ "$i" -le "$acked" ] && [ "$v" != "LM-$k-${i}_answer" ]; then bad="$bad s$i=$v"; fi
			i=$((i + 1))
		done
		check "line-mode run $k: the entry has the $acked answers typed before the kill" \
			[ -z "$bad" ]
	fi
	[ "$rc" -eq 137 ] && [ -z "$done_id" ] && kills=$((kills + 1)) && {
		[ "$mode" = point ] && kills_point=$((kills_point + 1)) || kills_timed=$((kills_timed + 1)); }
	observe "$W/known"
}

# ---- backup and creation -------------------------------------------------------------
op_backup() {
	dest=$SANDBOX/backups/b-$ops.db
	cp "$W/known" "$W/new"
	: >"$W/in"
	choose backup
	n_live=$(sqlite3 "$J" "SELECT count(*) FROM entry")
	run_op backup backup "$dest"
	settle "backup"
	if [ -e "$dest" ]; then
		got=$(sqlite3 "$dest" "PRAGMA integrity_check; SELECT count(*) FROM entry" | tr '\n' ' ')
		check "backup: the copy is whole (ok, $n_live entries)" [ "$got" = "ok $n_live " ]
		check "backup: the copy is private (0600)" [ "$(mode_of "$dest")" = 600 ]
		rm -f "$dest"
	else
		check "backup: a backup reported done exists" [ "$rc" -ne 0 ]
	fi
	rm -f "$SANDBOX"/backups/*.tmp-*
}

op_create() {
	fresh=$SANDBOX/fresh
	rm -rf "$fresh"; mkdir -m 700 "$fresh"
	choose create
	: >"$W/in"
	if [ "$mode" = point ]; then
		PXF_DIR=$fresh PXF_KILL_AT=$point LD_PRELOAD=$SHIM \
			"$PX_REL" --db "$fresh/journal.db" add "the very first words" \
			<"$W/in" >"$W/out" 2>"$W/err"
		rc=$?
	else
		"$PX_REL" --db "$fresh/journal.db" add "the very first words" \
			<"$W/in" >"$W/out" 2>"$W/err" &
		pid=$!; sleep "$delay"; kill -9 "$pid" 2>/dev/null; wait "$pid"; rc=$?
	fi
	ops=$((ops + 1)) killed=$rc
	run "$PX_REL" --db "$fresh/journal.db" add "after the crash"
	r1=$rc
	run "$PX_REL" --db "$fresh/journal.db" check
	n=$(sqlite3 "$fresh/journal.db" "SELECT count(*) FROM entry WHERE body = 'the very first words'")
	if [ "$r1" -eq 0 ] && [ "$rc" -eq 0 ] && [ "$n" -le 1 ]; then
		ok_ "create a journal: killed $where; it opens, takes an entry and checks ok"
	else
		fail_ "create a journal: usable after a kill $where" "add $r1, check $rc, first $n"
	fi
	if [ "$killed" -eq 137 ]; then
		kills=$((kills + 1))
		[ "$mode" = point ] && kills_point=$((kills_point + 1)) || kills_timed=$((kills_timed + 1))
	fi
}

# ---- imports -------------------------------------------------------------------------
# A file of 2 or 3 new entries, one time in four one of them 300 KB (a kill
# at a durable operation then falls among hundreds of page writes):
# praxis JSON (the first entry with two answers and an action, the rest as
# op_add writes them) or a jrnl text journal (whose @words become #tags).
# Killed, the journal has all of them or none; then the same import runs
# again and completes, adding nothing when the first had landed.
uuid_for() { printf '00000000-c0de-4000-8000-%012d' "$1"; }
json_text() { awk '{ if (NR > 1) printf "\\n"; printf "%s", $0 }'; }

op_import() {
	rand 2; fmt=praxis; [ "$r" -eq 1 ] && fmt=jrnl
	rand 2; n=$((r + 2))
	rand $((4 * n)); bigk=$((next_k + r))   # one of them big, a quarter of the time
	k0=$next_k; next_k=$((next_k + n))
	f=$W/import-$k0.$fmt
	cp "$W/known" "$W/new"
	: >"$f"
	[ "$fmt" = praxis ] && printf '{"format": "praxis-journal", "version": 1, "entries": [\n' >"$f"
	k=$k0
	while [ "$k" -lt "$next_k" ]; do
		big=; [ "$k" -eq "$bigk" ] && big=big
		if [ "$fmt" = praxis ]; then
			body_for "$k" 1 "$big" >"$W/body"
			[ "$k" -gt "$k0" ] && printf ',\n' >>"$f"
			printf '{"uuid": "%s", "frame": "note", "title": "crash-%s", "occurred_at": "2026-03-01 10:00:00", "explicit_tags": ["crash"], "body": "%s"' \
				"$(uuid_for "$k")" "$k" "$(json_text <"$W/body")" >>"$f"
			if [ "$k" -eq "$k0" ]; then
				printf ', "template": {"id": "crash-run", "version": 1}, "answers": [{"step": "what", "kind": "text", "text": "IA-%s what"}, {"step": "why", "kind": "text", "text": "because"}]' "$k" >>"$f"
				echo "crash-$k|live|$(hash_of "$W/body")|crash,t$k-1|P$k|2|1|1" >>"$W/new"
			else
				line_for "$k" live "$(hash_of "$W/body")" 1 >>"$W/new"
				[ -n "$big" ] && eval "big_$k=1"
			fi
			printf '}' >>"$f"
		else
			body_for "$k" 1 "$big" | sed 's/@P/#P/' >"$W/body"
			{ printf '[2026-03-01 10:%02d] crash-%s\n' $((k % 60)) "$k"
			  body_for "$k" 1 "$big"; printf '\n\n'; } >>"$f"
			echo "crash-$k|live|$(hash_of "$W/body")|P$k,t$k-1||0|1|0" >>"$W/new"
		fi
		k=$((k + 1))
	done
	[ "$fmt" = praxis ] && printf '\n], "actions": [{"uuid": "%s", "planned_by": "%s", "text": "Try import %s", "due_date": "2026-03-20", "status": "open"}]}\n' \
		"$(uuid_for $((k0 + 900000)))" "$(uuid_for "$k0")" "$k0" >>"$f"
	LC_ALL=C sort "$W/new" >"$W/new.sorted" && mv "$W/new.sorted" "$W/new"
	: >"$W/in"
	choose import
	run_op import import "$f"
	settle "import $n entries ($fmt, crash-$k0 to crash-$((next_k - 1)))"
	[ "$rc" -eq 137 ] && import_kills=$((import_kills + 1))
	# Again, unkilled: it completes, and adds nothing if the first had landed.
	landed=0; matches "$W/new" "$W/known" && landed=1
	run "$PX_REL" --db "$J" import "$f"
	want="$n entries"; [ "$landed" -eq 1 ] && want="0 entries ($n already there)"
	if [ "$rc" -eq 0 ] && observe "$W/obs" && matches "$W/new" "$W/obs" &&
	   case $out in *": $want,"*) true ;; *) false ;; esac; then
		ok_ "import crash-$k0.. again: it completes, each entry there once ('$want')"
	else
		fail_ "import crash-$k0.. again completes, each entry once" \
			"wanted '$want'; $(diff "$W/new" "$W/obs" | head -n 6)"
	fi
	imports=$((imports + 1))
	cp "$W/obs" "$W/known"
	rm -f "$f"
}

# ---- the run -------------------------------------------------------------------------------
pick_op() {
	rand 100
	if   [ "$r" -lt 21 ]; then op_add
	elif [ "$r" -lt 28 ]; then op_add big; eval "big_$k=1"
	elif [ "$r" -lt 41 ]; then op_edit
	elif [ "$r" -lt 51 ]; then op_move rm
	elif [ "$r" -lt 56 ]; then op_move restore
	elif [ "$r" -lt 61 ]; then op_empty
	elif [ "$r" -lt 72 ]; then op_run
	elif [ "$r" -lt 83 ]; then op_lines
	elif [ "$r" -lt 89 ]; then op_backup
	elif [ "$r" -lt 95 ]; then op_import
	else op_create
	fi
}

start=$(now_ms)
iterations=0
while [ "$kills" -lt "$KILLS" ] && [ "$iterations" -lt $((KILLS * 6)) ]; do
	iterations=$((iterations + 1))
	# The first two are imports, so that even check's 20 kills take some.
	if [ "$iterations" -le 2 ]; then op_import; else pick_op; fi
done
check "reached $KILLS kills in $iterations operations" [ "$kills" -ge "$KILLS" ]
secs=$(( ($(now_ms) - start) / 1000 ))
entries=$(grep -c '^crash-' "$W/known")
echo "# crash figures: $kills kills survived ($kills_point at a chosen durable operation," \
	"$kills_timed at a random time); $ops operations, $changes completed changes checked," \
	"$errors clean failures, $drafts_checked draft answers checked, $imports imports" \
	"($import_kills killed) each run again to completion, $entries entries" \
	"in the final journal; ${secs}s; seed $SEED"
finish
