#!/bin/sh
# make check's part of the fuzzing: every fuzz target, built with the
# sanitisers against replay.c, runs over its whole seed corpus (which also
# holds every input a fuzzer ever broke a promise with), and must get
# through every input without a sanitizer report or a failed check.
. "$(dirname "$0")/../lib.sh"

total=0
for src in "$TOP"/tests/fuzz/fuzz_*.c; do
	name=$(basename "$src" .c); name=${name#fuzz_}
	bin=${REPLAY_DIR:-$TOP/build/check/fuzz}/$name
	corpus=$TOP/tests/fuzz/corpus/$name
	n=$(find "$corpus" -type f 2>/dev/null | wc -l)
	check "fuzz target '$name' has a seed corpus" [ "$n" -gt 0 ]
	(cd "$TOP" && "$bin" "$corpus") >"$SANDBOX/$name.out" 2>"$SANDBOX/$name.err"
	rc=$?
	out=$(cat "$SANDBOX/$name.out") err=$(tail -n 20 "$SANDBOX/$name.err")
	expect_rc 0 "fuzz target '$name' replays its $n inputs cleanly"
	expect_out "replayed $n inputs" "fuzz target '$name' ran every input"
	total=$((total + n))
done
echo "# fuzz replay figures: $total corpus inputs replayed"
finish
