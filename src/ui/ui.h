/*
 * ui.h — the full-screen journal, as main.c sees it: one call that runs
 * the screens on an open journal until the user leaves.
 *
 * The caller has checked that standard input and output are terminals,
 * opened the journal (creating it on first use) and called setlocale; it
 * closes the journal afterwards.  ui_run() owns the terminal meanwhile and
 * gives it back as it found it on every way out (term.h).  Errors that
 * stop the UI from starting are printed as one "praxis: ..." line.
 */
#ifndef PRAXIS_UI_UI_H
#define PRAXIS_UI_UI_H

#include "praxis/journal.h"

/* Returns the exit status: 0, or 1 when the screen could not start. */
int ui_run(struct journal *j);

#endif
