#!/bin/sh
# make install: the binary, both man pages and the bundled prompts land
# under PREFIX inside DESTDIR, and the installed praxis finds its templates
# in PREFIX/share/praxis/prompts without the build tree.
. "$(dirname "$0")/../lib.sh"

dest="$SANDBOX/dest"
run make -C "$TOP" --no-print-directory install PREFIX=/opt/praxis DESTDIR="$dest"
expect_rc 0 "make install with PREFIX and DESTDIR"
check "the binary is installed" test -x "$dest/opt/praxis/bin/praxis"
check "praxis(1) is installed" test -f "$dest/opt/praxis/share/man/man1/praxis.1"
check "praxis-templates(5) is installed" test -f "$dest/opt/praxis/share/man/man5/praxis-templates.5"
check "the vocabularies are installed" test -f "$dest/opt/praxis/share/praxis/prompts/vocab/leadership.yaml"
n_src=$(ls "$TOP"/prompts/*.yaml | wc -l)
n_dst=$(ls "$dest"/opt/praxis/share/praxis/prompts/*.yaml | wc -l)
check "every bundled template is installed" test "$n_src" -eq "$n_dst"
run "$dest/opt/praxis/bin/praxis" --db "$DB" templates list
expect_rc 0 "the installed praxis lists templates"
expect_out "gibbs	Gibbs' reflective cycle" "from its own share folder"
run "$dest/opt/praxis/bin/praxis" --db "$DB" templates check
expect_out " 0 errors" "and they all check"

finish
