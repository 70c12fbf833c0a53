/*
 * scr_write.c — the Writing screen: a new entry of any frame, an edit of
 * an entry, or a follow-up of a due action, in the built-in editor, with
 * $EDITOR one key away.
 *
 * Nothing typed is lost.  The text is kept as a draft (draft.h) a second
 * after typing pauses, and every few seconds during long bursts; when the
 * screen closes any other way than saving or discarding (quitting, a
 * signal, Ctrl-Z) the text is kept as a draft too, and Home offers to
 * resume it on the next start.  Saving writes the entry, the follow-up of
 * its action and the removal of its draft in one transaction: a crash
 * leaves either the draft or the entry.
 *
 * The draft's payload is the text as an editor holds it ("# Title", the
 * body: entry_split_text), the same form `praxis add` keeps when $EDITOR
 * fails, so drafts from either face resume here.  What the text does not
 * say (frame, when it is about, period, inquiry) is in the draft's label,
 * which stays readable in lists: "incident · 2026-03-10 09:00:00",
 * "period 2026-03-09..2026-03-15 · ...", "inquiry 3 · ...".
 */
#include "draw.h"
#include "editbox.h"
#include "screen.h"
#include "term.h"

#include "praxis/action.h"
#include "praxis/buf.h"
#include "praxis/draft.h"
#include "praxis/entry.h"
#include "praxis/inquiry.h"
#include "praxis/text.h"

#include <inttypes.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct write {
	struct editbox box;
	enum entry_frame frame;
	int64_t entry_id;
	int64_t inquiry_id;
	int64_t action_id;
	char occurred_at[20];
	char period_start[11], period_end[11];
	char *context;              /* the inquiry's question or the action's text */
	char *original;             /* the text as it started */
	struct draft draft;         /* draft.id 0 until the first save */
	unsigned long saved_changes, meta_changes, saved_meta;
	int64_t last_change_ms, last_save_ms;
	bool draft_ok;              /* the last save of the draft worked */
	enum action_outcome outcome;
	char new_due[11];
};

static bool dirty(const struct write *w)
{
	return w->box.changes != w->saved_changes || w->meta_changes != w->saved_meta;
}

/* ---- the draft's label ------------------------------------------------------ */

static void label_format(const struct write *w, char *out, size_t size)
{
	const char *frame = entry_frame_name(w->frame);
	if (w->frame == FRAME_PERIOD)
		snprintf(out, size, "%s %s..%s · %s", frame, w->period_start, w->period_end,
			 w->occurred_at);
	else if (w->frame == FRAME_INQUIRY && w->inquiry_id)
		snprintf(out, size, "%s %" PRId64 " · %s", frame, w->inquiry_id, w->occurred_at);
	else
		snprintf(out, size, "%s · %s", frame, w->occurred_at);
}

/* Read back what label_format wrote; anything else (a draft the command
 * line kept) leaves W's defaults as they are. */
static void label_parse(struct write *w, const char *label)
{
	char word[16] = "", rest[96] = "";
	if (sscanf(label, "%15s %95[^\n]", word, rest) < 1 ||
	    entry_frame_parse(word, &w->frame, NULL) < 0)
		return;
	const char *at = strstr(label, " · ");
	struct px_datetime dt;
	if (at && datetime_parse_storage(at + strlen(" · "), &dt) == 0)
		datetime_format(&dt, w->occurred_at);
	char from[11], to[11];
	long long id;
	if (w->frame == FRAME_PERIOD && sscanf(rest, "%10[0-9-]..%10[0-9-]", from, to) == 2) {
		struct px_datetime a, b;
		if (datetime_parse_storage(from, &a) == 0 && datetime_parse_storage(to, &b) == 0) {
			date_format(&a.date, w->period_start);
			date_format(&b.date, w->period_end);
		}
	} else if (w->frame == FRAME_INQUIRY) {
		char *end;
		errno = 0;
		id = strtoll(rest, &end, 10);
		if (end != rest && !errno && id > 0)
			w->inquiry_id = id;
	}
}

