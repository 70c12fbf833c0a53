/*
 * engine_finish.c — the one transaction that turns a run into an entry.
 *
 * Everything a finished run means is written together or not at all: the
 * entry, its answers (prompts as asked), tags and people, the template
 * snapshot, planned actions, the follow-up of the action the run came
 * from, an inquiry the template opens, and the deletion of the draft.
 * Checks that can refuse (required steps, the outcome) run before the
 * transaction begins, so a refusal writes nothing and keeps the draft.
 */
#include "engine_impl.h"

#include "praxis/answer.h"
#include "praxis/buf.h"
#include "praxis/draft.h"
#include "praxis/snapshot.h"
#include "praxis/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TITLE_MAX_COLUMNS 72

static bool written(const struct engine *e, size_t i)
{
	const struct template_step *st = template_step_at(e->t, i);
	if (!e->shown[i] || st->kind == TEMPLATE_INFO)
		return false;
	if (st->kind == TEMPLATE_RECALL)
		return e->recalls[i].found;
	return e->answers[i].set;
}

/* ---- checks before writing ------------------------------------------------ */

struct follow_up {
	enum action_outcome outcome;
	const char *new_due;
};

static int check_follow_up(struct engine *e, struct follow_up *fu, struct px_error *err)
{
	long outcome_step = -1;
	for (size_t i = 0; i < e->n; i++)
		if (template_step_at(e->t, i)->kind == TEMPLATE_OUTCOME)
			outcome_step = (long)i;
	if (outcome_step < 0) {
		/* A reminder revisited with a full model: reflecting on it is
		 * what the action asked for, so it is done. */
		fu->outcome = OUTCOME_WORKED;
		return 0;
	}
	if (!written(e, (size_t)outcome_step))
		return px_error_set(err, PX_ERR_INVALID,
				    "step '%s': a follow-up needs the outcome of action %lld",
				    template_step_at(e->t, (size_t)outcome_step)->id,
				    (long long)e->action.id);
	action_outcome_parse(e->answers[outcome_step].text, &fu->outcome, NULL);
	if (fu->outcome != OUTCOME_NOT_YET)
		return 0;
	/* not-yet: the next date answered after the outcome is the new due date. */
	for (size_t i = (size_t)outcome_step + 1; i < e->n; i++)
		if (template_step_at(e->t, i)->kind == TEMPLATE_DATE && written(e, i)) {
			fu->new_due = e->answers[i].text;
			return 0;
		}
	return px_error_set(err, PX_ERR_INVALID,
			    "step '%s': 'not-yet' keeps action %lld open, so it needs a new due "
			    "date (a date step after the outcome)",
			    template_step_at(e->t, (size_t)outcome_step)->id, (long long)e->action.id);
}

static int check_run(struct engine *e, struct follow_up *fu, struct px_error *err)
{
	for (size_t i = 0; i < e->n; i++) {
		const struct template_step *st = template_step_at(e->t, i);
		if (e->shown[i] && st->required && !written(e, i))
			return px_error_set(err, PX_ERR_INVALID, "step '%s': this step needs an answer",
					    st->id);
	}
	const char *q = template_opens_inquiry(e->t);
	if (q && !e->has_inquiry) {
		long k = template_step_find(e->t, q);
		if (k < 0 || !written(e, (size_t)k))
			return px_error_set(err, PX_ERR_INVALID,
					    "step '%s': the inquiry's question needs an answer", q);
	}
	return e->has_action ? check_follow_up(e, fu, err) : 0;
}

/* ---- the entry ------------------------------------------------------------------ */

static void collect_tag(const char *name, size_t len, void *ctx)
{
	char *copy = px_xstrndup(name, len);
	strlist_add_unique(ctx, copy);
	free(copy);
}

/* Tags and people: the template's tags, tag and people steps, the tags of
 * picked options, and #tags and @Names written in text answers. */
