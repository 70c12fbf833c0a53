# Helpers shared by the reliability tests (crash, concurrency, full disk,
# hostile input, migrations).  Sourced after tests/lib.sh, so the sandbox,
# the fixed clock and the assertions are already there.
#
# The tests drive two binaries: $PRAXIS (sanitised, for everything that
# checks behaviour and memory) and $PX_REL (the optimised binary a user
# runs, for kills and races, where timing should be realistic).  Faults
# come from build/check/faultshim.so (tests/reliability/faultshim.c).

PX_REL=${PX_REL:-$TOP/praxis}
SHIM=${SHIM:-$TOP/build/check/faultshim.so}
# The shim must come before ASan's runtime in the sanitised binary.
ASAN_SHIM_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0"

# A small seeded generator (a 31-bit LCG), so a failing run can be
# repeated exactly from the seed it prints.  rand N sets $r to 0..N-1.
rng=1
rng_seed() { rng=$(( $1 % 2147483648 )); [ "$rng" -gt 0 ] || rng=1; }
rand() {
	rng=$(( (rng * 1103515245 + 12345) % 2147483648 ))
	r=$(( (rng / 65536) % $1 ))
}

now_ms() { date +%s%3N; }

# wait_for FILE TEXT [MS]: poll until FILE holds TEXT (never a bare
# sleep); 1 when it did not within MS milliseconds (default 10000).
wait_for() {
	_deadline=$(( $(now_ms) + ${3:-10000} ))
	while ! grep -qF -- "$2" "$1" 2>/dev/null; do
		[ "$(now_ms)" -lt "$_deadline" ] || return 1
		sleep 0.005
	done
	return 0
}

# fts_ok DB: the search index agrees with the text it indexes, and
# SQLite's own checks pass.  Prints the problems; status 0 when clean.
fts_ok() {
	_o=$(sqlite3 -bail "$1" "PRAGMA integrity_check; PRAGMA foreign_key_check;
		INSERT INTO entry_fts (entry_fts) VALUES ('integrity-check');" 2>&1)
	[ "$_o" = ok ] || { echo "$_o"; return 1; }
}

# mode_of PATH: its permission bits in octal, e.g. 600.
mode_of() { stat -c %a "$1"; }

# bad_modes DIR: every file under DIR that is not 0600 and every folder
# that is not 0700, one per line (nothing when all are private).
bad_modes() {
	find "$1" \( -type f ! -perm 0600 \) -o \( -type d ! -perm 0700 \) 2>/dev/null
}

# alive PID: the process runs (a child that ended but was not waited for
# yet is a zombie, which kill -0 would still find).
alive() { [ -r "/proc/$1/stat" ] && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$1/stat" 2>/dev/null; }

# wait_alive FILE TEXT PID [MS]: as wait_for, but give up at once when
# process PID has ended (a writer killed on purpose prints nothing more).
wait_alive() {
	_deadline=$(( $(now_ms) + ${4:-10000} ))
	while ! grep -qF -- "$2" "$1" 2>/dev/null; do
		alive "$3" || { grep -qF -- "$2" "$1" 2>/dev/null; return; }
		[ "$(now_ms)" -lt "$_deadline" ] || return 1
		sleep 0.002
	done
	return 0
}

rc=0 out= err=   # what tests/lib.sh's fail_ reports before the first run
