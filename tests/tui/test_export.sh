#!/bin/sh
# TUI: E in Browse exports exactly what the list shows (issue #6).  A tag
# filter's entries go and no others; private ones only when asked for;
# names anonymised when asked for; the file is the one `praxis export`
# makes for the same selection, mode 0600.  Esc at every question writes
# nothing; an existing file is replaced only after y; a missing folder, a
# folder as the name, an empty name, an unwritable place and DOCX without
# pandoc each end with one line on the status line and the screen goes on
# working.  A search exports its matches, as the header counts them.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

add() { "$PRAXIS" --db "$DB" add "$@" >/dev/null || echo "setup: add $* failed"; }
add --frame incident --title "Handover went wrong" --date 2026-03-02 \
	"I assumed @Sam had read the notes. #handover #ward"
add --title "Ward round" --date 2026-03-05 "A quiet round with @Priya. #ward"
add --private --title "Private worry" --date 2026-03-06 "Not for anyone else. #ward"
add --title "Coffee chat" --date 2026-03-09 "Talked about feedback. #feedback"
add --title "Old ward note" --date 2026-02-01 "Last month on the ward. #ward"

OUT=$HOME/out
mkdir -m 700 "$OUT"
files() { ls -A "$OUT" | tr '\n' ' '; }
mode() { stat -c %a "$1"; }
has() { grep -q -- "$2" "$1"; }
# status TEXT DESC: TEXT is on the status line (the screen's last line).
status() {
	if tui_poll present "$1" && [ "$(printf '%s\n' "$screen" | sed -n '$p' | grep -cF -- "$1")" = 1 ]
	then ok_ "$2"; else fail_ "$2" "status line: $(printf '%s\n' "$screen" | sed -n '$p')"; fi
}

# No pandoc on the UI's $PATH, whatever this machine has: sh and stty only.
mkdir "$SANDBOX/bin"
ln -s "$(command -v sh)" "$SANDBOX/bin/sh"
ln -s "$(command -v stty)" "$SANDBOX/bin/stty"
TUI_ENV="PATH=$SANDBOX/bin PRAXIS_TRACE=$SANDBOX/trace"
tui_start_px 110 30
tui_wait "Recent entries" "Home"
tui_keys b t
tui_type "ward"
tui_keys Enter
tui_wait "Browse · #ward" "a tag filter"
tui_wait "4 entries" "four entries have the tag, one of them private"

# ---- export the filtered list --------------------------------------------------------
tui_keys E
tui_wait "Export the 4 entries listed as" "E asks for a format, saying how many entries go"
tui_wait "Markdown (.md)" "Markdown is offered"
tui_wait "HTML (.html)" "and HTML"
tui_wait "praxis JSON (.json)" "and JSON"
tui_wait "Plain text (.txt)" "and text"
tui_wait "Word (.docx): needs pandoc, which is not installed" "DOCX is marked when pandoc is missing"
tui_wait "PDF (.pdf): needs pandoc" "and PDF"
tui_keys Enter
tui_wait "1 of the 4 entries is private: export it too? y yes · n no" "the private entry is asked about"
tui_keys n
tui_wait "Colleagues' names: a anonymise (Enter; stand-ins, as coursework needs) · k keep them" \
	"names are asked about, Enter anonymising"
tui_keys Enter
tui_wait "Export to (Esc cancels): ~/praxis-export-2026-03-10.md" "the file, from a dated default"
tui_keys C-u
tui_type "~/out/ward.md"
tui_keys Enter
status "Exported 3 entries (" "the status line says how many entries went"
status "words) to ~/out/ward.md; 1 private left out; names anonymised" \
	"their words, where, and what was left out"
W=$OUT/ward.md
check "the file is there" [ -f "$W" ]
check "mode 0600" [ "$(mode "$W")" = 600 ]
check "it holds the incident" has "$W" "Handover went wrong"
check "the note" has "$W" "Ward round"
check "and last month's" has "$W" "Old ward note"
check "not the entry without the tag" sh -c "! grep -q 'Coffee chat' '$W'"
check "not the private one" sh -c "! grep -q 'Private worry' '$W'"
check "no colleague's name" sh -c "! grep -qE 'Sam|Priya' '$W'"
check "stand-ins instead" has "$W" "Colleague"
px export --format md --tag ward --anonymise -o "$SANDBOX/cli.md"
check "the same file as praxis export --tag ward --anonymise" cmp -s "$W" "$SANDBOX/cli.md"
check "no temporary file is left beside it" [ "$(files)" = "ward.md " ]
sum=$(cksum <"$W")

# ---- Esc at each question writes nothing ------------------------------------------------
tui_keys E
tui_wait "Export the 4 entries listed as" "E again"
tui_keys Escape
status "Export cancelled: nothing written" "Esc at the format"
tui_keys E Enter
tui_wait "export it too?" "the private question"
tui_keys Escape
status "Export cancelled: nothing written" "Esc at the private question"
tui_keys E Enter n
tui_wait "Colleagues' names" "the names question"
tui_keys Escape
status "Export cancelled: nothing written" "Esc at the names"
tui_keys E Enter n k
tui_wait "Export to (Esc cancels): ~/out/ward.md" "the file exported to last is offered"
tui_keys Escape
status "Export cancelled: nothing written" "Esc at the file"
check "nothing was written" [ "$(files)" = "ward.md " ]
check "the file is as it was" [ "$(cksum <"$W")" = "$sum" ]
check "no default file either" [ ! -e "$HOME/praxis-export-2026-03-10.md" ]

