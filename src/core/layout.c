/*
 * layout.c — soft wrapping, offset/column mapping and cursor movement over
 * UTF-8 text (see layout.h).
 *
 * Everything walks the text one cluster at a time (a character and the
 * zero-width characters after it), measured with text_char_width(), the
 * one width function of praxis.  Wrapping is greedy, one pass per line:
 * remember where the last run of spaces ended, and when a character does
 * not fit, break there, or right before the character when the row holds
 * one long word.
 */
#include "praxis/layout.h"

#include "praxis/buf.h"
#include "praxis/text.h"

#include <stdlib.h>
#include <string.h>

void layout_free(struct layout *l)
{
	free(l->rows);
	l->rows = NULL;
	l->len = l->cap = 0;
}

/* A character that joins the one before it: zero columns but not a
 * control (controls are escaped before layout; '\n' must stay apart). */
static bool joins_previous(uint32_t cp)
{
	return cp >= 0xA0 && text_char_width(cp) == 0;
}

/* The cluster at OFFSET: its length in bytes, and its width in *WIDTH. */
static size_t cluster_at(const char *text, size_t len, size_t offset, int *width)
{
	uint32_t cp;
	size_t i = offset + text_utf8_decode(text + offset, len - offset, &cp);
	*width = text_char_width(cp);
	if (cp == '\n')
		return i - offset;
	while (i < len) {
		uint32_t next;
		size_t n = text_utf8_decode(text + i, len - i, &next);
		if (!joins_previous(next))
			break;
		i += n;
	}
	return i - offset;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static void add_row(struct layout *l, size_t start, size_t end, int width, bool soft)
{
	px_grow((void **)&l->rows, &l->cap, l->len + 1, sizeof *l->rows);
	l->rows[l->len++] = (struct layout_row){ start, end, width, soft };
}

/* Wrap the line [start, end) (no '\n' inside) into rows. */
static void wrap_line(struct layout *l, const char *text, size_t start, size_t end, int width)
{
	size_t row = start, i = start;
	size_t brk = 0;             /* offset after the last spaces in the row; 0: none */
	int col = 0, brk_col = 0;
	while (i < end) {
		int cw;
		size_t n = cluster_at(text, end, i, &cw);
		if (text[i] == ' ') {
			col += cw;
			i += n;
			brk = i, brk_col = col;
			continue;
		}
		if (col + cw > width && col > 0) {
			if (brk > row) {
				add_row(l, row, brk, brk_col, true);
				row = brk, col -= brk_col;
			} else {
				add_row(l, row, i, col, true);
				row = i, col = 0;
			}
			brk = 0;
			continue;   /* the rest of the word may still not fit */
		}
		col += cw;
		i += n;
	}
	add_row(l, row, end, col, false);
}

void layout_wrap(struct layout *l, const char *text, size_t len, int width)
{
	if (width < 1)
		width = 1;
	l->len = 0;
	size_t start = 0;
	for (;;) {
		const char *nl = memchr(text + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - text) : len;
		wrap_line(l, text, start, end, width);
		if (!nl)
			break;
		start = end + 1;
	}
}

size_t layout_row_at(const struct layout *l, size_t offset)
{
	size_t lo = 0, hi = l->len;    /* the answer is in [lo, hi) */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->rows[mid].start <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

int layout_column(const char *text, const struct layout_row *row, size_t offset)
{
	int col = 0;
	if (offset > row->end)
		offset = row->end;
	for (size_t i = row->start; i < offset;) {
		int cw;
		i += cluster_at(text, row->end, i, &cw);
		col += cw;
	}
	return col;
}

size_t layout_offset(const char *text, const struct layout_row *row, int column)
{
	size_t i = row->start, last = row->start;
	int col = 0;
	while (i < row->end) {
		int cw;
		size_t n = cluster_at(text, row->end, i, &cw);
		if (col + cw > column)
			return i;
		last = i;
		col += cw;
		i += n;
	}
	/* Past the end: a wrapped row's end already belongs to the next row. */
	return row->soft ? last : row->end;
}

size_t layout_next_char(const char *text, size_t len, size_t offset)
{
	if (offset >= len)
		return len;
	int cw;
	return offset + cluster_at(text, len, offset, &cw);
}

size_t layout_prev_char(const char *text, size_t len, size_t offset)
{
	if (offset > len)
		offset = len;
	while (offset > 0) {
		size_t i = offset - 1;
		/* back to the first byte of the character */
		while (i > 0 && ((unsigned char)text[i] & 0xC0) == 0x80 && offset - i < 4)
			i--;
		uint32_t cp;
		size_t n = text_utf8_decode(text + i, len - i, &cp);
		if (i + n != offset) /* stray continuation bytes: each is a character */
			i = offset - 1;
		else if (joins_previous(cp) && i > 0) {
			offset = i;  /* keep going back to the character it joins */
			continue;
		}
		return i;
	}
	return 0;
}

size_t layout_next_word(const char *text, size_t len, size_t offset)
{
	size_t i = offset < len ? offset : len;
	while (i < len && is_blank(text[i]))
		i++;
	while (i < len && !is_blank(text[i]))
		i++;
	return i;
}

size_t layout_prev_word(const char *text, size_t len, size_t offset)
{
	size_t i = offset < len ? offset : len;
	while (i > 0 && is_blank(text[i - 1]))
		i--;
	while (i > 0 && !is_blank(text[i - 1]))
		i--;
	return i;
}

/* Tabs to spaces, counting columns from the start of each line. */
static char *expand_tabs(const char *s)
{
	struct px_buf b = PX_BUF_INIT;
	size_t len = strlen(s);
	int col = 0;
	for (size_t i = 0; i < len;) {
		if (s[i] == '\t') {
			do
				px_buf_addc(&b, ' ');
			while (++col % LAYOUT_TAB_WIDTH != 0);
			i++;
			continue;
		}
		int cw;
		size_t n = cluster_at(s, len, i, &cw);
		px_buf_add(&b, s + i, n);
		col = s[i] == '\n' ? 0 : col + cw;
		i += n;
	}
	return px_buf_detach(&b);
}

char *layout_clean(const char *s)
{
	if (!s)
		s = "";
	struct px_buf b = PX_BUF_INIT;
	for (const char *p = s; *p; p++)
		if (!(p[0] == '\r' && p[1] == '\n'))
			px_buf_addc(&b, *p);
	char *escaped = text_escape_controls(b.data);
	px_buf_free(&b);
	char *out = expand_tabs(escaped);
	free(escaped);
	return out;
}
