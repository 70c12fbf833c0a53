/*
 * test_engine.c — the prompt engine (src/core/engine*.c) over the test
 * templates in tests/templates/good: every kind, every condition shape,
 * going back over changed branches, drafts resumed after a simulated crash,
 * recall from each source, answers files, and the whole cycle plan → due
 * → follow-up → next action with the clock fixed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

#include "praxis/action.h"
#include "praxis/answer.h"
#include "praxis/draft.h"
#include "praxis/engine.h"
#include "praxis/entry.h"
#include "praxis/inquiry.h"
#include "praxis/journal.h"
#include "praxis/snapshot.h"
#include "praxis/template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct fixture {
	struct sandbox box;
	struct journal *j;
	struct template_set *set;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	*state = f;
	f->j = sandbox_open(&f->box, "engine", "2026-03-10T09:00:00");
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

static struct engine *start(struct fixture *f, const char *tpl, int frame, int64_t action)
{
	struct engine_start o;
	engine_start_init(&o);
	o.template_id = tpl;
	o.frame = frame;
	o.action_id = action;
	struct engine *e = NULL;
	struct px_error err;
	px_error_clear(&err);
	if (engine_start(f->j, f->set, &o, &e, &err) < 0)
		fail_msg("engine_start: %s", err.msg);
	return e;
}

static const char *step_id(struct engine *e)
{
	const struct template_step *st = engine_step(e);
	return st ? st->id : "(end)";
}

static void answer_text(struct engine *e, const char *text)
{
	struct px_error err;
	px_error_clear(&err);
	struct engine_value v = { .text = text };
	if (engine_answer(e, &v, &err) < 0)
		fail_msg("answer at '%s' with '%s': %s", step_id(e), text ? text : "(none)", err.msg);
}

static void expect_refused(struct engine *e, const struct engine_value *v, const char *msg)
{
	struct px_error err;
	px_error_clear(&err);
	const char *before = step_id(e);
	if (engine_answer(e, v, &err) == 0)
		fail_msg("step '%s' accepted what should be refused: %s", before, msg);
	assert_string_equal(err.msg, msg);
	assert_string_equal(step_id(e), before);      /* the run did not move */
}

static void refuse_text(struct engine *e, const char *text, const char *msg)
{
	struct engine_value v = { .text = text };
	expect_refused(e, &v, msg);
}

/* Answers of ENTRY as "step=value|…" (value_text), and ids where given. */
static int collect_answer(const struct answer *a, void *ctx)
{
	char *out = ctx;
	size_t len = strlen(out);
	snprintf(out + len, 4096 - len, "%s%s=%s", len ? "|" : "", a->step_id,
		 a->value_text ? a->value_text : "");
	return 0;
}

static const char *answers_of(struct fixture *f, int64_t entry)
{
	static char out[4096];
	out[0] = '\0';
	struct px_error err;
	px_error_clear(&err);
	assert_true(answer_list(f->j, entry, collect_answer, out, &err) >= 0);
	return out;
}

struct found_prompt {
	const char *step;
	char prompt[512];
};

static int find_prompt(const struct answer *a, void *ctx)
{
	struct found_prompt *p = ctx;
	if (strcmp(a->step_id, p->step) == 0)
		snprintf(p->prompt, sizeof p->prompt, "%s", a->prompt);
	return 0;
}

static int count_draft(const struct draft *d, void *ctx)
{
	(void)d;
	(*(int *)ctx)++;
	return 0;
}

static int drafts(struct fixture *f)
{
	int n = 0;
	assert_true(draft_list(f->j, count_draft, &n, NULL) >= 0);
	return n;
}

/* Answer mini-reflect to its end: the branch where the intensity is high
 * and an assumption was challenged. */
static void run_reflect(struct engine *e)
{
	answer_text(e, "The handover to @Sam went wrong. #handover");
	const char *people[] = { "@Sam", "Jo" };
	struct engine_value v = { .items = people, .n_items = 2 };
	assert_int_equal(engine_answer(e, &v, NULL), 0);
	answer_text(e, "8");
	assert_string_equal(engine_prompt(e), "You rated it 8. Has that changed?");
	answer_text(e, "Less raw now.");
	answer_text(e, "challenged");
	answer_text(e, "That notes are enough.");
	answer_text(e, "1, colleagues");
	assert_string_equal(step_id(e), "colleague");
	answer_text(e, "That I never asked.");
	answer_text(e, "tense");
	answer_text(e, "handover, autobiographical");
	assert_string_equal(step_id(e), "pause");
	answer_text(e, NULL);
	assert_string_equal(step_id(e), "echo");
	const char *source;
	assert_string_equal(engine_recall(e, &source), "The handover to @Sam went wrong. #handover");
	answer_text(e, NULL);
	answer_text(e, "");                           /* the default: +7d */
	struct engine_action_plan plans[] = { { "Brief Sam in person", NULL },
					      { "Write a checklist", "friday" } };
	struct engine_value act = { .actions = plans, .n_actions = 2 };
	assert_int_equal(engine_answer(e, &act, NULL), 0);
	assert_null(engine_step(e));
}

/* ---- a whole run ------------------------------------------------------------------ */

