/*
 * test_review.c — the review of a period (src/core/review*.c) over a small
 * journal built here with known themes, rising and falling tags, known
 * cycles and scale answers, asserting the exact figures; plus empty and
 * one-entry periods, a period across the new year and a DST change, scopes,
 * entries written out of order, invalid periods and the facts by name.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

#include "praxis/action.h"
#include "praxis/answer.h"
#include "praxis/entry.h"
#include "praxis/inquiry.h"
#include "praxis/journal.h"
#include "praxis/review.h"
#include "praxis/template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct fixture {
	struct sandbox box;
	struct journal *j;
	int64_t inquiry;
};

static int64_t add(struct journal *j, enum entry_frame frame, const char *when, const char *title,
		   const char *body, int64_t inquiry)
{
	int period = frame == FRAME_PERIOD;
	return fixture_add(j, &(struct entry_spec){
		.frame = frame, .when = when, .title = title, .body = body, .inquiry = inquiry,
		.period_start = period ? "2026-03-16" : NULL, .period_end = period ? "2026-03-22" : NULL,
	});
}

static void confidence(struct journal *j, int64_t entry, double value)
{
	struct answer a = { .step_id = "confidence", .kind = "scale", .value_text = "x",
			    .has_num = 1, .value_num = value, .measure = "confidence" };
	assert_int_equal(answer_add(j, entry, &a, NULL), 0);
}

/* February: meetings twice, feedback once, Sam once.  March: delegation
 * four times (two incidents), handover twice, Sam twice, Jo once, a weekly
 * review; three actions: one worked, one overdue, one dropped. */
static void build(struct fixture *f)
{
	struct journal *j = f->j;
	struct px_error err;
	px_error_clear(&err);
	add(j, FRAME_NOTE, "2025-03-31 20:00:00", "A year back", "Long ago.", 0);
	/* The rest of the journal, for the distinctive terms to stand out from. */
	static const char *const filler[] = {
		"The budget meeting ran long and the rota slipped again.",
		"Quiet shift, time to read about coaching and the rota.",
		"Supervision with my mentor about workload and the budget.",
		"A good conversation about appraisals and training plans.",
		"Read a chapter on motivation; the rota is still a puzzle.",
		"Training day on safeguarding, long but useful.",
	};
	for (int i = 0; i < 18; i++) {
		char when[20];
		snprintf(when, sizeof when, "2025-%02d-10 09:00:00", 4 + i % 8);
		add(j, FRAME_NOTE, when, "", filler[i % 6], 0);
	}
	add(j, FRAME_NOTE, "2026-02-03 09:00:00", "", "Planning the week with @Sam. #meetings", 0);
	add(j, FRAME_NOTE, "2026-02-10 09:00:00", "", "Another long agenda. #meetings", 0);
	add(j, FRAME_INCIDENT, "2026-02-17 09:00:00", "", "Feedback on the audit. #feedback", 0);
	assert_int_equal(inquiry_new(j, "How do I delegate well?", "2026-03-01 08:00:00", NULL,
				     &err), 0);
	f->inquiry = 1;
	int64_t a = add(j, FRAME_INCIDENT, "2026-03-02 10:00:00", "Handover",
			"Delegation went wrong with @Sam. #delegation #handover", 0);
	int64_t b = add(j, FRAME_NOTE, "2026-03-03 10:00:00", "",
			"Delegating the rota to @Sam. #delegation", 0);
	int64_t c = add(j, FRAME_INQUIRY, "2026-03-04 10:00:00", "",
			"Another delegation question with @Jo. #delegation #handover", 1);
	int64_t d = add(j, FRAME_INCIDENT, "2026-03-06 10:00:00", "The difficult meeting",
			"The difficult meeting about delegation. #meetings #delegation", 1);
	int64_t e = add(j, FRAME_PERIOD, "2026-03-20 18:00:00", "Week 12",
			"Weekly look back. #reflection", 0);
	int64_t gone = add(j, FRAME_NOTE, "2026-03-21 10:00:00", "", "Trashed #delegation", 0);
	assert_int_equal(entry_trash(j, gone, &err), 0);
	confidence(j, a, 2);
	confidence(j, c, 3);
	confidence(j, d, 4);
	int64_t x, y, z;
	assert_int_equal(action_add(j, a, "Brief Sam in person", "2026-03-05", NULL, 0, &x, &err), 0);
	assert_int_equal(action_add(j, b, "Write the checklist", "2026-03-08", NULL, 0, &y, &err), 0);
	assert_int_equal(action_add(j, c, "Ask Jo first", "2026-03-25", NULL, 0, &z, &err), 0);
	assert_int_equal(action_follow_up(j, x, d, OUTCOME_WORKED, NULL, &err), 0);
	assert_int_equal(action_follow_up(j, z, e, OUTCOME_DROPPED, NULL, &err), 0);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	*state = f;
	f->j = sandbox_open(&f->box, "review", "2026-04-02T09:00:00");
	return f->j ? 0 : -1;
}

