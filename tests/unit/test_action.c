/*
 * test_action.c — actions: planning, the due list with a fixed today, each
 * follow-up outcome and every refusal, and how the writes behave inside a
 * caller's transaction (src/core/action.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

#include "praxis/action.h"
#include "praxis/entry.h"
#include "praxis/journal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int64_t add_entry(struct journal *j, const char *when, const char *title)
{
	return fixture_add(j, &(struct entry_spec){ .when = when, .title = title });
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

/* The due list as one line per action: "id due text (planned by #N title date)". */
struct collect {
	char out[2048];
	size_t len;
	int stop_after;
};

static int collect_action(const struct action *a, void *ctx)
{
	struct collect *c = ctx;
	c->len += (size_t)snprintf(c->out + c->len, sizeof c->out - c->len,
				   "%lld %s %s %s (#%lld %s %s)\n", (long long)a->id, a->due_date,
				   action_status_name(a->status), a->text, (long long)a->planned_by,
				   a->planned_title, a->planned_on);
	return c->stop_after && --c->stop_after == 0;
}

static int count_actions(struct journal *j)
{
	struct collect c = { 0 };
	struct px_error err;
	px_error_clear(&err);
	return action_list_due(j, "9999-12-31", 0, collect_action, &c, &err);
}

static void test_add_and_get(void **state)
{
	struct journal_fixture *f = *state;
	int64_t e = add_entry(f->j, "2026-03-01 10:00:00", "Handover went wrong");
	struct px_error err;
	px_error_clear(&err);
	int64_t id1 = 0, id2 = 0, id3 = 0;
	assert_int_equal(action_add(f->j, e, "  brief Sam in person \n", "2026-03-05", NULL, -1,
				    &id1, &err), 0);
	assert_int_equal(action_add(f->j, e, "write a checklist", "2026-03-20", "gibbs", -1, &id2,
				    &err), 0);
	assert_int_equal(action_add(f->j, e, "first of all", "2026-03-02", "", 7, &id3, &err), 0);

	struct action a;
	assert_int_equal(action_get(f->j, id1, &a, &err), 0);
	assert_int_equal(a.id, id1);
	assert_int_equal(strlen(a.uuid), 36);
	assert_string_equal(a.text, "brief Sam in person");
	assert_string_equal(a.due_date, "2026-03-05");
	assert_int_equal(a.status, ACTION_OPEN);
	assert_int_equal(a.outcome, OUTCOME_NONE);
	assert_int_equal(a.planned_by, e);
	assert_string_equal(a.planned_title, "Handover went wrong");
	assert_string_equal(a.planned_on, "2026-03-01 10:00:00");
	assert_int_equal(a.followed_up_by, 0);
	assert_string_equal(a.follow_up_template, "action-review");
	assert_int_equal(a.position, 0);
	assert_string_equal(a.created_at, "2026-03-10 09:00:00Z");
	assert_string_equal(a.updated_at, "2026-03-10 09:00:00Z");
	action_free(&a);

	assert_int_equal(action_get(f->j, id2, &a, &err), 0);
	assert_string_equal(a.follow_up_template, "gibbs");
	assert_int_equal(a.position, 1);
	action_free(&a);
	assert_int_equal(action_get(f->j, id3, &a, &err), 0);
	assert_string_equal(a.follow_up_template, "action-review");
	assert_int_equal(a.position, 7);
	action_free(&a);

	struct collect c = { 0 };
	assert_int_equal(action_list_for_entry(f->j, e, collect_action, &c, &err), 3);
	char want[512];
	snprintf(want, sizeof want,
		 "%lld 2026-03-05 open brief Sam in person (#%lld Handover went wrong "
		 "2026-03-01 10:00:00)\n"
		 "%lld 2026-03-20 open write a checklist (#%lld Handover went wrong "
		 "2026-03-01 10:00:00)\n"
		 "%lld 2026-03-02 open first of all (#%lld Handover went wrong "
		 "2026-03-01 10:00:00)\n",
		 (long long)id1, (long long)e, (long long)id2, (long long)e, (long long)id3,
		 (long long)e);
	assert_string_equal(c.out, want);

	px_error_clear(&err);
	assert_int_equal(action_get(f->j, 99, &a, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	assert_string_equal(err.msg, "action 99: no such action");
	px_error_clear(&err);
	assert_int_equal(action_list_for_entry(f->j, 99, collect_action, &c, &err), -1);
	assert_string_equal(err.msg, "entry 99: no such entry");
}

static void expect_add_refused(struct journal *j, int64_t entry, const char *text,
			       const char *due, const char *tmpl, enum px_error_code code,
			       const char *msg)
{
	struct px_error err;
	px_error_clear(&err);
	int64_t id = -5;
	assert_int_equal(action_add(j, entry, text, due, tmpl, -1, &id, &err), -1);
	assert_int_equal(id, -5);
	assert_int_equal(err.code, code);
	assert_string_equal(err.msg, msg);
}

static void test_add_refusals(void **state)
{
	struct journal_fixture *f = *state;
	int64_t e = add_entry(f->j, "2026-03-01 10:00:00", "Planning");
	int64_t gone = add_entry(f->j, "2026-03-02 10:00:00", "Trashed");
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(entry_trash(f->j, gone, &err), 0);

	expect_add_refused(f->j, e, " \t ", "2026-03-05", NULL, PX_ERR_INVALID,
			   "the action is empty: write what you will try");
	expect_add_refused(f->j, e, NULL, "2026-03-05", NULL, PX_ERR_INVALID,
			   "the action is empty: write what you will try");
	expect_add_refused(f->j, e, "ask\nthen listen", "2026-03-05", NULL, PX_ERR_INVALID,
			   "the action must be one line");
	expect_add_refused(f->j, e, "caf\xe9 talk", "2026-03-05", NULL, PX_ERR_INVALID,
			   "the action is not valid UTF-8 (bad byte at offset 3)");
	char longest[ACTION_MAX_TEXT + 2];
	memset(longest, 'x', sizeof longest - 1);
	longest[sizeof longest - 1] = '\0';
	expect_add_refused(f->j, e, longest, "2026-03-05", NULL, PX_ERR_LIMIT,
			   "the action is too long (1001 bytes; at most 1000)");
	expect_add_refused(f->j, e, "try", "2026-02-30", NULL, PX_ERR_INVALID,
			   "the due date '2026-02-30' is not a valid date (YYYY-MM-DD)");
	expect_add_refused(f->j, e, "try", "2026-03-05 10:00:00", NULL, PX_ERR_INVALID,
			   "the due date '2026-03-05 10:00:00' is not a valid date (YYYY-MM-DD)");
	expect_add_refused(f->j, e, "try", NULL, NULL, PX_ERR_INVALID,
			   "the due date '' is not a valid date (YYYY-MM-DD)");
	expect_add_refused(f->j, e, "try", "2026-03-05", "Gibbs", PX_ERR_INVALID,
			   "'Gibbs' is not a template id (lower-case letters, digits and '-', "
			   "at most 40, starting with a letter or digit)");
	expect_add_refused(f->j, 99, "try", "2026-03-05", NULL, PX_ERR_NOT_FOUND,
			   "entry 99: no such entry");
	char msg[64];
	snprintf(msg, sizeof msg, "entry %lld: in the trash (restore it first)", (long long)gone);
	expect_add_refused(f->j, gone, "try", "2026-03-05", NULL, PX_ERR_INVALID, msg);
	assert_int_equal(count_actions(f->j), 0);

	longest[ACTION_MAX_TEXT] = '\0'; /* exactly the limit is fine */
	int64_t id = 0;
	assert_int_equal(action_add(f->j, e, longest, "2026-03-05", NULL, 0, &id, &err), 0);
	assert_int_equal(count_actions(f->j), 1);
}

static void test_due_upcoming_and_overdue(void **state)
{
	struct journal_fixture *f = *state;
	int64_t e1 = add_entry(f->j, "2026-02-20 08:00:00", "Team meeting");
	int64_t e2 = add_entry(f->j, "2026-03-03 12:30:00", "Feedback");
	int64_t gone = add_entry(f->j, "2026-03-04 12:30:00", "Trashed");
	int64_t later = plan(f->j, e1, "later", "2026-03-20");
	int64_t today = plan(f->j, e2, "today", "2026-03-10");
	int64_t overdue = plan(f->j, e1, "overdue", "2026-03-01");
	int64_t soon = plan(f->j, e2, "soon", "2026-03-12");
	int64_t done = plan(f->j, e1, "finished", "2026-03-02");
	plan(f->j, gone, "from the trash", "2026-03-03");
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(action_follow_up(f->j, done, e2, OUTCOME_WORKED, NULL, &err), 0);
	assert_int_equal(entry_trash(f->j, gone, &err), 0);

	char want[1024];
	struct collect c = { 0 };
	assert_int_equal(action_list_due(f->j, "2026-03-10", 0, collect_action, &c, &err), 2);
	snprintf(want, sizeof want,
		 "%lld 2026-03-01 open overdue (#%lld Team meeting 2026-02-20 08:00:00)\n"
		 "%lld 2026-03-10 open today (#%lld Feedback 2026-03-03 12:30:00)\n",
		 (long long)overdue, (long long)e1, (long long)today, (long long)e2);
	assert_string_equal(c.out, want);

	memset(&c, 0, sizeof c);
	assert_int_equal(action_list_due(f->j, "2026-03-10", 2, collect_action, &c, &err), 3);
	snprintf(want, sizeof want,
		 "%lld 2026-03-01 open overdue (#%lld Team meeting 2026-02-20 08:00:00)\n"
		 "%lld 2026-03-10 open today (#%lld Feedback 2026-03-03 12:30:00)\n"
		 "%lld 2026-03-12 open soon (#%lld Feedback 2026-03-03 12:30:00)\n",
		 (long long)overdue, (long long)e1, (long long)today, (long long)e2,
		 (long long)soon, (long long)e2);
	assert_string_equal(c.out, want);

	memset(&c, 0, sizeof c);
	assert_int_equal(action_list_due(f->j, "2026-03-10", 10, collect_action, &c, &err), 4);
	assert_non_null(strstr(c.out, "open later"));
	assert_null(strstr(c.out, "finished"));
	assert_null(strstr(c.out, "from the trash"));
	(void)later;

	/* Restoring the planning entry brings its action back. */
	assert_int_equal(entry_restore(f->j, gone, &err), 0);
	memset(&c, 0, sizeof c);
	assert_int_equal(action_list_due(f->j, "2026-03-10", 0, collect_action, &c, &err), 3);

	/* Stopping early counts what was passed. */
	memset(&c, 0, sizeof c);
	c.stop_after = 1;
	assert_int_equal(action_list_due(f->j, "2026-03-10", 0, collect_action, &c, &err), 1);

	px_error_clear(&err);
	assert_int_equal(action_list_due(f->j, "2026-13-01", 0, collect_action, &c, &err), -1);
	assert_string_equal(err.msg, "today '2026-13-01' is not a valid date (YYYY-MM-DD)");
	px_error_clear(&err);
	assert_int_equal(action_list_due(f->j, "2026-03-10", -1, collect_action, &c, &err), -1);
	assert_int_equal(err.code, PX_ERR_LIMIT);
	assert_string_equal(err.msg, "look ahead 0 to 3660 days, not -1");
	/* Looking past 9999-12-31 is clamped, not an error. */
	px_error_clear(&err);
	assert_int_equal(action_list_due(f->j, "9999-12-30", 5, NULL, NULL, &err), 5);
}

/* The first few due: the same order and rules, at most LIMIT read. */
static void test_due_first(void **state)
{
	struct journal_fixture *f = *state;
	int64_t e1 = add_entry(f->j, "2026-02-20 08:00:00", "Team meeting");
	int64_t gone = add_entry(f->j, "2026-03-04 12:30:00", "Trashed");
	int64_t a = plan(f->j, e1, "first", "2026-03-01");
	plan(f->j, gone, "from the trash", "2026-03-02");
	int64_t b = plan(f->j, e1, "second", "2026-03-05");
	int64_t c3 = plan(f->j, e1, "third", "2026-03-10");
	plan(f->j, e1, "not yet due", "2026-03-11");
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(entry_trash(f->j, gone, &err), 0);
	struct collect c = { 0 };
	assert_int_equal(action_list_due_first(f->j, "2026-03-10", 2, collect_action, &c, &err), 2);
	char want[512];
	snprintf(want, sizeof want,
		 "%lld 2026-03-01 open first (#%lld Team meeting 2026-02-20 08:00:00)\n"
		 "%lld 2026-03-05 open second (#%lld Team meeting 2026-02-20 08:00:00)\n",
		 (long long)a, (long long)e1, (long long)b, (long long)e1);
	assert_string_equal(c.out, want);
	memset(&c, 0, sizeof c);
	assert_int_equal(action_list_due_first(f->j, "2026-03-10", 10, collect_action, &c, &err), 3);
	assert_non_null(strstr(c.out, "third"));
	assert_null(strstr(c.out, "not yet due"));
	assert_null(strstr(c.out, "from the trash"));
	(void)c3;
	/* A limit of 0 reads one; a bad today is refused as by action_list_due. */
	assert_int_equal(action_list_due_first(f->j, "2026-03-10", 0, NULL, NULL, &err), 1);
	assert_int_equal(action_list_due_first(f->j, "2026-02-30", 5, NULL, NULL, &err), -1);
	assert_string_equal(err.msg, "today '2026-02-30' is not a valid date (YYYY-MM-DD)");
}

static void expect_outcome(struct journal *j, int64_t action, enum action_status status,
			   enum action_outcome outcome, int64_t followed_up_by, const char *due)
{
	struct action a;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(action_get(j, action, &a, &err), 0);
	assert_int_equal(a.status, status);
	assert_int_equal(a.outcome, outcome);
	assert_int_equal(a.followed_up_by, followed_up_by);
	assert_string_equal(a.due_date, due);
	action_free(&a);
}

static void test_each_outcome(void **state)
{
	struct journal_fixture *f = *state;
	int64_t planner = add_entry(f->j, "2026-03-01 10:00:00", "Plans");
	int64_t review = add_entry(f->j, "2026-03-09 10:00:00", "Review");
	int64_t later_review = add_entry(f->j, "2026-03-16 10:00:00", "Review again");
	int64_t worked = plan(f->j, planner, "a", "2026-03-05");
	int64_t mixed = plan(f->j, planner, "b", "2026-03-05");
	int64_t failed = plan(f->j, planner, "c", "2026-03-05");
	int64_t dropped = plan(f->j, planner, "d", "2026-03-05");
	int64_t not_yet = plan(f->j, planner, "e", "2026-03-05");
	int64_t quick_drop = plan(f->j, planner, "f", "2026-03-05");
	struct px_error err;
	px_error_clear(&err);

	setenv("PRAXIS_NOW", "2026-03-11T20:15:00", 1);
	assert_int_equal(action_follow_up(f->j, worked, review, OUTCOME_WORKED, NULL, &err), 0);
	assert_int_equal(action_follow_up(f->j, mixed, review, OUTCOME_MIXED, "", &err), 0);
	assert_int_equal(action_follow_up(f->j, failed, review, OUTCOME_FAILED, NULL, &err), 0);
	assert_int_equal(action_follow_up(f->j, dropped, review, OUTCOME_DROPPED, NULL, &err), 0);
	assert_int_equal(action_follow_up(f->j, not_yet, review, OUTCOME_NOT_YET, "2026-03-15",
					  &err), 0);
	assert_int_equal(action_follow_up(f->j, quick_drop, 0, OUTCOME_DROPPED, NULL, &err), 0);

	expect_outcome(f->j, worked, ACTION_DONE, OUTCOME_WORKED, review, "2026-03-05");
	expect_outcome(f->j, mixed, ACTION_DONE, OUTCOME_MIXED, review, "2026-03-05");
	expect_outcome(f->j, failed, ACTION_DONE, OUTCOME_FAILED, review, "2026-03-05");
	expect_outcome(f->j, dropped, ACTION_DROPPED, OUTCOME_DROPPED, review, "2026-03-05");
	expect_outcome(f->j, not_yet, ACTION_OPEN, OUTCOME_NOT_YET, review, "2026-03-15");
	expect_outcome(f->j, quick_drop, ACTION_DROPPED, OUTCOME_DROPPED, 0, "2026-03-05");

	struct action a;
	assert_int_equal(action_get(f->j, worked, &a, &err), 0);
	assert_string_equal(a.created_at, "2026-03-10 09:00:00Z");
	assert_string_equal(a.updated_at, "2026-03-11 20:15:00Z");
	action_free(&a);

	/* A not-yet action can be followed up again; the latest follow-up is kept. */
	assert_int_equal(action_follow_up(f->j, not_yet, later_review, OUTCOME_NOT_YET,
					  "2026-03-22", &err), 0);
	expect_outcome(f->j, not_yet, ACTION_OPEN, OUTCOME_NOT_YET, later_review, "2026-03-22");
	assert_int_equal(action_follow_up(f->j, not_yet, later_review, OUTCOME_WORKED, NULL, &err),
			 0);
	expect_outcome(f->j, not_yet, ACTION_DONE, OUTCOME_WORKED, later_review, "2026-03-22");

	struct collect c = { 0 };
	assert_int_equal(action_list_followed_by(f->j, review, collect_action, &c, &err), 4);
	assert_int_equal(action_list_followed_by(f->j, later_review, NULL, NULL, &err), 1);
	assert_int_equal(action_list_followed_by(f->j, planner, NULL, NULL, &err), 0);
	assert_int_equal(action_list_due(f->j, "2026-12-31", 0, NULL, NULL, &err), 0);
}

static void expect_follow_up_refused(struct journal *j, int64_t action, int64_t entry,
				     enum action_outcome outcome, const char *due,
				     enum px_error_code code, const char *msg)
{
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(action_follow_up(j, action, entry, outcome, due, &err), -1);
	assert_int_equal(err.code, code);
	assert_string_equal(err.msg, msg);
}

static void test_follow_up_refusals(void **state)
{
	struct journal_fixture *f = *state;
	int64_t planner = add_entry(f->j, "2026-03-01 10:00:00", "Plans");
	int64_t review = add_entry(f->j, "2026-03-09 10:00:00", "Review");
	int64_t gone = add_entry(f->j, "2026-03-09 11:00:00", "Trashed review");
	int64_t open = plan(f->j, planner, "open one", "2026-03-05");
	int64_t done = plan(f->j, planner, "done one", "2026-03-05");
	int64_t dropped = plan(f->j, planner, "dropped one", "2026-03-05");
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(action_follow_up(f->j, done, review, OUTCOME_WORKED, NULL, &err), 0);
	assert_int_equal(action_follow_up(f->j, dropped, review, OUTCOME_DROPPED, NULL, &err), 0);
	assert_int_equal(entry_trash(f->j, gone, &err), 0);
	char msg[160];

	snprintf(msg, sizeof msg,
		 "action %lld: already done (worked); only an open action can be followed up",
		 (long long)done);
	expect_follow_up_refused(f->j, done, review, OUTCOME_MIXED, NULL, PX_ERR_INVALID, msg);
	snprintf(msg, sizeof msg, "action %lld: dropped; only an open action can be followed up",
		 (long long)dropped);
	expect_follow_up_refused(f->j, dropped, review, OUTCOME_WORKED, NULL, PX_ERR_INVALID, msg);
	expect_follow_up_refused(f->j, open, review, OUTCOME_NOT_YET, NULL, PX_ERR_INVALID,
				 "not-yet needs the new due date: when will you try again?");
	expect_follow_up_refused(f->j, open, review, OUTCOME_NOT_YET, "", PX_ERR_INVALID,
				 "not-yet needs the new due date: when will you try again?");
	expect_follow_up_refused(f->j, open, review, OUTCOME_NOT_YET, "next week", PX_ERR_INVALID,
				 "the new due date 'next week' is not a valid date (YYYY-MM-DD)");
	expect_follow_up_refused(f->j, open, review, OUTCOME_WORKED, "2026-03-20", PX_ERR_INVALID,
				 "only a not-yet outcome moves the due date (this one is worked)");
	expect_follow_up_refused(f->j, open, review, OUTCOME_NONE, NULL, PX_ERR_INVALID,
				 "a follow-up needs an outcome: worked, mixed, failed, not-yet or "
				 "dropped");
	expect_follow_up_refused(f->j, open, review, (enum action_outcome)42, NULL, PX_ERR_INVALID,
				 "a follow-up needs an outcome: worked, mixed, failed, not-yet or "
				 "dropped");
	expect_follow_up_refused(f->j, 99, review, OUTCOME_WORKED, NULL, PX_ERR_NOT_FOUND,
				 "action 99: no such action");
	expect_follow_up_refused(f->j, open, 99, OUTCOME_WORKED, NULL, PX_ERR_NOT_FOUND,
				 "entry 99: no such entry");
	snprintf(msg, sizeof msg, "entry %lld: in the trash (restore it first)", (long long)gone);
	expect_follow_up_refused(f->j, open, gone, OUTCOME_WORKED, NULL, PX_ERR_INVALID, msg);
	snprintf(msg, sizeof msg, "action %lld: entry %lld planned it, so it cannot follow it up",
		 (long long)open, (long long)planner);
	expect_follow_up_refused(f->j, open, planner, OUTCOME_WORKED, NULL, PX_ERR_INVALID, msg);

	/* None of the refusals changed the open action. */
	expect_outcome(f->j, open, ACTION_OPEN, OUTCOME_NONE, 0, "2026-03-05");
}

static void test_outcome_names(void **state)
{
	(void)state;
	enum action_outcome o = OUTCOME_NONE;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(action_outcome_parse("Not yet", &o, &err), 0);
	assert_int_equal(o, OUTCOME_NOT_YET);
	assert_int_equal(action_outcome_parse("drop", &o, &err), 0);
	assert_int_equal(o, OUTCOME_DROPPED);
	assert_int_equal(action_outcome_parse("MIXED", &o, &err), 0);
	assert_int_equal(o, OUTCOME_MIXED);
	assert_int_equal(action_outcome_parse("workd", &o, &err), -1);
	assert_string_equal(err.msg, "'workd' is not an outcome (did you mean 'worked'?)");
	px_error_clear(&err);
	assert_int_equal(action_outcome_parse("", &o, &err), -1);
	assert_string_equal(err.msg,
			    "'' is not an outcome (worked, mixed, failed, not-yet or dropped)");
	assert_string_equal(action_outcome_name(OUTCOME_NOT_YET), "not-yet");
	assert_string_equal(action_outcome_name(OUTCOME_NONE), "");
	assert_string_equal(action_status_name(ACTION_DROPPED), "dropped");
	assert_string_equal(action_status_name(ACTION_DONE), "done");
}

/* The prompt engine's shape: entry, actions and a follow-up in one
 * transaction; the caller rolls back after a failure and nothing stays. */
static void test_caller_rollback_leaves_nothing(void **state)
{
	struct journal_fixture *f = *state;
	int64_t old = add_entry(f->j, "2026-03-01 10:00:00", "Earlier");
	int64_t pending = plan(f->j, old, "pending", "2026-03-05");
	struct px_error err;
	px_error_clear(&err);

	assert_int_equal(journal_begin(f->j, &err), 0);
	int64_t e = add_entry(f->j, "2026-03-10 08:00:00", "Follow-up run");
	int64_t next = plan(f->j, e, "next step", "2026-03-17");
	assert_int_equal(action_follow_up(f->j, pending, e, OUTCOME_WORKED, NULL, &err), 0);
	/* Inside the transaction the writes are visible. */
	expect_outcome(f->j, pending, ACTION_DONE, OUTCOME_WORKED, e, "2026-03-05");
	assert_int_equal(action_add(f->j, e, "", "2026-03-17", NULL, -1, NULL, &err), -1);
	journal_rollback(f->j);

	expect_outcome(f->j, pending, ACTION_OPEN, OUTCOME_NONE, 0, "2026-03-05");
	struct action a;
	px_error_clear(&err);
	assert_int_equal(action_get(f->j, next, &a, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	int64_t entries = -1;
	assert_int_equal(entry_count(f->j, &entries, &err), 0);
	assert_int_equal(entries, 1);
	assert_int_equal(count_actions(f->j), 1);
}

/* A refusal is decided before writing, so the caller's transaction is
 * still good: the caller may fix the input and commit. */
static void test_refusal_keeps_caller_transaction(void **state)
{
	struct journal_fixture *f = *state;
	int64_t e = add_entry(f->j, "2026-03-01 10:00:00", "Plans");
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(journal_begin(f->j, &err), 0);
	int64_t kept = plan(f->j, e, "kept", "2026-03-05");
	assert_int_equal(action_add(f->j, e, "bad date", "2026-02-31", NULL, -1, NULL, &err), -1);
	px_error_clear(&err);
	assert_int_equal(action_follow_up(f->j, kept, 99, OUTCOME_WORKED, NULL, &err), -1);
	px_error_clear(&err);
	assert_int_equal(journal_commit(f->j, &err), 0);
	expect_outcome(f->j, kept, ACTION_OPEN, OUTCOME_NONE, 0, "2026-03-05");
}


/* ---- import ---------------------------------------------------------------------- */

static struct action imported(int64_t planner, int64_t follower, enum action_status status,
			      enum action_outcome outcome)
{
	struct action a;
	memset(&a, 0, sizeof a);
	snprintf(a.uuid, sizeof a.uuid, "11111111-1111-4111-8111-111111111111");
	a.text = (char *)"brief Sam in person";
	snprintf(a.due_date, sizeof a.due_date, "2026-03-09");
	a.status = status;
	a.outcome = outcome;
	a.planned_by = planner;
	a.followed_up_by = follower;
	a.follow_up_template = (char *)"kolb";
	a.position = 2;
	snprintf(a.created_at, sizeof a.created_at, "2026-03-02 10:00:00Z");
	snprintf(a.updated_at, sizeof a.updated_at, "2026-03-09 18:00:00Z");
	return a;
}

static void test_import_keeps_everything(void **state)
{
	struct journal_fixture *f = *state;
	int64_t planner = add_entry(f->j, "2026-03-02 10:00:00", "Plan");
	int64_t later = add_entry(f->j, "2026-03-09 17:00:00", "Follow-up");
	struct action a = imported(planner, later, ACTION_DONE, OUTCOME_MIXED);
	int64_t id, found;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(action_import(f->j, &a, &id, &err), 0);
	assert_int_equal(action_find_uuid(f->j, a.uuid, &found, &err), 0);
	assert_int_equal(found, id);
	struct action got;
	assert_int_equal(action_get(f->j, id, &got, &err), 0);
	assert_string_equal(got.text, "brief Sam in person");
	assert_int_equal(got.status, ACTION_DONE);
	assert_int_equal(got.outcome, OUTCOME_MIXED);
	assert_int_equal(got.followed_up_by, later);
	assert_string_equal(got.follow_up_template, "kolb");
	assert_int_equal(got.position, 2);
	assert_string_equal(got.created_at, "2026-03-02 10:00:00Z");
	assert_string_equal(got.updated_at, "2026-03-09 18:00:00Z");
	action_free(&got);
	assert_int_equal(action_find_uuid(f->j, "22222222-2222-4222-8222-222222222222", &found, &err),
			 0);
	assert_int_equal(found, 0);
}

static const char *import_refusal(struct journal_fixture *f, const struct action *a)
{
	static char out[PX_ERROR_MSG_MAX];
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(action_import(f->j, a, NULL, &err), -1);
	snprintf(out, sizeof out, "%s", err.msg);
	return out;
}

static void test_import_refusals(void **state)
{
	struct journal_fixture *f = *state;
	int64_t planner = add_entry(f->j, "2026-03-02 10:00:00", "Plan");
	struct action a = imported(planner, 0, ACTION_DONE, OUTCOME_NOT_YET);
	assert_string_equal(import_refusal(f, &a),
			    "an action that is done cannot have the outcome 'not-yet'");
	a = imported(planner, 0, ACTION_OPEN, OUTCOME_WORKED);
	assert_string_equal(import_refusal(f, &a),
			    "an action that is open cannot have the outcome 'worked'");
	a = imported(planner, planner, ACTION_DONE, OUTCOME_WORKED);
	assert_string_equal(import_refusal(f, &a),
			    "an action cannot be followed up by the entry that planned it");
	a = imported(99, 0, ACTION_OPEN, OUTCOME_NONE);
	assert_string_equal(import_refusal(f, &a), "entry 99: no such entry");
	a = imported(planner, 0, ACTION_OPEN, OUTCOME_NONE);
	a.position = -1;
	assert_string_equal(import_refusal(f, &a), "the position -1 is negative");
	a = imported(planner, 0, ACTION_OPEN, OUTCOME_NONE);
	snprintf(a.uuid, sizeof a.uuid, "not-a-uuid");
	assert_string_equal(import_refusal(f, &a), "'not-a-uuid' is not a UUID");
	a = imported(planner, 0, ACTION_OPEN, OUTCOME_NONE);
	snprintf(a.created_at, sizeof a.created_at, "2026-03-02");
	assert_string_equal(import_refusal(f, &a),
			    "created_at '2026-03-02' is not a UTC time (YYYY-MM-DD HH:MM:SSZ)");
	a = imported(planner, 0, ACTION_DROPPED, OUTCOME_DROPPED);
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(action_import(f->j, &a, NULL, &err), 0);
	assert_string_equal(import_refusal(f, &a),
			    "action 11111111-1111-4111-8111-111111111111 is already in the journal");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		JOURNAL_TEST(test_add_and_get),
		JOURNAL_TEST(test_import_keeps_everything),
		JOURNAL_TEST(test_import_refusals),
		JOURNAL_TEST(test_add_refusals),
		JOURNAL_TEST(test_due_upcoming_and_overdue),
		JOURNAL_TEST(test_due_first),
		JOURNAL_TEST(test_each_outcome),
		JOURNAL_TEST(test_follow_up_refusals),
		cmocka_unit_test(test_outcome_names),
		JOURNAL_TEST(test_caller_rollback_leaves_nothing),
		JOURNAL_TEST(test_refusal_keeps_caller_transaction),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
