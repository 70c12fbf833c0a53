#!/bin/sh
# CLI: help comes from the command table, for every command, three ways.
. "$(dirname "$0")/../lib.sh"

run "$PRAXIS"
expect_rc 0 "praxis alone prints usage (until the UI lands)"
expect_out "usage: praxis" "usage line"

run "$PRAXIS" help
expect_rc 0 "praxis help"
for cmd in $(printf '%s\n' "$out" | sed -n 's/^  \([a-z-]*\) .*/\1/p'); do
	run "$PRAXIS" help "$cmd"
	expect_out "usage: praxis $cmd" "help $cmd shows its usage"
	run "$PRAXIS" "$cmd" --help
	expect_rc 0 "$cmd --help exits 0"
	expect_out "usage: praxis $cmd" "$cmd --help shows its usage"
done

run "$PRAXIS" help nosuch
expect_rc 2 "help for an unknown command is a usage error"

run "$PRAXIS" --version
expect_out "praxis " "--version"

run "$PRAXIS" --bogus
expect_rc 2 "an unknown global option exits 2"

run "$PRAXIS" --db
expect_rc 2 "--db without a path exits 2"
expect_one_line_error "--db without a path: one line"

finish
