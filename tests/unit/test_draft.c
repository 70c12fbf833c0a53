/*
 * test_draft.c — drafts: insert then update, newest-first listing, delete,
 * opaque payloads, every refusal, and that a failed save never loses the
 * draft stored before it (src/core/draft.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

#include "praxis/action.h"
#include "praxis/draft.h"
#include "praxis/entry.h"
#include "praxis/journal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int64_t add_entry(struct journal *j, const char *title)
{
	return fixture_add(j, &(struct entry_spec){ .when = "2026-03-09 14:00:00", .title = title });
}

static int64_t save(struct journal *j, enum draft_kind kind, const char *label,
		    const char *payload)
{
	struct draft d;
	struct px_error err;
	px_error_clear(&err);
	draft_init(&d);
	d.kind = kind;
	draft_set(&d.label, label);
	draft_set(&d.payload, payload);
	if (draft_save(j, &d, &err) < 0)
		fail_msg("draft_save: %s", err.msg);
	int64_t id = d.id;
	draft_free(&d);
	return id;
}

static void expect_payload(struct journal *j, int64_t id, const char *payload)
{
	struct draft d;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(draft_get(j, id, &d, &err), 0);
	assert_string_equal(d.payload, payload);
	draft_free(&d);
}

static void test_save_insert_then_update(void **state)
{
	struct journal_fixture *f = *state;
	int64_t e = add_entry(f->j, "Being edited");
	int64_t action = 0;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(action_add(f->j, e, "try it", "2026-03-12", NULL, -1, &action, &err), 0);

	struct draft d;
	draft_init(&d);
	d.kind = DRAFT_RUN;
	d.entry_id = e;
	d.action_id = action;
	draft_set(&d.template_id, "action-review");
	draft_set(&d.label, "Following up: try it");
	draft_set(&d.payload, "{\"step\":0}");
	assert_int_equal(draft_save(f->j, &d, &err), 0);
	assert_true(d.id > 0);
	assert_string_equal(d.created_at, "2026-03-10 09:00:00Z");
	assert_string_equal(d.updated_at, "2026-03-10 09:00:00Z");
	int64_t id = d.id;

	setenv("PRAXIS_NOW", "2026-03-10T09:00:05", 1);
	draft_set(&d.payload, "{\"step\":1}");
	draft_set(&d.template_id, NULL);
	assert_int_equal(draft_save(f->j, &d, &err), 0);
	assert_int_equal(d.id, id);
	assert_string_equal(d.created_at, "2026-03-10 09:00:00Z");
	assert_string_equal(d.updated_at, "2026-03-10 09:00:05Z");
	draft_free(&d);

	struct draft got;
	assert_int_equal(draft_get(f->j, id, &got, &err), 0);
	assert_int_equal(got.id, id);
	assert_int_equal(got.kind, DRAFT_RUN);
	assert_int_equal(got.entry_id, e);
	assert_int_equal(got.action_id, action);
	assert_null(got.template_id);
	assert_string_equal(got.label, "Following up: try it");
	assert_string_equal(got.payload, "{\"step\":1}");
	assert_string_equal(got.created_at, "2026-03-10 09:00:00Z");
	assert_string_equal(got.updated_at, "2026-03-10 09:00:05Z");
	draft_free(&got);

	/* Still one draft: the second save updated the first. */
	assert_int_equal(draft_list(f->j, NULL, NULL, &err), 1);
	assert_string_equal(draft_kind_name(DRAFT_RUN), "run");
	assert_string_equal(draft_kind_name(DRAFT_ENTRY), "entry");
}

struct listing {
	char out[512];
	size_t len;
	int stop_after;
};

static int list_line(const struct draft *d, void *ctx)
{
	struct listing *l = ctx;
	l->len += (size_t)snprintf(l->out + l->len, sizeof l->out - l->len, "%lld %s %s %s %s\n",
				   (long long)d->id, draft_kind_name(d->kind), d->label,
				   d->updated_at, d->payload);
	return l->stop_after && --l->stop_after == 0;
}