# ---- an existing file: replaced only after y ------------------------------------------
tui_keys E Enter n k Enter
tui_wait "'~/out/ward.md' exists: replace it? y yes · n no" "an existing file is asked about"
tui_keys n
status "Nothing written: '~/out/ward.md' is as it was" "n keeps it"
tui_keys E Enter n k Enter
tui_wait "exists: replace it?" "asked again"
tui_keys Enter
status "Nothing written: '~/out/ward.md' is as it was" "Enter is no"
tui_keys E Enter n k Enter
tui_wait "exists: replace it?" "asked again"
tui_keys Escape
status "Export cancelled: nothing written" "Esc is no"
check "the file is still as it was" [ "$(cksum <"$W")" = "$sum" ]
tui_keys E Enter y k Enter
tui_wait "exists: replace it?" "asked again, with private entries and names this time"
tui_keys y
status "Exported 4 entries (" "y replaces it"
status "to ~/out/ward.md" "the same file"
check "replaced: the private entry is in it now" has "$W" "Private worry"
check "and the names" has "$W" "@Sam"
check "still 0600" [ "$(mode "$W")" = 600 ]

# ---- errors: one line, nothing written, the screen goes on ------------------------------
bad_path() { # bad_path PATH EXPECTED DESC
	tui_keys E Enter n k
	tui_wait "Export to" "$3: the question"
	tui_keys C-u
	tui_type "$1"
	tui_keys Enter
	status "$2" "$3"
}
bad_path "~/nope/x.md" "'~/nope': no such folder; nothing written" "a missing folder"
check "the folder is not made" [ ! -e "$HOME/nope" ]
bad_path "~/out" "'~/out' is a folder; give the export a file name" "a folder as the file"
bad_path "~/out/ward.md/x.md" "'~/out/ward.md' is not a folder; nothing written" \
	"a file as the folder"
bad_path "   " "the export needs a file name; nothing written" "an empty name"
bad_path "~bob/x.md" "only a leading ~/ is understood" "~user is refused, not guessed at"
if [ "$(id -u)" = 0 ]; then
	nowrite=/sys/praxis-test-export.md   # sysfs makes no new files, even for root
else
	mkdir -m 500 "$SANDBOX/ro"
	nowrite=$SANDBOX/ro/x.md
fi
bad_path "$nowrite" "$nowrite: cannot write the export: " "a folder that cannot be written"
check "nothing is left there" [ ! -e "$nowrite" ]
tui_keys E j j j j Enter
status "DOCX export needs pandoc, which is not installed (the Debian package is 'pandoc')" \
	"DOCX without pandoc is refused before the file is asked for"
check "after all that, only the one export" [ "$(files)" = "ward.md " ]
tui_keys j
tui_wait "Browse · #ward" "the screen goes on working"
tui_keys x
tui_wait "5 entries" "x clears the filter"

# ---- an empty list, and a search ---------------------------------------------------------
tui_keys d
tui_type "2025-01"
tui_keys Enter
tui_wait "No entries here" "a filter nothing matches"
tui_keys E
status "Nothing to export: the list is empty" "E on an empty list"
tui_keys x /
tui_type "round"
tui_wait "1 match" "a search"
tui_keys Enter
tui_keys E
tui_wait "Export the 1 entry listed as" "E exports the search's matches"
tui_keys j j Enter
tui_wait "Export to (Esc cancels): ~/out/ward.json" "JSON asks no names (it is for importing)"
tui_keys C-u
tui_type "~/out/search.json"
tui_keys Enter
status "Exported 1 entry (" "the search's one match went"
S=$OUT/search.json
check "it holds the match" has "$S" "Ward round"
check "and nothing else" sh -c "! grep -qE 'Handover went wrong|Old ward note|Coffee chat' '$S'"
check "JSON mode 0600 too" [ "$(mode "$S")" = 600 ]

tui_keys Escape
tui_wait "5 entries" "Esc ends the search"

# ---- a slow conversion: the status line says what it waits for --------------------------
# A stand-in pandoc that holds on until the test lets it go, then copies
# the Markdown it was given to the file asked for.
cat >"$SANDBOX/bin/pandoc" <<EOF
#!/bin/sh
for a; do case \$a in --output=*) out=\${a#--output=} ;; esac; md=\$a; done
i=0
while [ ! -e "$SANDBOX/go" ] && [ \$i -lt 400 ]; do $(command -v sleep) 0.05; i=\$((i + 1)); done
exec $(command -v cp) "\$md" "\$out"
EOF
chmod 700 "$SANDBOX/bin/pandoc"
tui_keys E k k k k k k j j j j Enter n k
tui_wait "Export to" "with pandoc there, DOCX asks for the file"
tui_keys C-u
tui_type "~/out/slow.docx"
tui_keys Enter
status "Exporting: pandoc is making the Word file…" "while pandoc works, the status line says so"
check "nothing is at the name yet" [ ! -e "$OUT/slow.docx" ]
touch "$SANDBOX/go"
status "Exported 4 entries (" "and then what was written"
check "the file is there, 0600" [ "$(mode "$OUT/slow.docx")" = 600 ]
check "made from the Markdown of the listed entries" has "$OUT/slow.docx" "Ward round"
check "the entries were counted out on the way, then pandoc's turn was shown" \
	[ "$(grep ' status ' "$SANDBOX/trace" | tail -n 2 | cut -d' ' -f2- | tr '\n' '|')" = \
	  "status Exporting: 0 of 4 entries…|status Exporting: pandoc is making the Word file…|" ]
check "a Markdown export counted its entries to the last" \
	grep -q ' status Exporting: 4 of 4 entries…$' "$SANDBOX/trace"
check "one entry is one entry" grep -q ' status Exporting: 1 of 1 entry…$' "$SANDBOX/trace"
rm -f "$SANDBOX/bin/pandoc" "$OUT/slow.docx"

tui_keys q q
tui_expect_restored "the terminal is restored"
tui_expect_clean "no sanitizer report, no leak"
finish
