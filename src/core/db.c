/*
 * db.c — opening a journal safely, migrating its schema, the statement
 * cache, transactions, integrity checks and online backup.  The rules a
 * journal file must pass before praxis writes a byte to it are stated in
 * journal.h; this file enforces them in that order.
 */
#include "db.h"

#include "praxis/buf.h"
#include "praxis/date.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct migration {
	int number;
	const char *name;
	const char *sql;
};

#include "schema_sql.h"

#define MIGRATION_COUNT ((int)(sizeof migrations / sizeof migrations[0]))
/* 'PRXS': marks the file as a praxis journal for file(1) and for us. */
#define PRAXIS_APPLICATION_ID 0x50525853

/* ---- statements ---------------------------------------------------------- */

sqlite3_stmt *db_stmt(struct journal *j, const char *sql, struct px_error *err)
{
	for (size_t i = 0; i < j->nstmts; i++)
		if (j->stmts[i].sql == sql)
			return j->stmts[i].stmt;
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v3(j->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
	if (rc != SQLITE_OK) {
		db_fail(j, rc, "preparing a statement", err);
		return NULL;
	}
	px_grow((void **)&j->stmts, &j->capstmts, j->nstmts + 1, sizeof *j->stmts);
	j->stmts[j->nstmts++] = (struct stmt_slot){ sql, stmt, NULL };
	return stmt;
}

sqlite3_stmt *db_stmt_composed(struct journal *j, const char *sql, struct px_error *err)
{
	for (size_t i = 0; i < j->nstmts; i++)
		if (j->stmts[i].owned_sql && strcmp(j->stmts[i].owned_sql, sql) == 0)
			return j->stmts[i].stmt;
	char *copy = px_xstrdup(sql);
	sqlite3_stmt *stmt = db_stmt(j, copy, err);
	if (!stmt) {
		free(copy);
		return NULL;
	}
	j->stmts[j->nstmts - 1].owned_sql = copy;
	return stmt;
}

void db_done(sqlite3_stmt *stmt)
{
	if (!stmt)
		return;
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
}

int db_fail(struct journal *j, int rc, const char *what, struct px_error *err)
{
	const char *detail = j && j->db ? sqlite3_errmsg(j->db) : sqlite3_errstr(rc);
	/* SQLite calls a full disk SQLITE_FULL only when the database grows;
	 * its WAL index or journal failing to grow is a plain I/O error. */
	if (j && j->db && (rc & 0xff) == SQLITE_IOERR && sqlite3_system_errno(j->db) == ENOSPC)
		rc = SQLITE_FULL;
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return px_error_set(err, PX_ERR_BUSY,
				    "%s: journal busy: another praxis is writing to it; try again",
				    what);
	case SQLITE_READONLY:
		return px_error_set(err, PX_ERR_READONLY, "%s: the journal is read-only", what);
	case SQLITE_FULL:
		return px_error_set(err, PX_ERR_IO, "%s: the disk is full; nothing was changed",
				    what);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		return px_error_set(err, PX_ERR_IO, "%s: %s", what, detail);
	case SQLITE_CORRUPT:
		return px_error_set(err, PX_ERR_CORRUPT, "%s: the journal is damaged (%s)", what,
				    detail);
	case SQLITE_NOTADB:
		return px_error_set(err, PX_ERR_NOT_JOURNAL, "not an SQLite database");
	case SQLITE_NOMEM:
		return px_error_set(err, PX_ERR_NOMEM, "%s: out of memory", what);
	default:
		return px_error_set(err, PX_ERR_DB, "%s: %s", what, detail);
	}
}

int db_exec_stmt(struct journal *j, sqlite3_stmt *stmt, const char *what, struct px_error *err)
{
	int rc = sqlite3_step(stmt);
	db_done(stmt);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_fail(j, rc, what, err);
	return 0;
}

