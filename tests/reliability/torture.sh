#!/bin/sh
# make torture: the long versions of the reliability tests, never part of
# make check.  Each is the same script check runs, asked for more:
#   crash        TORTURE_KILLS kills (default 1000)
#   concurrency  TORTURE_ROUNDS creation rounds (default 50), writers of
#                TORTURE_WRITES changes each (default 60)
#   full disk    every fault point of every sweep
#   migrations   every fault point of every failed-migration sweep
# and prints each one's figures, for tests/RELIABILITY.md.
set -u
cd "$(dirname "$0")/../.."
status=0
results=$(mktemp -d) || exit 1
trap 'rm -rf "$results"' EXIT INT TERM
one() { # one NAME ENV... SCRIPT
	name=$1; shift
	start=$(date +%s)
	env "$@" >"$results/$name.log" 2>&1
	rc=$?
	secs=$(( $(date +%s) - start ))
	summary=$(tail -n 1 "$results/$name.log")
	if [ "$rc" -eq 0 ]; then echo "ok   $name: $summary (${secs}s)"
	else echo "FAIL $name: $summary (${secs}s)"; status=1
		grep -A8 '^not ok' "$results/$name.log" | head -n 40 | sed 's/^/    /'
	fi
	grep '^# .* figures:' "$results/$name.log" | sed 's/^/    /'
}
one crash PRAXIS_CRASH_KILLS="${TORTURE_KILLS:-1000}" sh tests/cli/test_crash.sh
one concurrency PRAXIS_CONC_ROUNDS="${TORTURE_ROUNDS:-50}" PRAXIS_CONC_WRITES="${TORTURE_WRITES:-60}" \
	sh tests/cli/test_concurrency.sh
one full-disk PRAXIS_DISK_STEP=1 sh tests/cli/test_full_disk.sh
one migrations PRAXIS_DISK_STEP=1 sh tests/cli/test_migrate.sh
exit "$status"
