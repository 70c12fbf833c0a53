/*
 * ui.c — the one input loop, the stack of screens and the requests every
 * screen shares (help, `:` commands, redraw, suspend, quit).
 *
 * Each turn of the loop draws the top screen from its model, waits for a
 * key (or a tick, for autosave, or a signal), then handles that key and
 * every key already typed after it before drawing again, so a paste or a
 * fast typist never waits for a frame per key and incremental search runs
 * once per burst.  Resizes arrive from curses as a key.
 */
#include "ui.h"

#include "draw.h"
#include "prompt.h"
#include "screen.h"
#include "term.h"

#include "praxis/buf.h"
#include "praxis/suggest.h"
#include "praxis/text.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* How long the loop waits for a key before a tick. */
#define UI_TICK_MS 250

/* ---- the stack ------------------------------------------------------------ */

struct screen *ui_top(struct ui *ui)
{
	return ui->depth > 0 ? &ui->stack[ui->depth - 1] : NULL;
}

int ui_push(struct ui *ui, const struct screen_ops *ops, const void *arg)
{
	if (ui->depth >= UI_MAX_SCREENS) {
		ui_error(ui, "too many screens open: close some with Esc first");
		return -1;
	}
	struct screen *s = &ui->stack[ui->depth];
	s->ops = ops;
	s->data = NULL;
	if (ops->enter(ui, s, arg) < 0) {
		s->ops = NULL;
		return -1;
	}
	ui->depth++;
	return 0;
}

void ui_pop(struct ui *ui)
{
	struct screen *s = ui_top(ui);
	if (!s)
		return;
	s->ops->leave(ui, s);
	s->ops = NULL;
	s->data = NULL;
	ui->depth--;
}

int ui_go_home(struct ui *ui)
{
	while (ui->depth > 1)
		ui_pop(ui);
	return UI_HANDLED | UI_REDRAW;
}

static void close_all(struct ui *ui)
{
	while (ui->depth > 0)
		ui_pop(ui);
	question_free(ui->question);
	ui->question = NULL;
}

/* ---- status -------------------------------------------------------------------- */

static void set_status(struct ui *ui, enum status_kind kind, const char *fmt, va_list ap)
{
	vsnprintf(ui->status, sizeof ui->status, fmt, ap);
	ui->status_kind = kind;
}

void ui_status(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_status(ui, STATUS_INFO, fmt, ap);
	va_end(ap);
}

void ui_status_now(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_status(ui, STATUS_INFO, fmt, ap);
	va_end(ap);
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	if (rows < UI_MIN_ROWS || cols < UI_MIN_COLS)
		return;
	move(rows - 1, 0);
	clrtoeol();
	draw_text(rows - 1, 0, cols - 1, ui->status, draw_attr(STYLE_NORMAL));
	refresh();
	trace_event("status", ui->status);
}

void ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_status(ui, STATUS_ERROR, fmt, ap);
	va_end(ap);
}

void ui_error_px(struct ui *ui, const struct px_error *err)
{
	char line[PX_ERROR_WHERE_MAX + PX_ERROR_MSG_MAX + 8];
	px_error_format(err, line, sizeof line);
	ui_error(ui, "%s", line);
}

void ui_changed(struct ui *ui)
{
	ui->generation++;
}

/* ---- autosave ---------------------------------------------------------------------- */

#define UI_IDLE_SAVE_MS 1000
#define UI_BUSY_SAVE_MS 5000

int64_t ui_clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

bool ui_autosave_due(int64_t last_change_ms, int64_t last_save_ms)
{
	int64_t now = ui_clock_ms();
	if (now - last_save_ms < UI_IDLE_SAVE_MS)
		return false;
	return now - last_change_ms >= UI_IDLE_SAVE_MS || now - last_save_ms >= UI_BUSY_SAVE_MS;
}

/* ---- shared requests -------------------------------------------------------------- */

static int run_request(struct ui *ui, enum req req, int32_t key);

