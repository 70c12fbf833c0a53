/*
 * scr_entry.c — the Entry screen: one entry rendered for reading (title,
 * frame, dates, tags, people, the inquiry it belongs to, the body, each
 * template step as a heading with its answer and scales as small bars,
 * the actions it planned and the ones it followed up), with keys to edit
 * it, tag it, plan an action, move it to the trash (with undo) and walk
 * along its inquiry's chain.
 *
 * What is read from the journal (the model) is kept apart from the
 * rendered lines, which are laid out again for the width whenever it or
 * the model changes.
 */
#include "draw.h"
#include "screen.h"
#include "term.h"

#include "praxis/action.h"
#include "praxis/answer.h"
#include "praxis/buf.h"
#include "praxis/inquiry.h"
#include "praxis/layout.h"
#include "praxis/text.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct view_answer {
	char *title, *prompt, *value;
	double num;
	bool has_num;
};

struct view_action {
	int64_t id;
	char *text;
	char due[11];
	enum action_status status;
	enum action_outcome outcome;
	int64_t other;              /* planned: who followed it up; followed: who planned it */
};

struct vline {
	char *text;
	enum style style;
	int indent;
};

struct entry_view {
	int64_t id;
	struct entry e;
	struct view_answer *answers;
	size_t nanswers;
	struct view_action *planned, *followed;
	size_t nplanned, nfollowed;
	char *inquiry;              /* the question, or NULL */
	struct vline *lines;
	size_t nlines, caplines;
	int width;                  /* the lines were laid out for this; 0: stale */
	size_t top;
	int height;
	unsigned long generation;
	char *action_text;          /* between the two questions of "plan" */
};

/* ---- the model ------------------------------------------------------------ */

static void free_actions(struct view_action *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(a[i].text);
	free(a);
}

static void free_model(struct entry_view *v)
{
	entry_free(&v->e);
	for (size_t i = 0; i < v->nanswers; i++) {
		free(v->answers[i].title);
		free(v->answers[i].prompt);
		free(v->answers[i].value);
	}
	free(v->answers);
	free_actions(v->planned, v->nplanned);
	free_actions(v->followed, v->nfollowed);
	free(v->inquiry);
	v->answers = NULL, v->planned = v->followed = NULL, v->inquiry = NULL;
	v->nanswers = v->nplanned = v->nfollowed = 0;
}

static int take_answer(const struct answer *a, void *ctx)
{
	struct entry_view *v = ctx;
	v->answers = px_xrealloc(v->answers, (v->nanswers + 1) * sizeof *v->answers);
	struct view_answer *va = &v->answers[v->nanswers++];
	va->title = px_xstrdup(a->title ? a->title : "");
	va->prompt = px_xstrdup(a->prompt ? a->prompt : "");
	va->value = px_xstrdup(a->value_text ? a->value_text : "");
	va->num = a->value_num;
	va->has_num = a->has_num;
	return 0;
}

struct take_ctx {
	struct view_action **list;
	size_t *n;
	bool planned;
};

static int take_action(const struct action *a, void *ctx)
{
	struct take_ctx *t = ctx;
	*t->list = px_xrealloc(*t->list, (*t->n + 1) * sizeof **t->list);
	struct view_action *va = &(*t->list)[(*t->n)++];
	va->id = a->id;
	va->text = px_xstrdup(a->text);
	memcpy(va->due, a->due_date, sizeof va->due);
	va->status = a->status;
	va->outcome = a->outcome;
	va->other = t->planned ? a->followed_up_by : a->planned_by;
	return 0;
}

