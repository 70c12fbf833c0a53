#!/bin/sh
# CLI: `praxis demo` builds the real demo from prompts/demo/journal.yaml on
# a fixed day and the journal it makes is what the tour says: the entries
# over the last three months, one inquiry with its cycles closed, exactly
# one overdue action, a sound journal.  A file already at the path is
# refused and left byte for byte as it was; a missing or broken script
# fails with one clear line and leaves no journal behind.
. "$(dirname "$0")/../lib.sh"

count_lines() { printf '%s' "$out" | grep -c .; }
sum() { cksum <"$1"; }

# --- the demo on 10 March 2026 ------------------------------------------------------
run "$PRAXIS" demo --db "$DB"
expect_rc 0 "praxis demo --db makes the demo journal"
expect_out "A demo journal is ready: $DB" "and says where it is"
expect_out "54 entries, Thu 11 Dec 2025 to Mon 9 Mar 2026" \
	"the tour counts the entries of the last ninety days, ending yesterday"
expect_out "49 guided by a reflective model, 5 written freely" "guided and free entries"
expect_out "21 actions planned and 19 follow-ups written" "actions and follow-ups"
expect_out "3 still open, 1 of them overdue" "what is still open"
expect_out "How do I use my bases of power, and which ones do I leave unused?" \
	"the tour names the inquiry"
expect_out "action 19, overdue since 2026-03-05:" "and the one overdue action"
expect_out "praxis --db $DB inquiry show 1" "the next commands name the journal"
expect_out "praxis --db $DB show 2 " "and the first critical incident"
check "the journal file exists" [ -f "$DB" ]
check "and is private (0600)" [ "$(stat -c %a "$DB")" = 600 ]

px list --all
expect_rc 0 "the demo journal lists"
check "list shows the 54 entries" [ "$(count_lines)" -eq 54 ]
expect_out "2025-12-11 07:40" "the first entry is 89 days before today"
expect_out "The handover that went wrong" "the delegation incident is there"
expect_out "The rota meeting" "and the difficult meeting"
px list --all --frame period
check "12 weekly and 2 monthly reviews" [ "$(count_lines)" -eq 14 ]
px list --all --tag power/
check "entries tagged with a base of power" [ "$(count_lines)" -ge 8 ]
px list --all --person Dev
check "@Dev recurs" [ "$(count_lines)" -ge 10 ]

px show 2
expect_out "The handover that went wrong" "show 2 is the incident the tour points at"
expect_out "Sit down with Sam before Friday's shift" "with the actions it planned"
expect_out "template: critical-incident" "written through its template"

px inquiry show 1
expect_rc 0 "the inquiry shows"
expect_out "inquiry 1 (open): How do I use my bases of power" "it is open"
expect_out "8 entries, 6 actions planned, 5 of them followed up, 0 due" \
	"its chain: five cycles closed"
expect_out "done, worked" "a cycle that worked"
expect_out "done, mixed" "and one with mixed results"

px due
expect_rc 0 "due runs on the demo"
check "due lists exactly one action" [ "$(count_lines)" -eq 1 ]
expect_out "overdue" "and it is overdue"
expect_out "Book a proper one-to-one with Dev" "the conversation that slipped"
px due --upcoming=30
check "two more actions are still to come" [ "$(count_lines)" -eq 3 ]

px search trainer role
expect_rc 0 "the demo's text is searchable"
check "search finds the trainer role" [ "$(count_lines)" -ge 3 ]

px check
expect_rc 0 "the demo journal passes check"
expect_out "ok: $DB" "and says ok"

# --- the cycles: every outcome of a follow-up appears ------------------------------
px show 11
expect_out "Not yet, but I still mean to" "a follow-up said not yet"
expect_out "2026-01-01" "and moved the action on a week"
px show --format json 6
expect_out '"outcome": "worked"' "and the action was done when it came back"
px list --all --tag loop/goal
check "a follow-up rethought its goal" [ "$(count_lines)" -eq 1 ]
px show 22
expect_out "Dropped it: no longer worth trying" "one action was dropped"

# --- an existing file is never touched ------------------------------------------------
before=$(sum "$DB")
run "$PRAXIS" demo --db "$DB"
expect_rc 1 "a second demo on the same file is refused"
expect_err "praxis: $DB: already exists; the demo only makes a new journal (try --db ~/praxis-demo/journal.db)" \
	"and says why, with a path to try"
expect_one_line_error "already exists: one line"
check "the journal is unchanged, byte for byte" [ "$(sum "$DB")" = "$before" ]
px list --all
check "and still holds the 54 entries" [ "$(count_lines)" -eq 54 ]

printf 'my own notes\n' >"$SANDBOX/notes.txt"
run "$PRAXIS" demo --db "$SANDBOX/notes.txt"
expect_rc 1 "any existing file is refused, journal or not"
check "and is left as it was" [ "$(cat "$SANDBOX/notes.txt")" = "my own notes" ]

