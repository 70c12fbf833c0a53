/*
 * engine_value.c — checking one answer against its step and storing it.
 *
 * Every face (the UI, line mode, answers files) hands answers in through
 * engine_answer(), so this file is the one place that decides what a
 * valid answer to each kind is.  Messages name the step, say what was
 * wrong and what would be right: "step 'intensity': 7 is not on the scale
 * 1 to 5".
 */
#include "engine_impl.h"

#include "praxis/buf.h"
#include "praxis/suggest.h"
#include "praxis/text.h"

#include <ctype.h>
#include <stdarg.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void run_answer_clear(struct run_answer *a)
{
	free(a->text);
	free(a->other);
	free(a->display);
	strlist_free(&a->items);
	strlist_free(&a->action_text);
	strlist_free(&a->action_due);
	memset(a, 0, sizeof *a);
}

static int refuse(struct px_error *err, const struct template_step *st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int refuse(struct px_error *err, const struct template_step *st, const char *fmt, ...)
{
	char why[PX_ERROR_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	return px_error_set(err, PX_ERR_INVALID, "step '%s': %s", st->id, why);
}

/* ---- text ------------------------------------------------------------------ */

/* A copy of TEXT fit to store: CRs dropped, trailing space trimmed; NULL
 * with ERR when it is not valid UTF-8 or holds control characters. */
static char *clean_text(const struct template_step *st, const char *text, size_t max,
			struct px_error *err)
{
	size_t len = strlen(text), bad;
	if (len > max) {
		refuse(err, st, "the answer is longer than %zu bytes", max);
		return NULL;
	}
	if (!text_utf8_valid(text, len, &bad)) {
		refuse(err, st, "the answer is not valid UTF-8 (bad byte at offset %zu)", bad);
		return NULL;
	}
	struct px_buf b = PX_BUF_INIT;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '\r')
			continue;
		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
			px_buf_free(&b);
			refuse(err, st, "the answer holds a control character (U+%04X)", c);
			return NULL;
		}
		px_buf_addc(&b, (char)c);
	}
	while (b.len && strchr(" \t\n", b.data[b.len - 1]))
		px_buf_truncate(&b, b.len - 1);
	size_t lead = strspn(b.data, " \t\n");
	char *out = px_xstrdup(b.data + lead);
	px_buf_free(&b);
	return out;
}

/* Split "a, b c" into items (commas and blanks separate). */
static void split_items(const char *text, struct px_strlist *out)
{
	const char *p = text;
	while (*p) {
		p += strspn(p, ", \t\n");
		size_t n = strcspn(p, ", \t\n");
		if (n) {
			char *item = px_xstrndup(p, n);
			strlist_add(out, item);
			free(item);
		}
		p += n;
	}
}

/* The value's items, from items or from its text. */
static void value_items(const struct engine_value *v, struct px_strlist *out)
{
	if (v->n_items) {
		for (size_t i = 0; i < v->n_items; i++)
			if (v->items[i] && !text_is_blank(v->items[i])) {
				char *t = px_xstrdup(v->items[i] + strspn(v->items[i], " \t"));
				size_t n = strlen(t);
				while (n && strchr(" \t\n", t[n - 1]))
					t[--n] = '\0';
				strlist_add(out, t);
				free(t);
			}
	} else if (v->text) {
		split_items(v->text, out);
	}
}

static bool value_empty(const struct engine_value *v)
{
	if (!v)
		return true;
	if (v->has_number || v->n_actions)
		return false;
	for (size_t i = 0; i < v->n_items; i++)
		if (v->items[i] && !text_is_blank(v->items[i]))
			return false;
	return text_is_blank(v->text);
}

/* ---- options ------------------------------------------------------------------ */

/* The option ITEM names: an id (any case), a 1-based number, or a label. */
static const struct template_option *find_option(struct opt_list ol, const char *item)
{
	const struct template_option *v = ol.v;   /* the step's or the run's, not OL's */
	for (size_t i = 0; i < ol.n; i++)
		if (strcasecmp(v[i].id, item) == 0)
			return v + i;
	char *end;
	errno = 0;
	long k = strtol(item, &end, 10);
	if (*item && !*end && !errno && k >= 1 && (size_t)k <= ol.n)
		return v + (k - 1);
	for (size_t i = 0; i < ol.n; i++)
		if (strcasecmp(v[i].label, item) == 0)
			return v + i;
	return NULL;
}