void write_draft_summary(const struct draft *d, char *out, size_t size)
{
	if (d->kind == DRAFT_RUN) {
		snprintf(out, size, "guided: %s", d->label);
		return;
	}
	struct write w;
	memset(&w, 0, sizeof w);
	w.frame = FRAME_NOTE;
	label_parse(&w, d->label);
	const char *text = d->payload + strspn(d->payload, "# \n");
	size_t n = strcspn(text, "\n");
	snprintf(out, size, "%s%s: %.*s", d->entry_id ? "edit of " : "",
		 entry_frame_label(w.frame), (int)(n > 200 ? 200 : n), text);
}

/* ---- saving ------------------------------------------------------------------ */

static void save_draft(struct ui *ui, struct write *w)
{
	const char *text = editbox_text(&w->box);
	if (!w->draft.id && text_is_blank(text))
		return;   /* nothing worth resuming yet */
	char label[128];
	label_format(w, label, sizeof label);
	w->draft.kind = DRAFT_ENTRY;
	w->draft.entry_id = w->entry_id;
	w->draft.action_id = w->action_id;
	draft_set(&w->draft.label, label);
	draft_set(&w->draft.payload, text);
	struct px_error err;
	px_error_clear(&err);
	if (draft_save(ui->j, &w->draft, &err) < 0 && err.code == PX_ERR_NOT_FOUND && w->draft.id) {
		/* Deleted meanwhile (another praxis): store it afresh. */
		w->draft.id = 0;
		px_error_clear(&err);
		draft_save(ui->j, &w->draft, &err);
	}
	w->last_save_ms = ui_clock_ms();
	if (err.code != PX_OK) {
		w->draft_ok = false;
		ui_error(ui, "the draft could not be saved (still trying): %s", err.msg);
		return;
	}
	w->draft_ok = true;
	w->saved_changes = w->box.changes;
	w->saved_meta = w->meta_changes;
}

static void fill_entry(const struct write *w, struct entry *e)
{
	e->frame = w->frame;
	memcpy(e->occurred_at, w->occurred_at, sizeof e->occurred_at);
	if (w->frame == FRAME_PERIOD) {
		memcpy(e->period_start, w->period_start, sizeof e->period_start);
		memcpy(e->period_end, w->period_end, sizeof e->period_end);
	} else {
		e->period_start[0] = e->period_end[0] = '\0';
	}
	e->inquiry_id = w->frame == FRAME_INQUIRY || w->entry_id ? w->inquiry_id : 0;
	entry_set(&e->title, "");
	entry_split_text(e, editbox_text(&w->box));
}

/* Entry, follow-up and the draft's removal: all of it, or none. */
static int commit(struct ui *ui, struct write *w, int64_t *id, struct px_error *err)
{
	struct entry e;
	entry_init(&e);
	int rc = journal_begin(ui->j, err);
	if (rc == 0 && w->entry_id) {
		entry_free(&e);   /* entry_get starts it afresh */
		rc = entry_get(ui->j, w->entry_id, &e, err);
		if (rc == 0) {
			entry_forget_derived(&e);
			fill_entry(w, &e);
			rc = entry_update(ui->j, &e, err);
		}
	} else if (rc == 0) {
		fill_entry(w, &e);
		rc = entry_add(ui->j, &e, err);
	}
	if (rc == 0 && w->action_id)
		rc = action_follow_up(ui->j, w->action_id, e.id, w->outcome,
				      w->outcome == OUTCOME_NOT_YET ? w->new_due : NULL, err);
	if (rc == 0 && w->draft.id)
		rc = draft_delete(ui->j, w->draft.id, err);
	if (rc == 0)
		rc = journal_commit(ui->j, err);
	else
		journal_rollback(ui->j);
	*id = e.id;
	entry_free(&e);
	return rc;
}