static void test_list_newest_first_and_delete(void **state)
{
	struct journal_fixture *f = *state;
	int64_t a = save(f->j, DRAFT_ENTRY, "first", "one");
	setenv("PRAXIS_NOW", "2026-03-10T10:00:00", 1);
	int64_t b = save(f->j, DRAFT_RUN, "second", "two");
	setenv("PRAXIS_NOW", "2026-03-10T11:00:00", 1);
	int64_t c = save(f->j, DRAFT_ENTRY, "third", "three");
	/* Saving the first again makes it the newest. */
	setenv("PRAXIS_NOW", "2026-03-10T12:00:00", 1);
	struct draft d;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(draft_get(f->j, a, &d, &err), 0);
	draft_set(&d.payload, "one, longer");
	assert_int_equal(draft_save(f->j, &d, &err), 0);
	draft_free(&d);

	struct listing l = { 0 };
	assert_int_equal(draft_list(f->j, list_line, &l, &err), 3);
	char want[512];
	snprintf(want, sizeof want,
		 "%lld entry first 2026-03-10 12:00:00Z one, longer\n"
		 "%lld entry third 2026-03-10 11:00:00Z three\n"
		 "%lld run second 2026-03-10 10:00:00Z two\n",
		 (long long)a, (long long)c, (long long)b);
	assert_string_equal(l.out, want);

	memset(&l, 0, sizeof l);
	l.stop_after = 1;
	assert_int_equal(draft_list(f->j, list_line, &l, &err), 1);

	assert_int_equal(draft_delete(f->j, c, &err), 0);
	memset(&l, 0, sizeof l);
	assert_int_equal(draft_list(f->j, list_line, &l, &err), 2);
	assert_null(strstr(l.out, "third"));

	char msg[64];
	snprintf(msg, sizeof msg, "draft %lld: no such draft", (long long)c);
	px_error_clear(&err);
	assert_int_equal(draft_delete(f->j, c, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	assert_string_equal(err.msg, msg);
	px_error_clear(&err);
	assert_int_equal(draft_get(f->j, c, &d, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	assert_string_equal(err.msg, msg);
}

/* The payload is stored exactly as given, whatever it holds. */
static void test_payload_is_opaque(void **state)
{
	struct journal_fixture *f = *state;
	size_t size = 1 << 20;
	char *big = malloc(size + 1);
	for (size_t i = 0; i < size; i++)
		big[i] = (char)('a' + i % 26);
	big[size] = '\0';
	int64_t id = save(f->j, DRAFT_ENTRY, "big", big);
	expect_payload(f->j, id, big);
	free(big);

	const char odd[] = "half a character \xe2\x82 and \xff, then\n\tmore";
	id = save(f->j, DRAFT_ENTRY, "odd bytes \xc3", odd);
	expect_payload(f->j, id, odd);

	struct draft d;
	struct px_error err;
	px_error_clear(&err);
	draft_init(&d);
	draft_set(&d.label, NULL);
	draft_set(&d.payload, NULL);
	assert_int_equal(draft_save(f->j, &d, &err), 0);
	draft_free(&d);
}

static void expect_save_refused(struct journal *j, struct draft *d, enum px_error_code code,
				const char *msg)
{
	struct px_error err;
	px_error_clear(&err);
	int64_t id = d->id;
	char updated[21];
	memcpy(updated, d->updated_at, sizeof updated);
	assert_int_equal(draft_save(j, d, &err), -1);
	assert_int_equal(err.code, code);
	assert_string_equal(err.msg, msg);
	assert_int_equal(d->id, id);
	assert_string_equal(d->updated_at, updated);
}

static void test_refusals_keep_previous_draft(void **state)
{
	struct journal_fixture *f = *state;
	struct draft d;
	struct px_error err;
	px_error_clear(&err);
	draft_init(&d);
	draft_set(&d.payload, "version 1");
	assert_int_equal(draft_save(f->j, &d, &err), 0);
	int64_t id = d.id;

	setenv("PRAXIS_NOW", "2026-03-10T09:30:00", 1);
	draft_set(&d.payload, "version 2");
	d.entry_id = 99;
	expect_save_refused(f->j, &d, PX_ERR_NOT_FOUND, "entry 99: no such entry");
	d.entry_id = 0;
	d.action_id = 42;
	expect_save_refused(f->j, &d, PX_ERR_NOT_FOUND, "action 42: no such action");
	d.action_id = 0;
	d.kind = (enum draft_kind)7;
	expect_save_refused(f->j, &d, PX_ERR_INVALID, "a draft is of kind entry or run");
	d.kind = DRAFT_ENTRY;
	expect_payload(f->j, id, "version 1");

	/* Updating a draft deleted meanwhile is refused; id 0 stores it afresh. */
	assert_int_equal(draft_delete(f->j, id, &err), 0);
	char msg[64];
	snprintf(msg, sizeof msg, "draft %lld: no such draft", (long long)id);
	expect_save_refused(f->j, &d, PX_ERR_NOT_FOUND, msg);
	assert_int_equal(draft_list(f->j, NULL, NULL, &err), 0);
	d.id = 0;
	assert_int_equal(draft_save(f->j, &d, &err), 0);
	assert_true(d.id > 0);
	assert_string_equal(d.created_at, "2026-03-10 09:30:00Z");
	expect_payload(f->j, d.id, "version 2");
	draft_free(&d);
}

/* Inside the caller's transaction: a save the caller rolls back is gone,
 * and the draft stored before it is as it was. */
static void test_caller_rollback_keeps_stored_draft(void **state)
{
	struct journal_fixture *f = *state;
	struct draft d;
	struct px_error err;
	px_error_clear(&err);
	draft_init(&d);
	draft_set(&d.payload, "stored");
	assert_int_equal(draft_save(f->j, &d, &err), 0);

	assert_int_equal(journal_begin(f->j, &err), 0);
	draft_set(&d.payload, "changed in the transaction");
	assert_int_equal(draft_save(f->j, &d, &err), 0);
	int64_t extra = save(f->j, DRAFT_RUN, "extra", "{}");
	expect_payload(f->j, d.id, "changed in the transaction");
	d.action_id = 5;
	assert_int_equal(draft_save(f->j, &d, &err), -1);
	journal_rollback(f->j);

	expect_payload(f->j, d.id, "stored");
	struct draft gone;
	px_error_clear(&err);
	assert_int_equal(draft_get(f->j, extra, &gone, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	assert_int_equal(draft_list(f->j, NULL, NULL, &err), 1);

	/* The engine's finish: write the entry and delete the draft together. */
	assert_int_equal(journal_begin(f->j, &err), 0);
	add_entry(f->j, "Finished");
	assert_int_equal(draft_delete(f->j, d.id, &err), 0);
	assert_int_equal(journal_commit(f->j, &err), 0);
	assert_int_equal(draft_list(f->j, NULL, NULL, &err), 0);
	draft_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		JOURNAL_TEST(test_save_insert_then_update),
		JOURNAL_TEST(test_list_newest_first_and_delete),
		JOURNAL_TEST(test_payload_is_opaque),
		JOURNAL_TEST(test_refusals_keep_previous_draft),
		JOURNAL_TEST(test_caller_rollback_keeps_stored_draft),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
