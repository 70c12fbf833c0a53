/*
 * scr_guided.c — Guided reflection: a template run through the prompt
 * engine (engine.h), one step at a time.  Each step shows its title,
 * prompt and guidance and takes its answer in the widget its kind needs:
 * the built-in editor with a word count against the step's guide for
 * text, a menu for choices and outcomes (ticks for multiple choice), a
 * selector for scales, a line for tags, people and dates (typed, or picked
 * a day or a week at a time), text and date pairs for actions; recall
 * steps show the earlier answer the template brings back.  Tab answers and
 * goes on, Shift-Tab goes back, ^S saves the entry at the end.
 *
 * The engine keeps the run as a draft after every step; while a text step
 * is being typed, what is typed goes into the draft too (engine_save_typing)
 * a second after typing pauses and every few seconds during long bursts,
 * and on every way out but saving and discarding.  A resumed draft comes
 * back at the step it was left at, with that typing.
 */
#include "draw.h"
#include "editbox.h"
#include "list.h"
#include "screen.h"
#include "term.h"

#include "praxis/buf.h"
#include "praxis/engine.h"
#include "praxis/text.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define GUIDED_IDLE_SAVE_MS 1000
#define GUIDED_BUSY_SAVE_MS 5000

struct guided {
	struct engine *e;
	const struct template_step *step;   /* what the widgets are for; NULL: the end */
	size_t index;
	struct editbox box;         /* text, one-line answers, an action's text, "other" */
	struct editbox due;         /* action steps: the action's date */
	bool on_due;
	struct px_strlist plan_text, plan_due;
	struct list menu;           /* choice, multi, outcome */
	const struct template_option *opts;
	size_t n_opts;
	bool *picked;
	bool has_other;             /* the menu ends with an "other" row */
	int scale;
	bool scale_set;
	unsigned long saved_changes;
	int64_t last_change_ms, last_save_ms;
	bool typing_saved;          /* some typing reached the draft */
	bool touched;               /* the learner changed this step's widget */
	bool had_answer;            /* the step was answered before (going back) */
};

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static enum template_kind kind(const struct guided *g)
{
	return g->step ? g->step->kind : TEMPLATE_INFO;
}

static bool is_menu(enum template_kind k)
{
	return k == TEMPLATE_CHOICE || k == TEMPLATE_MULTI || k == TEMPLATE_OUTCOME;
}

static bool on_other(const struct guided *g)
{
	return is_menu(kind(g)) && g->has_other && g->menu.sel == g->n_opts;
}

/* The editor keys go to: the action's date, the answer line, or nothing. */
static struct editbox *active_box(struct guided *g)
{
	switch (kind(g)) {
	case TEMPLATE_TEXT: case TEMPLATE_TAGS: case TEMPLATE_PEOPLE: case TEMPLATE_DATE:
		return &g->box;
	case TEMPLATE_ACTION:
		return g->on_due ? &g->due : &g->box;
	default:
		return on_other(g) ? &g->box : NULL;
	}
}

/* ---- loading a step -------------------------------------------------------- */

static size_t index_of(const struct guided *g)
{
	const struct template *t = engine_template(g->e);
	for (size_t i = 0; i < template_step_count(t); i++)
		if (template_step_at(t, i) == g->step)
			return i;
	return 0;
}

static void clear_widgets(struct guided *g)
{
	editbox_free(&g->box);
	editbox_free(&g->due);
	strlist_free(&g->plan_text);
	strlist_free(&g->plan_due);
	free(g->picked);
	g->picked = NULL;
	g->opts = NULL;
	g->n_opts = 0;
	g->has_other = false;
	g->on_due = false;
	g->scale_set = false;
	g->touched = false;
	memset(&g->menu, 0, sizeof g->menu);
}

/* Select the options whose labels the readable answer PREV names. */
static void preselect(struct guided *g, const char *prev)
{
	bool multi = kind(g) == TEMPLATE_MULTI;
	bool found = false;
	for (size_t i = 0; i < g->n_opts; i++) {
		const char *label = g->opts[i].label;
		size_t n = strlen(label);
		const char *at = strstr(prev, label);
		bool whole = at && (at == prev || (at >= prev + 2 && at[-2] == ',')) &&
			     (at[n] == '\0' || at[n] == ',');
		if (multi && whole)
			g->picked[i] = true;
		else if (!multi && strcmp(prev, label) == 0 && !found)
			list_select(&g->menu, i), found = true;
	}
	if (!multi && !found && *prev && g->has_other) {
		list_select(&g->menu, g->n_opts);   /* an answer of its own */
		editbox_replace(&g->box, prev);
	}
}