static void collect_names(struct engine *e, struct entry *en)
{
	size_t nt;
	const char *const *tags = template_tags(e->t, &nt);
	for (size_t i = 0; i < nt; i++)
		strlist_add_unique(&en->tags, tags[i]);
	for (size_t i = 0; i < e->n; i++) {
		if (!written(e, i))
			continue;
		const struct template_step *st = template_step_at(e->t, i);
		const struct run_answer *a = &e->answers[i];
		struct px_strlist *dest = st->kind == TEMPLATE_PEOPLE ? &en->people : &en->tags;
		if (st->kind == TEMPLATE_TAGS || st->kind == TEMPLATE_PEOPLE)
			for (size_t k = 0; k < a->items.len; k++)
				strlist_add_unique(dest, a->items.items[k]);
		struct opt_list ol = engine_step_options(e, i);
		for (size_t k = 0; k < ol.n; k++) {
			const struct template_option *o = &ol.v[k];
			bool picked = (a->text && strcmp(a->text, o->id) == 0);
			for (size_t m = 0; !picked && m < a->items.len; m++)
				picked = strcmp(a->items.items[m], o->id) == 0;
			if (picked && o->tag && (st->kind == TEMPLATE_CHOICE || st->kind == TEMPLATE_MULTI))
				strlist_add_unique(&en->tags, o->tag);
		}
		if (st->kind == TEMPLATE_TEXT || st->kind == TEMPLATE_ACTION) {
			const struct px_strlist *texts = st->kind == TEMPLATE_TEXT ? NULL : &a->action_text;
			size_t m = texts ? texts->len : 1;
			for (size_t k = 0; k < m; k++) {
				const char *t = texts ? texts->items[k] : a->text;
				text_scan_tags(t, collect_tag, &en->tags);
				text_scan_people(t, collect_tag, &en->people);
			}
		}
	}
}

/* The title: as given, else the first line of the first text answer cut
 * at a word, else the template's name. */
static char *derive_title(struct engine *e)
{
	if (e->title && !text_is_blank(e->title))
		return px_xstrdup(e->title);
	for (size_t i = 0; i < e->n; i++) {
		if (!written(e, i) || template_step_at(e->t, i)->kind != TEMPLATE_TEXT)
			continue;
		const char *t = e->answers[i].text;
		char *line = px_xstrndup(t, strcspn(t, "\n"));
		if (text_width(line) > TITLE_MAX_COLUMNS) {
			char *cut = text_truncate(line, TITLE_MAX_COLUMNS - 1, "");
			char *space = strrchr(cut, ' ');
			if (space && space - cut > TITLE_MAX_COLUMNS / 2)
				*space = '\0';
			struct px_buf b = PX_BUF_INIT;
			px_buf_addf(&b, "%s…", cut);
			free(cut);
			free(line);
			line = px_buf_detach(&b);
		}
		return line;
	}
	return px_xstrdup(template_name(e->t));
}

static int add_entry(struct engine *e, int64_t inquiry_id, int64_t *id, struct px_error *err)
{
	struct entry en;
	entry_init(&en);
	en.frame = e->frame;
	char *title = derive_title(e);
	entry_set(&en.title, title);
	free(title);
	snprintf(en.occurred_at, sizeof en.occurred_at, "%s", e->occurred_at);
	if (e->frame == FRAME_PERIOD && e->has_period) {
		date_format(&e->period.from, en.period_start);
		date_format(&e->period.to, en.period_end);
	}
	en.inquiry_id = inquiry_id;
	en.is_private = e->is_private;
	entry_set(&en.template_id, template_id(e->t));
	en.template_version = template_version(e->t);
	entry_set(&en.template_hash, template_hash(e->t));
	collect_names(e, &en);
	int rc = entry_add(e->j, &en, err);
	*id = en.id;
	entry_free(&en);
	return rc;
}

/* ---- answers and actions ------------------------------------------------------------ */

