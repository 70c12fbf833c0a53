/*
 * fuzz_journal.h — a journal for the fuzz targets that need one (answers
 * files, drafts): made once per process in a private folder under /dev/shm
 * (or $TMPDIR), where a sync costs nothing, with one entry, one open
 * action it planned and one open inquiry, so follow-up and inquiry runs
 * can start.  Targets work inside a transaction they roll back, so a
 * million inputs leave the journal as it was made.  The folder goes at
 * exit.
 */
#ifndef PRAXIS_FUZZ_JOURNAL_H
#define PRAXIS_FUZZ_JOURNAL_H

#include "fuzz.h"

#include "praxis/action.h"
#include "praxis/entry.h"
#include "praxis/inquiry.h"
#include "praxis/journal.h"
#include "praxis/template.h"

#include <stdlib.h>
#include <unistd.h>

struct fuzz_world {
	struct journal *j;
	struct template_set *templates;
	int64_t action_id, inquiry_id;
	char dir[256], path[300];
};

static struct fuzz_world fuzz_world_;

static void fuzz_world_remove(void)
{
	struct fuzz_world *w = &fuzz_world_;
	journal_close(w->j);
	template_set_free(w->templates);
	static const char *const suffixes[] = { "", "-wal", "-shm" };
	for (size_t i = 0; i < 3; i++) {
		char file[320];
		snprintf(file, sizeof file, "%s%s", w->path, suffixes[i]);
		unlink(file);
	}
	rmdir(w->dir);
}

static struct fuzz_world *fuzz_world(void)
{
	struct fuzz_world *w = &fuzz_world_;
	if (w->j)
		return w;
	const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
	snprintf(w->dir, sizeof w->dir, "%s/praxis-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(w->dir))
		fuzz_fail("cannot make a folder for the fuzz journal");
	snprintf(w->path, sizeof w->path, "%.255s/journal.db", w->dir);
	setenv("PRAXIS_NOW", "2026-03-10T09:00:00", 1);
	struct px_error err;
	px_error_clear(&err);
	struct entry e;
	entry_init(&e);
	entry_set(&e.body, "The entry that planned the fuzzers' action.");
	snprintf(e.occurred_at, sizeof e.occurred_at, "2026-03-01 09:00:00");
	if (journal_open(w->path, JOURNAL_CREATE, &w->j, &err) < 0 || entry_add(w->j, &e, &err) < 0 ||
	    action_add(w->j, e.id, "Ask before deciding", "2026-03-08", NULL, 0, &w->action_id,
		       &err) < 0)
		fuzz_fail("cannot set up the fuzz journal: %s", err.msg);
	entry_free(&e);
	struct inquiry inq;
	if (inquiry_new(w->j, "What helps a handover?", "2026-03-01 09:00:00", &inq, &err) < 0)
		fuzz_fail("cannot open the fuzz inquiry: %s", err.msg);
	w->inquiry_id = inq.id;
	inquiry_free(&inq);
	const struct template_dir dirs[] = { { "prompts", TEMPLATE_SOURCE_BUNDLED } };
	w->templates = template_set_load(dirs, 1, NULL);
	if (template_set_count(w->templates) == 0)
		fuzz_fail("no templates in prompts/: run the fuzzers from the top of the tree");
	atexit(fuzz_world_remove);
	return w;
}

#endif
