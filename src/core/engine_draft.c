/*
 * engine_draft.c — a run as a draft and back.
 *
 * The payload is JSON (which the core's YAML reader also reads, so no
 * second parser is needed): the run's context (template, frame, inquiry,
 * action, period, date, title) and each answer keyed by step id.  Loading
 * feeds every stored answer through the same checks as a fresh answer, so
 * a draft made before the template was edited keeps what still fits and
 * drops what no longer does, instead of resurrecting invalid state.
 */
#include "engine_impl.h"

#include "praxis/buf.h"
#include "praxis/draft.h"
#include "praxis/json.h"
#include "praxis/text.h"
#include "template_impl.h"
#include "yamltree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DRAFT_FORMAT 1

/* ---- writing ----------------------------------------------------------------- */

static void write_list(struct json_writer *w, const char *key, const struct px_strlist *l)
{
	json_key(w, key);
	json_begin_array(w);
	for (size_t i = 0; i < l->len; i++)
		json_string(w, l->items[i]);
	json_end_array(w);
}

static void write_answer(struct json_writer *w, const struct template_step *st,
			 const struct run_answer *a)
{
	json_key(w, st->id);
	json_begin_object(w);
	if (a->text)
		json_member_string(w, "text", a->text);
	if (a->other)
		json_member_string(w, "other", a->other);
	if (a->has_number) {
		json_key(w, "number");
		json_double(w, a->number);
	}
	if (a->items.len)
		write_list(w, "items", &a->items);
	if (a->action_text.len) {
		json_key(w, "actions");
		json_begin_array(w);
		for (size_t i = 0; i < a->action_text.len; i++) {
			json_begin_object(w);
			json_member_string(w, "text", a->action_text.items[i]);
			json_member_string(w, "due", a->action_due.items[i]);
			json_end_object(w);
		}
		json_end_array(w);
	}
	json_end_object(w);
}

static char *draft_payload(struct engine *e)
{
	struct px_buf b = PX_BUF_INIT;
	struct json_writer w;
	json_init(&w, &b, 0);
	json_begin_object(&w);
	json_member_int(&w, "format", DRAFT_FORMAT);
	json_member_string(&w, "template", template_id(e->t));
	json_member_int(&w, "version", template_version(e->t));
	json_member_string(&w, "frame", entry_frame_name(e->frame));
	if (e->has_inquiry)
		json_member_int(&w, "inquiry", e->inquiry.id);
	if (e->has_action)
		json_member_int(&w, "action", e->action.id);
	if (e->has_period) {
		char from[11], to[11], range[24];
		date_format(&e->period.from, from);
		date_format(&e->period.to, to);
		snprintf(range, sizeof range, "%s..%s", from, to);
		json_member_string(&w, "period", range);
	}
	json_member_string(&w, "occurred_at", e->occurred_at);
	if (e->fixed_now) {
		char now[20];
		datetime_format(&e->now, now);
		json_member_string(&w, "now", now);
	}
	if (e->title)
		json_member_string(&w, "title", e->title);
	json_member_int(&w, "private", e->is_private);
	if (e->cursor < e->n)
		json_member_string(&w, "cursor", template_step_at(e->t, e->cursor)->id);
	if (e->typing)
		json_member_string(&w, "typing", e->typing);
	json_key(&w, "answers");
	json_begin_object(&w);
	for (size_t i = 0; i < e->n; i++)
		if (e->answers[i].set)
			write_answer(&w, template_step_at(e->t, i), &e->answers[i]);
	json_end_object(&w);
	json_end_object(&w);
	return px_buf_detach(&b);
}

char *engine_draft_label(struct engine *e)
{
	struct px_buf b = PX_BUF_INIT;
	px_buf_adds(&b, template_name(e->t));
	for (size_t i = 0; i < e->n; i++) {
		const struct run_answer *a = &e->answers[i];
		if (a->set && template_step_at(e->t, i)->kind == TEMPLATE_TEXT && a->text) {
			size_t line = strcspn(a->text, "\n");
			char *first = px_xstrndup(a->text, line);
			char *cut = text_truncate(first, 50, "…");
			px_buf_addf(&b, ": %s", cut);
			free(cut);
			free(first);
			break;
		}
	}
	return px_buf_detach(&b);
}

int engine_save_draft(struct engine *e, struct px_error *err)
{
	struct draft d;
	draft_init(&d);
	d.id = e->draft_id;
	d.kind = DRAFT_RUN;
	d.action_id = e->has_action ? e->action.id : 0;
	draft_set(&d.template_id, template_id(e->t));
	char *label = engine_draft_label(e);
	draft_set(&d.label, label);
	free(label);
	char *payload = draft_payload(e);
	draft_set(&d.payload, payload);
	free(payload);
	int rc = draft_save(e->j, &d, err);
	if (rc == 0)
		e->draft_id = d.id;
	draft_free(&d);
	return rc;
}

