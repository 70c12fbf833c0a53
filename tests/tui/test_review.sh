#!/bin/sh
# TUI: the Review screen opens on this month from Home (R) with the
# figures of `praxis review` — entries against last month, a rising tag, a
# distinctive term, a recurring theme, the action-reflection cycle — and
# steps to the period before and back, changes the length of the period,
# opens the entries behind a tag, a theme and an on-this-day line, fits
# 40x12, lists its keys in help, and opens from Browse on Browse's dates.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

add() { "$PRAXIS" --db "$DB" add "$@" >/dev/null || echo "setup: add $* failed"; }
for d in 05 12 19 26; do
	add --date "2026-01-$d 09:00" "Budget planning meeting with the finance team. #meetings"
done
add --date "2026-02-03 09:00" "Planning meeting with @Sam about the budget. #meetings #delegation"
add --date "2026-02-10 09:00" --title "Budget planning again" "Budget planning meeting again. #meetings"
add --date "2026-02-17 09:00" "Quiet budget week. #meetings"
add --date "2026-03-02 10:00" --title "Rota handover" "The rota handover went wrong with @Sam. #delegation #handover"
add --date "2026-03-03 10:00" --title "Rota again" "Delegating the rota to @Jo worked better. #delegation #handover"
add --frame incident --date "2026-03-05 10:00" --title "The rota meeting" \
	"The rota meeting went badly; nobody owned the rota. #delegation"
add --date "2026-03-06 10:00" --title "Budget" "One more budget planning meeting. #meetings"
# An action planned on 4 March, due on the 6th, followed up on the 7th.
cat >"$SANDBOX/plan.yaml" <<'EOF'
surprise: The rota clashed with training.
autopilot: Rota first.
on_the_spot: Asked Jo.
later: quick
come_back_quick: [{text: Ask Jo about the rota}]
EOF
PRAXIS_NOW=2026-03-04T12:00:00 "$PRAXIS" --db "$DB" new --template in-the-moment \
	--answers "$SANDBOX/plan.yaml" >/dev/null || echo "setup: the plan failed"
printf 'what: Jo said the rota needs a second pair of eyes.\n' >"$SANDBOX/follow.yaml"
PRAXIS_NOW=2026-03-07T12:00:00 "$PRAXIS" --db "$DB" follow-up 1 \
	--answers "$SANDBOX/follow.yaml" >/dev/null || echo "setup: the follow-up failed"

# tui_row TEXT DESC: as tui_wait, for a line holding TEXT once runs of
# spaces are squeezed (columns are padded to line up).
tui_row() {
	deadline=$(($(date +%s) + TUI_TIMEOUT))
	until printf '%s\n' "$screen" | tr -s ' ' | grep -qF -- "$1"; do
		if [ "$(date +%s)" -ge "$deadline" ]; then
			t_fail=$((t_fail + 1)); echo "not ok - $2"; echo "    no line with: $1"
			tui_show_diff "$1"
			return 1
		fi
		sleep 0.05
		tui_screen
	done
	ok_ "$2"
}

# The UI's trace says when a review is computed (one "review" line each).
export PRAXIS_TRACE="$SANDBOX/trace"
computes() { grep -c '^[0-9.]* review ' "$SANDBOX/trace"; }

tui_start_px 100 30
tui_wait "Recent entries" "Home"
tui_keys R
tui_wait "Review · March 2026" "R on Home reviews this month"
tui_wait "6 (February 2026: 3)" "entries against the month before"
tui_row "days written 6 of 10 so far" "days written so far"
tui_row "longest streak 6 days from 2026-03-02" "the longest streak"
tui_row "day by day most in a day: 1" "a sparkline of the days"
tui_row " ██████" "drawn in blocks, a day a column"
tui_row "critical incident 1 ████" "entries per frame, with bars"
tui_row "#delegation 3 1 rising ████" "a rising tag against last month"
tui_row "#meetings 1 3 falling" "and a falling one"
tui_row "@Jo 1 0 new" "people with their change"
tui_wait "Distinctive terms" "the distinctive terms"
tui_row "rota 5 entries, z 2.4" "a term of the month"
tui_row "rota: 5 entries, 1 critical incident" "a recurring theme"
tui_row "#delegation + #handover 2 entries" "tags that go together"
tui_keys G
tui_wait "On this day" "G goes to the bottom of the review"
tui_row "1 planned, 1 followed up" "the cycle: planned and followed up"
tui_row "100% of cycles closed (1 of 1 due)" "and closed"
tui_row "2026-02-10 a month ago Budget planning again" "on this day"
tui_keys g
tui_wait "Review · March 2026" "g back to the top"
check "moving through the rows computes nothing again" [ "$(computes)" -eq 1 ]

