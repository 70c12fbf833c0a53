/*
 * person.c — listing the people entries mention, and keeping the role and
 * pseudonym an anonymised export relies on.  The rules a pseudonym must
 * pass are in person.h; they are checked inside the same transaction as
 * the change, so two people can never end up sharing one.
 */
#include "praxis/person.h"

#include "db.h"
#include "praxis/buf.h"
#include "praxis/entry.h"
#include "praxis/suggest.h"
#include "praxis/text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void person_free(struct person *p)
{
	free(p->name);
	free(p->role);
	free(p->pseudonym);
	memset(p, 0, sizeof *p);
}

static const char *bare(const char *name)
{
	return name && name[0] == '@' ? name + 1 : name;
}

/* ---- reading --------------------------------------------------------------- */

/* Mentions in trashed entries are left out by naming the small, indexed
 * trash, so counting reads only entry_person_by_person, never entry rows. */
#define PERSON_SELECT \
	"SELECT p.id, p.name, p.role, p.pseudonym, (SELECT count(*) FROM entry_person ep" \
	" WHERE ep.person_id = p.id AND ep.entry_id NOT IN" \
	" (SELECT id FROM entry WHERE deleted_at IS NOT NULL)) AS n FROM person p"

static const char SQL_LIST[] = PERSON_SELECT " ORDER BY n DESC, p.name COLLATE NOCASE";
static const char SQL_GET[] = PERSON_SELECT " WHERE p.name = ?1";

static void row_to_person(sqlite3_stmt *s, struct person *p)
{
	p->id = sqlite3_column_int64(s, 0);
	p->name = db_col_dup(s, 1);
	p->role = db_col_dup(s, 2);
	p->pseudonym = db_col_dup(s, 3);
	p->entries = sqlite3_column_int64(s, 4);
}

int person_list(struct journal *j, int (*fn)(const struct person *p, void *ctx), void *ctx,
		struct px_error *err)
{
	sqlite3_stmt *s = db_stmt(j, SQL_LIST, err);
	if (!s)
		return -1;
	int rc, n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct person p = { 0 };
		row_to_person(s, &p);
		n++;
		int stop = fn(&p, ctx);
		person_free(&p);
		if (stop) {
			rc = SQLITE_DONE;
			break;
		}
	}
	if (rc != SQLITE_DONE)
		db_fail(j, rc, "listing people", err);
	db_done(s);
	return rc == SQLITE_DONE ? n : -1;
}

static int not_found(struct journal *j, const char *name, struct px_error *err)
{
	static const char SQL[] = "SELECT name FROM person ORDER BY name COLLATE NOCASE";
	struct px_strlist names = { 0 };
	sqlite3_stmt *s = db_stmt(j, SQL, NULL);
	while (s && sqlite3_step(s) == SQLITE_ROW)
		strlist_add(&names, (const char *)sqlite3_column_text(s, 0));
	db_done(s);
	const char *near = suggest_nearest(name, (const char *const *)names.items, names.len);
	if (near)
		px_error_set(err, PX_ERR_NOT_FOUND, "no person '@%s' (did you mean '@%s'?)", name,
			     near);
	else
		px_error_set(err, PX_ERR_NOT_FOUND, "no person '@%s'", name);
	strlist_free(&names);
	return -1;
}

int person_get(struct journal *j, const char *name, struct person *out, struct px_error *err)
{
	memset(out, 0, sizeof *out);
	name = bare(name);
	sqlite3_stmt *s = db_stmt(j, SQL_GET, err);
	if (!s)
		return -1;
	db_bind_text(s, 1, name);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		row_to_person(s, out);
	db_done(s);
	if (rc == SQLITE_DONE)
		return not_found(j, name, err);
	return rc == SQLITE_ROW ? 0 : db_fail(j, rc, "reading the person", err);
}

int person_check_known(struct journal *j, const char *name, struct px_error *err)
{
	struct person p;
	int rc = person_get(j, name, &p, err);
	person_free(&p);
	return rc;
}

/* ---- changing ------------------------------------------------------------------- */

static int check_role(const char *role, struct px_error *err)
{
	size_t n = strlen(role), bad = 0;
	if (n > PERSON_ROLE_MAX)
		return px_error_set(err, PX_ERR_LIMIT, "the role is longer than %d bytes",
				    PERSON_ROLE_MAX);
	if (!text_utf8_valid(role, n, &bad))
		return px_error_set(err, PX_ERR_INVALID,
				    "the role is not valid UTF-8 (bad byte at offset %zu)", bad);
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)role[i] < 0x20 || role[i] == 0x7f)
			return px_error_set(err, PX_ERR_INVALID,
					    "the role must be one line without control characters");
	return 0;
}

