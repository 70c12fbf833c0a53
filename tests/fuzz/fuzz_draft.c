/*
 * fuzz_draft.c — resuming a template run from its draft (engine_resume),
 * whose payload is JSON read back from the journal.  A journal can be
 * damaged, edited by hand or written by another version of praxis, so the
 * payload is hostile input like any file.
 *
 * Each input is stored as a run draft and resumed.  Checked: resuming
 * either fails with a message or gives a run whose step, progress and
 * answers can be read; finishing it either writes an entry or says why
 * not; the journal passes its integrity check after every input (all of
 * it is rolled back).
 */
#include "fuzz_journal.h"

#include "praxis/draft.h"
#include "praxis/engine.h"

static void noop(const char *problem, void *ctx)
{
	(void)ctx;
	fuzz_fail("the journal has a problem: %s", problem);
}

static void walk(struct engine *e)
{
	size_t cur = 0, total = 0;
	engine_progress(e, &cur, &total);
	FUZZ_CHECK(cur <= total + 1);
	if (engine_step(e)) {
		(void)engine_title(e);
		(void)engine_prompt(e);
		(void)engine_guidance(e);
	}
	for (size_t i = 0; i < template_step_count(engine_template(e)); i++)
		(void)engine_answer_text(e, i);
	int64_t id = 0;
	struct px_error err;
	px_error_clear(&err);
	if (engine_finish(e, &id, &err) == 0)
		FUZZ_CHECK(id > 0);
	else
		FUZZ_CHECK(err.msg[0]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_world *w = fuzz_world();
	struct px_error err;
	px_error_clear(&err);
	if (journal_begin(w->j, &err) < 0)
		fuzz_fail("cannot begin: %s", err.msg);
	struct draft d;
	draft_init(&d);
	d.kind = DRAFT_RUN;
	char *payload = fuzz_cstr(data, size);
	draft_set(&d.payload, payload);
	free(payload);
	if (draft_save(w->j, &d, &err) < 0)
		fuzz_fail("a draft must always save: %s", err.msg);
	struct engine *e = NULL;
	px_error_clear(&err);
	if (engine_resume(w->j, w->templates, d.id, &e, &err) == 0)
		walk(e);
	else
		FUZZ_CHECK(err.msg[0]);
	engine_free(e);
	draft_free(&d);
	journal_rollback(w->j);
	px_error_clear(&err);
	FUZZ_CHECK(journal_check(w->j, noop, NULL, &err) == 0);
	return 0;
}
