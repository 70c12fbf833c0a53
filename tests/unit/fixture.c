/*
 * fixture.c — the unit tests' shared sandbox and entry maker (fixture.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

#include "praxis/template.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int sandbox_make(struct sandbox *box, const char *name)
{
	memset(box, 0, sizeof *box);
	int n = snprintf(box->dir, sizeof box->dir, "/tmp/praxis-%s-XXXXXX", name);
	if (n < 0 || (size_t)n >= sizeof box->dir || !mkdtemp(box->dir)) {
		fprintf(stderr, "fixture: cannot make a folder for '%s'\n", name);
		box->dir[0] = '\0';
		return -1;
	}
	return 0;
}

void sandbox_file(const struct sandbox *box, const char *file, char *out, size_t size)
{
	int n = snprintf(out, size, "%s/%s", box->dir, file);
	if (n < 0 || (size_t)n >= size)
		fail_msg("fixture: %s/%s does not fit in %zu bytes", box->dir, file, size);
}

struct journal *sandbox_open(struct sandbox *box, const char *name, const char *now)
{
	if (sandbox_make(box, name) < 0)
		return NULL;
	if (now)
		setenv("PRAXIS_NOW", now, 1);
	snprintf(box->path, sizeof box->path, "%s/journal.db", box->dir);
	struct journal *j;
	struct px_error err;
	px_error_clear(&err);
	if (journal_open(box->path, JOURNAL_CREATE, &j, &err) < 0) {
		fprintf(stderr, "fixture: %s\n", err.msg);
		return NULL;
	}
	return j;
}

int journal_fixture_setup(void **state)
{
	struct journal_fixture *f = calloc(1, sizeof *f);
	*state = f;
	if (!f)
		return -1;
	f->j = sandbox_open(&f->box, "unit", "2026-03-10T09:00:00");
	return f->j ? 0 : -1;
}

int journal_fixture_teardown(void **state)
{
	struct journal_fixture *f = *state;
	int rc = sandbox_close(&f->box, f->j);
	free(f);
	return rc;
}

static int remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	return remove(path);
}

int sandbox_close(struct sandbox *box, struct journal *j)
{
	int clean = j ? journal_close(j) : 0;
	/* Depth first and without following links: a test may leave a link to
	 * something outside the folder, which must survive. */
	int removed = box->dir[0] ? nftw(box->dir, remove_one, 16, FTW_DEPTH | FTW_PHYS) : 0;
	if (clean != 0)
		fprintf(stderr, "fixture: the journal did not close cleanly\n");
	if (removed != 0)
		fprintf(stderr, "fixture: cannot remove %s\n", box->dir);
	return clean == 0 && removed == 0 ? 0 : -1;
}

struct template_set *fixture_good_templates(void)
{
	struct template_diags *d = template_diags_new();
	struct template_dir dir = { "tests/templates/good", TEMPLATE_SOURCE_USER };
	struct template_set *set = template_set_load(&dir, 1, d);
	size_t errors = template_diags_errors(d);
	template_diags_free(d);
	/* mini-reflect is the one most tests run: its absence means the
	 * folder was not found. */
	if (errors || !template_set_find(set, "mini-reflect")) {
		fprintf(stderr, "fixture: tests/templates/good: %zu errors, or no mini-reflect "
			"(run from the top of the tree)\n", errors);
		template_set_free(set);
		return NULL;
	}
	return set;
}

int64_t fixture_add(struct journal *j, const struct entry_spec *spec)
{
	struct entry e;
	struct px_error err;
	px_error_clear(&err);
	entry_init(&e);
	e.frame = spec->frame;
	if (spec->title)
		entry_set(&e.title, spec->title);
	if (spec->body)
		entry_set(&e.body, spec->body);
	snprintf(e.occurred_at, sizeof e.occurred_at, "%s",
		 spec->when ? spec->when : "2026-03-09 10:00:00");
	if (spec->tag)
		strlist_add(&e.tags, spec->tag);
	if (spec->person)
		strlist_add(&e.people, spec->person);
	e.inquiry_id = spec->inquiry;
	e.is_private = spec->is_private;
	if (spec->period_start && spec->period_end) {
		snprintf(e.period_start, sizeof e.period_start, "%s", spec->period_start);
		snprintf(e.period_end, sizeof e.period_end, "%s", spec->period_end);
	}
	if (entry_add(j, &e, &err) < 0)
		fail_msg("entry_add: %s", err.msg);
	int64_t id = e.id;
	entry_free(&e);
	return id;
}