int db_exec(struct journal *j, const char *sql, const char *what, struct px_error *err)
{
	sqlite3_stmt *stmt = db_stmt(j, sql, err);
	return stmt ? db_exec_stmt(j, stmt, what, err) : -1;
}

int db_bind_text(sqlite3_stmt *s, int i, const char *text)
{
	if (!text)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, text, -1, SQLITE_TRANSIENT);
}

int db_bind_text_or_empty(sqlite3_stmt *s, int i, const char *text)
{
	return sqlite3_bind_text(s, i, text ? text : "", -1, SQLITE_TRANSIENT);
}

int db_bind_id(sqlite3_stmt *s, int i, int64_t id)
{
	return id ? sqlite3_bind_int64(s, i, id) : sqlite3_bind_null(s, i);
}

int db_bind_int(sqlite3_stmt *s, int i, int64_t v)
{
	return sqlite3_bind_int64(s, i, v);
}

char *db_col_dup(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	return px_xstrdup(t ? (const char *)t : "");
}

void db_col_copy(sqlite3_stmt *s, int col, char *out, size_t size)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	snprintf(out, size, "%s", t ? (const char *)t : "");
}

int db_now_utc(char out[21], struct px_error *err)
{
	const char *fixed = getenv("PRAXIS_NOW");
	if (fixed && *fixed) {
		/* The test seam: the fixed time stands for UTC too. */
		struct px_datetime now;
		if (date_now(&now, err) < 0)
			return -1;
		char local[20];
		datetime_format(&now, local);
		snprintf(out, 21, "%sZ", local);
		return 0;
	}
	time_t t = time(NULL);
	struct tm tm;
	if (!gmtime_r(&t, &tm))
		return px_error_set(err, PX_ERR_IO, "the system clock is unreadable");
	strftime(out, 21, "%Y-%m-%d %H:%M:%SZ", &tm);
	return 0;
}

int db_check_utc(const char *what, const char *s, struct px_error *err)
{
	struct px_datetime dt;
	char local[20];
	if (!s || strlen(s) != 20 || s[19] != 'Z')
		return px_error_set(err, PX_ERR_INVALID, "%s '%.40s' is not a UTC time "
				    "(YYYY-MM-DD HH:MM:SSZ)", what, s ? s : "");
	memcpy(local, s, 19);
	local[19] = '\0';
	if (datetime_parse_storage(local, &dt) < 0 || !dt.has_time)
		return px_error_set(err, PX_ERR_INVALID, "%s '%s' is not a valid time", what, s);
	return 0;
}

void journal_uuid(char out[37])
{
	unsigned char b[16];
	size_t got = 0;
	while (got < sizeof b) {
		ssize_t n = getrandom(b + got, sizeof b - got, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			abort(); /* no entropy at all: nothing sensible to continue with */
		got += (size_t)n;
	}
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(out, 37,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11],
		 b[12], b[13], b[14], b[15]);
}