/* An action answer reads "TEXT (due DATE)" per line: back into the list. */
static void take_plans(struct guided *g, const char *prev)
{
	for (const char *p = prev; *p;) {
		size_t n = strcspn(p, "\n");
		char *line = px_xstrndup(p, n);
		char *due = strstr(line, " (due ");
		if (due && line[strlen(line) - 1] == ')') {
			line[strlen(line) - 1] = '\0';
			*due = '\0';
			strlist_add(&g->plan_text, line);
			strlist_add(&g->plan_due, due + strlen(" (due "));
		}
		free(line);
		p += n + (p[n] == '\n');
	}
}

static void load_step(struct guided *g)
{
	clear_widgets(g);
	g->step = engine_step(g->e);
	editbox_init(&g->due, NULL);
	if (!g->step) {
		editbox_init(&g->box, NULL);
		return;
	}
	g->index = index_of(g);
	g->had_answer = engine_answered(g->e, g->index);
	const char *prev = g->had_answer ? engine_answer_text(g->e, g->index) : "";
	const char *typing = engine_typing(g->e);
	enum template_kind k = kind(g);
	bool lined = k == TEMPLATE_TEXT || k == TEMPLATE_TAGS || k == TEMPLATE_PEOPLE ||
		     k == TEMPLATE_DATE;
	editbox_init(&g->box, !lined ? NULL : k == TEMPLATE_TEXT && typing ? typing : prev);
	if (k == TEMPLATE_SCALE) {
		char *end = NULL;
		double v = strtod(prev, &end);
		g->scale_set = *prev && end && !*end;
		g->scale = g->scale_set ? (int)lround(v) : (g->step->scale_min + g->step->scale_max) / 2;
	}
	if (is_menu(k)) {
		g->opts = engine_options(g->e, &g->n_opts);
		g->picked = px_xcalloc(g->n_opts + 1, sizeof *g->picked);
		g->has_other = g->step->other && k != TEMPLATE_MULTI;
		g->menu.count = g->n_opts + g->has_other;
		preselect(g, prev);
	}
	if (k == TEMPLATE_ACTION)
		take_plans(g, prev);
	g->saved_changes = g->box.changes;
	g->last_change_ms = g->last_save_ms = now_ms();
}

/* ---- answering ------------------------------------------------------------------ */

/* Tags and people typed as "#a #b", "a, b" or "@Sam @Priya": the names. */
static void split_names(const char *text, struct px_strlist *out)
{
	char *copy = px_xstrdup(text);
	for (char *p = copy; *p;) {
		p += strspn(p, " ,\n");
		size_t n = strcspn(p, " ,\n");
		if (!n)
			break;
		char save = p[n];
		p[n] = '\0';
		strlist_add(out, p);
		p[n] = save;
		p += n;
	}
	free(copy);
}

/* The step's answer as the widgets hold it; STRINGS keeps what it points to. */
static void build_value(struct guided *g, struct engine_value *v, struct px_strlist *strings,
			struct engine_action_plan *plans)
{
	memset(v, 0, sizeof *v);
	const char *text = editbox_text(&g->box);
	switch (kind(g)) {
	case TEMPLATE_TEXT: case TEMPLATE_DATE:
		v->text = text;
		break;
	case TEMPLATE_TAGS: case TEMPLATE_PEOPLE:
		split_names(text, strings);
		v->items = (const char *const *)strings->items;
		v->n_items = strings->len;
		break;
	case TEMPLATE_SCALE:
		v->has_number = g->scale_set;
		v->number = g->scale;
		break;
	case TEMPLATE_CHOICE: case TEMPLATE_OUTCOME:
		/* A pick is a decision: the row under the cursor counts only once
		 * the learner moved to it (or picked it before); else it skips. */
		if (on_other(g))
			v->text = text;
		else if (g->n_opts && (g->touched || g->had_answer))
			v->text = g->opts[g->menu.sel].id;
		break;
	case TEMPLATE_MULTI:
		for (size_t i = 0; i < g->n_opts; i++)
			if (g->picked[i])
				strlist_add(strings, g->opts[i].id);
		v->items = (const char *const *)strings->items;
		v->n_items = strings->len;
		break;
	case TEMPLATE_ACTION:
		for (size_t i = 0; i < g->plan_text.len && i < TEMPLATE_MAX_ACTIONS; i++)
			plans[i] = (struct engine_action_plan){ g->plan_text.items[i],
								g->plan_due.items[i][0] ? g->plan_due.items[i]
											: NULL };
		v->actions = plans;
		v->n_actions = g->plan_text.len < TEMPLATE_MAX_ACTIONS ? g->plan_text.len
									: TEMPLATE_MAX_ACTIONS;
		break;
	case TEMPLATE_RECALL: case TEMPLATE_INFO:
		break;
	}
}

