#!/bin/sh
# TUI: the built-in editor.  Word wrap, movement by character, word and
# line, cutting and pasting lines, undo (and redo) of the last change; a
# period review's dates; Esc offers to save, keep a draft or discard.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

"$PRAXIS" --db "$DB" add "So that Home is not the first-run screen." >/dev/null

tui_start_px 60 20
tui_wait "Recent entries" "Home"
tui_keys w j j Enter
tui_wait "New time period" "w writes a time period review without prompts"
tui_wait "Period 2026-03-09 to 2026-03-15" "this week by default"
tui_keys C-t
tui_wait "Period (this week" "^T asks for the period"
tui_keys C-u
tui_type "last week"
tui_keys Enter
tui_wait "Period 2026-03-02 to 2026-03-08" "last week, from the fixed today"

tui_type "one two three"
tui_keys Enter
tui_type "second line"
tui_keys Enter
tui_type "third line"
tui_keys Up Home
tui_type ">"
tui_wait ">second line" "Up and Home reach the start of the line above"
tui_keys End
tui_type "<"
tui_wait ">second line<" "End reaches its end"
tui_keys M-b M-b
tui_type "_"
tui_wait "_>second line<" "M-b goes back a word at a time"
tui_keys M-f
tui_type "|"
tui_wait "_>second| line<" "M-f goes to the end of the word"

tui_keys C-k
tui_wait_gone "second" "^K cuts the line"
tui_keys Down End
tui_keys Enter C-y
tui_wait "_>second| line<" "^Y pastes it elsewhere"
tui_screen
last=$(printf '%s\n' "$screen" | grep -n "_>second| line<" | cut -d: -f1)
third=$(printf '%s\n' "$screen" | grep -n "^third line" | cut -d: -f1)
check "below the line that was after it" [ "$last" -gt "$third" ]

tui_type "typed then undone"
tui_wait "typed then undone" "text typed"
tui_keys C-_
tui_wait_gone "typed then undone" "^_ undoes the last change (the whole run of typing)"
tui_keys C-_
tui_wait "typed then undone" "^_ again redoes it"

tui_type " and a long sentence that has to wrap at the edge of a sixty column screen"
tui_wait "sixty column screen" "long text wraps"
widest=$(tm capture-pane -p -t t | wc -L)
check "within 60 columns ($widest)" [ "$widest" -le 60 ]

tui_keys Escape
tui_wait "Close: s save · k keep as a draft · d discard" "Esc asks what to do"
tui_keys Escape
tui_wait_gone "Close: s save" "Esc again goes on writing"
tui_keys Escape
tui_wait "Close: s save" "asked again"
tui_keys k
tui_wait "kept as a draft: r on Home resumes it" "k keeps a draft"
tui_wait "time period: one two three" "Home lists it, in its frame"
tui_keys r
tui_wait "Period 2026-03-02 to 2026-03-08" "the draft keeps the period it was given"
tui_keys Escape
tui_wait "Recent entries" "Esc with nothing new closes at once"
tui_keys r Escape
tui_wait "Recent entries" "back again"
tui_keys r
tui_type "!"
tui_keys Escape
tui_wait "Close: s save" "asked, now that there is a change"
tui_keys s
tui_wait "saved entry 2" "s saves"
"$PRAXIS" --db "$DB" show 2 >"$SANDBOX/show"
check "a period review of last week" grep -q "period 2026-03-02 to 2026-03-08" "$SANDBOX/show"
check "with the edited text" grep -q "_>second| line<" "$SANDBOX/show"
tui_wait_gone "Unfinished" "no draft is left"

tui_keys w Enter
tui_wait "New note" "a note without prompts"
tui_type "A thought to throw away"
tui_keys Escape
tui_wait "Close: s save" "asked"
tui_keys d
tui_wait "discarded" "d discards"
tui_wait_gone "A thought to throw away" "nothing is kept"
tui_keys q
tui_expect_restored "the terminal is restored"
tui_expect_clean "no sanitizer report, no leak"
finish
