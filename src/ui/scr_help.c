/*
 * scr_help.c — `?` on any screen: that screen's keys, read from the very
 * key table the loop dispatches with, grouped, each with the action's name
 * (what `:` accepts) and its help sentence.  Nothing here is written by
 * hand, so help cannot drift from behaviour.
 */
#include "draw.h"
#include "list.h"
#include "screen.h"

#include "praxis/buf.h"
#include "praxis/text.h"

#include <stdlib.h>
#include <string.h>

enum help_kind { HELP_TEXT, HELP_GROUP, HELP_KEY };

struct help_line {
	enum help_kind kind;
	char *keys;      /* HELP_KEY: "j, Down" */
	char *text;      /* the heading, note or help sentence */
	const char *name;
};

struct help {
	char title[64];
	struct help_line *lines;
	size_t n, cap;
	struct list list;
};

static void add_line(struct help *h, enum help_kind kind, const char *keys, const char *text,
		     const char *name)
{
	px_grow((void **)&h->lines, &h->cap, h->n + 1, sizeof *h->lines);
	h->lines[h->n++] = (struct help_line){ kind, keys ? px_xstrdup(keys) : NULL,
					       px_xstrdup(text), name };
}

static void build(struct help *h, const struct keymap *m)
{
	if (m->note) {
		add_line(h, HELP_TEXT, NULL, m->note, NULL);
		add_line(h, HELP_TEXT, NULL, "", NULL);
	}
	for (int g = 0; g < GROUP_COUNT; g++) {
		bool heading = false;
		for (int r = REQ_NONE + 1; r < REQ_TICK; r++) {
			if (req_group((enum req)r) != (enum req_group)g || !keymap_has(m, (enum req)r))
				continue;
			if (!heading) {
				if (h->n)
					add_line(h, HELP_TEXT, NULL, "", NULL);
				add_line(h, HELP_GROUP, NULL, req_group_name((enum req_group)g), NULL);
				heading = true;
			}
			char keys[96];
			keymap_keys_of(m, (enum req)r, keys, sizeof keys);
			add_line(h, HELP_KEY, keys, req_help((enum req)r), req_name((enum req)r));
		}
	}
}

static void help_row(void *ctx, size_t row, int y, int x, int w, bool selected)
{
	(void)selected;
	const struct help_line *l = &((struct help *)ctx)->lines[row];
	if (l->kind == HELP_GROUP) {
		draw_text(y, x + 1, w - 2, l->text, draw_attr(STYLE_HEADING));
		return;
	}
	if (l->kind == HELP_TEXT) {
		draw_text(y, x + 1, w - 2, l->text, draw_attr(STYLE_DIM));
		return;
	}
	int kw = w >= 80 ? 22 : 16, nw = w >= 80 ? 16 : 0;
	draw_text(y, x + 3, kw - 1, l->keys, draw_attr(STYLE_KEY));
	if (nw)
		draw_text(y, x + 3 + kw, nw - 1, l->name, draw_attr(STYLE_DIM));
	draw_text(y, x + 3 + kw + nw, w - 4 - kw - nw, l->text, A_NORMAL);
}

static int help_enter(struct ui *ui, struct screen *s, const void *arg)
{
	(void)ui;
	const struct screen *of = arg;
	struct help *h = px_xcalloc(1, sizeof *h);
	snprintf(h->title, sizeof h->title, "Keys: %s", of->ops->name);
	build(h, of->ops->keys);
	h->list.count = h->n;
	h->list.draw_row = help_row;
	h->list.ctx = h;
	s->data = h;
	return 0;
}

static void help_draw(struct ui *ui, struct screen *s, const struct area *a)
{
	(void)ui;
	struct help *h = s->data;
	draw_header(a, h->title, "q closes");
	struct area rows = { a->y + 1, a->x, a->h - 1, a->w };
	list_draw(&h->list, &rows);
}

/* Help scrolls as a page: moving shifts the view, not a selection. */
static int help_key(struct ui *ui, struct screen *s, enum req req, int32_t key)
{
	(void)ui, (void)key;
	struct help *h = s->data;
	size_t page = h->list.height > 1 ? (size_t)h->list.height - 1 : 1;
	size_t last = h->n > (size_t)h->list.height ? h->n - (size_t)h->list.height : 0;
	switch (req) {
	case REQ_BACK: return UI_HANDLED | UI_POP;
	case REQ_UP: h->list.top = h->list.top ? h->list.top - 1 : 0; break;
	case REQ_DOWN: h->list.top = h->list.top < last ? h->list.top + 1 : last; break;
	case REQ_PAGE_UP: h->list.top = h->list.top > page ? h->list.top - page : 0; break;
	case REQ_PAGE_DOWN: h->list.top = h->list.top + page < last ? h->list.top + page : last; break;
	case REQ_FIRST: h->list.top = 0; break;
	case REQ_LAST: h->list.top = last; break;
	default: return 0;
	}
	/* list_draw keeps the selection in view: put it where the view is. */
	h->list.sel = h->list.top + (h->list.top ? 1 : 0);
	return UI_HANDLED | UI_REDRAW;
}

static void help_leave(struct ui *ui, struct screen *s)
{
	(void)ui;
	struct help *h = s->data;
	for (size_t i = 0; i < h->n; i++) {
		free(h->lines[i].keys);
		free(h->lines[i].text);
	}
	free(h->lines);
	free(h);
}

static const struct key_binding help_bindings[] = {
	KEYS_MOVE,
	{ 'q', REQ_BACK }, { UIK_ESC, REQ_BACK }, { '?', REQ_BACK }, { UIK_FN | KEY_F(1), REQ_BACK },
	{ UIK_CTRL('l'), REQ_REDRAW }, { UIK_CTRL('z'), REQ_SUSPEND }, { 'Q', REQ_QUIT },
	{ UIK_CTRL('c'), REQ_QUIT },
};
static const struct keymap help_keys = KEYMAP(help_bindings, NULL);

const struct screen_ops help_screen = {
	.name = "Help",
	.keys = &help_keys,
	.enter = help_enter,
	.draw = help_draw,
	.key = help_key,
	.resize = NULL,
	.leave = help_leave,
};
