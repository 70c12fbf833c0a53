/*
 * engine_facts.c — how a review template reads the review module's figures
 * (review.h) by name: in `when` conditions, in {{fact.NAME}} substitutions,
 * as recall sources and as the options of a choice (options_from).
 *
 * A review run computes the review of its period once, at the start (inside
 * the run's inquiry when it has one), so every step sees the same figures
 * and a resumed draft recomputes them for the same period.
 */
#include "engine_impl.h"

#include "praxis/buf.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { FACT_NUMBER, FACT_TEXT, FACT_LIST };

/* A list item as an option id: lower-case letters, digits and '-'. */
static void slug(const char *item, size_t index, char *out, size_t size)
{
	size_t n = 0;
	bool dash = false;
	for (const char *p = item; *p && n + 1 < size && n < 40; p++) {
		unsigned char c = (unsigned char)*p;
		if (isalnum(c)) {
			if (dash && n)
				out[n++] = '-';
			if (n + 1 < size)
				out[n++] = (char)tolower(c);
			dash = false;
		} else {
			dash = true;
		}
	}
	out[n] = '\0';
	if (!n)
		snprintf(out, size, "item-%zu", index + 1);
}

static void fact_options(struct engine *e, size_t index, const struct template_step *st)
{
	double num;
	const char *text;
	const char *const *items = NULL;
	size_t n = 0;
	if (review_fact(e->review, st->options_fact, &num, &text, &items, &n) != FACT_LIST)
		n = 0;
	if (n > TEMPLATE_MAX_OPTIONS)
		n = TEMPLATE_MAX_OPTIONS;
	struct template_option *opts = px_xcalloc(n + 1, sizeof *opts);
	const char *prefix = st->tag_prefix ? st->tag_prefix : NULL;
	for (size_t i = 0; i < n; i++) {
		char id[48];
		slug(items[i], i, id, sizeof id);
		for (size_t k = 0; k < i; k++)   /* two items with one slug: number them */
			if (strcmp(opts[k].id, id) == 0) {
				size_t len = strlen(id);
				snprintf(id + len, sizeof id - len, "-%zu", i + 1);
				break;
			}
		opts[i].id = px_xstrdup(id);
		opts[i].label = px_xstrdup(items[i]);
		if (st->tag) {
			struct px_buf b = PX_BUF_INIT;
			px_buf_addf(&b, prefix ? "%s%s" : "%s/%s", prefix ? prefix : st->id, id);
			opts[i].tag = px_buf_detach(&b);
		}
	}
	e->fact_options[index] = opts;
	e->n_fact_options[index] = n;
}

int engine_setup_facts(struct engine *e, struct px_error *err)
{
	if (template_role(e->t) != TEMPLATE_ROLE_REVIEW || !e->has_period)
		return 0;
	struct review_options o;
	review_options_init(&o);
	o.range = &e->period;
	o.inquiry_id = e->has_inquiry ? e->inquiry.id : 0;
	o.now = &e->now;
	o.templates = e->set;
	if (review_compute(e->j, &o, &e->review, err) < 0)
		return -1;
	e->fact_options = px_xcalloc(e->n + 1, sizeof *e->fact_options);
	e->n_fact_options = px_xcalloc(e->n + 1, sizeof *e->n_fact_options);
	for (size_t i = 0; i < e->n; i++) {
		const struct template_step *st = template_step_at(e->t, i);
		if (st->options_fact)
			fact_options(e, i, st);
	}
	return 0;
}

void engine_free_facts(struct engine *e)
{
	for (size_t i = 0; e->fact_options && i < e->n; i++) {
		for (size_t k = 0; k < e->n_fact_options[i]; k++) {
			free((char *)e->fact_options[i][k].id);
			free((char *)e->fact_options[i][k].label);
			free((char *)e->fact_options[i][k].tag);
		}
		free(e->fact_options[i]);
	}
	free(e->fact_options);
	free(e->n_fact_options);
	free(e->fact_text);
	review_free(e->review);
}

bool engine_fact_value(void *ctx, const char *name, struct template_value *out)
{
	struct engine *e = ctx;
	if (!e->review)
		return false;
	double num = 0;
	const char *text = NULL;
	const char *const *items = NULL;
	size_t n = 0;
	switch (review_fact(e->review, name, &num, &text, &items, &n)) {
	case FACT_NUMBER:
		out->number_valid = true;
		out->number = num;
		return true;
	case FACT_TEXT:
		e->one_item[0] = text;
		out->items = e->one_item;
		out->n_items = 1;
		return text && *text;
	case FACT_LIST:
		out->items = items;
		out->n_items = n;
		return n > 0;
	default:
		return false;
	}
}

/* A fact as text: numbers plainly ("6", "78.5"), lists with SEP between
 * items.  NULL when missing.  Borrowed until the next call. */
const char *engine_fact_text(struct engine *e, const char *name, const char *sep,
			     const char *lead)
{
	if (!e->review)
		return NULL;
	double num = 0;
	const char *text = NULL;
	const char *const *items = NULL;
	size_t n = 0;
	switch (review_fact(e->review, name, &num, &text, &items, &n)) {
	case FACT_NUMBER:
		if (num == floor(num) && fabs(num) < 1e12)
			snprintf(e->fact_buf, sizeof e->fact_buf, "%.0f", num);
		else
			snprintf(e->fact_buf, sizeof e->fact_buf, "%.1f", num);
		return e->fact_buf;
	case FACT_TEXT:
		return text;
	case FACT_LIST: {
		if (!n)
			return NULL;
		struct px_buf b = PX_BUF_INIT;
		for (size_t i = 0; i < n; i++)
			px_buf_addf(&b, "%s%s%s", i ? sep : "", lead, items[i]);
		free(e->fact_text);
		e->fact_text = px_buf_detach(&b);
		return e->fact_text;
	}
	default:
		return NULL;
	}
}
