#!/bin/sh
# TUI: the first start on an empty journal explains the three frames;
# a quick note written in the built-in editor shows on Home and in Browse;
# quitting gives the terminal back as it was; without a terminal praxis
# says so and exits 2.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

tui_start_px 100 30
tui_wait "Welcome to praxis" "an empty journal opens on the first-run screen"
tui_wait "A critical incident" "it explains the critical incident frame"
tui_wait "A time period" "it explains the time period frame"
tui_wait "An ongoing inquiry" "it explains the inquiry frame"
tui_wait "Or just a quick note." "it offers a quick note"

tui_keys n
tui_wait "Daily note" "n starts a quick note: the daily-note template"
tui_wait "step 1 of 2" "a run of two steps"
tui_wait "What happened today, or what is on your mind?" "its first prompt"
tui_type "Rota talk with @Sam. #rota"
tui_wait "5 words · aim for about 80 · at most 300" "the words are counted against the step's guide"
tui_keys Tab
tui_wait "One line to take away" "Tab goes to the next step"
tui_keys Tab
tui_wait "Every step is done." "the end of the run"
tui_keys C-s
tui_wait "saved entry 1 (Daily note)" "^S saves the note"
tui_wait "Recent entries" "after saving, Home has its sections"
tui_wait "Rota talk with @Sam." "the note is on Home"
tui_wait "#rota" "with its tag"
case $screen in *"Welcome to praxis"*) fail_ "the first-run screen is gone" "still there" ;;
*) ok_ "the first-run screen is gone once there is an entry" ;; esac

tui_keys b
tui_wait "Browse" "b opens Browse"
tui_wait "- Rota talk with @Sam." "the note is in Browse with its frame mark"
tui_keys q
tui_wait "Follow-ups due" "q goes back to Home"
tui_keys q
tui_expect_restored "quitting restores the terminal (stty -g is the same)"
tui_expect_rc 0 "praxis exits 0"

# Without a terminal on standard input or output: exit 2, one line.
rm -f "$SANDBOX/px.rc"
tui_start 100 30 sh -c '"$1" --db "$2" </dev/null 2>"$3/err"; echo $? >"$3/px.rc"' \
	sh "$PRAXIS" "$DB" "$SANDBOX"
tui_wait_file "$SANDBOX/px.rc" "praxis ends at once when stdin is not a terminal"
check "stdin not a terminal: exit status 2" [ "$(cat "$SANDBOX/px.rc")" = 2 ]
n=$(grep -c . "$SANDBOX/err")
check "stdin not a terminal: one line on stderr" [ "$n" -eq 1 ]
check "the line says a terminal is needed" grep -q "^praxis: the journal screen needs a terminal" "$SANDBOX/err"
rm -f "$SANDBOX/px.rc"
tui_start 100 30 sh -c '"$1" --db "$2" >"$3/out" 2>"$3/err"; echo $? >"$3/px.rc"' \
	sh "$PRAXIS" "$DB" "$SANDBOX"
tui_wait_file "$SANDBOX/px.rc" "praxis ends at once when stdout is not a terminal"
check "stdout not a terminal: exit status 2" [ "$(cat "$SANDBOX/px.rc")" = 2 ]
check "stdout not a terminal: one line naming standard output" grep -q "standard output is not" "$SANDBOX/err"
check "nothing was drawn into the file" [ ! -s "$SANDBOX/out" ]

tui_expect_clean "no sanitizer report, no leak"
finish