static int setup_built(void **state)
{
	if (setup(state) < 0)
		return -1;
	build(*state);
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int rc = sandbox_close(&f->box, f->j);
	free(f);
	return rc;
}

static struct review *review(struct fixture *f, const char *period, const char *tag, int frame,
			     int64_t inquiry)
{
	struct review_options o;
	review_options_init(&o);
	o.period = period;
	o.tag = tag;
	o.frame = frame;
	o.inquiry_id = inquiry;
	struct review *r = NULL;
	struct px_error err;
	px_error_clear(&err);
	if (review_compute(f->j, &o, &r, &err) < 0)
		fail_msg("review_compute(%s): %s", period, err.msg);
	return r;
}

static const struct review_count *count_of(const struct review_count *c, size_t n,
					   const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(c[i].name, name) == 0)
			return &c[i];
	return NULL;
}

static void expect_count(const struct review_count *c, size_t n, const char *name, int now,
			 int prev, enum review_change change)
{
	const struct review_count *rc = count_of(c, n, name);
	if (!rc)
		fail_msg("no count for '%s'", name);
	assert_int_equal(rc->count, now);
	assert_int_equal(rc->prev, prev);
	assert_int_equal(rc->change, change);
}

/* ---- the month --------------------------------------------------------------- */

static void test_activity_and_names(void **state)
{
	struct fixture *f = *state;
	struct review *r = review(f, "2026-03", NULL, -1, 0);
	assert_string_equal(r->label, "March 2026");
	assert_string_equal(r->previous_label, "February 2026");
	assert_int_equal(r->entries, 5);
	assert_int_equal(r->previous_entries, 3);
	assert_int_equal(r->per_frame[FRAME_NOTE], 1);
	assert_int_equal(r->per_frame[FRAME_INCIDENT], 2);
	assert_int_equal(r->per_frame[FRAME_INQUIRY], 1);
	assert_int_equal(r->per_frame[FRAME_PERIOD], 1);
	assert_int_equal(r->days_journaled, 5);
	assert_int_equal(r->longest_streak, 3);
	assert_string_equal(r->streak_from, "2026-03-02");
	assert_string_equal(r->streak_to, "2026-03-04");
	assert_int_equal(r->n_days, 31);
	assert_int_equal(r->n_days_so_far, 31);
	assert_int_equal(r->daily[1], 1);             /* 2 March */
	assert_int_equal(r->daily[20], 0);            /* 21 March: only a trashed entry */
	expect_count(r->tags, r->n_tags, "delegation", 4, 0, REVIEW_NEW);
	expect_count(r->tags, r->n_tags, "handover", 2, 0, REVIEW_NEW);
	expect_count(r->tags, r->n_tags, "meetings", 1, 2, REVIEW_FALLING);
	expect_count(r->tags, r->n_tags, "reflection", 1, 0, REVIEW_NEW);
	expect_count(r->tags, r->n_tags, "feedback", 0, 1, REVIEW_GONE);
	assert_string_equal(r->tags[0].name, "delegation");   /* most first */
	assert_string_equal(r->tags[r->n_tags - 1].name, "feedback");   /* gone last */
	assert_int_equal(r->tags[0].incidents, 2);
	assert_int_equal(r->tags[0].n_entries, 4);
	assert_int_equal(r->tags[0].entries[0], 26);     /* newest first: 6 March */
	expect_count(r->people, r->n_people, "Sam", 2, 1, REVIEW_RISING);
	expect_count(r->people, r->n_people, "Jo", 1, 0, REVIEW_NEW);
	assert_int_equal(r->n_pairs, 1);
	assert_string_equal(r->pairs[0].a, "delegation");
	assert_string_equal(r->pairs[0].b, "handover");
	assert_int_equal(r->pairs[0].count, 2);
	review_free(r);
}