static void test_full_run_writes_everything(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "mini-reflect", -1, 0);
	assert_int_equal(engine_frame(e), FRAME_INCIDENT);
	size_t cur, total;
	engine_progress(e, &cur, &total);
	assert_int_equal(cur, 1);
	run_reflect(e);
	assert_int_equal(drafts(f), 1);
	struct px_error err;
	px_error_clear(&err);
	int64_t id = 0;
	assert_int_equal(engine_finish(e, &id, &err), 0);
	engine_free(e);
	assert_int_equal(drafts(f), 0);               /* the draft went with the write */

	struct entry en;
	assert_int_equal(entry_get(f->j, id, &en, &err), 0);
	assert_string_equal(en.title, "The handover to @Sam went wrong. #handover");
	assert_int_equal(en.frame, FRAME_INCIDENT);
	assert_string_equal(en.template_id, "mini-reflect");
	assert_int_equal(en.template_version, 3);
	assert_true(en.inquiry_id > 0);               /* opens_inquiry */
	char tags[512] = "";
	for (size_t i = 0; i < en.tags.len; i++)
		snprintf(tags + strlen(tags), sizeof tags - strlen(tags), "%s ", en.tags.items[i]);
	assert_non_null(strstr(tags, "mini "));
	assert_non_null(strstr(tags, "check/challenged "));
	assert_non_null(strstr(tags, "lens/autobiographical "));
	assert_non_null(strstr(tags, "lens/colleagues "));
	assert_non_null(strstr(tags, "mood/tense "));
	assert_non_null(strstr(tags, "incident/handover "));
	assert_non_null(strstr(tags, "handover "));   /* #handover in the account */
	assert_int_equal(en.people.len, 2);
	int64_t inquiry = en.inquiry_id;
	entry_free(&en);

	struct inquiry inq;
	assert_int_equal(inquiry_get(f->j, inquiry, &inq, &err), 0);
	assert_string_equal(inq.question, "The handover to @Sam went wrong. #handover");
	inquiry_free(&inq);

	assert_string_equal(answers_of(f, id),
			    "account=The handover to @Sam went wrong. #handover|people=@Sam @Jo|"
			    "intensity=8|feelings_now=Less raw now.|check=Challenged|"
			    "assumption=That notes are enough.|lenses=My own experience, "
			    "Colleagues' perceptions|colleague=That I never asked.|mood=Tense|"
			    "category=#incident/handover #incident/autobiographical|"
			    "echo=The handover to @Sam went wrong. #handover|review_on=2026-03-17|"
			    "plan=Brief Sam in person (due 2026-03-24)\nWrite a checklist (due "
			    "2026-03-13)");
	struct found_prompt p = { "feelings_now", "" };
	answer_list(f->j, id, find_prompt, &p, NULL);
	assert_string_equal(p.prompt, "You rated it 8. Has that changed?");

	struct action a;
	assert_int_equal(action_get(f->j, 1, &a, &err), 0);
	assert_string_equal(a.text, "Brief Sam in person");
	assert_string_equal(a.due_date, "2026-03-24");
	assert_string_equal(a.follow_up_template, "mini-follow");
	action_free(&a);

	char *yaml = NULL;
	assert_int_equal(snapshot_get(f->j, "mini-reflect", 3, NULL, &yaml, &err), 0);
	assert_non_null(strstr(yaml, "id: mini-reflect"));
	free(yaml);
}

/* ---- conditions and moving back ------------------------------------------------- */

static void test_branches_change_going_back(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "mini-reflect", FRAME_NOTE, 0);
	answer_text(e, "A quiet meeting.");
	answer_text(e, NULL);                         /* people: skipped */
	answer_text(e, "3");                          /* < 7: feelings_now is hidden */
	assert_string_equal(step_id(e), "check");
	assert_int_equal(engine_back(e, NULL), 0);
	assert_string_equal(step_id(e), "intensity");
	assert_string_equal(engine_answer_text(e, 2), "3");
	answer_text(e, "9");
	assert_string_equal(step_id(e), "feelings_now");
	answer_text(e, "Still cross.");
	assert_int_equal(engine_back(e, NULL), 0);
	assert_int_equal(engine_back(e, NULL), 0);
	answer_text(e, "2");                          /* hides feelings_now again */
	assert_string_equal(step_id(e), "check");
	assert_true(engine_answered(e, 3));           /* kept in the run … */
	answer_text(e, "no");                         /* note frame + "no": no assumption */
	assert_string_equal(step_id(e), "lenses");
	answer_text(e, "those-served");
	assert_string_equal(step_id(e), "mood");      /* colleague needs 'colleagues' */
	answer_text(e, "calm");
	answer_text(e, NULL);
	answer_text(e, NULL);                         /* pause */
	answer_text(e, NULL);                         /* echo */
	answer_text(e, "2026-04-01");
	answer_text(e, NULL);                         /* no action */
	int64_t id = 0;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(engine_finish(e, &id, &err), 0);
	/* … but not written, because it was hidden at the end. */
	assert_null(strstr(answers_of(f, id), "feelings_now"));
	assert_null(strstr(answers_of(f, id), "assumption"));
	assert_non_null(strstr(answers_of(f, id), "review_on=2026-04-01"));
	engine_free(e);
	/* engine_back at the first step is refused. */
	e = start(f, "mini-reflect", -1, 0);
	px_error_clear(&err);
	assert_int_equal(engine_back(e, &err), -1);
	assert_string_equal(err.msg, "this is the first step");
	engine_free(e);
}

