#!/bin/sh
# tests/bench/bench_export.sh — export and import on the largest benchmark
# journal (run by tests/bench/run.sh, which sets BENCH_DB and the rest; see
# lib.sh).  The targets are the issue's:
#   - exporting every entry to each format (standard output, /dev/null)
#     within twice the time of the floor, reading the rows' text with
#     sqlite3 "select title, body from entry" on the same journal;
#   - importing a praxis JSON export of it, and a jrnl text journal of the
#     same entries, into an empty journal in under 5 s.
# Imports start from a fresh journal each run, so they are timed fewer times
# (BENCH_IMPORT_RUNS, default 3).
set -u
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "bench: sqlite3 (the program) is needed" >&2; exit 1; }

status=0
floor_line=$("$MEASURE" -k "$BENCH_RUNS" -- sqlite3 "$BENCH_DB" "select title, body from entry") ||
	exit 1
set -- $floor_line
floor=$1
target=$(awk -v f="$floor" 'BEGIN { printf "%.0f", 2 * f }')
printf '%-42s %8s %10s %9s %8s  %-14s %s\n' "floor: sqlite3 select title, body" "$BENCH_N" \
	"$1" "$2" "$(awk -v kb="$3" 'BEGIN { printf "%.1f", kb / 1024 }')" "-" "-"

for format in md html json txt; do
	bench_op "export --format $format" "$BENCH_N" "$target" - \
		"$PRAXIS" --db "$BENCH_DB" export --format "$format" || status=1
done
bench_op "export --format md --anonymise" "$BENCH_N" - - \
	"$PRAXIS" --db "$BENCH_DB" export --format md --anonymise || status=1
# What is handed to a tutor: a week (the one before PRAXIS_NOW), read by
# index rather than by a pass over the journal's links.
week_n=$(sqlite3 "$BENCH_DB" "select count(*) from entry where deleted_at is null
	and private = 0 and occurred_at between '2026-03-02' and '2026-03-08 23:59:59'")
bench_op "export --format md, one week" "$week_n" - - \
	"$PRAXIS" --db "$BENCH_DB" export --range 2026-03-02..2026-03-08 || status=1

# The files to import: praxis's own export, and the same entries written as
# jrnl writes its text journal ("[date] title", body, a blank line).
"$PRAXIS" --db "$BENCH_DB" export --format json -o "$BENCH_TMP/export.json" >/dev/null || exit 1
sqlite3 "$BENCH_DB" "select printf('[%s] %s%s%s%s', occurred_at, replace(title, char(10), ' '),
	char(10), body, char(10)) from entry where deleted_at is null and private = 0
	order by occurred_at, id" >"$BENCH_TMP/journal.txt" || exit 1
printf '   files to import: praxis JSON %s MB, jrnl text %s MB\n' \
	"$(awk -v b="$(wc -c <"$BENCH_TMP/export.json")" 'BEGIN { printf "%.1f", b / 1048576 }')" \
	"$(awk -v b="$(wc -c <"$BENCH_TMP/journal.txt")" 'BEGIN { printf "%.1f", b / 1048576 }')"

fresh=$BENCH_TMP/import.db
export fresh PRAXIS
for file in export.json journal.txt; do
	BENCH_RUNS=${BENCH_IMPORT_RUNS:-3} bench_op "import $file (empty journal)" "$BENCH_N" 5000 - \
		sh -c 'rm -f "$fresh" "$fresh-wal" "$fresh-shm" && exec "$PRAXIS" --db "$fresh" import "$1" >/dev/null' \
		sh "$BENCH_TMP/$file" || status=1
done
rm -f "$fresh" "$fresh-wal" "$fresh-shm"
exit "$status"
