#!/bin/sh
# CLI: adding, listing, showing, editing and trashing entries on a real
# journal with the real (sanitised) binary.
. "$(dirname "$0")/../lib.sh"

# --- add ------------------------------------------------------------------
px add --frame incident --title "Handover went wrong" --tag handover \
	"I assumed @Sam had read the notes. #delegation"
expect_rc 0 "add an incident from arguments"
expect_out "added entry 1" "add reports the new id"

px_in "# Quiet week
Nothing much happened. #reflection" add --frame period --from 2026-03-02 --to 2026-03-08
expect_rc 0 "add a period entry from standard input"

px add --date yesterday --tag Delegation "Asked rather than told. @Priya"
expect_rc 0 "add with a relative date"

px show 1
expect_rc 0 "show an entry"
expect_out "Handover went wrong" "show prints the title"
expect_out "critical incident" "show names the frame"
expect_out "#delegation" "show lists the tag found in the text"
expect_out "#handover" "show lists the explicit tag"
expect_out "@Sam" "show lists the person mentioned"

px show 2
expect_out "Quiet week" "a leading '# heading' becomes the title"
expect_out "period 2026-03-02 to 2026-03-08" "show prints the period"

px show --format json 3
expect_out '"date": "2026-03-09 00:00:00"' "yesterday resolves through the fixed clock"
expect_out '"tags": [' "json show has tags"

# --- list -------------------------------------------------------------------
px list
expect_rc 0 "list"
first=$(printf '%s\n' "$out" | head -n 1)
case $first in 3*) ok_ "list is tab-separated when piped, newest first" ;;
*) case $first in *2026-03-10*) ok_ "list is tab-separated when piped, newest first" ;;
   *) fail_ "list is tab-separated when piped, newest first" "first line: $first" ;; esac ;;
esac

px list --tag delegation
expect_rc 0 "list by tag"
n=$(printf '%s\n' "$out" | grep -c .)
check "tags are case-insensitive (#Delegation and #delegation)" [ "$n" -eq 2 ]

px list --frame incident --format json
expect_out '"frame": "incident"' "list filters by frame, as JSON"
expect_no_out '"frame": "note"' "the frame filter excludes other frames"

px list --person sam
expect_out "Handover went wrong" "list by person, case-insensitive"

px list --tag delegaton
expect_rc 1 "a tag no entry has is refused, not listed as nothing"
expect_err "praxis: no tag '#delegaton' (did you mean '#delegation'?)" "with the nearest tag"
px list --person Samm
expect_rc 1 "so is a person the journal does not know"
expect_err "praxis: no person '@Samm' (did you mean '@Sam'?)" "with the nearest person"

px list --range 2026-03-09..2026-03-09
n=$(printf '%s\n' "$out" | grep -c .)
check "list by date range" [ "$n" -eq 1 ]

px list -n 1
n=$(printf '%s\n' "$out" | grep -c .)
check "list -n limits the count" [ "$n" -eq 1 ]

# --- tags -------------------------------------------------------------------
px tags
expect_rc 0 "tags"
expect_out "delegation" "tags lists the tags"

# --- edit with a fake editor --------------------------------------------------
cat >"$SANDBOX/editor.sh" <<'EOF'
#!/bin/sh
# a fake $EDITOR: rewrite the body, keep the title line
sed -i 's/I assumed/I wrongly assumed/' "$1"
EOF
chmod +x "$SANDBOX/editor.sh"
EDITOR="$SANDBOX/editor.sh" px edit 1
expect_rc 0 "edit through \$EDITOR"
px show 1
expect_out "I wrongly assumed" "the edit was saved"
expect_out "#handover" "explicit tags survive an edit"

EDITOR="$SANDBOX/no-such-editor --wait" px edit 1
expect_rc 1 "an editor that is not there is an error"
expect_err "praxis: editor '$SANDBOX/no-such-editor' could not be run: No such file or directory; set \$VISUAL or \$EDITOR to an editor you have" \
	"which says why and what to do"
expect_one_line_error "the missing editor is one line"
printf '#!/bin/sh\nexit 127\n' >"$SANDBOX/exits127.sh"
chmod +x "$SANDBOX/exits127.sh"
EDITOR="$SANDBOX/exits127.sh" px edit 1
expect_err "editor '$SANDBOX/exits127.sh' failed (exit status 127)" \
	"an editor that runs and exits 127 is not taken for a missing one"
