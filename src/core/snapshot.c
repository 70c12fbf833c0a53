/*
 * snapshot.c — keeping each template version's text as first used
 * (template_version rows).  The hash is recomputed before keeping, so a
 * snapshot found by its hash is always the text that hash names.
 */
#include "praxis/snapshot.h"

#include "db.h"
#include "praxis/sha256.h"

#include <string.h>

static int check_template_id(const char *id, struct px_error *err)
{
	size_t len = id ? strlen(id) : 0;
	int ok = len > 0 && len <= 40 && id[0] != '-';
	for (const char *p = id; ok && *p; p++)
		ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-';
	if (!ok)
		return px_error_set(err, PX_ERR_INVALID,
				    "'%.60s' is not a template id (lower-case letters, digits and "
				    "'-', at most 40, starting with a letter or digit)",
				    id ? id : "");
	return 0;
}

static int check_hash(const char *hash, struct px_error *err)
{
	size_t len = hash ? strlen(hash) : 0;
	int ok = len == SHA256_HEX_SIZE - 1;
	for (size_t i = 0; ok && i < len; i++)
		ok = (hash[i] >= '0' && hash[i] <= '9') || (hash[i] >= 'a' && hash[i] <= 'f');
	if (!ok)
		return px_error_set(err, PX_ERR_INVALID,
				    "'%.80s' is not a template hash (64 lower-case hex digits)",
				    hash ? hash : "");
	return 0;
}

static int check_snapshot(const char *template_id, int version, const char *hash,
			  const char *yaml, struct px_error *err)
{
	if (check_template_id(template_id, err) < 0 || check_hash(hash, err) < 0)
		return -1;
	if (version < 0)
		return px_error_set(err, PX_ERR_INVALID, "template '%s': version %d is negative",
				    template_id, version);
	if (!yaml)
		return px_error_set(err, PX_ERR_INVALID,
				    "template '%s' version %d: no text to keep",
				    template_id, version);
	char actual[SHA256_HEX_SIZE];
	sha256_hex(yaml, strlen(yaml), actual);
	if (strcmp(actual, hash) != 0)
		return px_error_set(err, PX_ERR_INVALID,
				    "template '%s' version %d: the hash %.12s… does not match its "
				    "text (%.12s…)", template_id, version, hash, actual);
	return 0;
}

static const char SQL_KEEP[] =
	"INSERT INTO template_version (template_id, version, hash, yaml, first_used)"
	" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING";

int snapshot_keep(struct journal *j, const char *template_id, int version, const char *hash,
		  const char *yaml, struct px_error *err)
{
	char now[21];
	if (check_snapshot(template_id, version, hash, yaml, err) < 0 ||
	    db_now_utc(now, err) < 0 || journal_begin(j, err) < 0)
		return -1;
	sqlite3_stmt *s = db_stmt(j, SQL_KEEP, err);
	if (!s) {
		journal_rollback(j);
		return -1;
	}
	db_bind_text(s, 1, template_id);
	db_bind_int(s, 2, version);
	db_bind_text(s, 3, hash);
	db_bind_text(s, 4, yaml);
	db_bind_text(s, 5, now);
	if (db_exec_stmt(j, s, "keeping the template's text", err) < 0) {
		journal_rollback(j);
		return -1;
	}
	return journal_commit(j, err);
}

static const char SQL_GET[] =
	"SELECT yaml FROM template_version WHERE template_id = ?1 AND version = ?2 AND hash = ?3";
static const char SQL_GET_LATEST[] =
	"SELECT yaml FROM template_version WHERE template_id = ?1 AND version = ?2"
	" ORDER BY first_used DESC, hash LIMIT 1";

int snapshot_get(struct journal *j, const char *template_id, int version, const char *hash,
		 char **yaml, struct px_error *err)
{
	*yaml = NULL;
	if (!template_id)
		return px_error_set(err, PX_ERR_INVALID, "a snapshot needs its template id");
	sqlite3_stmt *s = db_stmt(j, hash ? SQL_GET : SQL_GET_LATEST, err);
	if (!s)
		return -1;
	db_bind_text(s, 1, template_id);
	db_bind_int(s, 2, version);
	if (hash)
		db_bind_text(s, 3, hash);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*yaml = db_col_dup(s, 0);
	db_done(s);
	if (rc == SQLITE_DONE)
		return px_error_set(err, PX_ERR_NOT_FOUND,
				    "template '%s' version %d: no snapshot in the journal",
				    template_id, version);
	return rc == SQLITE_ROW ? 0 : db_fail(j, rc, "reading the template's text", err);
}