int journal_uuid_valid(const char *s)
{
	static const char shape[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
	if (!s || strlen(s) != sizeof shape - 1)
		return 0;
	for (size_t i = 0; shape[i]; i++) {
		char c = s[i];
		int hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
		if (shape[i] == '-' ? c != '-' : !hex)
			return 0;
	}
	return 1;
}

/* ---- transactions -------------------------------------------------------- */

static const char SQL_BEGIN[] = "BEGIN IMMEDIATE";
static const char SQL_COMMIT[] = "COMMIT";
static const char SQL_ROLLBACK[] = "ROLLBACK";

int journal_begin(struct journal *j, struct px_error *err)
{
	if (j->readonly)
		return px_error_set(err, PX_ERR_READONLY,
				    "the journal '%s' is read-only; nothing can be changed", j->path);
	if (j->tx_depth++ > 0)
		return 0;
	j->tx_failed = 0;
	if (db_exec(j, SQL_BEGIN, "starting a change", err) < 0) {
		j->tx_depth = 0;
		return -1;
	}
	return 0;
}

int journal_commit(struct journal *j, struct px_error *err)
{
	if (j->tx_depth <= 0)
		return px_error_set(err, PX_ERR_DB, "commit without a transaction");
	if (--j->tx_depth > 0)
		return 0;
	if (j->tx_failed) {
		db_exec(j, SQL_ROLLBACK, "undoing a change", NULL);
		return px_error_set(err, PX_ERR_DB, "part of the change failed; nothing was saved");
	}
	if (db_exec(j, SQL_COMMIT, "saving the change", err) < 0) {
		if (!sqlite3_get_autocommit(j->db))
			db_exec(j, SQL_ROLLBACK, "undoing a change", NULL);
		return -1;
	}
	return 0;
}

void journal_rollback(struct journal *j)
{
	if (j->tx_depth <= 0)
		return;
	if (--j->tx_depth > 0) {
		j->tx_failed = 1;
		return;
	}
	if (!sqlite3_get_autocommit(j->db))
		db_exec(j, SQL_ROLLBACK, "undoing a change", NULL);
}

/* ---- opening ------------------------------------------------------------- */

int journal_default_path(char **out, struct px_error *err)
{
	const char *env = getenv("PRAXIS_DB");
	if (env && *env) {
		*out = px_xstrdup(env);
		return 0;
	}
	struct px_buf b = PX_BUF_INIT;
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (xdg && xdg[0] == '/') {
		px_buf_addf(&b, "%s/praxis/journal.db", xdg);
	} else if (home && home[0] == '/') {
		px_buf_addf(&b, "%s/.local/share/praxis/journal.db", home);
	} else {
		return px_error_set(err, PX_ERR_INVALID,
				    "no journal path: set HOME or XDG_DATA_HOME, or use --db PATH");
	}
	*out = px_buf_detach(&b);
	return 0;
}

/* mkdir -p of PATH's parent; only the directories we create get 0700, as
 * existing ones (a home directory) are not ours to change. */
static int make_parent_dirs(const char *path, struct px_error *err)
{
	char *dir = px_xstrdup(path);
	char *slash = strrchr(dir, '/');
	int rc = 0;
	if (!slash || slash == dir) {
		free(dir);
		return 0;
	}
	*slash = '\0';
	for (char *p = dir + 1; rc == 0; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char saved = *p;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST)
			rc = px_error_at(err, PX_ERR_IO, dir, 0, 0,
					 "cannot create the journal's directory: %s", strerror(errno));
		*p = saved;
		if (saved == '\0')
			break;
	}
	if (rc == 0) {
		struct stat st;
		if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
			rc = px_error_at(err, PX_ERR_IO, dir, 0, 0, "not a directory");
	}
	free(dir);
	return rc;
}

/* Inspect PATH before SQLite sees it.  *exists says whether there is a
 * journal to open; nothing is ever written here. */
static int inspect_path(const char *path, int *exists, struct px_error *err)
{
	struct stat st;
	*exists = 0;
	if (lstat(path, &st) < 0) {
		if (errno == ENOENT)
			return 0;
		return px_error_at(err, PX_ERR_IO, path, 0, 0, "%s", strerror(errno));
	}
	if (S_ISLNK(st.st_mode))
		return px_error_at(err, PX_ERR_NOT_JOURNAL, path, 0, 0,
				   "is a symbolic link; praxis opens only a regular file "
				   "(use the link's target with --db)");
	if (S_ISDIR(st.st_mode))
		return px_error_at(err, PX_ERR_NOT_JOURNAL, path, 0, 0,
				   "is a directory, not a journal file");
	if (!S_ISREG(st.st_mode))
		return px_error_at(err, PX_ERR_NOT_JOURNAL, path, 0, 0, "is not a regular file");
	*exists = 1;
	if (st.st_size == 0)
		return 0; /* an empty file becomes a new journal */
	static const char magic[16] = "SQLite format 3";
	char head[16];
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return px_error_at(err, PX_ERR_IO, path, 0, 0, "%s", strerror(errno));
	ssize_t n = read(fd, head, sizeof head);
	close(fd);
	if (n != (ssize_t)sizeof head || memcmp(head, magic, sizeof magic) != 0)
		return px_error_at(err, PX_ERR_NOT_JOURNAL, path, 0, 0,
				   "not a praxis journal (not an SQLite database); left untouched");
	return 0;
}

