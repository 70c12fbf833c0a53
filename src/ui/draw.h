/*
 * draw.h — putting text on the screen: styles, escaped and measured text,
 * highlighted search matches, and the lines every screen has (the header,
 * the status line, "terminal too small").
 *
 * Every string that came from the journal or the user goes through
 * draw_text() or draw_marked(): controls are escaped (text_escape_controls)
 * so nothing can move the cursor or change colours, newlines become
 * spaces, and the text is cut to the columns given, measured by the
 * core's width function so that columns line up with CJK and emoji.
 * Text is handed to curses through the wide-character API.
 */
#ifndef PRAXIS_UI_DRAW_H
#define PRAXIS_UI_DRAW_H

#include "screen.h"

#include <curses.h>

enum style {
	STYLE_NORMAL,
	STYLE_HEADER,       /* the top line */
	STYLE_SELECTED,     /* the selected line of a list */
	STYLE_HEADING,      /* a section heading */
	STYLE_DIM,          /* dates, counts, hints */
	STYLE_TAG,
	STYLE_PERSON,
	STYLE_DUE,          /* a follow-up that is due */
	STYLE_MATCH,        /* a search match */
	STYLE_ERROR,
	STYLE_TITLE,        /* an entry's title */
	STYLE_KEY,          /* a key in hints and help */
	STYLE_FRAME_NOTE,   /* frame marks, in entry_frame order */
	STYLE_FRAME_INCIDENT,
	STYLE_FRAME_PERIOD,
	STYLE_FRAME_INQUIRY,
};

/* The marks search_run is asked to put around matches (never shown). */
#define DRAW_MARK_OPEN "\x01"
#define DRAW_MARK_CLOSE "\x02"

/* Set up the colour pairs (COLORS: use them) and the ellipsis the locale
 * can show. */
void draw_init(bool colors);
attr_t draw_attr(enum style s);
enum style draw_frame_style(enum entry_frame f);
/* "…" in a UTF-8 locale, "~" otherwise. */
const char *draw_ellipsis(void);

/* Draw S on row Y from column X in at most WIDTH columns (cut with an
 * ellipsis); returns the columns used. */
int draw_text(int y, int x, int width, const char *s, attr_t attr);
/* As draw_text, then spaces with ATTR up to WIDTH. */
void draw_text_fill(int y, int x, int width, const char *s, attr_t attr);
/* As draw_text for text holding DRAW_MARK_OPEN/CLOSE pairs: what is
 * between them is drawn with MATCH. */
int draw_marked(int y, int x, int width, const char *s, attr_t attr, attr_t match);
/* Draw the LEN bytes at S exactly as they are (already escaped and
 * measured by the caller: the editors). */
void draw_raw(int y, int x, const char *s, size_t len, attr_t attr);
void draw_fill(int y, int x, int width, attr_t attr);
/* S wrapped at spaces to WIDTH columns on at most MAX_ROWS rows from Y (the
 * last row cut with an ellipsis when there is more); returns the rows used. */
int draw_wrapped(int y, int x, int width, int max_rows, const char *s, attr_t attr);

/* The top line of area A: LEFT, and RIGHT against the right edge. */
void draw_header(const struct area *a, const char *left, const char *right);
/* The status line (the last row): the question being asked, else the
 * message.  Sets the cursor when a question is typed. */
void draw_status(struct ui *ui, int row, int cols);
void draw_too_small(int rows, int cols);

#endif