/* `:NAME` runs request NAME when the top screen binds it. */
static int command_done(struct ui *ui, void *ctx, const char *text)
{
	(void)ctx;
	if (!text || text_is_blank(text))
		return 0;
	char name[64];
	snprintf(name, sizeof name, "%s", text + strspn(text, " "));
	name[strcspn(name, " ")] = '\0';
	struct screen *top = ui_top(ui);
	if (!top)
		return 0;
	const struct keymap *m = top->ops->keys;
	enum req req = req_by_name(name);
	if (req != REQ_NONE && keymap_has(m, req))
		return run_request(ui, req, 0);
	const char *names[REQ_COUNT];
	size_t n = 0;
	for (size_t i = 0; i < m->len; i++)
		names[n++] = req_name(m->bindings[i].req);
	const char *near = suggest_nearest(name, names, n);
	char *safe = text_escape_controls(name);
	if (near)
		ui_error(ui, "'%s' is not an action here (did you mean '%s'?)", safe, near);
	else
		ui_error(ui, "'%s' is not an action here; ? lists them", safe);
	free(safe);
	return 0;
}

static int run_request(struct ui *ui, enum req req, int32_t key)
{
	struct screen *s = ui_top(ui);
	if (!s)
		return 0;
	switch (req) {
	case REQ_HELP:
		if (s->ops != &help_screen)
			ui_push(ui, &help_screen, s);
		return UI_HANDLED | UI_REDRAW;
	case REQ_COMMAND:
		ui_ask_text(ui, ":", NULL, command_done, NULL, NULL);
		return UI_HANDLED | UI_REDRAW;
	case REQ_REDRAW:
		/* Read the journal again as well: what a person pressing ^L
		 * wants to see is the journal as it is now. */
		clearok(curscr, TRUE);
		ui_changed(ui);
		return UI_HANDLED | UI_REDRAW;
	case REQ_SUSPEND:
		/* Unsaved writing becomes a draft first: a stopped job can be killed. */
		for (int i = 0; i < ui->depth; i++)
			ui->stack[i].ops->key(ui, &ui->stack[i], REQ_FLUSH, 0);
		term_suspend();
		return UI_HANDLED | UI_REDRAW;
	case REQ_QUIT:
		return UI_HANDLED | UI_QUIT;
	default:
		return s->ops->key(ui, s, req, key);
	}
}

static void apply_flags(struct ui *ui, int flags)
{
	if (flags & UI_POP)
		ui_pop(ui);
	if (flags & UI_QUIT)
		ui->quit = true;
}

static void draw_frame(struct ui *ui);

static void handle_key(struct ui *ui, int32_t key)
{
	char name[32];
	key_label(key, name, sizeof name);
	trace_event("key", name);
	if (key == UIK_RESIZE) {
		for (int i = 0; i < ui->depth; i++)
			if (ui->stack[i].ops->resize)
				ui->stack[i].ops->resize(ui, &ui->stack[i]);
		return;
	}
	/* Screens reload what changed when they draw: a key typed right after
	 * a change, in the same burst, must not act on what they held before. */
	if (ui->drawn != ui->generation)
		draw_frame(ui);
	if (ui->question) {
		apply_flags(ui, question_key(ui, key));
		return;
	}
	ui->status[0] = '\0';
	struct screen *s = ui_top(ui);
	if (!s)
		return;
	enum req req = keymap_lookup(s->ops->keys, key);
	int flags = run_request(ui, req, key);
	if (!(flags & UI_HANDLED) && req == REQ_NONE)
		ui_status(ui, "%s does nothing here; ? lists the keys of this screen", name);
	apply_flags(ui, flags);
}

/* ---- the loop ---------------------------------------------------------------------- */

static void update_clock(struct ui *ui)
{
	struct px_datetime now;
	if (date_now(&now, NULL) < 0)
		return;  /* checked at start; keep the last good time */
	ui->now = now;
	ui->now.has_time = 1;
	date_format(&now.date, ui->today);
	datetime_format(&ui->now, ui->now_text);
}

