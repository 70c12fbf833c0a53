#!/bin/sh
# CLI: praxis import end to end — praxis JSON round trips through the real
# binary, the jrnl fixtures in both formats, the summary, and malformed
# files refused on one line with their place while nothing is imported.
. "$(dirname "$0")/../lib.sh"

JRNL=$SHARED/fixtures/jrnl
COUNT=$(cat "$JRNL/sample.count")

# --- jrnl ----------------------------------------------------------------------------
px import "$JRNL/sample.txt"
expect_rc 0 "import jrnl's text journal (into a new journal)"
expect_out "imported $JRNL/sample.txt (jrnl-txt): $COUNT entries, 29 tags, 0 people" \
	"the summary counts entries, tags and people"
px list --all
n=$(printf '%s\n' "$out" | grep -c .)
check "every entry of the fixture is there ($COUNT)" [ "$n" -eq "$COUNT" ]
px list --reverse -n 1
expect_out "2018-02-23 22:32" "dates are kept"
px show 3
expect_out "Feedback from Ines." "titles are kept"
expect_out "#habits" "jrnl's @tags are praxis tags"
expect_no_out "people:" "and not people"
px export 3 --format txt
expect_out "starred" "the star is kept"
px import "$JRNL/sample.txt"
expect_rc 0 "the same journal again"
expect_out "0 entries ($COUNT already there)" "adds nothing the second time"

DB=$SANDBOX/json.db
px import --format jrnl-json "$JRNL/sample.json"
expect_rc 0 "import jrnl's JSON export"
expect_out "(jrnl-json): $COUNT entries, 29 tags" "the same entries and tags"
px tags
expect_out "work" "tags from jrnl's JSON"

# --- praxis JSON round trip ---------------------------------------------------------------
DB=$SANDBOX/src.db
px add --frame incident --title 'Handover <b>&</b>' --tag handover "I assumed @Sam had read it. #Delegation"
px add --private --date yesterday "A private note about @Priya"
px people set Sam --role "the charge nurse"
px inquiry new "How do I delegate?"
px add --frame inquiry --inquiry 1 "Asked rather than told. #delegation"
px export --format json --include-private -o "$SANDBOX/a.json"
expect_rc 0 "export the whole journal as JSON"
DB=$SANDBOX/dst.db
px import "$SANDBOX/a.json"
expect_rc 0 "import it into an empty journal"
expect_out "(praxis): 3 entries, 2 tags, 2 people, 1 inquiry, 0 actions, 0 template versions" \
	"the summary names every kind of record"
px export --format json --include-private -o "$SANDBOX/b.json"
check "export, import, export: the same bytes" cmp -s "$SANDBOX/a.json" "$SANDBOX/b.json"
px import "$SANDBOX/a.json"
expect_out "0 entries (3 already there)" "importing it again adds nothing"
px export --format json --include-private -o "$SANDBOX/c.json"
check "and changes nothing" cmp -s "$SANDBOX/a.json" "$SANDBOX/c.json"
px people
expect_out "the charge nurse" "roles come along"
px list --tag delegation
n=$(printf '%s\n' "$out" | grep -c .)
check "tags come along" [ "$n" -eq 2 ]
px export --anonymise --format json -o "$SANDBOX/anon.json"
px import "$SANDBOX/anon.json"
expect_rc 1 "an anonymised export is refused"
expect_err "people are stand-ins" "it says why"

# --- malformed files ------------------------------------------------------------------------
DB=$SANDBOX/bad.db
refuse() { # refuse DESCRIPTION FILE-CONTENT EXPECTED-ERROR [OPTIONS]
	printf '%s' "$2" >"$SANDBOX/bad"
	px import "$SANDBOX/bad" ${4:-}
	expect_rc 1 "$1: refused"
	expect_one_line_error "$1: one line"
	expect_err "$SANDBOX/bad:$3" "$1: the place and reason"
	px list --all
	check "$1: nothing is imported" [ -z "$out" ]
}
HEAD='{"format": "praxis-journal", "version": 1, "entries": ['
U1=11111111-1111-4111-8111-111111111111
ENTRY="{\"uuid\": \"$U1\", \"frame\": \"note\", \"occurred_at\": \"2026-03-01 10:00:00\""
refuse "bad JSON" "$HEAD$ENTRY, \"title\": \"a\"},]}" \
	"1:174: expected another value after ',' (a trailing comma is not JSON), found ']'"
