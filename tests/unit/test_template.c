/*
 * test_template.c — YAML templates: the model built from good templates,
 * conditions and substitutions at run time, the malformed corpus, sets
 * (bad files skipped, user overriding bundled, follow-up cross-checks),
 * the skeleton, folders and SHA-256.
 *
 * Run from the repository root.  tests/templates/good/ holds small valid
 * templates and a vocabulary folder; tests/templates/bad/ holds one
 * malformed template per rule, and expected.txt one line per file:
 *     NAME.yaml: FIRST ERROR LINE
 * where the error line is exactly what `praxis templates check
 * tests/templates/bad/NAME.yaml` prints first (the file checked against
 * the good folder's vocabularies and templates).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "praxis/buf.h"
#include "praxis/error.h"
#include "praxis/sha256.h"
#include "praxis/template.h"

#define GOOD "tests/templates/good"
#define BAD "tests/templates/bad"
#define BUNDLED "prompts"

/* ---- helpers ------------------------------------------------------------ */

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	struct px_buf b = PX_BUF_INIT;
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		px_buf_add(&b, chunk, n);
	fclose(f);
	if (len)
		*len = b.len;
	return px_buf_detach(&b);
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static char *temp_dir(void)
{
	char tmpl[] = "/tmp/praxis-template-test-......";
	memset(tmpl + sizeof tmpl - 7, 'X', 6);   /* mkdtemp's pattern */
	char *d = mkdtemp(tmpl);
	assert_non_null(d);
	return px_xstrdup(d);
}

static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char path[512];
		struct stat st;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			remove_tree(path);
		else
			unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

/* The first error of DIAGS, formatted (caller frees), or NULL. */
static char *first_error(const struct template_diags *diags)
{
	for (size_t i = 0; i < template_diags_count(diags); i++) {
		const struct template_diag *d = template_diags_get(diags, i);
		if (d->severity == TEMPLATE_ERROR)
			return template_diag_format(d);
	}
	return NULL;
}

static bool has_diag(const struct template_diags *diags, enum template_severity sev,
		     const char *text)
{
	for (size_t i = 0; i < template_diags_count(diags); i++) {
		const struct template_diag *d = template_diags_get(diags, i);
		char *s = template_diag_format(d);
		bool hit = d->severity == sev && strstr(s, text);
		free(s);
		if (hit)
			return true;
	}
	return false;
}

static struct template_set *good_set(struct template_diags *diags)
{
	struct template_dir dir = { GOOD, TEMPLATE_SOURCE_USER };
	return template_set_load(&dir, 1, diags);
}

struct fixture {
	struct template_diags *diags;
	struct template_set *set;
};

static int setup_good(void **state)
{
	struct fixture *f = px_xcalloc(1, sizeof *f);
	f->diags = template_diags_new();
	f->set = good_set(f->diags);
	*state = f;
	return 0;
}

static int teardown_good(void **state)
{
	struct fixture *f = *state;
	template_set_free(f->set);
	template_diags_free(f->diags);
	free(f);
	return 0;
}

static const struct template *get(void **state, const char *id)
{
	struct fixture *f = *state;
	const struct template *t = template_set_find(f->set, id);
	assert_non_null(t);
	return t;
}

static const struct template_step *step(const struct template *t, const char *id)
{
	long i = template_step_find(t, id);
	assert_true(i >= 0);
	return template_step_at(t, (size_t)i);
}

/* ---- SHA-256 ------------------------------------------------------------ */

