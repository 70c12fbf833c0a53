#!/bin/sh
# make bench: the review of one year and of the whole journal, on the
# largest generated journal (BENCH_DB).  Target from the review issue: a
# one-year review under 300 ms and 50 MB.  The generator's journal ends the
# day before PRAXIS_NOW and spans several years, so "last year" is full.
. "$(dirname "$0")/lib.sh"

if [ -z "${BENCH_DB:-}" ]; then
	echo "bench_review: no BENCH_DB (run through make bench)"
	exit 0
fi
bench_op "review last year" "$BENCH_N" 300 50 \
	"$PRAXIS" --db "$BENCH_DB" review last year
bench_op "review last year --format json" "$BENCH_N" 300 50 \
	"$PRAXIS" --db "$BENCH_DB" review last year --format json
bench_op "review last month" "$BENCH_N" - - \
	"$PRAXIS" --db "$BENCH_DB" review last month
bench_op "review of the whole journal" "$BENCH_N" - 50 \
	"$PRAXIS" --db "$BENCH_DB" review 1900-01-01..today
