/*
 * scr_home.c — Home: what needs attention first (unfinished entries to
 * resume, follow-ups due), then open inquiries with their last activity
 * and the recent entries, with one key to start each frame.  On an empty
 * journal it is the first-run screen, which explains the three frames.
 *
 * Home is one list (list.h) of rows of several kinds under section
 * headings; it reloads whenever the journal changed (ui->generation).
 */
#include "draw.h"
#include "list.h"
#include "screen.h"

#include "praxis/action.h"
#include "praxis/buf.h"
#include "praxis/draft.h"
#include "praxis/inquiry.h"
#include "praxis/text.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define HOME_RECENT 30

enum home_kind { HOME_HEADING, HOME_NOTE, HOME_DRAFT, HOME_DUE, HOME_INQUIRY, HOME_ENTRY };

struct home_row {
	enum home_kind kind;
	int64_t id;
	char *text;
	char *detail;
	bool urgent;
	struct entry_row entry;     /* HOME_ENTRY */
};

struct home {
	struct home_row *rows;
	size_t n, cap;
	struct list list;
	unsigned long generation;
	bool first_run;
	int64_t entries;
	int64_t latest_draft;
	char today[11];
};

static struct home_row *add_row(struct home *h, enum home_kind kind, int64_t id, const char *text,
				const char *detail)
{
	px_grow((void **)&h->rows, &h->cap, h->n + 1, sizeof *h->rows);
	struct home_row *r = &h->rows[h->n++];
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->id = id;
	r->text = px_xstrdup(text ? text : "");
	r->detail = px_xstrdup(detail ? detail : "");
	return r;
}

static void clear_rows(struct home *h)
{
	for (size_t i = 0; i < h->n; i++) {
		free(h->rows[i].text);
		free(h->rows[i].detail);
		entry_row_free(&h->rows[i].entry);
	}
	h->n = 0;
}

/* ---- loading -------------------------------------------------------------- */

static int add_draft(const struct draft *d, void *ctx)
{
	struct home *h = ctx;
	if (!h->latest_draft) {
		add_row(h, HOME_HEADING, 0, "Unfinished", NULL);
		h->latest_draft = d->id;
	}
	char line[300];
	write_draft_summary(d, line, sizeof line);
	add_row(h, HOME_DRAFT, d->id, line, "Enter or r resumes");
	return 0;
}

static int add_due(const struct action *a, void *ctx)
{
	struct home *h = ctx;
	struct px_datetime due, today;
	char when[48] = "due";
	if (datetime_parse_storage(a->due_date, &due) == 0 &&
	    datetime_parse_storage(h->today, &today) == 0) {
		int64_t late = date_days_between(&due.date, &today.date);
		if (late == 0)
			snprintf(when, sizeof when, "due today");
		else
			snprintf(when, sizeof when, "%" PRId64 " day%s overdue", late, late == 1 ? "" : "s");
	}
	struct px_buf text = PX_BUF_INIT;
	px_buf_addf(&text, "%s  %s", a->due_date, a->text);
	if (a->planned_title[0])
		px_buf_addf(&text, "  (from \"%s\")", a->planned_title);
	add_row(h, HOME_DUE, a->id, text.data, when)->urgent = true;
	px_buf_free(&text);
	return 0;
}

static int add_inquiry(const struct inquiry *inq, void *ctx)
{
	struct home *h = ctx;
	char detail[64];
	snprintf(detail, sizeof detail, "%d entr%s · last %.10s", inq->entry_count,
		 inq->entry_count == 1 ? "y" : "ies", inq->last_activity);
	add_row(h, HOME_INQUIRY, inq->id, inq->question, detail);
	return 0;
}

static int add_entry(const struct entry_summary *s, void *ctx)
{
	struct home *h = ctx;
	struct home_row *r = add_row(h, HOME_ENTRY, s->id, NULL, NULL);
	entry_row_from_summary(&r->entry, s);
	return 0;
}

