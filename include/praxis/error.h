/*
 * error.h — how the core reports failure.
 *
 * The core never prints and never exits.  A function that can fail takes a
 * `struct px_error *` as its last argument (NULL is allowed and discards the
 * detail), returns -1 (or NULL) and fills the error with a code, the place
 * the problem is in (a file with line and column for templates and imports,
 * or a subject such as an entry id) and a reason.  The faces print it as one
 * line with px_error_format():
 *
 *     praxis: prompts/notes.yaml:3:7: steps[0].kind: 'txt' is not a kind (did you mean 'text'?)
 *     praxis: entry 42: no such entry
 *
 * Only the first error set is kept: the innermost failure is usually the
 * most precise, and callers higher up add nothing by overwriting it.
 */
#ifndef PRAXIS_ERROR_H
#define PRAXIS_ERROR_H

#include <stddef.h>

enum px_error_code {
	PX_OK = 0,
	PX_ERR_INVALID,   /* bad input from the user: a date, an id, a body */
	PX_ERR_NOT_FOUND, /* no such entry, inquiry, action, template, file */
	PX_ERR_IO,        /* a file or directory could not be read or written */
	PX_ERR_DB,        /* SQLite failed in a way the user cannot fix by retyping */
	PX_ERR_BUSY,      /* another praxis holds the journal past the busy timeout */
	PX_ERR_READONLY,  /* the journal cannot be written */
	PX_ERR_VERSION,   /* the journal is from a newer praxis */
	PX_ERR_NOT_JOURNAL, /* the file is not a praxis journal (or not SQLite) */
	PX_ERR_CORRUPT,   /* the journal failed an integrity check */
	PX_ERR_NOMEM,     /* out of memory */
	PX_ERR_SYNTAX,    /* a template, import or query that does not parse */
	PX_ERR_LIMIT,     /* input past a documented limit */
	PX_ERR_UNSAFE,    /* another user could read or replace the journal */
};

#define PX_ERROR_WHERE_MAX 512
#define PX_ERROR_MSG_MAX 1024

struct px_error {
	enum px_error_code code;
	char where[PX_ERROR_WHERE_MAX]; /* "file.yaml", "entry 42", "" */
	int line;                       /* 1-based; 0 when not about a file */
	int column;                     /* 1-based; 0 when unknown */
	char msg[PX_ERROR_MSG_MAX];     /* lower case, no full stop */
};

/* Reset to "no error". */
void px_error_clear(struct px_error *err);

/* Set code and message (printf-style) unless an error is already set.
 * Always returns -1 so that `return px_error_set(...)` reads naturally. */
int px_error_set(struct px_error *err, enum px_error_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* As px_error_set, with the place: WHERE (may be NULL), LINE and COLUMN
 * (0 when unknown). */
int px_error_at(struct px_error *err, enum px_error_code code, const char *where,
		int line, int column, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Replace the place of an error already set (e.g. the CLI knows the file
 * name the core saw only as a buffer).  No effect when no error is set. */
void px_error_locate(struct px_error *err, const char *where, int line, int column);

/* One line without the "praxis: " prefix: "where:line:col: msg" or "msg". */
void px_error_format(const struct px_error *err, char *out, size_t size);

/* The name of a code, for JSON output and tests ("invalid", "busy", …). */
const char *px_error_code_name(enum px_error_code code);

#endif
