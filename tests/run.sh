#!/bin/sh
# Run every test `make check` knows about and print one closing line:
#   N passed, N failed
# Unit tests are cmocka binaries (arguments); CLI and TUI tests are shell
# scripts that report their own counts through tests/lib.sh.
set -u
cd "$(dirname "$0")/.."
passed=0 failed=0
results=$(mktemp -d) || exit 1
trap 'rm -rf "$results"' EXIT INT TERM

for bin in "$@"; do
	name=$(basename "$bin")
	if CMOCKA_MESSAGE_OUTPUT=stdout "$bin" >"$results/$name.log" 2>&1; then
		st=ok
	else
		st=FAIL
	fi
	n=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$results/$name.log" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$results/$name.log" | tail -n 1)
	n=${n:-0} f=${f:-0}
	[ "$st" = FAIL ] && [ "$f" -eq 0 ] && f=1   # crashed or sanitizer abort
	passed=$((passed + n)) failed=$((failed + f))
	printf '%-4s unit/%s: %s passed, %s failed\n' "$st" "$name" "$n" "$f"
	[ "$st" = FAIL ] && sed 's/^/    /' "$results/$name.log" | tail -n 40
done

for dir in tests/cli tests/tui tests/fuzz; do
	for script in "$dir"/test_*.sh; do
		[ -f "$script" ] || continue
		name=${script#tests/}
		PRAXIS_TEST_COUNTS="$results/counts" sh "$script" >"$results/log" 2>&1
		rc=$?
		n=0 f=0
		[ -f "$results/counts" ] && read -r n f <"$results/counts"
		rm -f "$results/counts"
		[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
		passed=$((passed + n)) failed=$((failed + f))
		if [ "$rc" -eq 0 ]; then st=ok; else st=FAIL; fi
		printf '%-4s %s: %s passed, %s failed\n' "$st" "$name" "$n" "$f"
		[ "$st" = FAIL ] && grep -A12 '^not ok' "$results/log" | sed 's/^/    /' | head -n 80
	done
done

# The man pages must render without a single warning.
for page in man/*.[0-9]; do
	[ -f "$page" ] || continue
	warnings=$(LC_ALL=C.UTF-8 groff -man -ww -z -Tutf8 "$page" 2>&1)
	if [ -z "$warnings" ]; then
		passed=$((passed + 1)); echo "ok   man: $page renders cleanly"
	else
		failed=$((failed + 1)); echo "FAIL man: $page"; echo "$warnings" | sed 's/^/    /'
	fi
done

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
