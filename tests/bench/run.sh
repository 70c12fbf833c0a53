#!/bin/sh
# tests/bench/run.sh — `make bench`: how fast the real ./praxis is on
# journals of 1k, 10k and 100k entries (BENCH_SIZES="1000 10000" to
# choose), printed as one table judged against the targets of the issue:
# at 100k entries `list -n 20` and `search WORD` under 20 ms wall and 20 MB
# peak memory, and list independent of journal size.
#
# 1. gen builds each journal in a private temporary directory (mktemp -d,
#    removed at the end) through the core API; see gen.c for what is in it.
# 2. measure (measure.c) runs each command BENCH_RUNS times (default 11)
#    after one untimed warm-up, as a fresh process with stdout on
#    /dev/null, so lists and searches print tab-separated as in a pipe; the
#    table shows the median and fastest wall time and the largest peak RSS.
#    Figures are for a warm page cache.  `add` runs last on each journal
#    because it changes it (by BENCH_RUNS + 1 entries).
# 3. every tests/bench/bench_*.sh is run with the largest journal in
#    BENCH_DB (lib.sh lists what else they get).
# BENCH_SEED (default 1) chooses the generated journals.  Exit status: 1
# when a command failed; an OVER verdict only fails the run with
# BENCH_STRICT=1, since timings on a shared machine carry noise.
set -u
cd "$(dirname "$0")/../.." || exit 1
TOP=$(pwd)
PRAXIS=$TOP/praxis
GEN=$TOP/build/release/bench/gen
MEASURE=$TOP/build/release/bench/measure
for f in "$PRAXIS" "$GEN" "$MEASURE"; do
	[ -x "$f" ] || { echo "bench: '$f' is missing; run 'make bench'" >&2; exit 1; }
done

BENCH_SIZES=${BENCH_SIZES:-1000 10000 100000}
for n in $BENCH_SIZES; do
	case $n in
	'' | *[!0-9]* | 0*) echo "bench: BENCH_SIZES: '$n' is not a positive whole number" >&2
		exit 2 ;;
	esac
done
case ${BENCH_RUNS:-11} in
'' | *[!0-9]* | 0*) echo "bench: BENCH_RUNS: '$BENCH_RUNS' is not a positive whole number" >&2
	exit 2 ;;
esac
[ -n "$BENCH_SIZES" ] || { echo "bench: BENCH_SIZES is empty" >&2; exit 2; }

BENCH_TMP=$(mktemp -d) || exit 1
chmod 700 "$BENCH_TMP"
trap 'rm -rf "$BENCH_TMP"' EXIT
trap 'exit 130' INT TERM

