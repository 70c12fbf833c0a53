/*
 * engine.c — the prompt engine's run: starting and resuming, the cursor
 * over the template's steps, and which steps are shown.
 *
 * The run is "the answers so far plus a cursor" (REFLECTION.md §4.1):
 * steps are a list, conditions look only backwards, so after any change
 * one pass in file order decides which steps are shown, and moving is
 * just finding the next or previous shown step.
 */
#include "engine_impl.h"

#include "praxis/buf.h"
#include "praxis/draft.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void engine_start_init(struct engine_start *opts)
{
	memset(opts, 0, sizeof *opts);
	opts->frame = -1;
}

const char *engine_default_template(enum entry_frame frame)
{
	switch (frame) {
	case FRAME_INCIDENT: return "critical-incident";
	case FRAME_PERIOD: return "weekly-review";
	case FRAME_INQUIRY: return "inquiry-cycle";
	case FRAME_NOTE: break;
	}
	return "daily-note";
}

static enum entry_frame frame_of(enum template_frame f)
{
	enum entry_frame out = FRAME_NOTE;
	entry_frame_parse(template_frame_name(f), &out, NULL);
	return out;
}

/* ---- shown steps ------------------------------------------------------------- */

bool engine_value_of(struct engine *e, size_t index, struct template_value *out,
		     const char **scratch)
{
	const struct template_step *st = template_step_at(e->t, index);
	const struct run_answer *a = &e->answers[index];
	if (!e->shown[index])
		return false;
	if (st->kind == TEMPLATE_RECALL) {
		const struct run_recall *r = &e->recalls[index];
		if (!r->found)
			return false;
		*scratch = r->text;
		out->items = scratch;
		out->n_items = 1;
		return true;
	}
	if (!a->set)
		return false;
	switch (st->kind) {
	case TEMPLATE_SCALE:
		out->number_valid = a->has_number;
		out->number = a->number;
		return a->has_number;
	case TEMPLATE_MULTI: case TEMPLATE_TAGS: case TEMPLATE_PEOPLE:
		out->items = (const char *const *)a->items.items;
		out->n_items = a->items.len;
		return a->items.len > 0;
	case TEMPLATE_ACTION:
		out->items = (const char *const *)a->action_text.items;
		out->n_items = a->action_text.len;
		return a->action_text.len > 0;
	case TEMPLATE_INFO: case TEMPLATE_RECALL:
		return false;
	case TEMPLATE_TEXT: case TEMPLATE_CHOICE: case TEMPLATE_OUTCOME: case TEMPLATE_DATE:
		break;
	}
	if (!a->text || !*a->text)
		return false;
	*scratch = a->text;
	out->items = scratch;
	out->n_items = 1;
	return true;
}

static bool env_answer(void *ctx, const char *step_id, struct template_value *out)
{
	struct engine *e = ctx;
	long k = template_step_find(e->t, step_id);
	if (k < 0)
		return false;
	return engine_value_of(e, (size_t)k, out, &e->one_item[k]);
}

void engine_refresh(struct engine *e)
{
	struct template_env env = {
		.answer = env_answer, .fact = engine_fact_value, .ctx = e,
		.in_inquiry = e->has_inquiry,
	};
	enum template_frame tf = TEMPLATE_FRAME_NOTE;
	template_frame_parse(entry_frame_name(e->frame), &tf);
	env.frame = tf;
	/* Conditions only look at earlier steps, so one pass in order sees
	 * every step it needs already decided. */
	for (size_t i = 0; i < e->n; i++) {
		const struct template_step *st = template_step_at(e->t, i);
		e->shown[i] = false;
		bool shown = template_step_shown(st, &env);
		if (shown && st->kind == TEMPLATE_RECALL) {
			engine_recall_compute(e, i);
			shown = e->recalls[i].found || st->empty;
		}
		e->shown[i] = shown;
	}
}

static size_t next_shown(const struct engine *e, size_t from)
{
	while (from < e->n && !e->shown[from])
		from++;
	return from;
}

/* ---- starting ------------------------------------------------------------------- */

