# tests/bench/lib.sh — what run.sh and every tests/bench/bench_*.sh share:
# timing one operation with measure and printing it as a row of the one
# benchmark table, judged against its targets.
#
# run.sh exports, and bench_*.sh scripts may rely on:
#   PRAXIS        the release ./praxis, as an absolute path
#   MEASURE       build/release/bench/measure (see measure.c)
#   BENCH_DB      the largest journal generated (100k entries by default);
#                 scripts may write to it, it is thrown away at the end
#   BENCH_N       how many entries it was generated with
#   BENCH_TMP     a private temporary directory (0700), removed at the end
#   BENCH_RUNS    timed runs per operation (default 11)
#   BENCH_RESULTS a file each row is appended to, for the closing summary
# and a sandbox: HOME inside BENCH_TMP, XDG_* and PRAXIS_DB unset, TZ=UTC,
# LC_ALL=C.UTF-8, PRAXIS_NOW fixed.
#
# In a script:   . "$(dirname "$0")/lib.sh"
#                bench_op "export --format json" "$BENCH_N" 500 20 \
#                    "$PRAXIS" --db "$BENCH_DB" export --format json
# TARGET_MS and TARGET_MB are the budget for the median wall time and the
# peak RSS; "-" means no target (the row is information only).

BENCH_RUNS=${BENCH_RUNS:-11}

bench_header() {
	printf '%-42s %8s %10s %9s %8s  %-14s %s\n' \
		"operation" "entries" "median ms" "min ms" "RSS MB" "target" "verdict"
}

# bench_verdict MEDIAN_MS RSS_MB TARGET_MS TARGET_MB: prints OK, OVER or -.
bench_verdict() {
	awk -v ms="$1" -v mb="$2" -v tms="$3" -v tmb="$4" 'BEGIN {
		if (tms == "-" && tmb == "-") { print "-"; exit }
		over = (tms != "-" && ms + 0 > tms + 0) || (tmb != "-" && mb + 0 > tmb + 0)
		print over ? "OVER" : "OK"
	}'
}

# bench_op NAME N TARGET_MS TARGET_MB CMD...: time CMD, print its row.
# Returns 1 (after measure has said why) when CMD fails.
bench_op() {
	# Function variables are global in sh: keep to a prefix callers avoid.
	bo_name=$1 bo_n=$2 bo_tms=$3 bo_tmb=$4
	shift 4
	if ! bo_line=$("$MEASURE" -k "$BENCH_RUNS" -- "$@"); then
		printf '%-42s %8s  FAILED (see above)\n' "$bo_name" "$bo_n"
		printf 'FAILED\t%s\t%s\n' "$bo_name" "$bo_n" >>"$BENCH_RESULTS"
		return 1
	fi
	set -- $bo_line
	bench_row "$bo_name" "$bo_n" "$1" "$2" "$(awk -v kb="$3" 'BEGIN { printf "%.1f", kb / 1024 }')" \
		"$bo_tms" "$bo_tmb"
}

# bench_row NAME N MEDIAN_MS MIN_MS RSS_MB TARGET_MS TARGET_MB: print one
# row of the table, judged, and record it for the summary (for scripts
# that time something measure cannot run, such as the full-screen UI).
bench_row() {
	br_verdict=$(bench_verdict "$3" "$5" "$6" "$7")
	if [ "$6" = "-" ] && [ "$7" = "-" ]; then
		br_target="-"
	else
		br_target="$6 ms, $7 MB"
	fi
	printf '%-42s %8s %10s %9s %8s  %-14s %s\n' "$1" "$2" "$3" "$4" "$5" "$br_target" \
		"$br_verdict"
	printf '%s\t%s\t%s\t%s\t%s\n' "$br_verdict" "$1" "$2" "$3" "$5" >>"$BENCH_RESULTS"
}
