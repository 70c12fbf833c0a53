#!/bin/sh
# A full disk and read-only media.  Through faultshim.so, every write to the
# journal's folder fails with ENOSPC from the Nth durable operation on (for
# every N a change takes), or the folder acts as a read-only filesystem;
# and a real read-only folder is tried as another user.  Proven:
#   - a change either lands or fails with one line saying the disk is full,
#     and the journal checks clean afterwards, the change whole or absent;
#   - text typed in the editor, and answers typed in line mode, are kept:
#     as a draft, else in a private recovery file elsewhere, else printed;
#   - a read-only journal opens for reading with a notice, refuses changes
#     in one line, and is not touched.
# PRAXIS_DISK_STEP=1 (make torture) tries every fault point of every sweep;
# make check tries every one for add and every 3rd to 5th for the others.
STEP=${PRAXIS_DISK_STEP:-}
. "$(dirname "$0")/../lib.sh"   # unsets PRAXIS_*: read ours first
. "$TOP/tests/reliability/lib.sh"

export ASAN_OPTIONS="$ASAN_SHIM_OPTIONS"
D=$SANDBOX/disk
mkdir -m 700 "$D"
DB=$D/journal.db
points=0 start=$(now_ms)

# full N ARGS...: praxis on a disk that fills at durable operation N.
full() {
	n=$1; shift
	PXF_DIR=$D PXF_ENOSPC_AT=$n LD_PRELOAD=$SHIM run "$PRAXIS" --db "$DB" "$@"
}
# count ARGS...: how many durable operations praxis makes for ARGS.
count() {
	rm -f "$SANDBOX/count"
	PXF_DIR=$D PXF_COUNT=$SANDBOX/count LD_PRELOAD=$SHIM "$PRAXIS" --db "$DB" "$@" \
		>/dev/null 2>&1 </dev/null
	tail -n 1 "$SANDBOX/count"
}
sound() { "$PX_REL" --db "$DB" check >/dev/null 2>&1 && fts_ok "$DB" >/dev/null; }
entries() { sqlite3 "$DB" "SELECT count(*) FROM entry WHERE body = '$1'"; }

px add "the journal before the disk fills"
expect_rc 0 "setup"

# ---- every fault point of a change -----------------------------------------------
# sweep NAME STEP SETUP CHANGED ARGS...: for N = 1, 1+STEP, ... past the
# change's durable operations, run it on a disk full from N; it must land
# (CHANGED says it did) or fail, first saying the disk is full (then maybe
# where the text went instead), and leave it undone; the journal sound
# either way.
sweep() {
	name=$1 step=$2 setup=$3 changed=$4; shift 4
	$setup
	total=$(count "$@")
	$setup
	bad= landed=0 failed=0 n=1
	while [ "$n" -le $((total + 1)) ]; do
		$setup
		full "$n" "$@"
		points=$((points + 1))
		first=$(printf '%s\n' "$err" | head -n 1)
		if [ "$rc" -eq 0 ] && $changed; then landed=$((landed + 1))
		elif [ "$rc" -eq 1 ] && ! $changed && ! printf '%s\n' "$err" | grep -qv '^praxis: ' &&
		     case $first in *"disk is full"*) true ;; *) false ;; esac; then failed=$((failed + 1))
		else bad="$bad $n(status $rc: $err)"
		fi
		sound || bad="$bad $n(journal not sound)"
		n=$((n + step))
	done
	if [ -z "$bad" ]; then
		ok_ "$name on a disk full from each of $total durable operations: $landed landed, $failed failed cleanly"
	else
		fail_ "$name on a filling disk: lands or fails cleanly" "at$(echo "$bad" | head -c 600)"
	fi
}

marker_setup() { sqlite3 "$DB" "UPDATE entry SET body = 'old' WHERE body = 'sweep marker'"; }
marker_landed() { [ "$(entries "sweep marker")" = 1 ]; }
sweep "add" "${STEP:-1}" marker_setup marker_landed add "sweep marker"