static int load_model(struct ui *ui, struct entry_view *v)
{
	free_model(v);
	v->width = 0;
	v->generation = ui->generation;
	struct px_error err;
	px_error_clear(&err);
	struct take_ctx planned = { &v->planned, &v->nplanned, true };
	struct take_ctx followed = { &v->followed, &v->nfollowed, false };
	int rc = entry_get(ui->j, v->id, &v->e, &err);
	if (rc == 0)
		rc = answer_list(ui->j, v->id, take_answer, v, &err);
	if (rc >= 0)
		rc = action_list_for_entry(ui->j, v->id, take_action, &planned, &err);
	if (rc >= 0)
		rc = action_list_followed_by(ui->j, v->id, take_action, &followed, &err);
	if (rc >= 0 && v->e.inquiry_id) {
		struct inquiry inq;
		memset(&inq, 0, sizeof inq);
		rc = inquiry_get(ui->j, v->e.inquiry_id, &inq, &err);
		if (rc == 0)
			v->inquiry = px_xstrdup(inq.question);
		inquiry_free(&inq);
	}
	if (rc < 0) {
		ui_error_px(ui, &err);
		return -1;
	}
	return 0;
}

/* ---- rendering ------------------------------------------------------------------ */

static void clear_lines(struct entry_view *v)
{
	for (size_t i = 0; i < v->nlines; i++)
		free(v->lines[i].text);
	v->nlines = 0;
}

static void add_line(struct entry_view *v, enum style style, int indent, const char *text)
{
	px_grow((void **)&v->lines, &v->caplines, v->nlines + 1, sizeof *v->lines);
	v->lines[v->nlines++] = (struct vline){ px_xstrdup(text), style, indent };
}

/* TEXT wrapped to the width left after INDENT, one line per row. */
static void add_wrapped(struct entry_view *v, enum style style, int indent, const char *text)
{
	char *clean = layout_clean(text);
	struct layout l = LAYOUT_INIT;
	layout_wrap(&l, clean, strlen(clean), v->width - indent);
	for (size_t i = 0; i < l.len; i++) {
		size_t start = l.rows[i].start, end = l.rows[i].end;
		while (end > start && clean[end - 1] == ' ')
			end--;   /* spaces hanging past the edge */
		char *row = px_xstrndup(clean + start, end - start);
		add_line(v, style, indent, row);
		free(row);
	}
	layout_free(&l);
	free(clean);
}

static void render_meta(struct entry_view *v)
{
	const struct entry *e = &v->e;
	struct px_buf b = PX_BUF_INIT;
	struct px_datetime dt;
	char when[32] = "";
	if (datetime_parse_storage(e->occurred_at, &dt) == 0)
		date_format_human(&dt.date, when, sizeof when);
	px_buf_addf(&b, "%s · %s %.5s · entry %" PRId64 " · %d words", entry_frame_label(e->frame),
		    when, e->occurred_at + 11, e->id, e->word_count);
	if (e->is_private)
		px_buf_adds(&b, " · private");
	if (e->deleted_at[0])
		px_buf_adds(&b, " · IN THE TRASH (u brings it back)");
	add_wrapped(v, STYLE_DIM, 0, b.data);
	px_buf_reset(&b);
	if (e->frame == FRAME_PERIOD) {
		px_buf_addf(&b, "Period: %s to %s", e->period_start, e->period_end);
		add_wrapped(v, STYLE_DIM, 0, b.data);
		px_buf_reset(&b);
	}
	if (v->inquiry) {
		px_buf_addf(&b, "Inquiry: %s", v->inquiry);
		add_wrapped(v, STYLE_PERSON, 0, b.data);
		px_buf_reset(&b);
	}
	for (size_t i = 0; i < e->tags.len; i++)
		px_buf_addf(&b, "%s#%s", i ? " " : "Tags: ", e->tags.items[i]);
	if (b.len)
		add_wrapped(v, STYLE_TAG, 0, b.data);
	px_buf_reset(&b);
	for (size_t i = 0; i < e->people.len; i++)
		px_buf_addf(&b, "%s@%s", i ? " " : "People: ", e->people.items[i]);
	if (b.len)
		add_wrapped(v, STYLE_PERSON, 0, b.data);
	px_buf_free(&b);
}

/* A scale as a small bar: the value in filled cells out of its top,
 * which the readable value names ("4/5", "4 of 5") or else 5 or 10. */
