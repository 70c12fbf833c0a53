#!/bin/sh
# CLI: man/praxis.1 keeps up with the binary.  Every command `praxis help`
# lists has its own .SS section under COMMANDS, in the table's order, and no
# section names a command that does not exist; every long option that
# `praxis help CMD` prints is documented in that command's section; the
# global options and the version agree with the binary.  (tests/run.sh
# separately checks that the page renders without a warning.)
. "$(dirname "$0")/../lib.sh"

MAN=$TOP/man/praxis.1
check "man/praxis.1 exists" [ -f "$MAN" ]

# The names of the .SS sections under .SH COMMANDS, in order, one a line.
man_commands() {
	awk '/^\.SH / { in_cmds = ($2 == "COMMANDS") ; next }
	     in_cmds && /^\.SS / { n = $2; gsub(/"/, "", n); print n }' "$MAN"
}

# The source of command $1's section, with troff's \- read as -.
man_section() {
	awk -v cmd="$1" '
		/^\.SH / { if (on) exit; in_cmds = ($2 == "COMMANDS"); next }
		/^\.SS / { if (on) exit; n = $2; gsub(/"/, "", n); on = in_cmds && n == cmd; next }
		on { print }' "$MAN" | sed 's/\\-/-/g'
}

run "$PRAXIS" help
expect_rc 0 "praxis help lists the commands"
help_commands=$(printf '%s\n' "$out" | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')
check "praxis help lists some commands" [ -n "$help_commands" ]

# --- one section per command, in the table's order -------------------------------
documented=$(man_commands)
for cmd in $help_commands; do
	if printf '%s\n' "$documented" | grep -qx -- "$cmd"; then
		ok_ "'$cmd' has a .SS section under COMMANDS"
	else
		fail_ "'$cmd' has a .SS section under COMMANDS" "add '.SS $cmd' to man/praxis.1"
	fi
done
for name in $documented; do
	if printf '%s\n' "$help_commands" | grep -qx -- "$name"; then
		ok_ "man section '$name' is a command praxis has"
	else
		fail_ "man section '$name' is a command praxis has" "praxis help does not list it"
	fi
done
if [ "$(printf '%s\n' "$help_commands" | tr '\n' ' ')" = "$(printf '%s\n' "$documented" | tr '\n' ' ')" ]; then
	ok_ "the sections follow the command table's order"
else
	fail_ "the sections follow the command table's order" \
		"help: $(echo $help_commands) / man: $(echo $documented)"
fi

# --- every long option of `praxis help CMD` in that command's section -----------
for cmd in $help_commands; do
	run "$PRAXIS" help "$cmd"
	section=$(man_section "$cmd")
	for opt in $(printf '%s\n' "$out" | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
		if printf '%s\n' "$section" | grep -qE -- "$opt([^a-z-]|\$)"; then
			ok_ "$cmd: $opt is documented in its section"
		else
			fail_ "$cmd: $opt is documented in its section" \
				"'praxis help $cmd' shows $opt; the .SS $cmd section does not"
		fi
	done
done

# --- global options and version ----------------------------------------------------
run "$PRAXIS" --help
options=$(awk '/^\.SH / { on = ($2 == "OPTIONS"); next } on { print }' "$MAN" | sed 's/\\-/-/g')
for opt in $(printf '%s\n' "$out" | sed -n 's/^usage: //p' | grep -oE -- '--[a-z][a-z-]*') \
	--help --version; do
	if printf '%s\n' "$options" | grep -qE -- "$opt([^a-z-]|\$)"; then
		ok_ "global option $opt is under OPTIONS"
	else
		fail_ "global option $opt is under OPTIONS" "man/praxis.1 OPTIONS lacks it"
	fi
done

run "$PRAXIS" --version
version=${out#praxis }
check "the page's header names this version ($version)" \
	grep -q "^\.TH PRAXIS 1 [^ ]* \"praxis $version\"" "$MAN"

# --- the sections every page of ours has ---------------------------------------------
while read -r sec; do
	check "section $sec is there" grep -qxE "\.SH \"?$sec\"?" "$MAN"
done <<EOF
NAME
SYNOPSIS
DESCRIPTION
OPTIONS
COMMANDS
DATES
SEARCH QUERIES
TAGS AND PEOPLE
OUTPUT
FILES
ENVIRONMENT
EXIT STATUS
EXAMPLES
SEE ALSO
EOF
# Each variable praxis reads is an entry (a .TP tag) under ENVIRONMENT.
env_tags=$(awk '/^\.SH / { on = ($2 == "ENVIRONMENT"); next }
	on && prev == ".TP" { print } { prev = $0 }' "$MAN")
for var in PRAXIS_DB XDG_DATA_HOME HOME VISUAL EDITOR TMPDIR NO_COLOR PRAXIS_NOW; do
	if printf '%s\n' "$env_tags" | grep -qw -- "$var"; then
		ok_ "ENVIRONMENT has an entry for $var"
	else
		fail_ "ENVIRONMENT has an entry for $var" "no .TP entry names it"
	fi
done

finish
