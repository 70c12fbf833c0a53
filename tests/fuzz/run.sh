#!/bin/sh
# make fuzz: run each libFuzzer target for SECONDS, starting from its seed
# corpus, and report executions, coverage and anything found.
#   sh tests/fuzz/run.sh SECONDS NAME...
# New inputs that widen coverage go to build/fuzz/corpus/NAME (the seeds in
# tests/fuzz/corpus/NAME are never written to); an input that breaks a
# promise is saved in build/fuzz/crashes/NAME/ and fails the run.  To keep
# it as a regression test, copy it into tests/fuzz/corpus/NAME/ with a
# name that says what it broke: make check replays it from then on.  A
# target's own libFuzzer flags, if it has any, are in tests/fuzz/NAME.options.
set -u
cd "$(dirname "$0")/../.."
secs=${1:-60}; shift
status=0
printf '%-16s %10s %10s %8s %6s  %s\n' target runs exec/s cov inputs result
for name in "$@"; do
	bin=build/fuzz/bin/$name
	mkdir -p "build/fuzz/corpus/$name" "build/fuzz/crashes/$name"
	dict=
	[ -f "tests/fuzz/$name.dict" ] && dict=-dict=tests/fuzz/$name.dict
	# NAME.options: libFuzzer flags of the target's own, after the defaults.
	opts=
	[ -f "tests/fuzz/$name.options" ] && opts=$(grep -v '^#' "tests/fuzz/$name.options")
	log=build/fuzz/$name.log
	# shellcheck disable=SC2086
	"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
		-print_final_stats=1 -artifact_prefix="build/fuzz/crashes/$name/" $dict $opts \
		"build/fuzz/corpus/$name" "tests/fuzz/corpus/$name" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | sed 's/cov: //')
	found=$(find "build/fuzz/crashes/$name" -type f | wc -l)
	inputs=$(find "build/fuzz/corpus/$name" "tests/fuzz/corpus/$name" -type f | wc -l)
	result=clean
	if [ "$rc" -ne 0 ] || [ "$found" -gt 0 ]; then
		result="FOUND $found (see $log)"
		status=1
	fi
	printf '%-16s %10s %10s %8s %6s  %s\n' "$name" "${runs:-?}" "${speed:-?}" "${cov:-?}" \
		"$inputs" "$result"
done
exit "$status"