static int load_sections(struct ui *ui, struct home *h, struct px_error *err)
{
	h->latest_draft = 0;
	if (draft_list(ui->j, add_draft, h, err) < 0)
		return -1;
	size_t mark = h->n;
	add_row(h, HOME_HEADING, 0, "Follow-ups due", NULL);
	if (action_list_due(ui->j, ui->today, 0, add_due, h, err) < 0)
		return -1;
	if (h->n == mark + 1)
		add_row(h, HOME_NOTE, 0, "Nothing is due. Plan an action from an entry with a.", NULL);
	mark = h->n;
	add_row(h, HOME_HEADING, 0, "Open inquiries", NULL);
	if (inquiry_list(ui->j, INQUIRY_ONLY_OPEN, add_inquiry, h, err) < 0)
		return -1;
	if (h->n == mark + 1)
		add_row(h, HOME_NOTE, 0, "None open. N opens one: a question to follow.", NULL);
	add_row(h, HOME_HEADING, 0, "Recent entries", NULL);
	struct entry_filter f;
	entry_filter_init(&f);
	f.limit = HOME_RECENT;
	return entry_list(ui->j, &f, add_entry, h, err) < 0 ? -1 : 0;
}

static int count_one(const struct entry_summary *s, void *ctx)
{
	(void)s, (void)ctx;
	return 1;
}

/* Only a journal that never had anything is new: not one whose entries
 * are all in the trash (u must still be able to bring one back). */
static bool has_trash(struct ui *ui)
{
	struct entry_filter f;
	entry_filter_init(&f);
	f.trash = 1;
	f.limit = 1;
	return entry_list(ui->j, &f, count_one, NULL, NULL) > 0;
}

static int home_load(struct ui *ui, struct home *h)
{
	struct px_error err;
	px_error_clear(&err);
	int64_t keep = h->list.count ? h->rows[h->list.sel].id : 0;
	enum home_kind keep_kind = h->list.count ? h->rows[h->list.sel].kind : HOME_HEADING;
	clear_rows(h);
	memcpy(h->today, ui->today, sizeof h->today);
	h->generation = ui->generation;
	int rc = entry_count(ui->j, &h->entries, &err);
	if (rc == 0)
		rc = load_sections(ui, h, &err);
	if (rc < 0) {
		ui_error_px(ui, &err);
		return -1;
	}
	h->first_run = h->entries == 0 && !h->latest_draft && !has_trash(ui);
	for (size_t i = 0; i < h->n; i++)
		if (h->rows[i].kind == HOME_INQUIRY)
			h->first_run = false;
	h->list.count = h->n;
	size_t sel = 0;
	for (size_t i = 0; i < h->n; i++)
		if (keep && h->rows[i].kind == keep_kind && h->rows[i].id == keep)
			sel = i;
	list_select(&h->list, sel);
	return 0;
}

/* ---- drawing -------------------------------------------------------------------- */

static bool home_selectable(void *ctx, size_t row)
{
	enum home_kind k = ((struct home *)ctx)->rows[row].kind;
	return k != HOME_HEADING && k != HOME_NOTE;
}

static void home_row_draw(void *ctx, size_t row, int y, int x, int w, bool selected)
{
	const struct home_row *r = &((struct home *)ctx)->rows[row];
	if (r->kind == HOME_ENTRY) {
		entry_row_draw(&r->entry, y, x, w, selected);
		return;
	}
	if (r->kind == HOME_HEADING) {
		draw_text(y, x + 1, w - 2, r->text, draw_attr(STYLE_HEADING));
		return;
	}
	if (r->kind == HOME_NOTE) {
		draw_text(y, x + 3, w - 4, r->text, draw_attr(STYLE_DIM));
		return;
	}
	attr_t base = selected ? draw_attr(STYLE_SELECTED) : A_NORMAL;
	draw_fill(y, x, w, base);
	int dw = text_width(r->detail);
	if (dw > w / 3)
		dw = w / 3;
	const char *mark = r->kind == HOME_INQUIRY ? "?" : r->kind == HOME_DUE ? "→" : "*";
	draw_text(y, x + 1, 1, mark, base | draw_attr(r->urgent ? STYLE_DUE : STYLE_HEADING));
	draw_text(y, x + 3, w - dw - 6, r->text, base);
	attr_t detail = r->urgent ? draw_attr(STYLE_DUE) : draw_attr(STYLE_DIM);
	draw_text(y, x + w - dw - 1, dw, r->detail, base | (selected ? 0 : detail));
}

static void draw_footer(int y, int x, int w)
{
	static const struct {
		const char *key, *what;
	} starts[] = {
		{ "n", "note" }, { "c", "critical incident" }, { "p", "time period" },
		{ "i", "inquiry entry" }, { "t", "template" }, { "w", "no prompts" },
		{ "b", "browse" }, { "/", "search" }, { "R", "review" }, { "?", "help" },
	};
	int col = x + 1;
	for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++) {
		int need = text_width(starts[i].key) + text_width(starts[i].what) + 3;
		if (col + need > x + w)
			break;
		col += draw_text(y, col, 2, starts[i].key, draw_attr(STYLE_KEY)) + 1;
		col += draw_text(y, col, w, starts[i].what, A_NORMAL) + 2;
	}
}

