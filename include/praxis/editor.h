/*
 * editor.h — handing text to the user's own editor ($VISUAL or $EDITOR),
 * for both faces: `praxis add` and `praxis edit` on the command line, and
 * the UI's "edit in $EDITOR" key (which suspends curses around the call).
 *
 * The text goes to a file made with mkstemps inside a private directory
 * (mkdtemp, mode 0700), both removed afterwards whatever happened.  The
 * editor command is split on blanks and run with execvp, never through a
 * shell, so a crafted variable cannot run more than the program it names.
 * The call waits for the editor; it prints nothing and changes no signal
 * disposition (the caller decides what the terminal does meanwhile).
 */
#ifndef PRAXIS_EDITOR_H
#define PRAXIS_EDITOR_H

#include "praxis/error.h"

#include <stddef.h>

/* Run the editor on a private temporary copy of TEXT, a file whose name
 * ends in SUFFIX (".md"), and return the edited text in *out (the caller
 * frees).  Fails (PX_ERR_INVALID) when neither variable is set, and
 * (PX_ERR_IO) when the editor cannot run or exits with a failure.  On
 * failure *out still holds the text as the editor left it (or TEXT) so the
 * caller can keep it as a draft. */
int editor_run(const char *text, const char *suffix, char **out, struct px_error *err);

/* Read the whole file PATH (at most MAX bytes, never through a symbolic
 * link) into *OUT, NUL-terminated and the caller's to free, and its length
 * into *LEN (may be NULL): what the editor left, or an answers file.  A
 * missing file is PX_ERR_NOT_FOUND, a larger one PX_ERR_LIMIT. */
int editor_read_file(const char *path, size_t max, char **out, size_t *len, struct px_error *err);

/* Write all LEN bytes of S to FD, retrying short and interrupted writes;
 * 0, or -1 with errno set (ENOSPC on a full disk). */
int editor_write_all(int fd, const char *s, size_t len);

#endif
