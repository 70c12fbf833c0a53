#!/bin/sh
# TUI: the journal screen open while `praxis add` writes to the same
# journal from another terminal.  Every add succeeds at once (the open UI
# holds no lock: no "journal busy"), and what it wrote shows without
# restarting: on Home (its recent entries and an inquiry's count) and in
# Browse (rows, the header's count, a filter still applied), with no key
# pressed, since the UI looks at the journal's change counter when idle;
# ^L reads the journal again too.  The row selected in Browse stays
# selected when newer entries arrive above it, and the UI writing a draft
# and saving an entry meanwhile does not stop the CLI either.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

ms() { date +%s%3N; }
# cli_add DESC ARGS...: the real CLI adds an entry; it must succeed at once.
cli_add() {
	d=$1; shift
	t0=$(ms)
	px add "$@"
	took=$(($(ms) - t0))
	if [ "$rc" -eq 0 ] && [ -z "$err" ]; then ok_ "$d"; else fail_ "$d" "praxis add failed"; fi
	case $err in *busy*) fail_ "$d: not busy" "the open UI made the CLI wait" ;; esac
	adds=$((adds + 1))
	[ "$took" -gt "$slowest" ] && slowest=$took
	added_at=$(ms)
}
# seen TEXT DESC: TEXT shows without a key; records how long it took.
seen() {
	tui_wait "$1" "$2" || return 1
	lag=$(($(ms) - added_at))
	[ "$lag" -gt "$worst_lag" ] && worst_lag=$lag
	return 0
}
adds=0 slowest=0 worst_lag=0 added_at=0

"$PRAXIS" --db "$DB" inquiry new "How do I hand over well?" >/dev/null
"$PRAXIS" --db "$DB" add --frame inquiry --inquiry 1 --title "First handover" \
	--date 2026-03-02 "Rushed it. #handover" >/dev/null
"$PRAXIS" --db "$DB" add --title "Seed note" --date 2026-03-03 "Quiet day. #ward" >/dev/null

TUI_ENV="PRAXIS_TRACE=$SANDBOX/trace"
tui_start_px 100 32
tui_wait "Seed note" "Home shows the journal as it was"
tui_wait "1 entry · last" "the inquiry has one entry"

# ---- Home, no key pressed ----------------------------------------------------
cli_add "praxis add succeeds while the UI is open" --title "Written elsewhere" \
	--date 2026-03-09 "From another terminal. #ward"
seen "Written elsewhere" "Home shows the CLI's entry without a key or a restart"
cli_add "a second add succeeds" --title "Second from outside" --date 2026-03-08 "More. #other"
cli_add "a third, at once after it" --frame inquiry --inquiry 1 --title "Slower handover" \
	--date 2026-03-10 "Took my time. #handover"
seen "Slower handover" "both show"
tui_wait "Second from outside" "the one in between too"
seen "2 entries · last" "the inquiry's count follows"

# ---- Browse: rows, count, filter -----------------------------------------------
tui_keys b
tui_wait "5 entries" "Browse counts every entry, the CLI's included"
tui_keys t
tui_type "ward"
tui_keys Enter
tui_wait "Browse · #ward" "a tag filter"
tui_wait "2 entries" "two entries have the tag"
cli_add "an add while Browse is filtered" --title "Third ward note" --date 2026-03-07 "#ward"
cli_add "and one the filter leaves out" --title "Not on the ward" --date 2026-03-07 "#home"
seen "Third ward note" "Browse shows the new entry the filter lets through"
seen "3 entries" "the header's count follows"
tui_screen
case $screen in
*"Not on the ward"*) fail_ "the filter still applies to new entries" "listed: Not on the ward" ;;
*) ok_ "the filter still applies to new entries" ;;
esac

# The selection stays on its entry when newer ones arrive above it.
tui_keys x
tui_wait "7 entries" "x clears the filter: every entry"
tui_keys G
cli_add "an add above the selected row" --title "Newest of all" --date 2026-03-10 "#late"
seen "8 entries" "the new entry is counted"
tui_keys Enter
tui_wait "First handover" "Enter opens the row selected before the add, not the new one"
tui_keys q

# ^L: what a person presses to see the journal as it is now.
tui_keys C-l
tui_wait "8 entries" "^L redraws and reads the journal again"

# ---- the UI writing at the same time -------------------------------------------
tui_keys H
tui_wait "Recent entries" "H back to Home"
tui_keys w Enter
tui_wait "New note" "the Writing screen"
tui_type "# Mine, from the UI"
tui_keys Enter
tui_type "Typed while the CLI writes."
sleep 1.5   # the autosave's pause: the UI writes its draft now
cli_add "praxis add succeeds while the UI keeps a draft" --title "Outside during typing" \
	--date 2026-03-06 "#ward"
tui_keys C-s
tui_wait "Recent entries" "^S saves the UI's entry after the CLI's write"
seen "Outside during typing" "Home shows the CLI's entry"
tui_wait "Mine, from the UI" "and the UI's own"
px list
case $out in
*"Mine, from the UI"*"Outside during typing"* | *"Outside during typing"*"Mine, from the UI"*)
	ok_ "the CLI sees both entries" ;;
*) fail_ "the CLI sees both entries" "praxis list lacks one" ;;
esac
px check
expect_rc 0 "the journal checks clean"

# ---- a long list: the window around the selection is kept ---------------------
# Browse holds a window of rows; reading again after another praxis wrote
# must not throw the reader back to the top.  250 old entries arrive by
# import while the UI is open, G goes to the oldest, an add lands at the
# top, out of sight: once the UI has seen the change (its trace says so),
# Enter still opens the oldest entry.
i=1
while [ "$i" -le 250 ]; do
	printf '[2025-%02d-%02d 09:00 AM] Old entry %d.\nBody %d.\n\n' \
		$(((i - 1) / 28 + 1)) $(((i - 1) % 28 + 1)) "$i" "$i"
	i=$((i + 1))
done >"$SANDBOX/old.txt"
px import --format jrnl-txt "$SANDBOX/old.txt"
expect_rc 0 "an import of 250 entries succeeds while the UI is open"
tui_keys b
tui_wait "newest first" "Browse pages a long list"
tui_keys G
tui_wait "Old entry 1." "G goes to the oldest entry"
changes=$(grep -c ' journal changed elsewhere' "$SANDBOX/trace")
cli_add "an add while the oldest entry is selected" --title "Deep newest" --date 2026-03-10 "#late"
deadline=$(($(date +%s) + TUI_TIMEOUT))
while [ "$(grep -c ' journal changed elsewhere' "$SANDBOX/trace")" -le "$changes" ] &&
	[ "$(date +%s)" -lt "$deadline" ]; do sleep 0.05; done
check "the UI notices the add without a key" \
	[ "$(grep -c ' journal changed elsewhere' "$SANDBOX/trace")" -gt "$changes" ]
tui_keys Enter
tui_wait "Body 1." "Enter still opens the oldest entry, selected before the add"
tui_keys q g
tui_wait "Deep newest" "and the new entry is at the top"

tui_keys q q
tui_expect_restored "the terminal is restored"
tui_expect_clean "no sanitizer report, no leak"
echo "# $adds adds while the UI was open, none busy; slowest add ${slowest} ms;" \
	"longest from an add's return to the screen showing it ${worst_lag} ms"
finish
