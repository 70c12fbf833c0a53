#!/bin/sh
# make lint: the layering rules of DESIGN.md, banned functions, every
# public header compiling on its own, then cppcheck and clang-tidy with the
# configuration checked in beside this file (.ci/cppcheck.supp,
# .ci/clang-tidy.yaml).  Lists every offending line of every class of
# problem and exits non-zero when there was any.
set -u
cd "$(dirname "$0")/.."
status=0
report() { echo "lint: $1"; echo "$2" | sed 's/^/    /'; status=1; }

hits=$(grep -nE '#include *[<"](n?curses|ncursesw/)' src/core/*.c src/core/*.h include/praxis/*.h 2>/dev/null)
[ -n "$hits" ] && report "the core must not include curses" "$hits"

hits=$(grep -nE '\b(printf|fprintf|puts|fputs|putchar|perror|exit)\s*\(' src/core/*.c 2>/dev/null \
	| grep -vE 'snprintf|vsnprintf|_exit')
[ -n "$hits" ] && report "the core must not print or exit" "$hits"

hits=$(grep -nE '\bsqlite3_[a-z_]+\s*\(|#include *<sqlite3.h>' src/cli/*.c src/cli/*.h src/ui/*.c src/ui/*.h 2>/dev/null)
[ -n "$hits" ] && report "only the core talks to SQLite" "$hits"

hits=$(grep -nE '\b(strcpy|strcat|sprintf|vsprintf|strtok|gets|mktemp|tmpnam|localtime|gmtime|ctime|asctime|atoi|system)\s*\(' \
	src/*/*.c src/*/*.h include/praxis/*.h 2>/dev/null)
[ -n "$hits" ] && report "banned functions" "$hits"

flags="-std=c17 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Wall -Wextra -Wpedantic -Werror -Iinclude"
for h in include/praxis/*.h; do
	if ! echo "#include \"${h#include/}\"" | cc $flags -fsyntax-only -x c - 2>/tmp/lint.$$; then
		report "$h does not compile on its own" "$(cat /tmp/lint.$$)"
	fi
done
rm -f /tmp/lint.$$

sources=$(ls src/core/*.c src/cli/*.c src/ui/*.c 2>/dev/null)
out=$(cppcheck --quiet --error-exitcode=1 --enable=warning,portability --std=c11 \
	--inline-suppr --suppressions-list=.ci/cppcheck.supp -Iinclude -Isrc/core -Ibuild/gen \
	$sources 2>&1) || report "cppcheck" "$out"

# clang-tidy, two files at a time (the machine is shared); the flags are
# the build's, without the warnings gcc already enforces.
tidy_flags="-std=c17 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Iinclude -Ibuild/gen"
out=$(printf '%s\n' $sources | xargs -P2 -n4 sh -c \
	'clang-tidy --config-file=.ci/clang-tidy.yaml --quiet "$@" -- '"$tidy_flags"' 2>/dev/null' sh)
[ -n "$out" ] && report "clang-tidy" "$(printf '%s\n' "$out" | grep -E 'warning:|error:')"
[ "$status" -eq 0 ] && echo "lint: clean"
exit "$status"
