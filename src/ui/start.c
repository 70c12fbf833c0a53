/*
 * start.c — starting to write, shared by Home, the Entry screen and the
 * Inquiry screen: a guided entry through a frame's default template (or a
 * template the learner picks), an entry written without prompts, a
 * follow-up of a due action (guided by the action's follow-up template, or
 * freely), a new inquiry, resuming a draft; and undoing the last move to
 * the trash.
 */
#include "screen.h"

#include "praxis/action.h"
#include "praxis/buf.h"
#include "praxis/draft.h"
#include "praxis/engine.h"
#include "praxis/inquiry.h"
#include "praxis/text.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* The template that opens an inquiry from its own question step. */
#define START_OPEN_INQUIRY "inquiry-open"

struct template_set *ui_templates(struct ui *ui)
{
	if (!ui->templates) {
		ui->template_diags = template_diags_new();
		ui->templates = template_set_load_default(ui->template_diags);
		if (template_diags_errors(ui->template_diags))
			ui_error(ui, "some template files have errors and were left out ('praxis "
				     "templates check' lists them)");
	}
	return ui->templates;
}

static int push_guided(struct ui *ui, const char *template_id, int frame, int64_t inquiry_id,
		       int64_t action_id)
{
	struct guided_args args = {
		.template_id = template_id,
		.frame = frame,
		.inquiry_id = inquiry_id,
		.action_id = action_id,
	};
	ui_push(ui, &guided_screen, &args);
	return UI_HANDLED | UI_REDRAW;
}

static int push_write(struct ui *ui, const struct write_args *args)
{
	ui_push(ui, &write_screen, args);
	return UI_HANDLED | UI_REDRAW;
}

/* ---- which inquiry? ---------------------------------------------------------- */

struct pick_inquiry {
	bool guided;                /* then TEMPLATE_ID runs in the inquiry */
	char *template_id;
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
	free(p->template_id);
	free(p);
}

static int start_in(struct ui *ui, bool guided, const char *template_id, int64_t inquiry)
{
	if (!guided) {
		struct write_args args = { .frame = FRAME_INQUIRY, .inquiry_id = inquiry };
		return push_write(ui, &args);
	}
	return push_guided(ui, template_id ? template_id : engine_default_template(FRAME_INQUIRY),
			   FRAME_INQUIRY, inquiry, 0);
}

static int inquiry_picked(struct ui *ui, void *ctx, long index)
{
	struct pick_inquiry *p = ctx;
	int flags = 0;
	if (index >= 0 && (size_t)index == p->n - 1)
		flags = ui_new_inquiry(ui);
	else if (index >= 0 && (size_t)index < p->n)
		flags = start_in(ui, p->guided, p->template_id, p->ids[index]);
	pick_free(p);
	return flags;
}

/* Ask which open inquiry, then start writing in it (a new inquiry when
 * there is none, or when the learner asks for one). */
static int choose_inquiry(struct ui *ui, bool guided, const char *template_id)
{
	struct pick_inquiry *p = px_xcalloc(1, sizeof *p);
	p->guided = guided;
	p->template_id = template_id ? px_xstrdup(template_id) : NULL;
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

/* ---- starting ---------------------------------------------------------------------- */

int ui_start_entry(struct ui *ui, enum entry_frame frame, int64_t inquiry_id)
{
	if (frame == FRAME_INQUIRY && !inquiry_id)
		return choose_inquiry(ui, true, NULL);
	return push_guided(ui, engine_default_template(frame), (int)frame, inquiry_id, 0);
}

int ui_new_inquiry(struct ui *ui)
{
	return push_guided(ui, START_OPEN_INQUIRY, FRAME_INQUIRY, 0, 0);
}

static const char *const free_frames[] = {
	"A quick note", "A critical incident", "A time period", "An entry in an inquiry",
};

static int free_frame_picked(struct ui *ui, void *ctx, long index)
{
	(void)ctx;
	if (index < 0)
		return 0;
	return ui_write_free(ui, (enum entry_frame)index, 0);
}

int ui_write_free(struct ui *ui, enum entry_frame frame, int64_t inquiry_id)
{
	if ((int)frame < 0) {
		struct choose_args args = {
			.title = "Write without prompts: which frame?",
			.items = free_frames,
			.n = sizeof free_frames / sizeof free_frames[0],
			.done = free_frame_picked,
		};
		ui_push(ui, &choose_screen, &args);
		return UI_HANDLED | UI_REDRAW;
	}
	if (frame == FRAME_INQUIRY && !inquiry_id)
		return choose_inquiry(ui, false, NULL);
	struct write_args args = { .frame = frame, .inquiry_id = inquiry_id };
	return push_write(ui, &args);
}

/* ---- any template ---------------------------------------------------------------------- */

struct pick_template {
	const struct template **list;
	char **items;
	size_t n;
};

static void pick_template_free(struct pick_template *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->items[i]);
	free(p->items);
	free(p->list);
	free(p);
}

