/*
 * start.c — starting to write, shared by Home, the Entry screen and the
 * Inquiry screen: a new entry of a frame (asking which inquiry for an
 * inquiry entry), a follow-up of a due action, a new inquiry, resuming a
 * draft; and undoing the last move to the trash.
 */
#include "screen.h"

#include "praxis/action.h"
#include "praxis/buf.h"
#include "praxis/inquiry.h"
#include "praxis/text.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static int push_write(struct ui *ui, const struct write_args *args)
{
	ui_push(ui, &write_screen, args);
	return UI_HANDLED | UI_REDRAW;
}

/* ---- which inquiry? ------------------------------------------------------ */

struct pick_inquiry {
	int64_t *ids;
	char **items;
	size_t n, cap;
};

static void add_item(struct pick_inquiry *p, int64_t id, const char *text)
{
	px_grow((void **)&p->ids, &p->cap, p->n + 1, sizeof *p->ids);
	p->items = px_xrealloc(p->items, p->cap * sizeof *p->items);
	p->ids[p->n] = id;
	p->items[p->n++] = px_xstrdup(text);
}

static int collect_inquiry(const struct inquiry *inq, void *ctx)
{
	add_item(ctx, inq->id, inq->question);
	return 0;
}

static void pick_free(struct pick_inquiry *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->items[i]);
	free(p->items);
	free(p->ids);
	free(p);
}

static int inquiry_picked(struct ui *ui, void *ctx, long index)
{
	struct pick_inquiry *p = ctx;
	int64_t id = index >= 0 && (size_t)index < p->n - 1 ? p->ids[index] : 0;
	bool fresh = index >= 0 && (size_t)index == p->n - 1;
	pick_free(p);
	if (fresh)
		return ui_new_inquiry(ui);
	return id ? ui_start_entry(ui, FRAME_INQUIRY, id) : 0;
}

static int choose_inquiry(struct ui *ui)
{
	struct pick_inquiry *p = px_xcalloc(1, sizeof *p);
	struct px_error err;
	px_error_clear(&err);
	if (inquiry_list(ui->j, INQUIRY_ONLY_OPEN, collect_inquiry, p, &err) < 0) {
		pick_free(p);
		ui_error_px(ui, &err);
		return UI_HANDLED | UI_REDRAW;
	}
	if (p->n == 0) {
		pick_free(p);
		return ui_new_inquiry(ui);
	}
	add_item(p, 0, "A new inquiry…");
	struct choose_args args = {
		.title = "Which inquiry is this entry part of?",
		.items = (const char *const *)p->items,
		.n = p->n,
		.done = inquiry_picked,
		.ctx = p,
	};
	ui_push(ui, &choose_screen, &args);
	return UI_HANDLED | UI_REDRAW;
}

int ui_start_entry(struct ui *ui, enum entry_frame frame, int64_t inquiry_id)
{
	if (frame == FRAME_INQUIRY && !inquiry_id)
		return choose_inquiry(ui);
	struct write_args args = { .frame = frame, .inquiry_id = inquiry_id };
	return push_write(ui, &args);
}

/* ---- a new inquiry ---------------------------------------------------------- */

static int question_done(struct ui *ui, void *ctx, const char *text)
{
	(void)ctx;
	if (!text || text_is_blank(text))
		return 0;
	struct px_error err;
	px_error_clear(&err);
	struct inquiry inq;
	if (inquiry_new(ui->j, text, ui->now_text, &inq, &err) < 0) {
		ui_error_px(ui, &err);
		return 0;
	}
	int64_t id = inq.id;
	inquiry_free(&inq);
	ui_changed(ui);
	ui_status(ui, "opened inquiry %" PRId64 "; its first entry:", id);
	return ui_start_entry(ui, FRAME_INQUIRY, id);
}

int ui_new_inquiry(struct ui *ui)
{
	ui_ask_text(ui, "The question to follow: ", NULL, question_done, NULL, NULL);
	return UI_HANDLED | UI_REDRAW;
}

/* ---- follow-ups, drafts, undo ------------------------------------------------- */

int ui_follow_up(struct ui *ui, int64_t action_id)
{
	struct action a;
	memset(&a, 0, sizeof a);
	struct px_error err;
	px_error_clear(&err);
	if (action_get(ui->j, action_id, &a, &err) < 0) {
		ui_error_px(ui, &err);
		return UI_HANDLED | UI_REDRAW;
	}
	/* The follow-up of an inquiry's action is the inquiry's next step. */
	struct entry e;
	int64_t inquiry = 0;
	if (entry_get(ui->j, a.planned_by, &e, NULL) == 0)
		inquiry = e.inquiry_id;
	entry_free(&e);
	struct px_buf text = PX_BUF_INIT;
	px_buf_addf(&text, "# Follow-up: %s\n\n", a.text);
	struct write_args args = {
		.frame = inquiry ? FRAME_INQUIRY : FRAME_NOTE,
		.inquiry_id = inquiry,
		.action_id = action_id,
		.text = text.data,
	};
	int flags = push_write(ui, &args);
	px_buf_free(&text);
	action_free(&a);
	return flags;
}

int ui_resume_draft(struct ui *ui, int64_t id)
{
	struct write_args args = { .draft_id = id };
	return push_write(ui, &args);
}

int ui_undo_trash(struct ui *ui)
{
	if (!ui->trashed) {
		ui_status(ui, "nothing to undo");
		return UI_HANDLED | UI_REDRAW;
	}
	struct px_error err;
	px_error_clear(&err);
	if (entry_restore(ui->j, ui->trashed, &err) < 0) {
		ui_error_px(ui, &err);
	} else {
		ui_status(ui, "entry %" PRId64 " is back from the trash", ui->trashed);
		ui->trashed = 0;
		ui_changed(ui);
	}
	return UI_HANDLED | UI_REDRAW;
}
