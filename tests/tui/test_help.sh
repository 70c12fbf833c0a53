#!/bin/sh
# TUI: `?` (F1 or ^G while writing) on every screen lists that screen's
# keys, generated from the key table the loop dispatches with: each key,
# the action's name (what `:` runs) and its help sentence, and nothing a
# screen does not bind.  `:` runs an action by the name help shows.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

"$PRAXIS" --db "$DB" inquiry new "How do I delegate?" >/dev/null
"$PRAXIS" --db "$DB" add --frame inquiry --inquiry 1 --title "First try" "Asked. #delegation" \
	>/dev/null

has() { tui_wait "$1" "$2"; }
lacks() {
	case $screen in *"$1"*) fail_ "$2" "help lists: $1" ;; *) ok_ "$2" ;; esac
}

tui_start_px 100 40
tui_wait "First try" "Home"
tui_keys '?'
has "Keys: Home" "? opens help for Home"
has "Write a quick note" "Home's help lists n"
has "critical incident" "and the other frames"
has "new-inquiry" "with each action's name"
has "Resume the selected unfinished entry" "and resuming drafts"
tui_screen
lacks "Move the entry to the trash" "Home's help lists no key Home lacks"
tui_keys q
tui_wait "Recent entries" "q closes help"

tui_keys b '?'
has "Keys: Browse" "help for Browse"
has "Search as you type" "Browse's help lists /"
has "Show one frame only" "and the filters"
has "Clear the search and every filter" "and clearing them"
has "Export the entries listed, as filtered, to a file" "and exporting what they show"
has "Enter, l " "Return, however the terminal sends it, is listed once"
tui_screen
lacks "Enter, Enter" "and never twice"
tui_keys Escape
tui_wait "1 entry" "Esc closes help"

tui_keys Enter '?'
has "Keys: Entry" "help for the Entry screen"
has "Move the entry to the trash" "Entry's help lists d"
has "Go to the next entry of the inquiry" "and the chain keys"
has "Plan an action to try" "and planning"
tui_keys q
tui_keys i
tui_wait "Inquiry 1" "i opens the entry's inquiry"
tui_keys '?'
has "Keys: Inquiry" "help for the Inquiry screen"
has "Close the inquiry, with a summary" "the Inquiry screen's keys"
tui_keys q q q q
tui_wait "Recent entries" "back on Home"

tui_keys w Enter
tui_wait "New note" "the editor"
tui_type "Why? Because: it works."
tui_wait "Why? Because: it works." "? and : are typed as text in the editor"
tui_keys F1
has "Keys: Writing" "F1 opens help while writing"
has "Save the entry (guided" "^S"
has "Cut the line" "line cut"
has "Undo the last change" "undo"
has "ordinary characters here" "help says why ? types"
tui_screen
lacks "Search as you type" "the editor's help lists only its keys"
tui_keys q
tui_wait "Why? Because: it works." "the text is still there after help"
tui_keys C-g
has "Keys: Writing" "^G opens help too"
tui_keys q
tui_keys C-s
tui_wait "saved entry 2" "the note saves"

tui_keys c
tui_wait "step 1 of" "c starts a guided critical incident"
tui_keys F1
has "Keys: Guided reflection" "F1 opens help for a guided run"
has "Answer this step and go to the next" "Tab"
has "Go back to the previous step" "Shift-Tab"
has "Tick or untick the option" "Space in a multiple choice"
tui_keys q
tui_wait "step 1 of" "back to the step"
tui_keys Escape
tui_wait "Recent entries" "Esc with nothing answered closes at once"

tui_keys :
tui_type "browse"
tui_keys Enter
tui_wait "Browse" ":browse runs the action named in help"
tui_keys :
tui_type "serch"
tui_keys Enter
tui_wait "'serch' is not an action here (did you mean 'search'?)" ":NAME suggests the nearest name"
tui_keys q q
tui_expect_restored "the terminal is restored"
tui_expect_clean "no sanitizer report, no leak"
finish