# The editor is the user's own program: the fault is the journal's disk,
# so it writes without the shim.
cat >"$SANDBOX/editor" <<'EOF'
#!/bin/sh
exec env -u LD_PRELOAD sh -c 'printf "# Edited\n\n%s\n" "$EDIT_TEXT" >"$1"' sh "$1"
EOF
chmod +x "$SANDBOX/editor"
export EDITOR="$SANDBOX/editor" EDIT_TEXT="edited under pressure"
edit_setup() { sqlite3 "$DB" "UPDATE entry SET body = 'before', title = '' WHERE id = 1"; }
edit_landed() { [ "$(entries "edited under pressure")" = 1 ]; }
sweep "edit" "${STEP:-4}" edit_setup edit_landed edit 1

trash_setup() {
	"$PX_REL" --db "$DB" add "to be emptied" >/dev/null
	id=$(sqlite3 "$DB" "SELECT max(id) FROM entry WHERE body = 'to be emptied'")
	"$PX_REL" --db "$DB" rm "$id" >/dev/null
}
trash_landed() { [ "$(sqlite3 "$DB" "SELECT count(*) FROM entry WHERE deleted_at IS NOT NULL")" = 0 ]; }
sweep "trash --empty" "${STEP:-4}" trash_setup trash_landed trash --empty

export XDG_CONFIG_HOME="$SANDBOX/config"
mkdir -p "$XDG_CONFIG_HOME/praxis/prompts"
cat >"$XDG_CONFIG_HOME/praxis/prompts/disk-run.yaml" <<'EOF'
# Three text steps, for the full-disk test.
praxis_template: 1
id: disk-run
version: 1
name: Disk run
frames: [note]
steps:
  - {id: one, kind: text, prompt: First?}
  - {id: two, kind: text, prompt: Second?}
  - {id: three, kind: text, prompt: Third?}
  - {id: when, kind: date, prompt: When next?}
EOF
printf 'one: run answer one\ntwo: run answer two\nthree: run answer three\n' >"$SANDBOX/run.yaml"
run_setup() { sqlite3 "$DB" "PRAGMA foreign_keys = ON; DELETE FROM entry WHERE title = 'disk run'; DELETE FROM draft"; }
run_landed() { [ "$(sqlite3 "$DB" "SELECT count(*) FROM entry WHERE title = 'disk run'")" = 1 ]; }
sweep "new --answers" "${STEP:-5}" run_setup run_landed \
	new --template disk-run --title "disk run" --answers "$SANDBOX/run.yaml"

# ---- typed text is never lost ---------------------------------------------------------
# on_tty CMD: run CMD on a terminal (script(1)), as the editor paths need.
on_tty() {
	run script -qec "$1" /dev/null
	err=$(printf '%s' "$out" | tr -d '\r') out=
}
REC=$HOME/.local/state/praxis/recovered
# kept TEXT: TEXT is in an entry, an answer, a draft or a recovery file.
kept() {
	[ "$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM entry WHERE body LIKE '%$1%')
		+ (SELECT count(*) FROM answer WHERE value_text LIKE '%$1%')
		+ (SELECT count(*) FROM draft WHERE payload LIKE '%$1%')")" -gt 0 ] ||
		grep -rqF -- "$1" "$REC" 2>/dev/null
}
# typed_sweep NAME STEP CMD: on a disk full from each fault point of CMD
# (run on a terminal), what the editor wrote is never lost.
typed_sweep() {
	name=$1 step=$2 cmd=$3
	rm -f "$SANDBOX/count"
	on_tty "PXF_DIR='$D' PXF_COUNT='$SANDBOX/count' LD_PRELOAD='$SHIM' $cmd"
	total=$(tail -n 1 "$SANDBOX/count")
	bad= typed=0 n=1
	while [ "$n" -le $((total + 1)) ]; do
		rm -f "$SANDBOX/editor-ran"
		export EDIT_TEXT="typed for $name at fault $n"
		on_tty "PXF_DIR='$D' PXF_ENOSPC_AT=$n LD_PRELOAD='$SHIM' $cmd"
		points=$((points + 1))
		if [ -e "$SANDBOX/editor-ran" ]; then
			typed=$((typed + 1))
			kept "$EDIT_TEXT" || bad="$bad $n($(echo "$err" | head -n 2 | tr '\n' ' '))"
		fi
		sound || bad="$bad $n(journal not sound)"
		n=$((n + step))
	done
	if [ -z "$bad" ]; then
		ok_ "$name on a disk full from each of $total durable operations: the text typed ($typed times) was kept every time"
	else
		fail_ "$name on a filling disk keeps what was typed" "lost at$(echo "$bad" | head -c 600)"
	fi
}
printf '%s\n' '#!/bin/sh' ': >"$SANDBOX/editor-ran"' \
	'exec env -u LD_PRELOAD sh -c '"'"'printf "# Edited\n\n%s\n" "$EDIT_TEXT" >"$1"'"'"' sh "$1"' \
	>"$SANDBOX/editor"