static void test_condition_operators(void **state)
{
	struct fixture *f = *state;
	/* other: a free answer to 'check' counts as the option "other", which
	 * `is: [challenged, other]` accepts even in a note. */
	struct engine *e = start(f, "mini-reflect", FRAME_NOTE, 0);
	answer_text(e, "x");
	answer_text(e, NULL);
	answer_text(e, "7");                          /* ge 7: shown at the boundary */
	assert_string_equal(step_id(e), "feelings_now");
	answer_text(e, NULL);
	answer_text(e, "It half held");
	assert_string_equal(step_id(e), "assumption");
	assert_string_equal(engine_answer_text(e, 4), "It half held");
	answer_text(e, NULL);
	answer_text(e, "colleagues");                 /* has + inquiry: false (not in one) */
	assert_string_equal(step_id(e), "colleague");
	engine_free(e);
	/* not {frame: note}: an incident shows 'assumption' whatever 'check' says. */
	e = start(f, "mini-reflect", FRAME_INCIDENT, 0);
	answer_text(e, "x");
	answer_text(e, NULL);
	answer_text(e, "6");                          /* below 7: hidden */
	assert_string_equal(step_id(e), "check");
	answer_text(e, "no");
	assert_string_equal(step_id(e), "assumption");
	engine_free(e);
}

/* Every comparison on a scale, through a small template of its own: each
 * step is shown only when its comparison with the answer 3 holds. */
static void test_scale_comparisons(void **state)
{
	struct fixture *f = *state;
	static const char yaml[] =
		"praxis_template: 1\nid: compare\nversion: 1\nname: Compare\nframes: [note]\n"
		"steps:\n"
		"  - {id: n, kind: scale, prompt: How many?}\n"
		"  - {id: eq3, kind: info, prompt: eq, when: {step: n, eq: 3}}\n"
		"  - {id: ne3, kind: info, prompt: ne, when: {step: n, ne: 3}}\n"
		"  - {id: lt4, kind: info, prompt: lt, when: {step: n, lt: 4}}\n"
		"  - {id: le2, kind: info, prompt: le, when: {step: n, le: 2}}\n"
		"  - {id: gt2, kind: info, prompt: gt, when: {step: n, gt: 2}}\n"
		"  - {id: ge4, kind: info, prompt: ge, when: {step: n, ge: 4}}\n"
		"  - {id: none, kind: info, prompt: skipped, when: {step: n, answered: false}}\n"
		"  - {id: when, kind: date, prompt: When next?}\n";
	char dir[128], path[160];
	snprintf(dir, sizeof dir, "%s/tpl", f->box.dir);
	snprintf(path, sizeof path, "%s/compare.yaml", dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(yaml, fp);
	fclose(fp);
	struct template_dir dirs[] = { { dir, TEMPLATE_SOURCE_USER } };
	struct template_diags *d = template_diags_new();
	struct template_set *set = template_set_load(dirs, 1, d);
	assert_int_equal(template_diags_errors(d), 0);
	template_diags_free(d);
	struct engine_start o;
	engine_start_init(&o);
	o.template_id = "compare";
	struct engine *e = NULL;
	assert_int_equal(engine_start(f->j, set, &o, &e, NULL), 0);
	answer_text(e, "3");
	char seen[64] = "";
	while (engine_step(e) && engine_step(e)->kind == TEMPLATE_INFO) {
		snprintf(seen + strlen(seen), sizeof seen - strlen(seen), "%s ", step_id(e));
		answer_text(e, NULL);
	}
	assert_string_equal(seen, "eq3 lt4 gt2 ");
	engine_free(e);
	assert_int_equal(engine_start(f->j, set, &o, &e, NULL), 0);
	answer_text(e, NULL);                         /* skipped: only answered: false */
	assert_string_equal(step_id(e), "none");
	engine_free(e);
	template_set_free(set);
}

/* ---- answers refused ---------------------------------------------------------------- */

static void test_every_kind_refuses_bad_answers(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "mini-reflect", -1, 0);
	refuse_text(e, "   ", "step 'account': this step needs an answer");
	refuse_text(e, "bad \x1b[31m", "step 'account': the answer holds a control character "
		    "(U+001B)");
	refuse_text(e, "caf\xe9", "step 'account': the answer is not valid UTF-8 (bad byte at "
		    "offset 3)");
	answer_text(e, "ok");
	const char *spaced[] = { "two words" };
	struct engine_value names = { .items = spaced, .n_items = 1 };
	expect_refused(e, &names, "step 'people': person '@two words': a space cannot be part "
		       "of a name (letters, digits, '_', '-' and '.' can)");
	refuse_text(e, "a,b,c,d,e,f", "step 'people': name at most 5 people (6 named)");
	answer_text(e, "Sam");
	refuse_text(e, "11", "step 'intensity': 11 is not on the scale 0 to 10");
	refuse_text(e, "4.5", "step 'intensity': 4.5 is not on the scale 0 to 10");
	refuse_text(e, "lots", "step 'intensity': 'lots' is not a number from 0 to 10");
	struct engine_value num = { .number = -1, .has_number = true };
	expect_refused(e, &num, "step 'intensity': -1 is not on the scale 0 to 10");
	answer_text(e, "0");
	refuse_text(e, "two\nlines", "step 'check': the other answer must be one line");
	answer_text(e, "challenged");
	answer_text(e, NULL);
	refuse_text(e, "colleages", "step 'lenses': 'colleages' is not one of the options (did you "
		    "mean 'colleagues'?)");
	refuse_text(e, "1,2,3", "step 'lenses': pick at most 2 (3 picked)");
	refuse_text(e, "9", "step 'lenses': '9' is not one of the options (autobiographical, "
		    "those-served, colleagues, theory)");
	answer_text(e, "theory");
	refuse_text(e, "angry", "step 'mood': 'angry' is not one of the options (calm, tense)");
	answer_text(e, "2");                          /* by number: tense */
	assert_string_equal(engine_answer_text(e, 8), "Tense");
	refuse_text(e, "#", "step 'category': tag '#incident/': a name cannot start or end with "
		    "'-' or '/'");
	answer_text(e, NULL);
	refuse_text(e, "something", "step 'pause': a info step takes no answer");
	answer_text(e, NULL);
	answer_text(e, NULL);
	refuse_text(e, "2026-03-01", "step 'review_on': 2026-03-01 is before the earliest date "
		    "allowed (today, 2026-03-10)");
	refuse_text(e, "2031-01-01", "step 'review_on': 2031-01-01 is after the latest date "
		    "allowed (2030-12-31, 2030-12-31)");
	refuse_text(e, "someday", "step 'review_on': 'someday' is not a date (try YYYY-MM-DD, "
		    "today, yesterday, '3 days ago' or a weekday)");
	answer_text(e, "tomorrow");
	struct engine_action_plan four[] = { { "a", NULL }, { "b", NULL }, { "c", NULL },
					     { "d", NULL } };
	struct engine_value acts = { .actions = four, .n_actions = 4 };
	expect_refused(e, &acts, "step 'plan': plan at most 3 actions here (4 given)");
	struct engine_action_plan late[] = { { "a", "+1y" } };
	acts = (struct engine_value){ .actions = late, .n_actions = 1 };
	expect_refused(e, &acts, "step 'plan': 2027-03-10 is after the latest date allowed (+6m, "
		       "2026-09-10)");
	struct engine_action_plan lines[] = { { "one\ntwo", NULL } };
	acts = (struct engine_value){ .actions = lines, .n_actions = 1 };
	expect_refused(e, &acts, "step 'plan': an action is one line: say what you will try");
	engine_free(e);
}

