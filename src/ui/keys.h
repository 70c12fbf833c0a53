/*
 * keys.h — every action the UI can take, declared once, and the keys that
 * ask for them.
 *
 * UI_REQUESTS below is the one list of actions: each has an identifier, a
 * name (what `:` accepts and help shows), a group and a help sentence.
 * The list expands into enum req, req_name(), req_group() and req_help(),
 * so a new action cannot exist without its name and its help.  Each screen
 * has a const key table (struct keymap) mapping keys to requests; the main
 * loop looks a key up in the top screen's table and hands the request to
 * the screen, and the help screen walks the same table.  Help and
 * behaviour cannot drift apart because there is nothing else to read.
 *
 * Keys are 32-bit values: a character as its code point (controls as
 * 1..31, Esc 27, DEL 127), a curses function key as UIK_FN | its KEY_
 * code (UIK_FN | KEY_UP), and Alt+character (Esc then the character) as
 * UIK_META | code point.
 */
#ifndef PRAXIS_UI_KEYS_H
#define PRAXIS_UI_KEYS_H

#include <curses.h>
#include <stddef.h>
#include <stdint.h>

#define UIK_FN 0x01000000
#define UIK_META 0x02000000
#define UIK_CTRL(c) ((c) & 0x1f)
#define UIK_ESC 27
#define UIK_TAB 9
#define UIK_ENTER 13
#define UIK_DEL 127
/* Keys terminfo defines by name rather than by a fixed curses code. */
#define UIK_CTRL_LEFT (UIK_FN | 0x10001)
#define UIK_CTRL_RIGHT (UIK_FN | 0x10002)
#define UIK_CTRL_HOME (UIK_FN | 0x10003)
#define UIK_CTRL_END (UIK_FN | 0x10004)
/* The loop's own events, never bound in a table. */
#define UIK_RESIZE (UIK_FN | 0x20001)

enum req_group {
	GROUP_MOVE,
	GROUP_OPEN,
	GROUP_WRITE,
	GROUP_EDIT,
	GROUP_FIND,
	GROUP_EXPORT,
	GROUP_ENTRY,
	GROUP_INQUIRY,
	GROUP_REVIEW,
	GROUP_GENERAL,
};
#define GROUP_COUNT 10