static void scale_bar(const struct view_answer *a, struct px_buf *out)
{
	int top = a->num <= 5 ? 5 : 10;
	const char *slash = strchr(a->value, '/');
	const char *of = strstr(a->value, " of ");
	long named = slash ? strtol(slash + 1, NULL, 10) : of ? strtol(of + 4, NULL, 10) : 0;
	if (named > 0 && named <= 20 && named >= a->num)
		top = (int)named;
	long filled = lround(a->num < 0 ? 0 : a->num > top ? top : a->num);
	for (long i = 0; i < top; i++)
		px_buf_adds(out, i < filled ? "■" : "□");
	char number[32];
	snprintf(number, sizeof number, "%g", a->num);
	px_buf_addf(out, " %s", number);
	if (a->value[0] && strcmp(a->value, number) != 0)
		px_buf_addf(out, "  %s", a->value);
}

static void render_answers(struct entry_view *v)
{
	for (size_t i = 0; i < v->nanswers; i++) {
		const struct view_answer *a = &v->answers[i];
		add_line(v, STYLE_NORMAL, 0, "");
		add_wrapped(v, STYLE_HEADING, 0, a->title[0] ? a->title : a->prompt);
		if (a->title[0] && a->prompt[0])
			add_wrapped(v, STYLE_DIM, 2, a->prompt);
		if (a->has_num) {
			struct px_buf bar = PX_BUF_INIT;
			scale_bar(a, &bar);
			add_wrapped(v, STYLE_TAG, 2, bar.data);
			px_buf_free(&bar);
		} else {
			add_wrapped(v, STYLE_NORMAL, 2, a->value[0] ? a->value : "(no answer)");
		}
	}
}

static void render_actions(struct entry_view *v)
{
	struct px_buf b = PX_BUF_INIT;
	if (v->nplanned) {
		add_line(v, STYLE_NORMAL, 0, "");
		add_line(v, STYLE_HEADING, 0, "Actions planned");
	}
	for (size_t i = 0; i < v->nplanned; i++) {
		const struct view_action *a = &v->planned[i];
		px_buf_reset(&b);
		px_buf_addf(&b, "→ %s · follow up %s · %s", a->text, a->due,
			    action_status_name(a->status));
		if (a->outcome != OUTCOME_NONE)
			px_buf_addf(&b, " (%s)", action_outcome_name(a->outcome));
		if (a->other)
			px_buf_addf(&b, " · followed up in entry %" PRId64, a->other);
		add_wrapped(v, a->status == ACTION_OPEN ? STYLE_DUE : STYLE_NORMAL, 2, b.data);
	}
	if (v->nfollowed) {
		add_line(v, STYLE_NORMAL, 0, "");
		add_line(v, STYLE_HEADING, 0, "Follows up");
	}
	for (size_t i = 0; i < v->nfollowed; i++) {
		const struct view_action *a = &v->followed[i];
		px_buf_reset(&b);
		px_buf_addf(&b, "← %s (planned in entry %" PRId64 ") · %s", a->text, a->other,
			    a->outcome != OUTCOME_NONE ? action_outcome_name(a->outcome)
						       : action_status_name(a->status));
		add_wrapped(v, STYLE_NORMAL, 2, b.data);
	}
	px_buf_free(&b);
}

static void render(struct entry_view *v, int width)
{
	clear_lines(v);
	v->width = width > 10 ? width : 10;
	if (v->e.title[0])
		add_wrapped(v, STYLE_TITLE, 0, v->e.title);
	render_meta(v);
	if (v->e.body[0]) {
		add_line(v, STYLE_NORMAL, 0, "");
		add_wrapped(v, STYLE_NORMAL, 0, v->e.body);
	}
	render_answers(v);
	render_actions(v);
}

