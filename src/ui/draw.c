/*
 * draw.c — styles and text drawing for every screen (see draw.h).
 *
 * Colours are the terminal's own: the eight palette colours on the
 * terminal's default background (use_default_colors), so praxis looks
 * like the rest of the user's terminal, and only attributes (bold,
 * reverse, underline) when colours are off (NO_COLOR, or a terminal
 * without them).
 */
#include "draw.h"

#include "prompt.h"

#include "praxis/buf.h"
#include "praxis/layout.h"
#include "praxis/text.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static bool use_colors;
static const char *ellipsis = "…";

struct style_def {
	short fg;          /* a palette colour, or -1 for none */
	attr_t with_color; /* attributes with colours */
	attr_t without;    /* attributes when colours are off */
};

static const struct style_def styles[] = {
	[STYLE_NORMAL] = { -1, A_NORMAL, A_NORMAL },
	[STYLE_HEADER] = { -1, A_REVERSE | A_BOLD, A_REVERSE | A_BOLD },
	[STYLE_SELECTED] = { -1, A_REVERSE, A_REVERSE },
	[STYLE_HEADING] = { COLOR_BLUE, A_BOLD, A_BOLD | A_UNDERLINE },
	[STYLE_DIM] = { -1, A_DIM, A_NORMAL },
	[STYLE_TAG] = { COLOR_CYAN, A_NORMAL, A_NORMAL },
	[STYLE_PERSON] = { COLOR_MAGENTA, A_NORMAL, A_NORMAL },
	[STYLE_DUE] = { COLOR_RED, A_BOLD, A_BOLD },
	[STYLE_MATCH] = { COLOR_YELLOW, A_REVERSE | A_BOLD, A_UNDERLINE | A_BOLD },
	[STYLE_ERROR] = { COLOR_RED, A_BOLD, A_BOLD },
	[STYLE_TITLE] = { -1, A_BOLD, A_BOLD },
	[STYLE_KEY] = { COLOR_GREEN, A_BOLD, A_BOLD },
	[STYLE_FRAME_NOTE] = { -1, A_NORMAL, A_NORMAL },
	[STYLE_FRAME_INCIDENT] = { COLOR_RED, A_BOLD, A_BOLD },
	[STYLE_FRAME_PERIOD] = { COLOR_GREEN, A_BOLD, A_BOLD },
	[STYLE_FRAME_INQUIRY] = { COLOR_MAGENTA, A_BOLD, A_BOLD },
};
#define N_STYLES (sizeof styles / sizeof styles[0])

void draw_init(bool colors)
{
	use_colors = colors;
	for (size_t i = 0; colors && i < N_STYLES; i++)
		if (styles[i].fg >= 0)
			init_pair((short)(i + 1), styles[i].fg, -1);
	const char *codeset = nl_langinfo(CODESET);
	ellipsis = codeset && strcmp(codeset, "UTF-8") == 0 ? "…" : "~";
}

attr_t draw_attr(enum style s)
{
	if ((size_t)s >= N_STYLES)
		return A_NORMAL;
	if (!use_colors)
		return styles[s].without;
	attr_t a = styles[s].with_color;
	if (styles[s].fg >= 0)
		a |= COLOR_PAIR((int)s + 1);
	return a;
}

enum style draw_frame_style(enum entry_frame f)
{
	return (enum style)(STYLE_FRAME_NOTE + (int)f);
}

const char *draw_ellipsis(void)
{
	return ellipsis;
}

void draw_raw(int y, int x, const char *s, size_t len, attr_t attr)
{
	wchar_t buf[256];
	size_t n = 0;
	move(y, x);
	attrset(attr);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += text_utf8_decode(s + i, len - i, &cp);
		/* What the C library cannot measure, curses cannot place. */
		if (wcwidth((wchar_t)cp) < 0)
			cp = 0xFFFD;
		buf[n++] = (wchar_t)cp;
		if (n == sizeof buf / sizeof buf[0]) {
			addnwstr(buf, (int)n);
			n = 0;
		}
	}
	if (n)
		addnwstr(buf, (int)n);
	attrset(A_NORMAL);
}