/* An action typed but not yet added to the list counts as planned. */
static void take_typed_action(struct guided *g)
{
	if (kind(g) != TEMPLATE_ACTION || text_is_blank(editbox_text(&g->box)))
		return;
	strlist_add(&g->plan_text, editbox_text(&g->box));
	strlist_add(&g->plan_due, editbox_text(&g->due));
	editbox_replace(&g->box, "");
	editbox_replace(&g->due, "");
	g->on_due = false;
}

static int answer(struct ui *ui, struct guided *g)
{
	if (!g->step)
		return UI_HANDLED;
	take_typed_action(g);
	struct engine_value v;
	struct px_strlist strings = { 0 };
	struct engine_action_plan plans[TEMPLATE_MAX_ACTIONS];
	build_value(g, &v, &strings, plans);
	struct px_error err;
	px_error_clear(&err);
	int rc = engine_answer(g->e, &v, &err);
	strlist_free(&strings);
	if (rc < 0) {
		ui_error_px(ui, &err);
		return UI_HANDLED | UI_REDRAW;
	}
	load_step(g);
	return UI_HANDLED | UI_REDRAW;
}

/* Back one step.  What was changed here but not answered is answered
 * first, so going back never loses it; then back over this step and the
 * one before. */
static int back(struct ui *ui, struct guided *g)
{
	struct px_error err;
	px_error_clear(&err);
	if (g->step && g->touched) {
		take_typed_action(g);
		struct engine_value v;
		struct px_strlist strings = { 0 };
		struct engine_action_plan plans[TEMPLATE_MAX_ACTIONS];
		build_value(g, &v, &strings, plans);
		int rc = engine_answer(g->e, &v, &err);
		strlist_free(&strings);
		if (rc < 0 || engine_back(g->e, &err) < 0) {
			ui_error_px(ui, &err);
			load_step(g);
			return UI_HANDLED | UI_REDRAW;
		}
	}
	if (engine_back(g->e, &err) < 0)
		ui_status(ui, "this is the first step");
	load_step(g);
	return UI_HANDLED | UI_REDRAW;
}

static void save_typing(struct ui *ui, struct guided *g)
{
	if (kind(g) != TEMPLATE_TEXT || g->box.changes == g->saved_changes)
		return;
	struct px_error err;
	px_error_clear(&err);
	g->last_save_ms = now_ms();
	if (engine_save_typing(g->e, editbox_text(&g->box), &err) < 0) {
		ui_error(ui, "the draft could not be saved (still trying): %s", err.msg);
		return;
	}
	g->saved_changes = g->box.changes;
	g->typing_saved = true;
	ui_changed(ui);
}

static void autosave(struct ui *ui, struct guided *g)
{
	int64_t now = now_ms();
	if (kind(g) != TEMPLATE_TEXT || g->box.changes == g->saved_changes ||
	    now - g->last_save_ms < GUIDED_IDLE_SAVE_MS)
		return;
	if (now - g->last_change_ms >= GUIDED_IDLE_SAVE_MS ||
	    now - g->last_save_ms >= GUIDED_BUSY_SAVE_MS)
		save_typing(ui, g);
}

static int finish(struct ui *ui, struct guided *g)
{
	if (g->step) {
		size_t cur, total;
		engine_progress(g->e, &cur, &total);
		ui_status(ui, "step %zu of %zu: Tab answers it and goes on; ^S saves at the end", cur,
			  total);
		return UI_HANDLED;
	}
	struct px_error err;
	px_error_clear(&err);
	int64_t id = 0;
	if (engine_finish(g->e, &id, &err) < 0) {
		ui_error_px(ui, &err);
		return UI_HANDLED | UI_REDRAW;
	}
	g->saved_changes = g->box.changes;
	ui_changed(ui);
	ui_status(ui, "saved entry %" PRId64 " (%s)", id, template_name(engine_template(g->e)));
	return UI_HANDLED | UI_REDRAW | UI_POP;
}

/* ---- closing ---------------------------------------------------------------------- */

static int close_answer(struct ui *ui, void *ctx, int32_t key)
{
	struct guided *g = ctx;
	struct px_error err;
	px_error_clear(&err);
	if (key == 'k') {
		save_typing(ui, g);
		ui_changed(ui);
		ui_status(ui, "kept as a draft: r on Home resumes it");
		return UI_POP;
	}
	if (key == 'd') {
		if (engine_draft_id(g->e) && engine_discard(g->e, &err) < 0) {
			ui_error_px(ui, &err);
			return 0;
		}
		g->saved_changes = g->box.changes;   /* nothing left to keep on the way out */
		ui_changed(ui);
		ui_status(ui, "discarded");
		return UI_POP;
	}
	return 0;
}