static int no_such_option(const struct template_step *st, struct opt_list ol, const char *item,
			  struct px_error *err)
{
	const char *ids[TEMPLATE_MAX_OPTIONS];
	size_t n = ol.n < TEMPLATE_MAX_OPTIONS ? ol.n : TEMPLATE_MAX_OPTIONS;
	struct px_buf list = PX_BUF_INIT;
	if (n == 0)
		px_buf_adds(&list, "there are none this time");
	for (size_t i = 0; i < n; i++) {
		ids[i] = ol.v[i].id;
		if (i < 8)
			px_buf_addf(&list, "%s%s", i ? ", " : "", ids[i]);
	}
	if (n > 8)
		px_buf_adds(&list, ", …");
	const char *near = suggest_nearest(item, ids, n);
	int rc = near ? refuse(err, st, "'%s' is not one of the options (did you mean '%s'?)",
			       item, near)
		      : refuse(err, st, "'%s' is not one of the options (%s)", item, list.data);
	px_buf_free(&list);
	return rc;
}

static int store_choice(struct opt_list ol, const struct template_step *st, struct run_answer *a,
			const struct engine_value *v, struct px_error *err)
{
	char *item = clean_text(st, v->text ? v->text : "", 4096, err);
	if (!item)
		return -1;
	const struct template_option *o = find_option(ol, item);
	if (!o && st->kind == TEMPLATE_OUTCOME) {
		enum action_outcome out;
		if (action_outcome_parse(item, &out, NULL) == 0)
			o = find_option(ol, action_outcome_name(out));
	}
	if (o) {
		a->text = px_xstrdup(o->id);
	} else if (st->other && strchr(item, '\n') == NULL) {
		a->text = px_xstrdup("other");
		a->other = px_xstrdup(item);
	} else {
		int rc = st->other ? refuse(err, st, "the other answer must be one line")
				   : no_such_option(st, ol, item, err);
		free(item);
		return rc;
	}
	free(item);
	return 0;
}

static int store_multi(struct opt_list ol, const struct template_step *st, struct run_answer *a,
		       const struct engine_value *v, struct px_error *err)
{
	struct px_strlist items = { 0 };
	value_items(v, &items);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < items.len; i++) {
		const struct template_option *o = find_option(ol, items.items[i]);
		if (o)
			strlist_add_unique(&a->items, o->id);
		else if (st->other && !a->other)
			a->other = px_xstrdup(items.items[i]);
		else
			rc = no_such_option(st, ol, items.items[i], err);
	}
	if (rc == 0 && a->other)
		strlist_add_unique(&a->items, "other");
	if (rc == 0 && st->max_picks && a->items.len > st->max_picks)
		rc = refuse(err, st, "pick at most %zu (%zu picked)", st->max_picks, a->items.len);
	strlist_free(&items);
	return rc;
}

/* ---- names ------------------------------------------------------------------------ */

/* The tag a typed NAME stands for in a tags step: a suggestion's tag or
 * the step's prefix + name. */
static int tag_for(const struct template_step *st, const char *name, struct px_buf *out,
		   struct px_error *err)
{
	if (name[0] == '#')
		name++;
	const char *prefix = st->prefix ? st->prefix : "";
	size_t pl = strlen(prefix);
	const char *bare = pl && strncasecmp(name, prefix, pl) == 0 ? name + pl : name;
	for (size_t i = 0; i < st->n_suggestions; i++) {
		const struct template_option *o = &st->suggestions[i];
		if (strcasecmp(o->id, bare) == 0 || (o->tag && strcasecmp(o->tag, name) == 0)) {
			if (o->tag)
				px_buf_adds(out, o->tag);
			else
				px_buf_addf(out, "%s%s", prefix, o->id);
			return 0;
		}
	}
	if (st->n_suggestions && !st->free_tags) {
		const char *ids[TEMPLATE_MAX_OPTIONS];
		size_t n = st->n_suggestions < TEMPLATE_MAX_OPTIONS ? st->n_suggestions
								    : TEMPLATE_MAX_OPTIONS;
		for (size_t i = 0; i < n; i++)
			ids[i] = st->suggestions[i].id;
		const char *near = suggest_nearest(bare, ids, n);
		return near ? refuse(err, st, "'%s' is not one of the suggested tags (did you mean "
				     "'%s'?)", bare, near)
			    : refuse(err, st, "'%s' is not one of the suggested tags", bare);
	}
	px_buf_addf(out, "%s%s", prefix, bare);
	return 0;
}

