/*
 * test_demo.c — the demo loader (src/core/demo.c) over the test templates
 * in tests/templates/good: a small script builds the entries, actions,
 * follow-ups and inquiry links it describes, each on its own day; and
 * every kind of refusal (a key not defined above, an answer the engine
 * refuses, a file that is not YAML, a script of the wrong shape) names
 * its place in the script and leaves the journal exactly as empty as it
 * was.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

#include "praxis/action.h"
#include "praxis/demo.h"
#include "praxis/draft.h"
#include "praxis/entry.h"
#include "praxis/inquiry.h"
#include "praxis/journal.h"
#include "praxis/template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct fixture {
	struct sandbox box;
	struct journal *j;
	struct template_set *set;
};

/* Day 0 of every script here; the process clock says something else. */
static const struct px_datetime today = { { 2026, 3, 10 }, 9, 0, 0, 1 };

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	*state = f;
	f->j = sandbox_open(&f->box, "demo", "2030-01-01T09:00:00");
	if (!f->j)
		return -1;
	f->set = fixture_good_templates();
	return f->set ? 0 : -1;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int rc = sandbox_close(&f->box, f->j);
	template_set_free(f->set);
	free(f);
	return rc;
}

/* ---- helpers ------------------------------------------------------------------ */

static int count_one(const void *item, void *ctx)
{
	(void)item;
	(*(int *)ctx)++;
	return 0;
}
static int count_action(const struct action *a, void *ctx) { return count_one(a, ctx); }
static int count_inquiry(const struct inquiry *q, void *ctx) { return count_one(q, ctx); }
static int count_draft(const struct draft *d, void *ctx) { return count_one(d, ctx); }

/* Entries, inquiries, open actions and drafts, as "e/i/a/d". */
static const char *contents(struct fixture *f)
{
	static char out[64];
	int64_t entries = 0;
	int inquiries = 0, actions = 0, drafts = 0;
	assert_int_equal(entry_count(f->j, &entries, NULL), 0);
	assert_true(inquiry_list(f->j, INQUIRY_ALL, count_inquiry, &inquiries, NULL) >= 0);
	assert_true(action_list_due(f->j, "2035-01-01", 0, count_action, &actions, NULL) >= 0);
	assert_true(draft_list(f->j, count_draft, &drafts, NULL) >= 0);
	snprintf(out, sizeof out, "%lld/%d/%d/%d", (long long)entries, inquiries, actions, drafts);
	return out;
}

static struct entry get_entry(struct fixture *f, int64_t id)
{
	struct entry en;
	struct px_error err;
	px_error_clear(&err);
	if (entry_get(f->j, id, &en, &err) < 0)
		fail_msg("entry %lld: %s", (long long)id, err.msg);
	return en;
}

static struct action get_action(struct fixture *f, int64_t id)
{
	struct action a;
	struct px_error err;
	px_error_clear(&err);
	if (action_get(f->j, id, &a, &err) < 0)
		fail_msg("action %lld: %s", (long long)id, err.msg);
	return a;
}

static bool has(const struct px_strlist *l, const char *s)
{
	for (size_t i = 0; i < l->len; i++)
		if (strcmp(l->items[i], s) == 0)
			return true;
	return false;
}

/* ---- a script that builds ------------------------------------------------------------ */

