#!/bin/sh
# CLI: `praxis inquiry new|list|show|close|reopen` end to end on a real
# journal: entries filed under an inquiry with `add --frame inquiry
# --inquiry ID`, the three output shapes, the order by last activity, and
# every refusal with its exit status and its one-line error.
. "$(dirname "$0")/../lib.sh"

# line N of $out
line() { printf '%s\n' "$out" | sed -n "${1}p"; }
count_lines() { printf '%s' "$out" | grep -c .; }

# --- before there is a journal ---------------------------------------------------
px inquiry
expect_rc 1 "listing inquiries with no journal fails"
expect_err "no journal yet" "and says there is no journal yet"
expect_one_line_error "no journal: one line"

# --- new --------------------------------------------------------------------------
PRAXIS_NOW=2026-03-01T08:00:00 px inquiry new How do I delegate without abdicating?
expect_rc 0 "inquiry new opens an inquiry (and the journal)"
expect_out_eq "opened inquiry 1: How do I delegate without abdicating?" \
	"the question is the words joined, and the new id is reported"

PRAXIS_NOW=2026-03-05T08:00:00 px inquiry new "  What makes feedback land?  "
expect_out_eq "opened inquiry 2: What makes feedback land?" "surrounding blanks are trimmed"

px inquiry new --help
expect_rc 0 "inquiry new --help is help"
expect_out "usage: praxis inquiry" "and prints the usage"
px inquiry new -- --why does this start with dashes?
expect_rc 0 "after --, a question may start with dashes"
expect_out_eq "opened inquiry 3: --why does this start with dashes?" "the dashes are kept"

px inquiry new
expect_rc 2 "inquiry new without a question is a usage error"
expect_err "inquiry new needs the QUESTION" "and says what is missing"
expect_one_line_error "missing question: one line"

px inquiry new "   "
expect_rc 1 "a blank question is refused"
expect_err "praxis: the question is empty" "and says it is empty"
expect_one_line_error "blank question: one line"

px inquiry new "$(printf 'two\nlines')"
expect_rc 1 "a question of two lines is refused"
expect_err "the question must be one line" "and says why"
expect_one_line_error "two-line question: one line"

px inquiry new "$(head -c 501 /dev/zero | tr '\0' q)"
expect_rc 1 "a question over 500 bytes is refused"
expect_err "the question is too long (501 bytes; at most 500)" "and gives the limit"

px inquiry new "$(printf 'caf\351?')"
expect_rc 1 "a question that is not UTF-8 is refused"
expect_err "not valid UTF-8 (bad byte at offset 3)" "and points at the bad byte"

px inquiry new -x
expect_rc 2 "an unknown option to inquiry new is a usage error"
expect_one_line_error "unknown option: one line"

px inquiry list --all --format tsv
check "none of the refused questions was stored" [ "$(count_lines)" -eq 3 ]

# --- entries filed under an inquiry ---------------------------------------------------
PRAXIS_NOW=2026-03-08T18:00:00 px add --frame inquiry --inquiry 1 --title "First try" \
	"Asked @Sam to lead the handover. #delegation"
expect_rc 0 "add files an inquiry entry"
PRAXIS_NOW=2026-03-09T18:00:00 px add --inquiry 1 "A note on the same question"
expect_rc 0 "an entry of another frame can join the inquiry too"
px add --frame inquiry --inquiry 2 --date 2026-02-01 "Backdated thoughts on feedback"
expect_rc 0 "a backdated entry joins inquiry 2"

px add --frame inquiry --inquiry 99 "Lost"
expect_rc 1 "filing under an unknown inquiry fails"
expect_err "inquiry 99: no such inquiry" "and names the inquiry"
expect_one_line_error "unknown inquiry on add: one line"

