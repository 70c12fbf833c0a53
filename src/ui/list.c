/*
 * list.c — the shared list widget and entry row (see list.h).
 */
#include "list.h"

#include "draw.h"

#include "praxis/buf.h"
#include "praxis/layout.h"
#include "praxis/text.h"

#include <stdlib.h>
#include <string.h>

static bool can_select(const struct list *l, size_t row)
{
	return !l->selectable || l->selectable(l->ctx, row);
}

/* From ROW, the first selectable row going in direction DIR (+1/-1);
 * ROW itself when none is. */
static size_t find_selectable(const struct list *l, size_t row, int dir)
{
	for (size_t i = row; i < l->count; i = dir > 0 ? i + 1 : i - 1) {
		if (can_select(l, i))
			return i;
		if (dir < 0 && i == 0)
			break;
	}
	return row;
}

void list_select(struct list *l, size_t row)
{
	if (l->count == 0) {
		l->sel = l->top = 0;
		return;
	}
	if (row >= l->count)
		row = l->count - 1;
	size_t down = find_selectable(l, row, +1);
	l->sel = can_select(l, down) ? down : find_selectable(l, row, -1);
}

static void step(struct list *l, long delta)
{
	if (l->count == 0)
		return;
	long target = (long)l->sel + delta;
	if (target < 0)
		target = 0;
	if (target >= (long)l->count)
		target = (long)l->count - 1;
	int dir = delta < 0 ? -1 : +1;
	size_t found = find_selectable(l, (size_t)target, dir);
	if (!can_select(l, found))
		found = find_selectable(l, (size_t)target, -dir);
	if (can_select(l, found))
		l->sel = found;
}

int list_move(struct list *l, enum req req)
{
	long page = l->height > 1 ? l->height - 1 : 1;
	switch (req) {
	case REQ_UP: step(l, -1); break;
	case REQ_DOWN: step(l, +1); break;
	case REQ_PAGE_UP: step(l, -page); break;
	case REQ_PAGE_DOWN: step(l, +page); break;
	case REQ_FIRST: list_select(l, 0); break;
	case REQ_LAST: step(l, (long)l->count); break;
	default: return 0;
	}
	return UI_HANDLED | UI_REDRAW;
}

void list_shift(struct list *l, long added)
{
	if (added < 0 && (size_t)-added > l->sel)
		l->sel = 0, l->top = 0;
	else
		l->sel = (size_t)((long)l->sel + added);
	if (added < 0 && (size_t)-added > l->top)
		l->top = 0;
	else
		l->top = (size_t)((long)l->top + added);
}

void list_draw(struct list *l, const struct area *a)
{
	l->height = a->h;
	if (a->h <= 0)
		return;
	size_t h = (size_t)a->h;
	/* Keep the selection in view, with a line of context where there is one. */
	if (l->sel < l->top + 1)
		l->top = l->sel > 0 ? l->sel - 1 : 0;
	if (l->sel + 2 > l->top + h)
		l->top = l->sel + 2 > h ? l->sel + 2 - h : 0;
	if (l->top + h > l->count)
		l->top = l->count > h ? l->count - h : 0;
	for (size_t i = 0; i < h && l->top + i < l->count; i++) {
		size_t row = l->top + i;
		l->draw_row(l->ctx, row, a->y + (int)i, a->x, a->w, row == l->sel);
	}
}

/* ---- entry rows ------------------------------------------------------------ */

void entry_row_from_summary(struct entry_row *r, const struct entry_summary *s)
{
	memset(r, 0, sizeof *r);
	r->id = s->id;
	r->frame = s->frame;
	memcpy(r->occurred_at, s->occurred_at, sizeof r->occurred_at);
	const char *src = s->title[0] ? s->title : s->excerpt;
	r->heading = px_xstrndup(src, strcspn(src, "\n"));
	struct px_buf tags = PX_BUF_INIT;
	for (const char *p = s->tags; *p;) {
		size_t n = strcspn(p, " ");
		if (n)
			px_buf_addf(&tags, "%s#%.*s", tags.len ? " " : "", (int)n, p);
		p += n;
		while (*p == ' ')
			p++;
	}
	r->tags = px_buf_detach(&tags);
	r->words = s->word_count;
}

void entry_row_free(struct entry_row *r)
{
	free(r->heading);
	free(r->tags);
	free(r->snippet);
	memset(r, 0, sizeof *r);
}

/* Where to start showing SNIPPET so its first match is in view: at most
 * LEAD columns of text before it. */
static const char *snippet_focus(const char *snippet, int lead)
{
	const char *mark = strstr(snippet, DRAW_MARK_OPEN);
	if (!mark)
		return snippet;
	size_t len = (size_t)(mark - snippet), at = 0;
	char *before = px_xstrndup(snippet, len);
	while (at < len) {
		char *safe = text_escape_controls(before + at);
		int w = text_width(safe);
		free(safe);
		if (w <= lead)
			break;
		at = layout_next_char(before, len, at);
	}
	free(before);
	return snippet + at;
}

/* Column widths for W: date, heading, tags, words; fixed per width so
 * every row of a list lines up. */
struct row_cols {
	int date, heading, tags, words;
};

static struct row_cols row_cols(int w, bool snippet)
{
	struct row_cols c;
	c.date = w >= 60 ? 16 : 10;              /* with the time when there is room */
	c.words = snippet ? 0 : 6;
	int rest = w - c.date - 3 - c.words - 1;  /* mark and gaps */
	c.tags = snippet ? rest / 2 : rest / 3;
	c.heading = rest - c.tags - 1;
	if (c.heading < 1)
		c.heading = 1;
	return c;
}

void entry_row_draw(const struct entry_row *r, int y, int x, int w, bool selected)
{
	attr_t base = selected ? draw_attr(STYLE_SELECTED) : A_NORMAL;
	draw_fill(y, x, w, base);
	struct row_cols c = row_cols(w, r->snippet != NULL);
	int col = x + 1;
	char date[20];
	snprintf(date, sizeof date, "%.*s", c.date, r->occurred_at);
	draw_text(y, col, c.date, date, base | (selected ? 0 : draw_attr(STYLE_DIM)));
	col += c.date + 1;
	char mark[2] = { entry_frame_mark(r->frame), '\0' };
	draw_text(y, col, 1, mark, base | draw_attr(draw_frame_style(r->frame)));
	col += 2;
	draw_text(y, col, c.heading, r->heading, base);
	col += c.heading + 1;
	if (r->snippet) {
		attr_t match = draw_attr(STYLE_MATCH);
		const char *from = snippet_focus(r->snippet, c.tags / 4);
		if (from != r->snippet)
			col += draw_text(y, col, 1, draw_ellipsis(), base);
		draw_marked(y, col, c.tags - (from != r->snippet), from, base, match);
		return;
	}
	draw_text(y, col, c.tags, r->tags, base | (selected ? 0 : draw_attr(STYLE_TAG)));
	col += c.tags;
	char words[16];
	snprintf(words, sizeof words, "%dw", r->words);
	int ww = text_width(words);
	if (ww < c.words)
		draw_text(y, col + c.words - ww, ww, words, base | (selected ? 0 : draw_attr(STYLE_DIM)));
}