tui_keys '['
tui_wait "Review · February 2026" "[ steps to the month before"
tui_wait "3 (January 2026: 4)" "with its own figures"
tui_keys ']'
tui_wait "Review · March 2026" "] steps back"
check "each period is computed once" [ "$(computes)" -eq 3 ]
tui_keys ']'
tui_wait "March 2026 holds today: there is nothing after it yet" "and no further than today"
tui_keys w
tui_wait "Review · week 11 of 2026" "w reviews the week holding today"
tui_wait "0 (week 10 of 2026 (2–8 Mar): 6)" "against the week before"
tui_wait "No entries in this period." "and says it is empty"
tui_keys h
tui_wait "Review · week 10 of 2026" "h steps back a week"
tui_wait "6 (week 9 of 2026" "to the week of the entries"
tui_keys y
tui_wait "Review · 2026" "y a year"
tui_wait "week by week" "drawn week by week"
tui_keys t
tui_wait "Review · Q1 2026" "t a quarter"
tui_keys d
tui_wait "Period to review:" "d asks for any period"
tui_type "1900-01"
tui_keys Enter
tui_wait "Review · January 1900" "and reviews it"
tui_wait "No entries in this period or the one before it." "an empty month says so"
tui_keys '['
tui_wait "praxis keeps dates from 1900 to 9999 only" "and nothing comes before 1900"
tui_keys d
tui_type "2026-03-01..2026-03-10"
tui_keys Enter
tui_wait "Review · 1–10 Mar 2026" "a span of days"
tui_keys '['
tui_wait "Review · 19–28 Feb 2026" "steps by its own length"
tui_keys m
tui_wait "Review · February 2026" "m the month holding it"
tui_keys l
tui_wait "Review · March 2026" "l the month after"

# Enter on a tag: Browse with the tag over the month.
tui_keys g j j j j j j j j j j Enter
tui_wait "Browse · #delegation · 2026-03-01..2026-03-31" "Enter on a tag browses its entries"
tui_wait "The rota meeting" "the month's entries with the tag"
tui_wait "Rota again" "all of them"
tui_wait_gone "Planning meeting with @Sam" "not February's"
tui_keys q
tui_wait "Review · March 2026" "q goes back to the review"

# Enter on a theme: the entries the review names.
tui_keys G k k k k k k Enter
tui_wait "5 entries with 'rota', March 2026" "Enter on a theme lists its entries and says what they are"
tui_wait "Jo said the rota needs a second pair of eyes." "the follow-up is one"
tui_wait "The rota clashed with training." "and the entry that planned it"
tui_wait_gone "One more budget planning meeting" "an entry without the theme is not"
tui_keys q
tui_keys G Enter
tui_wait "Entry 6" "Enter on a day of the past opens its entry"
tui_wait "Budget planning meeting again." "its text"
tui_keys q
tui_wait "Review · March 2026" "back to the review"

before_resize=$(computes)
tui_resize 40 12
tui_wait "Review · March 2026" "the review fits 40x12"
tui_keys g
tui_wait "entries        6 (February 2026: 3)" "its labels narrow to fit"
tui_screen
wide=$(printf '%s\n' "$screen" | wc -L)
check "no line is wider than the terminal" [ "$wide" -le 40 ]
tui_resize 30 10
tui_wait "terminal too small" "below 40x12 it says so"
tui_resize 100 30
tui_wait "#delegation" "and comes back whole"
check "a resize draws again without computing again" [ "$(computes)" -eq "$before_resize" ]

tui_keys '?'
tui_wait "Keys: Review" "? opens the Review's help"
tui_wait "Review the period before" "which lists stepping"
tui_wait "Review a quarter (a term of three months) at a time" "and the lengths of a period"
tui_wait "This review" "under their own heading"
tui_keys q
tui_wait "Review · March 2026" "q closes help"
tui_keys q
tui_wait "Follow-ups due" "q goes back to Home"

tui_keys b d
tui_type "2026-02"
tui_keys Enter
tui_wait "2026-02-01..2026-02-28" "Browse February"
tui_keys R
tui_wait "Review · February 2026" "R in Browse reviews the month it shows"
tui_keys q q q
tui_expect_restored "the terminal is restored"
tui_expect_rc 0 "praxis exits 0"
tui_expect_clean "no sanitizer report, no leak"
finish
