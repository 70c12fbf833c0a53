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

# Reflect and review templates first (they plan actions), then the
# follow-up templates, each following up the first action still open.
run_template() {
	id=$1 answers=$2 role=$3
	if [ "$role" = follow-up ]; then
		px due --upcoming=3660
		action=$(printf '%s\n' "$out" | sed -n '1s/^\([0-9]*\)	.*/\1/p')
		check "an action is open to follow up with '$id'" test -n "$action"
		[ -n "$action" ] || return
		px follow-up --template "$id" --answers "$answers" "$action"
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

for pass in reflect follow-up; do
	for file in "$TOP"/prompts/*.yaml; do
		id=$(basename "$file" .yaml)
		answers="$TOP/tests/templates/answers/$id.yaml"
		[ -f "$answers" ] || continue
		role=$(sed -n 's/^role: *\([a-z-]*\).*/\1/p' "$file" | head -n 1)
		if [ "$pass" = follow-up ]; then
			[ "$role" = follow-up ] || continue
		else
			[ "$role" != follow-up ] || continue
		fi
		run_template "$id" "$answers" "$role"
	done
done

px check
expect_rc 0 "the journal is sound after every bundled run"

finish
