#!/bin/sh
# Make sure the Debian packages praxis needs are present.
#   sh .ci/deps.sh build   libraries to build and run praxis
#   sh .ci/deps.sh check   those plus what `make check` uses
#   sh .ci/deps.sh lint    those plus cppcheck and clang-tidy (`make lint`)
#   sh .ci/deps.sh fuzz    those plus clang and libFuzzer (`make fuzz`)
#   sh .ci/deps.sh valgrind  those plus valgrind (`make valgrind`)
# As root, missing packages are installed with apt-get; otherwise the exact
# apt-get line is printed and we stop, so nothing is half-installed.
set -eu
what=${1:-build}
pkgs="build-essential pkg-config libncurses-dev libsqlite3-dev libyaml-dev"
case $what in
check) pkgs="$pkgs libcmocka-dev tmux groff-base sqlite3 locales" ;;
lint) pkgs="$pkgs cppcheck clang-tidy" ;;
fuzz) pkgs="$pkgs clang libclang-rt-dev sqlite3" ;;
valgrind) pkgs="$pkgs libcmocka-dev tmux groff-base sqlite3 locales valgrind" ;;
esac
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
		|| missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
	echo "praxis: installing Debian packages:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
	echo "praxis: missing Debian packages; install them with:" >&2
	echo "  sudo apt-get install -y$missing" >&2
	exit 1
fi
