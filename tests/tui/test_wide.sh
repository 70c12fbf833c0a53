#!/bin/sh
# TUI: titles in CJK, with emoji and with combining accents are measured by
# display width (wcwidth), so the columns after them (tags, word counts)
# line up with those of plain ASCII rows, on Home and in Browse, and the
# Entry screen and the editor show the text whole.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux.sh"

add() { "$PRAXIS" --db "$DB" add "$@" >/dev/null || echo "setup: add $* failed"; }
add --title "Plain ASCII title" --tag alpha --date 2026-03-06 "Some words here."
add --title "日本語のタイトル" --tag beta --date 2026-03-07 "日本語の本文です。"
add --title "Smile 🙂 day 🎉" --tag gamma --date 2026-03-08 "Emoji 🙂 in the body."
add --title "Café résumé naïve" --tag delta --date 2026-03-09 "Combining: e\xcc\x81 done."
add --title "Mixed 漢字 and 🙂 emoji" --tag epsilon --date 2026-03-10 "Mixed."

# COL LINE: the display column where the first '#' of LINE is.
col() { printf '%s' "${1%%#*}" | wc -L; }
# The display width of LINE up to the end of its word count ("12w").
end_col() { printf '%s' "$1" | sed 's/\(.*[0-9]w\).*/\1/' | wc -L; }

aligned() { # aligned DESC: every entry row of the screen has its tags and counts at one column
	rows=$(printf '%s\n' "$screen" | grep -E '^ 2026-03-(06|07|08|09|10) ')
	n=$(printf '%s\n' "$rows" | grep -c .)
	tags=$(printf '%s\n' "$rows" | while IFS= read -r l; do col "$l"; done | sort -u)
	ends=$(printf '%s\n' "$rows" | while IFS= read -r l; do end_col "$l"; done | sort -u)
	if [ "$n" -eq 5 ] && [ "$(printf '%s\n' "$tags" | grep -c .)" -eq 1 ] &&
		[ "$(printf '%s\n' "$ends" | grep -c .)" -eq 1 ]; then
		ok_ "$1"
	else
		t_fail=$((t_fail + 1))
		echo "not ok - $1"
		echo "    rows: $n; tag columns: $(echo $tags); count ends: $(echo $ends)"
		printf '%s\n' "$rows" | sed 's/^/    |/'
	fi
}

tui_start_px 100 30
tui_wait "Mixed 漢字 and 🙂 emoji" "the wide title is on Home"
tui_wait "日本語のタイトル" "CJK on Home"
tui_screen
aligned "Home: the tags and word counts line up after CJK, emoji and accents"
tui_keys b
tui_wait "Browse" "Browse"
tui_wait "Smile 🙂 day 🎉" "emoji in Browse"
tui_screen
aligned "Browse: columns line up at 100 columns"
tui_resize 61 20
tui_wait "Browse" "Browse at 61 columns"
tui_screen
aligned "Browse: columns line up when titles must be cut"
tui_resize 100 30
tui_keys /
tui_type "日本語"
tui_wait "Search: 日本語" "a CJK search"
tui_wait "1 match" "finds the CJK entry"
tui_keys Enter Enter
tui_wait "日本語の本文です。" "the Entry screen shows the CJK body"
tui_keys e
tui_wait "# 日本語のタイトル" "the editor shows the CJK title line"
tui_keys C-End
tui_type "追加🙂"
tui_wait "追加🙂" "CJK and emoji typed into the editor"
tui_keys BSpace
tui_wait_gone "追加🙂" "Backspace removes the whole emoji"
tui_wait "追加" "and only it"
tui_keys C-s
tui_wait "18 words" "the entry saves with its new words counted per ideograph"
tui_keys q
tui_wait "Search: 日本語" "back to the search"
tui_keys Escape
tui_wait "5 entries" "Esc ends it"
tui_keys q
tui_wait "Follow-ups due" "back to Home"
tui_keys q
tui_expect_restored "the terminal is restored"
tui_expect_clean "no sanitizer report, no leak"
finish