# --- list ----------------------------------------------------------------------------
px inquiry list
expect_rc 0 "inquiry list"
expect_out_eq "$(printf '3\topen\t0\t2026-03-10\t--why does this start with dashes?\n1\topen\t2\t2026-03-09\tHow do I delegate without abdicating?\n2\topen\t1\t2026-03-05\tWhat makes feedback land?')" \
	"tab-separated when piped, most recent activity first, a backdated entry not counting as activity"

px inquiry
expect_out_eq "$(printf '3\topen\t0\t2026-03-10\t--why does this start with dashes?\n1\topen\t2\t2026-03-09\tHow do I delegate without abdicating?\n2\topen\t1\t2026-03-05\tWhat makes feedback land?')" \
	"inquiry alone is inquiry list"

px inquiry list --format table
expect_out "ID  STATUS  ENTRIES  ACTIVE      QUESTION" "the table has a header"
expect_out "1   open    2        2026-03-09  How do I delegate without abdicating?" \
	"and aligned rows"

px inquiry list --format json
expect_out '"question": "How do I delegate without abdicating?"' "json has the question"
expect_out '"status": "open"' "json has the status"
expect_out '"entries": 2' "json has the entry count"
expect_out '"closed": null' "an open inquiry's closing date is null"
expect_out '"last_activity": "2026-03-09 18:00:00"' "json has the last activity"

px inquiry list --format yaml
expect_rc 2 "an unknown format is a usage error"
expect_err "'yaml' is not a format (table, tsv or json)" "and lists the formats"
px inquiry list --format jsno
expect_err "'jsno' is not a format (did you mean 'json'?)" "a misspelt format gets a suggestion"
px inquiry list extra
expect_rc 2 "an operand to list is a usage error"
expect_err "unexpected argument 'extra'" "and names it"

# --- show ----------------------------------------------------------------------------
px inquiry show 1
expect_rc 0 "inquiry show"
expect_out_eq "$(printf '%s\n' \
	'inquiry 1 (open): How do I delegate without abdicating?' \
	'opened 2026-03-01 08:00:00' \
	'#1 2026-03-08 inquiry "First try"' \
	'#2 2026-03-09 note "A note on the same question"' \
	'2 entries, 0 actions planned, 0 of them followed up, 0 due')" \
	"show prints the question, the entries oldest first and the totals"

px inquiry show 3
expect_out "No entries yet: 'praxis add --frame inquiry --inquiry 3' adds one." \
	"an inquiry without entries says how to add one"

px inquiry show 1 --format json
expect_rc 0 "show takes --format after the ID, as its usage line puts it"
expect_out '"chain": [' "json show has the chain"
expect_out '"entry": 1' "the chain lists the entries"
expect_out '"title": "First try"' "with their titles"
expect_out '"totals": {' "and the totals"
expect_out '"entries": 2' "counted"
px inquiry show --format json 1
expect_out '"chain": [' "--format before the ID works too"

px rm 2
px inquiry show 1
expect_out "1 entry, 0 actions planned" "a trashed entry leaves the inquiry's chain"
expect_no_out "A note on the same question" "and is not shown"
px restore 2

# --- close and reopen ------------------------------------------------------------------
PRAXIS_NOW=2026-03-10T12:00:00 px inquiry close 1 --summary "Delegating is agreeing what done looks like"
expect_rc 0 "close takes --summary after the ID, as its usage line puts it"
expect_out_eq "closed inquiry 1" "close reports the inquiry"

px inquiry show 1
expect_out "inquiry 1 (closed)" "show says it is closed"
expect_out "opened 2026-03-01 08:00:00, closed 2026-03-10 12:00:00" "with both dates"
expect_out "summary: Delegating is agreeing what done looks like" "and the summary"

px inquiry list
expect_no_out "How do I delegate" "a closed inquiry is not in the default list"
px inquiry list --all
expect_out "$(printf '1\tclosed\t2')" "--all lists closed inquiries too"
px inquiry list --closed
expect_out_eq "$(printf '1\tclosed\t2\t2026-03-09\tHow do I delegate without abdicating?')" \
	"--closed lists only the closed"
