/*
 * action.c — planning actions from entries, listing what is due, and the
 * follow-up write that closes (or carries on) an action–reflection cycle.
 * Every refusal is decided by reading before the transaction begins, so a
 * refused call inside the prompt engine's transaction leaves it usable;
 * the write itself is one statement guarded by its WHERE clause.
 */
#include "praxis/action.h"

#include "db.h"
#include "praxis/buf.h"
#include "praxis/date.h"
#include "praxis/suggest.h"
#include "praxis/text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- names ---------------------------------------------------------------- */

static const char *const status_names[] = {
	[ACTION_OPEN] = "open", [ACTION_DONE] = "done", [ACTION_DROPPED] = "dropped",
};

static const char *const outcome_names[OUTCOME_COUNT] = {
	[OUTCOME_NONE] = "",
	[OUTCOME_WORKED] = "worked",
	[OUTCOME_MIXED] = "mixed",
	[OUTCOME_FAILED] = "failed",
	[OUTCOME_NOT_YET] = "not-yet",
	[OUTCOME_DROPPED] = "dropped",
};

const char *action_status_name(enum action_status status)
{
	return (unsigned)status <= ACTION_DROPPED ? status_names[status] : "";
}

const char *action_outcome_name(enum action_outcome outcome)
{
	return (unsigned)outcome < OUTCOME_COUNT ? outcome_names[outcome] : "";
}

int action_outcome_parse(const char *text, enum action_outcome *out, struct px_error *err)
{
	static const struct {
		const char *alias;
		enum action_outcome outcome;
	} aliases[] = {
		{ "worked", OUTCOME_WORKED }, { "mixed", OUTCOME_MIXED },
		{ "failed", OUTCOME_FAILED }, { "not-yet", OUTCOME_NOT_YET },
		{ "not yet", OUTCOME_NOT_YET }, { "not_yet", OUTCOME_NOT_YET },
		{ "notyet", OUTCOME_NOT_YET }, { "dropped", OUTCOME_DROPPED },
		{ "drop", OUTCOME_DROPPED },
	};
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
		if (strcasecmp(text, aliases[i].alias) == 0) {
			*out = aliases[i].outcome;
			return 0;
		}
	}
	const char *near = suggest_nearest(text, outcome_names + 1, OUTCOME_COUNT - 1);
	if (near)
		return px_error_set(err, PX_ERR_INVALID,
				    "'%s' is not an outcome (did you mean '%s'?)", text, near);
	return px_error_set(err, PX_ERR_INVALID,
			    "'%s' is not an outcome (worked, mixed, failed, not-yet or dropped)",
			    text);
}

static enum action_status status_from(const char *s)
{
	for (int i = ACTION_OPEN; i <= ACTION_DROPPED; i++)
		if (s && strcmp(s, status_names[i]) == 0)
			return (enum action_status)i;
	return ACTION_OPEN;
}

static enum action_outcome outcome_from(const char *s)
{
	for (int i = OUTCOME_WORKED; i < OUTCOME_COUNT; i++)
		if (s && strcmp(s, outcome_names[i]) == 0)
			return (enum action_outcome)i;
	return OUTCOME_NONE;
}

void action_free(struct action *a)
{
	free(a->text);
	free(a->planned_title);
	free(a->follow_up_template);
	memset(a, 0, sizeof *a);
}

/* ---- checks ----------------------------------------------------------------- */

/* TEXT without surrounding ASCII whitespace, the caller's to free. */
static char *trimmed(const char *text)
{
	const char *start = text, *end = text + strlen(text);
	while (*start == ' ' || *start == '\t' || *start == '\n' || *start == '\r')
		start++;
	while (end > start && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' ||
			       end[-1] == '\r'))
		end--;
	return px_xstrndup(start, (size_t)(end - start));
}

