/*
 * draft.c — saving unfinished work often and cheaply: one cached check and
 * one cached write per save, each in a transaction that either lands whole
 * or leaves the draft stored before it untouched.  Payloads are stored as
 * given; nothing about their content can make a save fail.
 */
#include "praxis/draft.h"

#include "db.h"
#include "praxis/buf.h"

#include <stdlib.h>
#include <string.h>

const char *draft_kind_name(enum draft_kind kind)
{
	return kind == DRAFT_RUN ? "run" : "entry";
}

void draft_init(struct draft *d)
{
	memset(d, 0, sizeof *d);
	d->label = px_xstrdup("");
	d->payload = px_xstrdup("");
}

void draft_free(struct draft *d)
{
	free(d->template_id);
	free(d->label);
	free(d->payload);
	memset(d, 0, sizeof *d);
}

void draft_set(char **field, const char *value)
{
	char *copy = value ? px_xstrdup(value) : NULL;
	free(*field);
	*field = copy;
}

/* Everything a save refers to exists: one statement for the three checks,
 * since this runs every few seconds. */
static int check_refs(struct journal *j, const struct draft *d, struct px_error *err)
{
	static const char SQL[] =
		"SELECT ?1 = 0 OR EXISTS (SELECT 1 FROM draft WHERE id = ?1),"
		" ?2 = 0 OR EXISTS (SELECT 1 FROM entry WHERE id = ?2),"
		" ?3 = 0 OR EXISTS (SELECT 1 FROM action WHERE id = ?3)";
	if (d->kind != DRAFT_ENTRY && d->kind != DRAFT_RUN)
		return px_error_set(err, PX_ERR_INVALID, "a draft is of kind entry or run");
	sqlite3_stmt *s = db_stmt(j, SQL, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, d->id);
	db_bind_int(s, 2, d->entry_id);
	db_bind_int(s, 3, d->action_id);
	int rc = sqlite3_step(s);
	int draft_ok = rc == SQLITE_ROW && sqlite3_column_int(s, 0);
	int entry_ok = rc == SQLITE_ROW && sqlite3_column_int(s, 1);
	int action_ok = rc == SQLITE_ROW && sqlite3_column_int(s, 2);
	db_done(s);
	if (rc != SQLITE_ROW)
		return db_fail(j, rc, "saving the draft", err);
	if (!draft_ok)
		return px_error_set(err, PX_ERR_NOT_FOUND, "draft %lld: no such draft",
				    (long long)d->id);
	if (!entry_ok)
		return px_error_set(err, PX_ERR_NOT_FOUND, "entry %lld: no such entry",
				    (long long)d->entry_id);
	if (!action_ok)
		return px_error_set(err, PX_ERR_NOT_FOUND, "action %lld: no such action",
				    (long long)d->action_id);
	return 0;
}

static const char SQL_INSERT[] =
	"INSERT INTO draft (kind, entry_id, action_id, template_id, label, payload, created_at,"
	" updated_at) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)";
static const char SQL_UPDATE[] =
	"UPDATE draft SET kind = ?2, entry_id = ?3, action_id = ?4, template_id = ?5, label = ?6,"
	" payload = ?7, updated_at = ?8 WHERE id = ?1";

/* The one write of a save; the statements share parameter numbers. */
static int write_draft(struct journal *j, const struct draft *d, const char *now,
		       struct px_error *err)
{
	sqlite3_stmt *s = db_stmt(j, d->id ? SQL_UPDATE : SQL_INSERT, err);
	if (!s)
		return -1;
	if (d->id)
		db_bind_int(s, 1, d->id);
	db_bind_text(s, 2, draft_kind_name(d->kind));
	db_bind_id(s, 3, d->entry_id);
	db_bind_id(s, 4, d->action_id);
	db_bind_text(s, 5, d->template_id);
	db_bind_text_or_empty(s, 6, d->label);
	db_bind_text_or_empty(s, 7, d->payload);
	db_bind_text(s, 8, now);
	if (db_exec_stmt(j, s, "saving the draft", err) < 0)
		return -1;
	if (d->id && sqlite3_changes(j->db) != 1)
		return px_error_set(err, PX_ERR_NOT_FOUND, "draft %lld: no such draft",
				    (long long)d->id);
	return 0;
}

