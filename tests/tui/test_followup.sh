#!/bin/sh
# TUI: the action-reflection cycle.  An action planned from an entry comes
# back on Home when its date comes (due today, or overdue); following it up
# writes the next entry of the inquiry and records how it went, which
# closes the cycle (or carries it on with a new date); the Inquiry screen
# shows the chain entry -> action -> follow-up.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

PRAXIS_NOW=2026-03-03T09:00:00 "$PRAXIS" --db "$DB" inquiry new "How do I delegate well?" >/dev/null
PRAXIS_NOW=2026-03-03T09:00:00 "$PRAXIS" --db "$DB" add --frame inquiry --inquiry 1 \
	--title "Handover went wrong" "I assumed @Sam had read the notes." >/dev/null

# A week earlier: plan two actions from the entry.
TUI_ENV="PRAXIS_NOW=2026-03-03T09:00:00" tui_start_px 100 30
tui_wait "Handover went wrong" "the entry on Home, on 3 March"
tui_keys j j
tui_keys Enter
tui_wait "Entry 1" "opened"
tui_keys a
tui_type "Brief Sam in person"
tui_keys Enter
tui_wait "Follow it up on" "asked when"
tui_keys Enter
tui_wait "Home brings it back on Tue 10 Mar 2026" "due in a week"
tui_keys a
tui_type "Write a handover checklist"
tui_keys Enter
tui_wait "Follow it up on" "asked when"
tui_keys C-u
tui_type "2026-03-08"
tui_keys Enter
tui_wait "Home brings it back on Sun 8 Mar 2026" "due on the 8th"
tui_keys q
tui_wait "Nothing is due" "nothing is due yet on the 3rd"
tui_keys q
tui_expect_restored "the terminal is restored"

# On the 10th (the tests' fixed today) both have come back.
tui_start_px 100 30
tui_wait "Follow-ups due" "Home on 10 March"
tui_wait "2026-03-08  Write a handover checklist" "the overdue action is listed first"
tui_wait "2 days overdue" "with how late it is"
tui_wait "2026-03-10  Brief Sam in person" "the action due today"
tui_wait "due today" "is due today"
tui_wait '(from "Handover went wrong")' "with the entry that planned it"

tui_keys j w
tui_wait "Follow-up (inquiry)" "w on a due action writes its follow-up without prompts"
tui_wait "Following up: Brief Sam in person (planned 2026-03-03)" "naming the action"
tui_wait "# Follow-up: Brief Sam in person" "with a title to start from"
tui_type "Briefed Sam face to face; it went well."
tui_keys C-s
tui_wait "How did the action go?" "saving asks how it went"
tui_keys Enter
tui_wait "followed up: the cycle is closed" "It worked: the cycle is closed"
tui_wait "2 days overdue" "the other action is still due"
tui_wait_gone "due today" "the followed-up one is gone from Home"

tui_keys w
tui_wait "Following up: Write a handover checklist" "the overdue one"
tui_type "Not written yet."
tui_keys C-s
tui_wait "How did the action go?" "how did it go"
tui_keys j j j Enter
tui_wait "Try it again by" "Not yet asks for a new date"
tui_keys Enter
tui_wait "the action is due again later" "it carries on"
tui_wait "Nothing is due" "nothing is due today any more"

tui_wait "How do I delegate well?" "the inquiry is on Home"
tui_keys g Enter
tui_wait "Inquiry 1" "Enter opens the inquiry"
tui_wait "3 entries · 2 actions · 2 followed up · 0 due · 1 still open" "with its totals"
tui_wait "2026-03-03 09:00  ?  Handover went wrong" "the first entry"
tui_wait "→ Brief Sam in person · follow up 2026-03-10 · done (worked)" "its action, done"
tui_wait "↳ followed up in entry 2 on 2026-03-10: Follow-up: Brief Sam in person" \
	"and where it was followed up"
tui_wait "→ Write a handover checklist · follow up 2026-03-17 · open (not-yet)" \
	"the action carried on, with its new date"
tui_wait "2026-03-10 09:00  ?  Follow-up: Brief Sam in person" "the follow-up is the next step"
tui_keys c
tui_wait "What did the inquiry show you?" "c asks for a summary"
tui_type "Asking works better than telling."
tui_keys Enter
tui_wait "closed 2026-03-10" "the inquiry is closed"
tui_wait "Summary: Asking works better than telling." "with its summary"
tui_keys o
tui_wait "open since 2026-03-03" "o opens it again"
tui_keys q q
tui_expect_restored "the terminal is restored"
"$PRAXIS" --db "$DB" inquiry show 1 >"$SANDBOX/show"
check "the journal has the follow-up entries" grep -q "Follow-up: Brief Sam in person" "$SANDBOX/show"
tui_expect_clean "no sanitizer report, no leak"
finish