static int setup_context(struct engine *e, const struct engine_start *o, struct px_error *err)
{
	if (o->inquiry_id) {
		if (inquiry_get(e->j, o->inquiry_id, &e->inquiry, err) < 0)
			return -1;
		e->has_inquiry = true;
		if (e->inquiry.status == INQUIRY_CLOSED)
			return px_error_set(err, PX_ERR_INVALID,
					    "inquiry %lld: closed; 'praxis inquiry reopen %lld' opens it "
					    "again", (long long)o->inquiry_id, (long long)o->inquiry_id);
	}
	bool follow_up = template_role(e->t) == TEMPLATE_ROLE_FOLLOW_UP;
	if (template_closes_inquiry(e->t) && !o->inquiry_id)
		return px_error_set(err, PX_ERR_INVALID,
				    "template '%s' closes an inquiry: say which (--inquiry ID)",
				    template_id(e->t));
	if (o->action_id) {
		/* A reflect template may follow up an action too: that is how a
		 * "come back to this" reminder returns as a full model. */
		if (template_role(e->t) == TEMPLATE_ROLE_REVIEW)
			return px_error_set(err, PX_ERR_INVALID,
					    "template '%s' reviews a period; it cannot follow up an "
					    "action", template_id(e->t));
		if (action_get(e->j, o->action_id, &e->action, err) < 0)
			return -1;
		e->has_action = true;
		if (e->action.status != ACTION_OPEN)
			return px_error_set(err, PX_ERR_INVALID,
					    "action %lld: already %s; only an open action can be "
					    "followed up", (long long)o->action_id,
					    action_status_name(e->action.status));
	} else if (follow_up) {
		return px_error_set(err, PX_ERR_INVALID,
				    "template '%s' follows up a planned action: start it with "
				    "'praxis follow-up ACTION_ID'", template_id(e->t));
	}
	return 0;
}

/* The frame of a new entry: as asked, else a follow-up stays in the
 * planning entry's inquiry, else inside an inquiry it is an inquiry entry,
 * else the template's first frame. */
static int setup_frame(struct engine *e, const struct engine_start *o, struct px_error *err)
{
	size_t nf;
	const enum template_frame *frames = template_frames(e->t, &nf);
	if (o->frame >= 0 && o->frame < FRAME_COUNT) {
		e->frame = (enum entry_frame)o->frame;
	} else if (e->has_action) {
		struct entry planner;
		if (entry_get(e->j, e->action.planned_by, &planner, err) < 0)
			return -1;
		int64_t inq = planner.inquiry_id;
		entry_free(&planner);
		if (inq && !e->has_inquiry) {
			struct inquiry q;
			if (inquiry_get(e->j, inq, &q, NULL) == 0) {
				if (q.status == INQUIRY_OPEN) {
					e->inquiry = q;
					e->has_inquiry = true;
				} else {
					inquiry_free(&q);
				}
			}
		}
		e->frame = e->has_inquiry ? FRAME_INQUIRY : FRAME_NOTE;
		for (size_t i = 0; !e->has_inquiry && i < nf; i++)
			if (frames[i] != TEMPLATE_FRAME_INQUIRY) {
				e->frame = frame_of(frames[i]);
				break;
			}
	} else if (e->has_inquiry) {
		e->frame = FRAME_INQUIRY;
	} else {
		e->frame = nf ? frame_of(frames[0]) : FRAME_NOTE;
	}
	return 0;
}

static int setup_period(struct engine *e, const struct engine_start *o, struct px_error *err)
{
	if (e->frame != FRAME_PERIOD && template_role(e->t) != TEMPLATE_ROLE_REVIEW)
		return 0;
	const char *p = o->period ? o->period : template_period_default(e->t);
	if (!p)
		p = "week";
	if (date_parse_range(p, &e->now, &e->period, err) < 0)
		return -1;
	e->has_period = true;
	return 0;
}

/* The run's "now": the caller's when given (a journal written for another
 * day), else the one clock. */
static int setup_clock(struct engine *e, const struct engine_start *o, struct px_error *err)
{
	if (!o->now)
		return date_now(&e->now, err);
	const struct px_datetime *n = o->now;
	if (!date_valid(&n->date) ||
	    (n->has_time && (n->hour < 0 || n->hour > 23 || n->minute < 0 || n->minute > 59 ||
			     n->second < 0 || n->second > 59)))
		return px_error_set(err, PX_ERR_INVALID, "the run's clock is not a valid date-time");
	e->now = *n;
	if (!e->now.has_time) {
		e->now.hour = e->now.minute = e->now.second = 0;
		e->now.has_time = 1;
	}
	e->fixed_now = true;
	return 0;
}