static const char good[] =
	"praxis_demo: 1\n"
	"about: A team leader, three weeks in\n"
	"entries:\n"
	"  - day: -20\n"
	"    time: \"18:30\"\n"
	"    template: mini-reflect\n"
	"    opens: handover\n"
	"    actions: [brief-sam, checklist]\n"
	"    answers:\n"
	"      account: \"The handover to @Sam went wrong. #handover\"\n"
	"      intensity: 3\n"
	"      check: challenged\n"
	"      plan:\n"
	"        - {text: Brief Sam in person, due: +3d}\n"
	"        - {text: Write a checklist}\n"
	"  - day: -18\n"
	"    note: \"Talked it over with @Jo. #handover\"\n"
	"    title: A word with Jo\n"
	"    tags: [support]\n"
	"  - day: -17\n"
	"    template: mini-follow\n"
	"    follows: brief-sam\n"
	"    actions: [share]\n"
	"    answers:\n"
	"      outcome: worked\n"
	"      learned: Asking works better than telling.\n"
	"      next: [{text: Share the checklist, due: +7d}]\n"
	"  - day: -16\n"
	"    template: mini-follow\n"
	"    follows: checklist\n"
	"    answers: {outcome: not-yet, new_due: +5d}\n"
	"  - day: -10\n"
	"    template: mini-inquiry\n"
	"    inquiry: handover\n"
	"    answers: {next_try: Ask before telling}\n"
	"  - day: -3\n"
	"    note: A quiet week.\n"
	"    frame: period\n"
	"  - day: 0\n"
	"    time: \"08:00\"\n"
	"    template: mini-review\n"
	"    title: March so far\n"
	"    answers:\n"
	"      next_focus: Keep asking first\n";

static void test_builds_entries_actions_and_links(void **state)
{
	struct fixture *f = *state;
	struct demo_stats st;
	struct px_error err;
	px_error_clear(&err);
	if (demo_build(f->j, f->set, good, strlen(good), "demo.yaml", &today, &st, &err) < 0)
		fail_msg("demo_build: %s (line %d)", err.msg, err.line);
	assert_int_equal(st.entries, 7);
	assert_int_equal(st.guided, 5);
	assert_int_equal(st.actions, 3);
	assert_int_equal(st.follow_ups, 2);
	assert_int_equal(st.inquiries, 1);
	assert_string_equal(st.about, "A team leader, three weeks in");
	assert_string_equal(contents(f), "7/1/2/0");  /* actions 2 and 3 stay open */

	/* Each entry on its own day, with its dates resolved from that day. */
	struct entry en = get_entry(f, 1);
	assert_string_equal(en.occurred_at, "2026-02-18 18:30:00");
	assert_string_equal(en.template_id, "mini-reflect");
	assert_int_equal(en.inquiry_id, 1);           /* opens: handover */
	assert_true(has(&en.tags, "handover"));       /* from the quoted answer */
	entry_free(&en);
	struct action a = get_action(f, 1);
	assert_string_equal(a.text, "Brief Sam in person");
	assert_string_equal(a.due_date, "2026-02-21");
	assert_int_equal(a.status, ACTION_DONE);
	assert_int_equal(a.outcome, OUTCOME_WORKED);
	assert_int_equal(a.followed_up_by, 3);        /* follows: brief-sam */
	action_free(&a);
	a = get_action(f, 2);                         /* not-yet: open, moved on */
	assert_int_equal(a.status, ACTION_OPEN);
	assert_string_equal(a.due_date, "2026-02-27");
	assert_int_equal(a.followed_up_by, 4);
	action_free(&a);
	a = get_action(f, 3);                         /* the next cycle, keyed 'share' */
	assert_int_equal(a.planned_by, 3);
	assert_string_equal(a.due_date, "2026-02-28");
	action_free(&a);

	en = get_entry(f, 2);                         /* a plain note */
	assert_string_equal(en.occurred_at, "2026-02-20 12:00:00");
	assert_string_equal(en.title, "A word with Jo");
	assert_int_equal(en.frame, FRAME_NOTE);
	assert_null(en.template_id);
	assert_true(has(&en.tags, "support") && has(&en.tags, "handover"));
	assert_true(has(&en.people, "Jo"));
	entry_free(&en);

	en = get_entry(f, 3);                         /* a follow-up stays in the inquiry */
	assert_int_equal(en.frame, FRAME_INQUIRY);
	assert_int_equal(en.inquiry_id, 1);
	entry_free(&en);
	en = get_entry(f, 5);
	assert_int_equal(en.inquiry_id, 1);
	assert_string_equal(en.template_id, "mini-inquiry");
	entry_free(&en);
	en = get_entry(f, 6);                         /* the week of Sat 7 Mar */
	assert_int_equal(en.frame, FRAME_PERIOD);
	assert_string_equal(en.period_start, "2026-03-02");
	assert_string_equal(en.period_end, "2026-03-08");
	entry_free(&en);
	en = get_entry(f, 7);                         /* a review of the month of day 0 */
	assert_string_equal(en.occurred_at, "2026-03-10 08:00:00");
	assert_string_equal(en.title, "March so far");
	assert_string_equal(en.period_start, "2026-03-01");
	assert_string_equal(en.period_end, "2026-03-31");
	entry_free(&en);

	struct chain_totals t;
	assert_int_equal(inquiry_chain(f->j, 1, "2026-03-10", NULL, NULL, &t, &err), 0);
	assert_int_equal(t.steps, 4);                 /* planner, two follow-ups, a cycle */
	assert_int_equal(t.cycles_closed, 2);
	assert_int_equal(t.cycles_due, 2);
}