static int save_entry(struct ui *ui, struct write *w)
{
	struct px_error err;
	px_error_clear(&err);
	int64_t id = 0;
	if (commit(ui, w, &id, &err) < 0) {
		ui_error_px(ui, &err);
		return UI_HANDLED | UI_REDRAW;
	}
	w->draft.id = 0;
	w->saved_changes = w->box.changes;
	w->saved_meta = w->meta_changes;
	ui_changed(ui);
	if (w->action_id)
		ui_status(ui, "saved entry %" PRId64 "; the action is %s", id,
			  w->outcome == OUTCOME_NOT_YET ? "due again later"
							: "followed up: the cycle is closed");
	else
		ui_status(ui, "saved entry %" PRId64, id);
	return UI_HANDLED | UI_REDRAW | UI_POP;
}

/* ---- following up an action: how did it go? ---------------------------------- */

static const enum action_outcome outcomes[] = {
	OUTCOME_WORKED, OUTCOME_MIXED, OUTCOME_FAILED, OUTCOME_NOT_YET, OUTCOME_DROPPED,
};
static const char *const outcome_items[] = {
	"It worked", "Mixed: some of it worked", "It did not work",
	"Not yet: try again later", "Drop it",
};

static int new_due_done(struct ui *ui, void *ctx, const char *text)
{
	struct write *w = ctx;
	if (!text)
		return 0;
	struct px_datetime due;
	struct px_error err;
	px_error_clear(&err);
	if (date_parse_expr(text, &ui->now, DATE_FUTURE, &due, &err) < 0) {
		ui_error_px(ui, &err);
		return 0;
	}
	date_format(&due.date, w->new_due);
	return save_entry(ui, w);
}

static int outcome_done(struct ui *ui, void *ctx, long index)
{
	struct write *w = ctx;
	if (index < 0)
		return 0;
	w->outcome = outcomes[index];
	if (w->outcome == OUTCOME_NOT_YET) {
		ui_ask_text(ui, "Try it again by (e.g. +7d, friday, 2026-03-20): ", "+7d", new_due_done,
			    NULL, w);
		return UI_REDRAW;
	}
	return save_entry(ui, w);
}

static int request_save(struct ui *ui, struct write *w)
{
	if (!w->action_id)
		return save_entry(ui, w);
	struct choose_args args = {
		.title = "How did the action go?",
		.items = outcome_items,
		.n = sizeof outcome_items / sizeof outcome_items[0],
		.done = outcome_done,
		.ctx = w,
	};
	return ui_choose(ui, &args);
}

/* ---- closing --------------------------------------------------------------------- */

static void discard(struct ui *ui, struct write *w)
{
	if (w->draft.id) {
		struct px_error err;
		px_error_clear(&err);
		if (draft_delete(ui->j, w->draft.id, &err) < 0 && err.code != PX_ERR_NOT_FOUND) {
			ui_error_px(ui, &err);
			return;
		}
		w->draft.id = 0;
		ui_changed(ui);
	}
	w->saved_changes = w->box.changes;
	w->saved_meta = w->meta_changes;
}

static int close_answer(struct ui *ui, void *ctx, int32_t key)
{
	struct write *w = ctx;
	switch (key) {
	case 's':
		return request_save(ui, w);
	case 'k':
		save_draft(ui, w);
		if (!w->draft_ok)
			return 0;
		ui_changed(ui);
		ui_status(ui, "kept as a draft: r on Home resumes it");
		return UI_POP;
	case 'd':
		discard(ui, w);
		ui_status(ui, "discarded");
		return dirty(w) ? 0 : UI_POP;
	default:
		return 0;   /* Esc: go on writing */
	}
}

static int request_close(struct ui *ui, struct write *w)
{
	const char *text = editbox_text(&w->box);
	if (strcmp(text, w->original) == 0 && w->meta_changes == 0) {
		/* Nothing new.  A blank draft autosaved on the way is not worth keeping. */
		if (text_is_blank(text))
			discard(ui, w);
		return UI_HANDLED | UI_POP;
	}
	ui_ask_key(ui, "Close: s save · k keep as a draft · d discard · Esc go on writing", "skd",
		   close_answer, w);
	return UI_HANDLED | UI_REDRAW;
}