static void test_sha256_vectors(void **state)
{
	(void)state;
	char hex[SHA256_HEX_SIZE];
	sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	sha256_hex(two, strlen(two), hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	/* a million 'a's fed in uneven pieces exercises the block boundary */
	struct sha256_ctx ctx;
	unsigned char digest[SHA256_DIGEST_SIZE];
	char a[997];
	memset(a, 'a', sizeof a);
	sha256_init(&ctx);
	size_t left = 1000000;
	while (left) {
		size_t n = left < sizeof a ? left : sizeof a;
		sha256_update(&ctx, a, n);
		left -= n;
	}
	sha256_final(&ctx, digest);
	assert_int_equal(digest[0], 0xcd);
	assert_int_equal(digest[1], 0xc7);
	assert_int_equal(digest[31], 0xd0);
}

/* ---- the good folder ---------------------------------------------------- */

static void test_good_folder_loads(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(template_diags_errors(f->diags), 0);
	/* every fact the review reads is computed: not even a warning */
	assert_int_equal(template_diags_count(f->diags), 0);
	assert_int_equal(template_set_count(f->set), 4);
	assert_string_equal(template_id(template_set_at(f->set, 0)), "mini-follow");
	assert_string_equal(template_id(template_set_at(f->set, 1)), "mini-inquiry");
	assert_string_equal(template_id(template_set_at(f->set, 2)), "mini-reflect");
	assert_string_equal(template_id(template_set_at(f->set, 3)), "mini-review");
	assert_int_equal(template_set_vocab_count(f->set), 2);
	const struct template_vocab *v = template_set_vocab(f->set, "test-functions");
	assert_non_null(v);
	assert_true(v->ordered);
	assert_int_equal(v->n_groups, 2);
	assert_string_equal(v->options[1].group, "leading");
	assert_non_null(v->centre);
	assert_string_equal(v->centre->id, "purpose");
	assert_string_equal(v->path, GOOD "/vocab/test.yaml");
	assert_int_equal(v->source, TEMPLATE_SOURCE_USER);
}

static void test_reflect_metadata(void **state)
{
	const struct template *t = get(state, "mini-reflect");
	size_t n;
	assert_int_equal(template_version(t), 3);
	assert_string_equal(template_name(t), "Mini reflection");
	assert_string_equal(template_summary(t), "A short reflection for the unit tests.");
	assert_int_equal(template_role(t), TEMPLATE_ROLE_REFLECT);
	const enum template_frame *fr = template_frames(t, &n);
	assert_int_equal(n, 2);
	assert_int_equal(fr[0], TEMPLATE_FRAME_INCIDENT);
	assert_int_equal(fr[1], TEMPLATE_FRAME_NOTE);
	const enum template_focus *fo = template_attends_to(t, &n);
	assert_int_equal(n, 2);
	assert_int_equal(fo[1], TEMPLATE_FOCUS_RELATIONS);
	const char *const *tags = template_tags(t, &n);
	assert_int_equal(n, 1);
	assert_string_equal(tags[0], "mini");
	assert_true(template_adapted(t));
	assert_string_equal(template_opens_inquiry(t), "account");
	struct template_words w = template_words(t);
	assert_int_equal(w.min, 100);
	assert_int_equal(w.target, 300);
	assert_int_equal(w.max, 600);
	assert_null(template_period_default(t));
	assert_int_equal(template_source(t), TEMPLATE_SOURCE_USER);
	assert_string_equal(template_path(t), GOOD "/mini-reflect.yaml");
}

static void test_citation(void **state)
{
	const struct template *t = get(state, "mini-reflect");
	size_t n;
	const struct template_basis *b = template_based_on(t, &n);
	assert_int_equal(n, 1);
	assert_string_equal(b[0].model, "Critical incident technique");
	const struct template_cite *c = &b[0].cite;
	assert_string_equal(c->type, "article");
	assert_int_equal(c->n_authors, 1);
	assert_string_equal(c->authors[0], "Flanagan, J.C.");
	assert_string_equal(c->year, "1954");
	assert_string_equal(c->title, "The critical incident technique");
	assert_string_equal(c->journal, "Psychological Bulletin");
	assert_string_equal(c->volume, "51");
	assert_string_equal(c->issue, "4");
	assert_string_equal(c->pages, "327-358");
	assert_null(c->publisher);
	assert_int_equal(c->n_editors, 0);
}

static void test_steps_and_kinds(void **state)
{
	const struct template *t = get(state, "mini-reflect");
	static const enum template_kind kinds[] = {
		TEMPLATE_TEXT, TEMPLATE_PEOPLE, TEMPLATE_SCALE, TEMPLATE_TEXT, TEMPLATE_CHOICE,
		TEMPLATE_TEXT, TEMPLATE_MULTI, TEMPLATE_TEXT, TEMPLATE_CHOICE, TEMPLATE_TAGS,
		TEMPLATE_INFO, TEMPLATE_RECALL, TEMPLATE_DATE, TEMPLATE_ACTION,
	};
	assert_int_equal(template_step_count(t), 14);
	for (size_t i = 0; i < 14; i++)
		assert_int_equal(template_step_at(t, i)->kind, kinds[i]);
	assert_null(template_step_at(t, 14));
	assert_int_equal(template_step_find(t, "nope"), -1);

	const struct template_step *s = step(t, "account");
	assert_string_equal(s->title, "The account");
	assert_string_equal(s->prompt, "What happened?");
	assert_string_equal(s->guidance, "Keep to what could be seen.");
	assert_int_equal(s->words.min, 20);
	assert_int_equal(s->words.target, 80);
	assert_int_equal(s->words.max, 150);
	assert_true(s->required);
	assert_int_equal(s->depth, TEMPLATE_DEPTH_CONTENT);
	assert_string_equal(s->lens, "events");
	assert_null(s->when);
	assert_int_equal(s->line, 34);
	assert_int_equal(s->column, 5);

	assert_string_equal(step(t, "feelings_now")->title, "Feelings now");   /* humanised */
	assert_int_equal(step(t, "assumption")->depth, TEMPLATE_DEPTH_PREMISE);

	s = step(t, "people");
	assert_int_equal(s->max, 5);
	assert_true(s->ask_role);

	s = step(t, "intensity");
	assert_int_equal(s->scale_min, 0);
	assert_int_equal(s->scale_max, 10);
	assert_string_equal(s->scale_low, "not at all");
	assert_string_equal(s->scale_high, "very");
	assert_string_equal(s->measure, "intensity");
}

static void test_options_and_vocabularies(void **state)
{
	const struct template *t = get(state, "mini-reflect");
	const struct template_step *s = step(t, "check");
	assert_int_equal(s->n_options, 2);
	assert_true(s->other);
	assert_true(s->tag);
	assert_string_equal(s->options[0].id, "challenged");
	assert_string_equal(s->options[0].hint, "it did not hold");
	assert_string_equal(s->options[0].tag, "check/challenged");   /* step id as prefix */
	assert_string_equal(s->options[1].id, "no");                  /* quoted, stays text */
	assert_null(s->vocabulary);

	s = step(t, "lenses");
	assert_string_equal(s->vocabulary, "test-lenses");
	assert_int_equal(s->n_options, 4);
	assert_int_equal(s->max_picks, 2);
	assert_string_equal(s->options[1].id, "those-served");
	assert_string_equal(s->options[1].label, "The eyes of those I lead");
	assert_string_equal(s->options[1].hint, "ask them");
	assert_string_equal(s->options[2].tag, "lens/colleagues");    /* vocabulary's prefix */

	s = step(t, "mood");                                          /* inline vocabulary */
	assert_string_equal(s->vocabulary, "local-moods");
	assert_null(s->options[0].tag);                               /* tag: false */
	assert_string_equal(s->options[1].tag, "mood/tense");         /* the option's own */

	s = step(t, "category");
	assert_string_equal(s->suggest, "test-lenses");
	assert_int_equal(s->n_suggestions, 4);
	assert_string_equal(s->prefix, "incident/");
	assert_true(s->free_tags);

	s = step(t, "review_on");
	assert_string_equal(s->dates.def, "+7d");
	assert_string_equal(s->dates.min, "today");
	assert_string_equal(s->dates.max, "2030-12-31");

	s = step(t, "plan");
	assert_string_equal(s->follow_up, "mini-follow");
	assert_int_equal(s->max, 3);
	assert_string_equal(s->dates.def, "+14d");
	assert_string_equal(s->dates.max, "+6m");
	assert_int_equal(s->words.target, 40);

	s = step(t, "echo");
	assert_non_null(s->recall);
	assert_int_equal(s->recall->type, TEMPLATE_RECALL_STEP);
	assert_int_equal(s->recall->step_index, 0);
	assert_string_equal(s->empty, "Nothing written yet.");
	assert_null(s->prompt);
	assert_string_equal(step(t, "pause")->prompt, "Take a breath before planning.");
}

static void test_condition_trees(void **state)
{
	const struct template *t = get(state, "mini-reflect");
	const struct template_cond *c = step(t, "feelings_now")->when;
	assert_non_null(c);
	assert_int_equal(c->type, TEMPLATE_COND_STEP);
	assert_string_equal(c->name, "intensity");
	assert_int_equal(c->step_index, 2);
	assert_int_equal(c->op, TEMPLATE_OP_GE);
	assert_true(c->number_valid);
	assert_true(c->number == 7.0);

	c = step(t, "assumption")->when;
	assert_int_equal(c->type, TEMPLATE_COND_ANY);
	assert_int_equal(c->n_children, 2);
	assert_int_equal(c->children[0]->op, TEMPLATE_OP_IS);
	assert_int_equal(c->children[0]->n_values, 2);
	assert_string_equal(c->children[0]->values[1], "other");      /* other: true allows it */
	assert_int_equal(c->children[1]->type, TEMPLATE_COND_NOT);
	assert_int_equal(c->children[1]->children[0]->type, TEMPLATE_COND_FRAME);
	assert_int_equal(c->children[1]->children[0]->frames[0], TEMPLATE_FRAME_NOTE);

	c = step(t, "colleague")->when;
	assert_int_equal(c->type, TEMPLATE_COND_ALL);
	assert_int_equal(c->children[0]->op, TEMPLATE_OP_HAS);
	assert_string_equal(c->children[0]->values[0], "colleagues");
	assert_int_equal(c->children[1]->type, TEMPLATE_COND_INQUIRY);
	assert_false(c->children[1]->flag);
	assert_string_equal(template_op_name(TEMPLATE_OP_ANSWERED), "answered");
}

/* Answers for evaluation: intensity 8, check "challenged", lenses
 * {theory, colleagues}; nothing else answered.  Facts: actions_overdue 3. */
static bool answer_cb(void *ctx, const char *id, struct template_value *out)
{
	static const char *const check[] = { "challenged" };
	static const char *const lenses[] = { "theory", "colleagues" };
	int *calls = ctx;
	(*calls)++;
	if (strcmp(id, "intensity") == 0) {
		out->number_valid = true;
		out->number = 8;
		return true;
	}
	if (strcmp(id, "check") == 0) {
		out->items = check;
		out->n_items = 1;
		return true;
	}
	if (strcmp(id, "lenses") == 0) {
		out->items = lenses;
		out->n_items = 2;
		return true;
	}
	return false;
}

static bool fact_cb(void *ctx, const char *name, struct template_value *out)
{
	(void)ctx;
	if (strcmp(name, "actions_overdue") != 0)
		return false;
	out->number_valid = true;
	out->number = 3;
	return true;
}

static void test_condition_eval(void **state)
{
	const struct template *t = get(state, "mini-reflect");
	int calls = 0;
	struct template_env env = { answer_cb, fact_cb, &calls, TEMPLATE_FRAME_NOTE, false };
	assert_true(template_cond_eval(step(t, "feelings_now")->when, &env));   /* 8 >= 7 */
	assert_true(template_cond_eval(step(t, "assumption")->when, &env));     /* is challenged */
	assert_true(template_cond_eval(step(t, "colleague")->when, &env));      /* has, not inquiry */
	env.in_inquiry = true;
	assert_false(template_cond_eval(step(t, "colleague")->when, &env));
	assert_true(calls > 0);
	assert_true(template_step_shown(step(t, "account"), &env));             /* no when */
	assert_false(template_step_shown(step(t, "colleague"), &env));

	/* with nothing answered, comparisons fail and the frame decides */
	struct template_env none = { NULL, NULL, NULL, TEMPLATE_FRAME_INCIDENT, false };
	assert_false(template_cond_eval(step(t, "feelings_now")->when, &none));
	assert_true(template_cond_eval(step(t, "assumption")->when, &none));   /* not note */
	none.frame = TEMPLATE_FRAME_NOTE;
	assert_false(template_cond_eval(step(t, "assumption")->when, &none));

	const struct template *f = get(state, "mini-follow");
	assert_int_equal(step(f, "learned")->when->type, TEMPLATE_COND_NOT);
	assert_int_equal(step(f, "learned")->when->children[0]->op, TEMPLATE_OP_EQ);
	assert_false(step(f, "learned")->when->children[0]->number_valid);
	assert_int_equal(step(f, "next")->when->op, TEMPLATE_OP_NE);
}

static bool outcome_cb(void *ctx, const char *id, struct template_value *out)
{
	static const char *const picked[] = { "not-yet" };
	(void)ctx;
	if (strcmp(id, "outcome") != 0)
		return false;
	out->items = picked;
	out->n_items = 1;
	return true;
}

static void test_follow_up_template(void **state)
{
	const struct template *f = get(state, "mini-follow");
	assert_int_equal(template_role(f), TEMPLATE_ROLE_FOLLOW_UP);
	const struct template_step *s = step(f, "plan");
	assert_int_equal(s->recall->type, TEMPLATE_RECALL_ACTION);
	assert_string_equal(s->recall->field, "summary");
	s = step(f, "context");
	assert_int_equal(s->recall->type, TEMPLATE_RECALL_PLANNING_ENTRY);
	assert_string_equal(s->recall->step, "account");
	s = step(f, "outcome");
	assert_int_equal(s->n_options, 5);
	assert_string_equal(s->options[3].id, "not-yet");
	assert_string_equal(s->options[4].id, "dropped");

	struct template_env env = { outcome_cb, NULL, NULL, TEMPLATE_FRAME_NOTE, false };
	assert_true(template_step_shown(step(f, "new_due"), &env));     /* is not-yet */
	assert_false(template_step_shown(step(f, "learned"), &env));    /* not eq not-yet */
	assert_false(template_step_shown(step(f, "next"), &env));       /* ne not-yet */
}

static void test_review_facts(void **state)
{
	const struct template *r = get(state, "mini-review");
	size_t n;
	assert_int_equal(template_role(r), TEMPLATE_ROLE_REVIEW);
	assert_string_equal(template_period_default(r), "month");
	const char *const *facts = template_facts(r, &n);
	assert_int_equal(n, 4);
	assert_string_equal(facts[3], "measure.intensity.mean");
	/* every fact is computed, so no step waits for one */
	assert_null(step(r, "overview")->needs_fact);
	assert_null(step(r, "theme")->needs_fact);
	assert_null(step(r, "overdue")->needs_fact);
	assert_null(step(r, "mean")->needs_fact);
	assert_null(step(r, "last_focus")->needs_fact);
	assert_null(step(r, "plain")->needs_fact);
	assert_string_equal(step(r, "theme")->options_fact, "recurring_themes");
	const struct template_recall *rc = step(r, "last_focus")->recall;
	assert_int_equal(rc->type, TEMPLATE_RECALL_TEMPLATE);
	assert_string_equal(rc->template_id, "mini-review");
	assert_string_equal(rc->step, "next_focus");
	assert_string_equal(rc->which, "previous");
	const struct template_cond *c = step(r, "mean")->when;
	assert_int_equal(c->type, TEMPLATE_COND_FACT);
	assert_true(c->number == 2.5);

	int calls = 0;
	struct template_env env = { answer_cb, fact_cb, &calls, TEMPLATE_FRAME_PERIOD, false };
	assert_true(template_cond_eval(step(r, "overdue")->when, &env));       /* 3 > 0 */
	assert_true(template_step_shown(step(r, "overdue"), &env));
	assert_true(template_step_shown(step(r, "plain"), &env));
}

static void test_facts_table(void **state)
{
	(void)state;
	const struct template_fact_info *f = template_fact_lookup("recurring_themes");
	assert_non_null(f);
	assert_int_equal(f->type, TEMPLATE_FACT_LIST);
	assert_true(f->available);
	f = template_fact_lookup("measure.agency.trend");
	assert_non_null(f);
	assert_int_equal(f->type, TEMPLATE_FACT_TEXT);
	assert_non_null(template_fact_lookup("measure.emotional-intensity.mean"));
	assert_null(template_fact_lookup("measure.Agency.mean"));
	assert_null(template_fact_lookup("measure..mean"));
	assert_null(template_fact_lookup("measure.agency.median"));
	assert_null(template_fact_lookup("sumary"));
}

/* ---- text and hash ------------------------------------------------------ */

static const char *lookup_cb(void *ctx, const char *ns, const char *name)
{
	(void)ctx;
	if (strcmp(ns, "answer") == 0 && strcmp(name, "intensity") == 0)
		return "8";
	if (strcmp(ns, "answer") == 0 && strcmp(name, "sneaky") == 0)
		return "{{answer.intensity}}\x1b[2J";
	return NULL;
}

static void test_expand(void **state)
{
	(void)state;
	char *s = template_expand("You rated it {{answer.intensity}}. Has that changed?",
				  lookup_cb, NULL);
	assert_string_equal(s, "You rated it 8. Has that changed?");
	free(s);
	s = template_expand("{{ answer.intensity }}/{{fact.gone}}/{{answer.sneaky}}", lookup_cb,
			    NULL);
	/* spaces allowed; missing is an em dash; values are never re-expanded and
	 * their control characters are neutralised */
	assert_string_equal(s, "8/\xE2\x80\x94/{{answer.intensity}}\xEF\xBF\xBD[2J");
	free(s);
	s = template_expand("a {{not a name}} b {{unclosed", lookup_cb, NULL);
	assert_string_equal(s, "a {{not a name}} b {{unclosed");
	free(s);
	s = template_expand("", NULL, NULL);
	assert_string_equal(s, "");
	free(s);
}

static void test_text_and_hash(void **state)
{
	const struct template *t = get(state, "mini-reflect");
	size_t len, flen;
	char *file = read_all(GOOD "/mini-reflect.yaml", &flen);
	const char *text = template_text(t, &len);
	assert_int_equal(len, flen);
	assert_memory_equal(text, file, len);
	char hex[SHA256_HEX_SIZE];
	sha256_hex(file, flen, hex);
	assert_string_equal(template_hash(t), hex);
	assert_int_equal(strlen(template_hash(t)), 64);
	free(file);
}

static void test_buffer_not_terminated(void **state)
{
	(void)state;
	size_t len;
	char *file = read_all(GOOD "/mini-follow.yaml", &len);
	char *copy = px_xmalloc(len + 16);
	memcpy(copy, file, len);
	memset(copy + len, 'x', 16);   /* garbage after the given length is not read */
	struct template *t = template_load_buffer(copy, len, NULL, NULL, NULL);
	assert_non_null(t);
	assert_string_equal(template_id(t), "mini-follow");
	assert_int_equal(template_source(t), TEMPLATE_SOURCE_FILE);
	assert_string_equal(template_path(t), "<buffer>");
	template_free(t);
	assert_null(template_load_buffer("", 0, "empty.yaml", NULL, NULL));
	free(copy);
	free(file);
}

/* ---- the malformed corpus ----------------------------------------------- */

static char **expected_lines(size_t *n)
{
	char *text = read_all(BAD "/expected.txt", NULL);
	char **lines = NULL;
	size_t cap = 0;
	*n = 0;
	for (char *line = text, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		px_grow((void **)&lines, &cap, *n + 1, sizeof *lines);
		lines[(*n)++] = px_xstrdup(line);
	}
	free(text);
	return lines;
}

static const char *expected_for(char **lines, size_t n, const char *name)
{
	size_t len = strlen(name);
	for (size_t i = 0; i < n; i++)
		if (strncmp(lines[i], name, len) == 0 && strncmp(lines[i] + len, ": ", 2) == 0)
			return lines[i] + len + 2;
	return NULL;
}

static size_t check_bad_file(struct template_set *set, char **lines, size_t n,
			     const char *name)
{
	char path[512];
	snprintf(path, sizeof path, BAD "/%s", name);
	struct template_diags *diags = template_diags_new();
	struct template *t = template_check_file(path, set, diags);
	char *got = first_error(diags);
	const char *want = expected_for(lines, n, name);
	size_t failed = 0;
	if (t || !got || !want || strcmp(got, want) != 0) {
		print_error("%s\n  want: %s\n  got:  %s\n", name, want ? want : "(no line in "
			    "expected.txt)", got ? got : "(no error)");
		failed = 1;
	}
	free(got);
	template_free(t);
	template_diags_free(diags);
	return failed;
}

static void test_bad_corpus(void **state)
{
	struct fixture *f = *state;
	size_t n_lines, files = 0, failed = 0;
	char **lines = expected_lines(&n_lines);
	DIR *d = opendir(BAD);
	assert_non_null(d);
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0)
			continue;
		files++;
		failed += check_bad_file(f->set, lines, n_lines, e->d_name);
	}
	closedir(d);
	assert_int_equal(failed, 0);
	assert_true(files >= 40);
	assert_int_equal(n_lines, files);   /* one line per file, no stale lines */
	for (size_t i = 0; i < n_lines; i++)
		free(lines[i]);
	free(lines);
}