int engine_setup(struct engine *e, const struct engine_start *o, struct px_error *err)
{
	if (!o->template_id || !*o->template_id)
		return px_error_set(err, PX_ERR_INVALID, "which template? give its id");
	if (!(e->t = template_set_get(e->set, o->template_id, err)))
		return -1;
	if (setup_clock(e, o, err) < 0)
		return -1;
	if (o->occurred_at) {
		struct px_datetime at;
		if (datetime_parse_storage(o->occurred_at, &at) < 0)
			return px_error_set(err, PX_ERR_INVALID, "'%s' is not a date-time",
					    o->occurred_at);
		snprintf(e->occurred_at, sizeof e->occurred_at, "%s", o->occurred_at);
	} else {
		datetime_format(&e->now, e->occurred_at);
	}
	if (setup_context(e, o, err) < 0 || setup_frame(e, o, err) < 0 ||
	    setup_period(e, o, err) < 0)
		return -1;
	e->n = template_step_count(e->t);
	if (engine_setup_facts(e, err) < 0)
		return -1;
	if (o->title)
		e->title = px_xstrdup(o->title);
	e->is_private = o->is_private;
	e->answers = px_xcalloc(e->n ? e->n : 1, sizeof *e->answers);
	e->recalls = px_xcalloc(e->n ? e->n : 1, sizeof *e->recalls);
	e->shown = px_xcalloc(e->n ? e->n : 1, sizeof *e->shown);
	return 0;
}

static struct engine *engine_alloc(struct journal *j, const struct template_set *set)
{
	struct engine *e = px_xcalloc(1, sizeof *e);
	e->j = j;
	e->set = set;
	return e;
}

int engine_start(struct journal *j, const struct template_set *set,
		 const struct engine_start *opts, struct engine **out, struct px_error *err)
{
	*out = NULL;
	struct engine *e = engine_alloc(j, set);
	if (engine_setup(e, opts, err) < 0) {
		engine_free(e);
		return -1;
	}
	engine_refresh(e);
	e->cursor = next_shown(e, 0);
	*out = e;
	return 0;
}

int engine_resume(struct journal *j, const struct template_set *set, int64_t draft_id,
		  struct engine **out, struct px_error *err)
{
	*out = NULL;
	struct draft d;   /* draft_get fills it whole */
	if (draft_get(j, draft_id, &d, err) < 0) {
		draft_free(&d);
		return -1;
	}
	if (d.kind != DRAFT_RUN) {
		draft_free(&d);
		return px_error_set(err, PX_ERR_INVALID,
				    "draft %lld: free writing, not a template run",
				    (long long)draft_id);
	}
	struct engine *e = engine_alloc(j, set);
	e->draft_id = draft_id;
	int rc = engine_load_draft(e, d.payload, err);
	draft_free(&d);
	if (rc < 0) {
		px_error_locate(err, NULL, 0, 0);
		engine_free(e);
		return -1;
	}
	*out = e;
	return 0;
}

void engine_free(struct engine *e)
{
	if (!e)
		return;
	for (size_t i = 0; i < e->n; i++) {
		run_answer_clear(&e->answers[i]);
		free(e->recalls[i].text);
		free(e->recalls[i].source);
	}
	free(e->answers);
	free(e->recalls);
	free(e->shown);
	if (e->has_inquiry)
		inquiry_free(&e->inquiry);
	if (e->has_action)
		action_free(&e->action);
	free(e->title);
	free(e->typing);
	free(e->out_title);
	free(e->out_prompt);
	free(e->out_guidance);
	engine_free_facts(e);
	free(e);
}

/* ---- reading the run ---------------------------------------------------------------- */

const struct template *engine_template(const struct engine *e)
{
	/* cppcheck reads the word "template" as C++ and loses the type. */
	// cppcheck-suppress CastIntegerToAddressAtReturn
	return e->t;
}
enum entry_frame engine_frame(const struct engine *e) { return e->frame; }
int64_t engine_draft_id(const struct engine *e) { return e->draft_id; }