/* PATH's folder: "." when PATH names none.  Caller frees. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return px_xstrdup(".");
	return px_xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
}

/* PATH with its folder resolved.  SQLITE_OPEN_NOFOLLOW refuses a link
 * anywhere in the name, but only the last part must not be one (checked
 * before SQLite sees it); a home or data folder reached through a link is
 * common and safe.  Caller frees; NULL with ERR set. */
static char *resolved_path(const char *path, struct px_error *err)
{
	char *dir = folder_of(path);
	char *real = realpath(dir, NULL);
	free(dir);
	if (!real) {
		px_error_at(err, PX_ERR_IO, path, 0, 0, "%s", strerror(errno));
		return NULL;
	}
	const char *slash = strrchr(path, '/');
	struct px_buf b = PX_BUF_INIT;
	px_buf_addf(&b, "%s/%s", strcmp(real, "/") == 0 ? "" : real, slash ? slash + 1 : path);
	free(real);
	return px_buf_detach(&b);
}

/* The journal, its -wal or its -shm (SUFFIX): absent (-wal and -shm only),
 * or a regular file of ours.  A group- or world-readable journal is noted
 * in WARN. */
static int inspect_own_file(const char *path, const char *suffix, char *warn, size_t size,
			    struct px_error *err)
{
	struct px_buf name = PX_BUF_INIT;
	px_buf_addf(&name, "%s%s", path, suffix);
	struct stat st;
	int rc = 0;
	if (lstat(name.data, &st) < 0) {
		if (errno != ENOENT || !*suffix)
			rc = px_error_at(err, PX_ERR_IO, name.data, 0, 0, "%s", strerror(errno));
	} else if (!S_ISREG(st.st_mode)) {
		rc = px_error_at(err, PX_ERR_UNSAFE, name.data, 0, 0,
				 "is not a regular file (a link or a device in place of the "
				 "journal's own file); left untouched");
	} else if (st.st_uid != geteuid()) {
		rc = px_error_at(err, PX_ERR_UNSAFE, name.data, 0, 0,
				 "belongs to another user (uid %u); praxis opens only a journal "
				 "of your own", (unsigned)st.st_uid);
	} else if (!*suffix && (st.st_mode & 077) && !*warn) {
		snprintf(warn, size, "'%s': other users may read the journal (mode %04o); "
			 "'chmod 600' makes it private", path, (unsigned)(st.st_mode & 07777));
	}
	px_buf_free(&name);
	return rc;
}

/* Who else could read or replace the journal (journal.h): refusals in ERR,
 * a lesser risk as one line in WARN.  EXISTS: the journal is already there
 * (its folder always is by now). */
static int inspect_privacy(const char *path, int exists, char *warn, size_t size,
			   struct px_error *err)
{
	char *dir = folder_of(path);
	struct stat st;
	int rc = 0;
	if (stat(dir, &st) < 0)
		rc = px_error_at(err, PX_ERR_IO, dir, 0, 0, "%s", strerror(errno));
	else if (st.st_uid != geteuid() && st.st_uid != 0)
		rc = px_error_at(err, PX_ERR_UNSAFE, dir, 0, 0,
				 "the journal's folder belongs to another user (uid %u), who could "
				 "read or replace the journal; keep it in a folder of your own",
				 (unsigned)st.st_uid);
	else if (st.st_mode & S_IWOTH)
		rc = px_error_at(err, PX_ERR_UNSAFE, dir, 0, 0,
				 "every user may write in the journal's folder and could replace "
				 "the journal or plant its -wal file; keep it in a private folder "
				 "('chmod 700')");
	else if (st.st_mode & S_IWGRP)
		snprintf(warn, size, "'%s': its group may write in the journal's folder and could "
			 "replace the journal; 'chmod g-w' on the folder stops that", dir);
	free(dir);
	if (rc == 0 && exists)
		rc = inspect_own_file(path, "", warn, size, err) < 0 ||
		     inspect_own_file(path, "-wal", warn, size, err) < 0 ||
		     inspect_own_file(path, "-shm", warn, size, err) < 0 ? -1 : 0;
	return rc;
}

