/*
 * scr_inquiry.c — the Inquiry screen: the chain of an inquiry as it was
 * lived, entry → action → follow-up → next action, with dates and status,
 * so a learner sees their cycles (inquiry_chain in inquiry.h).  Enter
 * opens an entry, or follows up an action that is due.
 */
#include "draw.h"
#include "list.h"
#include "screen.h"

#include "praxis/buf.h"
#include "praxis/inquiry.h"
#include "praxis/text.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

enum chain_kind { CHAIN_STEP, CHAIN_ACTION, CHAIN_FOLLOW };

struct chain_row {
	enum chain_kind kind;
	int64_t id;                 /* the entry (steps, follow-ups) or the action */
	enum entry_frame frame;
	char *text;
	bool due, open;
};

struct inquiry_view {
	int64_t id;
	struct inquiry inq;
	struct chain_totals totals;
	struct chain_row *rows;
	size_t n, cap;
	struct list list;
	unsigned long generation;
};

static void add_row(struct inquiry_view *v, enum chain_kind kind, int64_t id, const char *text)
{
	px_grow((void **)&v->rows, &v->cap, v->n + 1, sizeof *v->rows);
	v->rows[v->n++] = (struct chain_row){ .kind = kind, .id = id, .text = px_xstrdup(text) };
}

static void add_action(struct inquiry_view *v, const struct chain_action *a)
{
	struct px_buf b = PX_BUF_INIT;
	px_buf_addf(&b, "→ %s · follow up %s · %s", a->text, a->due_date,
		    action_status_name(a->status));
	if (a->outcome != OUTCOME_NONE)
		px_buf_addf(&b, " (%s)", action_outcome_name(a->outcome));
	if (a->due)
		px_buf_adds(&b, " · DUE: Enter follows it up");
	add_row(v, CHAIN_ACTION, a->id, b.data);
	v->rows[v->n - 1].due = a->due;
	v->rows[v->n - 1].open = a->status == ACTION_OPEN;
	if (a->follow_up.entry_id) {
		px_buf_reset(&b);
		px_buf_addf(&b, "↳ followed up in entry %" PRId64 " on %.10s%s%s%s",
			    a->follow_up.entry_id, a->follow_up.occurred_at,
			    a->follow_up.title[0] ? ": " : "", a->follow_up.title,
			    a->follow_up.trashed ? " (in the trash)" : "");
		add_row(v, CHAIN_FOLLOW, a->follow_up.entry_id, b.data);
	}
	px_buf_free(&b);
}

static int add_step(const struct chain_step *step, void *ctx)
{
	struct inquiry_view *v = ctx;
	struct px_buf b = PX_BUF_INIT;
	px_buf_addf(&b, "%.16s  %c  %s", step->occurred_at, entry_frame_mark(step->frame),
		    step->title[0] ? step->title : step->excerpt);
	add_row(v, CHAIN_STEP, step->entry_id, b.data);
	v->rows[v->n - 1].frame = step->frame;
	px_buf_free(&b);
	for (size_t i = 0; i < step->nactions; i++)
		add_action(v, &step->actions[i]);
	return 0;
}

static void clear_rows(struct inquiry_view *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->rows[i].text);
	v->n = 0;
}

static int load(struct ui *ui, struct inquiry_view *v)
{
	v->generation = ui->generation;
	int64_t keep = v->n ? v->rows[v->list.sel].id : 0;
	clear_rows(v);
	inquiry_free(&v->inq);
	memset(&v->inq, 0, sizeof v->inq);
	struct px_error err;
	px_error_clear(&err);
	if (inquiry_get(ui->j, v->id, &v->inq, &err) < 0 ||
	    inquiry_chain(ui->j, v->id, ui->today, add_step, v, &v->totals, &err) < 0) {
		ui_error_px(ui, &err);
		v->list.count = v->n;
		return -1;
	}
	v->list.count = v->n;
	size_t sel = 0;
	for (size_t i = 0; i < v->n; i++)
		if (keep && v->rows[i].id == keep)
			sel = i;
	list_select(&v->list, sel);
	return 0;
}

static void row_draw(void *ctx, size_t row, int y, int x, int w, bool selected)
{
	const struct chain_row *r = &((struct inquiry_view *)ctx)->rows[row];
	attr_t base = selected ? draw_attr(STYLE_SELECTED) : A_NORMAL;
	draw_fill(y, x, w, base);
	int indent = r->kind == CHAIN_STEP ? 1 : r->kind == CHAIN_ACTION ? 6 : 8;
	attr_t attr = base;
	if (!selected && r->kind == CHAIN_ACTION)
		attr |= draw_attr(r->due ? STYLE_DUE : r->open ? STYLE_KEY : STYLE_DIM);
	if (!selected && r->kind == CHAIN_FOLLOW)
		attr |= draw_attr(STYLE_DIM);
	draw_text(y, x + indent, w - indent - 1, r->text, attr);
}