static void entry_draw(struct ui *ui, struct screen *s, const struct area *a)
{
	struct entry_view *v = s->data;
	if (v->generation != ui->generation && load_model(ui, v) < 0)
		v->generation = ui->generation;   /* shown once; the old model stays */
	if (v->width != a->w - 2)
		render(v, a->w - 2);
	char title[64];
	snprintf(title, sizeof title, "Entry %" PRId64, v->id);
	draw_header(a, title, "e edit · t tag · a plan · d trash · ? help");
	v->height = a->h - 1;
	size_t h = v->height > 0 ? (size_t)v->height : 1;
	if (v->top + h > v->nlines)
		v->top = v->nlines > h ? v->nlines - h : 0;
	for (size_t i = 0; i < h && v->top + i < v->nlines; i++) {
		const struct vline *l = &v->lines[v->top + i];
		draw_text(a->y + 1 + (int)i, a->x + 1 + l->indent, a->w - 2 - l->indent, l->text,
			  draw_attr(l->style));
	}
}

static int view_scroll(struct entry_view *v, enum req req)
{
	size_t h = v->height > 1 ? (size_t)v->height : 1;
	size_t last = v->nlines > h ? v->nlines - h : 0;
	size_t page = h > 1 ? h - 1 : 1;
	switch (req) {
	case REQ_UP: v->top = v->top ? v->top - 1 : 0; break;
	case REQ_DOWN: v->top = v->top < last ? v->top + 1 : last; break;
	case REQ_PAGE_UP: v->top = v->top > page ? v->top - page : 0; break;
	case REQ_PAGE_DOWN: v->top = v->top + page < last ? v->top + page : last; break;
	case REQ_FIRST: v->top = 0; break;
	case REQ_LAST: v->top = last; break;
	default: return 0;
	}
	return UI_HANDLED | UI_REDRAW;
}

/* ---- editing in $EDITOR --------------------------------------------------------- */

static int edit_external(struct ui *ui, struct entry_view *v)
{
	char *text = entry_join_text(&v->e);
	char *edited = NULL;
	struct px_error err;
	px_error_clear(&err);
	int rc = term_edit_external(text, &edited, &err);
	if (strcmp(edited, text) == 0) {
		if (rc < 0)
			ui_error_px(ui, &err);
		else
			ui_status(ui, "entry %" PRId64 " unchanged", v->id);
	} else {
		struct entry e;
		int got = entry_get(ui->j, v->id, &e, rc < 0 ? NULL : &err);
		if (rc == 0 && got == 0) {
			entry_forget_derived(&e);
			entry_set(&e.title, "");
			entry_split_text(&e, edited);
			rc = entry_update(ui->j, &e, &err);
		}
		entry_free(&e);
		if (rc < 0 || got < 0) {
			/* Never lose the edit: keep it where Home offers it back. */
			char line[PX_ERROR_WHERE_MAX + PX_ERROR_MSG_MAX + 8];
			px_error_format(&err, line, sizeof line);
			if (write_keep_draft(ui, &v->e, edited) == 0)
				ui_error(ui, "%s; your text is kept as a draft on Home", line);
			else
				ui_error(ui, "%s; and the text could not be kept as a draft", line);
		} else {
			ui_status(ui, "updated entry %" PRId64, v->id);
		}
		ui_changed(ui);
	}
	free(edited);
	free(text);
	return UI_HANDLED | UI_REDRAW;
}

/* ---- tags, actions, trash --------------------------------------------------------- */

static void remove_tag(struct px_strlist *tags, const char *name)
{
	for (size_t i = 0; i < tags->len; i++) {
		if (strcasecmp(tags->items[i], name) != 0)
			continue;
		free(tags->items[i]);
		memmove(tags->items + i, tags->items + i + 1, (tags->len - i - 1) * sizeof *tags->items);
		tags->len--;
		return;
	}
}

/* Apply "#a b -c" to E's explicit tags; returns -1 with ERR on a bad name. */
static int apply_tags(struct entry *e, const char *text, struct px_error *err)
{
	char *copy = px_xstrdup(text);
	int rc = 0;
	for (char *p = copy; *p && rc == 0;) {
		p += strspn(p, " ,");
		size_t n = strcspn(p, " ,");
		if (!n)
			break;
		char save = p[n];
		p[n] = '\0';
		bool off = p[0] == '-';
		const char *name = p + off + (p[off] == '#');
		rc = text_tag_valid(name, err);
		if (rc == 0 && off)
			remove_tag(&e->tags, name);
		else if (rc == 0)
			strlist_add_unique(&e->tags, name);
		p[n] = save;
		p += n;
	}
	free(copy);
	return rc;
}

