/*
 * list.h — the list widget Home, Browse, the Inquiry screen, the chooser
 * and help share: a selection and a scroll position over rows the screen
 * owns, moved by the Moving requests, and the one-line entry row (date,
 * frame mark, title or first words, tags, words) Home and Browse both
 * draw.
 *
 * The widget never holds the rows; it asks the screen to draw row I, and
 * whether row I can be selected (section headings cannot).  A screen that
 * pages its rows from the journal (Browse) keeps more rows loaded than it
 * shows and adds or drops them before the list moves past them.
 */
#ifndef PRAXIS_UI_LIST_H
#define PRAXIS_UI_LIST_H

#include "screen.h"

#include <stdbool.h>
#include <stddef.h>

struct list {
	size_t count;           /* rows */
	size_t sel;             /* the selected row (count == 0: none) */
	size_t top;             /* the first row shown */
	int height;             /* rows shown at the last draw */
	bool (*selectable)(void *ctx, size_t row);   /* NULL: every row */
	void (*draw_row)(void *ctx, size_t row, int y, int x, int w, bool selected);
	void *ctx;
};

/* Move by a request of the Moving group; returns handler flags (0 when
 * REQ is not a move). */
int list_move(struct list *l, enum req req);
/* Select ROW (clamped), or the nearest selectable row after it. */
void list_select(struct list *l, size_t row);
/* Rows were added (ADDED > 0) or dropped (ADDED < 0) at the top: keep
 * the same row selected and shown. */
void list_shift(struct list *l, long added);
void list_draw(struct list *l, const struct area *a);

/* ---- the entry row ---------------------------------------------------- */

struct entry_row {
	int64_t id;
	enum entry_frame frame;
	char occurred_at[20];
	char *heading;          /* title, or the body's first words; one line */
	char *tags;             /* "#a #b", or "" */
	char *snippet;          /* a search hit's passage with DRAW_MARK_* marks, or NULL */
	int words;
};

void entry_row_from_summary(struct entry_row *r, const struct entry_summary *s);
void entry_row_free(struct entry_row *r);
/* One row at Y in W columns: columns line up across rows whatever the
 * text holds (CJK and emoji are measured, never counted in bytes). */
void entry_row_draw(const struct entry_row *r, int y, int x, int w, bool selected);

#endif