static void inquiry_draw(struct ui *ui, struct screen *s, const struct area *a)
{
	struct inquiry_view *v = s->data;
	if (v->generation != ui->generation)
		load(ui, v);
	char title[64], right[64];
	snprintf(title, sizeof title, "Inquiry %" PRId64, v->id);
	if (v->inq.status == INQUIRY_CLOSED)
		snprintf(right, sizeof right, "closed %.10s", v->inq.closed_at);
	else
		snprintf(right, sizeof right, "open since %.10s", v->inq.opened_at);
	draw_header(a, title, right);
	draw_text(a->y + 1, a->x + 1, a->w - 2, v->inq.question ? v->inq.question : "",
		  draw_attr(STYLE_TITLE));
	char totals[160];
	snprintf(totals, sizeof totals,
		 "%d entries · %d actions · %d followed up · %d due · %d still open",
		 v->totals.steps, v->totals.actions, v->totals.cycles_closed, v->totals.cycles_due,
		 v->totals.open_actions);
	draw_text(a->y + 2, a->x + 1, a->w - 2, totals, draw_attr(STYLE_DIM));
	int top = a->y + 3;
	if (v->inq.summary && v->inq.summary[0]) {
		struct px_buf b = PX_BUF_INIT;
		px_buf_addf(&b, "Summary: %s", v->inq.summary);
		draw_text(top++, a->x + 1, a->w - 2, b.data, A_NORMAL);
		px_buf_free(&b);
	}
	struct area rows = { top + 1, a->x, a->h - (top + 1 - a->y), a->w };
	if (!v->n)
		draw_text(top + 1, a->x + 2, a->w - 4, "No entries yet: w writes the first.",
			  draw_attr(STYLE_DIM));
	list_draw(&v->list, &rows);
}

/* ---- keys ------------------------------------------------------------------------------ */

static int open_row(struct ui *ui, struct inquiry_view *v)
{
	if (!v->n)
		return UI_HANDLED;
	const struct chain_row *r = &v->rows[v->list.sel];
	if (r->kind == CHAIN_ACTION) {
		if (r->open)
			return ui_follow_up(ui, r->id);
		ui_status(ui, "this action is %s; Enter on an entry opens it",
			  r->due ? "due" : "closed");
		return UI_HANDLED;
	}
	ui_push(ui, &entry_screen, &r->id);
	return UI_HANDLED | UI_REDRAW;
}

static int close_done(struct ui *ui, void *ctx, const char *text)
{
	struct inquiry_view *v = ctx;
	if (!text)
		return 0;
	struct px_error err;
	px_error_clear(&err);
	if (inquiry_close(ui->j, v->id, text, ui->now_text, &err) < 0) {
		ui_error_px(ui, &err);
	} else {
		ui_status(ui, "inquiry %" PRId64 " closed; o opens it again", v->id);
		ui_changed(ui);
	}
	return UI_REDRAW;
}

static int reopen(struct ui *ui, struct inquiry_view *v)
{
	struct px_error err;
	px_error_clear(&err);
	if (inquiry_reopen(ui->j, v->id, &err) < 0) {
		ui_error_px(ui, &err);
	} else {
		ui_status(ui, "inquiry %" PRId64 " is open again", v->id);
		ui_changed(ui);
	}
	return UI_HANDLED | UI_REDRAW;
}

static int inquiry_key(struct ui *ui, struct screen *s, enum req req, int32_t key)
{
	(void)key;
	struct inquiry_view *v = s->data;
	switch (req) {
	case REQ_OPEN: return open_row(ui, v);
	case REQ_BACK: return UI_HANDLED | UI_POP;
	case REQ_HOME:
		while (ui->depth > 1)
			ui_pop(ui);
		return UI_HANDLED | UI_REDRAW;
	case REQ_NEW_INQUIRY_ENTRY: return ui_start_entry(ui, FRAME_INQUIRY, v->id);
	case REQ_WRITE_FREE:
		if (v->n && v->rows[v->list.sel].kind == CHAIN_ACTION && v->rows[v->list.sel].open)
			return ui_follow_up_free(ui, v->rows[v->list.sel].id);
		return ui_write_free(ui, FRAME_INQUIRY, v->id);
	case REQ_CLOSE_INQUIRY:
		ui_ask_text(ui, "What did the inquiry show you? (a summary to close it): ", NULL,
			    close_done, NULL, v);
		return UI_HANDLED | UI_REDRAW;
	case REQ_REOPEN_INQUIRY: return reopen(ui, v);
	case REQ_TICK: case REQ_FLUSH: return 0;
	default: return list_move(&v->list, req);
	}
}

static void view_free(struct inquiry_view *v)
{
	clear_rows(v);
	free(v->rows);
	inquiry_free(&v->inq);
	free(v);
}

static int inquiry_enter(struct ui *ui, struct screen *s, const void *arg)
{
	struct inquiry_view *v = px_xcalloc(1, sizeof *v);
	v->id = *(const int64_t *)arg;
	v->list.draw_row = row_draw;
	v->list.ctx = v;
	if (load(ui, v) < 0) {
		view_free(v);
		return -1;
	}
	s->data = v;
	return 0;
}

static void inquiry_leave(struct ui *ui, struct screen *s)
{
	(void)ui;
	view_free(s->data);
}

static const struct key_binding inquiry_bindings[] = {
	KEYS_MOVE,
	{ UIK_ENTER, REQ_OPEN }, { UIK_FN | KEY_ENTER, REQ_OPEN }, { 'l', REQ_OPEN },
	{ 'q', REQ_BACK }, { UIK_ESC, REQ_BACK }, { 'h', REQ_BACK }, { 'H', REQ_HOME },
	{ 'w', REQ_NEW_INQUIRY_ENTRY }, { 'i', REQ_NEW_INQUIRY_ENTRY }, { 'W', REQ_WRITE_FREE },
	{ 'c', REQ_CLOSE_INQUIRY }, { 'o', REQ_REOPEN_INQUIRY },
	KEYS_COMMON,
};
static const struct keymap inquiry_keys =
	KEYMAP(inquiry_bindings, "Each entry with the actions it planned and where they were "
				 "followed up: the cycles of the inquiry.");

const struct screen_ops inquiry_screen = {
	.name = "Inquiry",
	.keys = &inquiry_keys,
	.enter = inquiry_enter,
	.draw = inquiry_draw,
	.key = inquiry_key,
	.resize = NULL,
	.leave = inquiry_leave,
};