static const char *const first_run_text[] = {
	"Welcome to praxis: a journal for reflecting on your practice.",
	"",
	"Frame each entry one of three ways:",
	"",
	"c  A critical incident",
	"   One event that challenged what you assumed or usually do:",
	"   what happened, what it showed you, what you will try next.",
	"",
	"p  A time period",
	"   A week or a month looked at as a whole, to notice what",
	"   recurs and what you cannot see from day to day.",
	"",
	"i  An ongoing inquiry",
	"   A question you follow over many entries: each picks up",
	"   the last thing you tried and plans the next one.",
	"",
	"n  Or just a quick note.",
	"",
	"Press c, p, i or n to write your first entry (Enter: a critical incident).",
};

static void draw_first_run(const struct area *a)
{
	size_t n = sizeof first_run_text / sizeof first_run_text[0];
	int y = a->y + 2;
	for (size_t i = 0; i < n && y < a->y + a->h; i++, y++) {
		const char *line = first_run_text[i];
		bool heading = line[0] && line[0] != ' ' && line[1] == ' ' && line[2] == ' ';
		if (heading) {
			char key[2] = { line[0], '\0' };
			draw_text(y, a->x + 3, 1, key, draw_attr(STYLE_KEY));
			draw_text(y, a->x + 6, a->w - 8, line + 3, draw_attr(STYLE_TITLE));
		} else {
			draw_text(y, a->x + 3, a->w - 5, line, i == 0 ? draw_attr(STYLE_TITLE) : A_NORMAL);
		}
	}
}

static void home_draw(struct ui *ui, struct screen *s, const struct area *a)
{
	struct home *h = s->data;
	if (h->generation != ui->generation || strcmp(h->today, ui->today) != 0)
		home_load(ui, h);
	char title[64], right[64];
	date_format_human(&ui->now.date, right, sizeof right);
	snprintf(title, sizeof title, "praxis · %" PRId64 " entr%s", h->entries,
		 h->entries == 1 ? "y" : "ies");
	draw_header(a, h->first_run ? "praxis" : title, right);
	if (h->first_run) {
		draw_first_run(a);
		return;
	}
	struct area rows = { a->y + 1, a->x, a->h - 2, a->w };
	list_draw(&h->list, &rows);
	draw_footer(a->y + a->h - 1, a->x, a->w);
}

/* ---- keys ---------------------------------------------------------------------------- */

static const struct home_row *selected(const struct home *h)
{
	return h->list.count ? &h->rows[h->list.sel] : NULL;
}

static int open_row(struct ui *ui, struct home *h)
{
	const struct home_row *r = selected(h);
	if (h->first_run)
		return ui_start_entry(ui, FRAME_INCIDENT, 0);
	if (!r)
		return UI_HANDLED;
	switch (r->kind) {
	case HOME_DRAFT: return ui_resume_draft(ui, r->id);
	case HOME_DUE: return ui_follow_up(ui, r->id);
	case HOME_INQUIRY: ui_push(ui, &inquiry_screen, &r->id); break;
	case HOME_ENTRY: ui_push(ui, &entry_screen, &r->id); break;
	default: break;
	}
	return UI_HANDLED | UI_REDRAW;
}

static int discard_answer(struct ui *ui, void *ctx, int32_t key)
{
	int64_t *id = ctx;
	if (key == 'y') {
		struct px_error err;
		px_error_clear(&err);
		if (draft_delete(ui->j, *id, &err) < 0)
			ui_error_px(ui, &err);
		else
			ui_status(ui, "the unfinished entry is thrown away");
		ui_changed(ui);
	}
	free(id);
	return UI_REDRAW;
}

static int request_discard(struct ui *ui, const struct home_row *r)
{
	if (!r || r->kind != HOME_DRAFT) {
		ui_status(ui, "select an unfinished entry first");
		return UI_HANDLED;
	}
	int64_t *id = px_xmalloc(sizeof *id);
	*id = r->id;
	ui_ask_key(ui, "Throw away this unfinished entry for good? y yes · n no", "yn",
		   discard_answer, id);
	return UI_HANDLED | UI_REDRAW;
}

/* The selected inquiry, for "write in this inquiry". */
static int64_t selected_inquiry(const struct home *h)
{
	const struct home_row *r = selected(h);
	return r && r->kind == HOME_INQUIRY ? r->id : 0;
}