static int request_close(struct ui *ui, struct guided *g)
{
	bool typed = kind(g) == TEMPLATE_TEXT && !text_is_blank(editbox_text(&g->box));
	if (!engine_draft_id(g->e) && !typed)
		return UI_HANDLED | UI_POP;   /* nothing answered, nothing typed */
	ui_ask_key(ui, "Close: k keep as a draft · d discard · Esc go on", "kd", close_answer, g);
	return UI_HANDLED | UI_REDRAW;
}

static int external(struct ui *ui, struct guided *g)
{
	if (kind(g) != TEMPLATE_TEXT) {
		ui_status(ui, "$EDITOR is for text steps");
		return UI_HANDLED;
	}
	save_typing(ui, g);
	char *edited = NULL;
	struct px_error err;
	px_error_clear(&err);
	int rc = term_edit_external(editbox_text(&g->box), &edited, &err);
	editbox_replace(&g->box, edited);
	free(edited);
	if (rc < 0)
		ui_error_px(ui, &err);
	g->last_change_ms = now_ms();
	return UI_HANDLED | UI_REDRAW;
}

/* ---- kind-specific keys ----------------------------------------------------------- */

static int scale_key(struct guided *g, enum req req, int32_t key)
{
	int lo = g->step->scale_min, hi = g->step->scale_max, v = g->scale;
	if (req == REQ_LEFT || req == REQ_DOWN)
		v--;
	else if (req == REQ_RIGHT || req == REQ_UP)
		v++;
	else if (key >= '0' && key <= '9' && key - '0' >= lo && key - '0' <= hi)
		v = key - '0';
	else if (req == REQ_DELETE || req == REQ_BACKSPACE) {
		g->scale_set = false;   /* no answer: the step is skipped */
		return UI_HANDLED | UI_REDRAW;
	} else
		return 0;
	g->scale = v < lo ? lo : v > hi ? hi : v;
	g->scale_set = true;
	return UI_HANDLED | UI_REDRAW;
}

/* Dates are typed, or picked: Up and Down move a day, PgUp and PgDn a week
 * from what is typed (else the default, else today). */
static int date_pick(struct ui *ui, struct guided *g, int days)
{
	const char *typed = editbox_text(&g->box);
	const char *from = !text_is_blank(typed) ? typed
			   : g->step->dates.def ? g->step->dates.def : "today";
	struct px_datetime dt;
	struct px_error err;
	px_error_clear(&err);
	if (date_parse_expr(from, &ui->now, DATE_FUTURE, &dt, &err) < 0) {
		ui_error_px(ui, &err);
		return UI_HANDLED | UI_REDRAW;
	}
	struct px_date d = date_add_days(&dt.date, days);
	char text[11];
	if (!date_valid(&d))
		return UI_HANDLED;
	date_format(&d, text);
	editbox_replace(&g->box, text);
	return UI_HANDLED | UI_REDRAW;
}

static int menu_key(struct guided *g, enum req req, int32_t key)
{
	if (req == REQ_TOGGLE && kind(g) == TEMPLATE_MULTI) {
		if (g->menu.sel < g->n_opts)
			g->picked[g->menu.sel] = !g->picked[g->menu.sel];
		return UI_HANDLED | UI_REDRAW;
	}
	if (!on_other(g) && key >= '1' && key <= '9' && (size_t)(key - '1') < g->n_opts) {
		list_select(&g->menu, (size_t)(key - '1'));
		if (kind(g) == TEMPLATE_MULTI)
			g->picked[g->menu.sel] = !g->picked[g->menu.sel];
		return UI_HANDLED | UI_REDRAW;
	}
	if (req == REQ_UP || req == REQ_DOWN || req == REQ_PAGE_UP || req == REQ_PAGE_DOWN)
		return list_move(&g->menu, req);
	return 0;
}

/* Enter: a new line in text, the next field of an action, else go on. */
static int enter_key(struct ui *ui, struct guided *g)
{
	enum template_kind k = kind(g);
	if (k == TEMPLATE_TEXT)
		return editbox_key(&g->box, REQ_NEWLINE, 0) ? UI_HANDLED | UI_REDRAW : 0;
	if (k == TEMPLATE_ACTION) {
		if (text_is_blank(editbox_text(&g->box)))
			return answer(ui, g);   /* an empty action: the list is done */
		if (!g->on_due) {
			g->on_due = true;
			return UI_HANDLED | UI_REDRAW;
		}
		size_t max = g->step->max ? g->step->max : 1;
		take_typed_action(g);
		return g->plan_text.len >= max ? answer(ui, g) : UI_HANDLED | UI_REDRAW;
	}
	if (is_menu(k))
		g->touched = true;   /* Enter picks the row under the cursor */
	if (g->step)
		return answer(ui, g);
	ui_status(ui, "every step is done: ^S saves the entry");
	return UI_HANDLED | UI_REDRAW;
}