/* S escaped and on one line. */
static char *one_line(const char *s)
{
	char *safe = text_escape_controls(s);
	for (char *p = safe; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	return safe;
}

int draw_text(int y, int x, int width, const char *s, attr_t attr)
{
	if (width <= 0 || !s)
		return 0;
	char *safe = one_line(s);
	char *cut = text_truncate(safe, width, ellipsis);
	draw_raw(y, x, cut, strlen(cut), attr);
	int w = text_width(cut);
	free(cut);
	free(safe);
	return w;
}

void draw_fill(int y, int x, int width, attr_t attr)
{
	if (width <= 0)
		return;
	attrset(attr);
	mvhline(y, x, ' ', width);
	attrset(A_NORMAL);
}

int draw_wrapped(int y, int x, int width, int max_rows, const char *s, attr_t attr)
{
	if (width <= 0 || max_rows <= 0 || !s || !*s)
		return 0;
	char *clean = layout_clean(s);
	struct layout l = LAYOUT_INIT;
	layout_wrap(&l, clean, strlen(clean), width);
	int rows = 0;
	for (size_t i = 0; i < l.len && rows < max_rows; i++, rows++) {
		const struct layout_row *r = &l.rows[i];
		char *row = px_xstrndup(clean + r->start, r->end - r->start);
		size_t n = strlen(row);
		while (n > 0 && row[n - 1] == ' ')
			row[--n] = '\0';   /* spaces hanging past the edge */
		if (rows == max_rows - 1 && i + 1 < l.len) {
			/* The last row there is room for: say that more follows. */
			char *more = px_xstrdup(row);
			char *cut = text_truncate(more, width - 1, "");
			draw_text(y + rows, x, width, cut, attr);
			draw_text(y + rows, x + text_width(cut), 1, ellipsis, attr);
			free(cut);
			free(more);
		} else {
			draw_text(y + rows, x, width, row, attr);
		}
		free(row);
	}
	layout_free(&l);
	free(clean);
	return rows;
}

void draw_text_fill(int y, int x, int width, const char *s, attr_t attr)
{
	int used = draw_text(y, x, width, s, attr);
	draw_fill(y, x + used, width - used, attr);
}

int draw_marked(int y, int x, int width, const char *s, attr_t attr, attr_t match)
{
	int used = 0;
	bool in_match = false;
	while (s && *s && used < width) {
		size_t n = strcspn(s, DRAW_MARK_OPEN DRAW_MARK_CLOSE);
		char *part = px_xstrndup(s, n);
		char *safe = one_line(part);
		int room = width - used;
		bool cut = text_width(safe) > room;
		used += draw_text(y, x + used, room, safe, in_match ? match : attr);
		free(safe);
		free(part);
		if (cut)
			break;
		s += n;
		if (*s)
			in_match = *s++ == DRAW_MARK_OPEN[0];
	}
	return used;
}

void draw_header(const struct area *a, const char *left, const char *right)
{
	attr_t attr = draw_attr(STYLE_HEADER);
	draw_fill(a->y, a->x, a->w, attr);
	/* The right side (state, counts) may take two thirds; titles give way. */
	int rw = right ? text_width(right) : 0;
	if (rw > a->w * 2 / 3)
		rw = 0;
	draw_text(a->y, a->x + 1, a->w - rw - 3, left, attr);
	if (rw)
		draw_text(a->y, a->x + a->w - rw - 1, rw, right, attr);
}

void draw_status(struct ui *ui, int row, int cols)
{
	if (ui->question) {
		int cx = 0;
		question_draw(ui->question, row, cols, &cx);
		ui->cursor_on = true;
		ui->cursor_y = row;
		ui->cursor_x = cx;
		return;
	}
	attr_t attr = draw_attr(ui->status_kind == STATUS_ERROR ? STYLE_ERROR : STYLE_NORMAL);
	draw_text(row, 0, cols - 1, ui->status, attr);
}

void draw_too_small(int rows, int cols)
{
	static const char msg[] = "terminal too small";
	char need[48];
	snprintf(need, sizeof need, "need %dx%d", UI_MIN_COLS, UI_MIN_ROWS);
	int y = rows / 2 > 0 ? rows / 2 - 1 : 0;
	int w = (int)strlen(msg);
	draw_text(y, cols > w ? (cols - w) / 2 : 0, cols, msg, draw_attr(STYLE_ERROR));
	if (rows > 1) {
		w = (int)strlen(need);
		draw_text(y + 1, cols > w ? (cols - w) / 2 : 0, cols, need, A_NORMAL);
	}
}