# --- the global --db, and the default journal -------------------------------------------
run "$PRAXIS" --db "$SANDBOX/global.db" demo
expect_rc 0 "the global --db works too"
check "and makes that file" [ -f "$SANDBOX/global.db" ]

run "$PRAXIS" demo
expect_rc 0 "without --db the demo makes the default journal"
DEFAULT=$HOME/.local/share/praxis/journal.db
check "at the default path" [ -f "$DEFAULT" ]
expect_out "A demo journal is ready: $DEFAULT" "the tour says where"
expect_out "  praxis due " "and its commands need no --db"
run "$PRAXIS" demo
expect_rc 1 "a second demo refuses the default journal"
expect_err "$DEFAULT: already exists" "naming it"

# --- another day, the same shape ------------------------------------------------------
PRAXIS_NOW=2026-07-01T20:00:00 run "$PRAXIS" demo --db "$SANDBOX/july.db"
expect_rc 0 "a demo made on another day"
expect_out "54 entries, Fri 3 Apr 2026 to Tue 30 Jun 2026" "ends near that day"
PRAXIS_NOW=2026-07-01T20:00:00 run "$PRAXIS" --db "$SANDBOX/july.db" due
check "with exactly one action due" [ "$(count_lines)" -eq 1 ]
expect_out "2026-06-26	overdue" "overdue by the same five days"

# --- usage ----------------------------------------------------------------------------
run "$PRAXIS" demo extra
expect_rc 2 "an argument is a usage error"
expect_err "unexpected argument 'extra'" "naming it"
run "$PRAXIS" demo --bd x
expect_rc 2 "an unknown option is a usage error"
expect_err "did you mean '--db'?" "with the nearest option"
run "$PRAXIS" demo --help
expect_rc 0 "demo --help"
expect_out "usage: praxis demo [--db PATH]" "prints the usage"

# --- user templates cannot break it ---------------------------------------------------
# A template of the user's own with a bundled id (here a 'gibbs' that is
# really a daily note) replaces the bundled one everywhere else; the demo
# uses the bundled templates only, so its answers still fit.
mkdir -p "$HOME/.config/praxis/prompts"
sed 's/^id: daily-note$/id: gibbs/' "$TOP/prompts/daily-note.yaml" \
	>"$HOME/.config/praxis/prompts/gibbs.yaml"
run "$PRAXIS" templates show gibbs
expect_out "1. note" "the user's 'gibbs' shadows the bundled one"
run "$PRAXIS" demo --db "$SANDBOX/shadow.db"
expect_rc 0 "the demo still builds from the bundled templates"

# --- a missing or broken script ---------------------------------------------------------
# A copy of praxis finds its bundled templates beside itself (prompts/);
# give it templates without the demo, then with a demo that is wrong.
COPY=$SANDBOX/copy
mkdir -p "$COPY"
cp "$PRAXIS" "$COPY/praxis"
cp -r "$TOP/prompts" "$COPY/prompts"
rm -rf "$COPY/prompts/demo"
run "$COPY/praxis" demo --db "$SANDBOX/missing.db"
expect_rc 1 "with no demo script the demo fails"
expect_err "praxis: $COPY/prompts/demo/journal.yaml: the demo script is missing (it is installed with the bundled templates)" \
	"and says which file is missing"
expect_one_line_error "missing script: one line"
check "and makes no journal" [ ! -e "$SANDBOX/missing.db" ]

mkdir -p "$COPY/prompts/demo"
sed 's/^      outcome: dropped$/      outcome: droped/' "$TOP/prompts/demo/journal.yaml" \
	>"$COPY/prompts/demo/journal.yaml"
bad_line=$(grep -n '^      outcome: droped$' "$COPY/prompts/demo/journal.yaml" | cut -d: -f1)
run "$COPY/praxis" demo --db "$SANDBOX/broken.db"
expect_rc 1 "an answer the engine refuses fails the whole demo"
expect_err "praxis: $COPY/prompts/demo/journal.yaml:$bad_line:16: step 'outcome': 'droped' is not one of the options (did you mean 'dropped'?)" \
	"and points at the answer in the script"
expect_one_line_error "broken script: one line"
check "and leaves no journal behind" [ ! -e "$SANDBOX/broken.db" ]
check "nor its side files" [ -z "$(ls "$SANDBOX" | grep broken)" ]

printf 'praxis_demo: 1\nentries: [\n' >"$COPY/prompts/demo/journal.yaml"
run "$COPY/praxis" demo --db "$SANDBOX/syntax.db"
expect_rc 1 "a script that is not YAML fails"
expect_err "praxis: $COPY/prompts/demo/journal.yaml:3:1:" "with its place in the file"
check "and leaves no journal" [ ! -e "$SANDBOX/syntax.db" ]

finish
