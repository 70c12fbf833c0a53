# Shared helpers for the shell-driven tests (CLI and TUI).
#
# Each test script sources this file, calls the assertion helpers, and ends
# with `finish`.  Every test runs in a sandbox: a private temporary HOME, no
# XDG_* or PRAXIS_* from the caller, UTC, a UTF-8 locale, and the clock fixed
# through PRAXIS_NOW (the core's one time seam).
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
PRAXIS=${PRAXIS:-$TOP/build/check/praxis}
SHARED=$TOP/../shared
SANDBOX=$(mktemp -d "${TMPDIR:-/tmp}/praxis-test.XXXXXX")
trap 'rm -rf "$SANDBOX"' EXIT INT TERM
unset XDG_DATA_HOME XDG_CONFIG_HOME XDG_STATE_HOME XDG_CACHE_HOME
for v in $(env | sed -n 's/^\(PRAXIS_[A-Z_]*\)=.*/\1/p'); do
	case $v in PRAXIS_TEST_COUNTS) ;; *) unset "$v" ;; esac
done
export HOME="$SANDBOX/home" TZ=UTC LC_ALL=C.UTF-8 PRAXIS_NOW="2026-03-10T09:00:00"
unset EDITOR VISUAL
mkdir -p "$HOME"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
DB="$SANDBOX/journal.db"

t_pass=0 t_fail=0 t_name=

# run CMD...: run a command, keep its stdout in $out, stderr in $err, status in $rc.
run() {
	"$@" >"$SANDBOX/.out" 2>"$SANDBOX/.err" </dev/null
	rc=$?
	out=$(cat "$SANDBOX/.out"); err=$(cat "$SANDBOX/.err")
}
# run_in INPUT CMD...: as run, with INPUT on standard input.
run_in() {
	input=$1; shift
	printf '%s' "$input" | "$@" >"$SANDBOX/.out" 2>"$SANDBOX/.err"
	rc=$?
	out=$(cat "$SANDBOX/.out"); err=$(cat "$SANDBOX/.err")
}
# px ARGS...: run praxis on the sandbox journal.
px() { run "$PRAXIS" --db "$DB" "$@"; }
px_in() { input=$1; shift; run_in "$input" "$PRAXIS" --db "$DB" "$@"; }

ok_() { t_pass=$((t_pass + 1)); echo "ok - $1"; }
fail_() {
	t_fail=$((t_fail + 1)); echo "not ok - $1"; echo "    $2"
	echo "    status: $rc"; printf '    stdout: %s\n' "$out" | head -n 8
	printf '    stderr: %s\n' "$err" | head -n 8
}
expect_rc() { if [ "$rc" -eq "$1" ]; then ok_ "$2"; else fail_ "$2" "expected status $1"; fi; }
expect_out() {
	case $out in *"$1"*) ok_ "$2" ;; *) fail_ "$2" "stdout lacks: $1" ;; esac
}
expect_no_out() {
	case $out in *"$1"*) fail_ "$2" "stdout has: $1" ;; *) ok_ "$2" ;; esac
}
expect_err() {
	case $err in *"$1"*) ok_ "$2" ;; *) fail_ "$2" "stderr lacks: $1" ;; esac
}
expect_out_eq() {
	if [ "$out" = "$1" ]; then ok_ "$2"; else fail_ "$2" "stdout is not: $1"; fi
}
# expect_one_line_error: stderr is exactly one line starting "praxis: ".
expect_one_line_error() {
	n=$(printf '%s\n' "$err" | grep -c .)
	case $err in
	praxis:*) if [ "$n" -eq 1 ]; then ok_ "$1"; else fail_ "$1" "error is $n lines"; fi ;;
	*) fail_ "$1" "stderr does not start with 'praxis: '" ;;
	esac
}
check() { # check DESCRIPTION CMD...: passes when CMD succeeds
	d=$1; shift
	if "$@"; then ok_ "$d"; else fail_ "$d" "check failed: $*"; fi
}
finish() {
	[ -n "${PRAXIS_TEST_COUNTS:-}" ] && echo "$t_pass $t_fail" >"$PRAXIS_TEST_COUNTS"
	echo "$t_pass passed, $t_fail failed"
	[ "$t_fail" -eq 0 ]
}
