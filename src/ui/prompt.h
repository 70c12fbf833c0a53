/*
 * prompt.h — the question asked on the status line (screen.h's
 * ui_ask_text and ui_ask_key): a one-line text field with the usual
 * editing keys, or a choice of one key.
 *
 * While a question is open the loop gives it every key.  The text field
 * edits UTF-8 by whole characters (layout.h) and scrolls sideways to keep
 * the cursor in view: Left/Right, ^A/Home, ^E/End, Backspace, Delete,
 * ^U (clear), ^W (delete a word), Enter (answer), Esc or ^C (cancel).
 */
#ifndef PRAXIS_UI_PROMPT_H
#define PRAXIS_UI_PROMPT_H

#include "screen.h"

#include <stdint.h>

/* The longest answer, in bytes (search queries are shorter still). */
#define QUESTION_MAX 2000

/* Handle KEY for the open question; returns key-handler flags.  When the
 * question is answered or cancelled it is closed before its callback runs,
 * so the callback may ask another. */
int question_key(struct ui *ui, int32_t key);
/* Draw the open question on ROW; *CURSOR_X gets the cursor's column. */
void question_draw(const struct question *q, int row, int cols, int *cursor_x);
void question_free(struct question *q);

#endif
