#!/bin/sh
# CLI: `praxis review` over a journal with known themes: the report's
# figures, scopes, JSON, the ASCII fallback outside UTF-8, a review
# template reading the facts, and bad periods and scopes.
. "$(dirname "$0")/../lib.sh"

export PRAXIS_NOW=2026-04-02T09:00:00
add_on() { px add --date "$1" "$2"; }
# expect_row TEXT DESC: a report line holding TEXT, runs of spaces squeezed.
expect_row() {
	if printf '%s\n' "$out" | tr -s ' ' | grep -qF -- "$1"; then ok_ "$2"
	else fail_ "$2" "no line with: $1"; fi
}
for i in 01 08 15; do
	add_on "2026-02-$i 09:00" "Planning meeting with @Sam. #meetings"
done
add_on "2026-03-02 10:00" "Delegation went wrong with @Sam. #delegation #handover"
add_on "2026-03-03 10:00" "Delegating the rota to @Sam. #delegation"
add_on "2026-03-04 10:00" "Another delegation question with @Jo. #delegation #handover"
px add --frame incident --date "2026-03-06 10:00" --title "The difficult meeting" \
	"The difficult meeting about delegation. #meetings #delegation"
expect_rc 0 "setup: a journal with themes"

px review 2026-03
expect_rc 0 "review a month"
expect_out "Review of March 2026 (2026-03-01 to 2026-03-31)" "the report names the period"
expect_out "entries            4 (February 2026: 3)" "entries against the previous month"
expect_out "longest streak 3 days (2026-03-02 to 2026-03-04)" "the longest streak"
expect_row " #delegation 4 0 new " "a new tag"
expect_row " #meetings 1 3 falling " "a falling tag"
expect_row " @Sam 2 3 falling " "people with their change"
expect_row " @Jo 1 0 new " "and a new person"
expect_out "#delegation: 4 entries, 1 critical incident" "a recurring theme"
expect_out "#delegation + #handover  2 entries" "tags that go together"
expect_out "█" "bars in block characters in a UTF-8 locale"

LC_ALL=C px review 2026-03
expect_no_out "█" "plain ASCII when the locale is not UTF-8"
expect_out "####" "ASCII bars instead"

px review march 2026
expect_rc 2 "a period that does not parse is a usage error"
expect_one_line_error "in one line"
px review last month
expect_rc 0 "a period of several words"
expect_out "Review of March 2026" "last month from 2 April is March"
px review 2026-03 --tag delegation
expect_out "entries            4" "a tag scope"
expect_out ", tag #delegation" "the scope is named"
px review 2026-03 --tag delegaton
expect_rc 1 "a tag no entry has is refused"
expect_err "praxis: no tag '#delegaton' (did you mean '#delegation'?)" "with the nearest tag"
px review --frame incident 2026-03
expect_out "entries            1 (February 2026: 0)" "a frame scope, options first"
px review 2026-03 --inquiry 7
expect_rc 1 "an unknown inquiry"
expect_err "inquiry 7: no such inquiry" "is named"
px review 2030-01
expect_rc 0 "an empty period"
expect_out "No entries in this period" "says so"

px review 2026-03 --format json
expect_rc 0 "json"
expect_out '"entries": 4' "json has the figures"
expect_out '"change": "falling"' "and the changes"
expect_out '"label": "March 2026"' "and the label"

# A bundled template's own tag (weekly-review's #weekly-review) is counted
# but is no theme and pairs with nothing on the entries the template
# wrote: it recurs because the template was used.  Typed by hand on other
# entries, it counts as any tag.
DB_SAVED=$DB
DB=$SANDBOX/weeks.db
printf 'engaged: "A week of #rota changes."\nnext_focus: Hand over the rota.\n' >"$SANDBOX/week.yaml"
for w in 10:08 11:15 12:22; do
	px new --template weekly-review --period "2026-W${w%:*}" --date "2026-03-${w#*:} 18:00" \
		--answers "$SANDBOX/week.yaml"
	expect_rc 0 "weekly review of week ${w%:*}"
done
px review 2026-03
expect_row " #weekly-review 3 0 new " "a template's tag is counted"
expect_out "#rota: 3 entries" "the learner's own tag is a theme"
expect_no_out "#weekly-review: 3 entries" "the template's tag is not"
expect_no_out "#rota + #weekly-review" "and goes with no other tag"
for d in 03 10 17; do
	px add --date "2026-03-$d 08:00" --tag weekly-review "My own weekly note on the #rota."
done
px review 2026-03
expect_row " #weekly-review 6 0 new " "typed by hand, the tag is counted with the template's"
expect_out "#weekly-review: 3 entries" "and the three typed by hand are a theme"
expect_row " #rota + #weekly-review 3 entries" "which goes with the tags typed with it"
DB=$DB_SAVED

# A review template reads the same figures by name.
printf 'next_focus: Delegating the rota for good.\n' >"$SANDBOX/month.yaml"
px new --template monthly-review --period 2026-03 --answers "$SANDBOX/month.yaml"
expect_rc 0 "a monthly review runs over the month's facts"
entry=$(printf '%s\n' "$out" | sed -n 's/^saved entry \([0-9]*\):.*/\1/p')
px show "$entry"
expect_out "4 entries" "the summary fact is recalled into the entry"

finish