export SANDBOX
typed_sweep "add in the editor" "${STEP:-3}" "'$PRAXIS' --db '$DB' add"
typed_sweep "edit" "${STEP:-3}" "'$PRAXIS' --db '$DB' edit 1"
check "recovery files are private (0600, in 0700 folders)" \
	[ -z "$(bad_modes "$HOME/.local/state/praxis")" ]

export EDIT_TEXT="words with nowhere to go"
on_tty "XDG_STATE_HOME='$D/state' TMPDIR='$D' PXF_DIR='$D' PXF_ENOSPC_AT=5 LD_PRELOAD='$SHIM' '$PRAXIS' --db '$DB' add"
expect_err "here is your text" "with no file writable anywhere, the text is printed"
expect_err "words with nowhere to go" "in full"

# Line mode: every answer praxis took (the next prompt showed) is kept.
rm -f "$SANDBOX/count"
printf 'line one\n.\nline two\n.\nline three\n.\n+7d\n' | PXF_DIR=$D PXF_COUNT=$SANDBOX/count \
	LD_PRELOAD=$SHIM "$PRAXIS" --db "$DB" new --template disk-run --title "lines" >/dev/null 2>&1
total=$(tail -n 1 "$SANDBOX/count")
bad= n=1 taken=0
while [ "$n" -le $((total + 1)) ]; do
	tag=L$n
	printf '%s one\n.\n%s two\n.\n%s three\n.\n+7d\n' "$tag" "$tag" "$tag" |
		PXF_DIR=$D PXF_ENOSPC_AT=$n LD_PRELOAD=$SHIM "$PRAXIS" --db "$DB" new \
		--template disk-run --title "lines" >"$SANDBOX/.out" 2>"$SANDBOX/.err"
	points=$((points + 1))
	i=1
	for word in one two three; do
		i=$((i + 1))
		if grep -qF "[$i/4]" "$SANDBOX/.out"; then
			taken=$((taken + 1))
			kept "$tag $word" || bad="$bad $n:$word($(head -n 3 "$SANDBOX/.err" | tr '\n' ' '))"
		fi
	done
	sound || bad="$bad $n(journal not sound)"
	n=$((n + ${STEP:-5}))
done
if [ -z "$bad" ]; then
	ok_ "line mode on a disk full from each of $total durable operations: all $taken answers taken were kept"
else
	fail_ "line mode on a filling disk keeps every answer taken" "lost at$(echo "$bad" | head -c 600)"
fi

# ---- backups and new journals ---------------------------------------------------------
B=$SANDBOX/backups
mkdir -m 700 "$B"
PXF_DIR=$B PXF_ENOSPC_AT=1 LD_PRELOAD=$SHIM run "$PRAXIS" --db "$DB" backup "$B/backup.db"
expect_rc 1 "a backup onto a full disk fails"
expect_one_line_error "in one line"
expect_err "backup failed" "saying the backup failed"
check "no backup or half backup is left" [ -z "$(ls "$B")" ]
check "the journal is sound" sound
rm -f "$D/fresh.db"
PXF_DIR=$D PXF_ENOSPC_AT=1 LD_PRELOAD=$SHIM run "$PRAXIS" --db "$D/fresh.db" add "first"
expect_rc 1 "a new journal on a full disk fails"
expect_err "disk is full" "saying the disk is full"
run "$PRAXIS" --db "$D/fresh.db" add "once there is room"
expect_rc 0 "once there is room, the same journal starts"

