#!/bin/sh
# TUI: the terminal can be resized at any moment: down to 40x12 every
# screen still draws; below that praxis says "terminal too small" and keeps
# running (keys still work); back to full size everything is as it was,
# the text being written included.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

for i in 1 2 3 4 5 6; do
	"$PRAXIS" --db "$DB" add --tag "topic$i" --title "Entry number $i" "Body $i. @Sam" >/dev/null
done

tui_start_px 100 30
tui_wait "Entry number 6" "Home at 100x30"
tui_resize 40 12
tui_wait "praxis · 6 entries" "Home redraws at 40x12"
tui_wait "Follow-ups due" "with its sections"
tui_keys b
tui_wait "Browse" "Browse at 40x12"
tui_wait "2026-03-10 - Entry numbe" "rows fit the width (the date loses its time)"
tui_resize 39 12
tui_wait "terminal too small" "39 columns: too small"
tui_wait "need 40x12" "and says what is needed"
tui_resize 40 11
tui_wait "terminal too small" "11 rows: too small"
tui_keys q
tui_resize 100 30
tui_wait "praxis · 6 entries" "keys still work while too small (q went back to Home)"
tui_wait "Entry number 6" "back to full size, Home is whole again"

tui_keys w Enter
tui_wait "New note" "the editor"
tui_type "# Resizing"
tui_keys Enter Enter
tui_type "The quick brown fox jumps over the lazy dog and keeps on running far away."
tui_resize 40 12
tui_wait "far away." "at 40 columns the text wraps at words and stays whole"
tui_screen
widest=$(printf '%s\n' "$screen" | wc -L)
check "no line is wider than the terminal ($widest columns)" [ "$widest" -le 40 ]
tui_resize 30 8
tui_wait "terminal too small" "too small while writing"
tui_type " More."
tui_resize 100 30
tui_wait "keeps on running far away. More." "typing went on while too small; nothing lost"
tui_keys C-s
tui_wait "saved entry 7" "and the entry saves"
tui_keys q
tui_expect_restored "the terminal is restored after resizing"
tui_expect_clean "no sanitizer report, no leak"
finish