/* ---- dates ------------------------------------------------------------------------ */

static int date_done(struct ui *ui, void *ctx, const char *text)
{
	struct write *w = ctx;
	if (!text || text_is_blank(text))
		return 0;
	struct px_error err;
	px_error_clear(&err);
	if (w->frame == FRAME_PERIOD) {
		struct px_date_range r;
		if (date_parse_range(text, &ui->now, &r, &err) < 0) {
			ui_error_px(ui, &err);
			return 0;
		}
		date_format(&r.from, w->period_start);
		date_format(&r.to, w->period_end);
	} else {
		struct px_datetime dt;
		if (date_parse_expr(text, &ui->now, DATE_PAST, &dt, &err) < 0) {
			ui_error_px(ui, &err);
			return 0;
		}
		if (!dt.has_time)
			dt.hour = dt.minute = dt.second = 0;
		datetime_format(&dt, w->occurred_at);
	}
	w->meta_changes++;
	w->last_change_ms = ui_clock_ms();
	return UI_REDRAW;
}

static int request_date(struct ui *ui, struct write *w)
{
	char initial[32];
	if (w->frame == FRAME_PERIOD) {
		snprintf(initial, sizeof initial, "%s..%s", w->period_start, w->period_end);
		ui_ask_text(ui, "Period (this week, last month, 2026-03-02..2026-03-08): ", initial,
			    date_done, NULL, w);
	} else {
		snprintf(initial, sizeof initial, "%.16s", w->occurred_at);
		ui_ask_text(ui, "About when (yesterday, friday, 2026-03-09 14:30): ", initial,
			    date_done, NULL, w);
	}
	return UI_HANDLED | UI_REDRAW;
}

static int request_external(struct ui *ui, struct write *w)
{
	if (dirty(w))
		save_draft(ui, w);
	char *edited = NULL;
	struct px_error err;
	px_error_clear(&err);
	int rc = term_edit_external(editbox_text(&w->box), &edited, &err);
	/* Take what the editor left even when it failed: it is the user's. */
	editbox_replace(&w->box, edited);
	free(edited);
	if (rc < 0)
		ui_error_px(ui, &err);
	else
		ui_status(ui, "back from $EDITOR");
	w->last_change_ms = ui_clock_ms();
	return UI_HANDLED | UI_REDRAW;
}

/* ---- opening ------------------------------------------------------------------------ */

static void default_period(struct ui *ui, struct write *w)
{
	struct px_date_range week;
	if (date_parse_range("this week", &ui->now, &week, NULL) == 0) {
		date_format(&week.from, w->period_start);
		date_format(&week.to, w->period_end);
	}
}

static void take_entry(struct write *w, const struct entry *e)
{
	w->frame = e->frame;
	w->inquiry_id = e->inquiry_id;
	memcpy(w->occurred_at, e->occurred_at, sizeof w->occurred_at);
	if (e->frame == FRAME_PERIOD) {
		memcpy(w->period_start, e->period_start, sizeof w->period_start);
		memcpy(w->period_end, e->period_end, sizeof w->period_end);
	}
}

int write_keep_draft(struct ui *ui, const struct entry *e, const char *text)
{
	struct write w;
	memset(&w, 0, sizeof w);
	take_entry(&w, e);
	w.entry_id = e->id;
	char label[128];
	label_format(&w, label, sizeof label);
	struct draft d;
	draft_init(&d);
	d.entry_id = e->id;
	draft_set(&d.label, label);
	draft_set(&d.payload, text);
	int rc = draft_save(ui->j, &d, NULL);
	draft_free(&d);
	if (rc == 0)
		ui_changed(ui);
	return rc;
}