static void test_collects_all_problems(void **state)
{
	static const char text[] =
		"praxis_template: 1\n"
		"id: Many\n"
		"version: 0\n"
		"name: Many problems\n"
		"frames: [note]\n"
		"steps:\n"
		"  - id: a\n"
		"    kind: txt\n"
		"    prompt: A?\n"
		"  - id: b\n"
		"    kind: text\n"
		"    when: {step: c, answered: true}\n"
		"    promt: B?\n";
	struct fixture *f = *state;
	struct template_diags *d = template_diags_new();
	struct template_load_opts o = { f->set, TEMPLATE_SOURCE_USER, NULL };
	assert_null(template_load_buffer(text, sizeof text - 1, "many.yaml", &o, d));
	assert_int_equal(template_diags_errors(d), 5);
	char *s = template_diag_format(template_diags_get(d, 0));
	assert_string_equal(s, "many.yaml:2:5: id: 'Many' is not an id (lower-case letters, "
			    "digits and '-', at most 40, starting with a letter or digit)");
	free(s);
	/* in file order, whichever pass found them; step b is checked even
	 * though it has a problem of its own */
	assert_int_equal(template_diags_get(d, 1)->line, 3);
	assert_int_equal(template_diags_get(d, 2)->line, 8);
	assert_string_equal(template_diags_get(d, 3)->path, "steps[1].when.step");
	assert_string_equal(template_diags_get(d, 3)->message, "'c' is not an earlier step");
	assert_string_equal(template_diags_get(d, 4)->path, "steps[1].promt");
	template_diags_free(d);
}

