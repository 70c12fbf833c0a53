/*
 * term.h — the terminal, owned: starting curses, giving the terminal back
 * on every way out, signals, Ctrl-Z, handing the screen to $EDITOR, and
 * reading keys.
 *
 * term_start() saves the tty state (tcgetattr) before curses touches it
 * and precomputes the bytes that leave curses' screen mode.  From then on
 * one function restores the terminal, whatever the way out:
 *   - term_stop() on a normal exit (endwin, then the saved tty state);
 *   - SIGTERM, SIGINT, SIGHUP and SIGQUIT are deferred: the handler only
 *     records the signal, the input loop sees it within a tick, closes
 *     every screen (so unsaved text becomes a draft), restores and
 *     re-raises it with the default action; a second such signal restores
 *     and re-raises at once, from the handler;
 *   - crashes (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT: failed asserts
 *     and out of memory) restore from the handler with async-signal-safe
 *     calls only (write, tcsetattr), then let the signal kill the process
 *     as it would have (sanitizers still print their report);
 *   - an exit() from anywhere runs the same restore through atexit.
 * SIGWINCH is curses' own: resizes arrive as keys (UIK_RESIZE).
 */
#ifndef PRAXIS_UI_TERM_H
#define PRAXIS_UI_TERM_H

#include "praxis/error.h"

#include <stdbool.h>
#include <stdint.h>

/* Start curses on the terminal (stdin and stdout must be one).  Returns 0,
 * or -1 with ERR saying why (unknown $TERM, ...): nothing is changed then. */
int term_start(struct px_error *err);
/* Give the terminal back as it was.  Safe to call twice. */
void term_stop(void);
/* Colours are on: the terminal has them and NO_COLOR is unset or empty. */
bool term_colors(void);

/* Read one key, waiting at most TIMEOUT_MS (-1: for ever).  Returns 1 with
 * *key set, or 0 when the time passed or a signal arrived. */
int term_read_key(int timeout_ms, int32_t *key);

/* The deferred signal that arrived (SIGTERM, ...), or 0. */
int term_pending_signal(void);
/* Restore the terminal, then die of SIG as if never caught. */
void term_die_of(int sig) __attribute__((noreturn));

/* Ctrl-Z: give the terminal back, stop, and take it again on fg. */
void term_suspend(void);

/* Run $EDITOR on TEXT with curses suspended (editor.h), then take the
 * screen back; the caller redraws everything.  As editor_run(). */
int term_edit_external(const char *text, char **out, struct px_error *err);

/* PRAXIS_TRACE: when set to a file name, the UI appends one line per
 * event ("<seconds since the epoch> <event> <detail>") so that benchmarks
 * can time the real program from outside; nothing is written otherwise. */
void trace_event(const char *event, const char *detail);

#endif
