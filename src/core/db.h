/*
 * db.h — the core's private statement layer over SQLite.  Only src/core
 * includes this; nothing outside the core ever sees sqlite3.
 *
 * Statements are prepared once per journal and cached by the address of
 * their SQL text (always a string literal), so hot paths never re-parse.
 * db_stmt() hands out a reset statement with its bindings cleared; the
 * caller steps it and calls db_done() when finished, which resets it so
 * that journal_close() can tell a forgotten statement from a finished one.
 */
#ifndef PRAXIS_CORE_DB_H
#define PRAXIS_CORE_DB_H

#include "praxis/error.h"
#include "praxis/journal.h"

#include <sqlite3.h>
#include <stdint.h>

struct stmt_slot {
	const char *sql;
	sqlite3_stmt *stmt;
	char *owned_sql;   /* composed statements: the cache's copy of the text */
};

struct journal {
	sqlite3 *db;
	char *path;
	char *warning;     /* journal_warning(): NULL when none */
	int readonly;
	int schema_version;
	int tx_depth;      /* nesting of journal_begin */
	int tx_failed;     /* an inner level rolled back: the outer commit must not */
	struct stmt_slot *stmts;
	size_t nstmts, capstmts;
	int64_t data_version;  /* PRAGMA data_version when journal_changed last looked */
};

/* A cached, reset statement for SQL (a string literal), or NULL with ERR set. */
sqlite3_stmt *db_stmt(struct journal *j, const char *sql, struct px_error *err);
/* As db_stmt for SQL composed at run time from constant fragments (never
 * from data): cached by its text, which the cache copies. */
sqlite3_stmt *db_stmt_composed(struct journal *j, const char *sql, struct px_error *err);
/* Reset STMT and clear its bindings: the caller is finished with it. */
void db_done(sqlite3_stmt *stmt);

/* Translate the journal's last SQLite failure (RC) into ERR, with WHAT as
 * the subject ("saving entry").  Returns -1. */
int db_fail(struct journal *j, int rc, const char *what, struct px_error *err);

/* Step a statement that returns no rows, then db_done() it. */
int db_exec_stmt(struct journal *j, sqlite3_stmt *stmt, const char *what, struct px_error *err);
/* Run SQL (a literal, no parameters) through the cache with no rows expected. */
int db_exec(struct journal *j, const char *sql, const char *what, struct px_error *err);

/* Binding helpers: NULL text and 0 ids bind as SQL NULL where noted. */
int db_bind_text(sqlite3_stmt *s, int i, const char *text);       /* NULL → NULL */
int db_bind_text_or_empty(sqlite3_stmt *s, int i, const char *text);
int db_bind_id(sqlite3_stmt *s, int i, int64_t id);                /* 0 → NULL */
int db_bind_int(sqlite3_stmt *s, int i, int64_t v);

/* Column helpers: a malloc'd copy ("" for NULL), or a copy into a fixed buffer. */
char *db_col_dup(sqlite3_stmt *s, int col);
void db_col_copy(sqlite3_stmt *s, int col, char *out, size_t size);

/* The page cache for a bulk change: db_cache_set sets PRAGMA cache_size to
 * VALUE (negative: KiB; positive: pages) and returns the value it had, so
 * the caller can put it back.  0 leaves the cache as it is, and is what
 * comes back when the size could not be read (nothing was changed). */
int db_cache_set(struct journal *j, int value);

/* The current UTC time for record keeping, 'YYYY-MM-DD HH:MM:SSZ'.  Follows
 * the PRAXIS_NOW seam (read as UTC) so tests see fixed values. */
int db_now_utc(char out[21], struct px_error *err);
/* S is such a time, a real one: 0, or -1 with ERR naming WHAT. */
int db_check_utc(const char *what, const char *s, struct px_error *err);

#endif