static void test_bounds(void **state)
{
	(void)state;
	struct px_buf b = PX_BUF_INIT;
	px_buf_adds(&b, "praxis_template: 1\nid: big\nversion: 1\nname: Big\nframes: [note]\n"
		    "tags: [");
	for (int i = 0; i <= TEMPLATE_MAX_LIST; i++)
		px_buf_addf(&b, "%st%d", i ? ", " : "", i);
	px_buf_adds(&b, "]\nsteps:\n");
	for (int i = 0; i < 50; i++)   /* three problems each: kind, key, condition */
		px_buf_addf(&b, "  - {id: s%d, kind: txt, promt: P, when: {stpe: x}}\n", i);
	struct template_diags *d = template_diags_new();
	assert_null(template_load_buffer(b.data, b.len, "big.yaml", NULL, d));
	char *e = first_error(d);
	assert_string_equal(e, "big.yaml:6:7: tags: has 101 items; at most 100");
	free(e);
	/* 151 problems: 99 listed, then one line saying the rest are not */
	assert_int_equal(template_diags_count(d), TEMPLATE_MAX_ERRORS);
	assert_int_equal(template_diags_errors(d), TEMPLATE_MAX_ERRORS);
	assert_true(has_diag(d, TEMPLATE_ERROR, "more than 99 problems; the rest are not listed"));
	template_diags_free(d);
	px_buf_free(&b);
}