static int load_entry(struct ui *ui, struct write *w, int64_t id, char **text)
{
	struct entry e;
	struct px_error err;
	px_error_clear(&err);
	int rc = entry_get(ui->j, id, &e, &err);
	if (rc < 0)
		ui_error_px(ui, &err);
	else if (e.deleted_at[0])
		rc = -1, ui_error(ui, "entry %" PRId64 " is in the trash: bring it back first", id);
	if (rc == 0) {
		w->entry_id = id;
		take_entry(w, &e);
		*text = entry_join_text(&e);
	}
	entry_free(&e);
	return rc;
}

static int load_draft(struct ui *ui, struct write *w, int64_t id, char **text)
{
	struct px_error err;
	px_error_clear(&err);
	draft_free(&w->draft);
	if (draft_get(ui->j, id, &w->draft, &err) < 0) {
		draft_init(&w->draft);
		ui_error_px(ui, &err);
		return -1;
	}
	w->entry_id = w->draft.entry_id;
	w->action_id = w->draft.action_id;
	if (w->entry_id) {
		struct entry e;
		if (entry_get(ui->j, w->entry_id, &e, NULL) == 0)
			take_entry(w, &e);
		entry_free(&e);
	}
	label_parse(w, w->draft.label);
	*text = px_xstrdup(w->draft.payload);
	return 0;
}

/* The line under the header: the inquiry's question or the action's text. */
static int load_context(struct ui *ui, struct write *w)
{
	struct px_error err;
	px_error_clear(&err);
	if (w->action_id) {
		struct action a;
		memset(&a, 0, sizeof a);
		if (action_get(ui->j, w->action_id, &a, &err) < 0) {
			ui_error_px(ui, &err);
			return -1;
		}
		struct px_buf b = PX_BUF_INIT;
		px_buf_addf(&b, "Following up: %s (planned %.10s)", a.text, a.planned_on);
		w->context = px_buf_detach(&b);
		action_free(&a);
	} else if (w->frame == FRAME_INQUIRY && w->inquiry_id) {
		struct inquiry inq;
		memset(&inq, 0, sizeof inq);
		if (inquiry_get(ui->j, w->inquiry_id, &inq, &err) < 0) {
			ui_error_px(ui, &err);
			return -1;
		}
		struct px_buf b = PX_BUF_INIT;
		px_buf_addf(&b, "Inquiry: %s", inq.question);
		w->context = px_buf_detach(&b);
		inquiry_free(&inq);
	}
	return 0;
}

static void write_free(struct write *w)
{
	editbox_free(&w->box);
	draft_free(&w->draft);
	free(w->context);
	free(w->original);
	free(w);
}

static int write_enter(struct ui *ui, struct screen *s, const void *arg)
{
	const struct write_args *a = arg;
	struct write *w = px_xcalloc(1, sizeof *w);
	draft_init(&w->draft);
	w->frame = a->frame;
	memcpy(w->occurred_at, ui->now_text, sizeof w->occurred_at);
	default_period(ui, w);
	char *text = NULL;
	int rc = 0;
	if (a->draft_id) {
		rc = load_draft(ui, w, a->draft_id, &text);
	} else if (a->entry_id) {
		rc = load_entry(ui, w, a->entry_id, &text);
	} else {
		w->inquiry_id = a->inquiry_id;
		w->action_id = a->action_id;
		text = px_xstrdup(a->text ? a->text : "");
	}
	if (rc == 0)
		rc = load_context(ui, w);
	editbox_init(&w->box, text);
	free(text);
	w->original = px_xstrdup(editbox_text(&w->box));
	if (rc < 0) {
		write_free(w);
		return -1;
	}
	w->last_save_ms = w->last_change_ms = ui_clock_ms();
	s->data = w;
	return 0;
}

/* ---- drawing and keys ------------------------------------------------------------------ */

static void write_title(const struct write *w, char *out, size_t size)
{
	if (w->entry_id)
		snprintf(out, size, "Editing entry %" PRId64 " (%s)", w->entry_id,
			 entry_frame_label(w->frame));
	else if (w->action_id)
		snprintf(out, size, "Follow-up (%s)", entry_frame_label(w->frame));
	else
		snprintf(out, size, "New %s", entry_frame_label(w->frame));
}

