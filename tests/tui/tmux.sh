# tmux driver for the TUI tests: source after tests/lib.sh.
#
# Each test gets a private tmux server (-L, -f /dev/null) and one pane of a
# fixed size that keeps its last screen when the program exits
# (remain-on-exit) and never follows a client's size (window-size
# manual).  Keys go in with send-keys (-l for literal text); what a person
# would see is read with capture-pane and polled for until it appears or a
# timeout passes, never waited for with a bare sleep.  LINES and COLUMNS
# are never exported: curses must take the size from the terminal, or a
# resize would not be seen.
#
#   tui_start W H CMD...     run CMD in a fresh W x H pane
#   tui_keys KEY...          tmux key names: Enter Escape C-s Up F1 ...
#   tui_type TEXT            literal text
#   tui_wait TEXT DESC       passes when TEXT shows within $TUI_TIMEOUT s
#   tui_wait_gone TEXT DESC  passes when TEXT is no longer on the screen
#   tui_screen               the screen into $screen (and $SANDBOX/.screen)
#   tui_resize W H
#   tui_wait_exit DESC       passes when the program has exited; $tui_status
#   tui_pid                  the pane's process id
TUI_TIMEOUT=${TUI_TIMEOUT:-15}
rc=0 out= err=    # what lib.sh's failure report prints
TUI_SOCKET="praxis-tui-$$"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:log_path=$SANDBOX/asan"
export UBSAN_OPTIONS="print_stacktrace=1:log_path=$SANDBOX/ubsan"

tm() { tmux -L "$TUI_SOCKET" -f /dev/null "$@"; }

tui_cleanup() {
	# tmux leaves its socket file behind: remove ours with the server.
	sock=$(tm display-message -p '#{socket_path}' 2>/dev/null)
	tm kill-server 2>/dev/null
	[ -n "$sock" ] && rm -f "$sock"
	rm -rf "$SANDBOX"
}
trap tui_cleanup EXIT
trap 'tui_cleanup; exit 1' INT TERM

# Quote each argument for the shell tmux runs the command with.
tui_quote() {
	for a in "$@"; do
		printf "'%s' " "$(printf '%s' "$a" | sed "s/'/'\\\\''/g")"
	done
}

tui_start() {
	w=$1 h=$2; shift 2
	tm kill-session -t t 2>/dev/null
	if ! tm has-session -t keep 2>/dev/null; then
		# A holder session keeps the server up between programs.
		tm new-session -d -s keep -x 20 -y 5 "sleep 100000"
		tm set-option -g remain-on-exit on
		tm set-option -g default-terminal "${TUI_TERM:-tmux-256color}"
	fi
	tm new-session -d -s t -x "$w" -y "$h" "sleep 100000"
	# Per window: tmux 3.3 servers die creating a session sized with -x/-y
	# while the global window-size is manual.
	tm set-option -w -t t window-size manual
	tm resize-window -t t -x "$w" -y "$h"
	tm respawn-pane -k -t t "exec $(tui_quote "$@")"
}

tui_keys() { tm send-keys -t t "$@"; }
tui_type() { tm send-keys -t t -l "$1"; }
tui_resize() { tm resize-window -t t -x "$1" -y "$2"; }
tui_pid() { tm display-message -p -t t '#{pane_pid}'; }

tui_screen() {
	screen=$(tm capture-pane -p -t t)
	printf '%s\n' "$screen" >"$SANDBOX/.screen"
}

# Show what was expected against the screen, diff -u style.
tui_show_diff() {
	printf '%s\n' "$1" >"$SANDBOX/.expected"
	diff -u "$SANDBOX/.expected" "$SANDBOX/.screen" | sed 's/^/    /' | head -n 60
}

tui_poll() { # tui_poll present|absent TEXT: 0 when the screen agrees in time
	want=$1 text=$2
	deadline=$(($(date +%s) + TUI_TIMEOUT))
	while :; do
		tui_screen
		case $screen in
		*"$text"*) [ "$want" = present ] && return 0 ;;
		*) [ "$want" = absent ] && return 0 ;;
		esac
		[ "$(date +%s)" -ge "$deadline" ] && return 1
		sleep 0.05
	done
}

tui_wait() {
	if tui_poll present "$1"; then
		ok_ "$2"
	else
		t_fail=$((t_fail + 1))
		echo "not ok - $2"
		echo "    the screen never showed: $1"
		tui_show_diff "$1"
		return 1
	fi
}

tui_wait_gone() {
	if tui_poll absent "$1"; then
		ok_ "$2"
	else
		t_fail=$((t_fail + 1))
		echo "not ok - $2"
		echo "    still on the screen: $1"
		tui_show_diff ""
		return 1
	fi
}