/* A tag a template puts on every entry it makes recurs because the
 * template was used: with the templates known it is still counted, but is
 * no theme and pairs with nothing (without them, test_cycle_measures_themes
 * has #delegation as a theme). */
/* An entry of March written with template TEMPLATE (installed or not). */
static int64_t add_templated(struct journal *j, const char *when, const char *template,
			     const char *body)
{
	struct entry e;
	struct px_error err;
	px_error_clear(&err);
	entry_init(&e);
	entry_set(&e.body, body);
	snprintf(e.occurred_at, sizeof e.occurred_at, "%s", when);
	entry_set(&e.template_id, template);
	e.template_version = 1;
	if (entry_add(j, &e, &err) < 0)
		fail_msg("entry_add: %s", err.msg);
	int64_t id = e.id;
	entry_free(&e);
	return id;
}

static void write_template(const char *dir, const char *id, const char *tags)
{
	char path[400];
	snprintf(path, sizeof path, "%s/%s.yaml", dir, id);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fprintf(fp, "praxis_template: 1\nid: %s\nversion: 1\nname: Review %s\n"
		"summary: For the review tests.\nframes: [note]\ntags: [%s]\nsteps:\n"
		"  - id: what\n    kind: text\n    title: What\n    prompt: What happened?\n",
		id, id, tags);
	assert_int_equal(fclose(fp), 0);
}

static const struct review_theme *theme_named(const struct review *r, const char *name)
{
	for (size_t i = 0; i < r->n_themes; i++)
		if (strcmp(r->themes[i].name, name) == 0)
			return &r->themes[i];
	return NULL;
}

/* A tag an entry's own template put on it is counted under Tags but is no
 * theme and pairs with nothing; the same tag typed elsewhere still is. */
