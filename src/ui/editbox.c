/*
 * editbox.c — the built-in editor widget (see editbox.h): editing
 * operations on the stored text, movement over its laid-out rows, and
 * drawing the rows in view.
 */
#include "editbox.h"

#include "draw.h"

#include "praxis/text.h"

#include <stdlib.h>
#include <string.h>

void editbox_init(struct editbox *e, const char *text)
{
	memset(e, 0, sizeof *e);
	char *clean = layout_clean(text);
	px_buf_init(&e->text);
	px_buf_adds(&e->text, clean);
	free(clean);
	px_buf_init(&e->cut);
	e->cursor = e->text.len;
	e->goal = -1;
	e->stale = true;
}

void editbox_free(struct editbox *e)
{
	px_buf_free(&e->text);
	px_buf_free(&e->cut);
	layout_free(&e->rows);
	free(e->undo_text);
	memset(e, 0, sizeof *e);
}

const char *editbox_text(const struct editbox *e)
{
	return e->text.data;
}

/* Remember the text before a change of KIND, unless it continues a run of
 * the same kind (one undo takes back a whole run of typing). */
static void snapshot(struct editbox *e, enum editbox_change kind)
{
	if (kind == e->last && (kind == CHANGE_TYPE || kind == CHANGE_DELETE))
		return;
	free(e->undo_text);
	e->undo_text = px_xstrdup(e->text.data);
	e->undo_cursor = e->cursor;
	e->last = kind;
}

static void changed(struct editbox *e)
{
	e->stale = true;
	e->goal = -1;
	e->changes++;
}

static int insert(struct editbox *e, const char *s, size_t n, enum editbox_change kind)
{
	if (e->text.len + n > EDITBOX_MAX)
		return -1;
	snapshot(e, kind);
	px_buf_grow(&e->text, n);
	char *d = e->text.data;
	memmove(d + e->cursor + n, d + e->cursor, e->text.len - e->cursor + 1);
	memcpy(d + e->cursor, s, n);
	e->text.len += n;
	e->cursor += n;
	changed(e);
	return 1;
}

static void delete_range(struct editbox *e, size_t from, size_t to, enum editbox_change kind)
{
	if (to <= from)
		return;
	snapshot(e, kind);
	char *d = e->text.data;
	memmove(d + from, d + to, e->text.len - to + 1);
	e->text.len -= to - from;
	e->cursor = from;
	changed(e);
}

void editbox_replace(struct editbox *e, const char *text)
{
	char *clean = layout_clean(text);
	if (strcmp(clean, e->text.data) != 0) {
		snapshot(e, CHANGE_OTHER);
		px_buf_reset(&e->text);
		px_buf_adds(&e->text, clean);
		if (e->cursor > e->text.len)
			e->cursor = e->text.len;
		while (e->cursor > 0 && ((unsigned char)e->text.data[e->cursor] & 0xC0) == 0x80)
			e->cursor--;
		changed(e);
	}
	free(clean);
	e->last = CHANGE_NONE;
}

static void undo(struct editbox *e)
{
	if (!e->undo_text)
		return;
	char *now = px_xstrdup(e->text.data);
	size_t now_cursor = e->cursor;
	px_buf_reset(&e->text);
	px_buf_adds(&e->text, e->undo_text);
	e->cursor = e->undo_cursor <= e->text.len ? e->undo_cursor : e->text.len;
	free(e->undo_text);
	e->undo_text = now;
	e->undo_cursor = now_cursor;
	changed(e);
	e->last = CHANGE_NONE;
}

static size_t line_start(const struct editbox *e, size_t at)
{
	while (at > 0 && e->text.data[at - 1] != '\n')
		at--;
	return at;
}

static size_t line_end(const struct editbox *e, size_t at)
{
	const char *nl = memchr(e->text.data + at, '\n', e->text.len - at);
	return nl ? (size_t)(nl - e->text.data) : e->text.len;
}

static void cut_line(struct editbox *e)
{
	size_t from = line_start(e, e->cursor), to = line_end(e, e->cursor);
	if (to < e->text.len)
		to++;   /* with its newline */
	if (!e->cutting)
		px_buf_reset(&e->cut);
	px_buf_add(&e->cut, e->text.data + from, to - from);
	delete_range(e, from, to, CHANGE_OTHER);
	e->last = CHANGE_NONE;
}

/* Spaces up to the next tab stop of the line. */
static int insert_tab(struct editbox *e)
{
	size_t from = line_start(e, e->cursor);
	char *before = px_xstrndup(e->text.data + from, e->cursor - from);
	int col = text_width(before);
	free(before);
	char spaces[LAYOUT_TAB_WIDTH];
	size_t n = (size_t)(LAYOUT_TAB_WIDTH - col % LAYOUT_TAB_WIDTH);
	memset(spaces, ' ', n);
	return insert(e, spaces, n, CHANGE_TYPE);
}