static int template_picked(struct ui *ui, void *ctx, long index)
{
	struct pick_template *p = ctx;
	int flags = 0;
	if (index >= 0 && (size_t)index < p->n) {
		const struct template *t = p->list[index];
		size_t nf;
		const enum template_frame *frames = template_frames(t, &nf);
		bool in_inquiry = nf && frames[0] == TEMPLATE_FRAME_INQUIRY;
		/* An inquiry entry belongs to an inquiry, unless it opens one. */
		if (in_inquiry && !template_opens_inquiry(t))
			flags = choose_inquiry(ui, true, template_id(t));
		else
			flags = push_guided(ui, template_id(t), -1, 0, 0);
	}
	pick_template_free(p);
	return flags;
}

int ui_choose_template(struct ui *ui)
{
	const struct template_set *set = ui_templates(ui);
	size_t n = template_set_count(set);
	struct pick_template *p = px_xcalloc(1, sizeof *p);
	p->list = px_xcalloc(n ? n : 1, sizeof *p->list);
	p->items = px_xcalloc(n ? n : 1, sizeof *p->items);
	for (size_t i = 0; i < n; i++) {
		const struct template *t = template_set_at(set, i);
		if (template_role(t) == TEMPLATE_ROLE_FOLLOW_UP)
			continue;   /* those run from a due action */
		struct px_buf b = PX_BUF_INIT;
		px_buf_addf(&b, "%s — %s", template_name(t), template_summary(t));
		p->list[p->n] = t;
		p->items[p->n++] = px_buf_detach(&b);
	}
	if (!p->n) {
		pick_template_free(p);
		ui_error(ui, "no templates were found to choose from");
		return UI_HANDLED | UI_REDRAW;
	}
	struct choose_args args = {
		.title = "Write with which reflective model?",
		.items = (const char *const *)p->items,
		.n = p->n,
		.done = template_picked,
		.ctx = p,
	};
	ui_push(ui, &choose_screen, &args);
	return UI_HANDLED | UI_REDRAW;
}

/* ---- follow-ups, drafts, undo ------------------------------------------------------------- */

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
	int flags = push_guided(ui, a.follow_up_template, -1, 0, action_id);
	action_free(&a);
	return flags;
}

int ui_follow_up_free(struct ui *ui, int64_t action_id)
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
	struct draft d;
	struct px_error err;
	px_error_clear(&err);
	if (draft_get(ui->j, id, &d, &err) < 0) {
		draft_free(&d);
		ui_error_px(ui, &err);
		ui_changed(ui);
		return UI_HANDLED | UI_REDRAW;
	}
	enum draft_kind kind = d.kind;
	draft_free(&d);
	if (kind == DRAFT_RUN) {
		struct guided_args args = { .frame = -1, .draft_id = id };
		ui_push(ui, &guided_screen, &args);
		return UI_HANDLED | UI_REDRAW;
	}
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