/* ---- lints -------------------------------------------------------------- */

static void test_lints(void **state)
{
	static const char text[] =
		"praxis_template: 1\n"
		"id: lint\n"
		"version: 1\n"
		"name: Lint\n"
		"adapted: false\n"
		"frames: [note]\n"
		"steps:\n"
		"  - id: a\n"
		"    kind: text\n"
		"    prompt: A?\n"
		"  - id: b\n"
		"    kind: text\n"
		"    prompt: B?\n"
		"    when: {step: a, answered: true}\n"
		"    required: true\n";
	(void)state;
	struct template_diags *d = template_diags_new();
	struct template_load_opts bundled = { NULL, TEMPLATE_SOURCE_BUNDLED, NULL };
	assert_null(template_load_buffer(text, sizeof text - 1, "lint.yaml", &bundled, d));
	char *e = first_error(d);
	assert_string_equal(e, "lint.yaml:1:1: missing required key 'based_on'");
	free(e);
	template_diags_free(d);

	d = template_diags_new();
	struct template_load_opts user = { NULL, TEMPLATE_SOURCE_USER, NULL };
	struct template *t = template_load_buffer(text, sizeof text - 1, "lint.yaml", &user, d);
	assert_non_null(t);                         /* warnings never stop a template */
	assert_int_equal(template_diags_errors(d), 0);
	assert_int_equal(template_diags_count(d), 2);
	char *w = template_diag_format(template_diags_get(d, 0));
	assert_string_equal(w, "lint.yaml:8:3: steps: warning: never looks forward: a reflect "
			    "template should end with an action or date step");
	free(w);
	w = template_diag_format(template_diags_get(d, 1));
	assert_string_equal(w, "lint.yaml:15:15: steps[1].required: warning: required, but its "
			    "own when: can skip it (it is only required when shown)");
	free(w);
	template_free(t);
	template_diags_free(d);
}

