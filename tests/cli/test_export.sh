#!/bin/sh
# CLI: praxis export end to end — selection, each format's structure, word
# counts and limits on known texts, HTML escaping, anonymisation in every
# format, files written whole and private, and DOCX/PDF with and without
# pandoc.
. "$(dirname "$0")/../lib.sh"

px add --frame incident --date "2026-03-02 14:30" --title 'Handover <script>alert(1)</script> & "quotes"' \
	--tag handover "I assumed @Sam had read the notes; Sam's reply was \"<b>no</b>\" & terse. #delegation"
px add --date "2026-03-05 10:00" --title "Quiet day" \
	"Well-being, don't, rock'n'roll: 日本語 with @Priya and @Jo-Ann."
px add --date "2026-03-06 10:00" --private --title "Secret" "Private words about @Sam."
px add --date "2026-03-07 10:00" --title "Binned" "Gone to the trash."
px rm 4
px people set Sam --pseudonym Alex
px people set Priya --role "the ward manager"

# --- selection and structure -------------------------------------------------------
px export
expect_rc 0 "export Markdown to standard output"
expect_out "# Learning journal" "Markdown has a title"
expect_out "## Handover <script>alert(1)</script> & \"quotes\"" "each entry is a heading"
expect_out "*Critical incident · Mon 2 Mar 2026 14:30 · 13 words*" \
	"the frame, date and word count under it"
expect_out "Tags: #delegation #handover" "tags are listed"
expect_out "People: @Sam" "people are listed"
expect_no_out "Secret" "private entries are left out"
expect_no_out "Binned" "the trash is never exported"
expect_out "2 entries, 23 words." "the total closes the document"
case $out in *"Handover"*"Quiet day"*) ok_ "oldest first" ;; *) fail_ "oldest first" "order" ;; esac

# Known texts: "Well-being", "don't" and "rock'n'roll" are one word each,
# and each of the three CJK characters one: 3 + 3 + with, @Priya, and,
# @Jo-Ann = 10.
px export --format txt 2
expect_out "Note · Thu 5 Mar 2026 10:00 · 10 words" "word count of a known text"
expect_out "1 entry, 10 words." "one entry's total"

px export --include-private --tag handover --frame incident
expect_out "Handover" "filters combine"
expect_no_out "Secret" "filters narrow private entries out too"
px export --include-private 3
expect_out "## Secret" "private entries with --include-private"
px export 3
expect_rc 1 "a private entry by id without --include-private"
expect_one_line_error "the refusal is one line"
expect_err "entry 3: private" "it says why"
px export 4
expect_rc 1 "a trashed entry by id"
expect_err "entry 4: in the trash" "the trash is never exported"
px export 99
expect_err "entry 99: no such entry" "a missing entry by id"
px export --range 2026-03-05..2026-03-05
expect_out "Quiet day" "a date range"
expect_no_out "Handover" "outside the range"
px export --search 'well* OR handov*'
expect_rc 0 "a search chooses the entries"
expect_out "## Quiet day" "an entry the search finds"
expect_out "Entries: found by the search 'well* OR handov*'." "the document says how they were chosen"
expect_no_out "Secret" "a search leaves private entries out too"
px export --search 'assum*' --frame note
expect_rc 0 "a search with a filter that leaves nothing"
expect_out "0 entries, 0 words." "every condition holds"
px export --search '"unbalanced'
expect_rc 1 "a search that does not parse"
expect_one_line_error "its refusal is one line"
expect_err "search: unbalanced quote" "naming what is wrong"
px export --format htm
expect_rc 2 "a misspelt format is a usage error"
expect_err "did you mean 'html'" "with a suggestion"

# --- HTML ------------------------------------------------------------------------------
px export --format html
expect_rc 0 "HTML export"
expect_out "<h2>Handover &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</h2>" \
	"titles are escaped"
expect_out "Sam&#39;s reply was &quot;&lt;b&gt;no&lt;/b&gt;&quot; &amp; terse." \
	"bodies are escaped"
expect_no_out "<script" "no script reaches the page"
expect_no_out "<b>" "no markup from the journal reaches the page"
expect_out "@media print" "there is a print stylesheet"
expect_out "</html>" "the document is complete"

# --- anonymisation -----------------------------------------------------------------------
for f in md html txt json; do
	px export --anonymise --include-private --format $f
	expect_rc 0 "anonymised $f"
	if printf '%s\n' "$out" | grep -iwqE 'sam|priya|jo-ann'; then
		fail_ "no real name survives in $f" "$(printf '%s\n' "$out" | grep -iwE 'sam|priya|jo-ann' | head -n 2)"
	else
		ok_ "no real name survives in $f"
	fi
	expect_out "Alex" "$f: Sam reads as his pseudonym"
	expect_out "the ward manager" "$f: Priya reads as her role"
	expect_out "Colleague" "$f: Jo-Ann reads as a generated stand-in"
done
px export --anonymise --format txt
expect_out "I assumed @Alex had read the notes; Alex's reply" \
	"mentions and bare names read the same stand-in"
px show 1
expect_out "@Sam" "the journal itself is unchanged"

# --- word limits ------------------------------------------------------------------------
px export --word-limit 10
expect_rc 0 "a word limit is a report, not an error"
expect_err "praxis: export: entry 1 (2026-03-02) 'Handover" "the entry over the limit is named"
expect_err "has 13 words, 3 over the word limit of 10" "with its count"
expect_no_out "Quiet day' has" "an entry of exactly the limit is within it"
expect_err "the 2 entries have 23 words in all, 13 over the word limit of 10" "and the total"
with_limit=$out
px export
check "the limit never changes the text" [ "$with_limit" = "$out" ]
px export --entry-limit 12
expect_err "over the entry limit of 12" "an entry limit"
expect_no_out "in all" "an entry limit says nothing of the total"

