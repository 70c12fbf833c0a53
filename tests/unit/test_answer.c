/*
 * test_answer.c — the answers of a template run and the template snapshots
 * kept beside them: round trips, the search index and word count they
 * feed, every refusal, idempotent snapshots, and a run written in the
 * caller's transaction and rolled back (src/core/answer.c, snapshot.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

#include "praxis/answer.h"
#include "praxis/entry.h"
#include "praxis/journal.h"
#include "praxis/sha256.h"
#include "praxis/snapshot.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int64_t add_entry(struct journal *j, const char *title, const char *body)
{
	return fixture_add(j, &(struct entry_spec){ .when = "2026-03-09 14:00:00", .title = title,
						 .body = body });
}

static struct answer text_answer(const char *step, int position, const char *value)
{
	struct answer a = { 0 };
	a.step_id = step;
	a.position = position;
	a.kind = "text";
	a.prompt = "What happened?";
	a.value_text = value;
	return a;
}

/* Each answer as one line with every field, NULLs shown as "-". */
struct collect {
	char out[2048];
	size_t len;
	int stop_after;
};

static const char *or_dash(const char *s)
{
	return s ? s : "-";
}

static int collect_answer(const struct answer *a, void *ctx)
{
	struct collect *c = ctx;
	char num[32] = "-";
	if (a->has_num)
		snprintf(num, sizeof num, "%g", a->value_num);
	c->len += (size_t)snprintf(c->out + c->len, sizeof c->out - c->len,
				   "%d %s %s [%s] [%s] %s %s %s %s %s %s\n", a->position,
				   a->step_id, a->kind, a->title, a->prompt, or_dash(a->value_text),
				   num, or_dash(a->value_ids), or_dash(a->measure),
				   or_dash(a->lens), or_dash(a->depth));
	return c->stop_after && --c->stop_after == 0;
}