/* x- keys are room for other tools everywhere, vocabularies included. */
static void test_x_keys_in_vocabularies(void **state)
{
	(void)state;
	static const char text[] =
		"praxis_template: 1\nid: xv\nversion: 1\nname: X\nframes: [note]\n"
		"vocabularies:\n  x-mine: {anything: [1, 2]}\n"
		"  moods: {name: Moods, options: [{id: calm, label: Calm}]}\n"
		"steps:\n  - {id: m, kind: choice, vocabulary: moods, prompt: How?}\n"
		"  - {id: a, kind: date, prompt: When?}\n";
	struct template_diags *d = template_diags_new();
	struct template *t = template_load_buffer(text, sizeof text - 1, "xv.yaml", NULL, d);
	assert_non_null(t);
	assert_int_equal(template_diags_count(d), 0);
	assert_int_equal(template_step_at(t, 0)->n_options, 1);
	template_free(t);
	template_diags_free(d);
}

static void test_adapted_false_bundled(void **state)
{
	(void)state;
	char *dir = temp_dir();
	write_file(dir, "quoted.yaml",
		   "praxis_template: 1\nid: quoted\nversion: 1\nname: Quoted\nadapted: false\n"
		   "based_on:\n  - model: M\n    cite: {type: web, authors: [A], year: n.d., "
		   "title: T, url: \"https://example.org\"}\nframes: [note]\nsteps:\n"
		   "  - {id: a, kind: date, prompt: When?}\n");
	struct template_diags *d = template_diags_new();
	struct template_dir dirs[] = { { dir, TEMPLATE_SOURCE_BUNDLED } };
	struct template_set *set = template_set_load(dirs, 1, d);
	assert_int_equal(template_set_count(set), 1);
	assert_int_equal(template_diags_errors(d), 0);
	assert_true(has_diag(d, TEMPLATE_WARNING, "quoted.yaml:5:10: adapted: warning: a bundled "
			     "template should word its prompts"));
	template_set_free(set);
	template_diags_free(d);
	remove_tree(dir);
	free(dir);
}

/* ---- sets --------------------------------------------------------------- */

#define BASED_ON "based_on:\n  - model: M\n    cite: {type: book, authors: [A], year: 2001, " \
		 "title: T}\n"
static const char tpl_a[] =
	"praxis_template: 1\nid: alpha\nversion: 1\nname: Alpha\nframes: [note]\n" BASED_ON
	"use: [words]\nsteps:\n"
	"  - {id: pick, kind: choice, vocabulary: words, prompt: Pick.}\n"
	"  - {id: plan, kind: action, prompt: Plan?, follow_up: beta}\n";
static const char tpl_b[] =
	"praxis_template: 1\nid: beta\nversion: 1\nname: Beta\nrole: follow-up\n" BASED_ON
	"frames: [note]\nsteps:\n  - {id: result, kind: outcome, prompt: Tried?}\n";
static const char vocab_v1[] =
	"praxis_vocabulary: 1\nvocabularies:\n  words:\n    name: Words\n"
	"    options: [{id: one, label: One}]\n";

static void test_folder_keeps_good_templates(void **state)
{
	(void)state;
	char *dir = temp_dir();
	char vocab[600];
	snprintf(vocab, sizeof vocab, "%s/vocab", dir);
	mkdir(vocab, 0700);
	write_file(vocab, "v.yaml", vocab_v1);
	write_file(dir, "a.yaml", tpl_a);
	write_file(dir, "b.yaml", tpl_b);
	write_file(dir, "c.yaml", "praxis_template: 1\nid: gamma\nversion: 1\nname: Gamma\n"
				  "frames: [note]\nsteps:\n  - {id: x, kind: txt, prompt: X?}\n");
	write_file(dir, "notes.txt", "not a template");
	struct template_diags *d = template_diags_new();
	struct template_dir dirs[] = { { dir, TEMPLATE_SOURCE_USER } };
	struct template_set *set = template_set_load(dirs, 1, d);
	assert_int_equal(template_set_count(set), 2);
	assert_string_equal(template_id(template_set_at(set, 0)), "alpha");
	assert_string_equal(template_id(template_set_at(set, 1)), "beta");
	assert_null(template_set_find(set, "gamma"));
	assert_int_equal(template_diags_errors(d), 1);
	char *e = first_error(d);
	char want[700];
	snprintf(want, sizeof want, "%s/c.yaml:7:19: steps[0].kind: 'txt' is not a kind (did "
		 "you mean 'text'?)", dir);
	assert_string_equal(e, want);
	free(e);
	template_set_free(set);
	template_diags_free(d);
	remove_tree(dir);
	free(dir);
}

static void test_user_overrides_bundled(void **state)
{
	(void)state;
	char *bundled = temp_dir(), *user = temp_dir();
	char vb[600], vu[600];
	snprintf(vb, sizeof vb, "%s/vocab", bundled);
	snprintf(vu, sizeof vu, "%s/vocab", user);
	mkdir(vb, 0700);
	mkdir(vu, 0700);
	write_file(vb, "v.yaml", vocab_v1);
	write_file(vu, "v.yaml", "praxis_vocabulary: 1\nvocabularies:\n  words:\n    name: Mine\n"
				 "    options: [{id: two, label: Two}, {id: three, label: Three}]\n");
	write_file(bundled, "a.yaml", tpl_a);
	write_file(bundled, "b.yaml", tpl_b);
	write_file(user, "my-beta.yaml", "praxis_template: 1\nid: beta\nversion: 7\nname: My beta\n"
					 "role: follow-up\nframes: [note]\nsteps:\n"
					 "  - {id: result, kind: outcome, prompt: Tried?}\n");
	struct template_diags *d = template_diags_new();
	struct template_dir dirs[] = {
		{ bundled, TEMPLATE_SOURCE_BUNDLED }, { user, TEMPLATE_SOURCE_USER },
	};
	struct template_set *set = template_set_load(dirs, 2, d);
	assert_int_equal(template_diags_errors(d), 0);
	assert_int_equal(template_set_count(set), 2);
	const struct template *b = template_set_find(set, "beta");
	assert_int_equal(template_version(b), 7);
	assert_int_equal(template_source(b), TEMPLATE_SOURCE_USER);
	char path[700];
	snprintf(path, sizeof path, "%s/my-beta.yaml", user);
	assert_string_equal(template_path(b), path);
	const struct template *a = template_set_find(set, "alpha");
	assert_int_equal(template_source(a), TEMPLATE_SOURCE_BUNDLED);
	/* the user's vocabulary serves the bundled template too */
	const struct template_step *pick = template_step_at(a, 0);
	assert_int_equal(pick->n_options, 2);
	assert_string_equal(pick->options[0].id, "two");
	assert_int_equal(template_set_vocab(set, "words")->source, TEMPLATE_SOURCE_USER);
	template_set_free(set);
	template_diags_free(d);
	remove_tree(bundled);
	remove_tree(user);
	free(bundled);
	free(user);
}