static int widget_change(struct ui *ui, struct guided *g, enum req req, int32_t key)
{
	enum template_kind k = kind(g);
	if (req == REQ_NEWLINE)
		return enter_key(ui, g);
	if (k == TEMPLATE_SCALE)
		return scale_key(g, req, key);
	if (k == TEMPLATE_DATE && (req == REQ_UP || req == REQ_DOWN))
		return date_pick(ui, g, req == REQ_UP ? -1 : 1);
	if (k == TEMPLATE_DATE && (req == REQ_PAGE_UP || req == REQ_PAGE_DOWN))
		return date_pick(ui, g, req == REQ_PAGE_UP ? -7 : 7);
	if (is_menu(k)) {
		int flags = menu_key(g, req, key);
		if (flags)
			return flags;
	}
	struct editbox *box = active_box(g);
	if (!box)
		return 0;
	if (req == REQ_TOGGLE)
		req = REQ_NONE, key = ' ';   /* Space is a space where text is typed */
	unsigned long before = box->changes;
	int rc = editbox_key(box, req, key);
	if (box->changes != before)
		g->last_change_ms = now_ms();
	return rc > 0 ? UI_HANDLED | UI_REDRAW : 0;
}

static int widget_key(struct ui *ui, struct guided *g, enum req req, int32_t key)
{
	const struct template_step *was = g->step;
	int flags = widget_change(ui, g, req, key);
	if ((flags & UI_HANDLED) && g->step == was)
		g->touched = true;   /* not when Enter answered and moved on */
	return flags;
}

static int guided_key(struct ui *ui, struct screen *s, enum req req, int32_t key)
{
	struct guided *g = s->data;
	switch (req) {
	case REQ_TICK: autosave(ui, g); return 0;
	case REQ_FLUSH: save_typing(ui, g); return 0;
	case REQ_NEXT_STEP:
		if (g->step)
			return answer(ui, g);
		ui_status(ui, "every step is done: ^S saves the entry");
		return UI_HANDLED | UI_REDRAW;
	case REQ_PREV_STEP: return back(ui, g);
	case REQ_SAVE: return finish(ui, g);
	case REQ_BACK: return request_close(ui, g);
	case REQ_EXTERNAL: return external(ui, g);
	default: return widget_key(ui, g, req, key);
	}
}

/* ---- drawing ----------------------------------------------------------------------- */

static void draw_words(const struct guided *g, int y, int x, int w)
{
	size_t n = text_word_count(editbox_text(&g->box));
	struct template_words guide = g->step->words;
	struct px_buf b = PX_BUF_INIT;
	px_buf_addf(&b, "%zu word%s", n, n == 1 ? "" : "s");
	if (guide.target)
		px_buf_addf(&b, " · aim for about %d", guide.target);
	if (guide.min)
		px_buf_addf(&b, " · at least %d", guide.min);
	if (guide.max)
		px_buf_addf(&b, " · at most %d", guide.max);
	bool over = guide.max && n > (size_t)guide.max;
	bool under = guide.min && n < (size_t)guide.min;
	if (over)
		px_buf_adds(&b, ": over");
	draw_text(y, x, w, b.data, draw_attr(over ? STYLE_ERROR : under ? STYLE_DIM : STYLE_KEY));
	px_buf_free(&b);
}

static void draw_scale(const struct guided *g, int y, int x, int w)
{
	const struct template_step *st = g->step;
	struct px_buf b = PX_BUF_INIT;
	if (st->scale_low)
		px_buf_addf(&b, "%s  ", st->scale_low);
	int col = x + draw_text(y, x, w / 3, b.data, draw_attr(STYLE_DIM));
	for (int v = st->scale_min; v <= st->scale_max && col + 4 < x + w; v++) {
		char cell[8];
		bool on = g->scale_set && v == g->scale;
		snprintf(cell, sizeof cell, on ? "[%d]" : " %d ", v);
		col += draw_text(y, col, 4, cell, on ? draw_attr(STYLE_SELECTED) : A_NORMAL) + 1;
	}
	if (st->scale_high)
		draw_text(y, col + 1, x + w - col - 1, st->scale_high, draw_attr(STYLE_DIM));
	px_buf_free(&b);
	const char *state = g->scale_set ? "" : "no answer yet (the step is skipped without one)";
	draw_text(y + 2, x, w, state, draw_attr(STYLE_DIM));
}

