/*
 * layout.h — text laid out for a terminal: soft wrapping at spaces into
 * rows of a given width, the mapping between byte offsets and (row,
 * column) positions, and cursor movement by character and by word.
 *
 * This is the pure layer under the UI's reading view and its editor: the
 * editor keeps its text as one UTF-8 string and asks layout_wrap() for the
 * display rows whenever the text or the width changes; nothing here knows
 * about curses.  Widths are sums of text_char_width() (text.h), so they
 * agree with text_width(), text_truncate() and with what the terminal
 * does under the caller's locale.
 *
 * Text given to layout_wrap() should have been through layout_clean():
 * controls escaped, tabs expanded, so every character has a width the
 * terminal agrees with.  Invalid UTF-8 is still measured (as U+FFFD), and
 * never read past.
 *
 * A "character" here is a cluster: a character with the zero-width ones
 * that follow it (combining accents, variation selectors, joiners), so a
 * cursor never lands between a letter and its accent and a wrap never
 * separates them.
 */
#ifndef PRAXIS_LAYOUT_H
#define PRAXIS_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

/* Columns of a tab stop in layout_clean(). */
#define LAYOUT_TAB_WIDTH 4

/*
 * One display row: the bytes [start, end) of the text.  A '\n' belongs to
 * no row: the row before it ends at the newline's offset and the next row
 * starts after it.  A wrapped row (soft) ends where the next row starts.
 * Spaces at the end of a wrapped row stay on it even past the wrap width
 * ("hanging"), so WIDTH may exceed the wrap width by those spaces only;
 * a character wider than the whole wrap width gets a row to itself.
 */
struct layout_row {
	size_t start;
	size_t end;
	int width;      /* columns of [start, end) */
	bool soft;      /* the line goes on in the next row */
};

struct layout {
	struct layout_row *rows;
	size_t len;     /* at least 1 after layout_wrap: empty text is one empty row */
	size_t cap;
};

#define LAYOUT_INIT { NULL, 0, 0 }

void layout_free(struct layout *l);

/* Lay out the LEN bytes of TEXT into rows of WIDTH columns (WIDTH < 1 is
 * taken as 1), replacing what L held.  Lines break at '\n'; a line wider
 * than WIDTH breaks after its last space that fits, and a word wider than
 * WIDTH breaks between characters. */
void layout_wrap(struct layout *l, const char *text, size_t len, int width);

/* The row a cursor at byte OFFSET is shown on: the last row starting at or
 * before it (so the end of a wrapped row shows at the start of the next). */
size_t layout_row_at(const struct layout *l, size_t offset);

/* The column of a cursor at OFFSET (inside ROW) from the row's start. */
int layout_column(const char *text, const struct layout_row *row, size_t offset);

/* The cursor position in ROW closest to COLUMN without passing it: the
 * start of the character covering COLUMN, or the row's last position when
 * COLUMN is past its end (on a wrapped row, before its last character, so
 * that the cursor stays on the row). */
size_t layout_offset(const char *text, const struct layout_row *row, int column);

/* The offset after the character at OFFSET (LEN at the end), and the start
 * of the character before OFFSET (0 at the start). */
size_t layout_next_char(const char *text, size_t len, size_t offset);
size_t layout_prev_char(const char *text, size_t len, size_t offset);

/* Word movement as editors do it, words being runs of anything but
 * spaces, tabs and newlines: next goes to the end of the word at or after
 * OFFSET, previous to the start of the word before it. */
size_t layout_next_word(const char *text, size_t len, size_t offset);
size_t layout_prev_word(const char *text, size_t len, size_t offset);

/* A copy of S (NULL gives "") ready to lay out and show: "\r\n" becomes
 * "\n", other controls are escaped as text_escape_controls() does, and
 * each tab becomes the spaces up to the next multiple of LAYOUT_TAB_WIDTH
 * columns of its line.  The caller frees it. */
char *layout_clean(const char *s);

#endif