static int add_answer(struct engine *e, int64_t entry_id, size_t i, struct px_error *err)
{
	const struct template_step *st = template_step_at(e->t, i);
	const struct run_answer *a = &e->answers[i];
	/* Prompts are stored as they were asked: expanded with what came before. */
	size_t saved = e->cursor;
	e->cursor = i;
	char *title = engine_expand(e, st->title);
	char *prompt = st->prompt ? engine_expand(e, st->prompt) : px_xstrdup("");
	e->cursor = saved;
	struct px_buf ids = PX_BUF_INIT;
	if ((st->kind == TEMPLATE_CHOICE || st->kind == TEMPLATE_OUTCOME) && a->text)
		px_buf_adds(&ids, a->text);
	for (size_t k = 0; st->kind == TEMPLATE_MULTI && k < a->items.len; k++)
		px_buf_addf(&ids, "%s%s", k ? "\n" : "", a->items.items[k]);
	if (st->kind == TEMPLATE_RECALL)
		px_buf_adds(&ids, e->recalls[i].uuid);
	struct answer ans = {
		.step_id = st->id, .position = (int)i, .kind = template_kind_name(st->kind),
		.title = title, .prompt = prompt, .value_text = run_answer_display(e, i),
		.has_num = a->has_number, .value_num = a->number,
		.value_ids = ids.len ? ids.data : NULL, .measure = st->measure, .lens = st->lens,
		.depth = st->depth != TEMPLATE_DEPTH_NONE ? template_depth_name(st->depth) : NULL,
	};
	int rc = answer_add(e->j, entry_id, &ans, err);
	px_buf_free(&ids);
	free(title);
	free(prompt);
	return rc;
}

static int add_actions(struct engine *e, int64_t entry_id, struct px_error *err)
{
	int position = 0;
	for (size_t i = 0; i < e->n; i++) {
		const struct template_step *st = template_step_at(e->t, i);
		if (st->kind != TEMPLATE_ACTION || !written(e, i))
			continue;
		const struct run_answer *a = &e->answers[i];
		for (size_t k = 0; k < a->action_text.len; k++)
			if (action_add(e->j, entry_id, a->action_text.items[k], a->action_due.items[k],
				       st->follow_up, position++, NULL, err) < 0)
				return -1;
	}
	return 0;
}

static int open_inquiry(struct engine *e, int64_t *inquiry_id, struct px_error *err)
{
	*inquiry_id = e->has_inquiry ? e->inquiry.id : 0;
	const char *q = template_opens_inquiry(e->t);
	if (!q || e->has_inquiry)
		return 0;
	long k = template_step_find(e->t, q);
	/* The question is one line: the answer's first. */
	const char *text = e->answers[k].text;
	char *question = px_xstrndup(text, strcspn(text, "\n"));
	struct inquiry inq;
	int rc = inquiry_new(e->j, question, e->occurred_at, &inq, err);
	free(question);
	if (rc < 0)
		return -1;
	*inquiry_id = inq.id;
	inquiry_free(&inq);
	return 0;
}

static int close_inquiry(struct engine *e, struct px_error *err)
{
	const char *step = template_closes_inquiry(e->t);
	if (!step || !e->has_inquiry)
		return 0;
	long k = template_step_find(e->t, step);
	const char *summary = written(e, (size_t)k) ? e->answers[k].text : NULL;
	return inquiry_close(e->j, e->inquiry.id, summary, e->occurred_at, err);
}

int engine_finish(struct engine *e, int64_t *entry_id, struct px_error *err)
{
	struct follow_up fu = { OUTCOME_NONE, NULL };
	engine_refresh(e);
	if (check_run(e, &fu, err) < 0 || journal_begin(e->j, err) < 0)
		return -1;
	size_t len;
	const char *yaml = template_text(e->t, &len);
	int64_t id = 0, inquiry_id = 0;
	int rc = snapshot_keep(e->j, template_id(e->t), template_version(e->t), template_hash(e->t),
			       yaml, err);
	if (rc == 0)
		rc = open_inquiry(e, &inquiry_id, err);
	if (rc == 0)
		rc = add_entry(e, inquiry_id, &id, err);
	for (size_t i = 0; rc == 0 && i < e->n; i++)
		if (written(e, i))
			rc = add_answer(e, id, i, err);
	if (rc == 0)
		rc = add_actions(e, id, err);
	if (rc == 0 && e->has_action)
		rc = action_follow_up(e->j, e->action.id, id, fu.outcome, fu.new_due, err);
	if (rc == 0)
		rc = close_inquiry(e, err);
	if (rc == 0 && e->draft_id)
		rc = draft_delete(e->j, e->draft_id, err);
	if (rc < 0 || journal_commit(e->j, err) < 0) {
		journal_rollback(e->j);
		return -1;
	}
	e->draft_id = 0;
	if (entry_id)
		*entry_id = id;
	return 0;
}
