#!/bin/sh
# CLI: templates (list, show, check, new), guided entries with `praxis new`
# in line mode and from answers files, drafts, `due` and `follow-up` closing
# the cycle, with the clock fixed.  The test templates are installed as the
# user's own, so this runs whatever the bundled folder holds.
. "$(dirname "$0")/../lib.sh"

export XDG_CONFIG_HOME="$SANDBOX/config"
USER_PROMPTS="$XDG_CONFIG_HOME/praxis/prompts"
mkdir -p "$USER_PROMPTS/vocab"
cp "$TOP"/tests/templates/good/*.yaml "$USER_PROMPTS/"
cp "$TOP"/tests/templates/good/vocab/*.yaml "$USER_PROMPTS/vocab/"

# --- templates ----------------------------------------------------------------
px templates list
expect_rc 0 "templates list"
expect_out "mini-reflect	Mini reflection	incident,note	reflect	user" \
	"a user template is listed with its frames, role and source"
px templates show mini-reflect
expect_rc 0 "templates show"
expect_out "14. plan [action]" "show lists the steps with their kinds"
expect_out "Flanagan, J.C. (1954) The critical incident technique" "show cites the sources"
px templates show mini-reflct
expect_rc 1 "show of an unknown template fails"
expect_err "no template 'mini-reflct' (did you mean 'mini-reflect'?)" "and suggests the nearest"
px templates show mini-reflect --yaml
expect_out "praxis_template: 1" "--yaml prints the file"

px templates check "$TOP/tests/templates/good/mini-reflect.yaml"
expect_rc 0 "a good file checks"
expect_out "ok (template 'mini-reflect', 14 steps)" "check says what it found"
px templates check "$TOP/tests/templates/bad/action-max.yaml"
expect_rc 1 "a bad file fails the check"
expect_out "tests/templates/bad/action-max.yaml:14:10: steps[1].max: must be a whole number from 1 to 5 (found 6)" \
	"the error is file:line:column: path: message"
px templates check "$SANDBOX/nope.yaml"
expect_rc 1 "a missing file fails the check"
px templates frob
expect_rc 2 "an unknown templates verb is a usage error"

px templates new my-habit
expect_rc 0 "templates new"
expect_out "created $USER_PROMPTS/my-habit.yaml" "new says where the file is"
check "the new file is private (0600)" test "$(stat -c %a "$USER_PROMPTS/my-habit.yaml")" = 600
px templates check "$USER_PROMPTS/my-habit.yaml"
expect_rc 0 "the starting file checks cleanly"
px templates new my-habit
expect_rc 1 "templates new refuses to overwrite"
expect_err "already exists" "and says why"
px templates new "Bad Id"
expect_rc 2 "an invalid id is a usage error"

# --- a guided entry from an answers file ------------------------------------------
cat >"$SANDBOX/reflect.yaml" <<'EOF'
account: |
  The handover to @Sam went wrong. #handover
  I had assumed the notes were enough.
people: [Jo]
intensity: 8
feelings_now: Calmer now.
check: challenged
assumption: That written notes replace a conversation.
lenses: [colleagues]
colleague: That I never asked Sam what would help.
mood: tense
review_on: +7d
plan:
  - {text: Brief Sam in person, due: +3d}
  - {text: Ask the team what a good handover looks like}
EOF
px new --template mini-reflect --answers "$SANDBOX/reflect.yaml"
expect_rc 0 "new --answers writes the entry"
expect_out "saved entry 1: The handover to @Sam went wrong. #handover" "and names it"
px show 1
expect_out "critical incident" "the template's first frame is the entry's"
expect_out "Q: You rated it 8. Has that changed?" "prompts are shown as they were asked"
expect_out "  Calmer now." "answers are shown under their step"
expect_out "-> action 1: Brief Sam in person (due 2026-03-13, open)" "planned actions are listed"
expect_out "template: mini-reflect (version 3)" "the template is recorded"
px show --format json 1
expect_out '"step": "intensity"' "json lists the answers"
expect_out '"number": 8' "with the scale's number"
px inquiry list
expect_out "The handover to @Sam went wrong. #handover" "opens_inquiry opened the inquiry"
px search checklist
px search "conversation"
expect_out "The handover" "answers are searchable"

# --- due and follow-up -------------------------------------------------------------
px due
expect_rc 0 "due with nothing due"
expect_out_eq "" "prints no rows when piped"
px due --upcoming
expect_out "1	2026-03-13	upcoming	#1	Brief Sam in person" "--upcoming shows the next week"
expect_no_out "2026-03-24" "and not beyond it"
px due --upcoming=30
expect_out "2	2026-03-24	upcoming" "an action without a date takes the step's default (+14d)"
PRAXIS_NOW=2026-03-14T08:00:00 px due
expect_out "1	2026-03-13	overdue	#1	Brief Sam in person" "an action past its date is overdue"

cat >"$SANDBOX/follow.yaml" <<'EOF'
outcome: worked
learned: Talking took five minutes and saved an hour.
next:
  - {text: Make briefing part of every handover, due: +14d}
EOF
PRAXIS_NOW=2026-03-14T08:00:00 px follow-up 1 --answers "$SANDBOX/follow.yaml"
expect_rc 0 "follow-up closes the cycle"
expect_out "saved entry 2" "and writes the follow-up entry"
px show 2
expect_out "inquiry" "the follow-up is filed in the planner's inquiry"
expect_out "-> action 1: Brief Sam in person (due 2026-03-13, done, worked)" \
	"the followed-up action is done with its outcome"
expect_out "-> action 3: Make briefing part of every handover (due 2026-03-28, open)" \
	"its own action opens the next cycle"
PRAXIS_NOW=2026-03-14T08:00:00 px inquiry show 1
expect_out "2 entries, 3 actions planned, 1 of them followed up" "the inquiry shows its cycles"
PRAXIS_NOW=2026-03-14T08:00:00 px follow-up 1 --answers "$SANDBOX/follow.yaml"
expect_rc 1 "a done action cannot be followed up again"
expect_err "action 1: already done; only an open action can be followed up" "and says why"
px follow-up 99
expect_rc 1 "an unknown action"
expect_err "action 99: no such action" "is named"
px follow-up
expect_rc 2 "follow-up without an id is a usage error"

# --- line mode, drafts and resuming ---------------------------------------------------
px_in "A quiet meeting that went sideways.
.
Sam, Kim
" new --template mini-reflect --frame note
expect_rc 1 "end of input stops the run"
expect_err "your answers are kept as draft 1 ('praxis new --resume 1' continues)" \
	"and keeps the answers as a draft"
expect_out "[1/" "line mode numbers the steps"
px drafts
expect_out "1	run	" "drafts lists the run"
expect_out "Mini reflection: A quiet meeting that went sideways." "labelled with its start"
px_in "12
4
no
" new --resume 1
expect_rc 1 "a refused answer is asked again, then input ends"
expect_err "step 'intensity': 12 is not on the scale 0 to 10" "the refusal is one clear line"
px_in "<
<
" new --resume 1
expect_out "How strongly did it affect you?" "'<' goes back a step"
px_in "4
no
those-served
calm
handover


" new --resume 1
expect_rc 0 "the resumed run finishes"
expect_out "saved entry 3: A quiet meeting that went sideways." "and saves the entry"
px drafts
expect_out_eq "" "the draft went with the entry"
px show 3
expect_out "@Kim" "answers typed before the pause are kept"

# --- bad input -------------------------------------------------------------------------
px new --template nope --answers "$SANDBOX/reflect.yaml"
expect_rc 1 "an unknown template"
expect_one_line_error "an unknown template is one line"
px new --template mini-reflect --answers "$SANDBOX/missing.yaml"
expect_rc 1 "a missing answers file"
expect_err "missing.yaml" "names the file"
printf 'account: x\nintensty: 3\n' >"$SANDBOX/typo.yaml"
px new --template mini-reflect --answers "$SANDBOX/typo.yaml"
expect_rc 1 "a misspelt step id"
expect_err "typo.yaml:2:1: 'intensty' is not a step of template 'mini-reflect' (did you mean 'intensity'?)" \
	"points at the line and suggests the step"
printf 'intensity: 3\n' >"$SANDBOX/short.yaml"
px new --template mini-reflect --answers "$SANDBOX/short.yaml"
expect_err "step 'account': this step needs an answer" "a missing required answer is refused"
px drafts
expect_out_eq "" "failed answers-file runs leave no draft behind"
px list --all
expect_out_lines=$(printf '%s\n' "$out" | grep -c .)
check "refused runs wrote no entry" test "$expect_out_lines" -eq 3
printf 'account: The handover to #Sam went wrong.\n' >"$SANDBOX/comment.yaml"
px new --template mini-reflect --answers "$SANDBOX/comment.yaml"
expect_rc 1 "an unquoted answer cut short by a '#tag' comment is refused"
expect_err "comment.yaml:1:26: step 'account': '#Sam' starts a YAML comment, so the answer stops before it; put the answer in quotes to keep it" \
	"points at the '#' and says to quote the answer"
expect_one_line_error "the cut-short answer is one line"
px new --blank --answers x
expect_rc 2 "--blank with --answers is a usage error"
px new --resume 7
expect_rc 1 "an unknown draft"
expect_err "draft 7: no such draft" "is named"
px drafts rm 7
expect_rc 1 "deleting an unknown draft fails"
px new --frame incdent
expect_rc 2 "a misspelt frame"
expect_err "did you mean 'incident'" "suggests the nearest"
px due --upcoming=0
expect_rc 2 "--upcoming needs a positive number"

finish