static void test_same_folder_duplicate_id(void **state)
{
	(void)state;
	char *dir = temp_dir();
	write_file(dir, "b.yaml", tpl_b);
	write_file(dir, "c.yaml", tpl_b);
	struct template_diags *d = template_diags_new();
	struct template_dir dirs[] = { { dir, TEMPLATE_SOURCE_USER } };
	struct template_set *set = template_set_load(dirs, 1, d);
	assert_int_equal(template_set_count(set), 1);
	char want[700];
	snprintf(want, sizeof want, "%s/c.yaml:2:5: id: template id 'beta' is already used by "
		 "%s/b.yaml", dir, dir);
	char *e = first_error(d);
	assert_string_equal(e, want);
	free(e);
	template_set_free(set);
	template_diags_free(d);
	remove_tree(dir);
	free(dir);
}

static void test_missing_follow_up_cascades(void **state)
{
	(void)state;
	char *dir = temp_dir();
	write_file(dir, "a.yaml", "praxis_template: 1\nid: alpha\nversion: 1\nname: Alpha\n"
				  "frames: [note]\nsteps:\n"
				  "  - {id: plan, kind: action, prompt: Plan?, follow_up: beta}\n");
	write_file(dir, "b.yaml", "praxis_template: 1\nid: beta\nversion: 1\nname: Beta\n"
				  "frames: [note]\nsteps:\n  - {id: plan, kind: action, prompt: Plan?}\n");
	struct template_diags *d = template_diags_new();
	struct template_dir dirs[] = { { dir, TEMPLATE_SOURCE_USER } };
	struct template_set *set = template_set_load(dirs, 1, d);
	/* beta's default follow-up (action-review) is missing; alpha loses beta */
	assert_int_equal(template_set_count(set), 0);
	assert_int_equal(template_diags_errors(d), 2);
	assert_true(has_diag(d, TEMPLATE_ERROR, "b.yaml:7:5: steps[0]: 'action-review' is not a "
			     "template"));
	assert_true(has_diag(d, TEMPLATE_ERROR, "a.yaml:7:56: steps[0].follow_up: 'beta' is not "
			     "a template"));
	template_set_free(set);
	template_diags_free(d);
	remove_tree(dir);
	free(dir);
}

static void test_set_lookup(void **state)
{
	struct fixture *f = *state;
	struct px_error err;
	px_error_clear(&err);
	assert_non_null(template_set_get(f->set, "mini-review", &err));
	assert_null(template_set_get(f->set, "mini-reveiw", &err));
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	assert_string_equal(err.msg, "no template 'mini-reveiw' (did you mean 'mini-review'?)");
	assert_null(template_set_find(f->set, "absent"));
	assert_null(template_set_vocab(f->set, "absent"));
	struct template_set *none = template_set_load(NULL, 0, NULL);
	assert_int_equal(template_set_count(none), 0);
	template_set_free(none);
}

static void test_check_file(void **state)
{
	struct fixture *f = *state;
	struct template_diags *d = template_diags_new();
	struct template *t = template_check_file(GOOD "/mini-reflect.yaml", f->set, d);
	assert_non_null(t);
	assert_int_equal(template_source(t), TEMPLATE_SOURCE_FILE);
	assert_int_equal(template_diags_count(d), 0);
	template_free(t);
	assert_null(template_check_file(GOOD "/absent.yaml", f->set, d));
	char *e = first_error(d);
	assert_string_equal(e, GOOD "/absent.yaml: cannot read the file: No such file or directory");
	free(e);
	template_diags_free(d);
	d = template_diags_new();
	assert_null(template_check_file(GOOD, f->set, d));   /* a folder */
	e = first_error(d);
	assert_string_equal(e, GOOD ": not a regular file");
	free(e);
	template_diags_free(d);
}

/* ---- the bundled templates ---------------------------------------------- */

static size_t count_yaml(const char *dir)
{
	size_t n = 0;
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		size_t len = strlen(e->d_name);
		n += len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0;
	}
	if (d)
		closedir(d);
	return n;
}

/* prompts/ loads as the bundled folder with no errors, every file becomes a
 * template, and the skeleton's default follow-up exists there.  Skipped
 * only while prompts/ holds no templates at all. */
static void test_bundled_prompts(void **state)
{
	(void)state;
	size_t files = count_yaml(BUNDLED);
	if (files == 0)
		skip();
	struct template_diags *d = template_diags_new();
	struct template_dir dir = { BUNDLED, TEMPLATE_SOURCE_BUNDLED };
	struct template_set *set = template_set_load(&dir, 1, d);
	for (size_t i = 0; i < template_diags_count(d); i++) {
		char *s = template_diag_format(template_diags_get(d, i));
		print_message("%s\n", s);
		free(s);
	}
	assert_int_equal(template_diags_errors(d), 0);
	assert_int_equal(template_set_count(set), files);
	assert_non_null(template_set_find(set, "action-review"));
	for (size_t i = 0; i < template_set_count(set); i++) {
		const struct template *t = template_set_at(set, i);
		size_t n;
		template_based_on(t, &n);
		assert_true(n > 0);
		assert_int_equal(template_source(t), TEMPLATE_SOURCE_BUNDLED);
	}
	char *text = template_new_skeleton("my-habit", NULL);
	struct template_load_opts o = { set, TEMPLATE_SOURCE_USER, NULL };
	struct template *sk = template_load_buffer(text, strlen(text), "my-habit.yaml", &o, d);
	assert_non_null(sk);
	assert_int_equal(template_check_refs(sk, set, d), 0);
	template_free(sk);
	free(text);
	template_set_free(set);
	template_diags_free(d);
}