static int check_text(const char *text, struct px_error *err)
{
	size_t bad = 0, len = strlen(text);
	if (!text_utf8_valid(text, len, &bad))
		return px_error_set(err, PX_ERR_INVALID,
				    "the action is not valid UTF-8 (bad byte at offset %zu)", bad);
	if (text_is_blank(text))
		return px_error_set(err, PX_ERR_INVALID,
				    "the action is empty: write what you will try");
	if (strchr(text, '\n') || strchr(text, '\r'))
		return px_error_set(err, PX_ERR_INVALID, "the action must be one line");
	if (len > ACTION_MAX_TEXT)
		return px_error_set(err, PX_ERR_LIMIT,
				    "the action is too long (%zu bytes; at most %d)",
				    len, ACTION_MAX_TEXT);
	return 0;
}

static int check_date(const char *what, const char *s, struct px_error *err)
{
	struct px_datetime dt;
	if (datetime_parse_storage(s, &dt) < 0 || dt.has_time)
		return px_error_set(err, PX_ERR_INVALID, "%s '%s' is not a valid date (YYYY-MM-DD)",
				    what, s);
	return 0;
}

/* The rule template files follow for their ids (template.h). */
static int check_template_id(const char *id, struct px_error *err)
{
	size_t len = strlen(id);
	int ok = len > 0 && len <= 40 && id[0] != '-';
	for (const char *p = id; ok && *p; p++)
		ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-';
	if (!ok)
		return px_error_set(err, PX_ERR_INVALID,
				    "'%.60s' is not a template id (lower-case letters, digits and "
				    "'-', at most 40, starting with a letter or digit)", id);
	return 0;
}

/* Entry ID exists and is not in the trash. */
static int check_live_entry(struct journal *j, int64_t id, struct px_error *err)
{
	static const char SQL[] = "SELECT deleted_at IS NOT NULL FROM entry WHERE id = ?1";
	sqlite3_stmt *s = db_stmt(j, SQL, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, id);
	int rc = sqlite3_step(s);
	int trashed = rc == SQLITE_ROW && sqlite3_column_int(s, 0);
	db_done(s);
	if (rc == SQLITE_DONE)
		return px_error_set(err, PX_ERR_NOT_FOUND,
				    "entry %lld: no such entry", (long long)id);
	if (rc != SQLITE_ROW)
		return db_fail(j, rc, "finding the entry", err);
	if (trashed)
		return px_error_set(err, PX_ERR_INVALID,
				    "entry %lld: in the trash (restore it first)",
				    (long long)id);
	return 0;
}

static int check_entry_exists(struct journal *j, int64_t id, struct px_error *err)
{
	static const char SQL[] = "SELECT 1 FROM entry WHERE id = ?1";
	sqlite3_stmt *s = db_stmt(j, SQL, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, id);
	int rc = sqlite3_step(s);
	db_done(s);
	if (rc == SQLITE_DONE)
		return px_error_set(err, PX_ERR_NOT_FOUND,
				    "entry %lld: no such entry", (long long)id);
	return rc == SQLITE_ROW ? 0 : db_fail(j, rc, "finding the entry", err);
}

/* ---- adding --------------------------------------------------------------------- */

static const char SQL_NEXT_POSITION[] =
	"SELECT coalesce(max(position) + 1, 0) FROM action WHERE planned_by = ?1";
static const char SQL_INSERT[] =
	"INSERT INTO action (uuid, text, due_date, planned_by, follow_up_template, position,"
	" created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)";

static int next_position(struct journal *j, int64_t entry, int *out, struct px_error *err)
{
	sqlite3_stmt *s = db_stmt(j, SQL_NEXT_POSITION, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, entry);
	int rc = sqlite3_step(s);
	*out = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	db_done(s);
	return rc == SQLITE_ROW ? 0 : db_fail(j, rc, "numbering the action", err);
}