/* ---- drafts -------------------------------------------------------------------------- */

static void test_draft_survives_a_crash(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "mini-reflect", -1, 0);
	assert_int_equal(engine_draft_id(e), 0);      /* nothing to keep yet */
	answer_text(e, "Before the crash. #kept");
	answer_text(e, "Sam");
	answer_text(e, "9");
	assert_int_equal(engine_save_typing(e, "half a thought", NULL), 0);
	int64_t draft = engine_draft_id(e);
	assert_true(draft > 0);
	engine_free(e);                               /* the process dies here */

	struct px_error err;
	px_error_clear(&err);
	e = NULL;
	assert_int_equal(engine_resume(f->j, f->set, draft, &e, &err), 0);
	assert_string_equal(step_id(e), "feelings_now");
	assert_string_equal(engine_typing(e), "half a thought");
	assert_string_equal(engine_answer_text(e, 0), "Before the crash. #kept");
	assert_string_equal(engine_answer_text(e, 1), "@Sam");
	assert_string_equal(engine_prompt(e), "You rated it 9. Has that changed?");
	assert_int_equal(engine_frame(e), FRAME_INCIDENT);
	/* Finish from here: the resumed run writes and its draft goes. */
	assert_int_equal(engine_run_answers(e, "check: challenged\n", 18, "rest.yaml", &err), 0);
	int64_t id;
	assert_int_equal(engine_finish(e, &id, &err), 0);
	engine_free(e);
	assert_int_equal(drafts(f), 0);
	px_error_clear(&err);
	assert_int_equal(engine_resume(f->j, f->set, draft, &e, &err), -1);
	assert_string_equal(err.msg, "draft 1: no such draft");
	assert_null(e);
}

/* A review's draft keeps its period as two dates; resumed, it is the
 * month again, not a span of days that happens to be one. */
static void test_review_draft_resumes_its_period(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "mini-review", -1, 0);
	answer_text(e, NULL);
	int64_t draft = engine_draft_id(e);
	engine_free(e);
	struct px_error err;
	px_error_clear(&err);
	e = NULL;
	assert_int_equal(engine_resume(f->j, f->set, draft, &e, &err), 0);
	assert_string_equal(step_id(e), "last_focus");
	assert_int_equal(engine_back(e, &err), 0);
	const char *from;
	assert_non_null(engine_recall(e, &from));
	assert_string_equal(from, "from the review of March 2026");
	engine_free(e);
}

static void test_discard_and_refusals_keep_draft(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "mini-reflect", -1, 0);
	answer_text(e, "To throw away");
	int64_t draft = engine_draft_id(e);
	assert_int_equal(drafts(f), 1);
	assert_int_equal(engine_discard(e, NULL), 0);
	assert_int_equal(drafts(f), 0);
	engine_free(e);
	(void)draft;
	/* A finish refused for a missing required answer writes nothing. */
	e = start(f, "mini-review", -1, 0);
	assert_string_equal(step_id(e), "overview");   /* a fact recalled */
	const char *from;
	assert_string_equal(engine_recall(e, &from),
			    "0 entries, 0 words, 0 days written, longest streak 0 days");
	assert_string_equal(from, "from the review of March 2026");
	answer_text(e, NULL);
	assert_string_equal(step_id(e), "last_focus");
	assert_string_equal(engine_recall(e, NULL), "This is your first review.");
	answer_text(e, NULL);
	assert_string_equal(step_id(e), "plain");   /* no themes, none overdue, no scale */
	assert_string_equal(engine_prompt(e), "What stood out between 2026-03-01 and 2026-03-31?");
	answer_text(e, "Lots.");
	struct px_error err;
	px_error_clear(&err);
	int64_t id = 0;
	assert_int_equal(engine_finish(e, &id, &err), -1);
	assert_string_equal(err.msg, "step 'next_focus': this step needs an answer");
	int64_t n = 0;
	entry_count(f->j, &n, NULL);
	assert_int_equal(n, 0);
	assert_int_equal(drafts(f), 1);
	answer_text(e, "Delegation.");
	assert_int_equal(engine_finish(e, &id, &err), 0);
	struct entry en;
	assert_int_equal(entry_get(f->j, id, &en, &err), 0);
	assert_int_equal(en.frame, FRAME_PERIOD);
	assert_string_equal(en.period_start, "2026-03-01");
	assert_string_equal(en.period_end, "2026-03-31");
	entry_free(&en);
	engine_free(e);
	/* The next review recalls the previous one's focus. */
	e = start(f, "mini-review", -1, 0);
	answer_text(e, NULL);
	const char *source;
	assert_string_equal(engine_recall(e, &source), "Delegation.");
	assert_non_null(strstr(source, "from your entry of Tue 10 Mar 2026"));
	engine_free(e);
}

