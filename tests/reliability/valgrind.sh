#!/bin/sh
# make valgrind: the whole test suite (unit tests, CLI tests, fuzz corpus
# replays) once more, with every praxis process and test binary run under
# valgrind memcheck instead of the sanitisers.  The binaries come from
# build/valgrind (plain -O0 -g, no sanitiser: the two do not mix).  Every
# invalid read or write, use of uninitialised memory and definite or
# indirect leak is an error; each process logs to build/valgrind/logs/,
# and the run ends with how many processes ran and which logs hold errors.
# The crash and concurrency tests keep the optimised ./praxis for the
# writers they race and kill (their timing is the point), and check the
# rest under valgrind.
set -u
cd "$(dirname "$0")/../.."
V=$PWD/build/valgrind
rm -rf "$V/logs" "$V/run"
mkdir -p "$V/logs" "$V/run"
opts="--error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
opts="$opts --show-leak-kinds=definite,indirect -q"
# wrap REAL AS: a script AS that runs REAL under memcheck.
wrap() {
	printf '#!/bin/sh\nexec valgrind %s --log-file=%s/logs/%%p.log %s "$@"\n' \
		"$opts" "$V" "$1" >"$2"
	chmod +x "$2"
}
wrap "$V/praxis.bin" "$V/praxis"
units=
for bin in "$V"/tests/*.bin; do
	name=$(basename "$bin" .bin)
	wrap "$bin" "$V/run/$name"
	units="$units $V/run/$name"
done
mkdir -p "$V/run/fuzz"
for bin in "$V"/fuzz/*; do
	wrap "$bin" "$V/run/fuzz/$(basename "$bin")"
done
# shellcheck disable=SC2086
PRAXIS=$V/praxis REPLAY_DIR=$V/run/fuzz sh tests/run.sh $units
status=$?
ran=$(ls "$V/logs" | wc -l)
bad=$(find "$V/logs" -type f -size +0 | wc -l)
echo
echo "valgrind: $ran processes ran under memcheck; $bad logged errors"
find "$V/logs" -type f -size +0 | head -n 5 | while read -r log; do
	echo "  $log:"; head -n 20 "$log" | sed 's/^/    /'
done
[ "$status" -eq 0 ] && [ "$bad" -eq 0 ]
