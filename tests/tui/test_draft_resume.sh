#!/bin/sh
# TUI: nothing typed is lost.  praxis killed outright (SIGKILL) while an
# entry is being written offers it back on the next start, intact up to
# the last autosave; SIGTERM keeps everything typed and gives the terminal
# back; a resumed draft saves as an entry and is gone from Home.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

"$PRAXIS" --db "$DB" add "An entry so that Home is not the first-run screen" >/dev/null

tui_start 100 30 "$PRAXIS" --db "$DB"
tui_wait "Recent entries" "Home"
tui_keys w
tui_wait "Write without prompts: which frame?" "w writes without prompts"
tui_keys j Enter
tui_wait "New critical incident" "a critical incident in the editor"
tui_type "# Handover went wrong"
tui_keys Enter Enter
tui_type "I assumed Sam had read the notes."
tui_wait "draft saved" "the text is autosaved once typing pauses"
pid=$(tui_pid)
kill -9 "$pid"
tui_wait_exit "praxis is killed with SIGKILL mid-entry"

tui_start_px 100 30
tui_wait "Unfinished" "the next start lists the unfinished entry"
tui_wait "critical incident: Handover went wrong" "under its frame and title"
tui_wait "r resumes it" "and offers to resume it"
tui_keys r
tui_wait "New critical incident" "r resumes it in the editor, in its frame"
tui_wait "I assumed Sam had read the notes." "the text is intact up to the last autosave"
tui_wait "# Handover went wrong" "the title line too"

# More text, then SIGTERM before any autosave: the draft is kept on the way out.
tui_keys C-End
tui_type " Then I asked."
tui_wait "Then I asked." "more text is typed"
tui_wait_file "$SANDBOX/px.pid" "praxis's process id is known"
kill -TERM "$(cat "$SANDBOX/px.pid")"
tui_expect_restored "SIGTERM mid-entry restores the terminal"
check "praxis dies of SIGTERM, re-raised after the draft is kept" [ "$tui_rc" -eq 143 ]

tui_start_px 100 30
tui_wait "Unfinished" "after SIGTERM the entry is unfinished, not lost"
tui_keys r
tui_wait "Then I asked." "what was typed just before SIGTERM is kept"
tui_keys C-s
tui_wait "saved entry 2" "the resumed draft saves as an entry"
tui_wait "Handover went wrong" "it is on Home"
tui_wait_gone "Unfinished" "and no longer unfinished"
tui_keys q
tui_expect_restored "the terminal is restored after all of it"

# SIGTERM from outside: the terminal comes back too (not only after q).
tui_start_px 100 30
tui_wait "Recent entries" "praxis runs again"
tui_wait_file "$SANDBOX/px.pid" "its process id is known"
kill -TERM "$(cat "$SANDBOX/px.pid")"
tui_expect_restored "SIGTERM restores the terminal (stty -g is the same)"
check "and praxis's status is death by SIGTERM" [ "$tui_rc" -eq 143 ]

tui_expect_clean "no sanitizer report, no leak"

# A crash (here a SIGSEGV from outside) still gives the terminal back; the
# signal then goes on to the sanitizer's handler, whose report is expected.
tui_start_px 100 30
tui_wait "Recent entries" "praxis runs once more"
tui_wait_file "$SANDBOX/px.pid" "its process id is known"
kill -SEGV "$(cat "$SANDBOX/px.pid")"
tui_expect_restored "a crash restores the terminal (stty -g is the same)"
check "and praxis did not exit cleanly" [ "$tui_rc" -ne 0 ]
check "the signal reached the sanitizer" grep -qs SEGV "$SANDBOX"/asan.*
rm -f "$SANDBOX"/asan.*
finish
