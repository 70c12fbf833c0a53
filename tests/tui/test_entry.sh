#!/bin/sh
# TUI: the Entry screen shows an entry made with `praxis add` (title,
# frame, date, word count, tags, people, body); t adds a tag; a plans an
# action; e edits in the built-in editor; E hands the text to $EDITOR with
# curses suspended and restored; d moves it to the trash and u brings it
# back.
. "$(dirname "$0")/../lib.sh"

# The fake editor appends a line, as a person would in vi.
cat >"$SANDBOX/editor.sh" <<'ED'
#!/bin/sh
printf '\nWritten in the editor. #fromeditor\n' >>"$1"
ED
chmod +x "$SANDBOX/editor.sh"
export EDITOR="$SANDBOX/editor.sh"
. "$(dirname "$0")/tmux.sh"

"$PRAXIS" --db "$DB" add --frame incident --title "Handover went wrong" --tag handover \
	--date "2026-03-09 14:30" "I assumed @Sam had read the notes. #delegation" >/dev/null

tui_start_px 100 30
tui_wait "Handover went wrong" "the entry is on Home"
tui_keys Enter
tui_wait "Entry 1" "Enter opens it"
tui_wait "critical incident · Mon 9 Mar 2026 14:30 · entry 1 · 11 words" \
	"frame, date, id and word count"
tui_wait "Tags: #handover #delegation" "explicit and written tags"
tui_wait "People: @Sam" "the person mentioned"
tui_wait "I assumed @Sam had read the notes. #delegation" "the body"

tui_keys t
tui_wait "Tags to add" "t asks for tags"
tui_type "#reflection"
tui_keys Enter
tui_wait "#reflection" "the tag is added"
tui_wait "tags saved" "and saved"

tui_keys a
tui_wait "An action to try next:" "a asks for an action"
tui_type "Brief Sam in person"
tui_keys Enter
tui_wait "Follow it up on" "then for when to follow it up"
tui_keys Enter
tui_wait "Home brings it back on Tue 17 Mar 2026" "+7d is a week from the fixed today"
tui_wait "Actions planned" "the entry lists its actions"
tui_wait "→ Brief Sam in person · follow up 2026-03-17 · open" "with due date and status"

tui_keys e
tui_wait "Editing entry 1" "e opens the entry in the built-in editor"
tui_wait "# Handover went wrong" "as '# Title' and the body"
tui_keys C-End
tui_type " Next time I will ask."
# E typed at once after ^S, in the same burst of keys: $EDITOR must get
# the text as just saved, not what the Entry screen showed before.
tui_keys C-s E
tui_wait "updated entry 1" "the edit is saved, then E runs \$EDITOR"
tui_wait "Next time I will ask." "the built-in edit is kept"

tui_wait "Written in the editor. #fromeditor" "E runs \$EDITOR on the saved text and the entry takes its text"
tui_wait "updated entry 1" "and says so"
tui_wait "#fromeditor" "the tag written in the editor is found"
tui_wait "Entry 1" "curses is back after the editor"

tui_keys d
tui_wait "moved to the trash: u brings it back" "d moves the entry to the trash"
tui_wait "Follow-ups due" "and goes back to Home"
tui_wait_gone "Handover went wrong" "the entry is no longer listed"
tui_keys u
tui_wait "is back from the trash" "u brings it back"
tui_wait "Handover went wrong" "listed again"
tui_keys q
tui_expect_restored "the terminal is restored after \$EDITOR and quitting"
tui_expect_rc 0 "praxis exits 0"
"$PRAXIS" --db "$DB" show 1 >"$SANDBOX/show"
check "the journal has the edits" grep -q "Next time I will ask." "$SANDBOX/show"
check "and the tag added" grep -q "#reflection" "$SANDBOX/show"
tui_expect_clean "no sanitizer report, no leak"
finish