/* ---- reading ------------------------------------------------------------------- */

static const char *str_of(const struct ynode *map, const char *key)
{
	const struct ynode *n = ymap_get(map, key);
	return n && n->kind == YNODE_SCALAR && !ynode_is_null(n) ? n->str : NULL;
}

static int64_t int_of(const struct ynode *map, const char *key)
{
	const char *s = str_of(map, key);
	return s ? strtoll(s, NULL, 10) : 0;
}

/* Feed one stored answer back through the checks; a refusal (the template
 * changed) drops just that answer. */
static void restore_answer(struct engine *e, size_t index, const struct ynode *a)
{
	if (!a || a->kind != YNODE_MAP)
		return;
	struct engine_value v = { 0 };
	const char *items[ENGINE_MAX_ITEMS];
	struct engine_action_plan plans[TEMPLATE_MAX_ACTIONS];
	const char *other = str_of(a, "other");
	const char *text = str_of(a, "text");
	v.text = other && text && strcmp(text, "other") == 0 ? other : text;
	const char *num = str_of(a, "number");
	if (num) {
		v.number = strtod(num, NULL);
		v.has_number = true;
	}
	const struct ynode *list = ymap_get(a, "items");
	for (size_t i = 0; list && list->kind == YNODE_SEQ && i < list->n && i < ENGINE_MAX_ITEMS;
	     i++)
		if (list->kids[i]->kind == YNODE_SCALAR) {
			const char *it = list->kids[i]->str;
			items[v.n_items++] = strcmp(it, "other") == 0 && other ? other : it;
		}
	v.items = items;
	const struct ynode *acts = ymap_get(a, "actions");
	for (size_t i = 0; acts && acts->kind == YNODE_SEQ && i < acts->n &&
			   i < TEMPLATE_MAX_ACTIONS; i++) {
		plans[v.n_actions].text = str_of(acts->kids[i], "text");
		plans[v.n_actions].due = str_of(acts->kids[i], "due");
		v.n_actions++;
	}
	v.actions = plans;
	engine_store_answer(e, index, &v, NULL);
}

static int load_context(struct engine *e, const struct ynode *root, struct px_error *err)
{
	struct engine_start o;
	engine_start_init(&o);
	o.template_id = str_of(root, "template");
	enum entry_frame f;
	const char *frame = str_of(root, "frame");
	if (frame && entry_frame_parse(frame, &f, NULL) == 0)
		o.frame = (int)f;
	o.inquiry_id = int_of(root, "inquiry");
	o.action_id = int_of(root, "action");
	o.period = str_of(root, "period");
	o.occurred_at = str_of(root, "occurred_at");
	o.title = str_of(root, "title");
	o.is_private = int_of(root, "private") != 0;
	/* A run started on its own clock resumes on it, so its dates still
	 * resolve against the day it is about. */
	struct px_datetime now;
	const char *fixed = str_of(root, "now");
	if (fixed && datetime_parse_storage(fixed, &now) == 0)
		o.now = &now;
	return engine_setup(e, &o, err);
}

int engine_load_draft(struct engine *e, const char *payload, struct px_error *err)
{
	struct arena arena = { 0 };
	struct ynode *root = NULL;
	struct yerror yerr;
	size_t len = strlen(payload);
	int rc = -1;
	if (!text_utf8_valid(payload, len, NULL) ||
	    ytree_parse(&arena, payload, len, &root, &yerr) < 0 || !root ||
	    root->kind != YNODE_MAP) {
		px_error_set(err, PX_ERR_CORRUPT, "draft %lld: the saved run cannot be read",
			     (long long)e->draft_id);
		goto out;
	}
	if (load_context(e, root, err) < 0)
		goto out;
	const struct ynode *answers = ymap_get(root, "answers");
	for (size_t i = 0; answers && answers->kind == YNODE_MAP && i < answers->n; i++) {
		long k = template_step_find(e->t, answers->kids[2 * i]->str);
		if (k >= 0)
			restore_answer(e, (size_t)k, answers->kids[2 * i + 1]);
	}
	engine_refresh(e);
	const char *cursor = str_of(root, "cursor");
	long k = cursor ? template_step_find(e->t, cursor) : -1;
	e->cursor = k >= 0 ? (size_t)k : e->n;
	if (!cursor) {
		/* Saved at the end: stay there, unless the template grew steps. */
		e->cursor = e->n;
	}
	while (e->cursor < e->n && !e->shown[e->cursor])
		e->cursor++;
	const char *typing = str_of(root, "typing");
	if (typing)
		e->typing = px_xstrdup(typing);
	rc = 0;
out:
	arena_free(&arena);
	return rc;
}
