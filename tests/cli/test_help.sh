#!/bin/sh
# CLI: help comes from the command table, for every command, three ways.
. "$(dirname "$0")/../lib.sh"

# praxis alone opens the journal screen, which needs a terminal (the TUI
# tests drive it in one); here standard input is not one.
run "$PRAXIS"
expect_rc 2 "praxis alone without a terminal is a usage error"
expect_one_line_error "praxis alone without a terminal says so in one line"
expect_err "needs a terminal" "the error names what is missing"

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