/* A review run reads the review module's figures: a list fact becomes the
 * options of a choice, a number fact a condition and a substitution. */
static int64_t note(struct fixture *f, const char *when, const char *body)
{
	struct entry en;
	entry_init(&en);
	entry_set(&en.body, body);
	snprintf(en.occurred_at, sizeof en.occurred_at, "%s", when);
	if (entry_add(f->j, &en, NULL) < 0)
		fail_msg("entry_add");
	int64_t id = en.id;
	entry_free(&en);
	return id;
}

static void test_review_run_reads_facts(void **state)
{
	struct fixture *f = *state;
	int64_t a = note(f, "2026-03-02 09:00:00", "Delegating the rota. #delegation @Sam");
	note(f, "2026-03-03 09:00:00", "Delegating again. #delegation @Sam");
	note(f, "2026-03-04 09:00:00", "Still delegating. #delegation @Sam");
	assert_int_equal(action_add(f->j, a, "Brief Sam", "2026-03-05", NULL, 0, NULL, NULL), 0);
	struct engine *e = start(f, "mini-review", -1, 0);
	const char *from;
	assert_string_equal(engine_recall(e, &from),
			    "3 entries, 13 words, 3 days written, longest streak 3 days");
	answer_text(e, NULL);
	answer_text(e, NULL);                         /* last_focus: first review */
	assert_string_equal(step_id(e), "theme");     /* recurring_themes present */
	size_t n;
	const struct template_option *opts = engine_options(e, &n);
	assert_true(n >= 2);
	assert_string_equal(opts[0].id, "delegation");
	assert_string_equal(opts[0].label, "#delegation");
	answer_text(e, "delegation");
	assert_string_equal(step_id(e), "overdue");   /* actions_overdue 1 > 0 */
	assert_string_equal(engine_prompt(e), "1 actions are overdue in March 2026. Why?");
	engine_free(e);
}

/* ---- the cycle ------------------------------------------------------------------------- */

static int64_t finish(struct engine *e)
{
	struct px_error err;
	px_error_clear(&err);
	int64_t id = 0;
	if (engine_finish(e, &id, &err) < 0)
		fail_msg("engine_finish: %s", err.msg);
	engine_free(e);
	return id;
}

static int count_due(const struct action *a, void *ctx)
{
	(void)a;
	(*(int *)ctx)++;
	return 0;
}

static void test_cycle_plan_due_follow_up_next(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "mini-reflect", -1, 0);
	run_reflect(e);
	int64_t planner = finish(e);
	int due = 0;
	action_list_due(f->j, "2026-03-10", 0, count_due, &due, NULL);
	assert_int_equal(due, 0);
	/* The clock moves to the due date of "Write a checklist" (action 2). */
	setenv("PRAXIS_NOW", "2026-03-13T18:00:00", 1);
	action_list_due(f->j, "2026-03-13", 0, count_due, &due, NULL);
	assert_int_equal(due, 1);

	struct px_error err;
	px_error_clear(&err);
	struct engine_start o;
	engine_start_init(&o);
	o.template_id = "mini-follow";
	struct engine *bad = NULL;
	assert_int_equal(engine_start(f->j, f->set, &o, &bad, &err), -1);
	assert_string_equal(err.msg, "template 'mini-follow' follows up a planned action: start it "
			    "with 'praxis follow-up ACTION_ID'");

	e = start(f, "mini-follow", -1, 2);
	/* In the planner's inquiry (opened by mini-reflect): an inquiry entry. */
	assert_int_equal(engine_frame(e), FRAME_INQUIRY);
	const char *source;
	assert_string_equal(engine_recall(e, &source),
			    "Write a checklist (planned on Tue 10 Mar 2026, due 2026-03-13)");
	answer_text(e, NULL);
	assert_string_equal(engine_recall(e, &source), "The handover to @Sam went wrong. #handover");
	answer_text(e, NULL);
	assert_string_equal(engine_prompt(e), "Did you try Write a checklist?");
	answer_text(e, "worked");
	answer_text(e, "Checklists make the invisible visible.");
	struct engine_action_plan next[] = { { "Share the checklist with the team", "+7d" } };
	struct engine_value v = { .actions = next, .n_actions = 1 };
	assert_int_equal(engine_answer(e, &v, NULL), 0);
	int64_t follow = finish(e);

	struct action a;
	assert_int_equal(action_get(f->j, 2, &a, &err), 0);
	assert_int_equal(a.status, ACTION_DONE);
	assert_int_equal(a.outcome, OUTCOME_WORKED);
	assert_int_equal(a.followed_up_by, follow);
	assert_int_equal(a.planned_by, planner);
	action_free(&a);
	assert_int_equal(action_get(f->j, 3, &a, &err), 0);   /* the next cycle */
	assert_string_equal(a.due_date, "2026-03-20");
	assert_int_equal(a.planned_by, follow);
	action_free(&a);

	/* not-yet keeps action 1 open with the date step's new due date. */
	e = start(f, "mini-follow", -1, 1);
	answer_text(e, NULL);
	answer_text(e, NULL);
	answer_text(e, "not yet");
	assert_string_equal(step_id(e), "new_due");
	answer_text(e, "+3d");
	assert_null(engine_step(e));                  /* learned, next: hidden */
	finish(e);
	assert_int_equal(action_get(f->j, 1, &a, &err), 0);
	assert_int_equal(a.status, ACTION_OPEN);
	assert_string_equal(a.due_date, "2026-03-16");
	action_free(&a);
	/* Only an open action can be followed up. */
	struct engine_start again;
	engine_start_init(&again);
	again.template_id = "mini-follow";
	again.action_id = 2;
	px_error_clear(&err);
	assert_int_equal(engine_start(f->j, f->set, &again, &bad, &err), -1);
	assert_string_equal(err.msg, "action 2: already done; only an open action can be followed "
			    "up");
	/* The inquiry's chain now holds both entries. */
	struct entry pe;
	assert_int_equal(entry_get(f->j, planner, &pe, &err), 0);
	struct chain_totals t;
	assert_int_equal(inquiry_chain(f->j, pe.inquiry_id, "2026-03-13", NULL, NULL, &t, &err), 0);
	assert_int_equal(t.steps, 3);
	assert_int_equal(t.cycles_closed, 2);
	entry_free(&pe);
	setenv("PRAXIS_NOW", "2026-03-10T09:00:00", 1);
}