/* ---- refusals -------------------------------------------------------------------------- */

/* SCRIPT is refused with exactly MSG, and nothing of it is kept. */
static void expect_refused(struct fixture *f, const char *script, const char *msg)
{
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(demo_build(f->j, f->set, script, strlen(script), "demo.yaml", &today, NULL,
				    &err), -1);
	char line[PX_ERROR_WHERE_MAX + PX_ERROR_MSG_MAX + 32];
	px_error_format(&err, line, sizeof line);
	assert_string_equal(line, msg);
	assert_string_equal(contents(f), "0/0/0/0");
}

/* A first entry that writes an entry, an inquiry and an action, so each
 * refusal after it proves the rollback. */
#define FIRST                                                   \
	"praxis_demo: 1\n"                                      \
	"entries:\n"                                            \
	"  - day: -9\n"                                         \
	"    template: mini-reflect\n"                          \
	"    opens: handover\n"                                 \
	"    actions: [brief-sam]\n"                            \
	"    answers:\n"                                        \
	"      account: The handover went wrong.\n"             \
	"      plan: [{text: Brief Sam}]\n"

static void test_unknown_keys(void **state)
{
	struct fixture *f = *state;
	expect_refused(f, FIRST "  - day: -8\n    template: mini-follow\n    follows: brief-sem\n"
			  "    answers: {outcome: worked}\n",
		       "demo.yaml:12:14: no action 'brief-sem' above (did you mean 'brief-sam'?)");
	expect_refused(f, FIRST "  - day: -8\n    note: On power.\n    inquiry: power\n",
		       "demo.yaml:12:14: no inquiry 'power' above: an earlier entry must name it "
		       "with 'opens'");
	expect_refused(f, FIRST "  - day: -8\n    template: mini-follow\n    folows: brief-sam\n",
		       "demo.yaml:12:5: 'folows' is not a key of a demo entry (did you mean "
		       "'follows'?)");
	expect_refused(f, FIRST "  - day: -8\n    note: Again.\n    opens: handover\n",
		       "demo.yaml:12:5: 'opens' belongs to a guided entry (one with a template), "
		       "not a note");
	expect_refused(f, FIRST "  - day: -8\n    template: mini-reflect\n    opens: handover\n"
			  "    answers: {account: Again.}\n",
		       "demo.yaml:12:12: 'handover' already names an inquiry (line 5)");
	expect_refused(f, FIRST "  - day: -8\n    template: mini-reflect\n    actions: [a, b]\n"
			  "    answers: {account: Again., plan: [{text: One thing}]}\n",
		       "demo.yaml:12:14: actions: the entry planned 1 action, but the list names 2");
	expect_refused(f, FIRST "  - day: -8\n    template: mini-reflct\n",
		       "demo.yaml:11:15: no template 'mini-reflct' (did you mean 'mini-reflect'?)");
}