refuse "a wrong type" "$HEAD$ENTRY, \"title\": [\"a\"]}]}" \
	"1:169: entries[0].title: expected text, found a list"
refuse "invalid UTF-8" "$(printf '%s' "$HEAD$ENTRY, \"title\": \"caf"; printf '\351'; printf '"}]}')" \
	"1:173: invalid UTF-8 (byte 0xe9)"
refuse "a truncated file" "$HEAD$ENTRY, \"title\": \"cut" \
	"1:169: this text has no closing quote (is the file cut short?)"
refuse "a date that does not parse" \
	"$HEAD{\"uuid\": \"$U1\", \"frame\": \"note\", \"title\": \"x\", \"occurred_at\": \"2026-02-30 10:00:00\"}]}" \
	"1:151: entries[0].occurred_at: '2026-02-30 10:00:00' is not a valid date-time"
refuse "a value quoted in the error holds a newline" \
	"$HEAD{\"uuid\": \"two\\nlines\", \"frame\": \"note\"}]}" \
	"1:65: entries[0].uuid: 'two lines' is not a UUID"
refuse "a value quoted in the error is cut inside a character" \
	"$HEAD{\"uuid\": \"a$(printf '\303\251%.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22)\", \"frame\": \"note\"}]}" \
	"1:65: entries[0].uuid: 'a$(printf '\303\251%.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19)' is not a UUID"
refuse "a good entry then a bad one" \
	"$HEAD$ENTRY, \"title\": \"good\"}, {\"uuid\": \"not-a-uuid\"}]}" \
	"1:187: entries[1].uuid: 'not-a-uuid' is not a UUID"
refuse "a jrnl date that does not parse" "[2018-02-23 10:32 PM] One.
Body.

[2018-02-30 10:00 PM] Two.
" "4: '2018-02-30 10:00 PM' is not a valid date and time"
refuse "jrnl JSON with a bad time" \
	'{"entries": [{"title": "t", "body": "", "date": "2018-02-23", "time": "10:61"}]}' \
	"1:49: entries[0].date: '2018-02-23 10:61' is not a valid date and time"
refuse "text that is no journal" "Dear diary," \
	" is neither praxis JSON nor a jrnl journal"
px import "$SANDBOX/no-such-file"
expect_rc 1 "a missing file"
expect_one_line_error "a missing file: one line"
px import
expect_rc 2 "no file is a usage error"
px import "$SANDBOX/a.json" --format jrnl-jsn
expect_rc 2 "a misspelt format is a usage error"
expect_err "did you mean 'jrnl-json'" "with a suggestion"

# --- standard input ("-"), as jrnl --export json | praxis import - --------------------------
DB=$SANDBOX/stdin.db
px_in "$(cat "$JRNL/sample.json")" import -
expect_rc 0 "jrnl JSON on standard input"
expect_out "imported standard input (jrnl-json): $COUNT entries" "named standard input, format guessed"
px_in "$(cat "$JRNL/sample.json")" import - --format jrnl-json
expect_rc 0 "a named format on standard input"
expect_out "0 entries ($COUNT already there)" "the same entries again, matched"
px_in "$HEAD$ENTRY, \"title\": \"cut" import -
expect_rc 1 "a document cut short on standard input is refused"
expect_one_line_error "cut short: one line"
expect_err "standard input:1:" "the place is in standard input"
px list --all
n=$(printf '%s\n' "$out" | grep -c .)
check "nothing of it is imported" [ "$n" -eq "$COUNT" ]
DB=$SANDBOX/bad.db
printf 'Dear diary,' >"$SANDBOX/-"
here=$(pwd)
cd "$SANDBOX" || exit 1
px import ./-
cd "$here" || exit 1
expect_rc 1 "a file named - is ./-"
expect_err "./-: is neither praxis JSON" "and is read as a file"

ln -s "$SANDBOX/a.json" "$SANDBOX/link.json"
px import "$SANDBOX/link.json"
expect_rc 1 "a symbolic link is refused"
expect_err "symbolic link" "it says so"

finish
