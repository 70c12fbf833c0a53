/*
 * scr_choose.c — the chooser: pick one line of a short list (a frame to
 * filter by, the inquiry an entry belongs to, how an action went).  It
 * closes itself before telling its caller, so the caller may open the
 * next screen from its callback.
 */
#include "draw.h"
#include "list.h"
#include "screen.h"

#include "praxis/buf.h"

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