# The same sandbox as the CLI tests: nothing of the caller's journal,
# configuration or clock leaks in.
unset XDG_DATA_HOME XDG_CONFIG_HOME XDG_STATE_HOME XDG_CACHE_HOME EDITOR VISUAL
for v in $(env | sed -n 's/^\(PRAXIS_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done
export HOME="$BENCH_TMP/home" TZ=UTC LC_ALL=C.UTF-8 PRAXIS_NOW="2026-03-10T09:00:00"
mkdir -p "$HOME"
BENCH_RESULTS=$BENCH_TMP/results
: >"$BENCH_RESULTS"
export PRAXIS MEASURE BENCH_TMP BENCH_RESULTS BENCH_RUNS=${BENCH_RUNS:-11}
. "$TOP/tests/bench/lib.sh"

# What gen.c writes: the most used tag, one from the Zipf tail, one used
# only in the journal's first months, a family; a word in about half the
# entries, one in nine entries of ten, and one in about one entry in 500.
COMMON_TAG=feedback RARE_TAG=power/coercive OLD_TAG=induction FAMILY=power/
COMMON_WORD=feedback FREQUENT_WORD=team RARE_WORD=sabbatical
SEED=${BENCH_SEED:-1}
status=0

db_for() { echo "$BENCH_TMP/journal-$1.db"; }

# How many live entries carry tag $2 in journal $1 (a full list, piped).
tag_count() { "$PRAXIS" --db "$1" list --tag "$2" | wc -l | tr -d ' '; }

generate() {
	n=$1 db=$(db_for "$1")
	echo "== generating $n entries (seed $SEED)"
	if ! "$GEN" --entries "$n" --db "$db" --seed "$SEED" --probe "$COMMON_WORD" \
		--probe "$FREQUENT_WORD" --probe "$RARE_WORD" >"$BENCH_TMP/gen.out"; then
		echo "bench: generating $n entries failed" >&2
		return 1
	fi
	sed 's/^gen: /   /' "$BENCH_TMP/gen.out"
	bytes=$(cat "$db" "$db-wal" 2>/dev/null | wc -c)
	printf '   journal %s MB; tagged %s: %s, %s: %s, %s: %s, %s: %s entries\n' \
		"$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')" \
		"$COMMON_TAG" "$(tag_count "$db" "$COMMON_TAG")" "$RARE_TAG" \
		"$(tag_count "$db" "$RARE_TAG")" "$OLD_TAG" "$(tag_count "$db" "$OLD_TAG")" \
		"$FAMILY" "$(tag_count "$db" "$FAMILY")"
}

# each NAME TARGET_MS TARGET_MB ARGS...: one row per journal size.
each() {
	e_name=$1 e_tms=$2 e_tmb=$3
	shift 3
	for n in $SIZES; do
		bench_op "$e_name" "$n" "$e_tms" "$e_tmb" "$PRAXIS" --db "$(db_for "$n")" "$@" ||
			status=1
	done
}

echo "praxis benchmarks: $(nproc 2>/dev/null || echo '?') cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null), PRAXIS_NOW=$PRAXIS_NOW, $BENCH_RUNS runs each"
SIZES=
for n in $BENCH_SIZES; do
	if generate "$n"; then SIZES="$SIZES $n"; else status=1; fi
done
[ -n "$SIZES" ] || exit 1

echo
bench_header
each "list -n 20" 20 20 list -n 20
each "list -n 20 --tag $COMMON_TAG" 20 20 list -n 20 --tag "$COMMON_TAG"
each "list -n 20 --tag $RARE_TAG" 20 20 list -n 20 --tag "$RARE_TAG"
each "list -n 20 --tag $OLD_TAG (old)" 20 20 list -n 20 --tag "$OLD_TAG"
each "list -n 20 --tag $FAMILY (family)" 20 20 list -n 20 --tag "$FAMILY"
each "list -n 20 --frame period" 20 20 list -n 20 --frame period
each "search $COMMON_WORD" 20 20 search "$COMMON_WORD"
each "search $FREQUENT_WORD" 20 20 search "$FREQUENT_WORD"
each "search $RARE_WORD" 20 20 search "$RARE_WORD"
each "tags" - - tags
each "add (one more entry)" - - add -g bench "A benchmark note about the #handover with @Sam."

# "Independent of journal size": the plain first page, smallest journal
# against largest, allowing 50% (or 1 ms) for a fresh process's noise.
awk -F'\t' '$2 == "list -n 20" && $1 != "FAILED" { ms[++k] = $4; n[k] = $3 }
	END {
		if (k < 2) exit
		ok = ms[k] <= ms[1] * 1.5 || ms[k] - ms[1] <= 1
		printf "\nlist -n 20 from %d to %d entries: %.2f -> %.2f ms (x%.2f): %s\n",
			n[1], n[k], ms[1], ms[k], ms[k] / ms[1],
			ok ? "independent of size, OK" : "grows with the journal, OVER"
		if (!ok) print "OVER\tlist scaling" >> ENVIRON["BENCH_RESULTS"]
	}' "$BENCH_RESULTS"

# Benchmarks other parts of praxis add (UI, export...), on the largest journal.
BENCH_N=$(echo $SIZES | awk '{ print $NF }')
BENCH_DB=$(db_for "$BENCH_N")
export BENCH_N BENCH_DB
for script in "$TOP"/tests/bench/bench_*.sh; do
	[ -f "$script" ] || continue
	echo
	echo "== $(basename "$script") on $BENCH_N entries"
	sh "$script" || { echo "bench: $(basename "$script") failed" >&2; status=1; }
done

echo
awk -F'\t' '{ c[$1]++ } END {
	printf "%d OK, %d OVER, %d failed, %d without a target\n", c["OK"], c["OVER"], c["FAILED"], c["-"]
}' "$BENCH_RESULTS"
if [ "${BENCH_STRICT:-0}" = 1 ] && grep -q '^OVER' "$BENCH_RESULTS"; then status=1; fi
exit "$status"