/* ---- skeleton and folders ----------------------------------------------- */

static void test_skeleton(void **state)
{
	(void)state;
	struct px_error err;
	px_error_clear(&err);
	char *text = template_new_skeleton("my-habit", &err);
	assert_non_null(text);
	assert_non_null(strstr(text, "id: my-habit\n"));
	assert_non_null(strstr(text, "name: My habit\n"));
	struct template_diags *d = template_diags_new();
	struct template_load_opts o = { NULL, TEMPLATE_SOURCE_USER, NULL };
	struct template *t = template_load_buffer(text, strlen(text), "my-habit.yaml", &o, d);
	assert_non_null(t);
	assert_int_equal(template_diags_count(d), 0);   /* not even a warning */
	assert_string_equal(template_step_at(t, 5)->follow_up, "action-review");
	template_free(t);
	template_diags_free(d);
	free(text);
	assert_null(template_new_skeleton("My Habit", &err));
	assert_int_equal(err.code, PX_ERR_INVALID);
}

static void test_folders(void **state)
{
	(void)state;
	char *old_xdg = getenv("XDG_CONFIG_HOME") ? px_xstrdup(getenv("XDG_CONFIG_HOME")) : NULL;
	char *old_home = getenv("HOME") ? px_xstrdup(getenv("HOME")) : NULL;
	setenv("XDG_CONFIG_HOME", "/x/config", 1);
	setenv("HOME", "/home/learner", 1);
	char *u = template_dir_user();
	assert_string_equal(u, "/x/config/praxis/prompts");
	free(u);
	setenv("XDG_CONFIG_HOME", "relative/config", 1);   /* ignored: not absolute */
	u = template_dir_user();
	assert_string_equal(u, "/home/learner/.config/praxis/prompts");
	free(u);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("HOME");
	assert_null(template_dir_user());
	if (old_xdg)
		setenv("XDG_CONFIG_HOME", old_xdg, 1);
	if (old_home)
		setenv("HOME", old_home, 1);
	free(old_xdg);
	free(old_home);
	char *b = template_dir_bundled();   /* depends on the install; when found, a folder */
	if (b) {
		struct stat st;
		assert_int_equal(stat(b, &st), 0);
		assert_true(S_ISDIR(st.st_mode));
		assert_non_null(strstr(b, "prompts"));
	}
	free(b);
}

/* ---- names -------------------------------------------------------------- */

static void test_names(void **state)
{
	(void)state;
	enum template_frame fr;
	assert_string_equal(template_kind_name(TEMPLATE_OUTCOME), "outcome");
	assert_string_equal(template_role_name(TEMPLATE_ROLE_FOLLOW_UP), "follow-up");
	assert_string_equal(template_frame_name(TEMPLATE_FRAME_INQUIRY), "inquiry");
	assert_string_equal(template_focus_name(TEMPLATE_FOCUS_IDEAS), "ideas");
	assert_string_equal(template_depth_name(TEMPLATE_DEPTH_NONE), "");
	assert_string_equal(template_source_name(TEMPLATE_SOURCE_USER), "user");
	assert_int_equal(template_frame_parse("period", &fr), 0);
	assert_int_equal(fr, TEMPLATE_FRAME_PERIOD);
	assert_int_equal(template_frame_parse("Period", &fr), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_vectors),
		cmocka_unit_test_setup_teardown(test_good_folder_loads, setup_good, teardown_good),
		cmocka_unit_test_setup_teardown(test_reflect_metadata, setup_good, teardown_good),
		cmocka_unit_test_setup_teardown(test_citation, setup_good, teardown_good),
		cmocka_unit_test_setup_teardown(test_steps_and_kinds, setup_good, teardown_good),
		cmocka_unit_test_setup_teardown(test_options_and_vocabularies, setup_good,
						teardown_good),
		cmocka_unit_test_setup_teardown(test_condition_trees, setup_good, teardown_good),
		cmocka_unit_test_setup_teardown(test_condition_eval, setup_good, teardown_good),
		cmocka_unit_test_setup_teardown(test_follow_up_template, setup_good, teardown_good),
		cmocka_unit_test_setup_teardown(test_review_facts, setup_good, teardown_good),
		cmocka_unit_test(test_facts_table),
		cmocka_unit_test(test_expand),
		cmocka_unit_test_setup_teardown(test_text_and_hash, setup_good, teardown_good),
		cmocka_unit_test(test_buffer_not_terminated),
		cmocka_unit_test_setup_teardown(test_bad_corpus, setup_good, teardown_good),
		cmocka_unit_test_setup_teardown(test_collects_all_problems, setup_good,
						teardown_good),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_lints),
		cmocka_unit_test(test_adapted_false_bundled),
		cmocka_unit_test(test_x_keys_in_vocabularies),
		cmocka_unit_test(test_folder_keeps_good_templates),
		cmocka_unit_test(test_user_overrides_bundled),
		cmocka_unit_test(test_same_folder_duplicate_id),
		cmocka_unit_test(test_missing_follow_up_cascades),
		cmocka_unit_test_setup_teardown(test_set_lookup, setup_good, teardown_good),
		cmocka_unit_test_setup_teardown(test_check_file, setup_good, teardown_good),
		cmocka_unit_test(test_bundled_prompts),
		cmocka_unit_test(test_skeleton),
		cmocka_unit_test(test_folders),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
