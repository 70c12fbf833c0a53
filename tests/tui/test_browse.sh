#!/bin/sh
# TUI: Browse lists every entry newest first, one line each; filters by
# frame, tag, person, inquiry and dates add up and clear; `/` searches as
# you type with the matched word highlighted; n goes to the next match;
# Esc ends the search.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

add() { "$PRAXIS" --db "$DB" add "$@" >/dev/null || echo "setup: add $* failed"; }
add --frame incident --title "Handover went wrong" --date 2026-03-02 \
	"I assumed @Sam had read the notes about delegation."
add --frame period --title "Quiet week" --from 2026-03-02 --to 2026-03-08 --date 2026-03-08 \
	"Nothing much happened. #reflection"
add --title "Coffee with Priya" --date 2026-03-09 "@Priya talked about feedback. #feedback"
"$PRAXIS" --db "$DB" inquiry new "How do I delegate well?" >/dev/null
add --frame inquiry --inquiry 1 --title "Asking, not telling" --date 2026-03-10 \
	"Tried asking rather than telling. Delegation felt lighter. #delegation"
add --title "Old note" --date 2026-02-01 "#feedback from last month"

tui_start_px 100 30
tui_wait "Recent entries" "Home"
tui_keys b
tui_wait "Browse" "b opens Browse"
tui_wait "5 entries" "Browse counts the entries"
tui_screen
first=$(printf '%s\n' "$screen" | sed -n 2p)
case $first in *"2026-03-10 00:00 ? Asking, not telling"*) ok_ "newest first, with the frame mark" ;;
*) fail_ "newest first, with the frame mark" "first row: $first" ;; esac
tui_wait "2026-03-02 00:00 ! Handover went wrong" "an incident row: date, mark, title"
tui_wait "#feedback" "rows show their tags"

tui_keys f
tui_wait "Show which frame?" "f offers the frames"
tui_keys j j Enter
tui_wait "Browse · critical incident" "the header names the frame filter"
tui_wait "Handover went wrong" "the incident is listed"
tui_wait_gone "Coffee with Priya" "other frames are not"
tui_keys x
tui_wait "Coffee with Priya" "x clears the filter"

tui_keys t
tui_type "feedbak"
tui_keys Enter
tui_wait "no tag '#feedbak' (did you mean '#feedback'?)" "a tag no entry has is refused, with the nearest"
tui_wait "Coffee with Priya" "and the list stays as it was"
tui_keys p
tui_type "Samm"
tui_keys Enter
tui_wait "no person '@Samm' (did you mean '@Sam'?)" "so is a person the journal does not know"
tui_keys t
tui_wait "Tag (power/ for a family" "t asks for a tag"
tui_type "feedback"
tui_keys Enter
tui_wait "Browse · #feedback" "the header names the tag"
tui_wait "Old note" "entries with the tag are listed"
tui_wait_gone "Handover went wrong" "entries without it are not"
tui_keys d
tui_wait "Dates (last week" "d asks for dates"
tui_type "2026-03"
tui_keys Enter
tui_wait "· #feedback · 2026-03-01..2026-03-31" "filters add up"
tui_wait_gone "Old note" "February is left out"
tui_wait "Coffee with Priya" "March's entry with the tag stays"
tui_keys x

tui_keys p
tui_type "sam"
tui_keys Enter
tui_wait "Browse · @sam" "p filters by person"
tui_wait "Handover went wrong" "the entry mentioning @Sam (any case)"
tui_wait_gone "Coffee with Priya" "not the one mentioning @Priya"
tui_keys x I
tui_wait "Show the entries of which inquiry?" "I lists the inquiries"
tui_keys j Enter
tui_wait "inquiry: How do I delegate well?" "the header names the inquiry"
tui_wait "Asking, not telling" "its entry is listed"
tui_wait_gone "Handover went wrong" "others are not"
tui_keys x

tui_keys /
tui_type "deleg"
tui_wait "Search: deleg" "/ searches as you type"
tui_wait "2 matches" "the count of matches"
tui_wait "Asking, not telling" "the best match"
tui_wait "Handover went wrong" "and the other"
esc=$(printf '\033')
hits=$(tm capture-pane -e -p -t t | grep -c "${esc}\[[0-9;]*m[Dd]elegat")
check "the search so far finds the word being typed" [ "$hits" -ge 1 ]
tui_type "at"
tui_wait "Search: delegat*" "a word typed part way is looked for as the start of a word"
tui_wait "2 matches" "which finds what the whole word will"
tui_type "ion"
tui_wait "Search: delegation " "typing on refines the search"
tui_wait "2 matches" "the whole word finds both still"
hits=$(tm capture-pane -e -p -t t | grep -c "${esc}\[[0-9;]*m[Dd]elegat")
check "the matched words are highlighted" [ "$hits" -ge 2 ]
tui_keys Enter
tui_wait "n and N go through the matches" "Enter keeps the results"
tui_keys n Enter
tui_wait "Entry 1" "n selects the next match, Enter opens it"
tui_wait "I assumed @Sam had read the notes about delegation." "the second match's text"
tui_keys q
tui_wait "Search: delegation" "back to the results"
tui_keys Escape
tui_wait "Browse  " "Esc ends the search"
tui_wait "5 entries" "and the list is back"
tui_keys /
tui_type '"unbalanced'
tui_wait "unbalanced quote" "a query that does not parse says why on the status line"
tui_keys Escape
tui_wait_gone '"unbalanced' "Esc drops the query"
tui_keys q
tui_wait "Follow-ups due" "q goes back to Home"
tui_keys q
tui_expect_restored "the terminal is restored"
tui_expect_clean "no sanitizer report, no leak"
finish
