/*
 * screen.h — what every screen of the UI shares: the UI's state, the
 * screen interface, the stack of open screens, the status line and the
 * one-line questions asked on it.
 *
 * One screen = one file = one const struct screen_ops.  The main loop
 * (ui.c) owns the only input loop: it reads a key, looks it up in the top
 * screen's key table (keys.h), hands the request to the screen's .key and
 * acts on the flags it returns; then it draws the top screen from its
 * model with .draw.  Screens never read keys or refresh the terminal
 * themselves.  Everything they show or change goes through the core
 * (the headers in include/praxis); the UI issues no SQL.
 *
 * Lifetimes: ui_push() calls .enter with the caller's argument (which
 * .enter copies what it needs from; it may refuse with -1 after setting
 * the status line); ui_pop() calls .leave, which frees the screen's data
 * (and, for the writing screen, keeps unsaved text as a draft).  Quitting
 * pops every screen, so every .leave runs on every way out but SIGKILL.
 *
 * The screens below the top one are not told about changes the top one
 * makes: anything that changes the journal calls ui_changed(), and a
 * screen compares ui->generation with the one it loaded at when it draws.
 */
#ifndef PRAXIS_UI_SCREEN_H
#define PRAXIS_UI_SCREEN_H

#include "keys.h"

#include "praxis/date.h"
#include "praxis/entry.h"
#include "praxis/error.h"
#include "praxis/inquiry.h"
#include "praxis/journal.h"
#include "praxis/template.h"

#include <stdbool.h>
#include <stdint.h>

/* Below this the UI shows "terminal too small" and keeps running. */
#define UI_MIN_COLS 40
#define UI_MIN_ROWS 12
#define UI_MAX_SCREENS 16

/* What a key handler returns; 0 means the key meant nothing here. */
enum {
	UI_HANDLED = 1 << 0,
	UI_REDRAW = 1 << 1,    /* the model changed: draw again (always done) */
	UI_POP = 1 << 2,       /* close this screen */
	UI_QUIT = 1 << 3,      /* leave praxis */
};

/* The part of the terminal a screen draws in: every row but the status line. */
struct area {
	int y, x, h, w;
};

struct ui;
struct screen;

struct screen_ops {
	const char *name;                      /* "Home", "Browse": help's title */
	const struct keymap *keys;
	int (*enter)(struct ui *ui, struct screen *s, const void *arg);
	void (*draw)(struct ui *ui, struct screen *s, const struct area *a);
	int (*key)(struct ui *ui, struct screen *s, enum req req, int32_t key);
	void (*resize)(struct ui *ui, struct screen *s);
	void (*leave)(struct ui *ui, struct screen *s);
};

struct screen {
	const struct screen_ops *ops;
	void *data;
};

enum status_kind { STATUS_INFO, STATUS_ERROR };

/* A question on the status line: a line of text, or one key of CHOICES. */
struct question;

struct ui {
	struct journal *j;
	struct px_datetime now;        /* refreshed before every key */
	char today[11];                /* 'YYYY-MM-DD' of now */
	char now_text[20];             /* 'YYYY-MM-DD HH:MM:SS' of now */
	struct screen stack[UI_MAX_SCREENS];
	int depth;
	char status[512];
	enum status_kind status_kind;
	struct question *question;     /* asked on the status line, or NULL */
	unsigned long generation;      /* bumped by every change the UI makes */
	unsigned long drawn;           /* the generation the last frame showed */
	int64_t trashed;               /* the entry moved to the trash last, for undo */
	bool colors;
	bool quit;
	struct template_set *templates;        /* loaded by ui_templates() */
	struct template_diags *template_diags;
	/* Set by .draw when the terminal cursor should show (the editors). */
	bool cursor_on;
	int cursor_y, cursor_x;
};

/* ---- the stack ---------------------------------------------------------- */

/* Open screen OPS on top with ARG for its .enter.  Returns 0, or -1 when
 * .enter refused (the status line says why) or the stack is full. */
int ui_push(struct ui *ui, const struct screen_ops *ops, const void *arg);
/* Close the top screen (its .leave runs). */
void ui_pop(struct ui *ui);
/* Close every screen above Home; returns key-handler flags. */
int ui_go_home(struct ui *ui);
struct screen *ui_top(struct ui *ui);

/* ---- status line and journal changes ------------------------------------- */