const struct template_step *engine_step(const struct engine *e)
{
	return e->cursor < e->n ? template_step_at(e->t, e->cursor) : NULL;
}

void engine_progress(const struct engine *e, size_t *current, size_t *total)
{
	size_t cur = 0, all = 0;
	for (size_t i = 0; i < e->n; i++) {
		if (!e->shown[i])
			continue;
		all++;
		if (i <= e->cursor)
			cur++;
	}
	*current = e->cursor < e->n ? cur : all;
	*total = all;
}

/* Replace *SLOT with TEXT expanded (or "" for NULL). */
static const char *expanded(struct engine *e, char **slot, const char *text)
{
	free(*slot);
	*slot = text ? engine_expand(e, text) : px_xstrdup("");
	return *slot;
}

const char *engine_title(struct engine *e)
{
	const struct template_step *st = engine_step(e);
	return expanded(e, &e->out_title, st ? st->title : NULL);
}

const char *engine_prompt(struct engine *e)
{
	const struct template_step *st = engine_step(e);
	return expanded(e, &e->out_prompt, st ? st->prompt : NULL);
}

const char *engine_guidance(struct engine *e)
{
	const struct template_step *st = engine_step(e);
	return expanded(e, &e->out_guidance, st ? st->guidance : NULL);
}

const char *engine_recall(struct engine *e, const char **source)
{
	const struct template_step *st = engine_step(e);
	if (source)
		*source = "";
	if (!st || st->kind != TEMPLATE_RECALL)
		return "";
	const struct run_recall *r = &e->recalls[e->cursor];
	if (r->found) {
		if (source)
			*source = r->source ? r->source : "";
		return r->text;
	}
	return expanded(e, &e->out_guidance, st->empty);
}

struct opt_list engine_step_options(const struct engine *e, size_t index)
{
	const struct template_step *st = template_step_at(e->t, index);
	if (st->options_fact && e->fact_options)
		return (struct opt_list){ e->fact_options[index], e->n_fact_options[index] };
	return (struct opt_list){ st->options, st->n_options };
}

const struct template_option *engine_options(const struct engine *e, size_t *n)
{
	if (e->cursor >= e->n) {
		*n = 0;
		return NULL;
	}
	struct opt_list ol = engine_step_options(e, e->cursor);
	*n = ol.n;
	return ol.v;
}

const char *engine_answer_text(struct engine *e, size_t index)
{
	if (index >= e->n)
		return "";
	return run_answer_display(e, index);
}

bool engine_answered(const struct engine *e, size_t index)
{
	return index < e->n && e->answers[index].set;
}

const char *engine_typing(const struct engine *e)
{
	return e->typing;
}

/* ---- moving --------------------------------------------------------------------------- */

int engine_answer(struct engine *e, const struct engine_value *value, struct px_error *err)
{
	if (e->cursor >= e->n)
		return px_error_set(err, PX_ERR_INVALID, "every step is answered: finish the run");
	if (engine_store_answer(e, e->cursor, value, err) < 0)
		return -1;
	free(e->typing);
	e->typing = NULL;
	engine_refresh(e);
	e->cursor = next_shown(e, e->cursor + 1);
	return engine_save_draft(e, err);
}

int engine_back(struct engine *e, struct px_error *err)
{
	size_t k = e->cursor;
	while (k > 0 && !e->shown[k - 1])
		k--;
	if (k == 0)
		return px_error_set(err, PX_ERR_INVALID, "this is the first step");
	e->cursor = k - 1;
	free(e->typing);
	e->typing = NULL;
	return engine_save_draft(e, err);
}

int engine_save_typing(struct engine *e, const char *text, struct px_error *err)
{
	free(e->typing);
	e->typing = text && *text ? px_xstrdup(text) : NULL;
	return engine_save_draft(e, err);
}

int engine_discard(struct engine *e, struct px_error *err)
{
	if (!e->draft_id)
		return 0;
	if (draft_delete(e->j, e->draft_id, err) < 0)
		return -1;
	e->draft_id = 0;
	return 0;
}