/* X(identifier, name, group, help sentence) */
#define UI_REQUESTS(X) \
	X(UP, "up", GROUP_MOVE, "Move up one line") \
	X(DOWN, "down", GROUP_MOVE, "Move down one line") \
	X(PAGE_UP, "page-up", GROUP_MOVE, "Move up one page") \
	X(PAGE_DOWN, "page-down", GROUP_MOVE, "Move down one page") \
	X(FIRST, "first", GROUP_MOVE, "Go to the top") \
	X(LAST, "last", GROUP_MOVE, "Go to the bottom") \
	X(OPEN, "open", GROUP_OPEN, "Open the selected line") \
	X(BACK, "back", GROUP_OPEN, "Go back to the previous screen (on Home: leave praxis)") \
	X(BROWSE, "browse", GROUP_OPEN, "Browse every entry, newest first") \
	X(HOME, "home", GROUP_OPEN, "Go back to Home") \
	X(SHOW_INQUIRY, "inquiry", GROUP_OPEN, "Show the chain of the inquiry") \
	X(REVIEW, "review", GROUP_OPEN, "Review a period as a whole: what came up, what changed, what recurs") \
	X(NEW_NOTE, "note", GROUP_WRITE, "Write a quick note") \
	X(NEW_INCIDENT, "incident", GROUP_WRITE, "Write about a critical incident") \
	X(NEW_PERIOD, "period", GROUP_WRITE, "Review a period of time (this week unless you change it)") \
	X(NEW_INQUIRY_ENTRY, "inquiry-entry", GROUP_WRITE, "Write an entry in an inquiry") \
	X(NEW_INQUIRY, "new-inquiry", GROUP_WRITE, "Open a new inquiry: a question to follow") \
	X(RESUME, "resume", GROUP_WRITE, "Resume the selected unfinished entry") \
	X(DISCARD, "discard", GROUP_WRITE, "Throw away the selected unfinished entry") \
	X(FOLLOW_UP, "follow-up", GROUP_WRITE, "Reflect on the selected action that is due") \
	X(WRITE_FREE, "write", GROUP_WRITE, "Write without prompts (the selected follow-up, or a frame you choose)") \
	X(TEMPLATE, "template", GROUP_WRITE, "Choose a reflective model (template) to write with") \
	X(SAVE, "save", GROUP_WRITE, "Save the entry (guided: once every step is done)") \
	X(NEXT_STEP, "next-step", GROUP_WRITE, "Answer this step and go to the next") \
	X(PREV_STEP, "previous-step", GROUP_WRITE, "Go back to the previous step") \
	X(TOGGLE, "toggle", GROUP_EDIT, "Tick or untick the option (several may be ticked)") \
	X(EXTERNAL, "external", GROUP_WRITE, "Edit the text in $EDITOR") \
	X(SET_DATE, "date", GROUP_WRITE, "Set when the entry is about (a period: its dates)") \
	X(LEFT, "left", GROUP_EDIT, "Move back one character") \
	X(RIGHT, "right", GROUP_EDIT, "Move forward one character") \
	X(WORD_LEFT, "word-left", GROUP_EDIT, "Move back one word") \
	X(WORD_RIGHT, "word-right", GROUP_EDIT, "Move forward one word") \
	X(LINE_START, "line-start", GROUP_EDIT, "Go to the start of the line") \
	X(LINE_END, "line-end", GROUP_EDIT, "Go to the end of the line") \
	X(NEWLINE, "newline", GROUP_EDIT, "Start a new line") \
	X(BACKSPACE, "backspace", GROUP_EDIT, "Delete the character before the cursor") \
	X(DELETE, "delete", GROUP_EDIT, "Delete the character under the cursor") \
	X(CUT_LINE, "cut-line", GROUP_EDIT, "Cut the line (again: add the next line to the cut)") \
	X(PASTE, "paste", GROUP_EDIT, "Paste the lines cut last") \
	X(UNDO_CHANGE, "undo-change", GROUP_EDIT, "Undo the last change (again: redo it)") \
	X(SEARCH, "search", GROUP_FIND, "Search as you type: words, \"a phrase\", prefix*, -word, tag:NAME") \
	X(NEXT_MATCH, "next-match", GROUP_FIND, "Go to the next match") \
	X(PREV_MATCH, "previous-match", GROUP_FIND, "Go to the previous match") \
	X(FILTER_FRAME, "frame", GROUP_FIND, "Show one frame only") \
	X(FILTER_TAG, "tag-filter", GROUP_FIND, "Show entries with a tag ('power/' for a family)") \
	X(FILTER_PERSON, "person", GROUP_FIND, "Show entries mentioning a person") \
	X(FILTER_INQUIRY, "inquiry-filter", GROUP_FIND, "Show the entries of one inquiry") \
	X(FILTER_DATES, "dates", GROUP_FIND, "Show a date range ('last week', '2026-03', FROM..TO)") \
	X(FILTER_CLEAR, "clear", GROUP_FIND, "Clear the search and every filter") \
	X(EXPORT, "export", GROUP_EXPORT, "Export the entries listed, as filtered, to a file") \
	X(EDIT, "edit", GROUP_ENTRY, "Edit the entry") \
	X(EDIT_EXTERNAL, "edit-external", GROUP_ENTRY, "Edit the entry in $EDITOR") \
	X(TAG, "tag", GROUP_ENTRY, "Add tags to the entry (-name takes one off)") \
	X(PLAN, "plan", GROUP_ENTRY, "Plan an action to try, with a date to follow it up") \
	X(TRASH, "trash", GROUP_ENTRY, "Move the entry to the trash") \
	X(UNDO, "undo", GROUP_ENTRY, "Bring back the entry moved to the trash last") \
	X(CHAIN_PREV, "previous", GROUP_ENTRY, "Go to the previous entry of the inquiry") \
	X(CHAIN_NEXT, "next", GROUP_ENTRY, "Go to the next entry of the inquiry") \
	X(CLOSE_INQUIRY, "close", GROUP_INQUIRY, "Close the inquiry, with a summary") \
	X(REOPEN_INQUIRY, "reopen", GROUP_INQUIRY, "Open the closed inquiry again") \
	X(PERIOD_PREV, "previous-period", GROUP_REVIEW, "Review the period before") \
	X(PERIOD_NEXT, "next-period", GROUP_REVIEW, "Review the period after (up to the one holding today)") \
	X(BY_WEEK, "week", GROUP_REVIEW, "Review a week at a time") \
	X(BY_MONTH, "month", GROUP_REVIEW, "Review a month at a time") \
	X(BY_QUARTER, "quarter", GROUP_REVIEW, "Review a quarter (a term of three months) at a time") \
	X(BY_YEAR, "year", GROUP_REVIEW, "Review a year at a time") \
	X(REVIEW_DATES, "review-period", GROUP_REVIEW, "Review any period: 'last week', '2026-03', '2026-Q1', FROM..TO") \
	X(HELP, "help", GROUP_GENERAL, "Show the keys of this screen") \
	X(COMMAND, "command", GROUP_GENERAL, "Run an action by name (the names are in this help)") \
	X(REDRAW, "redraw", GROUP_GENERAL, "Redraw the screen, reading the journal again") \
	X(SUSPEND, "suspend", GROUP_GENERAL, "Suspend praxis (your shell's fg brings it back)") \
	X(QUIT, "quit", GROUP_GENERAL, "Leave praxis (unfinished writing is kept as a draft)")

#define REQ_ENUM_(id, name, group, help) REQ_##id,
enum req {
	REQ_NONE,
	UI_REQUESTS(REQ_ENUM_)
	REQ_TICK,       /* not a key: time passed (autosave when due) */
	REQ_FLUSH,      /* not a key: keep unsaved work now (before Ctrl-Z) */
	REQ_COUNT
};
#undef REQ_ENUM_