# ---- read-only media ---------------------------------------------------------------------
R=$SANDBOX/ro
mkdir -m 700 "$R"
"$PX_REL" --db "$R/journal.db" add "kept on read-only media" >/dev/null
sum=$(md5sum <"$R/journal.db")
ro() { PXF_DIR=$R PXF_ROFS=1 LD_PRELOAD=$SHIM run "$PRAXIS" --db "$R/journal.db" "$@"; }
ro list
expect_rc 0 "a journal on a read-only filesystem opens for reading"
expect_out "kept on read-only media" "and reads"
expect_err "note: the journal is read-only" "with a notice"
ro add "cannot"
expect_rc 1 "a change to it fails"
expect_err "read-only" "saying it is read-only"
ro check
expect_rc 0 "it can be checked"
ro backup "$SANDBOX/from-ro.db"
expect_rc 0 "and backed up elsewhere"
check "the read-only journal was not touched" [ "$(md5sum <"$R/journal.db")" = "$sum" ]
check "nothing was made beside it" [ "$(ls "$R")" = journal.db ]

# A real read-only folder, as a user who cannot write it.
as_user() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
	as_user() { runuser -u nobody -- "$@"; }
	owner=nobody
else
	owner=$(id -un)
fi
Q=$SANDBOX/roq
mkdir -m 755 "$Q"; chmod 755 "$SANDBOX"
cp "$R/journal.db" "$Q/journal.db"
chown -R "$owner" "$Q" 2>/dev/null
chmod 400 "$Q/journal.db"; chmod 500 "$Q"
as_user "$PX_REL" --db "$Q/journal.db" list >"$SANDBOX/.out" 2>"$SANDBOX/.err"
rc=$? out=$(cat "$SANDBOX/.out") err=$(cat "$SANDBOX/.err")
expect_rc 0 "a journal in a folder its user cannot write opens for reading"
expect_out "kept on read-only media" "and reads"
expect_err "note: the journal is read-only" "with the notice"
as_user "$PX_REL" --db "$Q/journal.db" add "no" >"$SANDBOX/.out" 2>"$SANDBOX/.err"
rc=$? err=$(cat "$SANDBOX/.err")
expect_rc 1 "and refuses a change"
check "in one line after the notice" [ "$(printf '%s\n' "$err" | grep -vc '^praxis: note:')" -eq 1 ]
chmod 700 "$Q" "$SANDBOX"

# Read-only media holding changes not yet folded in (a copy taken while a
# writer had the journal open): refused clearly rather than read stale.
W=$SANDBOX/walcopy
mkdir -m 700 "$W"
rm -f "$SANDBOX/hold"; mkfifo "$SANDBOX/hold"
sqlite3 "$R/journal.db" <"$SANDBOX/hold" >/dev/null 2>&1 &
holder=$!
exec 5>"$SANDBOX/hold"
echo "SELECT count(*) FROM entry;" >&5   # reads, so it holds the WAL open
"$PX_REL" --db "$R/journal.db" add "only in the WAL" >/dev/null
cp "$R/journal.db" "$R/journal.db-wal" "$W/"
exec 5>&-; wait "$holder"
PXF_DIR=$W PXF_ROFS=1 LD_PRELOAD=$SHIM run "$PRAXIS" --db "$W/journal.db" list
expect_rc 1 "read-only media with a pending WAL is refused"
expect_err "changes not yet folded" "and the error says why"
expect_one_line_error "in one line"

secs=$(( ($(now_ms) - start) / 1000 ))
echo "# full-disk figures: $points fault points tried across add, edit, trash --empty," \
	"new --answers, the editor and line mode; ${secs}s"
finish
