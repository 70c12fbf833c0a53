/*
 * engine_answers.c — running a template unattended from an answers file
 * (`praxis new --answers FILE`): a YAML or JSON mapping from step id to
 * answer, for scripts and tests.
 *
 * The file only supplies values; every one goes through engine_answer(),
 * so an unattended run accepts exactly what an interactive one does.
 * Errors point into the file: "a.yaml:4:12: step 'intensity': 7 is not on
 * the scale 1 to 5".  The same runner serves answers already parsed as
 * part of a larger file (engine_tree.h: the demo script).
 */
#include "engine_impl.h"
#include "engine_tree.h"

#include "praxis/suggest.h"
#include "praxis/text.h"
#include "template_impl.h"
#include "yamltree.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int at(struct px_error *err, const char *name, const struct ynode *n, const char *fmt,
	      ...) __attribute__((format(printf, 4, 5)));

static int at(struct px_error *err, const char *name, const struct ynode *n, const char *fmt,
	      ...)
{
	char msg[PX_ERROR_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	px_error_set(err, PX_ERR_INVALID, "%s", msg);
	px_error_locate(err, name, n ? n->line : 0, n ? n->column : 0);
	return -1;
}

/* Every key must be a step of the template. */
static int check_keys(struct engine *e, const struct ynode *root, const char *name,
		      struct px_error *err)
{
	const char *ids[TEMPLATE_MAX_STEPS];
	for (size_t i = 0; i < e->n; i++)
		ids[i] = template_step_at(e->t, i)->id;
	for (size_t i = 0; i < root->n; i++) {
		const struct ynode *key = root->kids[2 * i];
		if (template_step_find(e->t, key->str) >= 0)
			continue;
		const char *near = suggest_nearest(key->str, ids, e->n);
		char msg[PX_ERROR_MSG_MAX];
		if (near)
			snprintf(msg, sizeof msg, "'%.64s' is not a step of template '%s' (did you mean "
				 "'%s'?)", key->str, template_id(e->t), near);
		else
			snprintf(msg, sizeof msg, "'%.64s' is not a step of template '%s'", key->str,
				 template_id(e->t));
		return at(err, name, key, "%s", msg);
	}
	return 0;
}

/* The node as an engine value; the arrays are the caller's scratch. */
static int node_value(const struct template_step *st, const struct ynode *n, const char *name,
		      struct engine_value *v, const char **items,
		      struct engine_action_plan *plans, struct px_error *err)
{
	memset(v, 0, sizeof *v);
	if (ynode_is_null(n))
		return 0;
	if (st->kind == TEMPLATE_ACTION) {
		const struct ynode *list = n;
		if (n->kind == YNODE_MAP)          /* one action without the list */
			list = NULL;
		size_t count = list ? list->n : 1;
		if (n->kind == YNODE_SCALAR || count > TEMPLATE_MAX_ACTIONS)
			return at(err, name, n, "step '%s': an action answer is a list of "
				  "{text, due} (at most 5)", st->id);
		for (size_t i = 0; i < count; i++) {
			const struct ynode *m = list ? list->kids[i] : n;
			const struct ynode *t = m->kind == YNODE_MAP ? ymap_get(m, "text") : NULL;
			const struct ynode *d = m->kind == YNODE_MAP ? ymap_get(m, "due") : NULL;
			if (!t || t->kind != YNODE_SCALAR || (d && d->kind != YNODE_SCALAR))
				return at(err, name, m, "step '%s': each action is {text: ..., due: DATE}",
					  st->id);
			plans[i].text = t->str;
			plans[i].due = d ? d->str : NULL;
		}
		v->actions = plans;
		v->n_actions = count;
		return 0;
	}
	if (n->kind == YNODE_SEQ) {
		if (n->n > ENGINE_MAX_ITEMS)
			return at(err, name, n, "step '%s': too many items in one answer", st->id);
		for (size_t i = 0; i < n->n; i++) {
			if (n->kids[i]->kind != YNODE_SCALAR)
				return at(err, name, n->kids[i], "step '%s': list items are plain values",
					  st->id);
			items[i] = n->kids[i]->str;
		}
		v->items = items;
		v->n_items = n->n;
		return 0;
	}
	if (n->kind != YNODE_SCALAR)
		return at(err, name, n, "step '%s': this answer is a value or a list, not a mapping",
			  st->id);
	v->text = n->str;
	return 0;
}

/* A plain answer cut short by a comment that starts like a #tag is
 * refused with the remedy (yamltree.h, ytree_comment_tag); a comment set off
 * as one (`# why`) is the author's business. */
static int check_comments(const struct ynode *n, const char *step, const char *name,
			  struct px_error *err)
{
	size_t len = 0;
	const struct ynode *cut = ytree_comment_tag(n, &len);
	if (!cut)
		return 0;
	px_error_set(err, PX_ERR_INVALID, "step '%s': '#%.*s' starts a YAML comment, so the "
		     "answer stops before it; put the answer in quotes to keep it", step, (int)len,
		     cut->comment);
	px_error_locate(err, name, cut->comment_line, cut->comment_column);
	return -1;
}

static int apply(struct engine *e, const struct ynode *root, const char *name,
		 struct px_error *err)
{
	const char *items[ENGINE_MAX_ITEMS];
	struct engine_action_plan plans[TEMPLATE_MAX_ACTIONS];
	while (e->cursor < e->n) {
		const struct template_step *st = template_step_at(e->t, e->cursor);
		const struct ynode *n = ymap_get(root, st->id);
		struct engine_value v = { 0 };
		if (n && (st->kind == TEMPLATE_INFO || st->kind == TEMPLATE_RECALL))
			return at(err, name, n, "step '%s' takes no answer (it only shows text)", st->id);
		if (n && node_value(st, n, name, &v, items, plans, err) < 0)
			return -1;
		if (engine_answer(e, &v, err) < 0) {
			if (n)
				px_error_locate(err, name, n->line, n->column);
			else
				px_error_locate(err, name, 0, 0);
			return -1;
		}
	}
	return 0;
}

int engine_run_answers_tree(struct engine *e, const struct ynode *answers, const char *name,
			    struct px_error *err)
{
	if (!answers) {
		static const struct ynode empty = { .kind = YNODE_MAP };
		return apply(e, &empty, name, err);
	}
	if (answers->kind != YNODE_MAP)
		return at(err, name, answers, "%s", "the answers are a mapping from step id to answer");
	if (check_keys(e, answers, name, err) < 0)
		return -1;
	for (size_t i = 0; i < answers->n; i++)
		if (check_comments(answers->kids[2 * i + 1], answers->kids[2 * i]->str, name,
				   err) < 0)
			return -1;
	return apply(e, answers, name, err);
}

int engine_run_answers(struct engine *e, const char *buf, size_t len, const char *name,
		       struct px_error *err)
{
	size_t bad;
	if (len > ENGINE_MAX_ANSWERS_FILE)
		return px_error_at(err, PX_ERR_LIMIT, name, 0, 0, "the file is larger than %d MiB",
				   ENGINE_MAX_ANSWERS_FILE / (1024 * 1024));
	if (!text_utf8_valid(buf, len, &bad))
		return px_error_at(err, PX_ERR_INVALID, name, 0, 0,
				   "not valid UTF-8 (bad byte at offset %zu)", bad);
	if (memchr(buf, '\0', len))
		return px_error_at(err, PX_ERR_INVALID, name, 0, 0, "the file holds a NUL byte");
	struct arena arena = { 0 };
	struct ynode *root = NULL;
	struct yerror yerr;
	int rc = -1;
	if (ytree_parse(&arena, buf, len, &root, &yerr) < 0)
		px_error_at(err, PX_ERR_SYNTAX, name, yerr.line, yerr.column, "%s", yerr.msg);
	else
		rc = engine_run_answers_tree(e, root, name, err);
	arena_free(&arena);
	return rc;
}
