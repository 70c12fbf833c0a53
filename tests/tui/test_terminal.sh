#!/bin/sh
# TUI: the terminal as a user has it.  Colours follow the terminal's
# palette and turn off with NO_COLOR (non-empty); praxis runs on TERM
# xterm, screen, tmux-256color and linux and gives each terminal back as it
# was; an unknown TERM is one clear error; Ctrl-Z suspends praxis to the
# shell and fg brings it back whole.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

"$PRAXIS" --db "$DB" add --frame incident --title "Handover went wrong" --tag handover \
	"I assumed @Sam had read the notes." >/dev/null
esc=$(printf '\033')
colours() { tm capture-pane -e -p -t t | grep -cE "${esc}\[([0-9]+;)*3[0-7](;[0-9]+)*m"; }
bold() { tm capture-pane -e -p -t t | grep -cE "${esc}\[([0-9]+;)*1(;[0-9]+)*m"; }

tui_start_px 100 30
tui_wait "Handover went wrong" "Home"
check "with colours by default (palette colours, default background)" [ "$(colours)" -gt 0 ]
tui_keys q
tui_expect_restored "the terminal is restored"

TUI_ENV="NO_COLOR=1" tui_start_px 100 30
tui_wait "Handover went wrong" "Home with NO_COLOR=1"
check "NO_COLOR: not one colour" [ "$(colours)" -eq 0 ]
check "NO_COLOR: still bold where it matters" [ "$(bold)" -gt 0 ]
tui_keys b /
tui_type "handover"
tui_wait "1 match" "a search with NO_COLOR"
check "NO_COLOR: the match is still marked (by attributes)" \
	[ "$(tm capture-pane -e -p -t t | grep -c "${esc}\[[0-9;]*m[Hh]andover")" -ge 1 ]
tui_keys Escape
tui_wait_gone "1 match" "Esc"
tui_keys q q
tui_expect_restored "the terminal is restored with NO_COLOR"

TUI_ENV="NO_COLOR=" tui_start_px 100 30
tui_wait "Handover went wrong" "Home with NO_COLOR empty"
check "an empty NO_COLOR leaves colours on" [ "$(colours)" -gt 0 ]
tui_keys q
tui_expect_restored "the terminal is restored"

for term in xterm screen tmux-256color linux; do
	TUI_ENV="TERM=$term" tui_start_px 100 30
	tui_wait "Handover went wrong" "TERM=$term: Home draws"
	tui_keys Enter
	tui_wait "People: @Sam" "TERM=$term: the Entry screen"
	tui_keys q q
	tui_expect_restored "TERM=$term: the terminal is restored"
	tui_expect_rc 0 "TERM=$term: exit 0"
done

rm -f "$SANDBOX/px.rc"
tui_start 100 30 sh -c 'stty -g >"$0/stty.before"; TERM=no-such-terminal "$1" --db "$2" \
	2>"$0/err"; echo $? >"$0/px.rc"; stty -g >"$0/stty.after"' "$SANDBOX" "$PRAXIS" "$DB"
tui_wait_file "$SANDBOX/px.rc" "an unknown TERM ends praxis at once"
check "an unknown TERM is an error (exit 1)" [ "$(cat "$SANDBOX/px.rc")" = 1 ]
check "it leaves the terminal as it was" cmp -s "$SANDBOX/stty.before" "$SANDBOX/stty.after"
check "and says which terminal, in one line" grep -qx \
	"praxis: terminal type 'no-such-terminal' is not known to terminfo" "$SANDBOX/err"

# Ctrl-Z under a shell with job control, then fg.
if command -v bash >/dev/null 2>&1; then
	tui_start 100 30 env PS1='$ ' bash --norc --noprofile -i
	tui_wait '$' "a shell"
	tui_type "stty -g >$SANDBOX/before; $PRAXIS --db $DB"
	tui_keys Enter
	tui_wait "Handover went wrong" "praxis runs under the shell"
	tui_keys C-z
	tui_wait "Stopped" "Ctrl-Z suspends praxis to the shell"
	tui_type "stty -g >$SANDBOX/suspended"
	tui_keys Enter
	tui_type "fg"
	tui_keys Enter
	tui_wait "Recent entries" "fg brings praxis back, redrawn"
	tui_keys b
	tui_wait "Browse" "and it takes keys again"
	tui_keys q q
	tui_type "stty -g >$SANDBOX/after; echo done"
	tui_keys Enter
	tui_wait_file "$SANDBOX/after" "praxis has quit"
	check "while suspended the shell has its terminal back" cmp -s "$SANDBOX/before" "$SANDBOX/suspended"
	check "after quitting the terminal is as it was" cmp -s "$SANDBOX/before" "$SANDBOX/after"
else
	echo "# bash not found: Ctrl-Z is not tested here"
fi

# `praxis import -` reads a pipe; on a terminal it says how, at once, and
# writes nothing (nobody types a journal in as JSON).  What it says goes to
# a file: a pane that ends at once can lose its last output.
tui_start 100 30 sh -c '"$1" --db "$0/import.db" import - 2>"$0/import.err"; echo $? >"$0/import.rc"' \
	"$SANDBOX" "$PRAXIS"
tui_wait_file "$SANDBOX/import.rc" "import - on a terminal ends at once, without waiting for input"
check "with status 1" [ "$(cat "$SANDBOX/import.rc")" = 1 ]
check "saying to pipe the file in, in one line" grep -qx \
	"praxis: standard input: is a terminal; pipe the file in (... | praxis import -)" \
	"$SANDBOX/import.err"
tui_expect_clean "no sanitizer report, no leak"
finish