static int tags_done(struct ui *ui, void *ctx, const char *text)
{
	struct entry_view *v = ctx;
	if (!text || text_is_blank(text))
		return 0;
	struct entry e;
	struct px_error err;
	px_error_clear(&err);
	int rc = entry_get(ui->j, v->id, &e, &err);
	if (rc == 0) {
		entry_forget_derived(&e);   /* explicit tags stay; the text's are found again */
		rc = apply_tags(&e, text, &err);
	}
	if (rc == 0)
		rc = entry_update(ui->j, &e, &err);
	entry_free(&e);
	if (rc < 0) {
		ui_error_px(ui, &err);
		return UI_REDRAW;
	}
	ui_changed(ui);
	ui_status(ui, "tags saved (a #tag written in the text stays until the text changes)");
	return UI_REDRAW;
}

static int plan_due_done(struct ui *ui, void *ctx, const char *text)
{
	struct entry_view *v = ctx;
	char *what = v->action_text;
	v->action_text = NULL;
	if (!text || !what) {
		free(what);
		return 0;
	}
	struct px_datetime due;
	struct px_error err;
	px_error_clear(&err);
	char date[11];
	int64_t id = 0;
	int rc = date_parse_expr(text, &ui->now, DATE_FUTURE, &due, &err);
	if (rc == 0) {
		date_format(&due.date, date);
		rc = action_add(ui->j, v->id, what, date, NULL, -1, &id, &err);
	}
	if (rc < 0) {
		ui_error_px(ui, &err);
	} else {
		char human[32];
		date_format_human(&due.date, human, sizeof human);
		ui_status(ui, "planned action %" PRId64 "; Home brings it back on %s", id, human);
		ui_changed(ui);
	}
	free(what);
	return UI_REDRAW;
}

static int plan_text_done(struct ui *ui, void *ctx, const char *text)
{
	struct entry_view *v = ctx;
	if (!text || text_is_blank(text))
		return 0;
	free(v->action_text);
	v->action_text = px_xstrdup(text);
	ui_ask_text(ui, "Follow it up on (+7d, friday, 2026-03-20): ", "+7d", plan_due_done, NULL, v);
	return UI_REDRAW;
}

static int trash(struct ui *ui, struct entry_view *v)
{
	struct px_error err;
	px_error_clear(&err);
	if (v->e.deleted_at[0]) {
		ui_status(ui, "already in the trash: u brings it back");
		return UI_HANDLED;
	}
	if (entry_trash(ui->j, v->id, &err) < 0) {
		ui_error_px(ui, &err);
		return UI_HANDLED | UI_REDRAW;
	}
	ui->trashed = v->id;
	ui_changed(ui);
	ui_status(ui, "entry %" PRId64 " moved to the trash: u brings it back", v->id);
	return UI_HANDLED | UI_REDRAW | UI_POP;
}

/* ---- along the inquiry ------------------------------------------------------------------ */

static int first_id(const struct entry_summary *s, void *ctx)
{
	*(int64_t *)ctx = s->id;
	return 1;
}

static int chain_step(struct ui *ui, struct entry_view *v, bool next)
{
	if (!v->e.inquiry_id) {
		ui_status(ui, "this entry is not part of an inquiry");
		return UI_HANDLED;
	}
	struct entry_filter f;
	entry_filter_init(&f);
	f.inquiry_id = v->e.inquiry_id;
	f.oldest_first = next;
	f.limit = 1;
	memcpy(f.after_occurred, v->e.occurred_at, sizeof f.after_occurred);
	f.after_id = v->id;
	int64_t id = 0;
	struct px_error err;
	px_error_clear(&err);
	if (entry_list(ui->j, &f, first_id, &id, &err) < 0) {
		ui_error_px(ui, &err);
	} else if (!id) {
		ui_status(ui, next ? "this is the inquiry's latest entry"
				   : "this is the inquiry's first entry");
	} else {
		v->id = id;
		v->top = 0;
		load_model(ui, v);
	}
	return UI_HANDLED | UI_REDRAW;
}