int draft_save(struct journal *j, struct draft *d, struct px_error *err)
{
	char now[21];
	if (check_refs(j, d, err) < 0 || db_now_utc(now, err) < 0 || journal_begin(j, err) < 0)
		return -1;
	if (write_draft(j, d, now, err) < 0) {
		journal_rollback(j);
		return -1;
	}
	int64_t id = d->id ? d->id : sqlite3_last_insert_rowid(j->db);
	if (journal_commit(j, err) < 0)
		return -1;
	if (!d->id) {
		d->id = id;
		memcpy(d->created_at, now, sizeof d->created_at);
	}
	memcpy(d->updated_at, now, sizeof d->updated_at);
	return 0;
}

#define DRAFT_SELECT \
	"SELECT id, kind, coalesce(entry_id, 0), coalesce(action_id, 0), template_id, label," \
	" payload, created_at, updated_at FROM draft"

static const char SQL_GET[] = DRAFT_SELECT " WHERE id = ?1";
static const char SQL_LIST[] = DRAFT_SELECT " ORDER BY updated_at DESC, id DESC";

static void row_to_draft(sqlite3_stmt *s, struct draft *d)
{
	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(s, 0);
	const unsigned char *kind = sqlite3_column_text(s, 1);
	d->kind = kind && strcmp((const char *)kind, "run") == 0 ? DRAFT_RUN : DRAFT_ENTRY;
	d->entry_id = sqlite3_column_int64(s, 2);
	d->action_id = sqlite3_column_int64(s, 3);
	if (sqlite3_column_type(s, 4) != SQLITE_NULL)
		d->template_id = db_col_dup(s, 4);
	d->label = db_col_dup(s, 5);
	d->payload = db_col_dup(s, 6);
	db_col_copy(s, 7, d->created_at, sizeof d->created_at);
	db_col_copy(s, 8, d->updated_at, sizeof d->updated_at);
}

int draft_get(struct journal *j, int64_t id, struct draft *out, struct px_error *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(j, SQL_GET, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		row_to_draft(s, out);
	db_done(s);
	if (rc == SQLITE_DONE)
		return px_error_set(err, PX_ERR_NOT_FOUND,
				    "draft %lld: no such draft", (long long)id);
	return rc == SQLITE_ROW ? 0 : db_fail(j, rc, "reading the draft", err);
}

int draft_list(struct journal *j, int (*fn)(const struct draft *d, void *ctx), void *ctx,
	       struct px_error *err)
{
	sqlite3_stmt *s = db_stmt(j, SQL_LIST, err);
	if (!s)
		return -1;
	struct draft *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		px_grow((void **)&rows, &cap, n + 1, sizeof *rows);
		row_to_draft(s, &rows[n++]);
	}
	db_done(s);
	int passed = rc == SQLITE_DONE ? 0 : db_fail(j, rc, "listing drafts", err);
	int stop = passed < 0;
	for (size_t i = 0; i < n; i++) {
		if (!stop) {
			passed++;
			stop = fn && fn(&rows[i], ctx) != 0;
		}
		draft_free(&rows[i]);
	}
	free(rows);
	return passed;
}

int draft_delete(struct journal *j, int64_t id, struct px_error *err)
{
	static const char SQL_EXISTS[] = "SELECT 1 FROM draft WHERE id = ?1";
	static const char SQL_DELETE[] = "DELETE FROM draft WHERE id = ?1";
	sqlite3_stmt *s = db_stmt(j, SQL_EXISTS, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, id);
	int rc = sqlite3_step(s);
	db_done(s);
	if (rc == SQLITE_DONE)
		return px_error_set(err, PX_ERR_NOT_FOUND,
				    "draft %lld: no such draft", (long long)id);
	if (rc != SQLITE_ROW)
		return db_fail(j, rc, "finding the draft", err);
	if (journal_begin(j, err) < 0)
		return -1;
	if (!(s = db_stmt(j, SQL_DELETE, err))) {
		journal_rollback(j);
		return -1;
	}
	db_bind_int(s, 1, id);
	if (db_exec_stmt(j, s, "deleting the draft", err) < 0) {
		journal_rollback(j);
		return -1;
	}
	return journal_commit(j, err);
}