static void menu_row(void *ctx, size_t row, int y, int x, int w, bool selected)
{
	struct guided *g = ctx;
	attr_t base = selected ? draw_attr(STYLE_SELECTED) : A_NORMAL;
	draw_fill(y, x, w, base);
	struct px_buf b = PX_BUF_INIT;
	if (row == g->n_opts) {
		px_buf_addf(&b, "   Other: %s", editbox_text(&g->box));
	} else {
		const struct template_option *o = &g->opts[row];
		if (kind(g) == TEMPLATE_MULTI)
			px_buf_addf(&b, "[%c] ", g->picked[row] ? 'x' : ' ');
		px_buf_addf(&b, "%zu. %s", row + 1, o->label);
		if (o->hint)
			px_buf_addf(&b, " — %s", o->hint);
	}
	draw_text(y, x + 1, w - 2, b.data, base);
	px_buf_free(&b);
}

static void draw_action(struct ui *ui, struct guided *g, const struct area *a)
{
	int y = a->y;
	for (size_t i = 0; i < g->plan_text.len && y < a->y + a->h - 2; i++, y++) {
		struct px_buf b = PX_BUF_INIT;
		px_buf_addf(&b, "→ %s (follow up %s)", g->plan_text.items[i],
			    g->plan_due.items[i][0] ? g->plan_due.items[i] : "on the default date");
		draw_text(y, a->x, a->w, b.data, draw_attr(STYLE_KEY));
		px_buf_free(&b);
	}
	int cy = 0, cx = 0;
	draw_text(y, a->x, 16, "Action:", A_BOLD);
	struct area line = { y, a->x + 16, 1, a->w - 16 };
	editbox_draw(&g->box, &line, &cy, &cx);
	if (!g->on_due)
		ui->cursor_y = cy, ui->cursor_x = cx;
	char label[64];
	snprintf(label, sizeof label, "Follow up on:");
	draw_text(y + 1, a->x, 16, label, A_BOLD);
	struct area due = { y + 1, a->x + 16, 1, a->w - 16 };
	editbox_draw(&g->due, &due, &cy, &cx);
	if (g->on_due)
		ui->cursor_y = cy, ui->cursor_x = cx;
	if (!g->on_due || text_is_blank(editbox_text(&g->due)))
		draw_text(y + 1, a->x + 17 + text_width(editbox_text(&g->due)), a->w - 40,
			  g->step->dates.def ? g->step->dates.def : "+7d", draw_attr(STYLE_DIM));
	ui->cursor_on = true;
}

static void draw_line_input(struct ui *ui, struct guided *g, const struct area *a)
{
	draw_text(a->y, a->x, 2, ">", A_BOLD);
	struct area line = { a->y, a->x + 2, 1, a->w - 2 };
	editbox_draw(&g->box, &line, &ui->cursor_y, &ui->cursor_x);
	ui->cursor_on = true;
	const struct template_step *st = g->step;
	struct px_buf b = PX_BUF_INIT;
	if (st->kind == TEMPLATE_DATE)
		px_buf_addf(&b, "today, friday, +7d or 2026-03-20; Up/Down a day, PgUp/PgDn a week%s%s",
			    st->dates.def ? "; empty: " : "", st->dates.def ? st->dates.def : "");
	else
		px_buf_adds(&b, st->kind == TEMPLATE_TAGS ? "#tags, separated by spaces or commas"
							  : "@names, separated by spaces or commas");
	for (size_t i = 0; i < st->n_suggestions && i < 12; i++)
		px_buf_addf(&b, "%s#%s", i ? " " : "; e.g. ", st->suggestions[i].id);
	draw_wrapped(a->y + 2, a->x, a->w, a->h - 2, b.data, draw_attr(STYLE_DIM));
	px_buf_free(&b);
}

static void draw_recall(struct guided *g, const struct area *a)
{
	const char *source = NULL;
	const char *text = engine_recall(g->e, &source);
	int used = draw_wrapped(a->y, a->x + 2, a->w - 2, a->h - 2, *text ? text : "(nothing)",
				draw_attr(STYLE_TAG));
	if (source && *source)
		draw_wrapped(a->y + used, a->x + 2, a->w - 2, 1, source, draw_attr(STYLE_DIM));
}

static void draw_input(struct ui *ui, struct guided *g, const struct area *a)
{
	switch (kind(g)) {
	case TEMPLATE_TEXT: {
		struct area box = { a->y, a->x, a->h - 1, a->w };
		editbox_draw(&g->box, &box, &ui->cursor_y, &ui->cursor_x);
		ui->cursor_on = true;
		draw_words(g, a->y + a->h - 1, a->x, a->w);
		break;
	}
	case TEMPLATE_SCALE: draw_scale(g, a->y, a->x, a->w); break;
	case TEMPLATE_CHOICE: case TEMPLATE_MULTI: case TEMPLATE_OUTCOME:
		g->menu.draw_row = menu_row;
		g->menu.ctx = g;
		list_draw(&g->menu, a);
		if (on_other(g)) {
			int row = (int)(g->menu.sel - g->menu.top);
			struct area line = { a->y + row, a->x + 11, 1, a->w - 12 };
			editbox_draw(&g->box, &line, &ui->cursor_y, &ui->cursor_x);
			ui->cursor_on = true;
		}
		break;
	case TEMPLATE_TAGS: case TEMPLATE_PEOPLE: case TEMPLATE_DATE:
		draw_line_input(ui, g, a);
		break;
	case TEMPLATE_ACTION: draw_action(ui, g, a); break;
	case TEMPLATE_RECALL: draw_recall(g, a); break;
	case TEMPLATE_INFO: break;
	}
}