px inquiry list --closed --format json
expect_out '"summary": "Delegating is agreeing what done looks like"' "json has the summary"
expect_out '"closed": "2026-03-10 12:00:00"' "and the closing time"

px inquiry close 1
expect_rc 1 "closing a closed inquiry fails"
expect_err "praxis: inquiry 1: already closed (on 2026-03-10 12:00:00)" "and says since when"
expect_one_line_error "closing twice: one line"

PRAXIS_NOW=2026-03-02T00:00:00 px inquiry close 2
expect_rc 1 "closing before the inquiry was opened fails"
expect_err "inquiry 2: cannot close on 2026-03-02 00:00:00, before it was opened (2026-03-05 08:00:00)" \
	"and gives both dates"
expect_one_line_error "closing before opening: one line"

px inquiry reopen 1
expect_rc 0 "reopen a closed inquiry"
expect_out_eq "reopened inquiry 1" "reopen reports the inquiry"
px inquiry list
expect_out "$(printf '1\topen\t2')" "a reopened inquiry is listed as open again"
px inquiry show 1
expect_out "summary: Delegating is agreeing what done looks like" \
	"the summary is kept until the next close"

px inquiry reopen 1
expect_rc 1 "reopening an open inquiry fails"
expect_err "praxis: inquiry 1: not closed" "and says it is not closed"
expect_one_line_error "reopen of an open inquiry: one line"

px inquiry reopen --summary again 1
expect_rc 2 "reopen takes no --summary"
expect_err "reopen takes no --summary" "and says so"

# --- unknown and malformed ids ------------------------------------------------------------
for verb in show close reopen; do
	px inquiry "$verb" 99
	expect_rc 1 "inquiry $verb of an unknown id fails"
	expect_err "praxis: inquiry 99: no such inquiry" "inquiry $verb names the missing inquiry"
	expect_one_line_error "inquiry $verb 99: one line"

	px inquiry "$verb" abc
	expect_rc 2 "inquiry $verb of a malformed id is a usage error"
	expect_err "'abc' is not an inquiry id (a positive number)" "inquiry $verb says what an id is"
	expect_one_line_error "inquiry $verb abc: one line"

	px inquiry "$verb"
	expect_rc 2 "inquiry $verb without an id is a usage error"
	expect_err "inquiry $verb needs exactly one inquiry ID" "inquiry $verb says what is missing"

	px inquiry "$verb" 1 2
	expect_rc 2 "inquiry $verb with two ids is a usage error"
done

px inquiry close 0
expect_rc 2 "id 0 is not an id"
px inquiry show '#2'
expect_rc 0 "an id may be written #2"
expect_out "inquiry 2 (open)" "and names inquiry 2"

# --- misspelt verbs --------------------------------------------------------------------------
px inquiry clse 1
expect_rc 2 "a misspelt verb is a usage error"
expect_err "praxis: inquiry: 'clse' is not an inquiry command (did you mean 'close'?)" \
	"and suggests the nearest verb"
expect_one_line_error "misspelt verb: one line"
px inquiry reopne 1
expect_err "(did you mean 'reopen'?)" "reopne suggests reopen"
px inquiry lsit
expect_err "(did you mean 'list'?)" "lsit suggests list"
px inquiry frobnicate
expect_rc 2 "an unknown verb is a usage error"
expect_err "'frobnicate' is not an inquiry command (new, list, show, close, reopen)" \
	"and with nothing near, the verbs are listed"

# --- terminal safety ---------------------------------------------------------------------------
px inquiry new "$(printf 'Why \033[31mred?')"
expect_rc 0 "a question with an escape character is stored"
expect_out "Why ^[[31mred?" "and printed with the control made visible"
px inquiry list
expect_no_out "$(printf '\033')" "no raw escape reaches the output of list"

finish