static int store_names(const struct template_step *st, struct run_answer *a,
		       const struct engine_value *v, struct px_error *err)
{
	struct px_strlist items = { 0 };
	value_items(v, &items);
	int rc = 0;
	if (items.len > ENGINE_MAX_ITEMS)
		rc = refuse(err, st, "at most %d names in one answer", ENGINE_MAX_ITEMS);
	for (size_t i = 0; rc == 0 && i < items.len; i++) {
		struct px_error why;
		px_error_clear(&why);
		if (st->kind == TEMPLATE_TAGS) {
			struct px_buf tag = PX_BUF_INIT;
			rc = tag_for(st, items.items[i], &tag, err);
			if (rc == 0 && (rc = text_tag_valid(tag.data, &why)) < 0)
				refuse(err, st, "%s", why.msg);
			if (rc == 0)
				strlist_add_unique(&a->items, tag.data);
			px_buf_free(&tag);
		} else {
			const char *name = items.items[i][0] == '@' ? items.items[i] + 1 : items.items[i];
			if ((rc = text_person_valid(name, &why)) < 0)
				refuse(err, st, "%s", why.msg);
			else
				strlist_add_unique(&a->items, name);
		}
	}
	if (rc == 0 && st->kind == TEMPLATE_PEOPLE && st->max && a->items.len > st->max)
		rc = refuse(err, st, "name at most %zu people (%zu named)", st->max, a->items.len);
	strlist_free(&items);
	return rc;
}

/* ---- numbers and dates ---------------------------------------------------------------- */

static int store_scale(const struct template_step *st, struct run_answer *a,
		       const struct engine_value *v, struct px_error *err)
{
	double x = v->number;
	if (!v->has_number) {
		const char *t = v->text + strspn(v->text, " \t");
		char *end;
		errno = 0;
		x = strtod(t, &end);
		end += strspn(end, " \t\n");
		if (end == t || *end || errno || !isfinite(x))
			return refuse(err, st, "'%.40s' is not a number from %d to %d", t,
				      st->scale_min, st->scale_max);
	}
	if (x != floor(x) || x < st->scale_min || x > st->scale_max)
		return refuse(err, st, "%g is not on the scale %d to %d", x, st->scale_min,
			      st->scale_max);
	a->number = x;
	a->has_number = true;
	return 0;
}

/* Resolve date expression EXPR (a bare weekday is the next one), checked
 * against the step's min and max, into OUT. */
static int resolve_date(struct engine *e, const struct template_step *st, const char *expr,
			char out[11], struct px_error *err)
{
	struct px_datetime d;
	struct px_error why;
	px_error_clear(&why);
	if (date_parse_expr(expr, &e->now, DATE_FUTURE, &d, &why) < 0)
		return refuse(err, st, "%s", why.msg);
	const char *bounds[2] = { st->dates.min, st->dates.max };
	for (int k = 0; k < 2; k++) {
		struct px_datetime b;
		if (!bounds[k] || date_parse_expr(bounds[k], &e->now, DATE_FUTURE, &b, NULL) < 0)
			continue;
		int cmp = date_compare(&d.date, &b.date);
		if ((k == 0 && cmp < 0) || (k == 1 && cmp > 0)) {
			char got[11], lim[11];
			date_format(&d.date, got);
			date_format(&b.date, lim);
			return refuse(err, st, "%s is %s the %s date allowed (%s, %s)", got,
				      k ? "after" : "before", k ? "latest" : "earliest", bounds[k], lim);
		}
	}
	date_format(&d.date, out);
	return 0;
}

static int store_date(struct engine *e, const struct template_step *st, struct run_answer *a,
		      const char *expr, struct px_error *err)
{
	char d[11];
	if (resolve_date(e, st, expr, d, err) < 0)
		return -1;
	a->text = px_xstrdup(d);
	return 0;
}

static int store_actions(struct engine *e, const struct template_step *st, struct run_answer *a,
			 const struct engine_value *v, struct px_error *err)
{
	size_t max = st->max ? st->max : 1;
	if (v->n_actions > max)
		return refuse(err, st, "plan at most %zu %s here (%zu given)", max,
			      max == 1 ? "action" : "actions", v->n_actions);
	for (size_t i = 0; i < v->n_actions; i++) {
		const struct engine_action_plan *p = &v->actions[i];
		if (text_is_blank(p->text)) {
			if (p->due && !text_is_blank(p->due))
				return refuse(err, st, "action %zu has a due date but no text", i + 1);
			continue;
		}
		char *text = clean_text(st, p->text, ACTION_MAX_TEXT, err);
		if (!text)
			return -1;
		if (strchr(text, '\n')) {
			free(text);
			return refuse(err, st, "an action is one line: say what you will try");
		}
		const char *due = p->due && !text_is_blank(p->due) ? p->due
				  : st->dates.def ? st->dates.def : "+7d";
		char d[11];
		if (resolve_date(e, st, due, d, err) < 0) {
			free(text);
			return -1;
		}
		strlist_add(&a->action_text, text);
		strlist_add(&a->action_due, d);
		free(text);
	}
	return 0;
}

/* ---- the entry point ---------------------------------------------------------------------- */