static void test_bad_answers(void **state)
{
	struct fixture *f = *state;
	expect_refused(f, FIRST "  - day: -8\n    template: mini-reflect\n"
			  "    answers:\n      account: Again.\n      intensity: 12\n",
		       "demo.yaml:14:18: step 'intensity': 12 is not on the scale 0 to 10");
	expect_refused(f, FIRST "  - day: -8\n    template: mini-reflect\n"
			  "    answers: {intensity: 2}\n",
		       "demo.yaml:12:14: step 'account': this step needs an answer");
	expect_refused(f, FIRST "  - day: -8\n    template: mini-follow\n    follows: brief-sam\n"
			  "    answers: {outcome: worke}\n",
		       "demo.yaml:13:24: step 'outcome': 'worke' is not one of the options (did you "
		       "mean 'worked'?)");
	/* A date an answer resolves against the entry's own day: min today. */
	expect_refused(f, FIRST "  - day: -8\n    template: mini-reflect\n"
			  "    answers: {account: Again., review_on: -1d}\n",
		       "demo.yaml:12:43: step 'review_on': 2026-03-01 is before the earliest date "
		       "allowed (today, 2026-03-02)");
	/* The follow-up of an action already closed. */
	expect_refused(f, FIRST "  - day: -8\n    template: mini-follow\n    follows: brief-sam\n"
			  "    answers: {outcome: worked}\n"
			  "  - day: -7\n    template: mini-follow\n    follows: brief-sam\n"
			  "    answers: {outcome: worked}\n",
		       "demo.yaml:14:5: action 1: already done; only an open action can be "
		       "followed up");
}

static void test_bad_files(void **state)
{
	struct fixture *f = *state;
	expect_refused(f, FIRST "  - day: -8\n    note: [unclosed\n",
		       "demo.yaml:12:1: did not find expected ',' or ']' (while parsing a flow "
		       "sequence at 11:11)");
	expect_refused(f, "entries: []\n",
		       "demo.yaml:1:1: praxis_demo: this praxis reads demo scripts of format 1");
	expect_refused(f, "praxis_demo: 2\nentries: []\n",
		       "demo.yaml:1:14: praxis_demo: this praxis reads demo scripts of format 1");
	expect_refused(f, "praxis_demo: 1\nentries: []\n",
		       "demo.yaml:2:10: entries: give a list of entries");
	expect_refused(f, "praxis_demo: 1\nentry: []\n",
		       "demo.yaml:2:1: 'entry' is not a key of a demo script (praxis_demo, about, "
		       "entries)");
	expect_refused(f, "praxis_demo: 1\nabout: [a, b]\nentries: []\n",
		       "demo.yaml:2:8: about: one line of text, under 256 bytes");
	expect_refused(f, "", "demo.yaml: a demo script is a mapping with 'praxis_demo: 1' and "
			      "'entries'");
	expect_refused(f, "praxis_demo: 1\nentries: [\xff]\n",
		       "demo.yaml: not valid UTF-8 (bad byte at offset 25)");
	/* The shape of each entry. */
	expect_refused(f, FIRST "  - day: -10\n    note: Earlier.\n",
		       "demo.yaml:10:5: the entries are in date order, and this one (day -10, "
		       "12:00) comes before the one above it");
	expect_refused(f, FIRST "  - day: 2\n    note: Tomorrow.\n",
		       "demo.yaml:10:10: day: '2' is not a whole number of days from -3660 to 0");
	expect_refused(f, FIRST "  - day: -8\n    time: \"24:00\"\n    note: Late.\n",
		       "demo.yaml:11:11: time: '24:00' is not a time of day (HH:MM, 00:00 to 23:59)");
	expect_refused(f, FIRST "  - day: -8\n    title: Nothing else\n",
		       "demo.yaml:10:5: an entry needs a template (a guided entry) or a note (a "
		       "plain one)");
	expect_refused(f, FIRST "  - day: -8\n    note: Kept.\n    frame: incidnt\n",
		       "demo.yaml:12:12: 'incidnt' is not a frame (did you mean 'incident'?)");
	expect_refused(f, FIRST "  - day: -8\n    note: Kept.\n    period: last week\n",
		       "demo.yaml:12:13: period: only a time-period entry (frame: period) has one");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_builds_entries_actions_and_links, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_answers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_files, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