/* A reminder comes back as a full model: a reflect template follows the
 * action up, and finishing it marks the action done. */
static void test_reminder_followed_up_by_a_model(void **state)
{
	struct fixture *f = *state;
	struct engine *e = start(f, "mini-reflect", -1, 0);
	run_reflect(e);
	finish(e);
	e = start(f, "mini-inquiry", -1, 1);
	assert_int_equal(engine_frame(e), FRAME_INQUIRY);   /* the planner's inquiry */
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(engine_run_answers(e, "next_try: Ask first\n", 20, "a.yaml", &err), 0);
	int64_t id = finish(e);
	struct action a;
	assert_int_equal(action_get(f->j, 1, &a, &err), 0);
	assert_int_equal(a.status, ACTION_DONE);
	assert_int_equal(a.followed_up_by, id);
	action_free(&a);
}

/* ---- a run on its own clock ----------------------------------------------------------- */

/* engine_start.now stands in for the clock: the entry is about that day,
 * and every date expression (answers, defaults, min/max, the period)
 * resolves against it, also after a resume; the process clock
 * (PRAXIS_NOW, 2026-03-10) plays no part. */
static void test_run_on_its_own_clock(void **state)
{
	struct fixture *f = *state;
	const struct px_datetime monday = { { 2025, 11, 3 }, 14, 30, 0, 1 };
	struct engine_start o;
	engine_start_init(&o);
	o.template_id = "mini-reflect";
	o.now = &monday;
	struct engine *e = NULL;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(engine_start(f->j, f->set, &o, &e, &err), 0);
	answer_text(e, "An old handover. #handover");
	int64_t draft = engine_draft_id(e);
	engine_free(e);                               /* resumed below: the clock is kept */
	e = NULL;
	assert_int_equal(engine_resume(f->j, f->set, draft, &e, &err), 0);
	static const char rest[] = "intensity: 2\ncheck: \"no\"\nreview_on: +7d\n"
				   "plan:\n  - {text: Brief Sam, due: friday}\n  - {text: Ask Jo}\n";
	assert_int_equal(engine_run_answers(e, rest, strlen(rest), "rest.yaml", &err), 0);
	int64_t id = finish(e);
	struct entry en;
	assert_int_equal(entry_get(f->j, id, &en, &err), 0);
	assert_string_equal(en.occurred_at, "2025-11-03 14:30:00");
	entry_free(&en);
	assert_non_null(strstr(answers_of(f, id), "review_on=2025-11-10|"));
	assert_non_null(strstr(answers_of(f, id), "plan=Brief Sam (due 2025-11-07)\n"
			       "Ask Jo (due 2025-11-17)"));

	/* min: today is the run's today, not the process's. */
	e = NULL;
	assert_int_equal(engine_start(f->j, f->set, &o, &e, &err), 0);
	static const char early[] = "account: x\nreview_on: 2025-11-02\n";
	assert_int_equal(engine_run_answers(e, early, strlen(early), "a.yaml", &err), -1);
	assert_string_equal(err.msg, "step 'review_on': 2025-11-02 is before the earliest date "
			    "allowed (today, 2025-11-03)");
	engine_discard(e, NULL);
	engine_free(e);

	/* A review's period is the run's month; a date alone is midnight. */
	const struct px_datetime day = { { 2025, 12, 24 }, 0, 0, 0, 0 };
	o.template_id = "mini-review";
	o.now = &day;
	e = NULL;
	px_error_clear(&err);
	assert_int_equal(engine_start(f->j, f->set, &o, &e, &err), 0);
	assert_int_equal(engine_run_answers(e, "next_focus: Rest\n", 17, "r.yaml", &err), 0);
	id = finish(e);
	assert_int_equal(entry_get(f->j, id, &en, &err), 0);
	assert_string_equal(en.occurred_at, "2025-12-24 00:00:00");
	assert_string_equal(en.period_start, "2025-12-01");
	assert_string_equal(en.period_end, "2025-12-31");
	entry_free(&en);

	const struct px_datetime bad = { { 2025, 2, 30 }, 9, 0, 0, 1 };
	o.now = &bad;
	e = NULL;
	assert_int_equal(engine_start(f->j, f->set, &o, &e, &err), -1);
	assert_string_equal(err.msg, "the run's clock is not a valid date-time");
	assert_null(e);
}