static void test_template_tags_are_no_themes(void **state)
{
	struct fixture *f = *state;
	char dir[300];
	snprintf(dir, sizeof dir, "%s/templates", f->box.dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	write_template(dir, "handover-review", "Delegation, handover");
	write_template(dir, "quiet-review", "quiet");
	struct template_diags *d = template_diags_new();
	struct template_dir td = { dir, TEMPLATE_SOURCE_USER };
	struct template_set *set = template_set_load(&td, 1, d);
	assert_int_equal(template_diags_errors(d), 0);
	template_diags_free(d);
	assert_non_null(template_set_find(set, "handover-review"));

	struct review_options o;
	review_options_init(&o);
	o.period = "2026-03";
	o.templates = set;
	struct review *r = NULL;
	struct px_error err;
	px_error_clear(&err);
	/* No entry was written with a template: the declared tags typed by
	 * hand are themes and pairs as ever. */
	assert_int_equal(review_compute(f->j, &o, &r, &err), 0);
	assert_non_null(theme_named(r, "#delegation"));
	assert_int_equal(theme_named(r, "#delegation")->entries, 4);
	assert_int_equal(r->n_pairs, 1);
	assert_int_equal(r->pairs[0].count, 2);
	review_free(r);

	/* Three entries of the template, which tags them itself; one of
	 * another template, tagged #handover by hand; one of a template no
	 * longer installed. */
	for (int i = 0; i < 3; i++)
		add_templated(f->j, "2026-03-10 10:00:00", "handover-review",
			      "A handover review. #handover #delegation");
	int64_t quiet = add_templated(f->j, "2026-03-11 10:00:00", "quiet-review",
				      "A quiet review about a #handover.");
	add_templated(f->j, "2026-03-12 10:00:00", "gone-review", "Gone template. #handover");
	assert_int_equal(review_compute(f->j, &o, &r, &err), 0);
	expect_count(r->tags, r->n_tags, "delegation", 7, 0, REVIEW_NEW);
	expect_count(r->tags, r->n_tags, "handover", 7, 0, REVIEW_NEW);
	const struct review_theme *t = theme_named(r, "#delegation");
	assert_non_null(t);
	assert_int_equal(t->entries, 4);   /* the four typed by hand */
	t = theme_named(r, "#handover");
	assert_non_null(t);
	assert_int_equal(t->entries, 3);   /* two by hand, one of quiet-review */
	assert_int_equal(t->n_entry_ids, 3);
	assert_int_equal(t->entry_ids[0], quiet);
	/* The template's entries do not make delegation and handover a pair
	 * of five. */
	assert_int_equal(r->n_pairs, 1);
	assert_int_equal(r->pairs[0].count, 2);
	review_free(r);
	template_set_free(set);
}

static void test_cycle_measures_themes(void **state)
{
	struct fixture *f = *state;
	struct review *r = review(f, "2026-03", NULL, -1, 0);
	assert_int_equal(r->cycle.planned, 3);
	assert_int_equal(r->cycle.followed_up, 2);
	assert_int_equal(r->cycle.dropped, 1);
	assert_int_equal(r->cycle.due, 3);
	assert_int_equal(r->cycle.closed, 2);
	assert_int_equal(r->cycle.overdue, 1);
	assert_true(r->cycle.closed_pct > 66.6 && r->cycle.closed_pct < 66.7);
	assert_int_equal(r->n_measures, 1);
	assert_string_equal(r->measures[0].name, "confidence");
	assert_int_equal(r->measures[0].n, 3);
	assert_true(r->measures[0].mean == 3.0);
	assert_string_equal(r->measures[0].trend, "rising");
	assert_string_equal(r->measures[0].points[0].date, "2026-03-02");
	/* Recurring themes: in at least three entries. */
	assert_true(r->n_themes >= 1);
	assert_string_equal(r->themes[0].name, "#delegation");
	assert_int_equal(r->themes[0].entries, 4);
	assert_int_equal(r->themes[0].incidents, 2);
	bool term = false;
	for (size_t i = 0; i < r->n_themes; i++)
		term = term || (r->themes[i].kind == REVIEW_THEME_TERM &&
				strcmp(r->themes[i].name, "delegation") == 0);
	assert_true(term);                            /* the word, stems merged */
	/* On this day: a year before the period's last day. */
	assert_int_equal(r->n_on_this_day, 1);
	assert_string_equal(r->on_this_day[0].title, "A year back");
	assert_string_equal(r->on_this_day[0].ago, "a year ago");
	review_free(r);
}

static void test_distinctive_terms(void **state)
{
	struct fixture *f = *state;
	struct review *r = review(f, "2026-03", NULL, -1, 0);
	assert_true(r->n_terms >= 1);
	assert_string_equal(r->terms[0].term, "delegation");   /* the commonest spelling */
	assert_int_equal(r->terms[0].entries, 4);              /* Delegation, Delegating, … */
	assert_int_equal(r->terms[0].n_entry_ids, 4);
	assert_true(r->terms[0].z > REVIEW_MIN_TERM_Z);
	for (size_t i = 0; i < r->n_terms; i++) {
		assert_true(r->terms[i].entries >= REVIEW_MIN_TERM_ENTRIES);
		assert_null(strstr(r->terms[i].term, "the "));  /* stop words never count */
		if (i)
			assert_true(r->terms[i - 1].z >= r->terms[i].z);
	}
	bool phrase = false;
	for (size_t i = 0; i < r->n_terms; i++)
		phrase = phrase || (r->terms[i].phrase && strcmp(r->terms[i].term, "difficult meeting") == 0);
	assert_false(phrase);                         /* in one entry only: not distinctive */
	assert_false(r->sampled);
	assert_int_equal(r->text_entries, 5);
	review_free(r);
}

static void test_scopes(void **state)
{
	struct fixture *f = *state;
	struct review *r = review(f, "2026-03", "delegation", -1, 0);
	assert_int_equal(r->entries, 4);
	assert_int_equal(r->cycle.planned, 3);
	review_free(r);
	r = review(f, "2026-03", NULL, FRAME_INCIDENT, 0);
	assert_int_equal(r->entries, 2);
	assert_int_equal(r->previous_entries, 1);
	expect_count(r->tags, r->n_tags, "feedback", 0, 1, REVIEW_GONE);
	review_free(r);
	r = review(f, "2026-03", NULL, -1, f->inquiry);
	assert_int_equal(r->entries, 2);
	assert_int_equal(r->cycle.planned, 1);
	assert_int_equal(r->cycle.dropped, 0);
	review_free(r);
	struct review_options o;
	review_options_init(&o);
	o.period = "2026-03";
	o.inquiry_id = 9;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(review_compute(f->j, &o, &r, &err), -1);
	assert_string_equal(err.msg, "inquiry 9: no such inquiry");
	assert_null(r);
}

/* ---- facts ------------------------------------------------------------------------ */

static void test_facts(void **state)
{
	struct fixture *f = *state;
	struct review *r = review(f, "2026-03", NULL, -1, 0);
	double num = 0;
	const char *text = NULL;
	const char *const *items = NULL;
	size_t n = 0;
	assert_int_equal(review_fact(r, "entries_count", &num, &text, &items, &n), 0);
	assert_true(num == 5);
	assert_int_equal(review_fact(r, "summary", &num, &text, &items, &n), 1);
	assert_string_equal(text, "5 entries, 40 words, 5 days written, longest streak 3 days");
	assert_int_equal(review_fact(r, "top_rising_tag", &num, &text, &items, &n), 1);
	assert_string_equal(text, "delegation");
	assert_int_equal(review_fact(r, "top_rising_tag_count", &num, &text, &items, &n), 0);
	assert_true(num == 4);
	assert_int_equal(review_fact(r, "new_tags", &num, &text, &items, &n), 2);
	assert_int_equal(n, 3);
	assert_string_equal(items[0], "delegation");
	assert_int_equal(review_fact(r, "gone_tags", &num, &text, &items, &n), 2);
	assert_int_equal(n, 1);
	assert_string_equal(items[0], "feedback");
	assert_int_equal(review_fact(r, "recurring_themes", &num, &text, &items, &n), 2);
	assert_string_equal(items[0], "#delegation");
	assert_int_equal(review_fact(r, "frequent_people", &num, &text, &items, &n), 2);
	assert_string_equal(items[0], "@Sam (2)");
	assert_int_equal(review_fact(r, "actions_overdue", &num, &text, &items, &n), 0);
	assert_true(num == 1);
	assert_int_equal(review_fact(r, "measure.confidence.mean", &num, &text, &items, &n), 0);
	assert_true(num == 3);
	assert_int_equal(review_fact(r, "measure.confidence.trend", &num, &text, &items, &n), 1);
	assert_string_equal(text, "rising");
	assert_int_equal(review_fact(r, "measure.calm.mean", &num, &text, &items, &n), -1);
	assert_int_equal(review_fact(r, "no_such_fact", &num, &text, &items, &n), -1);
	assert_int_equal(review_fact(r, "on_this_day", &num, &text, &items, &n), 2);
	assert_int_equal(n, 1);
	assert_string_equal(items[0], "2025-03-31 (a year ago): A year back");
	review_free(r);
}

/* ---- edges ------------------------------------------------------------------------ */

static void test_empty_and_single(void **state)
{
	struct fixture *f = *state;
	struct review *r = review(f, "2030-01", NULL, -1, 0);
	assert_int_equal(r->entries, 0);
	assert_int_equal(r->n_tags, 0);
	assert_int_equal(r->n_terms, 0);
	assert_int_equal(r->n_themes, 0);
	assert_int_equal(r->longest_streak, 0);
	assert_int_equal(r->n_days_so_far, 0);        /* the period has not begun */
	double num;
	const char *text;
	const char *const *items;
	size_t n;
	assert_int_equal(review_fact(r, "top_rising_tag", &num, &text, &items, &n), -1);
	assert_int_equal(review_fact(r, "new_tags", &num, &text, &items, &n), 2);
	assert_int_equal(n, 0);
	review_free(r);
	r = review(f, "2026-03-20", NULL, -1, 0);
	assert_int_equal(r->entries, 1);
	assert_int_equal(r->n_days, 1);
	assert_int_equal(r->longest_streak, 1);
	assert_string_equal(r->previous_label, "Thu 19 Mar 2026");
	review_free(r);
}

static void test_new_year_and_dst(void **state)
{
	struct fixture *f = *state;
	add(f->j, FRAME_NOTE, "2025-12-31 22:00:00", "", "Old year #review", 0);
	add(f->j, FRAME_NOTE, "2026-01-01 08:00:00", "", "New year #review", 0);
	struct review *r = review(f, "2026-W01", NULL, -1, 0);
	char from[11], to[11];
	date_format(&r->period.from, from);
	date_format(&r->period.to, to);
	assert_string_equal(from, "2025-12-29");
	assert_string_equal(to, "2026-01-04");
	assert_int_equal(r->entries, 2);
	assert_int_equal(r->longest_streak, 2);
	assert_int_equal(r->n_days, 7);
	review_free(r);
	/* The clocks go forward on 29 March in London: still fourteen days. */
	char *tz = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	setenv("TZ", "Europe/London", 1);
	r = review(f, "2026-03-23..2026-04-05", NULL, -1, 0);
	assert_int_equal(r->n_days, 14);
	review_free(r);
	if (tz)
		setenv("TZ", tz, 1);
	else
		unsetenv("TZ");
	free(tz);
}

static void expect_bad_period(struct fixture *f, const char *period)
{
	struct review_options o;
	review_options_init(&o);
	o.period = period;
	struct review *r = NULL;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(review_compute(f->j, &o, &r, &err), -1);
	assert_int_equal(err.code, PX_ERR_INVALID);
	assert_non_null(strstr(err.msg, period[0] ? period : "no"));
	assert_null(r);
}

static void test_invalid_periods(void **state)
{
	struct fixture *f = *state;
	expect_bad_period(f, "fortnight");
	expect_bad_period(f, "2026-13");
	expect_bad_period(f, "2026-W60");
	expect_bad_period(f, "2026-03-10..2026-03-01");
}

/* Entries written out of time order (an import, backdating) spread the ids
 * of a period far apart: the figures must not change. */
static void test_spread_ids(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(journal_begin(f->j, NULL), 0);
	for (int i = 0; i < 1200; i++)
		add(f->j, FRAME_NOTE, "2020-06-01 09:00:00", "", "filler #old", 0);
	assert_int_equal(journal_commit(f->j, NULL), 0);
	add(f->j, FRAME_NOTE, "2026-03-07 09:00:00", "", "Late entry on #delegation with @Sam", 0);
	struct review *r = review(f, "2026-03", NULL, -1, 0);
	assert_int_equal(r->entries, 6);
	expect_count(r->tags, r->n_tags, "delegation", 5, 0, REVIEW_NEW);
	expect_count(r->people, r->n_people, "Sam", 3, 1, REVIEW_RISING);
	assert_int_equal(r->longest_streak, 3);
	review_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_activity_and_names, setup_built, teardown),
		cmocka_unit_test_setup_teardown(test_cycle_measures_themes, setup_built, teardown),
		cmocka_unit_test_setup_teardown(test_template_tags_are_no_themes, setup_built, teardown),
		cmocka_unit_test_setup_teardown(test_distinctive_terms, setup_built, teardown),
		cmocka_unit_test_setup_teardown(test_scopes, setup_built, teardown),
		cmocka_unit_test_setup_teardown(test_facts, setup_built, teardown),
		cmocka_unit_test_setup_teardown(test_empty_and_single, setup_built, teardown),
		cmocka_unit_test_setup_teardown(test_new_year_and_dst, setup_built, teardown),
		cmocka_unit_test_setup_teardown(test_invalid_periods, setup_built, teardown),
		cmocka_unit_test_setup_teardown(test_spread_ids, setup_built, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