# --- files -----------------------------------------------------------------------------------
echo "older" >"$SANDBOX/journal.md"
px export -o "$SANDBOX/journal.md"
expect_rc 0 "export to a file"
expect_out "exported 2 entries, 23 words, to $SANDBOX/journal.md" "it says what it wrote"
check "the file replaced the older one" grep -q "# Learning journal" "$SANDBOX/journal.md"
mode=$(stat -c %a "$SANDBOX/journal.md")
check "the file is private (0600)" [ "$mode" = 600 ]
check "no temporary file is left" [ "$(ls -A "$SANDBOX" | grep -c '\.tmp-')" -eq 0 ]
px export -o "$SANDBOX/no/such/dir/journal.md"
expect_rc 1 "a folder that does not exist"
expect_one_line_error "one line"

# A filter naming what the journal does not have would hand a tutor an
# empty document: refused, with the nearest name, and nothing written.
for sel in "--tag delegaton|no tag '#delegaton' (did you mean '#delegation'?)" \
	   "--person Samm|no person '@Samm' (did you mean '@Sam'?)" \
	   "--template gibs|no template 'gibs' (did you mean 'gibbs'?)"; do
	px export ${sel%%|*} -o "$SANDBOX/typo.md"
	expect_rc 1 "export ${sel%%|*}: refused"
	expect_err "praxis: ${sel#*|}" "export ${sel%%|*}: names the nearest"
	check "export ${sel%%|*}: no file" [ ! -e "$SANDBOX/typo.md" ]
done
px export --tag '#Delegation' --person @sam
expect_rc 0 "a tag and a person are known in any case, with their sigils"
expect_out "Handover" "and select their entries"
px export --tag handover --range 2026-01
expect_rc 0 "a known tag with no entry in the range is no mistake"
expect_out "0 entries, 0 words." "and exports an empty document"

# "-o -" is standard output, as "import -" is standard input.
here=$(pwd)
cd "$SANDBOX" || exit 1
px export --format txt -o -
expect_rc 0 "-o - exports to standard output"
expect_out "2 entries, 23 words." "the document is on standard output"
check "no file named - is made" [ ! -e "$SANDBOX/-" ]
cd "$here" || exit 1

# Through a symbolic link the file it names is replaced, and the link stays.
mkdir "$SANDBOX/real"
echo "older" >"$SANDBOX/real/kept.md"
ln -s real/kept.md "$SANDBOX/link.md"
px export -o "$SANDBOX/link.md"
expect_rc 0 "export through a symbolic link"
check "the link is still a link" [ -L "$SANDBOX/link.md" ]
check "the file it names has the export" grep -q "# Learning journal" "$SANDBOX/real/kept.md"
check "no temporary file is left beside it" [ "$(ls -A "$SANDBOX/real" | grep -c '\.tmp-')" -eq 0 ]
# What is not a file (a named pipe here; /dev/null, /dev/stdout) is written
# into, never renamed over: that would put a file where the device was.
mkfifo "$SANDBOX/pipe"
timeout 20 cat "$SANDBOX/pipe" >"$SANDBOX/from-pipe" &   # never left waiting
reader=$!
px export --format txt -o "$SANDBOX/pipe"
expect_rc 0 "export into a named pipe"
wait "$reader"
check "the pipe is still a pipe" [ -p "$SANDBOX/pipe" ]
check "what was written came out of the pipe" grep -q "2 entries, 23 words." "$SANDBOX/from-pipe"

# --- pandoc ------------------------------------------------------------------------------------
PATH_SAVED=$PATH
mkdir -p "$SANDBOX/bin"
for tool in sh cat; do ln -s "$(command -v $tool)" "$SANDBOX/bin/$tool"; done
PATH="$SANDBOX/bin" px export --format docx -o "$SANDBOX/journal.docx"
expect_rc 1 "DOCX without pandoc"
expect_one_line_error "one line"
expect_err "DOCX export needs pandoc, which is not installed (the Debian package is 'pandoc')" \
	"the error names the package"
check "nothing is written" [ ! -e "$SANDBOX/journal.docx" ]
PATH="$SANDBOX/bin" px export --format pdf -o "$SANDBOX/journal.pdf"
expect_err "PDF export needs pandoc" "PDF too"

# A stand-in pandoc: copies the Markdown it is given to --output.
cat >"$SANDBOX/bin/pandoc" <<'EOF'
#!/bin/sh
for a; do case $a in --output=*) out=${a#--output=} ;; -*) ;; *) in=$a ;; esac; done
cat "$in" >"$out"
EOF
chmod 755 "$SANDBOX/bin/pandoc"
PATH="$SANDBOX/bin:$PATH" px export --format docx -o "$SANDBOX/journal.docx"
expect_rc 0 "DOCX through pandoc"
check "pandoc was given the Markdown" grep -q "## Handover" "$SANDBOX/journal.docx"
mode=$(stat -c %a "$SANDBOX/journal.docx")
check "the DOCX is private (0600)" [ "$mode" = 600 ]
PATH="$SANDBOX/bin:$PATH" px export --format pdf
expect_rc 0 "PDF to a pipe through pandoc"
expect_out "## Handover" "standard output gets pandoc's file"
PATH=$PATH_SAVED

finish
