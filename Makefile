# praxis — a terminal reflective learning journal.
#
# Targets: all (default) run check bench lint fuzz torture valgrind install
#          clean deps
# Quiet by default; `make V=1` shows every command.
#
# Two builds live side by side under build/:
#   build/release  optimised objects for ./praxis (the binary a user runs)
#   build/check    the same sources with ASan+UBSan, the unit tests and the
#                  sanitised praxis the CLI tests drive
# Sources are discovered by directory so that adding a module is adding a
# file pair; each directory is one layer (see ../shared/DESIGN.md).

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR  := $(PREFIX)/bin
DATADIR := $(PREFIX)/share/praxis
MANDIR  := $(PREFIX)/share/man

CC      ?= cc
PKGS    := ncursesw sqlite3 yaml-0.1

V ?= 0
ifeq ($(V),0)
Q  := @
say = @printf '  %-7s %s\n' $(1) $(2)
else
Q  :=
say = @:
endif

WARN := -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes \
        -Wmissing-prototypes -Wpointer-arith -Wformat=2 -Wundef \
        -Wwrite-strings -Wvla -Wnull-dereference -Wdouble-promotion \
        -Wcast-align -Wold-style-definition
# ncurses' pkg-config adds -D_XOPEN_SOURCE=600; we ask for 700 ourselves.
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
BASE_CFLAGS = -std=c17 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE $(WARN) -Iinclude -Ibuild/gen \
              $(PKG_CFLAGS) -DPRAXIS_DATADIR='"$(DATADIR)"' -MMD -MP

REL_CFLAGS   := -O2 -g $(BASE_CFLAGS)
CHECK_CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
                -fno-sanitize-recover=all $(BASE_CFLAGS)
CHECK_LDFLAGS := -fsanitize=address,undefined