static int insert_key(struct editbox *e, int32_t key)
{
	if (key < 0x20 || key == UIK_DEL || (key >= 0x80 && key < 0xA0) || key > 0x10FFFF ||
	    (key >= 0xD800 && key <= 0xDFFF))
		return 0;
	/* Through the cleaner, so a typed character is stored exactly as a
	 * loaded one would be (bidirectional overrides made visible). */
	char bytes[5] = { 0 };
	uint32_t c = (uint32_t)key;
	if (c < 0x80) {
		bytes[0] = (char)c;
	} else if (c < 0x800) {
		bytes[0] = (char)(0xC0 | (c >> 6)), bytes[1] = (char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		bytes[0] = (char)(0xE0 | (c >> 12)), bytes[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		bytes[2] = (char)(0x80 | (c & 0x3F));
	} else {
		bytes[0] = (char)(0xF0 | (c >> 18)), bytes[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		bytes[2] = (char)(0x80 | ((c >> 6) & 0x3F)), bytes[3] = (char)(0x80 | (c & 0x3F));
	}
	char *clean = layout_clean(bytes);
	int rc = insert(e, clean, strlen(clean), CHANGE_TYPE);
	free(clean);
	return rc;
}

static void ensure_rows(struct editbox *e)
{
	if (e->width < 1)
		e->width = 79;
	if (e->stale) {
		layout_wrap(&e->rows, e->text.data, e->text.len, e->width);
		e->stale = false;
	}
}

/* Up or down by N rows (negative: up), aiming for the goal column. */
static void move_rows(struct editbox *e, long n)
{
	ensure_rows(e);
	size_t row = layout_row_at(&e->rows, e->cursor);
	const struct layout_row *r = &e->rows.rows[row];
	if (e->goal < 0)
		e->goal = layout_column(e->text.data, r, e->cursor);
	long target = (long)row + n;
	if (target < 0) {
		e->cursor = 0;
		return;
	}
	if (target >= (long)e->rows.len) {
		e->cursor = e->text.len;
		return;
	}
	e->cursor = layout_offset(e->text.data, &e->rows.rows[target], e->goal);
}

/* Movement requests; returns 1 when REQ was one. */
static int move_key(struct editbox *e, enum req req)
{
	const char *t = e->text.data;
	size_t len = e->text.len;
	long page = e->height > 1 ? e->height - 1 : 1;
	switch (req) {
	case REQ_LEFT: e->cursor = layout_prev_char(t, len, e->cursor); break;
	case REQ_RIGHT: e->cursor = layout_next_char(t, len, e->cursor); break;
	case REQ_WORD_LEFT: e->cursor = layout_prev_word(t, len, e->cursor); break;
	case REQ_WORD_RIGHT: e->cursor = layout_next_word(t, len, e->cursor); break;
	case REQ_LINE_START: e->cursor = line_start(e, e->cursor); break;
	case REQ_LINE_END: e->cursor = line_end(e, e->cursor); break;
	case REQ_FIRST: e->cursor = 0; break;
	case REQ_LAST: e->cursor = len; break;
	case REQ_UP: move_rows(e, -1); return 1;
	case REQ_DOWN: move_rows(e, +1); return 1;
	case REQ_PAGE_UP: move_rows(e, -page); return 1;
	case REQ_PAGE_DOWN: move_rows(e, +page); return 1;
	default: return 0;
	}
	e->goal = -1;
	return 1;
}

int editbox_key(struct editbox *e, enum req req, int32_t key)
{
	bool was_cutting = e->cutting;
	e->cutting = false;
	if (move_key(e, req)) {
		e->last = CHANGE_NONE;
		return 1;
	}
	const char *t = e->text.data;
	size_t len = e->text.len;
	switch (req) {
	case REQ_NEWLINE: return insert(e, "\n", 1, CHANGE_TYPE);
	case REQ_BACKSPACE:
		delete_range(e, layout_prev_char(t, len, e->cursor), e->cursor, CHANGE_DELETE);
		return 1;
	case REQ_DELETE:
		delete_range(e, e->cursor, layout_next_char(t, len, e->cursor), CHANGE_DELETE);
		return 1;
	case REQ_CUT_LINE:
		e->cutting = was_cutting;
		cut_line(e);
		e->cutting = true;
		return 1;
	case REQ_PASTE:
		if (!e->cut.len)
			return 1;
		e->last = CHANGE_NONE;
		return insert(e, e->cut.data, e->cut.len, CHANGE_OTHER);
	case REQ_UNDO_CHANGE: undo(e); return 1;
	case REQ_NONE: break;
	default: return 0;
	}
	if (key == UIK_TAB)
		return insert_tab(e);
	return insert_key(e, key);
}

/* The bytes of ROW that fit in W columns (hanging spaces are cut). */
static size_t visible_bytes(const struct editbox *e, const struct layout_row *r, int w)
{
	if (r->width <= w)
		return r->end - r->start;
	struct layout_row tmp = *r;
	tmp.soft = false;
	return layout_offset(e->text.data, &tmp, w) - r->start;
}

void editbox_draw(struct editbox *e, const struct area *a, int *cy, int *cx)
{
	if (a->w - 1 != e->width) {
		e->width = a->w - 1;   /* a column for the cursor at a line's end */
		e->stale = true;
	}
	ensure_rows(e);
	e->height = a->h;
	size_t row = layout_row_at(&e->rows, e->cursor);
	size_t h = a->h > 0 ? (size_t)a->h : 1;
	if (row < e->top)
		e->top = row;
	if (row >= e->top + h)
		e->top = row - h + 1;
	/* A title line "# ..." reads as a title. */
	size_t title_end = 0;
	if (e->text.len >= 2 && e->text.data[0] == '#' && e->text.data[1] == ' ')
		title_end = line_end(e, 0);
	for (size_t i = 0; i < h && e->top + i < e->rows.len; i++) {
		const struct layout_row *r = &e->rows.rows[e->top + i];
		attr_t attr = r->start < title_end || (title_end && r->start == 0)
				      ? draw_attr(STYLE_TITLE) : A_NORMAL;
		draw_raw(a->y + (int)i, a->x, e->text.data + r->start, visible_bytes(e, r, a->w),
			 attr);
	}
	int col = layout_column(e->text.data, &e->rows.rows[row], e->cursor);
	*cy = a->y + (int)(row - e->top);
	*cx = a->x + (col < a->w ? col : a->w - 1);
}