static int insert_action(struct journal *j, int64_t planned_by, const char *text,
			 const char *due, const char *tmpl, int position, int64_t *id,
			 struct px_error *err)
{
	char uuid[37], now[21];
	if (db_now_utc(now, err) < 0)
		return -1;
	journal_uuid(uuid);
	if (position < 0 && next_position(j, planned_by, &position, err) < 0)
		return -1;
	sqlite3_stmt *s = db_stmt(j, SQL_INSERT, err);
	if (!s)
		return -1;
	db_bind_text(s, 1, uuid);
	db_bind_text(s, 2, text);
	db_bind_text(s, 3, due);
	db_bind_int(s, 4, planned_by);
	db_bind_text(s, 5, tmpl);
	db_bind_int(s, 6, position);
	db_bind_text(s, 7, now);
	if (db_exec_stmt(j, s, "saving the action", err) < 0)
		return -1;
	if (id)
		*id = sqlite3_last_insert_rowid(j->db);
	return 0;
}

int action_add(struct journal *j, int64_t planned_by, const char *text, const char *due_date,
	       const char *follow_up_template, int position, int64_t *id, struct px_error *err)
{
	const char *tmpl = follow_up_template && *follow_up_template ? follow_up_template
								     : ACTION_DEFAULT_TEMPLATE;
	char *clean = trimmed(text ? text : "");
	int rc = -1;
	if (check_text(clean, err) == 0 &&
	    check_date("the due date", due_date ? due_date : "", err) == 0 &&
	    check_template_id(tmpl, err) == 0 && check_live_entry(j, planned_by, err) == 0 &&
	    journal_begin(j, err) == 0) {
		if (insert_action(j, planned_by, clean, due_date, tmpl, position, id, err) < 0)
			journal_rollback(j);
		else
			rc = journal_commit(j, err);
	}
	free(clean);
	return rc;
}

/* ---- import ------------------------------------------------------------------------ */