static void write_draw(struct ui *ui, struct screen *s, const struct area *a)
{
	struct write *w = s->data;
	char title[96], right[96], when[32];
	write_title(w, title, sizeof title);
	struct px_datetime dt;
	if (datetime_parse_storage(w->occurred_at, &dt) == 0)
		date_format_human(&dt.date, when, sizeof when);
	else
		snprintf(when, sizeof when, "%s", w->occurred_at);
	const char *state = dirty(w) ? "editing" : w->draft.id ? "draft saved" : "";
	snprintf(right, sizeof right, "%s · %zu words%s%s", when,
		 text_word_count(editbox_text(&w->box)), *state ? " · " : "", state);
	draw_header(a, title, right);
	char line[600];
	if (w->frame == FRAME_PERIOD)
		snprintf(line, sizeof line, "Period %s to %s (^T changes it)", w->period_start,
			 w->period_end);
	else if (w->context)
		snprintf(line, sizeof line, "%s", w->context);
	else
		snprintf(line, sizeof line, "First line '# Title' is the title · ^S save · Esc close "
					    "· ^O $EDITOR · F1 help");
	draw_text(a->y + 1, a->x + 1, a->w - 2, line, draw_attr(STYLE_DIM));
	struct area body = { a->y + 2, a->x, a->h - 2, a->w };
	editbox_draw(&w->box, &body, &ui->cursor_y, &ui->cursor_x);
	ui->cursor_on = true;
}

/* Returns whether a save was tried (the header says how it went). */
static bool autosave(struct ui *ui, struct write *w)
{
	if (!dirty(w) || !ui_autosave_due(w->last_change_ms, w->last_save_ms))
		return false;
	save_draft(ui, w);
	return true;
}

static int write_key(struct ui *ui, struct screen *s, enum req req, int32_t key)
{
	struct write *w = s->data;
	switch (req) {
	case REQ_TICK: return autosave(ui, w) ? UI_REDRAW : 0;
	case REQ_FLUSH:
		if (dirty(w))
			save_draft(ui, w);
		return 0;
	case REQ_SAVE: return request_save(ui, w);
	case REQ_BACK: return request_close(ui, w);
	case REQ_EXTERNAL: return request_external(ui, w);
	case REQ_SET_DATE: return request_date(ui, w);
	default: break;
	}
	unsigned long before = w->box.changes;
	int rc = editbox_key(&w->box, req, key);
	if (rc < 0) {
		ui_error(ui, "the entry is at the editor's limit of %u MB", EDITBOX_MAX >> 20);
		return UI_HANDLED | UI_REDRAW;
	}
	if (w->box.changes != before)
		w->last_change_ms = ui_clock_ms();
	return rc ? UI_HANDLED | UI_REDRAW : 0;
}

static void write_resize(struct ui *ui, struct screen *s)
{
	(void)ui;
	struct write *w = s->data;
	w->box.stale = true;
}

static void write_leave(struct ui *ui, struct screen *s)
{
	struct write *w = s->data;
	/* Every way out but save and discard keeps the text. */
	if (dirty(w))
		save_draft(ui, w);
	write_free(w);
}

static const struct key_binding write_bindings[] = {
	{ UIK_CTRL('s'), REQ_SAVE },
	{ UIK_ESC, REQ_BACK },
	{ UIK_CTRL('o'), REQ_EXTERNAL },
	{ UIK_CTRL('t'), REQ_SET_DATE },
	KEYS_EDIT,
	KEYS_COMMON_TYPING,
};

static const struct keymap write_keys =
	KEYMAP(write_bindings, "Type to write: ? and : are ordinary characters here.  The first "
			       "line '# Title' is the title; #tags and @people are found in the text.");

const struct screen_ops write_screen = {
	.name = "Writing",
	.keys = &write_keys,
	.enter = write_enter,
	.draw = write_draw,
	.key = write_key,
	.resize = write_resize,
	.leave = write_leave,
};