/* ---- answers files ---------------------------------------------------------------------- */

static void expect_file_error(struct fixture *f, const char *yaml, const char *msg)
{
	struct engine *e = start(f, "mini-reflect", -1, 0);
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(engine_run_answers(e, yaml, strlen(yaml), "a.yaml", &err), -1);
	char line[PX_ERROR_WHERE_MAX + PX_ERROR_MSG_MAX + 32];
	px_error_format(&err, line, sizeof line);
	assert_string_equal(line, msg);
	engine_discard(e, NULL);
	engine_free(e);
}

static void test_answers_file(void **state)
{
	struct fixture *f = *state;
	static const char good[] =
		"account: |\n  The handover.\n  Second line.\n"
		"people: [Sam]\nintensity: 8\nfeelings_now: Calmer.\ncheck: challenged\n"
		"lenses: [autobiographical]\nmood: calm\ncategory: [handover]\n"
		"review_on: +2w\nplan:\n  - {text: Brief Sam, due: friday}\n";
	struct engine *e = start(f, "mini-reflect", -1, 0);
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(engine_run_answers(e, good, strlen(good), "good.yaml", &err), 0);
	assert_null(engine_step(e));
	int64_t id = finish(e);
	assert_non_null(strstr(answers_of(f, id), "account=The handover.\nSecond line.|"));
	assert_non_null(strstr(answers_of(f, id), "review_on=2026-03-24|"));
	assert_non_null(strstr(answers_of(f, id), "plan=Brief Sam (due 2026-03-13)"));
	/* JSON is YAML too. */
	static const char json[] = "{\"account\": \"From JSON\", \"intensity\": 2}";
	e = start(f, "mini-reflect", FRAME_NOTE, 0);
	assert_int_equal(engine_run_answers(e, json, strlen(json), "a.json", &err), 0);
	finish(e);

	expect_file_error(f, "account: x\nintensty: 3\n",
			  "a.yaml:2:1: 'intensty' is not a step of template 'mini-reflect' (did you "
			  "mean 'intensity'?)");
	expect_file_error(f, "account: x\nintensity: 12\n",
			  "a.yaml:2:12: step 'intensity': 12 is not on the scale 0 to 10");
	expect_file_error(f, "intensity: 2\n",
			  "a.yaml: step 'account': this step needs an answer");
	expect_file_error(f, "account: x\npause: hello\n",
			  "a.yaml:2:8: step 'pause' takes no answer (it only shows text)");
	expect_file_error(f, "account: x\nplan: tomorrow\n",
			  "a.yaml:2:7: step 'plan': an action answer is a list of {text, due} (at "
			  "most 5)");
	expect_file_error(f, "- a\n- b\n", "a.yaml:1:1: the answers are a mapping from step id "
			  "to answer");
	expect_file_error(f, "account: &a x\n", "a.yaml:1:10: anchors ('&a') are not allowed in "
			  "templates");
	expect_file_error(f, "account: [unclosed\n", "a.yaml:2:1: did not find expected ',' or ']' "
			  "(while parsing a flow sequence at 1:10)");
	expect_file_error(f, "account: \xff\n", "a.yaml: not valid UTF-8 (bad byte at offset 9)");
	int64_t n = 0;
	entry_count(f->j, &n, NULL);
	assert_int_equal(n, 2);                       /* the refused runs wrote nothing */
	assert_int_equal(drafts(f), 0);
}

/* A '#' in unquoted text starts a YAML comment; when it looks like a tag the
 * author meant it as text, and the answer would silently lose its tail. */
static void test_answers_comment_that_looks_like_a_tag(void **state)
{
	struct fixture *f = *state;
	expect_file_error(f, "account: A week of #rota changes.\n",
			  "a.yaml:1:20: step 'account': '#rota' starts a YAML comment, so the "
			  "answer stops before it; put the answer in quotes to keep it");
	/* columns are characters, not bytes, and CR LF ends a line */
	expect_file_error(f, "account: fine\r\nfeelings_now: \xc3\xa9t\xc3\xa9 #\xc3\xa9t\xc3\xa9 x\r\n",
			  "a.yaml:2:19: step 'feelings_now': '#\xc3\xa9t\xc3\xa9' starts a YAML "
			  "comment, so the answer stops before it; put the answer in quotes to "
			  "keep it");
	expect_file_error(f, "account: x\ncategory:\n  - calm\n  - sad #later\n",
			  "a.yaml:4:9: step 'category': '#later' starts a YAML comment, so the "
			  "answer stops before it; put the answer in quotes to keep it");
	expect_file_error(f, "account: x\nplan:\n  - text: Ask #Sam\n",
			  "a.yaml:3:15: step 'plan': '#Sam' starts a YAML comment, so the answer "
			  "stops before it; put the answer in quotes to keep it");
	expect_file_error(f, "{\"account\": \"x\", \"intensity\": 5 #z\n}",
			  "a.yaml:1:33: step 'intensity': '#z' starts a YAML comment, so the "
			  "answer stops before it; put the answer in quotes to keep it");

	/* Quoted, in a block, or set off as a comment, '#' is fine; a byte-order
	 * mark is no text. */
	static const char ok[] =
		"\xef\xbb\xbf" "account: \"A week of #rota changes.\"  # quoted: kept\n"
		"feelings_now: |\n  Calm #calm\n"
		"intensity: 8 # out of ten\n"
		"check: challenged\n"
		"assumption: C# and page#top are no tags\n";
	struct engine *e = start(f, "mini-reflect", FRAME_NOTE, 0);
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(engine_run_answers(e, ok, strlen(ok), "ok.yaml", &err), 0);
	int64_t id = finish(e);
	const char *answers = answers_of(f, id);
	assert_non_null(strstr(answers, "account=A week of #rota changes.|"));
	assert_non_null(strstr(answers, "feelings_now=Calm #calm|"));
	assert_non_null(strstr(answers, "intensity=8|"));
	assert_non_null(strstr(answers, "assumption=C# and page#top are no tags|"));
}