CORE_SRC := $(sort $(wildcard src/core/*.c))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
UI_SRC   := $(sort $(wildcard src/ui/*.c))
APP_SRC  := $(CLI_SRC) $(UI_SRC)
SCHEMA   := $(sort $(wildcard schema/[0-9][0-9][0-9][0-9]_*.sql))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
# The sandbox and entry maker every unit test links with.
UNIT_FIXTURE := tests/unit/fixture.c tests/unit/fixture.h
BENCH_SRC := $(sort $(wildcard tests/bench/*.c))
PROMPTS  := $(sort $(wildcard prompts/*.yaml prompts/vocab/*.yaml))
DEMO     := $(sort $(wildcard prompts/demo/*.yaml))

GEN_SCHEMA := build/gen/schema_sql.h

REL_CORE_OBJ   := $(CORE_SRC:%.c=build/release/%.o)
REL_APP_OBJ    := $(APP_SRC:%.c=build/release/%.o)
CHECK_CORE_OBJ := $(CORE_SRC:%.c=build/check/%.o)
CHECK_APP_OBJ  := $(APP_SRC:%.c=build/check/%.o)
UNIT_BIN       := $(UNIT_SRC:tests/unit/%.c=build/check/tests/%)

.PHONY: all run check bench lint install clean deps unit cli-tests man-check fuzz torture
.DEFAULT_GOAL := all

all: deps-ok praxis

# --- dependencies --------------------------------------------------------
# `deps` installs the Debian packages when run as root, otherwise prints the
# exact apt-get line and fails.  `deps-ok` is the cheap check every build does.
deps:
	$(Q)sh .ci/deps.sh build
deps-ok:
	$(Q)pkg-config --exists $(PKGS) || sh .ci/deps.sh build
.PHONY: deps-ok

# --- generated sources ---------------------------------------------------
$(GEN_SCHEMA): $(SCHEMA) schema .ci/embed-schema.sh
	$(call say,GEN,$@)
	$(Q)mkdir -p $(@D)
	$(Q)sh .ci/embed-schema.sh $(SCHEMA) > $@.tmp && mv $@.tmp $@

# Every object may include generated headers; make them first.
$(REL_CORE_OBJ) $(CHECK_CORE_OBJ): | $(GEN_SCHEMA)
build/release/src/core/db.o build/check/src/core/db.o: $(GEN_SCHEMA)

# --- release build -------------------------------------------------------
build/release/%.o: %.c
	$(call say,CC,$<)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(REL_CFLAGS) -c $< -o $@

build/release/libpraxis.a: $(REL_CORE_OBJ)
	$(call say,AR,$@)
	$(Q)rm -f $@ && ar rcs $@ $^

praxis: $(REL_APP_OBJ) build/release/libpraxis.a
	$(call say,LD,$@)
	$(Q)$(CC) -o $@ $(REL_APP_OBJ) build/release/libpraxis.a $(PKG_LIBS) -lm

# --- sanitised build and tests -------------------------------------------
build/check/%.o: %.c
	$(call say,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(CHECK_CFLAGS) -c $< -o $@

build/check/libpraxis.a: $(CHECK_CORE_OBJ)
	$(call say,AR,$@)
	$(Q)rm -f $@ && ar rcs $@ $^

build/check/praxis: $(CHECK_APP_OBJ) build/check/libpraxis.a
	$(call say,LD,$@)
	$(Q)$(CC) $(CHECK_LDFLAGS) -o $@ $(CHECK_APP_OBJ) build/check/libpraxis.a $(PKG_LIBS) -lm
	$(Q)ln -sfn ../../prompts build/check/prompts

build/check/tests/%: tests/unit/%.c $(UNIT_FIXTURE) build/check/libpraxis.a
	$(call say,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(CHECK_CFLAGS) $(CHECK_LDFLAGS) $< tests/unit/fixture.c -o $@ build/check/libpraxis.a \
		$(PKG_LIBS) $$(pkg-config --cflags --libs cmocka) -lm

check: deps-check
	$(Q)$(MAKE) --no-print-directory build/check/praxis $(UNIT_BIN) praxis $(FAULTSHIM) \
		$(REPLAY_BIN)
	$(Q)sh tests/run.sh $(UNIT_BIN)

deps-check:
	$(Q)pkg-config --exists $(PKGS) cmocka && command -v tmux >/dev/null \
		&& command -v groff >/dev/null || sh .ci/deps.sh check
.PHONY: deps-check

# --- reliability (tests/reliability, tests/RELIABILITY.md) ----------------
# The fault shim is preloaded into praxis by the crash, full-disk and
# read-only tests.  It is not ISO C (dlsym), hence gnu17 without -Wpedantic.
FAULTSHIM := build/check/faultshim.so
$(FAULTSHIM): tests/reliability/faultshim.c
	$(call say,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) -std=gnu17 -O1 -g -Wall -Wextra -Werror -Wmissing-prototypes -fPIC -shared \
		-o $@ $< -ldl

# --- fuzzing (tests/fuzz) -------------------------------------------------
# A target is tests/fuzz/fuzz_NAME.c with its seeds in tests/fuzz/corpus/NAME/.
# make check links each with replay.c under the sanitised build and replays
# its corpus (tests/fuzz/test_replay.sh); make fuzz builds it with clang's
# libFuzzer and runs it FUZZ_TIME seconds (FUZZ_TARGETS picks some).
FUZZ_SRC   := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_NAMES := $(FUZZ_SRC:tests/fuzz/fuzz_%.c=%)
FUZZ_HDRS  := $(wildcard tests/fuzz/*.h)
REPLAY_BIN := $(FUZZ_NAMES:%=build/check/fuzz/%)
FUZZ_CC    ?= clang
FUZZ_TIME  ?= 60
FUZZ_TARGETS ?= $(FUZZ_NAMES)
FUZZ_SAN   := -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
              -fno-sanitize-recover=all
# gcc's -Werror build is the one that gates commits; clang has warnings of
# its own (deliberate non-short-circuit '&', va_list formats) that must not
# stop a fuzzing run, so here they stay warnings.
FUZZ_CFLAGS = $(filter-out -Werror,$(BASE_CFLAGS)) -Wno-format-nonliteral \
              -Wno-bitwise-instead-of-logical
FUZZ_CORE_OBJ := $(CORE_SRC:%.c=build/fuzz/%.o)
LINK_CFLAGS = $(filter-out -MMD -MP,$(1))

build/check/fuzz/%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(FUZZ_HDRS) build/check/libpraxis.a
	$(call say,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(call LINK_CFLAGS,$(CHECK_CFLAGS)) $(CHECK_LDFLAGS) $< tests/fuzz/replay.c \
		-o $@ build/check/libpraxis.a $(PKG_LIBS) -lm

$(FUZZ_CORE_OBJ): | $(GEN_SCHEMA)
build/fuzz/src/core/db.o: $(GEN_SCHEMA)
build/fuzz/%.o: %.c
	$(call say,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c $< -o $@

build/fuzz/libpraxis.a: $(FUZZ_CORE_OBJ)
	$(call say,AR,$@)
	$(Q)rm -f $@ && ar rcs $@ $^

build/fuzz/bin/%: tests/fuzz/fuzz_%.c $(FUZZ_HDRS) build/fuzz/libpraxis.a
	$(call say,LD,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(FUZZ_CC) $(call LINK_CFLAGS,$(FUZZ_CFLAGS)) $(FUZZ_SAN) -fsanitize=fuzzer $< -o $@ \
		build/fuzz/libpraxis.a $(PKG_LIBS) -lm

fuzz: deps-ok
	$(Q)command -v $(FUZZ_CC) >/dev/null || sh .ci/deps.sh fuzz
	$(Q)$(MAKE) --no-print-directory $(FUZZ_TARGETS:%=build/fuzz/bin/%)
	$(Q)sh tests/fuzz/run.sh $(FUZZ_TIME) $(FUZZ_TARGETS)
.PHONY: fuzz

# --- long runs and memcheck (never part of check) -------------------------
# make torture: the reliability tests asked for hundreds of kills and every
# fault point (tests/reliability/torture.sh).  make valgrind: the whole
# suite with each praxis and test binary under memcheck, from a plain -O0
# build in build/valgrind (tests/reliability/valgrind.sh).
torture: deps-check
	$(Q)$(MAKE) --no-print-directory build/check/praxis praxis $(FAULTSHIM)
	$(Q)sh tests/reliability/torture.sh

VG_CFLAGS := -O0 -g $(BASE_CFLAGS)
VG_CORE_OBJ := $(CORE_SRC:%.c=build/valgrind/%.o)
VG_APP_OBJ  := $(APP_SRC:%.c=build/valgrind/%.o)
VG_UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/valgrind/tests/%.bin)
VG_FUZZ_BIN := $(FUZZ_NAMES:%=build/valgrind/fuzz/%)

$(VG_CORE_OBJ): | $(GEN_SCHEMA)
build/valgrind/src/core/db.o: $(GEN_SCHEMA)
build/valgrind/%.o: %.c
	$(call say,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(VG_CFLAGS) -c $< -o $@

build/valgrind/libpraxis.a: $(VG_CORE_OBJ)
	$(call say,AR,$@)
	$(Q)rm -f $@ && ar rcs $@ $^

build/valgrind/praxis.bin: $(VG_APP_OBJ) build/valgrind/libpraxis.a
	$(call say,LD,$@)
	$(Q)$(CC) -o $@ $(VG_APP_OBJ) build/valgrind/libpraxis.a $(PKG_LIBS) -lm
	$(Q)ln -sfn ../../prompts build/valgrind/prompts

build/valgrind/tests/%.bin: tests/unit/%.c $(UNIT_FIXTURE) build/valgrind/libpraxis.a
	$(call say,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(call LINK_CFLAGS,$(VG_CFLAGS)) $< tests/unit/fixture.c -o $@ build/valgrind/libpraxis.a \
		$(PKG_LIBS) $$(pkg-config --cflags --libs cmocka) -lm

build/valgrind/fuzz/%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(FUZZ_HDRS) build/valgrind/libpraxis.a
	$(call say,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(call LINK_CFLAGS,$(VG_CFLAGS)) $< tests/fuzz/replay.c -o $@ \
		build/valgrind/libpraxis.a $(PKG_LIBS) -lm

valgrind: deps-check
	$(Q)command -v valgrind >/dev/null || sh .ci/deps.sh valgrind
	$(Q)$(MAKE) --no-print-directory build/valgrind/praxis.bin $(VG_UNIT_BIN) $(VG_FUZZ_BIN) \
		praxis $(FAULTSHIM)
	$(Q)sh tests/reliability/valgrind.sh
.PHONY: valgrind

# --- running -------------------------------------------------------------
run: all
	$(Q)./praxis

# --- benchmarks (never part of check) ------------------------------------
build/release/bench/%: tests/bench/%.c build/release/libpraxis.a
	$(call say,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(REL_CFLAGS) $< -o $@ build/release/libpraxis.a $(PKG_LIBS) -lm

bench: all $(BENCH_SRC:tests/bench/%.c=build/release/bench/%)
	$(Q)sh tests/bench/run.sh

# --- static checks -------------------------------------------------------
lint: deps-ok $(GEN_SCHEMA)
	$(Q)command -v cppcheck >/dev/null && command -v clang-tidy >/dev/null \
		|| sh .ci/deps.sh lint
	$(Q)sh .ci/lint.sh

# --- install -------------------------------------------------------------
install: all
	install -d -m 755 $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/prompts/vocab \
		$(DESTDIR)$(DATADIR)/prompts/demo $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 praxis $(DESTDIR)$(BINDIR)/praxis
	for f in $(filter prompts/%.yaml,$(filter-out prompts/vocab/%,$(PROMPTS))); do \
		install -m 644 $$f $(DESTDIR)$(DATADIR)/prompts/; done
	for f in $(filter prompts/vocab/%,$(PROMPTS)); do \
		install -m 644 $$f $(DESTDIR)$(DATADIR)/prompts/vocab/; done
	for f in $(DEMO); do \
		install -m 644 $$f $(DESTDIR)$(DATADIR)/prompts/demo/; done
	install -m 644 man/praxis.1 $(DESTDIR)$(MANDIR)/man1/praxis.1
	test ! -f man/praxis-templates.5 || \
		install -m 644 man/praxis-templates.5 $(DESTDIR)$(MANDIR)/man5/praxis-templates.5

clean:
	rm -rf build praxis

-include $(shell find build -name '*.d' 2>/dev/null)
