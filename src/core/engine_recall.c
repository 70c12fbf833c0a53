/*
 * engine_recall.c — what a run can read from outside its own answers:
 * recall sources (an earlier answer, the action being followed up, the
 * planning entry, the inquiry, an earlier entry made with a template) and
 * the values of {{substitutions}}.
 *
 * A recall is a snapshot: the text shown is what finishing stores, so the
 * entry still reads right after the source entry is edited or deleted.
 */
#include "engine_impl.h"

#include "praxis/answer.h"
#include "praxis/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void recall_set(struct run_recall *r, const char *text, const char *source,
		       const char *uuid)
{
	free(r->text);
	free(r->source);
	r->text = px_xstrdup(text);
	r->source = px_xstrdup(source ? source : "");
	snprintf(r->uuid, sizeof r->uuid, "%s", uuid ? uuid : "");
	r->found = true;
}

/* "Tue 3 Mar 2026" from a stored date or date-time. */
static void human_date(const char *stored, char *out, size_t size)
{
	struct px_datetime dt;
	char day[11];
	snprintf(day, sizeof day, "%.10s", stored);
	if (datetime_parse_storage(day, &dt) == 0)
		date_format_human(&dt.date, out, size);
	else
		snprintf(out, size, "%s", day);
}

/* "from your entry of Tue 3 Mar 2026, “Handover”" */
static char *source_line(const struct answer_found *f)
{
	char day[32];
	human_date(f->occurred_at, day, sizeof day);
	struct px_buf b = PX_BUF_INIT;
	px_buf_addf(&b, "from your entry of %s", day);
	if (f->entry_title && *f->entry_title)
		px_buf_addf(&b, ", \u201c%s\u201d", f->entry_title);
	return px_buf_detach(&b);
}

static void recall_found(struct engine *e, struct run_recall *r, const struct answer_query *q)
{
	struct answer_found f;
	if (answer_find(e->j, q, &f, NULL) == 1) {
		char *src = source_line(&f);
		recall_set(r, f.text, src, f.entry_uuid);
		free(src);
	}
	answer_found_free(&f);
}

static void recall_action(struct engine *e, const struct template_recall *rc, struct run_recall *r)
{
	const struct action *a = &e->action;
	char day[32];
	human_date(a->planned_on, day, sizeof day);
	struct px_buf b = PX_BUF_INIT;
	if (strcmp(rc->field, "text") == 0)
		px_buf_adds(&b, a->text);
	else if (strcmp(rc->field, "due") == 0)
		px_buf_adds(&b, a->due_date);
	else
		px_buf_addf(&b, "%s (planned on %s, due %s)", a->text, day, a->due_date);
	struct px_buf src = PX_BUF_INIT;
	px_buf_addf(&src, "action %lld, planned on %s", (long long)a->id, day);
	if (a->planned_title && *a->planned_title)
		px_buf_addf(&src, " in \u201c%s\u201d", a->planned_title);
	struct entry planner;
	char uuid[37] = "";
	if (entry_get(e->j, a->planned_by, &planner, NULL) == 0)
		snprintf(uuid, sizeof uuid, "%s", planner.uuid);
	entry_free(&planner);
	recall_set(r, b.data, src.data, uuid);
	px_buf_free(&b);
	px_buf_free(&src);
}

void engine_recall_compute(struct engine *e, size_t index)
{
	const struct template_step *st = template_step_at(e->t, index);
	const struct template_recall *rc = st->recall;
	struct run_recall *r = &e->recalls[index];
	/* Every source but an earlier answer of this run is fixed for the
	 * whole run: look it up once. */
	if (!rc || (r->done && rc->type != TEMPLATE_RECALL_STEP))
		return;
	r->done = true;
	r->found = false;
	struct answer_query q = { .step_id = rc->step, .first = rc->which &&
						    strcmp(rc->which, "first") == 0 };
	switch (rc->type) {
	case TEMPLATE_RECALL_STEP: {
		const char *shown = run_answer_display(e, rc->step_index);
		if (e->shown[rc->step_index] && e->answers[rc->step_index].set && *shown)
			recall_set(r, shown, "your answer earlier in this entry", NULL);
		break;
	}
	case TEMPLATE_RECALL_ACTION:
		if (e->has_action)
			recall_action(e, rc, r);
		break;
	case TEMPLATE_RECALL_PLANNING_ENTRY:
		if (e->has_action) {
			q.entry_id = e->action.planned_by;
			recall_found(e, r, &q);
		}
		break;
	case TEMPLATE_RECALL_INQUIRY:
		if (e->has_inquiry)
			recall_set(r, e->inquiry.question, "the question of this inquiry", NULL);
		break;
	case TEMPLATE_RECALL_INQUIRY_STEP:
		if (e->has_inquiry) {
			q.inquiry_id = e->inquiry.id;
			recall_found(e, r, &q);
		}
		break;
	case TEMPLATE_RECALL_TEMPLATE:
		q.template_id = rc->template_id;
		recall_found(e, r, &q);
		break;
	case TEMPLATE_RECALL_FACT: {
		const char *text = engine_fact_text(e, rc->fact, "\n", "\u2022 ");
		if (text && *text) {
			char src[96];
			snprintf(src, sizeof src, "from the review of %s", e->review->label);
			recall_set(r, text, src, NULL);
		}
		break;
	}
	}
}

/* ---- substitutions ------------------------------------------------------------------- */

struct lookup_ctx {
	struct engine *e;
	char buf[128];
};

static const char *lookup(void *ctx, const char *ns, const char *name)
{
	struct lookup_ctx *c = ctx;
	struct engine *e = c->e;
	if (strcmp(ns, "answer") == 0) {
		long k = template_step_find(e->t, name);
		if (k < 0 || (size_t)k >= e->cursor || !e->shown[k])
			return NULL;
		const char *v = run_answer_display(e, (size_t)k);
		return *v ? v : NULL;
	}
	if (strcmp(ns, "action") == 0 && e->has_action) {
		if (strcmp(name, "text") == 0)
			return e->action.text;
		if (strcmp(name, "due") == 0)
			return e->action.due_date;
		if (strcmp(name, "planned_on") == 0) {
			human_date(e->action.planned_on, c->buf, sizeof c->buf);
			return c->buf;
		}
		return NULL;
	}
	if (strcmp(ns, "inquiry") == 0 && e->has_inquiry && strcmp(name, "question") == 0)
		return e->inquiry.question;
	if (strcmp(ns, "fact") == 0)
		return engine_fact_text(e, name, ", ", "");
	if (strcmp(ns, "period") == 0 && e->has_period) {
		if (strcmp(name, "label") == 0)
			date_range_label(&e->period, c->buf, sizeof c->buf);
		else if (strcmp(name, "from") == 0)
			date_format(&e->period.from, c->buf);
		else if (strcmp(name, "to") == 0)
			date_format(&e->period.to, c->buf);
		else
			return NULL;
		return c->buf;
	}
	return NULL;
}

char *engine_expand(struct engine *e, const char *text)
{
	struct lookup_ctx c = { .e = e };
	return template_expand(text, lookup, &c);
}