/* ---- recall inside an inquiry --------------------------------------------------------- */

static void test_recall_in_inquiry(void **state)
{
	struct fixture *f = *state;
	struct inquiry inq;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(inquiry_new(f->j, "How do I use my bases of power?", "2026-03-01 09:00:00",
				     &inq, &err), 0);
	struct engine_start o;
	engine_start_init(&o);
	o.template_id = "mini-inquiry";
	o.inquiry_id = inq.id;
	struct engine *e = NULL;
	assert_int_equal(engine_start(f->j, f->set, &o, &e, &err), 0);
	const char *source;
	assert_string_equal(engine_recall(e, &source), "How do I use my bases of power?");
	assert_string_equal(source, "the question of this inquiry");
	answer_text(e, NULL);
	assert_string_equal(step_id(e), "first_time");   /* nothing to recall: skipped */
	answer_text(e, "With expert power.");
	answer_text(e, "Asking instead of telling");
	int64_t first = finish(e);
	e = NULL;
	assert_int_equal(engine_start(f->j, f->set, &o, &e, &err), 0);
	answer_text(e, NULL);
	assert_string_equal(step_id(e), "last_try");
	assert_string_equal(engine_recall(e, &source), "Asking instead of telling");
	answer_text(e, NULL);
	assert_string_equal(step_id(e), "since");
	assert_string_equal(engine_prompt(e),
			    "Last time you planned to try Asking instead of telling. What happened?");
	answer_text(e, "They talked more.");
	answer_text(e, "Silence in meetings");
	int64_t second = finish(e);
	struct entry en;
	assert_int_equal(entry_get(f->j, second, &en, &err), 0);
	assert_int_equal(en.inquiry_id, inq.id);
	assert_int_equal(en.frame, FRAME_INQUIRY);
	entry_free(&en);
	/* The recall is a snapshot: it stays after the source entry is gone. */
	assert_int_equal(entry_trash(f->j, first, &err), 0);
	assert_non_null(strstr(answers_of(f, second), "last_try=Asking instead of telling"));
	inquiry_free(&inq);
}

/* ---- starting refusals ------------------------------------------------------------------ */

static void test_start_refusals(void **state)
{
	struct fixture *f = *state;
	struct engine_start o;
	engine_start_init(&o);
	struct engine *e = NULL;
	struct px_error err;
	px_error_clear(&err);
	o.template_id = "mini-reflct";
	assert_int_equal(engine_start(f->j, f->set, &o, &e, &err), -1);
	assert_string_equal(err.msg, "no template 'mini-reflct' (did you mean 'mini-reflect'?)");
	px_error_clear(&err);
	o.template_id = "mini-reflect";
	o.inquiry_id = 99;
	assert_int_equal(engine_start(f->j, f->set, &o, &e, &err), -1);
	assert_string_equal(err.msg, "inquiry 99: no such inquiry");
	px_error_clear(&err);
	o.inquiry_id = 0;
	o.action_id = 5;
	assert_int_equal(engine_start(f->j, f->set, &o, &e, &err), -1);
	assert_string_equal(err.msg, "action 5: no such action");
	px_error_clear(&err);
	o.template_id = "mini-review";
	assert_int_equal(engine_start(f->j, f->set, &o, &e, &err), -1);
	assert_string_equal(err.msg, "template 'mini-review' reviews a period; it cannot follow up "
			    "an action");
	assert_null(e);
	assert_string_equal(engine_default_template(FRAME_INCIDENT), "critical-incident");
	assert_string_equal(engine_default_template(FRAME_NOTE), "daily-note");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_full_run_writes_everything, setup, teardown),
		cmocka_unit_test_setup_teardown(test_branches_change_going_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_condition_operators, setup, teardown),
		cmocka_unit_test_setup_teardown(test_scale_comparisons, setup, teardown),
		cmocka_unit_test_setup_teardown(test_every_kind_refuses_bad_answers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_draft_survives_a_crash, setup, teardown),
		cmocka_unit_test_setup_teardown(test_review_draft_resumes_its_period, setup, teardown),
		cmocka_unit_test_setup_teardown(test_discard_and_refusals_keep_draft, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cycle_plan_due_follow_up_next, setup, teardown),
		cmocka_unit_test_setup_teardown(test_review_run_reads_facts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reminder_followed_up_by_a_model, setup, teardown),
		cmocka_unit_test_setup_teardown(test_run_on_its_own_clock, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answers_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answers_comment_that_looks_like_a_tag, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_recall_in_inquiry, setup, teardown),
		cmocka_unit_test_setup_teardown(test_start_refusals, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