static int home_key(struct ui *ui, struct screen *s, enum req req, int32_t key)
{
	(void)key;
	struct home *h = s->data;
	const struct home_row *r = selected(h);
	switch (req) {
	case REQ_OPEN: return open_row(ui, h);
	case REQ_BACK: return UI_HANDLED | UI_QUIT;
	case REQ_NEW_NOTE: return ui_start_entry(ui, FRAME_NOTE, 0);
	case REQ_NEW_INCIDENT: return ui_start_entry(ui, FRAME_INCIDENT, 0);
	case REQ_NEW_PERIOD: return ui_start_entry(ui, FRAME_PERIOD, 0);
	case REQ_NEW_INQUIRY_ENTRY: return ui_start_entry(ui, FRAME_INQUIRY, selected_inquiry(h));
	case REQ_NEW_INQUIRY: return ui_new_inquiry(ui);
	case REQ_RESUME:
		if (r && r->kind == HOME_DRAFT)
			return ui_resume_draft(ui, r->id);
		if (h->latest_draft)
			return ui_resume_draft(ui, h->latest_draft);
		ui_status(ui, "nothing unfinished to resume");
		return UI_HANDLED;
	case REQ_DISCARD: return request_discard(ui, r);
	case REQ_FOLLOW_UP:
		if (r && r->kind == HOME_DUE)
			return ui_follow_up(ui, r->id);
		ui_status(ui, "select a follow-up that is due first");
		return UI_HANDLED;
	case REQ_WRITE_FREE:
		if (r && r->kind == HOME_DUE)
			return ui_follow_up_free(ui, r->id);
		return ui_write_free(ui, (enum entry_frame)-1, 0);
	case REQ_TEMPLATE: return ui_choose_template(ui);
	case REQ_BROWSE: ui_push(ui, &browse_screen, NULL); return UI_HANDLED | UI_REDRAW;
	case REQ_REVIEW: ui_push(ui, &review_screen, NULL); return UI_HANDLED | UI_REDRAW;
	case REQ_SEARCH:
		ui_push(ui, &browse_screen, &(struct browse_args){ .search = true });
		return UI_HANDLED | UI_REDRAW;
	case REQ_UNDO: return ui_undo_trash(ui);
	case REQ_TICK: case REQ_FLUSH: return 0;
	default: return h->first_run ? 0 : list_move(&h->list, req);
	}
}

static int home_enter(struct ui *ui, struct screen *s, const void *arg)
{
	(void)arg;
	struct home *h = px_xcalloc(1, sizeof *h);
	h->list.selectable = home_selectable;
	h->list.draw_row = home_row_draw;
	h->list.ctx = h;
	if (home_load(ui, h) < 0) {
		clear_rows(h);
		free(h->rows);
		free(h);
		return -1;
	}
	if (h->latest_draft)
		ui_status(ui, "An entry was left unfinished: r resumes it (D throws it away)");
	s->data = h;
	return 0;
}

static void home_leave(struct ui *ui, struct screen *s)
{
	(void)ui;
	struct home *h = s->data;
	clear_rows(h);
	free(h->rows);
	free(h);
}

static const struct key_binding home_bindings[] = {
	KEYS_MOVE,
	{ UIK_ENTER, REQ_OPEN }, { UIK_FN | KEY_ENTER, REQ_OPEN }, { 'l', REQ_OPEN },
	{ 'n', REQ_NEW_NOTE }, { 'c', REQ_NEW_INCIDENT }, { 'p', REQ_NEW_PERIOD },
	{ 'i', REQ_NEW_INQUIRY_ENTRY }, { 'N', REQ_NEW_INQUIRY },
	{ 'w', REQ_WRITE_FREE }, { 't', REQ_TEMPLATE },
	{ 'r', REQ_RESUME }, { 'D', REQ_DISCARD }, { 'f', REQ_FOLLOW_UP },
	{ 'b', REQ_BROWSE }, { '/', REQ_SEARCH }, { 'u', REQ_UNDO }, { 'R', REQ_REVIEW },
	{ 'q', REQ_BACK }, { UIK_ESC, REQ_BACK },
	KEYS_COMMON,
};
static const struct keymap home_keys =
	KEYMAP(home_bindings, "Home: what is due, what is open, what you wrote lately.");

const struct screen_ops home_screen = {
	.name = "Home",
	.keys = &home_keys,
	.enter = home_enter,
	.draw = home_draw,
	.key = home_key,
	.resize = NULL,
	.leave = home_leave,
};
