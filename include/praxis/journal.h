/*
 * journal.h — opening, closing and guarding a praxis journal.
 *
 * A journal is one SQLite file.  journal_open() resolves nothing: the
 * caller passes the path (journal_default_path() gives the one praxis uses
 * when neither --db nor $PRAXIS_DB is set).  Opening:
 *   - refuses a path that is a symbolic link, a directory, or a file that is
 *     not an SQLite database, or an SQLite database that is not a praxis
 *     journal (PX_ERR_NOT_JOURNAL), without writing a byte to it;
 *   - refuses a journal made by a newer praxis (PX_ERR_VERSION), untouched;
 *   - refuses (PX_ERR_UNSAFE) when another user could read or replace it:
 *     its folder belongs to another user (root excepted) or every user may
 *     write in it (a sticky /tmp included: the -wal and -shm files come and
 *     go, so anyone could plant them), or the journal, its -wal or its -shm
 *     belongs to another user or is not a regular file.  Only the folder
 *     holding the journal is checked, not the ones above it.  Lesser risks
 *     (a folder its group may write in, a journal others may read) open
 *     with a warning, journal_warning();
 *   - with JOURNAL_CREATE creates the missing directory (0700) and the file
 *     (0600); SQLite gives its -wal and -shm files the same mode;
 *   - opens a file it cannot write read-only (journal_readonly() says so;
 *     every change then fails with PX_ERR_READONLY);
 *   - applies pending schema migrations, each in its own transaction, so a
 *     failure leaves the journal at its previous version.
 *
 * Every change to the journal is one transaction.  Core functions that
 * write open their own (journal_begin .. journal_commit); a caller that
 * needs several changes to land together (the prompt engine, import) wraps
 * them in its own journal_begin/journal_commit: begins nest, and only the
 * outermost commit writes.  journal_rollback() abandons the whole
 * outermost transaction.  Transactions are BEGIN IMMEDIATE, so a second
 * writer waits up to the busy timeout and then fails with PX_ERR_BUSY
 * ("journal busy") before anything is changed.
 *
 * A journal handle belongs to one thread at a time: it caches statements
 * and counts transaction depth without locks, and SQLite is opened without
 * its own mutex accordingly.
 *
 * journal_close() finalizes every statement.  It returns -1 when a
 * transaction or a statement was still open: a bug in the caller, which
 * tests assert never happens.
 */
#ifndef PRAXIS_JOURNAL_H
#define PRAXIS_JOURNAL_H

#include "praxis/error.h"

#include <stdint.h>

struct journal;

enum journal_flags {
	JOURNAL_CREATE = 1 << 0,   /* create the file (and its directory) if missing */
	JOURNAL_READONLY = 1 << 1, /* never write, not even migrations */
};

#define JOURNAL_BUSY_TIMEOUT_MS 5000

/* The default journal path: $PRAXIS_DB, else $XDG_DATA_HOME/praxis/journal.db,
 * else $HOME/.local/share/praxis/journal.db.  Caller frees *out. */
int journal_default_path(char **out, struct px_error *err);

int journal_open(const char *path, unsigned flags, struct journal **out, struct px_error *err);
int journal_close(struct journal *j);

const char *journal_path(const struct journal *j);
/* What opening found that puts the journal's privacy at risk without being
 * worth refusing over, as one line for the face to print as a warning
 * ("'/srv/j': its group may write in the journal's folder …"), or NULL. */
const char *journal_warning(const struct journal *j);
int journal_readonly(const struct journal *j);
/* Schema version of the open journal, and the newest this praxis knows. */
int journal_schema_version(const struct journal *j);
int journal_schema_latest(void);

int journal_begin(struct journal *j, struct px_error *err);
int journal_commit(struct journal *j, struct px_error *err);
void journal_rollback(struct journal *j);

/* Whether another connection (another praxis, a `praxis add` in another
 * terminal) committed a change to the journal since the last call, or
 * since it was opened: 1 yes, 0 no, -1 with ERR set.  This handle's own
 * changes do not count; a face that keeps the journal open (the UI)
 * calls it when idle and before handling keys, to show what others
 * wrote.  It costs one read of a counter SQLite keeps in the journal's
 * shared memory (PRAGMA data_version), no table is read; a journal
 * opened read-only from read-only media never changes. */
int journal_changed(struct journal *j, struct px_error *err);

/* Integrity and foreign-key check.  Calls FN once per problem found (a
 * readable line); returns the number of problems, or -1 on error. */
int journal_check(struct journal *j, void (*fn)(const char *problem, void *ctx), void *ctx,
		  struct px_error *err);

/* Copy the journal to DEST with SQLite's online backup (consistent even
 * while others write).  DEST must not exist; it is written to a temporary
 * file beside it (mode 0600) and renamed into place when complete. */
int journal_backup(struct journal *j, const char *dest, struct px_error *err);

/* A fresh random UUID (version 4), lowercase, 36 characters. */
void journal_uuid(char out[37]);
/* 1 when S is a UUID as the journal stores them: lowercase hex in the
 * 8-4-4-4-12 pattern (any version), else 0. */
int journal_uuid_valid(const char *s);

#endif
