#!/bin/sh
# CLI: the bundled templates.  Every file in prompts/ checks without
# errors, and every template runs unattended from its answers file in
# tests/templates/answers/ (follow-up templates against an action planned
# for the purpose), writing an entry with its answers.
. "$(dirname "$0")/../lib.sh"

px templates check
expect_rc 0 "every bundled template checks"
expect_out " 0 errors" "with no errors"

n_templates=0
for file in "$TOP"/prompts/*.yaml; do
	n_templates=$((n_templates + 1))
	id=$(basename "$file" .yaml)
	answers="$TOP/tests/templates/answers/$id.yaml"
	check "template '$id' has an answers file" test -f "$answers"
done
check "the bundle holds the templates of the issue (at least 19)" test "$n_templates" -ge 19

# Reflect and review templates first (they plan actions), inside an
# inquiry when the template is written only for inquiries; then the
# follow-up templates, each following up the first action still open; last
# the template that closes the inquiry.
px inquiry new "How do I use my bases of power?"
expect_rc 0 "an inquiry for the inquiry templates"

run_template() {
	id=$1 answers=$2 role=$3 file=$4
	if [ "$role" = follow-up ]; then
		px due --upcoming=3660
		action=$(printf '%s\n' "$out" | sed -n '1s/^\([0-9]*\)	.*/\1/p')
		check "an action is open to follow up with '$id'" test -n "$action"
		[ -n "$action" ] || return
		px follow-up --template "$id" --answers "$answers" "$action"
	elif grep -q '^frames: \[inquiry\]' "$file"; then
		px new --template "$id" --inquiry 1 --answers "$answers"
	else
		px new --template "$id" --answers "$answers"
	fi
	expect_rc 0 "template '$id' runs from its answers file"
	expect_out "saved entry" "template '$id' writes an entry"
	entry=$(printf '%s\n' "$out" | sed -n 's/^saved entry \([0-9]*\):.*/\1/p')
	px show --format json "$entry"
	expect_out "\"template\": \"$id\"" "the entry of '$id' records its template"
	expect_out '"step": ' "the entry of '$id' has its answers"
}

for pass in reflect follow-up close; do
	for file in "$TOP"/prompts/*.yaml; do
		id=$(basename "$file" .yaml)
		answers="$TOP/tests/templates/answers/$id.yaml"
		[ -f "$answers" ] || continue
		role=$(sed -n 's/^role: *\([a-z-]*\).*/\1/p' "$file" | head -n 1)
		this=reflect
		[ "$role" = follow-up ] && this=follow-up
		grep -q '^closes_inquiry:' "$file" && this=close
		[ "$pass" = "$this" ] && run_template "$id" "$answers" "$role" "$file"
	done
done

px inquiry show 1
expect_out "inquiry 1 (closed)" "inquiry-close closed the inquiry"
expect_out "summary: " "with its closing summary"

px check
expect_rc 0 "the journal is sound after every bundled run"

finish
