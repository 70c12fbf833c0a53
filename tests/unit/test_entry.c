/*
 * test_entry.c — entries: validation, tags and people from text, update,
 * trash, and listing with filters and keyset paging (src/core/entry*.c).
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
#include "praxis/search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int64_t add(struct journal *j, enum entry_frame frame, const char *when,
		   const char *title, const char *body, const char *tag)
{
	int period = frame == FRAME_PERIOD;
	return fixture_add(j, &(struct entry_spec){
		.frame = frame, .when = when, .title = title, .body = body, .tag = tag,
		.period_start = period ? "2026-03-02" : NULL, .period_end = period ? "2026-03-08" : NULL,
	});
}

static void test_add_and_get_round_trip(void **state)
{
	struct journal_fixture *f = *state;
	int64_t id = add(f->j, FRAME_INCIDENT, "2026-03-09 14:30:00", "Handover",
			 "I assumed @Sam had read it. #Delegation and #power/referent", "handover");
	struct entry e;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(entry_get(f->j, id, &e, &err), 0);
	assert_int_equal(e.frame, FRAME_INCIDENT);
	assert_string_equal(e.title, "Handover");
	assert_string_equal(e.occurred_at, "2026-03-09 14:30:00");
	assert_string_equal(e.created_at, "2026-03-10 09:00:00Z");
	assert_int_equal(strlen(e.uuid), 36);
	assert_int_equal(e.tags.len, 3);
	assert_int_equal(e.explicit_tags, 1);
	assert_string_equal(e.tags.items[0], "handover"); /* explicit first */
	assert_int_equal(e.people.len, 1);
	assert_string_equal(e.people.items[0], "Sam");
	assert_int_equal(e.word_count, 1 + 9);
	entry_free(&e);
}

