/*
 * prompt.c — questions on the status line (see prompt.h): a text field
 * for tags, dates, search queries and `:` commands, or one key of a few
 * choices ("s save · k keep · d discard").
 */
#include "prompt.h"

#include "draw.h"

#include "praxis/buf.h"
#include "praxis/layout.h"
#include "praxis/text.h"

#include <stdlib.h>
#include <string.h>

struct question {
	char *label;
	bool one_key;
	char choices[32];
	struct px_buf text;
	size_t cursor;           /* byte offset in text */
	question_text_fn *done;
	question_text_fn *changed;
	question_key_fn *key_done;
	void *ctx;
};

void question_free(struct question *q)
{
	if (!q)
		return;
	free(q->label);
	px_buf_free(&q->text);
	free(q);
}

static struct question *question_new(struct ui *ui, const char *label, void *ctx)
{
	question_free(ui->question);
	struct question *q = px_xcalloc(1, sizeof *q);
	q->label = px_xstrdup(label);
	px_buf_init(&q->text);
	q->ctx = ctx;
	ui->question = q;
	return q;
}

void ui_ask_text(struct ui *ui, const char *label, const char *initial,
		 question_text_fn *done, question_text_fn *changed, void *ctx)
{
	struct question *q = question_new(ui, label, ctx);
	q->done = done;
	q->changed = changed;
	if (initial)
		px_buf_adds(&q->text, initial);
	q->cursor = q->text.len;
}

void ui_ask_key(struct ui *ui, const char *label, const char *choices, question_key_fn *done,
		void *ctx)
{
	struct question *q = question_new(ui, label, ctx);
	q->one_key = true;
	q->key_done = done;
	snprintf(q->choices, sizeof q->choices, "%s", choices);
}

/* Close the question, then give its answer to its callback. */
static int finish(struct ui *ui, const char *text, int32_t key)
{
	struct question *q = ui->question;
	ui->question = NULL;
	char *answer = text ? px_xstrdup(text) : NULL;
	int flags = UI_HANDLED | UI_REDRAW;
	if (q->one_key && q->key_done)
		flags |= q->key_done(ui, q->ctx, key);
	else if (!q->one_key && q->done)
		flags |= q->done(ui, q->ctx, answer);
	free(answer);
	question_free(q);
	return flags;
}

static void insert_char(struct question *q, int32_t key)
{
	char bytes[4];
	size_t n;
	uint32_t c = (uint32_t)key;
	if (c < 0x80) {
		bytes[0] = (char)c, n = 1;
	} else if (c < 0x800) {
		bytes[0] = (char)(0xC0 | (c >> 6)), bytes[1] = (char)(0x80 | (c & 0x3F)), n = 2;
	} else if (c < 0x10000) {
		bytes[0] = (char)(0xE0 | (c >> 12)), bytes[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		bytes[2] = (char)(0x80 | (c & 0x3F)), n = 3;
	} else {
		bytes[0] = (char)(0xF0 | (c >> 18)), bytes[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		bytes[2] = (char)(0x80 | ((c >> 6) & 0x3F)), bytes[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	if (q->text.len + n > QUESTION_MAX)
		return;
	px_buf_grow(&q->text, n);
	memmove(q->text.data + q->cursor + n, q->text.data + q->cursor, q->text.len - q->cursor + 1);
	memcpy(q->text.data + q->cursor, bytes, n);
	q->text.len += n;
	q->cursor += n;
}

static void delete_range(struct question *q, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(q->text.data + from, q->text.data + to, q->text.len - to + 1);
	q->text.len -= to - from;
	q->cursor = from;
}

/* An editing key; returns 1 when the text changed, 0 when only the
 * cursor moved, -1 when the key means nothing here. */
static int edit_key(struct question *q, int32_t key)
{
	const char *t = q->text.data;
	size_t len = q->text.len;
	switch (key) {
	case UIK_FN | KEY_LEFT: case UIK_CTRL('b'):
		q->cursor = layout_prev_char(t, len, q->cursor);
		return 0;
	case UIK_FN | KEY_RIGHT: case UIK_CTRL('f'):
		q->cursor = layout_next_char(t, len, q->cursor);
		return 0;
	case UIK_FN | KEY_HOME: case UIK_CTRL('a'):
		q->cursor = 0;
		return 0;
	case UIK_FN | KEY_END: case UIK_CTRL('e'):
		q->cursor = len;
		return 0;
	case UIK_FN | KEY_BACKSPACE: case UIK_DEL: case UIK_CTRL('h'):
		delete_range(q, layout_prev_char(t, len, q->cursor), q->cursor);
		return 1;
	case UIK_FN | KEY_DC:
		delete_range(q, q->cursor, layout_next_char(t, len, q->cursor));
		return 1;
	case UIK_CTRL('u'):
		delete_range(q, 0, len);
		return 1;
	case UIK_CTRL('w'):
		delete_range(q, layout_prev_word(t, len, q->cursor), q->cursor);
		return 1;
	default:
		break;
	}
	if (key >= 0x20 && key != UIK_DEL && !(key >= 0x80 && key < 0xA0) &&
	    !(key & (UIK_FN | UIK_META)) && key <= 0x10FFFF) {
		insert_char(q, key);
		return 1;
	}
	return -1;
}

static int one_key(struct ui *ui, int32_t key)
{
	struct question *q = ui->question;
	if (key == UIK_ESC || key == UIK_CTRL('c') || key == UIK_CTRL('g'))
		return finish(ui, NULL, 0);
	if (key > 0 && key < 0x80 && strchr(q->choices, (int)key) && key != 0)
		return finish(ui, NULL, key);
	return UI_HANDLED;   /* anything else: still waiting for an answer */
}

int question_key(struct ui *ui, int32_t key)
{
	struct question *q = ui->question;
	if (!q)
		return 0;
	if (q->one_key)
		return one_key(ui, key);
	if (key == UIK_ESC || key == UIK_CTRL('c') || key == UIK_CTRL('g'))
		return finish(ui, NULL, 0);
	if (key == UIK_ENTER || key == (UIK_FN | KEY_ENTER) || key == '\n')
		return finish(ui, q->text.data, 0);
	int changed = edit_key(q, key);
	if (changed == 1 && q->changed)
		return UI_HANDLED | UI_REDRAW | q->changed(ui, q->ctx, q->text.data);
	return UI_HANDLED | UI_REDRAW;
}

void question_draw(const struct question *q, int row, int cols, int *cursor_x)
{
	attr_t key = draw_attr(STYLE_KEY);
	/* The label may take all but room for 30 columns of answer. */
	int label_room = q->one_key ? cols - 1 : cols - 30 > cols / 2 ? cols - 30 : cols / 2;
	int lw = draw_text(row, 0, label_room, q->label, q->one_key ? key : A_BOLD);
	*cursor_x = lw;
	if (q->one_key)
		return;
	int room = cols - lw - 1;
	if (room < 1)
		return;
	/* Show the part of the answer around the cursor. */
	char *safe = text_escape_controls(q->text.data);
	size_t start = 0;
	char *before = px_xstrndup(q->text.data, q->cursor);
	char *before_safe = text_escape_controls(before);
	int cw = text_width(before_safe);
	size_t slen = strlen(safe);
	while (cw >= room && start < slen) {
		size_t next = layout_next_char(safe, slen, start);
		char *skipped = px_xstrndup(safe + start, next - start);
		cw -= text_width(skipped);
		free(skipped);
		start = next;
	}
	draw_text(row, lw, room, safe + start, A_NORMAL);
	*cursor_x = lw + cw;
	free(before_safe);
	free(before);
	free(safe);
}