tui_wait_exit() {
	deadline=$(($(date +%s) + TUI_TIMEOUT))
	while [ "$(tm display-message -p -t t '#{pane_dead}')" != 1 ]; do
		if [ "$(date +%s)" -ge "$deadline" ]; then
			t_fail=$((t_fail + 1))
			echo "not ok - $1"
			echo "    the program is still running"
			return 1
		fi
		sleep 0.05
	done
	tui_status=$(tm display-message -p -t t '#{pane_dead_status}')
	ok_ "$1"
}

# No sanitizer report (leaks included) was written by any run so far.
tui_expect_clean() {
	reports=$(ls "$SANDBOX"/asan.* "$SANDBOX"/ubsan.* 2>/dev/null)
	if [ -z "$reports" ]; then
		ok_ "$1"
	else
		t_fail=$((t_fail + 1))
		echo "not ok - $1"
		for r in $reports; do sed 's/^/    /' "$r" | head -n 40; done
	fi
}

# tui_start_px W H ARGS...: praxis on the sandbox journal inside a shell
# that records `stty -g` before and after it and its exit status, so a
# test can prove the terminal came back as it was; praxis's own process id
# is in $SANDBOX/px.pid (for signals).  $TUI_ENV (VAR=value words) is
# praxis's environment on top of the test's.
cat >"$SANDBOX/wrap.sh" <<'WRAP'
dir=$1; shift
stty -g >"$dir/stty.before"
sh -c 'echo $$ >"$0/px.pid"; exec "$@"' "$dir" "$@"
echo $? >"$dir/px.rc"
stty -g >"$dir/stty.after"
WRAP
tui_start_px() {
	w=$1 h=$2; shift 2
	rm -f "$SANDBOX/stty.before" "$SANDBOX/stty.after" "$SANDBOX/px.rc" "$SANDBOX/px.pid"
	# shellcheck disable=SC2086
	tui_start "$w" "$h" env ${TUI_ENV:-} sh "$SANDBOX/wrap.sh" "$SANDBOX" "$PRAXIS" --db "$DB" "$@"
}

# After tui_start_px: wait for praxis to end; $tui_rc is its exit status.
tui_expect_restored() {
	deadline=$(($(date +%s) + TUI_TIMEOUT))
	while [ ! -s "$SANDBOX/stty.after" ]; do
		if [ "$(date +%s)" -ge "$deadline" ]; then
			t_fail=$((t_fail + 1))
			echo "not ok - $1"
			echo "    praxis did not exit"
			tui_screen
			tui_show_diff ""
			return 1
		fi
		sleep 0.05
	done
	tui_rc=$(cat "$SANDBOX/px.rc")
	if cmp -s "$SANDBOX/stty.before" "$SANDBOX/stty.after"; then
		ok_ "$1"
	else
		t_fail=$((t_fail + 1))
		echo "not ok - $1"
		echo "    stty -g before: $(cat "$SANDBOX/stty.before")"
		echo "    stty -g after:  $(cat "$SANDBOX/stty.after")"
	fi
}

# tui_expect_rc EXPECTED DESC: $tui_rc is EXPECTED.
tui_expect_rc() {
	if [ "${tui_rc:-}" = "$1" ]; then ok_ "$2"; else
		t_fail=$((t_fail + 1)); echo "not ok - $2"; echo "    exit status: ${tui_rc:-none}, expected $1"
	fi
}

# tui_wait_file FILE DESC: passes when FILE exists and is not empty.
tui_wait_file() {
	deadline=$(($(date +%s) + TUI_TIMEOUT))
	while [ ! -s "$1" ]; do
		if [ "$(date +%s)" -ge "$deadline" ]; then
			t_fail=$((t_fail + 1)); echo "not ok - $2"; echo "    $1 never appeared"
			return 1
		fi
		sleep 0.05
	done
	ok_ "$2"
}

# Guided runs: tui_next_step presses Tab and waits for the step number in
# the header ("step 3 of 15") to change; tui_tab_until TEXT DESC [MAX]
# goes step by step until TEXT is on the screen (at most MAX steps).
tui_next_step() {
	tui_screen
	at=$(printf '%s\n' "$screen" | sed -n 's/.*\(step [0-9]* of\).*/\1/p' | head -n 1)
	tui_keys Tab
	[ -n "$at" ] && tui_poll absent "$at"
}
tui_tab_until() {
	n=0
	while ! tui_poll_now "$1"; do
		n=$((n + 1))
		if [ "$n" -gt "${3:-30}" ] || ! tui_next_step; then
			t_fail=$((t_fail + 1)); echo "not ok - $2"; echo "    never reached: $1"
			tui_show_diff "$1"
			return 1
		fi
	done
	ok_ "$2"
}
tui_poll_now() { tui_screen; case $screen in *"$1"*) return 0 ;; esac; return 1; }