int action_find_uuid(struct journal *j, const char *uuid, int64_t *id, struct px_error *err)
{
	static const char SQL[] = "SELECT id FROM action WHERE uuid = ?1";
	sqlite3_stmt *s = db_stmt(j, SQL, err);
	if (!s)
		return -1;
	db_bind_text(s, 1, uuid);
	int rc = sqlite3_step(s);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	db_done(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(j, rc, "finding an action", err);
}

/* Status and outcome as action_follow_up leaves them. */
static int check_state(enum action_status status, enum action_outcome outcome,
		       struct px_error *err)
{
	bool ok = status == ACTION_OPEN ? outcome == OUTCOME_NONE || outcome == OUTCOME_NOT_YET
		  : status == ACTION_DONE ? outcome == OUTCOME_WORKED || outcome == OUTCOME_MIXED ||
					    outcome == OUTCOME_FAILED
		  : status == ACTION_DROPPED ? outcome == OUTCOME_DROPPED || outcome == OUTCOME_NONE
					     : false;
	if (!ok)
		return px_error_set(err, PX_ERR_INVALID, "an action that is %s cannot have the "
				    "outcome '%s'", action_status_name(status),
				    outcome == OUTCOME_NONE ? "none" : action_outcome_name(outcome));
	return 0;
}

static int check_import(struct journal *j, const struct action *a, struct px_error *err)
{
	int64_t existing;
	if (!journal_uuid_valid(a->uuid))
		return px_error_set(err, PX_ERR_INVALID, "'%.40s' is not a UUID", a->uuid);
	if (check_text(a->text ? a->text : "", err) < 0 ||
	    check_date("the due date", a->due_date, err) < 0 ||
	    check_template_id(a->follow_up_template ? a->follow_up_template : "", err) < 0 ||
	    check_state(a->status, a->outcome, err) < 0 ||
	    db_check_utc("created_at", a->created_at, err) < 0 ||
	    db_check_utc("updated_at", a->updated_at, err) < 0)
		return -1;
	if (a->position < 0)
		return px_error_set(err, PX_ERR_INVALID, "the position %d is negative", a->position);
	if (a->followed_up_by && a->followed_up_by == a->planned_by)
		return px_error_set(err, PX_ERR_INVALID, "an action cannot be followed up by the "
				    "entry that planned it");
	if (action_find_uuid(j, a->uuid, &existing, err) < 0 ||
	    check_entry_exists(j, a->planned_by, err) < 0 ||
	    (a->followed_up_by && check_entry_exists(j, a->followed_up_by, err) < 0))
		return -1;
	if (existing)
		return px_error_set(err, PX_ERR_INVALID, "action %s is already in the journal",
				    a->uuid);
	return 0;
}

static const char SQL_IMPORT[] =
	"INSERT INTO action (uuid, text, due_date, status, outcome, planned_by, followed_up_by,"
	" follow_up_template, position, created_at, updated_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

int action_import(struct journal *j, const struct action *a, int64_t *id, struct px_error *err)
{
	if (check_import(j, a, err) < 0 || journal_begin(j, err) < 0)
		return -1;
	sqlite3_stmt *s = db_stmt(j, SQL_IMPORT, err);
	if (!s) {
		journal_rollback(j);
		return -1;
	}
	db_bind_text(s, 1, a->uuid);
	db_bind_text(s, 2, a->text);
	db_bind_text(s, 3, a->due_date);
	db_bind_text(s, 4, status_names[a->status]);
	db_bind_text(s, 5, a->outcome == OUTCOME_NONE ? NULL : outcome_names[a->outcome]);
	db_bind_int(s, 6, a->planned_by);
	db_bind_id(s, 7, a->followed_up_by);
	db_bind_text(s, 8, a->follow_up_template);
	db_bind_int(s, 9, a->position);
	db_bind_text(s, 10, a->created_at);
	db_bind_text(s, 11, a->updated_at);
	if (db_exec_stmt(j, s, "saving the action", err) < 0) {
		journal_rollback(j);
		return -1;
	}
	if (id)
		*id = sqlite3_last_insert_rowid(j->db);
	return journal_commit(j, err);
}

/* ---- reading ---------------------------------------------------------------------- */

#define ACTION_SELECT \
	"SELECT a.id, a.uuid, a.text, a.due_date, a.status, a.outcome, a.planned_by, e.title," \
	" e.occurred_at, coalesce(a.followed_up_by, 0), a.follow_up_template, a.position," \
	" a.created_at, a.updated_at FROM action a JOIN entry e ON e.id = a.planned_by"

static const char SQL_GET[] = ACTION_SELECT " WHERE a.id = ?1";
#define ACTION_DUE \
	" WHERE a.status = 'open' AND a.due_date <= ?1 AND e.deleted_at IS NULL" \
	" ORDER BY a.due_date, a.id"
static const char SQL_DUE[] = ACTION_SELECT ACTION_DUE;
/* The partial index action_open_by_due gives the rows in this order, so a
 * limit reads no more than it returns. */
static const char SQL_DUE_FIRST[] = ACTION_SELECT ACTION_DUE " LIMIT ?2";
static const char SQL_FOR_ENTRY[] = ACTION_SELECT
	" WHERE a.planned_by = ?1 ORDER BY a.position, a.id";
static const char SQL_FOLLOWED_BY[] = ACTION_SELECT
	" WHERE a.followed_up_by = ?1 ORDER BY a.id";

static void row_to_action(sqlite3_stmt *s, struct action *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(s, 0);
	db_col_copy(s, 1, a->uuid, sizeof a->uuid);
	a->text = db_col_dup(s, 2);
	db_col_copy(s, 3, a->due_date, sizeof a->due_date);
	a->status = status_from((const char *)sqlite3_column_text(s, 4));
	a->outcome = outcome_from((const char *)sqlite3_column_text(s, 5));
	a->planned_by = sqlite3_column_int64(s, 6);
	a->planned_title = db_col_dup(s, 7);
	db_col_copy(s, 8, a->planned_on, sizeof a->planned_on);
	a->followed_up_by = sqlite3_column_int64(s, 9);
	a->follow_up_template = db_col_dup(s, 10);
	a->position = sqlite3_column_int(s, 11);
	db_col_copy(s, 12, a->created_at, sizeof a->created_at);
	db_col_copy(s, 13, a->updated_at, sizeof a->updated_at);
}

int action_get(struct journal *j, int64_t id, struct action *out, struct px_error *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(j, SQL_GET, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		row_to_action(s, out);
	db_done(s);
	if (rc == SQLITE_DONE)
		return px_error_set(err, PX_ERR_NOT_FOUND, "action %lld: no such action",
				    (long long)id);
	return rc == SQLITE_ROW ? 0 : db_fail(j, rc, "reading the action", err);
}

/* Read every row of S (bound by the caller) and then hand them to FN, so
 * no statement is open while FN runs. */
static int list_rows(struct journal *j, sqlite3_stmt *s,
		     int (*fn)(const struct action *a, void *ctx), void *ctx,
		     struct px_error *err)
{
	struct action *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		px_grow((void **)&rows, &cap, n + 1, sizeof *rows);
		row_to_action(s, &rows[n++]);
	}
	db_done(s);
	int passed = rc == SQLITE_DONE ? 0 : db_fail(j, rc, "listing actions", err);
	int stop = passed < 0;
	for (size_t i = 0; i < n; i++) {
		if (!stop) {
			passed++;
			stop = fn && fn(&rows[i], ctx) != 0;
		}
		action_free(&rows[i]);
	}
	free(rows);
	return passed;
}

static int check_today(const char *today, struct px_datetime *t, struct px_error *err)
{
	if (!today || datetime_parse_storage(today, t) < 0 || t->has_time)
		return px_error_set(err, PX_ERR_INVALID,
				    "today '%s' is not a valid date (YYYY-MM-DD)",
				    today ? today : "");
	return 0;
}

int action_list_due_first(struct journal *j, const char *today, size_t limit,
			  int (*fn)(const struct action *a, void *ctx), void *ctx,
			  struct px_error *err)
{
	struct px_datetime t;
	if (check_today(today, &t, err) < 0)
		return -1;
	sqlite3_stmt *s = db_stmt(j, SQL_DUE_FIRST, err);
	if (!s)
		return -1;
	db_bind_text(s, 1, today);
	db_bind_int(s, 2, limit ? (int64_t)limit : 1);
	return list_rows(j, s, fn, ctx, err);
}

int action_list_due(struct journal *j, const char *today, int upcoming_days,
		    int (*fn)(const struct action *a, void *ctx), void *ctx,
		    struct px_error *err)
{
	struct px_datetime t;
	if (check_today(today, &t, err) < 0)
		return -1;
	if (upcoming_days < 0 || upcoming_days > ACTION_MAX_UPCOMING)
		return px_error_set(err, PX_ERR_LIMIT, "look ahead 0 to %d days, not %d",
				    ACTION_MAX_UPCOMING, upcoming_days);
	struct px_date until = date_add_days(&t.date, upcoming_days);
	char until_text[11];
	if (date_valid(&until))
		date_format(&until, until_text);
	else
		memcpy(until_text, "9999-12-31", sizeof until_text);
	sqlite3_stmt *s = db_stmt(j, SQL_DUE, err);
	if (!s)
		return -1;
	db_bind_text(s, 1, until_text);
	return list_rows(j, s, fn, ctx, err);
}

int action_list_for_entry(struct journal *j, int64_t entry_id,
			  int (*fn)(const struct action *a, void *ctx), void *ctx,
			  struct px_error *err)
{
	if (check_entry_exists(j, entry_id, err) < 0)
		return -1;
	sqlite3_stmt *s = db_stmt(j, SQL_FOR_ENTRY, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, entry_id);
	return list_rows(j, s, fn, ctx, err);
}

int action_list_followed_by(struct journal *j, int64_t entry_id,
			    int (*fn)(const struct action *a, void *ctx), void *ctx,
			    struct px_error *err)
{
	if (check_entry_exists(j, entry_id, err) < 0)
		return -1;
	sqlite3_stmt *s = db_stmt(j, SQL_FOLLOWED_BY, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, entry_id);
	return list_rows(j, s, fn, ctx, err);
}

/* ---- following up ------------------------------------------------------------------ */

static int check_follow_up(struct journal *j, int64_t action_id, int64_t entry,
			   enum action_outcome outcome, const char *new_due, struct px_error *err)
{
	if (outcome <= OUTCOME_NONE || outcome >= OUTCOME_COUNT)
		return px_error_set(err, PX_ERR_INVALID,
				    "a follow-up needs an outcome: worked, mixed, failed, not-yet "
				    "or dropped");
	if (outcome == OUTCOME_NOT_YET && !new_due)
		return px_error_set(err, PX_ERR_INVALID,
				    "not-yet needs the new due date: when will you try again?");
	if (outcome == OUTCOME_NOT_YET && check_date("the new due date", new_due, err) < 0)
		return -1;
	if (outcome != OUTCOME_NOT_YET && new_due)
		return px_error_set(err, PX_ERR_INVALID,
				    "only a not-yet outcome moves the due date (this one is %s)",
				    outcome_names[outcome]);
	struct action a;
	if (action_get(j, action_id, &a, err) < 0)
		return -1;
	int rc = 0;
	if (a.status == ACTION_DONE)
		rc = px_error_set(err, PX_ERR_INVALID,
				  "action %lld: already done (%s); only an open action can be "
				  "followed up", (long long)action_id,
				  a.outcome ? outcome_names[a.outcome] : "no outcome");
	else if (a.status == ACTION_DROPPED)
		rc = px_error_set(err, PX_ERR_INVALID,
				  "action %lld: dropped; only an open action can be followed up",
				  (long long)action_id);
	else if (entry && entry == a.planned_by)
		rc = px_error_set(err, PX_ERR_INVALID,
				  "action %lld: entry %lld planned it, so it cannot follow it up",
				  (long long)action_id, (long long)entry);
	action_free(&a);
	if (rc == 0 && entry)
		rc = check_live_entry(j, entry, err);
	return rc;
}

static const char SQL_FOLLOW_UP[] =
	"UPDATE action SET status = ?2, outcome = ?3,"
	" followed_up_by = coalesce(?4, followed_up_by), due_date = coalesce(?5, due_date),"
	" updated_at = ?6 WHERE id = ?1 AND status = 'open'";

int action_follow_up(struct journal *j, int64_t action_id, int64_t follow_up_entry,
		     enum action_outcome outcome, const char *new_due, struct px_error *err)
{
	if (new_due && !*new_due)
		new_due = NULL;
	char now[21];
	if (check_follow_up(j, action_id, follow_up_entry, outcome, new_due, err) < 0 ||
	    db_now_utc(now, err) < 0 || journal_begin(j, err) < 0)
		return -1;
	enum action_status status = outcome == OUTCOME_NOT_YET ? ACTION_OPEN
				    : outcome == OUTCOME_DROPPED ? ACTION_DROPPED
								 : ACTION_DONE;
	sqlite3_stmt *s = db_stmt(j, SQL_FOLLOW_UP, err);
	if (!s) {
		journal_rollback(j);
		return -1;
	}
	db_bind_int(s, 1, action_id);
	db_bind_text(s, 2, status_names[status]);
	db_bind_text(s, 3, outcome_names[outcome]);
	db_bind_id(s, 4, follow_up_entry);
	db_bind_text(s, 5, new_due);
	db_bind_text(s, 6, now);
	if (db_exec_stmt(j, s, "saving the follow-up", err) < 0) {
		journal_rollback(j);
		return -1;
	}
	if (sqlite3_changes(j->db) != 1) {
		/* Only another writer between the check and BEGIN gets here. */
		journal_rollback(j);
		return px_error_set(err, PX_ERR_BUSY,
				    "action %lld: changed by another praxis meanwhile; try again",
				    (long long)action_id);
	}
	return journal_commit(j, err);
}
