/*
 * scr_choose.c — the chooser: pick one line of a short list (a frame to
 * filter by, the inquiry an entry belongs to, how an action went).  It
 * closes itself before telling its caller, so the caller may open the
 * next screen from its callback.  Choosing an inquiry, which several
 * screens ask for, is built on it here.
 */
#include "draw.h"
#include "list.h"
#include "screen.h"

#include "praxis/buf.h"
#include "praxis/inquiry.h"

#include <stdlib.h>
#include <string.h>

struct choose {
	char *title;
	char **items;
	size_t n;
	struct list list;
	int (*done)(struct ui *ui, void *ctx, long index);
	void *ctx;
	bool answered;
};

static void choose_row(void *ctx, size_t row, int y, int x, int w, bool selected)
{
	struct choose *c = ctx;
	attr_t attr = selected ? draw_attr(STYLE_SELECTED) : A_NORMAL;
	draw_fill(y, x, w, attr);
	draw_text(y, x + 2, w - 4, c->items[row], attr);
}

static int choose_enter(struct ui *ui, struct screen *s, const void *arg)
{
	(void)ui;
	const struct choose_args *a = arg;
	struct choose *c = px_xcalloc(1, sizeof *c);
	c->title = px_xstrdup(a->title);
	c->items = px_xcalloc(a->n, sizeof *c->items);
	for (size_t i = 0; i < a->n; i++)
		c->items[i] = px_xstrdup(a->items[i]);
	c->n = a->n;
	c->done = a->done;
	c->ctx = a->ctx;
	c->list.count = a->n;
	c->list.draw_row = choose_row;
	c->list.ctx = c;
	list_select(&c->list, a->selected);
	s->data = c;
	return 0;
}

static void choose_draw(struct ui *ui, struct screen *s, const struct area *a)
{
	(void)ui;
	struct choose *c = s->data;
	draw_header(a, c->title, "Enter choose · Esc cancel");
	struct area rows = { a->y + 2, a->x, a->h - 2, a->w };
	list_draw(&c->list, &rows);
}

/* Close, then answer: the caller's screen is on top again when DONE runs. */
static int choose_finish(struct ui *ui, struct choose *c, long index)
{
	int (*done)(struct ui *, void *, long) = c->done;
	void *ctx = c->ctx;
	c->answered = true;
	ui_pop(ui);
	return UI_HANDLED | UI_REDRAW | (done ? done(ui, ctx, index) : 0);
}

static int choose_key(struct ui *ui, struct screen *s, enum req req, int32_t key)
{
	(void)key;
	struct choose *c = s->data;
	switch (req) {
	case REQ_OPEN: return choose_finish(ui, c, c->n ? (long)c->list.sel : -1);
	case REQ_BACK: return choose_finish(ui, c, -1);
	case REQ_TICK: case REQ_FLUSH: return 0;
	default: return list_move(&c->list, req);
	}
}

static void choose_leave(struct ui *ui, struct screen *s)
{
	struct choose *c = s->data;
	/* Closed without an answer (quitting): the caller still hears of it,
	 * so what it lent as CTX is freed. */
	if (!c->answered && c->done)
		c->done(ui, c->ctx, -1);
	for (size_t i = 0; i < c->n; i++)
		free(c->items[i]);
	free(c->items);
	free(c->title);
	free(c);
}

static const struct key_binding choose_bindings[] = {
	KEYS_MOVE,
	{ UIK_ENTER, REQ_OPEN }, { UIK_FN | KEY_ENTER, REQ_OPEN }, { 'l', REQ_OPEN },
	{ UIK_ESC, REQ_BACK }, { 'q', REQ_BACK }, { 'h', REQ_BACK },
	KEYS_COMMON,
};
static const struct keymap choose_keys = KEYMAP(choose_bindings, NULL);

const struct screen_ops choose_screen = {
	.name = "Choose",
	.keys = &choose_keys,
	.enter = choose_enter,
	.draw = choose_draw,
	.key = choose_key,
	.resize = NULL,
	.leave = choose_leave,
};

int ui_choose(struct ui *ui, const struct choose_args *args)
{
	if (ui_push(ui, &choose_screen, args) < 0 && args->done)
		return UI_HANDLED | UI_REDRAW | args->done(ui, args->ctx, -1);
	return UI_HANDLED | UI_REDRAW;
}

/* ---- choosing an inquiry ------------------------------------------------ */

struct pick_inquiry {
	inquiry_chosen_fn *done;
	void *ctx;
	int64_t *ids;
	char **items;
	size_t n, cap;
};

static void pick_add(struct pick_inquiry *p, int64_t id, const char *text)
{
	px_grow((void **)&p->ids, &p->cap, p->n + 1, sizeof *p->ids);
	p->items = px_xrealloc(p->items, p->cap * sizeof *p->items);
	p->ids[p->n] = id;
	p->items[p->n++] = px_xstrdup(text);
}

static int pick_collect(const struct inquiry *inq, void *ctx)
{
	pick_add(ctx, inq->id, inq->question);
	return 0;
}

static void pick_free(struct pick_inquiry *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->items[i]);
	free(p->items);
	free(p->ids);
	free(p);
}

static int pick_done(struct ui *ui, void *ctx, long index)
{
	struct pick_inquiry *p = ctx;
	bool chosen = index >= 0 && (size_t)index < p->n;
	int flags = p->done(ui, p->ctx, chosen, chosen ? p->ids[index] : 0,
			    chosen ? p->items[index] : "");
	pick_free(p);
	return flags;
}

int ui_choose_inquiry(struct ui *ui, const char *title, enum inquiry_filter filter,
		      const char *first, const char *last, int64_t selected,
		      inquiry_chosen_fn *done, void *ctx)
{
	struct pick_inquiry *p = px_xcalloc(1, sizeof *p);
	p->done = done;
	p->ctx = ctx;
	if (first)
		pick_add(p, 0, first);
	struct px_error err;
	px_error_clear(&err);
	int found = inquiry_list(ui->j, filter, pick_collect, p, &err);
	if (found <= 0) {
		if (found < 0)
			ui_error_px(ui, &err);
		pick_free(p);
		return found < 0 ? UI_HANDLED | UI_REDRAW : -1;
	}
	if (last)
		pick_add(p, -1, last);
	size_t sel = 0;
	for (size_t i = 0; i < p->n; i++)
		if (p->ids[i] == selected)
			sel = i;
	struct choose_args args = {
		.title = title,
		.items = (const char *const *)p->items,
		.n = p->n,
		.selected = sel,
		.done = pick_done,
		.ctx = p,
	};
	return ui_choose(ui, &args);
}
