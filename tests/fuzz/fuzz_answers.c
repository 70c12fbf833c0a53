/*
 * fuzz_answers.c — answers files (`praxis new --answers FILE`): the YAML
 * or JSON mapping from step id to answer that engine_run_answers reads,
 * every value checked as its step's kind requires, then the entry written
 * by engine_finish.
 *
 * Input: the first line names a bundled template, the rest is the file.
 * The run starts plain, or as a follow-up of the journal's open action, or
 * inside its inquiry, whichever the template takes.  Checked: a refusal is
 * one message that names the file; a run the file completes finishes,
 * unless a required step was left out; the journal passes its integrity
 * check after every input (all of it is rolled back).
 */
#include "fuzz_journal.h"

#include "praxis/engine.h"

static void noop(const char *problem, void *ctx)
{
	(void)ctx;
	fuzz_fail("the journal has a problem: %s", problem);
}

static struct engine *start(struct fuzz_world *w, const char *id)
{
	struct engine_start o;
	struct engine *e = NULL;
	for (int how = 0; how < 3 && !e; how++) {
		engine_start_init(&o);
		o.template_id = id;
		o.action_id = how == 1 ? w->action_id : 0;
		o.inquiry_id = how == 2 ? w->inquiry_id : 0;
		if (engine_start(w->j, w->templates, &o, &e, NULL) < 0)
			e = NULL;
	}
	return e;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_world *w = fuzz_world();
	const uint8_t *nl = memchr(data, '\n', size);
	if (!nl || nl - data > 40)
		return 0;
	char id[41];
	memcpy(id, data, (size_t)(nl - data));
	id[nl - data] = '\0';
	const char *body = (const char *)nl + 1;
	size_t len = size - (size_t)(nl - data) - 1;
	struct px_error err;
	px_error_clear(&err);
	if (journal_begin(w->j, &err) < 0)
		fuzz_fail("cannot begin: %s", err.msg);
	struct engine *e = start(w, id);
	if (e) {
		if (engine_run_answers(e, body, len, "fuzz.yaml", &err) < 0) {
			FUZZ_CHECK(err.msg[0] && strcmp(err.where, "fuzz.yaml") == 0);
		} else {
			FUZZ_CHECK(engine_step(e) == NULL);
			px_error_clear(&err);
			int64_t entry = 0;
			if (engine_finish(e, &entry, &err) == 0)
				FUZZ_CHECK(entry > 0);
			else
				FUZZ_CHECK(err.msg[0]);
		}
		engine_free(e);
	}
	journal_rollback(w->j);
	px_error_clear(&err);
	FUZZ_CHECK(journal_check(w->j, noop, NULL, &err) == 0);
	return 0;
}