static int check_pseudonym_form(const char *pseudonym, struct px_error *err)
{
	struct px_error why;
	px_error_clear(&why);
	if (text_person_valid(pseudonym, &why) == 0)
		return 0;
	return px_error_set(err, why.code, "pseudonym '%s': %s", pseudonym, why.msg);
}

/* The name of another person (not ID) whose column COL equals VALUE, or
 * NULL; the caller frees it. */
static int other_with(struct journal *j, const char *sql, const char *value, int64_t id,
		      char **who, struct px_error *err)
{
	sqlite3_stmt *s = db_stmt(j, sql, err);
	if (!s)
		return -1;
	db_bind_text(s, 1, value);
	db_bind_int(s, 2, id);
	int rc = sqlite3_step(s);
	*who = rc == SQLITE_ROW ? db_col_dup(s, 0) : NULL;
	db_done(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(j, rc, "checking names", err);
}

static int check_pseudonym_use(struct journal *j, int64_t id, const char *name,
			       const char *pseudonym, struct px_error *err)
{
	static const char SQL_REAL[] = "SELECT name FROM person WHERE name = ?1 AND id <> ?2";
	static const char SQL_TAKEN[] =
		"SELECT name FROM person WHERE pseudonym = ?1 COLLATE NOCASE AND id <> ?2";
	if (strcasecmp(pseudonym, name) == 0)
		return px_error_set(err, PX_ERR_INVALID,
				    "pseudonym '%s' for @%s: a pseudonym must differ from the name "
				    "it hides", pseudonym, name);
	char *who = NULL;
	if (other_with(j, SQL_REAL, pseudonym, id, &who, err) < 0)
		return -1;
	if (who) {
		px_error_set(err, PX_ERR_INVALID,
			     "pseudonym '%s' for @%s: @%s is another person in this journal, so an "
			     "anonymised export would point at them", pseudonym, name, who);
		free(who);
		return -1;
	}
	if (other_with(j, SQL_TAKEN, pseudonym, id, &who, err) < 0)
		return -1;
	if (who) {
		px_error_set(err, PX_ERR_INVALID,
			     "pseudonym '%s' for @%s: @%s already has it, so the two would read as "
			     "one person", pseudonym, name, who);
		free(who);
		return -1;
	}
	return 0;
}

static const char SQL_UPSERT[] =
	"INSERT INTO person (name) VALUES (?1) ON CONFLICT (name) DO UPDATE SET name = name"
	" RETURNING id, name";
static const char SQL_SET[] =
	"UPDATE person SET role = coalesce(?2, role), pseudonym = coalesce(?3, pseudonym)"
	" WHERE id = ?1";

static int set_in_tx(struct journal *j, const char *name, const char *role,
		     const char *pseudonym, struct px_error *err)
{
	sqlite3_stmt *s = db_stmt(j, SQL_UPSERT, err);
	if (!s)
		return -1;
	db_bind_text(s, 1, name);
	int rc = sqlite3_step(s);
	int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	char *stored = rc == SQLITE_ROW ? db_col_dup(s, 1) : NULL;
	db_done(s);
	if (rc != SQLITE_ROW)
		return db_fail(j, rc, "saving the person", err);
	int ret = -1;
	if ((!pseudonym || !*pseudonym ||
	     check_pseudonym_use(j, id, stored, pseudonym, err) == 0) &&
	    (s = db_stmt(j, SQL_SET, err))) {
		db_bind_int(s, 1, id);
		db_bind_text(s, 2, role);
		db_bind_text(s, 3, pseudonym);
		ret = db_exec_stmt(j, s, "saving the person", err);
	}
	free(stored);
	return ret;
}

int person_set(struct journal *j, const char *name, const char *role, const char *pseudonym,
	       struct px_error *err)
{
	name = bare(name);
	pseudonym = bare(pseudonym);
	if (text_person_valid(name, err) < 0)
		return -1;
	if (role && check_role(role, err) < 0)
		return -1;
	if (pseudonym && *pseudonym && check_pseudonym_form(pseudonym, err) < 0)
		return -1;
	if (journal_begin(j, err) < 0)
		return -1;
	if (set_in_tx(j, name, role, pseudonym, err) < 0) {
		journal_rollback(j);
		return -1;
	}
	return journal_commit(j, err);
}