static void draw_frame(struct ui *ui)
{
	static int cursor_shown = -1;
	struct screen *s = ui_top(ui);
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	erase();
	ui->cursor_on = false;
	if (rows < UI_MIN_ROWS || cols < UI_MIN_COLS) {
		draw_too_small(rows, cols);
	} else {
		struct area a = { 0, 0, rows - 1, cols };
		s->ops->draw(ui, s, &a);
		draw_status(ui, rows - 1, cols);
	}
	if (cursor_shown != ui->cursor_on) {
		curs_set(ui->cursor_on ? 1 : 0);
		cursor_shown = ui->cursor_on;
	}
	if (ui->cursor_on)
		move(ui->cursor_y, ui->cursor_x);
	refresh();
	ui->drawn = ui->generation;
	trace_event("draw", s->ops->name);
}

/* Time passed: screens that autosave do; returns whether one of them
 * changed what is shown. */
static bool tick_all(struct ui *ui)
{
	int flags = 0;
	for (int i = 0; i < ui->depth && !ui->quit; i++) {
		int f = ui->stack[i].ops->key(ui, &ui->stack[i], REQ_TICK, 0);
		flags |= f;
		apply_flags(ui, f);
	}
	return flags & (UI_REDRAW | UI_POP | UI_QUIT);
}

/* Whether another praxis (`praxis add` in another terminal) changed the
 * journal since the last look: the screens then reload when next drawn,
 * as after a change of the UI's own.  Asked once per turn of the loop,
 * after a tick and before a burst of keys, so a key never acts on rows
 * older than what the journal holds; it reads a counter, not a table. */
static bool others_wrote(struct ui *ui)
{
	struct px_error err;
	px_error_clear(&err);
	if (journal_changed(ui->j, &err) <= 0)
		return false;   /* an error here is not worth a word: the next read says it */
	trace_event("journal", "changed elsewhere");
	ui_changed(ui);
	return true;
}

/* Frames are drawn when something changed: a key, a resize, a tick that
 * saved, a new day, another praxis writing; an idle praxis does no work
 * between ticks but look at one counter. */
static void loop(struct ui *ui)
{
	bool dirty = true;
	while (!ui->quit && ui->depth > 0) {
		if (dirty)
			draw_frame(ui);
		dirty = false;
		int32_t key;
		int got = term_read_key(UI_TICK_MS, &key);
		if (others_wrote(ui))
			dirty = true;
		char today[sizeof ui->today];
		memcpy(today, ui->today, sizeof today);
		while (got) {
			dirty = true;
			int sig = term_pending_signal();
			if (sig) {
				close_all(ui);
				term_die_of(sig);
			}
			update_clock(ui);
			handle_key(ui, key);
			if (ui->quit || ui->depth == 0)
				break;
			got = term_read_key(0, &key);   /* keys already typed: no frame between */
		}
		int sig = term_pending_signal();
		if (sig) {
			close_all(ui);
			term_die_of(sig);
		}
		update_clock(ui);
		if (tick_all(ui) || strcmp(today, ui->today) != 0)
			dirty = true;
	}
}

static int fail_start(const struct px_error *err)
{
	char line[PX_ERROR_WHERE_MAX + PX_ERROR_MSG_MAX + 8];
	px_error_format(err, line, sizeof line);
	char *safe = text_escape_controls(line);
	fprintf(stderr, "praxis: %s\n", safe);
	free(safe);
	return 1;
}

int ui_run(struct journal *j)
{
	trace_event("start", NULL);
	struct ui *ui = px_xcalloc(1, sizeof *ui);
	ui->j = j;
	struct px_error err;
	px_error_clear(&err);
	int rc = 0;
	if (date_now(&ui->now, &err) < 0 || term_start(&err) < 0) {
		rc = fail_start(&err);
	} else {
		update_clock(ui);
		ui->colors = term_colors();
		draw_init(ui->colors);
		bool started = ui_push(ui, &home_screen, NULL) == 0;
		if (started)
			loop(ui);
		close_all(ui);
		term_stop();
		template_set_free(ui->templates);
		template_diags_free(ui->template_diags);
		if (!started) {
			/* Home could not read the journal: say why, now that the
			 * terminal is back. */
			char *safe = text_escape_controls(ui->status);
			fprintf(stderr, "praxis: %s\n", safe);
			free(safe);
			rc = 1;
		}
	}
	free(ui);
	return rc;
}