static void test_validation_messages(void **state)
{
	struct journal_fixture *f = *state;
	struct entry e;
	struct px_error err;
	entry_init(&e);
	snprintf(e.occurred_at, sizeof e.occurred_at, "2026-03-10 09:00:00");

	px_error_clear(&err);
	assert_int_equal(entry_add(f->j, &e, &err), -1);
	assert_string_equal(err.msg, "the entry is empty: write a title or a body");

	/* A field cleared with entry_set(..., NULL) is refused, not read. */
	entry_set(&e.body, NULL);
	px_error_clear(&err);
	assert_int_equal(entry_add(f->j, &e, &err), -1);
	assert_string_equal(err.msg, "the entry has no body (set it, if only to \"\")");

	entry_set(&e.body, "caf\xe9");
	px_error_clear(&err);
	assert_int_equal(entry_add(f->j, &e, &err), -1);
	assert_non_null(strstr(err.msg, "not valid UTF-8"));

	entry_set(&e.body, "fine");
	e.frame = FRAME_PERIOD;
	px_error_clear(&err);
	assert_int_equal(entry_add(f->j, &e, &err), -1);
	assert_non_null(strstr(err.msg, "period's start and end"));

	e.frame = FRAME_NOTE;
	e.inquiry_id = 42;
	px_error_clear(&err);
	assert_int_equal(entry_add(f->j, &e, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	assert_string_equal(err.msg, "inquiry 42: no such inquiry");
	entry_free(&e);

	int64_t n = -1;
	assert_int_equal(entry_count(f->j, &n, &err), 0);
	assert_int_equal(n, 0);
}

static void test_frame_parse(void **state)
{
	(void)state;
	enum entry_frame fr;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(entry_frame_parse("critical-incident", &fr, &err), 0);
	assert_int_equal(fr, FRAME_INCIDENT);
	assert_int_equal(entry_frame_parse("Period", &fr, &err), 0);
	assert_int_equal(fr, FRAME_PERIOD);
	assert_int_equal(entry_frame_parse("incdent", &fr, &err), -1);
	assert_string_equal(err.msg, "'incdent' is not a frame (did you mean 'incident'?)");
}

static void test_update_recomputes_tags(void **state)
{
	struct journal_fixture *f = *state;
	int64_t id = add(f->j, FRAME_NOTE, "2026-03-09 10:00:00", "", "about #old with @Ann", "kept");
	struct entry e;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(entry_get(f->j, id, &e, &err), 0);
	entry_forget_derived(&e);
	entry_set(&e.body, "now about #new");
	assert_int_equal(entry_update(f->j, &e, &err), 0);
	entry_free(&e);
	assert_int_equal(entry_get(f->j, id, &e, &err), 0);
	assert_int_equal(e.tags.len, 2);
	assert_string_equal(e.tags.items[0], "kept");
	assert_string_equal(e.tags.items[1], "new");
	assert_int_equal(e.people.len, 0);
	entry_free(&e);
}

static void test_trash_restore_and_empty(void **state)
{
	struct journal_fixture *f = *state;
	int64_t id = add(f->j, FRAME_NOTE, "2026-03-09 10:00:00", "", "to be binned", NULL);
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(entry_trash(f->j, id, &err), 0);
	assert_int_equal(entry_trash(f->j, id, &err), -1);
	assert_non_null(strstr(err.msg, "already in the trash"));
	px_error_clear(&err);
	assert_int_equal(entry_restore(f->j, id, &err), 0);
	assert_int_equal(entry_trash(f->j, id, &err), 0);
	int removed = 0;
	assert_int_equal(entry_empty_trash(f->j, &removed, &err), 0);
	assert_int_equal(removed, 1);
	struct entry e;
	assert_int_equal(entry_get(f->j, id, &e, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	entry_free(&e);
}

struct collected {
	int64_t ids[64];
	int n;
	char last_at[20];
};

static int collect(const struct entry_summary *s, void *ctx)
{
	struct collected *c = ctx;
	c->ids[c->n++] = s->id;
	memcpy(c->last_at, s->occurred_at, sizeof c->last_at);
	return 0;
}

static void test_list_filters_and_keyset_paging(void **state)
{
	struct journal_fixture *f = *state;
	int64_t a = add(f->j, FRAME_NOTE, "2026-03-01 09:00:00", "", "one #power/referent", NULL);
	int64_t b = add(f->j, FRAME_INCIDENT, "2026-03-02 09:00:00", "", "two #power/expert", NULL);
	int64_t c = add(f->j, FRAME_NOTE, "2026-03-02 09:00:00", "", "three with @Ann", NULL);
	int64_t d = add(f->j, FRAME_PERIOD, "2026-03-05 09:00:00", "", "four #power", NULL);
	struct px_error err;
	px_error_clear(&err);
	struct entry_filter fl;
	struct collected got = { 0 };

	entry_filter_init(&fl);
	assert_int_equal(entry_list(f->j, &fl, collect, &got, &err), 4);
	assert_int_equal(got.ids[0], d);
	assert_int_equal(got.ids[1], c); /* same time: higher id first */
	assert_int_equal(got.ids[2], b);
	assert_int_equal(got.ids[3], a);

	/* keyset paging: two pages of two give the same order */
	entry_filter_init(&fl);
	fl.limit = 2;
	memset(&got, 0, sizeof got);
	assert_int_equal(entry_list(f->j, &fl, collect, &got, &err), 2);
	memcpy(fl.after_occurred, got.last_at, sizeof fl.after_occurred);
	fl.after_id = got.ids[1];
	assert_int_equal(entry_list(f->j, &fl, collect, &got, &err), 2);
	assert_int_equal(got.ids[2], b);
	assert_int_equal(got.ids[3], a);

	entry_filter_init(&fl);
	fl.tag = "power/";
	memset(&got, 0, sizeof got);
	assert_int_equal(entry_list(f->j, &fl, collect, &got, &err), 2); /* the family, not #power */

	entry_filter_init(&fl);
	fl.frame = FRAME_INCIDENT;
	memset(&got, 0, sizeof got);
	assert_int_equal(entry_list(f->j, &fl, collect, &got, &err), 1);
	assert_int_equal(got.ids[0], b);

	entry_filter_init(&fl);
	fl.person = "ann";
	memset(&got, 0, sizeof got);
	assert_int_equal(entry_list(f->j, &fl, collect, &got, &err), 1);

	entry_filter_init(&fl);
	snprintf(fl.from, sizeof fl.from, "2026-03-02");
	snprintf(fl.to, sizeof fl.to, "2026-03-02");
	fl.oldest_first = 1;
	memset(&got, 0, sizeof got);
	assert_int_equal(entry_list(f->j, &fl, collect, &got, &err), 2);
	assert_int_equal(got.ids[0], b);
}

/*
 * A tag filter scans the newest thousand entries one way and goes on past
 * them another (entry_list.c).  With more entries than that, a page must
 * read exactly as one scan in time order would: across the end of the
 * thousand, where two entries share a time (entry 101 is the 1000th live
 * entry and entry 100 has its time), without trashed entries, paged or
 * not, newest or oldest first.  Entry k (id k + 1) is at minute k / 2.
 */
#define MANY 1101

static int many_has_tag(int k, const char *tag)
{
	if (strcmp(tag, "edge") == 0)
		return k <= 4 || k == 100 || k == 101;
	return k % 7 == 0; /* "every7" */
}

struct many {
	int64_t ids[MANY];
	int n;
	char last_at[20];
	int64_t last_id;
};

static int collect_many(const struct entry_summary *s, void *ctx)
{
	struct many *m = ctx;
	assert_true(m->n < MANY);
	m->ids[m->n++] = s->id;
	memcpy(m->last_at, s->occurred_at, sizeof m->last_at);
	m->last_id = s->id;
	return 0;
}

static void add_many(struct journal *j)
{
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(journal_begin(j, &err), 0);
	for (int k = 0; k < MANY; k++) {
		char when[32], body[64];
		snprintf(when, sizeof when, "2024-01-01 %02d:%02d:00", k / 2 / 60, k / 2 % 60);
		snprintf(body, sizeof body, "entry %d%s%s", k, many_has_tag(k, "edge") ? " #edge" : "",
			 many_has_tag(k, "every7") ? " #every7" : "");
		assert_int_equal(add(j, FRAME_NOTE, when, "", body, NULL), k + 1);
	}
	assert_int_equal(journal_commit(j, &err), 0);
	assert_int_equal(entry_trash(j, 3, &err), 0); /* entry 2, tagged edge */
}

static void expect_many(const struct many *got, const char *tag, int oldest_first)
{
	int n = 0;
	for (int i = 0; i < MANY; i++) {
		int k = oldest_first ? i : MANY - 1 - i;
		if (k == 2 || !many_has_tag(k, tag))
			continue;
		assert_true(n < got->n);
		assert_int_equal(got->ids[n], k + 1);
		n++;
	}
	assert_int_equal(got->n, n);
}

static void test_list_tag_past_the_first_thousand(void **state)
{
	struct journal_fixture *f = *state;
	add_many(f->j);
	static const char *const tags[] = { "edge", "every7" };
	struct px_error err;
	px_error_clear(&err);
	for (int t = 0; t < 2; t++) {
		for (int oldest = 0; oldest < 2; oldest++) {
			struct entry_filter fl;
			entry_filter_init(&fl);
			fl.tag = tags[t];
			fl.oldest_first = oldest;
			struct many whole = { 0 }, paged = { 0 };
			assert_true(entry_list(f->j, &fl, collect_many, &whole, &err) > 0);
			expect_many(&whole, tags[t], oldest);
			/* pages of three, each from the last key seen */
			fl.limit = 3;
			int got;
			while ((got = entry_list(f->j, &fl, collect_many, &paged, &err)) > 0) {
				memcpy(fl.after_occurred, paged.last_at, sizeof fl.after_occurred);
				fl.after_id = paged.last_id;
			}
			assert_int_equal(got, 0);
			expect_many(&paged, tags[t], oldest);
		}
	}
	struct entry_filter fl;
	entry_filter_init(&fl);
	fl.tag = "edge";
	fl.limit = 20;
	struct many page = { 0 };
	assert_int_equal(entry_list(f->j, &fl, collect_many, &page, &err), 6);
	assert_int_equal(page.ids[0], 102); /* in the first thousand */
	assert_int_equal(page.ids[1], 101); /* same time, just past them */
}

/* The entries behind a review's figure: only the ids given, in the
 * listing's order, with the other filters and paging still applying;
 * trashed and unknown ids are passed over, and an empty list is nothing. */
static void test_list_only_given_ids(void **state)
{
	struct journal_fixture *f = *state;
	int64_t a = add(f->j, FRAME_NOTE, "2026-03-01 09:00:00", "", "one #x", NULL);
	int64_t b = add(f->j, FRAME_INCIDENT, "2026-03-02 09:00:00", "", "two #x", NULL);
	int64_t c = add(f->j, FRAME_NOTE, "2026-03-03 09:00:00", "", "three", NULL);
	int64_t d = add(f->j, FRAME_NOTE, "2026-03-04 09:00:00", "", "four #x", NULL);
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(entry_trash(f->j, d, &err), 0);
	const int64_t ids[] = { a, c, d, 999, c };
	struct entry_filter fl;
	struct collected got = { 0 };

	entry_filter_init(&fl);
	fl.ids = ids;
	fl.n_ids = 5;
	assert_int_equal(entry_list(f->j, &fl, collect, &got, &err), 2);
	assert_int_equal(got.ids[0], c);   /* newest first; d is in the trash */
	assert_int_equal(got.ids[1], a);

	fl.tag = "x";   /* filters add up */
	memset(&got, 0, sizeof got);
	assert_int_equal(entry_list(f->j, &fl, collect, &got, &err), 1);
	assert_int_equal(got.ids[0], a);

	entry_filter_init(&fl);
	fl.ids = ids;
	fl.n_ids = 3;
	fl.limit = 1;   /* keyset paging goes on through the list */
	memset(&got, 0, sizeof got);
	assert_int_equal(entry_list(f->j, &fl, collect, &got, &err), 1);
	memcpy(fl.after_occurred, got.last_at, sizeof fl.after_occurred);
	fl.after_id = got.ids[0];
	assert_int_equal(entry_list(f->j, &fl, collect, &got, &err), 1);
	assert_int_equal(got.ids[1], a);

	entry_filter_init(&fl);
	fl.ids = ids;
	fl.n_ids = 0;
	memset(&got, 0, sizeof got);
	assert_int_equal(entry_list(f->j, &fl, collect, &got, &err), 0);

	entry_filter_init(&fl);   /* without a list: every entry */
	memset(&got, 0, sizeof got);
	assert_int_equal(entry_list(f->j, &fl, collect, &got, &err), 3);
	assert_int_equal(got.ids[1], b);   /* the one the list left out */
}

static int stop_after_one(const struct entry_summary *s, void *ctx)
{
	(void)s;
	++*(int *)ctx;
	return 1;
}

static void test_list_callback_can_stop(void **state)
{
	struct journal_fixture *f = *state;
	add(f->j, FRAME_NOTE, "2026-03-01 09:00:00", "", "one", NULL);
	add(f->j, FRAME_NOTE, "2026-03-02 09:00:00", "", "two", NULL);
	struct entry_filter fl;
	entry_filter_init(&fl);
	int calls = 0;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(entry_list(f->j, &fl, stop_after_one, &calls, &err), 1);
	assert_int_equal(calls, 1);
}


/* An edit recounts title and body and keeps the answers' words. */
static void test_update_keeps_answer_words(void **state)
{
	struct journal_fixture *f = *state;
	struct px_error err;
	px_error_clear(&err);
	int64_t id = add(f->j, FRAME_NOTE, "2026-03-09 14:30:00", "Two words", "", NULL);
	struct answer a = { .step_id = "what", .kind = "text", .value_text = "four words of answer" };
	assert_int_equal(answer_add(f->j, id, &a, &err), 0);
	struct entry e;
	assert_int_equal(entry_get(f->j, id, &e, &err), 0);
	assert_int_equal(e.word_count, 2 + 4);
	entry_set(&e.title, "Now three words");
	entry_forget_derived(&e);
	assert_int_equal(entry_update(f->j, &e, &err), 0);
	entry_free(&e);
	assert_int_equal(entry_get(f->j, id, &e, &err), 0);
	assert_int_equal(e.word_count, 3 + 4);
	entry_free(&e);
}

/* ---- batches ----------------------------------------------------------------------- */

static int count_rows(const struct entry_summary *s, void *ctx)
{
	(void)s;
	(*(int *)ctx)++;
	return 0;
}

/* What a batch writes reads back exactly as what entry_add writes. */
static void test_batch_matches_entry_add(void **state)
{
	struct journal_fixture *f = *state;
	struct px_error err;
	px_error_clear(&err);
	int64_t plain = add(f->j, FRAME_INCIDENT, "2026-03-09 14:30:00", "Handover",
			    "I assumed @Sam had read it. #Delegation and #power/referent", "handover");
	struct entry_batch *b;
	assert_int_equal(entry_batch_new(f->j, &b, &err), -1);   /* needs a transaction */
	assert_string_equal(err.msg, "an entry batch needs the caller's transaction");
	px_error_clear(&err);
	assert_int_equal(journal_begin(f->j, &err), 0);
	assert_int_equal(entry_batch_new(f->j, &b, &err), 0);
	assert_int_equal(entry_batch_tag(b, "Mentoring", &err), 1);   /* new, spelt as given */
	assert_int_equal(entry_batch_tag(b, "#delegation", &err), 0); /* known, any case */
	int64_t ids[70];
	for (int i = 0; i < 70; i++) {   /* more than one statement's worth */
		struct entry e;
		entry_init(&e);
		e.frame = FRAME_INCIDENT;
		entry_set(&e.title, "Handover");
		entry_set(&e.body, "I assumed @Sam had read it. #Delegation and #power/referent");
		snprintf(e.occurred_at, sizeof e.occurred_at, "2026-03-09 14:30:00");
		strlist_add(&e.tags, "handover");
		if (i == 0)
			snprintf(e.uuid, sizeof e.uuid, "11111111-1111-4111-8111-111111111111");
		struct answer a = { .step_id = "what", .kind = "text", .prompt = "What?",
				    .value_text = "three more words" };
		assert_int_equal(entry_batch_add(b, &e, i == 1 ? &a : NULL, i == 1, &err), 0);
		ids[i] = e.id;
		entry_free(&e);
	}
	assert_int_equal(entry_batch_flush(b, &err), 0);
	struct entry_batch_counts c;
	entry_batch_counts(b, &c);
	assert_int_equal(c.tags_added, 1);
	assert_int_equal(c.tags_found, 3);   /* delegation, handover, power/referent */
	assert_int_equal(c.people_found, 1);
	entry_batch_free(b);
	assert_int_equal(journal_commit(f->j, &err), 0);
	struct entry a, e;
	assert_int_equal(entry_get(f->j, plain, &a, &err), 0);
	assert_int_equal(entry_get(f->j, ids[0], &e, &err), 0);
	assert_string_equal(e.uuid, "11111111-1111-4111-8111-111111111111");
	assert_int_equal(e.tags.len, a.tags.len);
	assert_int_equal(e.explicit_tags, a.explicit_tags);
	for (size_t i = 0; i < e.tags.len; i++)
		assert_string_equal(e.tags.items[i], a.tags.items[i]);
	assert_string_equal(e.people.items[0], "Sam");
	assert_int_equal(e.word_count, a.word_count);
	entry_free(&e);
	entry_free(&a);
	assert_int_equal(entry_get(f->j, ids[1], &e, &err), 0);
	assert_int_equal(e.word_count, 1 + 9 + 3);   /* its answer's words count too */
	entry_free(&e);
	/* Lists and search find batch entries by tag, text and answer alike:
	 * each one's search row was written once, with everything in it. */
	struct entry_filter lf;
	entry_filter_init(&lf);
	lf.tag = "handover";
	int n = 0;
	assert_int_equal(entry_list(f->j, &lf, count_rows, &n, &err), 71);
	int64_t hits;
	assert_int_equal(search_count(f->j, "tag:delegation", NULL, &hits, &err), 0);
	assert_int_equal(hits, 71);
	assert_int_equal(search_count(f->j, "tag:mentoring", NULL, &hits, &err), 0);
	assert_int_equal(hits, 0);
	assert_int_equal(search_count(f->j, "\"three more words\"", NULL, &hits, &err), 0);
	assert_int_equal(hits, 1);
	assert_int_equal(search_count(f->j, "assumed", NULL, &hits, &err), 0);
	assert_int_equal(hits, 71);
}

/* A refusal comes before any write and leaves the transaction usable. */
static void test_batch_refusals(void **state)
{
	struct journal_fixture *f = *state;
	struct px_error err;
	px_error_clear(&err);
	struct entry_batch *b;
	assert_int_equal(journal_begin(f->j, &err), 0);
	assert_int_equal(entry_batch_new(f->j, &b, &err), 0);
	struct entry e;
	entry_init(&e);
	snprintf(e.occurred_at, sizeof e.occurred_at, "2026-03-09 14:30:00");
	assert_int_equal(entry_batch_add(b, &e, NULL, 0, &err), -1);
	assert_string_equal(err.msg, "the entry is empty: write a title or a body");
	entry_set(&e.title, "x");
	e.inquiry_id = 9;
	px_error_clear(&err);
	assert_int_equal(entry_batch_add(b, &e, NULL, 0, &err), -1);
	assert_string_equal(err.msg, "inquiry 9: no such inquiry");
	e.inquiry_id = 0;
	struct answer twice[2] = { { .step_id = "a", .kind = "text" }, { .step_id = "a", .kind = "text" } };
	px_error_clear(&err);
	assert_int_equal(entry_batch_add(b, &e, twice, 2, &err), -1);
	assert_string_equal(err.msg, "step 'a' is answered twice");
	px_error_clear(&err);
	assert_int_equal(entry_batch_tag(b, "2024", &err), -1);
	px_error_clear(&err);
	assert_int_equal(entry_batch_add(b, &e, NULL, 0, &err), 0);
	assert_int_equal(entry_batch_flush(b, &err), 0);
	entry_batch_free(b);
	assert_int_equal(journal_commit(f->j, &err), 0);
	int64_t n;
	assert_int_equal(entry_count(f->j, &n, &err), 0);
	assert_int_equal(n, 1);
	entry_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		JOURNAL_TEST(test_add_and_get_round_trip),
		JOURNAL_TEST(test_validation_messages),
		cmocka_unit_test(test_frame_parse),
		JOURNAL_TEST(test_update_recomputes_tags),
		JOURNAL_TEST(test_trash_restore_and_empty),
		JOURNAL_TEST(test_list_filters_and_keyset_paging),
		JOURNAL_TEST(test_list_tag_past_the_first_thousand),
		JOURNAL_TEST(test_list_only_given_ids),
		JOURNAL_TEST(test_list_callback_can_stop),
		JOURNAL_TEST(test_update_keeps_answer_words),
		JOURNAL_TEST(test_batch_matches_entry_add),
		JOURNAL_TEST(test_batch_refusals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
