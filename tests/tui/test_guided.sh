#!/bin/sh
# TUI: Guided reflection through the prompt engine.  A critical incident
# through its default template: the question, its guidance, words counted
# against the step's guide, people and tags typed, a choice from a menu,
# ticks in a multiple choice, back and forward, a planned action; killed
# mid-step and resumed with the typing intact; saved.  A week later the
# action is due on Home and its follow-up template (recalling the plan)
# closes the cycle.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

DAY1="PRAXIS_NOW=2026-03-03T09:00:00"
TUI_ENV=$DAY1 tui_start_px 100 30
tui_wait "Welcome to praxis" "a new journal"
tui_keys c
tui_wait "Critical incident (assumption hunting)" "c runs the critical incident template"
tui_wait "step 1 of 15 · critical incident" "its first step of fifteen (as far as the answers show)"
tui_wait "The account (required)" "the step's title, marked required"
tui_wait "Describe the event in three parts" "its prompt"
tui_wait "Stay with what was observable." "its guidance"
tui_wait "0 words · aim for about 160 · at least 80 · at most 250" "the step's word guide"
tui_type "Before the handover I assumed @Sam had read the notes. He had not."
tui_wait "13 words · aim for about 160" "words counted as they are typed"
tui_next_step
tui_wait "Who was involved" "Tab answers and goes to the next step"
tui_type "@Sam @Priya"
tui_next_step
tui_wait "How it worked out" "a choice"
tui_wait "2. Partly" "offered as a numbered menu"
tui_keys 3
tui_keys Enter
tui_wait "What kind of incident" "a number then Enter picks"
tui_type "handover delegation"
tui_next_step
tui_wait "[ ] 1. It did not go the way I expected" "a multiple choice with boxes"
tui_keys Space Down Down Space
tui_wait "[x] 3. I reacted more strongly" "Space ticks"
tui_keys BTab
tui_wait "What kind of incident" "Shift-Tab goes back"
tui_wait "> #incident/handover #incident/delegation" "with the answer given (under the step's tag prefix)"
tui_next_step
tui_wait "[x] 1. It did not go the way I expected" "forward again: the ticks are kept"
tui_next_step
tui_wait "Most engaged" "a text step"
tui_type "When Priya asked the right question at 3am."
tui_wait "· editing" "typing is not in the draft yet"
tui_wait "· draft saved" "a moment later it is"
kill -9 "$(cat "$SANDBOX/px.pid")"
tui_wait_file "$SANDBOX/px.rc" "killed (SIGKILL) mid-step"

TUI_ENV=$DAY1 tui_start_px 100 30
tui_wait "Unfinished" "the next start offers the run"
tui_wait "guided: Critical incident (assumption hunting): Before the handover" "named by its template and first answer"
tui_keys r
tui_wait "Most engaged" "it resumes at the step it was left at"
tui_wait "When Priya asked the right question at 3am." "with the typing intact"
tui_keys BTab BTab BTab
tui_wait "How it worked out" "earlier answers are there"
tui_wait "3. Ineffective" "the menu"
tui_tab_until "Action:" "on to the action step"
tui_wait "What small thing will you try" "the action step's prompt"
tui_type "Brief Sam in person before handovers"
tui_keys Enter
tui_type "+7d"
tui_keys Enter
tui_wait "→ Brief Sam in person before handovers (follow up +7d)" "an action is planned"
tui_keys Enter
tui_wait "ready to save" "an empty action ends the step (and this was the last)"
tui_wait "Every step is done." "the end"
tui_wait "How it worked out: Ineffective" "with the answers to look over"
tui_keys C-s
tui_wait "saved entry 1 (Critical incident (assumption hunting))" "^S saves the entry"
tui_wait_gone "Unfinished" "the draft went with it"
tui_keys Enter
tui_wait "How it worked out" "the entry shows each step as a heading"
tui_wait "Ineffective" "with its answer"
tui_wait "People: @Priya @Sam" "the people step's names"
tui_keys G
tui_wait "Actions planned" "the entry shows its action"
tui_wait "→ Brief Sam in person before handovers · follow up 2026-03-10 · open" "due in a week"
tui_keys q q
tui_expect_restored "the terminal is restored"

# A week later: the action is due and its follow-up template closes the cycle.
tui_start_px 100 30
tui_wait "Brief Sam in person before handovers" "the action is due on Home"
tui_wait "due today" "today"
tui_keys Enter
tui_wait "Action review" "Enter runs the action's follow-up template"
tui_wait "Brief Sam in person before handovers" "which recalls what was planned"
tui_tab_until "Did you try it: Brief Sam in person before handovers?" "on to the outcome"
tui_wait "1. Tried it, and it worked" "the outcomes as a menu"
tui_keys Enter
tui_wait "What did you do, and what happened as a result?" "it worked: what happened"
tui_type "I briefed Sam at the start of the shift and the handover was calm."
tui_tab_until "How close was the result to what you expected?" "on to a scale"
tui_wait "nothing like it" "with its low end named"
tui_keys 4
tui_wait "[4]" "a number picks a point on the scale"
tui_keys Left
tui_wait "[3]" "Left moves it"
tui_keys Right
tui_tab_until "ready to save" "on to the end"
tui_wait "Against expectation: 4" "the end lists the scale's answer"
tui_keys C-s
tui_wait "saved entry 2 (Action review)" "the follow-up is saved"
tui_wait "Nothing is due" "the cycle is closed: nothing is due"
tui_keys Enter
tui_wait "Entry 2" "the follow-up entry"
tui_wait "■■■■□ 4" "the scale as a small bar"
tui_wait "← Brief Sam in person before handovers (planned in entry 1) · worked" \
	"it follows up the action, which worked"
tui_keys q
tui_keys q
tui_expect_restored "the terminal is restored"
"$PRAXIS" --db "$DB" show 1 >"$SANDBOX/show1"
check "the action is done (worked)" grep -q "done" "$SANDBOX/show1"
tui_expect_clean "no sanitizer report, no leak"
finish
