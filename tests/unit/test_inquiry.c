/*
 * test_inquiry.c — inquiries: opening, listing by last activity, closing
 * and reopening, every refusal, and the chain of action–reflection cycles
 * with its totals (src/core/inquiry.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

#include "praxis/action.h"
#include "praxis/entry.h"
#include "praxis/inquiry.h"
#include "praxis/journal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int64_t add_entry(struct journal *j, int64_t inquiry, const char *when,
			 const char *title, const char *body)
{
	return fixture_add(j, &(struct entry_spec){
		.frame = inquiry ? FRAME_INQUIRY : FRAME_NOTE, .inquiry = inquiry, .when = when,
		.title = title, .body = body,
	});
}

static int64_t open_inquiry(struct journal *j, const char *question, const char *when)
{
	struct inquiry inq;
	struct px_error err;
	px_error_clear(&err);
	if (inquiry_new(j, question, when, &inq, &err) < 0)
		fail_msg("inquiry_new: %s", err.msg);
	int64_t id = inq.id;
	inquiry_free(&inq);
	return id;
}

static int64_t plan(struct journal *j, int64_t entry, const char *text, const char *due)
{
	struct px_error err;
	px_error_clear(&err);
	int64_t id = 0;
	if (action_add(j, entry, text, due, NULL, -1, &id, &err) < 0)
		fail_msg("action_add: %s", err.msg);
	return id;
}

static void test_new_and_get(void **state)
{
	struct journal_fixture *f = *state;
	struct inquiry inq;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(inquiry_new(f->j, "  Why do my handovers fail?\n", "2026-03-01 08:30:00",
				     &inq, &err), 0);
	assert_true(inq.id > 0);
	assert_int_equal(strlen(inq.uuid), 36);
	assert_string_equal(inq.question, "Why do my handovers fail?");
	assert_int_equal(inq.status, INQUIRY_OPEN);
	assert_string_equal(inq.opened_at, "2026-03-01 08:30:00");
	assert_string_equal(inq.closed_at, "");
	assert_string_equal(inq.summary, "");
	assert_int_equal(inq.entry_count, 0);
	assert_string_equal(inq.last_activity, "2026-03-01 08:30:00");
	assert_string_equal(inq.created_at, "2026-03-10 09:00:00Z");

	struct inquiry got;
	assert_int_equal(inquiry_get(f->j, inq.id, &got, &err), 0);
	assert_int_equal(got.id, inq.id);
	assert_string_equal(got.uuid, inq.uuid);
	assert_string_equal(got.question, inq.question);
	assert_int_equal(got.status, INQUIRY_OPEN);
	assert_string_equal(got.opened_at, inq.opened_at);
	assert_string_equal(got.closed_at, "");
	assert_string_equal(got.summary, "");
	assert_int_equal(got.entry_count, 0);
	assert_string_equal(got.last_activity, "2026-03-01 08:30:00");
	assert_string_equal(got.created_at, "2026-03-10 09:00:00Z");
	assert_string_equal(got.updated_at, "2026-03-10 09:00:00Z");
	inquiry_free(&got);
	inquiry_free(&inq);

	/* OUT may be NULL. */
	assert_int_equal(inquiry_new(f->j, "Second", "2026-03-02 08:30:00", NULL, &err), 0);

	px_error_clear(&err);
	assert_int_equal(inquiry_get(f->j, 7, &got, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	assert_string_equal(err.msg, "inquiry 7: no such inquiry");
	assert_string_equal(inquiry_status_name(INQUIRY_CLOSED), "closed");
	assert_string_equal(inquiry_status_name(INQUIRY_OPEN), "open");
}

static void expect_new_refused(struct journal *j, const char *question, const char *when,
			       enum px_error_code code, const char *msg)
{
	struct inquiry inq;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(inquiry_new(j, question, when, &inq, &err), -1);
	assert_int_equal(err.code, code);
	assert_string_equal(err.msg, msg);
}

static int count_inquiries(struct journal *j, enum inquiry_filter filter)
{
	struct px_error err;
	px_error_clear(&err);
	return inquiry_list(j, filter, NULL, NULL, &err);
}

static void test_new_refusals(void **state)
{
	struct journal_fixture *f = *state;
	const char *when = "2026-03-01 08:30:00";
	expect_new_refused(f->j, " \t\n", when, PX_ERR_INVALID,
			   "the question is empty: write what you want to find out");
	expect_new_refused(f->j, NULL, when, PX_ERR_INVALID,
			   "the question is empty: write what you want to find out");
	expect_new_refused(f->j, "Why?\nAnd how?", when, PX_ERR_INVALID,
			   "the question must be one line");
	expect_new_refused(f->j, "Caf\xe9?", when, PX_ERR_INVALID,
			   "the question is not valid UTF-8 (bad byte at offset 3)");
	char longest[INQUIRY_MAX_QUESTION + 2];
	memset(longest, 'q', sizeof longest - 1);
	longest[sizeof longest - 1] = '\0';
	expect_new_refused(f->j, longest, when, PX_ERR_LIMIT,
			   "the question is too long (501 bytes; at most 500)");
	expect_new_refused(f->j, "Why?", "2026-03-01", PX_ERR_INVALID,
			   "'2026-03-01' is not a valid date-time (YYYY-MM-DD HH:MM:SS)");
	expect_new_refused(f->j, "Why?", "2026-02-29 10:00:00", PX_ERR_INVALID,
			   "'2026-02-29 10:00:00' is not a valid date-time (YYYY-MM-DD HH:MM:SS)");
	expect_new_refused(f->j, "Why?", NULL, PX_ERR_INVALID,
			   "'' is not a valid date-time (YYYY-MM-DD HH:MM:SS)");
	assert_int_equal(count_inquiries(f->j, INQUIRY_ALL), 0);

	longest[INQUIRY_MAX_QUESTION] = '\0';
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(inquiry_new(f->j, longest, when, NULL, &err), 0);
	assert_int_equal(count_inquiries(f->j, INQUIRY_ALL), 1);
}

struct listing {
	char out[1024];
	size_t len;
	int stop_after;
};

static int list_line(const struct inquiry *inq, void *ctx)
{
	struct listing *l = ctx;
	l->len += (size_t)snprintf(l->out + l->len, sizeof l->out - l->len, "%lld %s %s %d %s\n",
				   (long long)inq->id, inquiry_status_name(inq->status),
				   inq->question, inq->entry_count, inq->last_activity);
	return l->stop_after && --l->stop_after == 0;
}

static void test_list_by_last_activity(void **state)
{
	struct journal_fixture *f = *state;
	int64_t old = open_inquiry(f->j, "Old question", "2026-01-05 09:00:00");
	int64_t mid = open_inquiry(f->j, "Middle question", "2026-02-01 09:00:00");
	int64_t fresh = open_inquiry(f->j, "Fresh question", "2026-03-01 09:00:00");
	int64_t quiet = open_inquiry(f->j, "Quiet question", "2026-02-15 09:00:00");
	/* The old inquiry had the latest entry; a trashed later one does not count. */
	add_entry(f->j, old, "2026-01-06 10:00:00", "First thoughts", "");
	add_entry(f->j, old, "2026-03-05 17:45:00", "Returning to it", "");
	int64_t gone = add_entry(f->j, old, "2026-03-09 10:00:00", "Trashed", "");
	add_entry(f->j, mid, "2026-02-10 10:00:00", "Mid entry", "");
	/* A backdated entry does not push a fresh inquiry down. */
	add_entry(f->j, fresh, "2025-12-24 10:00:00", "Backdated", "");
	add_entry(f->j, 0, "2026-03-09 11:00:00", "Not in any inquiry", "");
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(entry_trash(f->j, gone, &err), 0);
	assert_int_equal(inquiry_close(f->j, quiet, "Nothing came of it", "2026-03-02 09:00:00",
				       &err), 0);

	struct listing l = { 0 };
	assert_int_equal(inquiry_list(f->j, INQUIRY_ALL, list_line, &l, &err), 4);
	char want[512];
	snprintf(want, sizeof want,
		 "%lld open Old question 2 2026-03-05 17:45:00\n"
		 "%lld open Fresh question 1 2026-03-01 09:00:00\n"
		 "%lld closed Quiet question 0 2026-02-15 09:00:00\n"
		 "%lld open Middle question 1 2026-02-10 10:00:00\n",
		 (long long)old, (long long)fresh, (long long)quiet, (long long)mid);
	assert_string_equal(l.out, want);

	memset(&l, 0, sizeof l);
	assert_int_equal(inquiry_list(f->j, INQUIRY_ONLY_CLOSED, list_line, &l, &err), 1);
	snprintf(want, sizeof want, "%lld closed Quiet question 0 2026-02-15 09:00:00\n",
		 (long long)quiet);
	assert_string_equal(l.out, want);
	assert_int_equal(count_inquiries(f->j, INQUIRY_ONLY_OPEN), 3);

	memset(&l, 0, sizeof l);
	l.stop_after = 2;
	assert_int_equal(inquiry_list(f->j, INQUIRY_ALL, list_line, &l, &err), 2);

	struct inquiry inq;
	assert_int_equal(inquiry_get(f->j, old, &inq, &err), 0);
	assert_int_equal(inq.entry_count, 2);
	assert_string_equal(inq.last_activity, "2026-03-05 17:45:00");
	inquiry_free(&inq);
	/* Restoring the trashed entry makes it the latest activity again. */
	assert_int_equal(entry_restore(f->j, gone, &err), 0);
	assert_int_equal(inquiry_get(f->j, old, &inq, &err), 0);
	assert_int_equal(inq.entry_count, 3);
	assert_string_equal(inq.last_activity, "2026-03-09 10:00:00");
	inquiry_free(&inq);
}

static void test_close_and_reopen(void **state)
{
	struct journal_fixture *f = *state;
	int64_t id = open_inquiry(f->j, "Does pairing help?", "2026-03-01 08:30:00");
	struct px_error err;
	px_error_clear(&err);
	setenv("PRAXIS_NOW", "2026-03-20T18:05:00", 1);
	assert_int_equal(inquiry_close(f->j, id, "  It does, when both\nagree on the goal.\n",
				       "2026-03-20 18:00:00", &err), 0);
	struct inquiry inq;
	assert_int_equal(inquiry_get(f->j, id, &inq, &err), 0);
	assert_int_equal(inq.status, INQUIRY_CLOSED);
	assert_string_equal(inq.closed_at, "2026-03-20 18:00:00");
	assert_string_equal(inq.summary, "It does, when both\nagree on the goal.");
	assert_string_equal(inq.updated_at, "2026-03-20 18:05:00Z");
	assert_string_equal(inq.created_at, "2026-03-10 09:00:00Z");
	inquiry_free(&inq);

	char msg[128];
	px_error_clear(&err);
	assert_int_equal(inquiry_close(f->j, id, "again", "2026-03-21 10:00:00", &err), -1);
	assert_int_equal(err.code, PX_ERR_INVALID);
	snprintf(msg, sizeof msg, "inquiry %lld: already closed (on 2026-03-20 18:00:00)",
		 (long long)id);
	assert_string_equal(err.msg, msg);

	assert_int_equal(inquiry_reopen(f->j, id, &err), 0);
	assert_int_equal(inquiry_get(f->j, id, &inq, &err), 0);
	assert_int_equal(inq.status, INQUIRY_OPEN);
	assert_string_equal(inq.closed_at, "");
	assert_string_equal(inq.summary, "It does, when both\nagree on the goal.");
	inquiry_free(&inq);

	px_error_clear(&err);
	assert_int_equal(inquiry_reopen(f->j, id, &err), -1);
	snprintf(msg, sizeof msg, "inquiry %lld: not closed", (long long)id);
	assert_string_equal(err.msg, msg);

	px_error_clear(&err);
	assert_int_equal(inquiry_close(f->j, id, NULL, "2026-02-28 23:59:59", &err), -1);
	snprintf(msg, sizeof msg,
		 "inquiry %lld: cannot close on 2026-02-28 23:59:59, before it was opened "
		 "(2026-03-01 08:30:00)", (long long)id);
	assert_string_equal(err.msg, msg);
	px_error_clear(&err);
	assert_int_equal(inquiry_close(f->j, id, "ok", "tomorrow", &err), -1);
	assert_string_equal(err.msg, "'tomorrow' is not a valid date-time (YYYY-MM-DD HH:MM:SS)");
	px_error_clear(&err);
	assert_int_equal(inquiry_close(f->j, id, "caf\xe9", "2026-03-22 10:00:00", &err), -1);
	assert_string_equal(err.msg, "the summary is not valid UTF-8 (bad byte at offset 3)");
	px_error_clear(&err);
	assert_int_equal(inquiry_close(f->j, 99, "x", "2026-03-22 10:00:00", &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	assert_string_equal(err.msg, "inquiry 99: no such inquiry");
	px_error_clear(&err);
	assert_int_equal(inquiry_reopen(f->j, 99, &err), -1);
	assert_string_equal(err.msg, "inquiry 99: no such inquiry");

	/* Closing again replaces the summary; a NULL summary stores "". */
	assert_int_equal(inquiry_close(f->j, id, NULL, "2026-03-22 10:00:00", &err), 0);
	assert_int_equal(inquiry_get(f->j, id, &inq, &err), 0);
	assert_string_equal(inq.summary, "");
	assert_string_equal(inq.closed_at, "2026-03-22 10:00:00");
	inquiry_free(&inq);
}

/* ---- the chain ----------------------------------------------------------------- */

/* Renders the chain as a CLI printer would, one line per node. */
struct render {
	char out[4096];
	size_t len;
	int stop_after;
};

static void put(struct render *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct render *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	r->len += (size_t)vsnprintf(r->out + r->len, sizeof r->out - r->len, fmt, ap);
	va_end(ap);
}

static int render_step(const struct chain_step *s, void *ctx)
{
	struct render *r = ctx;
	put(r, "%zu #%lld %c %s %s", s->index, (long long)s->entry_id, entry_frame_mark(s->frame),
	    s->occurred_at, s->title);
	for (size_t i = 0; i < s->nfollows_up; i++)
		put(r, "%s%lld", i ? "," : " (follows up ", (long long)s->follows_up[i]);
	put(r, "%s | %s\n", s->nfollows_up ? ")" : "", s->excerpt);
	for (size_t i = 0; i < s->nactions; i++) {
		const struct chain_action *a = &s->actions[i];
		put(r, "  -> %lld %s due %s: %s%s%s%s\n", (long long)a->id, a->text, a->due_date,
		    action_status_name(a->status), a->outcome ? " " : "",
		    action_outcome_name(a->outcome), a->due ? " DUE" : "");
		if (a->follow_up.entry_id)
			put(r, "     followed up by #%lld %s %s%s%s\n",
			    (long long)a->follow_up.entry_id, a->follow_up.occurred_at,
			    a->follow_up.title, a->follow_up.in_inquiry ? "" : " (elsewhere)",
			    a->follow_up.trashed ? " (trashed)" : "");
	}
	return r->stop_after && --r->stop_after == 0;
}

static void test_chain_two_cycles(void **state)
{
	struct journal_fixture *f = *state;
	int64_t inq = open_inquiry(f->j, "Why do handovers fail?", "2026-03-01 08:00:00");
	int64_t e1 = add_entry(f->j, inq, "2026-03-01 10:00:00", "Handover went wrong",
			       "  I assumed Sam\nhad read the notes.");
	int64_t a1 = plan(f->j, e1, "brief Sam in person", "2026-03-05");
	int64_t a2 = plan(f->j, e1, "write a checklist", "2026-03-20");
	int64_t e2 = add_entry(f->j, inq, "2026-03-05 18:00:00", "Briefing Sam", "It went well.");
	int64_t a3 = plan(f->j, e2, "ask Sam for feedback", "2026-03-09");
	int64_t e3 = add_entry(f->j, inq, "2026-03-09 17:00:00", "Feedback", "");
	int64_t gone = add_entry(f->j, inq, "2026-03-09 18:00:00", "Trashed", "x");
	plan(f->j, gone, "never listed", "2026-03-01");
	int64_t other = add_entry(f->j, 0, "2026-03-06 09:00:00", "Elsewhere", "");
	int64_t a4 = plan(f->j, e3, "drop the old template", "2026-03-30");
	struct px_error err;
	px_error_clear(&err);
	/* Cycle 1: e1 -> a1 -> e2 (worked) -> a3 -> e3 (not yet, due again today). */
	assert_int_equal(action_follow_up(f->j, a1, e2, OUTCOME_WORKED, NULL, &err), 0);
	assert_int_equal(action_follow_up(f->j, a3, e3, OUTCOME_NOT_YET, "2026-03-10", &err), 0);
	/* An action followed up outside the inquiry still shows where. */
	assert_int_equal(action_follow_up(f->j, a4, other, OUTCOME_DROPPED, NULL, &err), 0);
	assert_int_equal(entry_trash(f->j, gone, &err), 0);

	struct render r = { 0 };
	struct chain_totals t;
	assert_int_equal(inquiry_chain(f->j, inq, "2026-03-10", render_step, &r, &t, &err), 3);
	char want[2048];
	snprintf(want, sizeof want,
		 "0 #%lld ? 2026-03-01 10:00:00 Handover went wrong | "
		 "I assumed Sam had read the notes.\n"
		 "  -> %lld brief Sam in person due 2026-03-05: done worked\n"
		 "     followed up by #%lld 2026-03-05 18:00:00 Briefing Sam\n"
		 "  -> %lld write a checklist due 2026-03-20: open\n"
		 "1 #%lld ? 2026-03-05 18:00:00 Briefing Sam (follows up %lld) | It went well.\n"
		 "  -> %lld ask Sam for feedback due 2026-03-10: open not-yet DUE\n"
		 "     followed up by #%lld 2026-03-09 17:00:00 Feedback\n"
		 "2 #%lld ? 2026-03-09 17:00:00 Feedback (follows up %lld) | \n"
		 "  -> %lld drop the old template due 2026-03-30: dropped dropped\n"
		 "     followed up by #%lld 2026-03-06 09:00:00 Elsewhere (elsewhere)\n",
		 (long long)e1, (long long)a1, (long long)e2, (long long)a2, (long long)e2,
		 (long long)a1, (long long)a3, (long long)e3, (long long)e3, (long long)a3,
		 (long long)a4, (long long)other);
	assert_string_equal(r.out, want);
	assert_int_equal(t.steps, 3);
	assert_int_equal(t.actions, 4);
	assert_int_equal(t.cycles_closed, 3);
	assert_int_equal(t.cycles_due, 1);
	assert_int_equal(t.open_actions, 2);

	/* Before the not-yet date nothing is due; totals alone need no callback. */
	assert_int_equal(inquiry_chain(f->j, inq, "2026-03-09", NULL, NULL, &t, &err), 0);
	assert_int_equal(t.cycles_due, 0);
	assert_int_equal(inquiry_chain(f->j, inq, "2026-03-20", NULL, NULL, &t, &err), 0);
	assert_int_equal(t.cycles_due, 2);

	/* Stopping after the first step. */
	memset(&r, 0, sizeof r);
	r.stop_after = 1;
	assert_int_equal(inquiry_chain(f->j, inq, "2026-03-10", render_step, &r, NULL, &err), 1);
	assert_null(strstr(r.out, "Briefing Sam (follows"));

	/* Trashing the follow-up entry: the cycle stays closed, marked trashed,
	 * and the step leaves the chain. */
	assert_int_equal(entry_trash(f->j, e2, &err), 0);
	memset(&r, 0, sizeof r);
	assert_int_equal(inquiry_chain(f->j, inq, "2026-03-10", render_step, &r, &t, &err), 2);
	char line[128];
	snprintf(line, sizeof line, "followed up by #%lld 2026-03-05 18:00:00 Briefing Sam "
		 "(elsewhere) (trashed)\n", (long long)e2);
	assert_non_null(strstr(r.out, line));
	assert_int_equal(t.steps, 2);
	assert_int_equal(t.actions, 3);
	assert_int_equal(t.cycles_closed, 2);
	assert_int_equal(t.cycles_due, 0);
}

static void test_chain_refusals_and_empty(void **state)
{
	struct journal_fixture *f = *state;
	int64_t inq = open_inquiry(f->j, "Empty so far", "2026-03-01 08:00:00");
	struct px_error err;
	px_error_clear(&err);
	struct chain_totals t;
	memset(&t, 0xff, sizeof t);
	struct render r = { 0 };
	assert_int_equal(inquiry_chain(f->j, inq, "2026-03-10", render_step, &r, &t, &err), 0);
	assert_string_equal(r.out, "");
	assert_int_equal(t.steps, 0);
	assert_int_equal(t.actions, 0);
	assert_int_equal(t.cycles_closed, 0);
	assert_int_equal(t.cycles_due, 0);
	assert_int_equal(t.open_actions, 0);

	assert_int_equal(inquiry_chain(f->j, 7, "2026-03-10", render_step, &r, &t, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	assert_string_equal(err.msg, "inquiry 7: no such inquiry");
	px_error_clear(&err);
	assert_int_equal(inquiry_chain(f->j, inq, "10/03/2026", render_step, &r, &t, &err), -1);
	assert_string_equal(err.msg, "today '10/03/2026' is not a valid date (YYYY-MM-DD)");
}

/* The chain's callback may write: nothing is held open while it runs. */
struct writer {
	struct journal *j;
	int64_t follower;
	int written;
};

static int follow_up_from_callback(const struct chain_step *s, void *ctx)
{
	struct writer *w = ctx;
	struct px_error err;
	px_error_clear(&err);
	for (size_t i = 0; i < s->nactions; i++) {
		if (s->actions[i].status != ACTION_OPEN)
			continue;
		if (action_follow_up(w->j, s->actions[i].id, w->follower, OUTCOME_MIXED, NULL,
				     &err) < 0)
			fail_msg("action_follow_up: %s", err.msg);
		w->written++;
	}
	return 0;
}

static void test_chain_callback_may_write(void **state)
{
	struct journal_fixture *f = *state;
	int64_t inq = open_inquiry(f->j, "Can I write from a callback?", "2026-03-01 08:00:00");
	int64_t e1 = add_entry(f->j, inq, "2026-03-01 10:00:00", "Start", "");
	plan(f->j, e1, "one", "2026-03-05");
	plan(f->j, e1, "two", "2026-03-06");
	struct writer w = { f->j, add_entry(f->j, 0, "2026-03-07 10:00:00", "Review", ""), 0 };
	struct px_error err;
	px_error_clear(&err);
	struct chain_totals t;
	assert_int_equal(inquiry_chain(f->j, inq, "2026-03-10", follow_up_from_callback, &w, &t,
				       &err), 1);
	assert_int_equal(w.written, 2);
	assert_int_equal(t.cycles_due, 2); /* the totals were taken before the callback */
	assert_int_equal(inquiry_chain(f->j, inq, "2026-03-10", NULL, NULL, &t, &err), 0);
	assert_int_equal(t.cycles_closed, 2);
	assert_int_equal(t.cycles_due, 0);
	assert_int_equal(t.open_actions, 0);
}

/* A write that fails inside the caller's transaction: after the caller
 * rolls back, neither the inquiry nor its entry is left. */
static void test_caller_rollback_leaves_nothing(void **state)
{
	struct journal_fixture *f = *state;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(journal_begin(f->j, &err), 0);
	struct inquiry inq;
	assert_int_equal(inquiry_new(f->j, "Opened by a run", "2026-03-10 08:00:00", &inq, &err),
			 0);
	int64_t e = add_entry(f->j, inq.id, "2026-03-10 08:00:00", "First entry", "");
	assert_int_equal(count_inquiries(f->j, INQUIRY_ALL), 1);
	assert_int_equal(inquiry_close(f->j, inq.id, "x", "2026-03-09 08:00:00", &err), -1);
	journal_rollback(f->j);

	assert_int_equal(count_inquiries(f->j, INQUIRY_ALL), 0);
	struct inquiry got;
	px_error_clear(&err);
	assert_int_equal(inquiry_get(f->j, inq.id, &got, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	struct entry ent;
	px_error_clear(&err);
	assert_int_equal(entry_get(f->j, e, &ent, &err), -1);
	entry_free(&ent);
	inquiry_free(&inq);

	/* A refusal inside the caller's transaction leaves it usable. */
	px_error_clear(&err);
	assert_int_equal(journal_begin(f->j, &err), 0);
	int64_t kept = open_inquiry(f->j, "Kept", "2026-03-10 08:00:00");
	assert_int_equal(inquiry_new(f->j, "", "2026-03-10 08:00:00", NULL, &err), -1);
	px_error_clear(&err);
	assert_int_equal(inquiry_reopen(f->j, kept, &err), -1);
	px_error_clear(&err);
	assert_int_equal(journal_commit(f->j, &err), 0);
	assert_int_equal(count_inquiries(f->j, INQUIRY_ONLY_OPEN), 1);
}


/* ---- import ---------------------------------------------------------------------- */

static struct inquiry to_import(enum inquiry_status status, const char *closed)
{
	struct inquiry q;
	memset(&q, 0, sizeof q);
	snprintf(q.uuid, sizeof q.uuid, "33333333-3333-4333-8333-333333333333");
	q.question = (char *)"How do I delegate?";
	q.summary = (char *)"Ask, then trust.";
	q.status = status;
	snprintf(q.opened_at, sizeof q.opened_at, "2026-03-01 08:00:00");
	snprintf(q.closed_at, sizeof q.closed_at, "%s", closed);
	snprintf(q.created_at, sizeof q.created_at, "2026-03-01 08:00:01Z");
	snprintf(q.updated_at, sizeof q.updated_at, "2026-03-10 08:00:00Z");
	return q;
}

static void test_import(void **state)
{
	struct journal_fixture *f = *state;
	struct inquiry q = to_import(INQUIRY_CLOSED, "2026-03-10 08:00:00"), got;
	int64_t id, found;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(inquiry_import(f->j, &q, &id, &err), 0);
	assert_int_equal(inquiry_find_uuid(f->j, q.uuid, &found, &err), 0);
	assert_int_equal(found, id);
	assert_int_equal(inquiry_get(f->j, id, &got, &err), 0);
	assert_string_equal(got.question, "How do I delegate?");
	assert_int_equal(got.status, INQUIRY_CLOSED);
	assert_string_equal(got.closed_at, "2026-03-10 08:00:00");
	assert_string_equal(got.summary, "Ask, then trust.");
	assert_string_equal(got.created_at, "2026-03-01 08:00:01Z");
	assert_string_equal(got.updated_at, "2026-03-10 08:00:00Z");
	inquiry_free(&got);
	const struct {
		struct inquiry q;
		const char *why;
	} bad[] = {
		{ to_import(INQUIRY_CLOSED, "2026-03-10 08:00:00"),
		  "inquiry 33333333-3333-4333-8333-333333333333 is already in the journal" },
		{ to_import(INQUIRY_OPEN, "2026-03-10 08:00:00"), "an open inquiry has no closing date" },
		{ to_import(INQUIRY_CLOSED, "2026-02-10 08:00:00"),
		  "closed on 2026-02-10 08:00:00, before it was opened (2026-03-01 08:00:00)" },
		{ to_import(INQUIRY_CLOSED, ""), "'' is not a valid date-time (YYYY-MM-DD HH:MM:SS)" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct inquiry b = bad[i].q;
		if (i > 0)
			snprintf(b.uuid, sizeof b.uuid, "44444444-4444-4444-8444-44444444444%zu", i);
		px_error_clear(&err);
		assert_int_equal(inquiry_import(f->j, &b, NULL, &err), -1);
		assert_string_equal(err.msg, bad[i].why);
	}
	q = to_import(INQUIRY_OPEN, "");
	snprintf(q.uuid, sizeof q.uuid, "55555555-5555-4555-8555-555555555555");
	q.question = (char *)"   ";
	px_error_clear(&err);
	assert_int_equal(inquiry_import(f->j, &q, NULL, &err), -1);
	assert_string_equal(err.msg, "the question is empty: write what you want to find out");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		JOURNAL_TEST(test_new_and_get),
		JOURNAL_TEST(test_import),
		JOURNAL_TEST(test_new_refusals),
		JOURNAL_TEST(test_list_by_last_activity),
		JOURNAL_TEST(test_close_and_reopen),
		JOURNAL_TEST(test_chain_two_cycles),
		JOURNAL_TEST(test_chain_refusals_and_empty),
		JOURNAL_TEST(test_chain_callback_may_write),
		JOURNAL_TEST(test_caller_rollback_leaves_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