const char *req_name(enum req r);
enum req_group req_group(enum req r);
const char *req_help(enum req r);
const char *req_group_name(enum req_group g);
/* The request called NAME, or REQ_NONE. */
enum req req_by_name(const char *name);

struct key_binding {
	int32_t key;
	enum req req;
};

struct keymap {
	const struct key_binding *bindings;
	size_t len;
	const char *note;       /* one line for the help screen, or NULL */
};

#define KEYMAP(table, note) { (table), sizeof(table) / sizeof((table)[0]), (note) }

/* The keys every screen that takes no text binds the same way. */
#define KEYS_COMMON \
	{ '?', REQ_HELP }, { ':', REQ_COMMAND }, { UIK_CTRL('l'), REQ_REDRAW }, \
	{ UIK_CTRL('z'), REQ_SUSPEND }, { 'Q', REQ_QUIT }, { UIK_CTRL('c'), REQ_QUIT }
/* Moving in a list or a page. */
#define KEYS_MOVE \
	{ 'k', REQ_UP }, { UIK_FN | KEY_UP, REQ_UP }, { 'j', REQ_DOWN }, \
	{ UIK_FN | KEY_DOWN, REQ_DOWN }, { UIK_FN | KEY_PPAGE, REQ_PAGE_UP }, \
	{ UIK_CTRL('b'), REQ_PAGE_UP }, { UIK_FN | KEY_NPAGE, REQ_PAGE_DOWN }, \
	{ ' ', REQ_PAGE_DOWN }, { UIK_CTRL('f'), REQ_PAGE_DOWN }, { 'g', REQ_FIRST }, \
	{ UIK_FN | KEY_HOME, REQ_FIRST }, { 'G', REQ_LAST }, { UIK_FN | KEY_END, REQ_LAST }

/* The editor's keys, shared by the Writing and Guided reflection screens. */
#define KEYS_EDIT \
	{ UIK_FN | KEY_LEFT, REQ_LEFT }, { UIK_FN | KEY_RIGHT, REQ_RIGHT }, \
	{ UIK_CTRL_LEFT, REQ_WORD_LEFT }, { UIK_META | 'b', REQ_WORD_LEFT }, \
	{ UIK_CTRL_RIGHT, REQ_WORD_RIGHT }, { UIK_META | 'f', REQ_WORD_RIGHT }, \
	{ UIK_FN | KEY_UP, REQ_UP }, { UIK_FN | KEY_DOWN, REQ_DOWN }, \
	{ UIK_FN | KEY_PPAGE, REQ_PAGE_UP }, { UIK_FN | KEY_NPAGE, REQ_PAGE_DOWN }, \
	{ UIK_FN | KEY_HOME, REQ_LINE_START }, { UIK_CTRL('a'), REQ_LINE_START }, \
	{ UIK_FN | KEY_END, REQ_LINE_END }, { UIK_CTRL('e'), REQ_LINE_END }, \
	{ UIK_CTRL_HOME, REQ_FIRST }, { UIK_CTRL_END, REQ_LAST }, \
	{ UIK_ENTER, REQ_NEWLINE }, { UIK_FN | KEY_ENTER, REQ_NEWLINE }, \
	{ UIK_DEL, REQ_BACKSPACE }, { UIK_FN | KEY_BACKSPACE, REQ_BACKSPACE }, \
	{ UIK_CTRL('h'), REQ_BACKSPACE }, { UIK_FN | KEY_DC, REQ_DELETE }, \
	{ UIK_CTRL('d'), REQ_DELETE }, { UIK_CTRL('k'), REQ_CUT_LINE }, \
	{ UIK_CTRL('u'), REQ_PASTE }, { UIK_CTRL('y'), REQ_PASTE }, \
	{ UIK_CTRL('_'), REQ_UNDO_CHANGE }, { UIK_META | 'u', REQ_UNDO_CHANGE }
/* Where text is typed, ? and : are text: help and commands move to keys
 * that type nothing. */
#define KEYS_COMMON_TYPING \
	{ UIK_FN | KEY_F(1), REQ_HELP }, { UIK_CTRL('g'), REQ_HELP }, \
	{ UIK_META | 'x', REQ_COMMAND }, { UIK_CTRL('l'), REQ_REDRAW }, \
	{ UIK_CTRL('z'), REQ_SUSPEND }, { UIK_CTRL('c'), REQ_QUIT }

/* The request KEY is bound to in M, or REQ_NONE. */
enum req keymap_lookup(const struct keymap *m, int32_t key);
/* Whether M binds any key to R. */
int keymap_has(const struct keymap *m, enum req r);
/* Every key bound to R in M, as "j, Down" (empty when none). */
void keymap_keys_of(const struct keymap *m, enum req r, char *out, size_t size);

/* The UTF-8 bytes of KEY when it is a character to type as text (not a
 * control, a C1 control, a surrogate, a function or Alt key) into OUT,
 * NUL-terminated; returns their number (1 to 4), or 0. */
size_t key_text(int32_t key, char out[5]);

/* A key as help shows it: "j", "Enter", "^S", "PgDn", "M-b", "F1". */
void key_label(int32_t key, char *out, size_t size);

#endif