static int create_file(const char *path, struct px_error *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 && errno != EEXIST)
		return px_error_at(err, PX_ERR_IO, path, 0, 0, "cannot create the journal: %s",
				   strerror(errno));
	if (fd >= 0)
		close(fd);
	return 0;
}

static int pragma_int(struct journal *j, const char *sql, int *out, struct px_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(j->db, sql, -1, &stmt, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(stmt, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_OK ? 0 : db_fail(j, rc, "reading the journal", err);
}

/* Is this SQLite file ours, and can this praxis read its schema?  Reads only. */
static int verify_identity(struct journal *j, int *fresh, struct px_error *err)
{
	/* One statement, so one snapshot: read apart, the three could straddle
	 * another praxis creating the journal and make it look foreign. */
	static const char SQL[] =
		"SELECT (SELECT application_id FROM pragma_application_id),"
		" (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)";
	int app_id = 0, version = 0, tables = 0;
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(j->db, SQL, -1, &stmt, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		app_id = sqlite3_column_int(stmt, 0);
		version = sqlite3_column_int(stmt, 1);
		tables = sqlite3_column_int(stmt, 2);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_OK)
		return db_fail(j, rc, "reading the journal", err);
	*fresh = app_id == 0 && version == 0 && tables == 0;
	if (!*fresh && app_id != PRAXIS_APPLICATION_ID)
		return px_error_at(err, PX_ERR_NOT_JOURNAL, j->path, 0, 0,
				   "an SQLite database but not a praxis journal; left untouched");
	if (version > MIGRATION_COUNT)
		return px_error_at(err, PX_ERR_VERSION, j->path, 0, 0,
				   "made by a newer praxis (journal schema %d, this praxis "
				   "knows up to %d); upgrade praxis, the journal was not touched",
				   version, MIGRATION_COUNT);
	j->schema_version = version;
	return 0;
}

/* A new journal's pages are 16 KiB rather than SQLite's 4 KiB: entries are
 * paragraphs of text and a full-text index, and at 100k entries importing
 * one took 15-20% less time and reading every row 30% less (make bench).
 * It can only be chosen before the first write; a journal made with
 * another size keeps it. */
#define JOURNAL_PAGE_SIZE 16384

static int set_pragmas(struct journal *j, int fresh, struct px_error *err)
{
	if (fresh && !j->readonly) {
		char sql[48];
		snprintf(sql, sizeof sql, "PRAGMA page_size=%d", JOURNAL_PAGE_SIZE);
		int rc = sqlite3_exec(j->db, sql, NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			return db_fail(j, rc, "setting up the journal", err);
	}
	const char *sql = j->readonly
		? "PRAGMA foreign_keys=ON; PRAGMA query_only=ON;"
		: "PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
		  " PRAGMA secure_delete=ON;";
	/* Turning a new journal to WAL needs every other connection out of the
	 * way, and SQLite answers busy at once, without its busy handler, when
	 * waiting could deadlock (two praxis creating one journal): wait here
	 * as long as the busy timeout.  The pragmas are safe to repeat. */
	int rc, waited = 0;
	while ((rc = sqlite3_exec(j->db, sql, NULL, NULL, NULL)) != SQLITE_OK &&
	       (rc & 0xff) == SQLITE_BUSY && waited < JOURNAL_BUSY_TIMEOUT_MS) {
		sqlite3_sleep(10);
		waited += 10;
	}
	return rc == SQLITE_OK ? 0 : db_fail(j, rc, "setting up the journal", err);
}

static int migrate(struct journal *j, struct px_error *err)
{
	for (int i = j->schema_version; i < MIGRATION_COUNT; i++) {
		const struct migration *m = &migrations[i];
		char pragmas[96];
		snprintf(pragmas, sizeof pragmas, "PRAGMA user_version=%d; PRAGMA application_id=%d;",
			 m->number, PRAXIS_APPLICATION_ID);
		if (j->readonly)
			return px_error_at(err, PX_ERR_READONLY, j->path, 0, 0,
					   "needs upgrading to schema %d but is read-only", m->number);
		if (m->number != i + 1)
			return px_error_set(err, PX_ERR_DB, "migration %s is out of sequence", m->name);
		if (journal_begin(j, err) < 0)
			return -1;
		/* Another praxis may have migrated while this one waited for the
		 * write lock: only the version read under the lock counts. */
		int current = 0;
		if (pragma_int(j, "PRAGMA user_version", &current, err) < 0) {
			journal_rollback(j);
			return -1;
		}
		if (current >= m->number) {
			journal_rollback(j);
			j->schema_version = current;
			i = current - 1;
			continue;
		}
		int rc = sqlite3_exec(j->db, m->sql, NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(j->db, pragmas, NULL, NULL, NULL);
		if (rc != SQLITE_OK) {
			db_fail(j, rc, m->name, err);
			journal_rollback(j);
			return -1;
		}
		if (journal_commit(j, err) < 0)
			return -1;
		j->schema_version = m->number;
	}
	return 0;
}

/* How SQLite is to open the read-only journal REAL.  SQLite keeps its WAL
 * index in a -shm file beside the journal and, on read-only media (a
 * folder it cannot write), cannot make one and refuses to read at all.
 * With no -wal there is nothing outside the file itself, so it can be read
 * as immutable (*NAME becomes that URI); with one, changes are waiting that
 * only a writer can fold in.  *NAME stays REAL otherwise. */
static int readonly_name(const char *real, char **name, struct px_error *err)
{
	char *dir = folder_of(real);
	int writable_dir = access(dir, W_OK) == 0;
	free(dir);
	if (writable_dir)
		return 0;
	struct px_buf b = PX_BUF_INIT;
	struct stat st;
	px_buf_addf(&b, "%s-wal", real);
	int pending = stat(b.data, &st) == 0 && st.st_size > 0;
	px_buf_free(&b);
	if (pending)
		return px_error_set(err, PX_ERR_READONLY,
				    "the journal is on read-only media with changes not yet folded "
				    "into it (its -wal file); open it once where it can be written");
	px_buf_adds(&b, "file:");
	for (const unsigned char *p = (const unsigned char *)real; *p; p++) {
		if (strchr("?#%", *p) || *p < 0x21 || *p > 0x7e)
			px_buf_addf(&b, "%%%02X", *p);   /* a URI: quote what it would read */
		else
			px_buf_addc(&b, (char)*p);
	}
	px_buf_adds(&b, "?immutable=1");
	free(*name);
	*name = px_buf_detach(&b);
	return 0;
}

static int open_sqlite(struct journal *j, struct px_error *err)
{
	int ro = j->readonly;
	if (!ro && access(j->path, W_OK) < 0 && (errno == EACCES || errno == EROFS))
		ro = j->readonly = 1;
	/* No mutex: a struct journal (its statement cache, its transaction
	 * depth) is not safe to share between threads whatever SQLite does,
	 * and taking SQLite's lock on every call was 40% of reading 100k
	 * entries for an export. */
	int flags = (ro ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOFOLLOW |
		    SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
	char *real = resolved_path(j->path, err);
	if (!real || (ro && readonly_name(real, &real, err) < 0)) {
		free(real);
		px_error_locate(err, j->path, 0, 0);
		return -1;
	}
	int rc = sqlite3_open_v2(real, &j->db, flags, NULL);
	free(real);
	if (rc != SQLITE_OK) {
		db_fail(j, rc, "opening the journal", err);
		px_error_locate(err, j->path, 0, 0);
		return -1;
	}
	sqlite3_extended_result_codes(j->db, 1);
	/* SQLite falls back to reading when it cannot open the file to write
	 * (media that turned read-only); say so as for a file we cannot write. */
	if (sqlite3_db_readonly(j->db, "main") == 1)
		j->readonly = 1;
	/* Before the first read: another praxis checkpointing or creating the
	 * journal holds it for a moment, and reading must wait, not fail. */
	sqlite3_busy_timeout(j->db, JOURNAL_BUSY_TIMEOUT_MS);
	return 0;
}

int journal_open(const char *path, unsigned flags, struct journal **out, struct px_error *err)
{
	int exists = 0;
	*out = NULL;
	if (!path || !*path)
		return px_error_set(err, PX_ERR_INVALID, "the journal path is empty");
	if (inspect_path(path, &exists, err) < 0)
		return -1;
	if (!exists) {
		if (!(flags & JOURNAL_CREATE) || (flags & JOURNAL_READONLY))
			return px_error_at(err, PX_ERR_NOT_FOUND, path, 0, 0, "no journal here");
		if (make_parent_dirs(path, err) < 0)
			return -1;
	}
	char warning[PX_ERROR_MSG_MAX] = "";
	if (inspect_privacy(path, exists, warning, sizeof warning, err) < 0 ||
	    (!exists && create_file(path, err) < 0))
		return -1;
	struct journal *j = px_xcalloc(1, sizeof *j);
	j->path = px_xstrdup(path);
	j->warning = warning[0] ? px_xstrdup(warning) : NULL;
	j->readonly = (flags & JOURNAL_READONLY) != 0;
	int fresh = 0;
	if (open_sqlite(j, err) < 0 || verify_identity(j, &fresh, err) < 0 ||
	    (fresh && j->readonly &&
	     px_error_at(err, PX_ERR_NOT_JOURNAL, path, 0, 0, "an empty read-only file") < 0) ||
	    set_pragmas(j, fresh, err) < 0 || migrate(j, err) < 0) {
		journal_close(j);
		return -1;
	}
	/* What journal_changed compares with: changes from here on. */
	if (journal_changed(j, err) < 0) {
		journal_close(j);
		return -1;
	}
	*out = j;
	return 0;
}

int db_cache_set(struct journal *j, int value)
{
	/* 0 is "leave it": what a size that could not be read is given back
	 * as, so that putting it back never sets a cache of nothing. */
	int old = 0;
	sqlite3_stmt *s = NULL;
	if (value != 0 && sqlite3_prepare_v2(j->db, "PRAGMA cache_size", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		old = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	if (old == 0)
		return 0;
	char sql[48];
	snprintf(sql, sizeof sql, "PRAGMA cache_size=%d", value);
	sqlite3_exec(j->db, sql, NULL, NULL, NULL);   /* only ever a hint */
	return old;
}

int journal_changed(struct journal *j, struct px_error *err)
{
	static const char SQL_DATA_VERSION[] = "PRAGMA data_version";
	sqlite3_stmt *s = db_stmt(j, SQL_DATA_VERSION, err);
	if (!s)
		return -1;
	int rc = sqlite3_step(s);
	int64_t version = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	db_done(s);
	if (rc != SQLITE_ROW)
		return db_fail(j, rc, "checking the journal for changes", err);
	int changed = version != j->data_version;
	j->data_version = version;
	return changed;
}

int journal_close(struct journal *j)
{
	int clean = 0;
	if (!j)
		return 0;
	if (j->tx_depth > 0) {
		clean = -1;
		j->tx_depth = 1;
		journal_rollback(j);
	}
	for (size_t i = 0; i < j->nstmts; i++) {
		if (sqlite3_stmt_busy(j->stmts[i].stmt))
			clean = -1;
		sqlite3_finalize(j->stmts[i].stmt);
		free(j->stmts[i].owned_sql);
	}
	free(j->stmts);
	if (j->db && sqlite3_close(j->db) != SQLITE_OK)
		clean = -1;
	free(j->path);
	free(j->warning);
	free(j);
	return clean;
}

const char *journal_path(const struct journal *j) { return j->path; }
const char *journal_warning(const struct journal *j) { return j->warning; }
int journal_readonly(const struct journal *j) { return j->readonly; }
int journal_schema_version(const struct journal *j) { return j->schema_version; }
int journal_schema_latest(void) { return MIGRATION_COUNT; }

/* ---- check and backup ---------------------------------------------------- */

int journal_check(struct journal *j, void (*fn)(const char *problem, void *ctx), void *ctx,
		  struct px_error *err)
{
	static const char SQL_INTEGRITY[] = "PRAGMA integrity_check";
	static const char SQL_FKEYS[] = "PRAGMA foreign_key_check";
	int problems = 0, rc;
	sqlite3_stmt *s = db_stmt(j, SQL_INTEGRITY, err);
	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(s, 0);
		if (line && strcmp(line, "ok") != 0) {
			fn(line, ctx);
			problems++;
		}
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return db_fail(j, rc, "checking the journal", err);
	if (!(s = db_stmt(j, SQL_FKEYS, err)))
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		char line[256];
		snprintf(line, sizeof line, "table %s row %lld refers to a missing %s row",
			 (const char *)sqlite3_column_text(s, 0),
			 (long long)sqlite3_column_int64(s, 1),
			 (const char *)sqlite3_column_text(s, 2));
		fn(line, ctx);
		problems++;
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return db_fail(j, rc, "checking the journal's links", err);
	return problems;
}

static int backup_into(struct journal *j, const char *tmp, struct px_error *err)
{
	sqlite3 *dst = NULL;
	int rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_backup *b = sqlite3_backup_init(dst, "main", j->db, "main");
		if (!b) {
			rc = sqlite3_errcode(dst);
		} else {
			do {
				rc = sqlite3_backup_step(b, 256);
				if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
					sqlite3_sleep(20);
			} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
			sqlite3_backup_finish(b);
			if (rc == SQLITE_DONE)
				rc = sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
		}
	}
	if (rc != SQLITE_OK && rc != SQLITE_DONE) {
		px_error_at(err, (rc & 0xff) == SQLITE_FULL ? PX_ERR_IO : PX_ERR_DB, tmp, 0, 0,
			    "backup failed: %s", dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
		sqlite3_close(dst);
		return -1;
	}
	if (sqlite3_close(dst) != SQLITE_OK)
		return px_error_at(err, PX_ERR_IO, tmp, 0, 0, "backup could not be closed");
	return 0;
}

int journal_backup(struct journal *j, const char *dest, struct px_error *err)
{
	struct stat st;
	if (lstat(dest, &st) == 0)
		return px_error_at(err, PX_ERR_INVALID, dest, 0, 0,
				   "already exists; choose a new file name for the backup");
	struct px_buf tmp = PX_BUF_INIT;
	px_buf_addf(&tmp, "%s.tmp-XXXXXX", dest);
	int fd = mkstemp(tmp.data);
	if (fd < 0) {
		px_error_at(err, PX_ERR_IO, dest, 0, 0, "cannot write the backup: %s",
			    strerror(errno));
		px_buf_free(&tmp);
		return -1;
	}
	fchmod(fd, 0600);
	close(fd);
	char *real = resolved_path(tmp.data, err);
	int rc = real ? backup_into(j, real, err) : -1;
	free(real);
	if (rc == 0 && link(tmp.data, dest) < 0) /* link(): never replaces an existing file */
		rc = px_error_at(err, PX_ERR_IO, dest, 0, 0, "cannot write the backup: %s",
				 strerror(errno));
	unlink(tmp.data);
	px_buf_free(&tmp);
	return rc;
}