/* The end: every shown step passed; what was answered, and how to save. */
static void draw_end(struct guided *g, const struct area *a)
{
	int y = a->y;
	draw_text(y++, a->x, a->w, "Every step is done.", draw_attr(STYLE_TITLE));
	draw_text(y++, a->x, a->w, "^S saves the entry · Shift-Tab goes back to change an answer "
				   "· Esc keeps it as a draft", draw_attr(STYLE_KEY));
	y++;
	const struct template *t = engine_template(g->e);
	for (size_t i = 0; i < template_step_count(t) && y < a->y + a->h; i++) {
		const struct template_step *st = template_step_at(t, i);
		if (!engine_answered(g->e, i) || st->kind == TEMPLATE_RECALL || st->kind == TEMPLATE_INFO)
			continue;
		struct px_buf b = PX_BUF_INIT;
		px_buf_addf(&b, "%s: %s", st->title, engine_answer_text(g->e, i));
		for (char *p = b.data; *p; p++)
			if (*p == '\n')
				*p = ' ';
		draw_text(y++, a->x, a->w, b.data, A_NORMAL);
		px_buf_free(&b);
	}
}

static const char *kind_hint(enum template_kind k)
{
	switch (k) {
	case TEMPLATE_TEXT: return "Tab next · Shift-Tab back · ^O $EDITOR · Esc close · F1 help";
	case TEMPLATE_SCALE: return "Left/Right or a number · Delete: no answer · Tab next";
	case TEMPLATE_CHOICE: case TEMPLATE_OUTCOME: return "Up/Down or a number, Enter picks";
	case TEMPLATE_MULTI: return "Space ticks · Enter or Tab when done";
	case TEMPLATE_ACTION: return "Enter: its date, then the next action · empty Enter: done";
	case TEMPLATE_RECALL: case TEMPLATE_INFO: return "Enter or Tab goes on";
	default: return "Enter or Tab next · Shift-Tab back · Esc close";
	}
}

static void guided_draw(struct ui *ui, struct screen *s, const struct area *a)
{
	struct guided *g = s->data;
	size_t cur, total;
	engine_progress(g->e, &cur, &total);
	char where[48], right[128];
	if (g->step)
		snprintf(where, sizeof where, "step %zu of %zu", cur, total);
	else
		snprintf(where, sizeof where, "ready to save");
	/* "editing" until what is being typed is in the draft too */
	bool typing = kind(g) == TEMPLATE_TEXT && g->box.changes != g->saved_changes;
	const char *state = typing ? " · editing" : engine_draft_id(g->e) ? " · draft saved" : "";
	if (a->w >= 80)
		snprintf(right, sizeof right, "%s · %s%s", where,
			 entry_frame_label(engine_frame(g->e)), state);
	else
		snprintf(right, sizeof right, "%s%s", where, state);
	const char *left = template_name(engine_template(g->e));
	draw_header(a, left, right);
	struct area body = { a->y + 2, a->x + 2, a->h - 3, a->w - 4 };
	if (!g->step) {
		draw_end(g, &body);
		return;
	}
	int y = a->y + 1;
	int tw = draw_text(y, a->x + 1, a->w - 14, engine_title(g->e), draw_attr(STYLE_TITLE));
	if (g->step->required)
		draw_text(y, a->x + 2 + tw, 12, "(required)", draw_attr(STYLE_DIM));
	y++;
	int room = a->h - 5;
	y += draw_wrapped(y, a->x + 1, a->w - 2, room / 3 > 1 ? room / 3 : 1, engine_prompt(g->e),
			  A_NORMAL);
	y += draw_wrapped(y, a->x + 3, a->w - 4, room / 4 > 1 ? room / 4 : 1, engine_guidance(g->e),
			  draw_attr(STYLE_DIM));
	struct area input = { y + 1, a->x + 1, a->y + a->h - 1 - (y + 1), a->w - 2 };
	if (input.h > 0)
		draw_input(ui, g, &input);
	draw_text(a->y + a->h - 1, a->x + 1, a->w - 2, kind_hint(kind(g)), draw_attr(STYLE_DIM));
}

/* ---- opening and closing ---------------------------------------------------------------- */