void ui_status(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ui_error(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Set the status line and draw it now, for work that keeps the loop from
 * drawing until it ends (a long export says how far it has got). */
void ui_status_now(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Show ERR as "what: why" on the status line, as an error. */
void ui_error_px(struct ui *ui, const struct px_error *err);
/* The journal changed: screens reload what they show when next drawn. */
void ui_changed(struct ui *ui);

/* ---- autosave ------------------------------------------------------------- */

/* Milliseconds on a clock that only moves forward (not the journal's
 * civil clock): for timing autosaves. */
int64_t ui_clock_ms(void);
/* The rule both editors keep drafts by: unsaved typing is saved a second
 * after it pauses, and at least every five seconds while it goes on (never
 * more than once a second, even while saving fails). */
bool ui_autosave_due(int64_t last_change_ms, int64_t last_save_ms);

/* ---- questions on the status line ----------------------------------------- */

/* Called with the answer: the text typed (NULL when Esc cancelled), or
 * the key chosen (0 when cancelled).  Returns key-handler flags. */
typedef int question_text_fn(struct ui *ui, void *ctx, const char *text);
typedef int question_key_fn(struct ui *ui, void *ctx, int32_t key);

/* Ask for a line of text after LABEL, starting from INITIAL (may be
 * NULL).  CHANGED (may be NULL) is called after every edit: search as you
 * type.  CTX must live until DONE is called. */
void ui_ask_text(struct ui *ui, const char *label, const char *initial,
		 question_text_fn *done, question_text_fn *changed, void *ctx);
/* Ask for one key of CHOICES (ASCII letters) after LABEL; Esc cancels. */
void ui_ask_key(struct ui *ui, const char *label, const char *choices, question_key_fn *done,
		void *ctx);

/* ---- the screens ------------------------------------------------------------- */

extern const struct screen_ops home_screen;
extern const struct screen_ops browse_screen;    /* arg: const struct browse_args * or NULL */
extern const struct screen_ops entry_screen;     /* arg: const int64_t *id */
extern const struct screen_ops write_screen;     /* arg: const struct write_args * */
extern const struct screen_ops inquiry_screen;   /* arg: const int64_t *id */
extern const struct screen_ops help_screen;      /* arg: const struct screen * (whose keys) */
extern const struct screen_ops choose_screen;    /* arg: const struct choose_args * */
extern const struct screen_ops guided_screen;    /* arg: const struct guided_args * */
extern const struct screen_ops review_screen;    /* arg: const struct review_args * or NULL */

struct write_args {
	enum entry_frame frame;
	int64_t entry_id;       /* edit this entry; 0: a new one */
	int64_t inquiry_id;     /* a new entry in this inquiry */
	int64_t action_id;      /* a new entry following up this action */
	int64_t draft_id;       /* resume this draft (the rest is read from it) */
	const char *text;       /* a new entry's first text, or NULL */
};

/* A template run: a fresh one (TEMPLATE_ID with FRAME, -1 for the
 * template's own, inside INQUIRY_ID or following up ACTION_ID), or the run
 * kept as draft DRAFT_ID. */
struct guided_args {
	const char *template_id;
	int frame;
	int64_t inquiry_id;
	int64_t action_id;
	int64_t draft_id;
};

struct browse_args {
	bool search;            /* start with the search question open */
	/* Filters to start with; zero for none (what a Review row stands for). */
	const char *tag, *person;
	bool by_frame;
	enum entry_frame frame;
	char from[11], to[11];  /* 'YYYY-MM-DD' */
	const int64_t *ids;     /* only these entries (entry_filter.ids) */
	size_t n_ids;
	const char *ids_label;  /* what they are: "12 entries with 'delegation', March 2026" */
};

/* The period a Review opens on, 'YYYY-MM-DD' both inclusive (a whole
 * week, month, quarter or year is stepped through as one); NULL or empty:
 * this month. */
struct review_args {
	char from[11], to[11];
};

/* Pick one line of a list: DONE gets the index, or -1 when cancelled,
 * after the chooser has closed (so DONE may open a screen). */
struct choose_args {
	const char *title;
	const char *const *items;
	size_t n;
	size_t selected;
	int (*done)(struct ui *ui, void *ctx, long index);
	void *ctx;
};

/* Open the chooser with ARGS.  When it cannot open (too many screens),
 * DONE still runs, cancelled, so what CTX holds is freed.  Returns flags. */
int ui_choose(struct ui *ui, const struct choose_args *args);

/* Choose one of the inquiries FILTER lists in a chooser titled TITLE;
 * FIRST and LAST (may be NULL) add a line before and after them, passed to
 * DONE as ids 0 and -1.  DONE runs once, with CHOSEN false when cancelled;
 * LABEL is the line's text.  Returns key-handler flags, or -1 when FILTER
 * lists no inquiry (nothing is opened and DONE is not called). */
typedef int inquiry_chosen_fn(struct ui *ui, void *ctx, bool chosen, int64_t id,
			      const char *label);
int ui_choose_inquiry(struct ui *ui, const char *title, enum inquiry_filter filter,
		      const char *first, const char *last, int64_t selected,
		      inquiry_chosen_fn *done, void *ctx);

/* Shared by Home and the Entry and Inquiry screens: start a new entry of
 * FRAME through the frame's default template (the inquiry frame asks
 * which inquiry when INQUIRY_ID is 0); write one without prompts; follow
 * up action ACTION_ID through its follow-up template, or freely.  Return
 * key-handler flags. */
int ui_start_entry(struct ui *ui, enum entry_frame frame, int64_t inquiry_id);
int ui_write_free(struct ui *ui, enum entry_frame frame, int64_t inquiry_id);
int ui_follow_up(struct ui *ui, int64_t action_id);
int ui_follow_up_free(struct ui *ui, int64_t action_id);
/* Choose any template and start it (Home). */
int ui_choose_template(struct ui *ui);
/* The bundled and user templates, loaded on first use (never NULL). */
struct template_set *ui_templates(struct ui *ui);
/* Ask for a question, open a new inquiry and start its first entry. */
int ui_new_inquiry(struct ui *ui);
/* Resume the unfinished entry kept as draft ID. */
int ui_resume_draft(struct ui *ui, int64_t id);
/* Bring back the entry moved to the trash last (Home, Browse, Entry). */
int ui_undo_trash(struct ui *ui);

/* One line about an unfinished entry, for Home: "critical incident:
 * Handover went wrong" (the Writing screen owns the draft's format), or
 * "guided: Gibbs: ..." for a template run. */
struct draft;
void write_draft_summary(const struct draft *d, char *out, size_t size);
/* Keep TEXT, an edit of entry E made elsewhere (in $EDITOR from the Entry
 * screen) that could not be saved, as a draft the Writing screen resumes.
 * Returns 0 or -1. */
int write_keep_draft(struct ui *ui, const struct entry *e, const char *text);

#endif