static int store_by_kind(struct engine *e, size_t index, const struct template_step *st,
			 struct run_answer *a, const struct engine_value *v, struct px_error *err)
{
	struct opt_list ol = engine_step_options(e, index);
	switch (st->kind) {
	case TEMPLATE_TEXT:
		return (a->text = clean_text(st, v->text ? v->text : "", ENGINE_MAX_TEXT, err))
			       ? 0 : -1;
	case TEMPLATE_SCALE:
		return store_scale(st, a, v, err);
	case TEMPLATE_CHOICE: case TEMPLATE_OUTCOME:
		return store_choice(ol, st, a, v, err);
	case TEMPLATE_MULTI:
		return store_multi(ol, st, a, v, err);
	case TEMPLATE_TAGS: case TEMPLATE_PEOPLE:
		return store_names(st, a, v, err);
	case TEMPLATE_DATE:
		return store_date(e, st, a, v->text, err);
	case TEMPLATE_ACTION:
		return store_actions(e, st, a, v, err);
	case TEMPLATE_RECALL: case TEMPLATE_INFO:
		break;
	}
	return refuse(err, st, "a %s step takes no answer", template_kind_name(st->kind));
}

int engine_store_answer(struct engine *e, size_t index, const struct engine_value *v,
			struct px_error *err)
{
	const struct template_step *st = template_step_at(e->t, index);
	struct run_answer fresh = { 0 };
	int rc = 0;
	bool empty = value_empty(v);
	if (st->kind == TEMPLATE_INFO || st->kind == TEMPLATE_RECALL) {
		if (!empty)
			return refuse(err, st, "a %s step takes no answer", template_kind_name(st->kind));
	} else if (empty && st->kind == TEMPLATE_DATE && st->dates.def) {
		rc = store_date(e, st, &fresh, st->dates.def, err);
		fresh.set = rc == 0;
	} else if (empty) {
		if (st->required)
			return refuse(err, st, "this step needs an answer");
	} else {
		rc = store_by_kind(e, index, st, &fresh, v, err);
		fresh.set = rc == 0;
	}
	if (rc == 0 && fresh.set && st->kind == TEMPLATE_TEXT && !*fresh.text) {
		fresh.set = false;
		if (st->required) {
			run_answer_clear(&fresh);
			return refuse(err, st, "this step needs an answer");
		}
	}
	if (rc < 0) {
		run_answer_clear(&fresh);
		return -1;
	}
	run_answer_clear(&e->answers[index]);
	e->answers[index] = fresh;
	return 0;
}

/* ---- reading back ---------------------------------------------------------------------------- */

static const char *option_label(struct opt_list ol, const char *id)
{
	for (size_t i = 0; i < ol.n; i++)
		if (strcmp(ol.v[i].id, id) == 0)
			return ol.v[i].label;
	return id;
}

static void build_display(struct opt_list ol, const struct template_step *st,
			  const struct run_answer *a, const struct run_recall *r, struct px_buf *b)
{
	switch (st->kind) {
	case TEMPLATE_TEXT: case TEMPLATE_DATE:
		px_buf_adds(b, a->text ? a->text : "");
		break;
	case TEMPLATE_SCALE:
		if (a->has_number)
			px_buf_addf(b, "%g", a->number);
		break;
	case TEMPLATE_CHOICE: case TEMPLATE_OUTCOME:
		if (a->text)
			px_buf_adds(b, a->other ? a->other : option_label(ol, a->text));
		break;
	case TEMPLATE_MULTI:
		for (size_t i = 0; i < a->items.len; i++)
			px_buf_addf(b, "%s%s", i ? ", " : "",
				    strcmp(a->items.items[i], "other") == 0 && a->other
					    ? a->other : option_label(ol, a->items.items[i]));
		break;
	case TEMPLATE_TAGS: case TEMPLATE_PEOPLE:
		for (size_t i = 0; i < a->items.len; i++)
			px_buf_addf(b, "%s%c%s", i ? " " : "", st->kind == TEMPLATE_TAGS ? '#' : '@',
				    a->items.items[i]);
		break;
	case TEMPLATE_ACTION:
		for (size_t i = 0; i < a->action_text.len; i++)
			px_buf_addf(b, "%s%s (due %s)", i ? "\n" : "", a->action_text.items[i],
				    a->action_due.items[i]);
		break;
	case TEMPLATE_RECALL:
		if (r->found)
			px_buf_adds(b, r->text);
		break;
	case TEMPLATE_INFO:
		break;
	}
}

const char *run_answer_display(struct engine *e, size_t index)
{
	struct run_answer *a = &e->answers[index];
	const struct template_step *st = template_step_at(e->t, index);
	free(a->display);
	struct px_buf b = PX_BUF_INIT;
	if (a->set || st->kind == TEMPLATE_RECALL)
		build_display(engine_step_options(e, index), st, a, &e->recalls[index], &b);
	a->display = px_buf_detach(&b);
	return a->display;
}
