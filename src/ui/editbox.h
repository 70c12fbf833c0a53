/*
 * editbox.h — the built-in multi-line editor: UTF-8 text with soft word
 * wrap, a cursor moved by character, word, line and page, cutting and
 * pasting whole lines, and one step of undo.
 *
 * The text is kept as one string, apart from its display rows: the rows
 * are laid out again (layout.h) only when the text or the width changed,
 * just before they are needed.  The text only ever holds what
 * layout_clean() lets through (no controls but '\n', no tabs), so what is
 * drawn is what is stored.
 *
 * Undo keeps the text as it was before the last change; a run of typing
 * (or of deleting) is one change.  Undoing swaps the two, so undoing again
 * redoes.  Cutting lines one after another collects them all for the next
 * paste, as nano and emacs do.
 */
#ifndef PRAXIS_UI_EDITBOX_H
#define PRAXIS_UI_EDITBOX_H

#include "screen.h"

#include "praxis/buf.h"
#include "praxis/layout.h"

#include <stdbool.h>
#include <stddef.h>

/* The longest text the editor holds, in bytes. */
#define EDITBOX_MAX (4u * 1024 * 1024)

enum editbox_change { CHANGE_NONE, CHANGE_TYPE, CHANGE_DELETE, CHANGE_OTHER };

struct editbox {
	struct px_buf text;
	size_t cursor;              /* byte offset, always at a character boundary */
	int goal;                   /* the column Up and Down aim for; -1: the cursor's */
	struct layout rows;
	int width;                  /* the width ROWS were laid out for */
	bool stale;                 /* the text changed since */
	size_t top;                 /* the first row shown */
	int height;                 /* rows shown at the last draw */
	char *undo_text;            /* the text before the last change, or NULL */
	size_t undo_cursor;
	enum editbox_change last;
	struct px_buf cut;          /* the lines cut last */
	bool cutting;               /* the last key cut a line */
	unsigned long changes;      /* bumped by every change of the text */
};

/* Start with TEXT (cleaned with layout_clean; NULL is empty), the cursor
 * at its end. */
void editbox_init(struct editbox *e, const char *text);
void editbox_free(struct editbox *e);
const char *editbox_text(const struct editbox *e);

/* Replace the whole text (after $EDITOR), as one change that can be undone. */
void editbox_replace(struct editbox *e, const char *text);

/* Handle REQ (the writing screen's table) or, for REQ_NONE, KEY typed as
 * text.  Returns 1 when handled, 0 when the key means nothing to the
 * editor, -1 when it was refused because the text would pass EDITBOX_MAX. */
int editbox_key(struct editbox *e, enum req req, int32_t key);

/* Draw in A; *CY and *CX get the cursor's screen position. */
void editbox_draw(struct editbox *e, const struct area *a, int *cy, int *cx);

#endif
