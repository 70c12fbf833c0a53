/*
 * fixture.h — what the unit tests of the journal share: a private temporary
 * folder (mode 0700, as praxis requires of a journal's folder), a journal
 * in it at a fixed "now", and entries added in one line.
 *
 * A test that needs one journal and nothing else uses struct
 * journal_fixture with its setup and teardown; one that needs more keeps
 * its own struct fixture, with a struct sandbox and its journal in it, and
 * its setup reads:
 *
 *     f->j = sandbox_open(&f->box, "action", "2026-03-10T09:00:00");
 *     return f->j ? 0 : -1;
 *
 * Failures inside a test fail it (fail_msg) rather than return codes, so a
 * test reads as what it checks.
 */
#ifndef PRAXIS_TEST_FIXTURE_H
#define PRAXIS_TEST_FIXTURE_H

#include "praxis/entry.h"
#include "praxis/journal.h"

#include <stddef.h>
#include <stdint.h>

struct sandbox {
	char dir[96];               /* /tmp/praxis-NAME-XXXXXX, made by mkdtemp */
	char path[160];             /* DIR/journal.db, once sandbox_open made it */
};

/* Make the folder for test NAME; 0, or -1 when it cannot be made. */
int sandbox_make(struct sandbox *box, const char *name);
/* DIR/FILE into OUT (a failed test when it does not fit). */
void sandbox_file(const struct sandbox *box, const char *file, char *out, size_t size);
/* Make the folder, set PRAXIS_NOW to NOW (NULL: leave it) and create
 * DIR/journal.db; NULL (after saying why on stderr) when any of it fails. */
struct journal *sandbox_open(struct sandbox *box, const char *name, const char *now);
/* Close J (may be NULL) and remove the folder with all in it.  0, or -1
 * when the journal did not close cleanly (a transaction left open) or the
 * folder could not be removed: a teardown's failure. */
int sandbox_close(struct sandbox *box, struct journal *j);

/* The fixture most tests need, one journal at "2026-03-10T09:00:00", for
 * cmocka_unit_test_setup_teardown(test, journal_fixture_setup,
 * journal_fixture_teardown); a test reads it as
 * struct journal_fixture *f = *state. */
struct journal_fixture {
	struct sandbox box;
	struct journal *j;
};

int journal_fixture_setup(void **state);
int journal_fixture_teardown(void **state);
/* A test with that fixture, in a cmocka test table. */
#define JOURNAL_TEST(test) \
	cmocka_unit_test_setup_teardown(test, journal_fixture_setup, journal_fixture_teardown)

struct template_set;

/* The test templates in tests/templates/good (the tests run from the top
 * of the tree), NULL (after saying why on stderr) when any has an error. */
struct template_set *fixture_good_templates(void);

/* An entry to add: what is not set takes entry_init's defaults, a note
 * with no title or body; WHEN NULL means "2026-03-09 10:00:00". */
struct entry_spec {
	enum entry_frame frame;
	const char *when;
	const char *title, *body;
	const char *tag;            /* one explicit tag, NULL: none */
	const char *person;         /* one explicit person, NULL: none */
	int64_t inquiry;
	int is_private;
	const char *period_start, *period_end;   /* FRAME_PERIOD: both */
};

/* Add SPEC to J and return its id; a failed test when entry_add refuses. */
int64_t fixture_add(struct journal *j, const struct entry_spec *spec);

#endif