static void test_round_trip_in_position_order(void **state)
{
	struct journal_fixture *f = *state;
	int64_t e = add_entry(f->j, "Gibbs on the handover", "");
	struct px_error err;
	px_error_clear(&err);

	struct answer scale = { 0 };
	scale.step_id = "confidence";
	scale.position = 2;
	scale.kind = "scale";
	scale.title = "Confidence";
	scale.prompt = "How sure are you now?";
	scale.value_text = "7 of 10";
	scale.value_num = 7.5;
	scale.has_num = 1;
	scale.measure = "confidence";
	scale.depth = "reflection";
	struct answer choice = { 0 };
	choice.step_id = "feelings";
	choice.position = 1;
	choice.kind = "multi";
	choice.prompt = "What did you feel?";
	choice.value_text = "anxious, rushed";
	choice.value_ids = "anxious\nrushed";
	choice.lens = "emotional";
	struct answer what = text_answer("description", 0, "I handed over\nwithout notes.");
	what.title = NULL; /* NULL title and prompt store "" */
	what.prompt = NULL;

	assert_int_equal(answer_add(f->j, e, &scale, &err), 0);
	assert_int_equal(answer_add(f->j, e, &choice, &err), 0);
	assert_int_equal(answer_add(f->j, e, &what, &err), 0);

	struct collect c = { 0 };
	assert_int_equal(answer_list(f->j, e, collect_answer, &c, &err), 3);
	assert_string_equal(c.out,
			    "0 description text [] [] I handed over\nwithout notes. - - - - -\n"
			    "1 feelings multi [] [What did you feel?] anxious, rushed - "
			    "anxious\nrushed - emotional -\n"
			    "2 confidence scale [Confidence] [How sure are you now?] 7 of 10 7.5 - "
			    "confidence - reflection\n");

	memset(&c, 0, sizeof c);
	c.stop_after = 1;
	assert_int_equal(answer_list(f->j, e, collect_answer, &c, &err), 1);

	/* An entry without answers, and one that does not exist. */
	int64_t empty = add_entry(f->j, "Plain note", "");
	assert_int_equal(answer_list(f->j, empty, collect_answer, &c, &err), 0);
	px_error_clear(&err);
	assert_int_equal(answer_list(f->j, 99, collect_answer, &c, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	assert_string_equal(err.msg, "entry 99: no such entry");
}

/* The FTS `answers` column and the cached word count follow the answers. */
static void test_search_index_and_word_count(void **state)
{
	struct journal_fixture *f = *state;
	int64_t e = add_entry(f->j, "Two words", "");
	struct px_error err;
	px_error_clear(&err);
	struct answer a = text_answer("description", 0, "the zeppelin arrived late");
	assert_int_equal(answer_add(f->j, e, &a, &err), 0);
	a = text_answer("empty", 1, NULL);
	assert_int_equal(answer_add(f->j, e, &a, &err), 0);

	struct entry got;
	assert_int_equal(entry_get(f->j, e, &got, &err), 0);
	assert_int_equal(got.word_count, 2 + 4);
	entry_free(&got);

	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(f->box.path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *s = NULL;
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT rowid, answers FROM entry_fts "
					    "WHERE entry_fts MATCH 'answers:zeppelin'",
					    -1, &s, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int64(s, 0), e);
	/* The answers as written: neither the prompts nor the empty answer. */
	assert_string_equal((const char *)sqlite3_column_text(s, 1), "the zeppelin arrived late");
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	sqlite3_close(db);
}

static void expect_refused(struct journal *j, int64_t entry, const struct answer *a,
			   enum px_error_code code, const char *msg)
{
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(answer_add(j, entry, a, &err), -1);
	assert_int_equal(err.code, code);
	assert_string_equal(err.msg, msg);
}

static void test_refusals(void **state)
{
	struct journal_fixture *f = *state;
	int64_t e = add_entry(f->j, "Answers", "");
	int64_t gone = add_entry(f->j, "Trashed", "");
	struct px_error err;
	px_error_clear(&err);
	struct answer first = text_answer("feelings", 0, "fine");
	assert_int_equal(answer_add(f->j, e, &first, &err), 0);
	assert_int_equal(entry_trash(f->j, gone, &err), 0);

	struct answer a = text_answer(NULL, 1, "x");
	expect_refused(f->j, e, &a, PX_ERR_INVALID, "an answer needs its step id");
	a = text_answer(" ", 1, "x");
	expect_refused(f->j, e, &a, PX_ERR_INVALID, "an answer needs its step id");
	a = text_answer("two\nlines", 1, "x");
	expect_refused(f->j, e, &a, PX_ERR_INVALID, "the answer's step id must be one line");
	char longest[ANSWER_MAX_ID + 2];
	memset(longest, 's', sizeof longest - 1);
	longest[sizeof longest - 1] = '\0';
	a = text_answer(longest, 1, "x");
	expect_refused(f->j, e, &a, PX_ERR_LIMIT,
		       "the answer's step id is too long (at most 64 bytes)");
	a = text_answer("next", 1, "x");
	a.kind = NULL;
	expect_refused(f->j, e, &a, PX_ERR_INVALID, "an answer needs its kind");
	a = text_answer("next", -1, "x");
	expect_refused(f->j, e, &a, PX_ERR_INVALID, "step 'next': the position -1 is negative");
	a = text_answer("next", 1, "x");
	a.has_num = 1;
	a.value_num = NAN;
	expect_refused(f->j, e, &a, PX_ERR_INVALID, "step 'next': the value is not a number");
	a = text_answer("next", 1, "x");
	a.prompt = "Caf\xe9?";
	expect_refused(f->j, e, &a, PX_ERR_INVALID,
		       "the answer's prompt is not valid UTF-8 (bad byte at offset 3)");
	a = text_answer("next", 1, "ok \xff");
	expect_refused(f->j, e, &a, PX_ERR_INVALID,
		       "the answer's text is not valid UTF-8 (bad byte at offset 3)");
	a = text_answer("feelings", 1, "again");
	char msg[80];
	snprintf(msg, sizeof msg, "entry %lld: step 'feelings' is already answered", (long long)e);
	expect_refused(f->j, e, &a, PX_ERR_INVALID, msg);
	a = text_answer("next", 1, "x");
	expect_refused(f->j, 99, &a, PX_ERR_NOT_FOUND, "entry 99: no such entry");
	snprintf(msg, sizeof msg, "entry %lld: in the trash (restore it first)", (long long)gone);
	expect_refused(f->j, gone, &a, PX_ERR_INVALID, msg);

	assert_int_equal(answer_list(f->j, e, NULL, NULL, &err), 1);
	longest[ANSWER_MAX_ID] = '\0'; /* exactly the limit is fine */
	a = text_answer(longest, 1, "x");
	assert_int_equal(answer_add(f->j, e, &a, &err), 0);
	assert_int_equal(answer_list(f->j, e, NULL, NULL, &err), 2);
}

/* ---- snapshots ------------------------------------------------------------------ */

static const char GIBBS_V1[] = "praxis_template: 1\nid: gibbs\nversion: 1\n";
static const char GIBBS_V1_EDITED[] = "praxis_template: 1\nid: gibbs\nversion: 1\n# edited\n";

static void test_snapshot_keep_is_idempotent(void **state)
{
	struct journal_fixture *f = *state;
	char h1[SHA256_HEX_SIZE], h2[SHA256_HEX_SIZE];
	sha256_hex(GIBBS_V1, strlen(GIBBS_V1), h1);
	sha256_hex(GIBBS_V1_EDITED, strlen(GIBBS_V1_EDITED), h2);
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(snapshot_keep(f->j, "gibbs", 1, h1, GIBBS_V1, &err), 0);
	setenv("PRAXIS_NOW", "2026-03-11T09:00:00", 1);
	assert_int_equal(snapshot_keep(f->j, "gibbs", 1, h1, GIBBS_V1, &err), 0);
	/* The same version edited without a version bump is a second snapshot. */
	assert_int_equal(snapshot_keep(f->j, "gibbs", 1, h2, GIBBS_V1_EDITED, &err), 0);

	char *yaml = NULL;
	assert_int_equal(snapshot_get(f->j, "gibbs", 1, h1, &yaml, &err), 0);
	assert_string_equal(yaml, GIBBS_V1);
	free(yaml);
	assert_int_equal(snapshot_get(f->j, "gibbs", 1, h2, &yaml, &err), 0);
	assert_string_equal(yaml, GIBBS_V1_EDITED);
	free(yaml);
	assert_int_equal(snapshot_get(f->j, "gibbs", 1, NULL, &yaml, &err), 0);
	assert_string_equal(yaml, GIBBS_V1_EDITED); /* first used most recently */
	free(yaml);

	/* Exactly two rows, and the first one kept its first-used time. */
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(f->box.path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *s = NULL;
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT count(*), min(first_used) "
					    "FROM template_version",
					    -1, &s, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), 2);
	assert_string_equal((const char *)sqlite3_column_text(s, 1), "2026-03-10 09:00:00Z");
	sqlite3_finalize(s);
	sqlite3_close(db);

	px_error_clear(&err);
	assert_int_equal(snapshot_get(f->j, "gibbs", 2, NULL, &yaml, &err), -1);
	assert_null(yaml);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	assert_string_equal(err.msg, "template 'gibbs' version 2: no snapshot in the journal");
	px_error_clear(&err);
	assert_int_equal(snapshot_get(f->j, "kolb", 1, h1, &yaml, &err), -1);
	assert_string_equal(err.msg, "template 'kolb' version 1: no snapshot in the journal");
}

static void expect_keep_refused(struct journal *j, const char *id, int version,
				const char *hash, const char *yaml, const char *msg)
{
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(snapshot_keep(j, id, version, hash, yaml, &err), -1);
	assert_int_equal(err.code, PX_ERR_INVALID);
	assert_string_equal(err.msg, msg);
}

static void test_snapshot_refusals(void **state)
{
	struct journal_fixture *f = *state;
	char h1[SHA256_HEX_SIZE], upper[SHA256_HEX_SIZE];
	sha256_hex(GIBBS_V1, strlen(GIBBS_V1), h1);
	memcpy(upper, h1, sizeof upper);
	for (char *p = upper; *p; p++)
		if (*p >= 'a' && *p <= 'f')
			*p = (char)(*p - 'a' + 'A');
	expect_keep_refused(f->j, "Gibbs", 1, h1, GIBBS_V1,
			    "'Gibbs' is not a template id (lower-case letters, digits and '-', "
			    "at most 40, starting with a letter or digit)");
	expect_keep_refused(f->j, NULL, 1, h1, GIBBS_V1,
			    "'' is not a template id (lower-case letters, digits and '-', "
			    "at most 40, starting with a letter or digit)");
	expect_keep_refused(f->j, "gibbs", 1, "abc", GIBBS_V1,
			    "'abc' is not a template hash (64 lower-case hex digits)");
	char msg[160];
	snprintf(msg, sizeof msg, "'%s' is not a template hash (64 lower-case hex digits)", upper);
	expect_keep_refused(f->j, "gibbs", 1, upper, GIBBS_V1, msg);
	expect_keep_refused(f->j, "gibbs", -1, h1, GIBBS_V1,
			    "template 'gibbs': version -1 is negative");
	expect_keep_refused(f->j, "gibbs", 1, h1, NULL,
			    "template 'gibbs' version 1: no text to keep");
	char other[SHA256_HEX_SIZE];
	sha256_hex(GIBBS_V1_EDITED, strlen(GIBBS_V1_EDITED), other);
	snprintf(msg, sizeof msg,
		 "template 'gibbs' version 1: the hash %.12s… does not match its text (%.12s…)",
		 h1, other);
	expect_keep_refused(f->j, "gibbs", 1, h1, GIBBS_V1_EDITED, msg);

	char *yaml = NULL;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(snapshot_get(f->j, "gibbs", 1, NULL, &yaml, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
}

/* What the prompt engine writes for one run — snapshot, entry, answers —
 * in one transaction; a refused answer makes the caller roll back and
 * nothing of the run stays. */
static void test_run_rolled_back_leaves_nothing(void **state)
{
	struct journal_fixture *f = *state;
	char h1[SHA256_HEX_SIZE];
	sha256_hex(GIBBS_V1, strlen(GIBBS_V1), h1);
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(journal_begin(f->j, &err), 0);
	assert_int_equal(snapshot_keep(f->j, "gibbs", 1, h1, GIBBS_V1, &err), 0);
	int64_t e = add_entry(f->j, "Run", "");
	struct answer a = text_answer("description", 0, "words here");
	assert_int_equal(answer_add(f->j, e, &a, &err), 0);
	assert_int_equal(answer_list(f->j, e, NULL, NULL, &err), 1);
	assert_int_equal(answer_add(f->j, e, &a, &err), -1); /* the same step twice */
	journal_rollback(f->j);

	px_error_clear(&err);
	assert_int_equal(answer_list(f->j, e, NULL, NULL, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	char *yaml = NULL;
	px_error_clear(&err);
	assert_int_equal(snapshot_get(f->j, "gibbs", 1, h1, &yaml, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	int64_t entries = -1;
	assert_int_equal(entry_count(f->j, &entries, &err), 0);
	assert_int_equal(entries, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		JOURNAL_TEST(test_round_trip_in_position_order),
		JOURNAL_TEST(test_search_index_and_word_count),
		JOURNAL_TEST(test_refusals),
		JOURNAL_TEST(test_snapshot_keep_is_idempotent),
		JOURNAL_TEST(test_snapshot_refusals),
		JOURNAL_TEST(test_run_rolled_back_leaves_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