static int guided_enter(struct ui *ui, struct screen *s, const void *arg)
{
	const struct guided_args *a = arg;
	struct guided *g = px_xcalloc(1, sizeof *g);
	struct px_error err;
	px_error_clear(&err);
	const struct template_set *set = ui_templates(ui);
	int rc;
	if (a->draft_id) {
		rc = engine_resume(ui->j, set, a->draft_id, &g->e, &err);
	} else {
		struct engine_start opts;
		engine_start_init(&opts);
		opts.template_id = a->template_id;
		opts.frame = a->frame;
		opts.inquiry_id = a->inquiry_id;
		opts.action_id = a->action_id;
		opts.now = &ui->now;
		rc = engine_start(ui->j, set, &opts, &g->e, &err);
	}
	if (rc < 0) {
		ui_error_px(ui, &err);
		engine_free(g->e);
		free(g);
		return -1;
	}
	load_step(g);
	s->data = g;
	return 0;
}

static void guided_resize(struct ui *ui, struct screen *s)
{
	(void)ui;
	struct guided *g = s->data;
	g->box.stale = g->due.stale = true;
}

static void guided_leave(struct ui *ui, struct screen *s)
{
	struct guided *g = s->data;
	/* Every way out but saving and discarding keeps what was typed. */
	save_typing(ui, g);
	clear_widgets(g);
	engine_free(g->e);
	free(g);
}

static const struct key_binding guided_bindings[] = {
	{ UIK_TAB, REQ_NEXT_STEP },
	{ UIK_CTRL('n'), REQ_NEXT_STEP },
	{ UIK_FN | KEY_BTAB, REQ_PREV_STEP },
	{ UIK_CTRL('p'), REQ_PREV_STEP },
	{ UIK_CTRL('s'), REQ_SAVE },
	{ UIK_ESC, REQ_BACK },
	{ UIK_CTRL('o'), REQ_EXTERNAL },
	{ ' ', REQ_TOGGLE },
	{ UIK_FN | KEY_LEFT, REQ_LEFT },
	{ UIK_FN | KEY_RIGHT, REQ_RIGHT },
	{ UIK_CTRL_LEFT, REQ_WORD_LEFT },
	{ UIK_META | 'b', REQ_WORD_LEFT },
	{ UIK_CTRL_RIGHT, REQ_WORD_RIGHT },
	{ UIK_META | 'f', REQ_WORD_RIGHT },
	{ UIK_FN | KEY_UP, REQ_UP },
	{ UIK_FN | KEY_DOWN, REQ_DOWN },
	{ UIK_FN | KEY_PPAGE, REQ_PAGE_UP },
	{ UIK_FN | KEY_NPAGE, REQ_PAGE_DOWN },
	{ UIK_FN | KEY_HOME, REQ_LINE_START },
	{ UIK_CTRL('a'), REQ_LINE_START },
	{ UIK_FN | KEY_END, REQ_LINE_END },
	{ UIK_CTRL('e'), REQ_LINE_END },
	{ UIK_CTRL_HOME, REQ_FIRST },
	{ UIK_CTRL_END, REQ_LAST },
	{ UIK_ENTER, REQ_NEWLINE },
	{ UIK_FN | KEY_ENTER, REQ_NEWLINE },
	{ UIK_DEL, REQ_BACKSPACE },
	{ UIK_FN | KEY_BACKSPACE, REQ_BACKSPACE },
	{ UIK_CTRL('h'), REQ_BACKSPACE },
	{ UIK_FN | KEY_DC, REQ_DELETE },
	{ UIK_CTRL('d'), REQ_DELETE },
	{ UIK_CTRL('k'), REQ_CUT_LINE },
	{ UIK_CTRL('u'), REQ_PASTE },
	{ UIK_CTRL('y'), REQ_PASTE },
	{ UIK_CTRL('_'), REQ_UNDO_CHANGE },
	{ UIK_META | 'u', REQ_UNDO_CHANGE },
	{ UIK_FN | KEY_F(1), REQ_HELP },
	{ UIK_CTRL('g'), REQ_HELP },
	{ UIK_META | 'x', REQ_COMMAND },
	{ UIK_CTRL('l'), REQ_REDRAW },
	{ UIK_CTRL('z'), REQ_SUSPEND },
	{ UIK_CTRL('c'), REQ_QUIT },
};

static const struct keymap guided_keys =
	KEYMAP(guided_bindings, "One step at a time: Tab answers and goes on (an empty answer skips "
				"a step that is not required).  ? and : are typed as text.  Enter picks "
				"in a menu and starts a new line in text.");

const struct screen_ops guided_screen = {
	.name = "Guided reflection",
	.keys = &guided_keys,
	.enter = guided_enter,
	.draw = guided_draw,
	.key = guided_key,
	.resize = guided_resize,
	.leave = guided_leave,
};