px drafts
expect_out_eq "" "an editor that changed nothing leaves no draft"

cat >"$SANDBOX/failing.sh" <<'EOF'
#!/bin/sh
echo "my unsaved thoughts" >>"$1"
exit 3
EOF
chmod +x "$SANDBOX/failing.sh"
EDITOR="$SANDBOX/failing.sh" px edit 1
expect_rc 1 "a failing editor is an error"
expect_err "failed" "the error says the editor failed"
expect_err "draft" "the text is kept as a draft"
draft=$(printf '%s\n' "$err" | sed -n 's/.*kept as draft \([0-9]*\).*/\1/p')
px drafts
expect_out "$draft	entry	" "drafts lists the kept text"
px new --resume "$draft"
expect_rc 0 "the kept text is saved from its draft"
expect_out "updated entry 1 from draft $draft" "back into the entry it was editing"
px show 1
expect_out "my unsaved thoughts" "nothing typed in the failed editor is lost"
px drafts
expect_out_eq "" "and the draft is gone"

EDITOR="$SANDBOX/no-such-editor" px edit 1
expect_rc 1 "a missing editor is an error"

# --- trash ---------------------------------------------------------------------
px rm 2
expect_rc 0 "rm moves to the trash"
px list
expect_no_out "Quiet week" "a trashed entry is not listed"
px trash
expect_out "Quiet week" "trash lists it"
px rm 2
expect_rc 1 "rm of a trashed entry is an error"
expect_err "already in the trash" "and says why"
px restore 2
expect_rc 0 "restore"
px list
expect_out "Quiet week" "a restored entry is listed again"
px rm 2
px trash --empty
expect_out "deleted 1 entry for good" "empty the trash"
px show 2
expect_rc 1 "an emptied entry is gone"

# --- check and backup -------------------------------------------------------------
px check
expect_rc 0 "check on a healthy journal"
expect_out "ok:" "check says ok"
px backup "$SANDBOX/backup.db"
expect_rc 0 "backup"
mode=$(stat -c %a "$SANDBOX/backup.db")
check "the backup is private (0600)" [ "$mode" = 600 ]
run "$PRAXIS" --db "$SANDBOX/backup.db" list
expect_out "Handover went wrong" "the backup holds the entries"
px backup "$SANDBOX/backup.db"
expect_rc 1 "backup never overwrites a file"

# --- modes -------------------------------------------------------------------------
mode=$(stat -c %a "$DB")
check "the journal file is 0600" [ "$mode" = 600 ]
run "$PRAXIS" --db "$SANDBOX/new/dir/j.db" add "first"
mode=$(stat -c %a "$SANDBOX/new/dir")
check "a created journal directory is 0700" [ "$mode" = 700 ]

# default location follows XDG_DATA_HOME
XDG_DATA_HOME="$SANDBOX/xdg" run "$PRAXIS" add "in the default place"
check "the default journal lives under XDG_DATA_HOME" [ -f "$SANDBOX/xdg/praxis/journal.db" ]
PRAXIS_DB="$SANDBOX/env.db" run "$PRAXIS" add "via PRAXIS_DB"
check "PRAXIS_DB chooses the journal" [ -f "$SANDBOX/env.db" ]

# --- people: roles and pseudonyms ------------------------------------------
px people set Sam --role "line manager" --pseudonym Alex
expect_rc 0 "people set NAME --role R, as the usage line writes it"
px people set --role mentor Priya
expect_rc 0 "and with the options first"
px people
expect_out "1	Sam	line manager	Alex" "the role and pseudonym are kept"
px people set "two words" --role x
expect_rc 1 "a name that cannot follow '@' is an error"
expect_one_line_error "and says so in one line"
px people set Sam
expect_rc 2 "people set without --role or --pseudonym is a usage error"
px tags zz
expect_rc 0 "a tag prefix with no match"

# --- filters name what the journal has (after the trash tests: this one trashes) ---
px add --tag 'course/week1' "Started the course."
px list --tag course/
expect_out "Started the course." "a family is known by its members"
px list --tag corse/
expect_err "no tag '#corse/' (did you mean '#course/'?)" "and a mistyped family is told of the family"
px rm "$(sqlite3 "$DB" "select id from entry where body = 'Started the course.'")" >/dev/null
px list --trash --tag course/week1
expect_out "Started the course." "a tag only the trash still has is known there"

finish