/* ---- keys ----------------------------------------------------------------------------- */

static int entry_key(struct ui *ui, struct screen *s, enum req req, int32_t key)
{
	(void)key;
	struct entry_view *v = s->data;
	switch (req) {
	case REQ_BACK: return UI_HANDLED | UI_POP;
	case REQ_HOME:
		while (ui->depth > 1)
			ui_pop(ui);
		return UI_HANDLED | UI_REDRAW;
	case REQ_EDIT: {
		struct write_args args = { .entry_id = v->id };
		ui_push(ui, &write_screen, &args);
		return UI_HANDLED | UI_REDRAW;
	}
	case REQ_EDIT_EXTERNAL: return edit_external(ui, v);
	case REQ_TAG:
		ui_ask_text(ui, "Tags to add (-name takes one off): ", NULL, tags_done, NULL, v);
		return UI_HANDLED | UI_REDRAW;
	case REQ_PLAN:
		ui_ask_text(ui, "An action to try next: ", NULL, plan_text_done, NULL, v);
		return UI_HANDLED | UI_REDRAW;
	case REQ_TRASH: return trash(ui, v);
	case REQ_UNDO: return ui_undo_trash(ui);
	case REQ_CHAIN_PREV: return chain_step(ui, v, false);
	case REQ_CHAIN_NEXT: return chain_step(ui, v, true);
	case REQ_SHOW_INQUIRY:
		if (!v->e.inquiry_id) {
			ui_status(ui, "this entry is not part of an inquiry");
			return UI_HANDLED;
		}
		ui_push(ui, &inquiry_screen, &v->e.inquiry_id);
		return UI_HANDLED | UI_REDRAW;
	case REQ_NEW_INQUIRY_ENTRY:
		if (!v->e.inquiry_id)
			return ui_start_entry(ui, FRAME_INQUIRY, 0);
		return ui_start_entry(ui, FRAME_INQUIRY, v->e.inquiry_id);
	case REQ_TICK: case REQ_FLUSH: return 0;
	default: return view_scroll(v, req);
	}
}

static void view_free(struct entry_view *v)
{
	free_model(v);
	clear_lines(v);
	free(v->lines);
	free(v->action_text);
	free(v);
}

static int entry_enter(struct ui *ui, struct screen *s, const void *arg)
{
	struct entry_view *v = px_xcalloc(1, sizeof *v);
	v->id = *(const int64_t *)arg;
	entry_init(&v->e);
	if (load_model(ui, v) < 0) {
		view_free(v);
		return -1;
	}
	s->data = v;
	return 0;
}

static void entry_resize(struct ui *ui, struct screen *s)
{
	(void)ui;
	((struct entry_view *)s->data)->width = 0;
}

static void entry_leave(struct ui *ui, struct screen *s)
{
	(void)ui;
	view_free(s->data);
}

static const struct key_binding entry_bindings[] = {
	KEYS_MOVE,
	{ 'q', REQ_BACK }, { UIK_ESC, REQ_BACK }, { 'h', REQ_BACK }, { 'H', REQ_HOME },
	{ 'e', REQ_EDIT }, { 'E', REQ_EDIT_EXTERNAL }, { 't', REQ_TAG }, { '#', REQ_TAG },
	{ 'a', REQ_PLAN }, { 'd', REQ_TRASH }, { UIK_FN | KEY_DC, REQ_TRASH }, { 'u', REQ_UNDO },
	{ '[', REQ_CHAIN_PREV }, { ']', REQ_CHAIN_NEXT }, { 'i', REQ_SHOW_INQUIRY },
	{ 'w', REQ_NEW_INQUIRY_ENTRY },
	KEYS_COMMON,
};
static const struct keymap entry_keys = KEYMAP(entry_bindings, NULL);

const struct screen_ops entry_screen = {
	.name = "Entry",
	.keys = &entry_keys,
	.enter = entry_enter,
	.draw = entry_draw,
	.key = entry_key,
	.resize = entry_resize,
	.leave = entry_leave,
};
