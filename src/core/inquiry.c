/*
 * inquiry.c — opening, closing and listing inquiries, and the chain: an
 * inquiry's entries in order with the actions each planned and the entries
 * that followed them up.  Activity and counts are computed in SQL from the
 * entries (there is no cached column to drift).  The chain is read whole
 * before its first callback, so totals can head the display and callbacks
 * may use the journal freely.
 */
#include "praxis/inquiry.h"

#include "db.h"
#include "praxis/buf.h"
#include "praxis/date.h"
#include "praxis/text.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *inquiry_status_name(enum inquiry_status status)
{
	return status == INQUIRY_CLOSED ? "closed" : "open";
}

void inquiry_free(struct inquiry *inq)
{
	free(inq->question);
	free(inq->summary);
	memset(inq, 0, sizeof *inq);
}

/* ---- checks ------------------------------------------------------------------ */

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* TEXT without surrounding ASCII whitespace, the caller's to free. */
static char *trimmed(const char *text)
{
	const char *start = text, *end = text + strlen(text);
	while (is_space(*start))
		start++;
	while (end > start && is_space(end[-1]))
		end--;
	return px_xstrndup(start, (size_t)(end - start));
}

static int check_utf8(const char *what, const char *s, struct px_error *err)
{
	size_t bad = 0;
	if (!text_utf8_valid(s, strlen(s), &bad))
		return px_error_set(err, PX_ERR_INVALID,
				    "the %s is not valid UTF-8 (bad byte at offset %zu)", what,
				    bad);
	return 0;
}

static int check_question(const char *q, struct px_error *err)
{
	size_t len = strlen(q);
	if (check_utf8("question", q, err) < 0)
		return -1;
	if (text_is_blank(q))
		return px_error_set(err, PX_ERR_INVALID,
				    "the question is empty: write what you want to find out");
	if (strchr(q, '\n') || strchr(q, '\r'))
		return px_error_set(err, PX_ERR_INVALID, "the question must be one line");
	if (len > INQUIRY_MAX_QUESTION)
		return px_error_set(err, PX_ERR_LIMIT,
				    "the question is too long (%zu bytes; at most %d)", len,
				    INQUIRY_MAX_QUESTION);
	return 0;
}

static int check_datetime(const char *s, struct px_error *err)
{
	struct px_datetime dt;
	if (!s || datetime_parse_storage(s, &dt) < 0 || !dt.has_time)
		return px_error_set(err, PX_ERR_INVALID,
				    "'%s' is not a valid date-time (YYYY-MM-DD HH:MM:SS)",
				    s ? s : "");
	return 0;
}

static int check_date(const char *s, struct px_error *err)
{
	struct px_datetime dt;
	if (!s || datetime_parse_storage(s, &dt) < 0 || dt.has_time)
		return px_error_set(err, PX_ERR_INVALID,
				    "today '%s' is not a valid date (YYYY-MM-DD)",
				    s ? s : "");
	return 0;
}

/* ---- new, get, list ---------------------------------------------------------------- */

static const char SQL_INSERT[] =
	"INSERT INTO inquiry (uuid, question, opened_at, created_at, updated_at)"
	" VALUES (?1, ?2, ?3, ?4, ?4)";

int inquiry_new(struct journal *j, const char *question, const char *opened_at,
		struct inquiry *out, struct px_error *err)
{
	if (out)
		memset(out, 0, sizeof *out);
	char *q = trimmed(question ? question : "");
	char uuid[37], now[21];
	sqlite3_stmt *s = NULL;
	if (check_question(q, err) < 0 || check_datetime(opened_at, err) < 0 ||
	    db_now_utc(now, err) < 0 || journal_begin(j, err) < 0) {
		free(q);
		return -1;
	}
	journal_uuid(uuid);
	if (!(s = db_stmt(j, SQL_INSERT, err))) {
		journal_rollback(j);
		free(q);
		return -1;
	}
	db_bind_text(s, 1, uuid);
	db_bind_text(s, 2, q);
	db_bind_text(s, 3, opened_at);
	db_bind_text(s, 4, now);
	if (db_exec_stmt(j, s, "saving the inquiry", err) < 0) {
		journal_rollback(j);
		free(q);
		return -1;
	}
	int64_t id = sqlite3_last_insert_rowid(j->db);
	if (journal_commit(j, err) < 0) {
		free(q);
		return -1;
	}
	if (!out) {
		free(q);
		return 0;
	}
	out->id = id;
	memcpy(out->uuid, uuid, sizeof out->uuid);
	out->question = q;
	out->status = INQUIRY_OPEN;
	snprintf(out->opened_at, sizeof out->opened_at, "%s", opened_at);
	out->summary = px_xstrdup("");
	memcpy(out->last_activity, out->opened_at, sizeof out->last_activity);
	memcpy(out->created_at, now, sizeof out->created_at);
	memcpy(out->updated_at, now, sizeof out->updated_at);
	return 0;
}

#define INQUIRY_SELECT \
	"SELECT i.id, i.uuid, i.question, i.status, i.opened_at, coalesce(i.closed_at, '')," \
	" i.summary, i.created_at, i.updated_at," \
	" (SELECT count(*) FROM entry e WHERE e.inquiry_id = i.id AND e.deleted_at IS NULL)," \
	" max(i.opened_at, coalesce((SELECT max(e.occurred_at) FROM entry e" \
	"  WHERE e.inquiry_id = i.id AND e.deleted_at IS NULL), '')) AS activity" \
	" FROM inquiry i"

static const char SQL_GET[] = INQUIRY_SELECT " WHERE i.id = ?1";
static const char SQL_LIST[] = INQUIRY_SELECT
	" WHERE ?1 IS NULL OR i.status = ?1 ORDER BY activity DESC, i.id DESC";

static void row_to_inquiry(sqlite3_stmt *s, struct inquiry *inq)
{
	memset(inq, 0, sizeof *inq);
	inq->id = sqlite3_column_int64(s, 0);
	db_col_copy(s, 1, inq->uuid, sizeof inq->uuid);
	inq->question = db_col_dup(s, 2);
	const unsigned char *status = sqlite3_column_text(s, 3);
	inq->status = status && strcmp((const char *)status, "closed") == 0 ? INQUIRY_CLOSED
									    : INQUIRY_OPEN;
	db_col_copy(s, 4, inq->opened_at, sizeof inq->opened_at);
	db_col_copy(s, 5, inq->closed_at, sizeof inq->closed_at);
	inq->summary = db_col_dup(s, 6);
	db_col_copy(s, 7, inq->created_at, sizeof inq->created_at);
	db_col_copy(s, 8, inq->updated_at, sizeof inq->updated_at);
	inq->entry_count = sqlite3_column_int(s, 9);
	db_col_copy(s, 10, inq->last_activity, sizeof inq->last_activity);
}

int inquiry_get(struct journal *j, int64_t id, struct inquiry *out, struct px_error *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(j, SQL_GET, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		row_to_inquiry(s, out);
	db_done(s);
	if (rc == SQLITE_DONE)
		return px_error_set(err, PX_ERR_NOT_FOUND, "inquiry %lld: no such inquiry",
				    (long long)id);
	return rc == SQLITE_ROW ? 0 : db_fail(j, rc, "reading the inquiry", err);
}

int inquiry_list(struct journal *j, enum inquiry_filter filter,
		 int (*fn)(const struct inquiry *inq, void *ctx), void *ctx,
		 struct px_error *err)
{
	sqlite3_stmt *s = db_stmt(j, SQL_LIST, err);
	if (!s)
		return -1;
	db_bind_text(s, 1, filter == INQUIRY_ONLY_OPEN     ? "open"
			   : filter == INQUIRY_ONLY_CLOSED ? "closed"
							   : NULL);
	struct inquiry *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		px_grow((void **)&rows, &cap, n + 1, sizeof *rows);
		row_to_inquiry(s, &rows[n++]);
	}
	db_done(s);
	int passed = rc == SQLITE_DONE ? 0 : db_fail(j, rc, "listing inquiries", err);
	int stop = passed < 0;
	for (size_t i = 0; i < n; i++) {
		if (!stop) {
			passed++;
			stop = fn && fn(&rows[i], ctx) != 0;
		}
		inquiry_free(&rows[i]);
	}
	free(rows);
	return passed;
}

/* ---- close and reopen ------------------------------------------------------------------ */

static const char SQL_CLOSE[] =
	"UPDATE inquiry SET status = 'closed', closed_at = ?2, summary = ?3, updated_at = ?4"
	" WHERE id = ?1 AND status = 'open'";
static const char SQL_REOPEN[] =
	"UPDATE inquiry SET status = 'open', closed_at = NULL, updated_at = ?4"
	" WHERE id = ?1 AND status = 'closed'";

/* Run SQL (SQL_CLOSE or SQL_REOPEN, which share the parameter numbers;
 * reopening leaves ?2 and ?3 unused) on inquiry ID in one transaction. */
static int set_status(struct journal *j, const char *sql, int64_t id, const char *closed_at,
		      const char *summary, struct px_error *err)
{
	char now[21];
	if (db_now_utc(now, err) < 0 || journal_begin(j, err) < 0)
		return -1;
	sqlite3_stmt *s = db_stmt(j, sql, err);
	if (!s) {
		journal_rollback(j);
		return -1;
	}
	db_bind_int(s, 1, id);
	db_bind_text(s, 2, closed_at);
	db_bind_text(s, 3, summary);
	db_bind_text(s, 4, now);
	if (db_exec_stmt(j, s, "saving the inquiry", err) < 0) {
		journal_rollback(j);
		return -1;
	}
	if (sqlite3_changes(j->db) != 1) {
		/* Only another writer between the check and BEGIN gets here. */
		journal_rollback(j);
		return px_error_set(err, PX_ERR_BUSY,
				    "inquiry %lld: changed by another praxis meanwhile; try again",
				    (long long)id);
	}
	return journal_commit(j, err);
}

int inquiry_close(struct journal *j, int64_t id, const char *summary, const char *closed_at,
		  struct px_error *err)
{
	char *sum = trimmed(summary ? summary : "");
	struct inquiry inq;
	int rc = -1;
	if (check_utf8("summary", sum, err) < 0 || check_datetime(closed_at, err) < 0 ||
	    inquiry_get(j, id, &inq, err) < 0) {
		free(sum);
		return -1;
	}
	if (inq.status == INQUIRY_CLOSED)
		px_error_set(err, PX_ERR_INVALID, "inquiry %lld: already closed (on %s)",
			     (long long)id, inq.closed_at);
	else if (strcmp(closed_at, inq.opened_at) < 0)
		px_error_set(err, PX_ERR_INVALID,
			     "inquiry %lld: cannot close on %s, before it was opened (%s)",
			     (long long)id, closed_at, inq.opened_at);
	else
		rc = set_status(j, SQL_CLOSE, id, closed_at, sum, err);
	inquiry_free(&inq);
	free(sum);
	return rc;
}

int inquiry_reopen(struct journal *j, int64_t id, struct px_error *err)
{
	struct inquiry inq;
	if (inquiry_get(j, id, &inq, err) < 0)
		return -1;
	int open = inq.status == INQUIRY_OPEN;
	inquiry_free(&inq);
	if (open)
		return px_error_set(err, PX_ERR_INVALID, "inquiry %lld: not closed", (long long)id);
	return set_status(j, SQL_REOPEN, id, NULL, NULL, err);
}

/* ---- import ------------------------------------------------------------------------------- */

int inquiry_find_uuid(struct journal *j, const char *uuid, int64_t *id, struct px_error *err)
{
	static const char SQL[] = "SELECT id FROM inquiry WHERE uuid = ?1";
	sqlite3_stmt *s = db_stmt(j, SQL, err);
	if (!s)
		return -1;
	db_bind_text(s, 1, uuid);
	int rc = sqlite3_step(s);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	db_done(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(j, rc, "finding an inquiry", err);
}

static int check_import(struct journal *j, const struct inquiry *q, struct px_error *err)
{
	int64_t existing;
	if (!journal_uuid_valid(q->uuid))
		return px_error_set(err, PX_ERR_INVALID, "'%.40s' is not a UUID", q->uuid);
	if (inquiry_find_uuid(j, q->uuid, &existing, err) < 0)
		return -1;
	if (existing)
		return px_error_set(err, PX_ERR_INVALID, "inquiry %s is already in the journal",
				    q->uuid);
	if (check_question(q->question ? q->question : "", err) < 0 ||
	    check_utf8("summary", q->summary ? q->summary : "", err) < 0 ||
	    check_datetime(q->opened_at, err) < 0 ||
	    db_check_utc("created_at", q->created_at, err) < 0 ||
	    db_check_utc("updated_at", q->updated_at, err) < 0)
		return -1;
	bool closed = q->status == INQUIRY_CLOSED;
	if (closed && check_datetime(q->closed_at, err) < 0)
		return -1;
	if (!closed && q->closed_at[0])
		return px_error_set(err, PX_ERR_INVALID, "an open inquiry has no closing date");
	if (closed && strcmp(q->closed_at, q->opened_at) < 0)
		return px_error_set(err, PX_ERR_INVALID, "closed on %s, before it was opened (%s)",
				    q->closed_at, q->opened_at);
	return 0;
}

int inquiry_import(struct journal *j, const struct inquiry *q, int64_t *id, struct px_error *err)
{
	static const char SQL[] =
		"INSERT INTO inquiry (uuid, question, status, opened_at, closed_at, summary,"
		" created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	if (check_import(j, q, err) < 0 || journal_begin(j, err) < 0)
		return -1;
	sqlite3_stmt *s = db_stmt(j, SQL, err);
	if (!s) {
		journal_rollback(j);
		return -1;
	}
	db_bind_text(s, 1, q->uuid);
	db_bind_text(s, 2, q->question);
	db_bind_text(s, 3, inquiry_status_name(q->status));
	db_bind_text(s, 4, q->opened_at);
	db_bind_text(s, 5, q->closed_at[0] ? q->closed_at : NULL);
	db_bind_text_or_empty(s, 6, q->summary);
	db_bind_text(s, 7, q->created_at);
	db_bind_text(s, 8, q->updated_at);
	if (db_exec_stmt(j, s, "saving the inquiry", err) < 0) {
		journal_rollback(j);
		return -1;
	}
	if (id)
		*id = sqlite3_last_insert_rowid(j->db);
	return journal_commit(j, err);
}

/* ---- the chain ---------------------------------------------------------------------------- */

/* A step with the storage behind its borrowed pointers. */
struct step_store {
	struct chain_step step;
	char *title, *excerpt;
	int64_t *follows;
	size_t capfollows;
	struct chain_action *actions;
	size_t capactions;
};

struct chain_store {
	struct step_store *steps;
	size_t n, cap;
	struct chain_totals totals;
};

static void chain_store_free(struct chain_store *c)
{
	for (size_t i = 0; i < c->n; i++) {
		struct step_store *st = &c->steps[i];
		for (size_t k = 0; k < st->step.nactions; k++) {
			free((char *)st->actions[k].text);
			free((char *)st->actions[k].follow_up.title);
		}
		free(st->actions);
		free(st->follows);
		free(st->title);
		free(st->excerpt);
	}
	free(c->steps);
}

/* The step of entry ID, searching forward from *HINT (rows arrive in step
 * order, so the search is usually one comparison). */
static struct step_store *find_step(struct chain_store *c, int64_t id, size_t *hint)
{
	for (size_t k = 0; k < c->n; k++) {
		size_t i = (*hint + k) % c->n;
		if (c->steps[i].step.entry_id == id) {
			*hint = i;
			return &c->steps[i];
		}
	}
	return NULL;
}

static const char SQL_CHAIN_STEPS[] =
	"SELECT id, frame, occurred_at, title,"
	" substr(replace(replace(trim(body, char(32, 9, 10, 13)), char(13), ''), char(10), ' '),"
	" 1, 120)"
	" FROM entry WHERE inquiry_id = ?1 AND deleted_at IS NULL ORDER BY occurred_at, id";

static int read_steps(struct journal *j, int64_t id, struct chain_store *c,
		      struct px_error *err)
{
	static const char *const frame_names[FRAME_COUNT] = {
		[FRAME_NOTE] = "note", [FRAME_INCIDENT] = "incident",
		[FRAME_PERIOD] = "period", [FRAME_INQUIRY] = "inquiry",
	};
	sqlite3_stmt *s = db_stmt(j, SQL_CHAIN_STEPS, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, id);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		px_grow((void **)&c->steps, &c->cap, c->n + 1, sizeof *c->steps);
		struct step_store *st = &c->steps[c->n];
		memset(st, 0, sizeof *st);
		st->step.index = c->n++;
		st->step.entry_id = sqlite3_column_int64(s, 0);
		const unsigned char *frame = sqlite3_column_text(s, 1);
		for (int f = 0; f < FRAME_COUNT; f++)
			if (frame && strcmp((const char *)frame, frame_names[f]) == 0)
				st->step.frame = (enum entry_frame)f;
		db_col_copy(s, 2, st->step.occurred_at, sizeof st->step.occurred_at);
		st->title = db_col_dup(s, 3);
		st->excerpt = db_col_dup(s, 4);
	}
	db_done(s);
	return rc == SQLITE_DONE ? 0 : db_fail(j, rc, "reading the inquiry's entries", err);
}

static const char SQL_CHAIN_ACTIONS[] =
	"SELECT a.planned_by, a.id, a.text, a.due_date, a.status, a.outcome, a.position,"
	" coalesce(a.followed_up_by, 0), coalesce(f.occurred_at, ''), coalesce(f.title, ''),"
	" coalesce(f.deleted_at IS NOT NULL, 0),"
	" coalesce(f.inquiry_id = ?1 AND f.deleted_at IS NULL, 0)"
	" FROM action a JOIN entry e ON e.id = a.planned_by"
	" LEFT JOIN entry f ON f.id = a.followed_up_by"
	" WHERE e.inquiry_id = ?1 AND e.deleted_at IS NULL ORDER BY a.planned_by, a.position, a.id";

static void row_to_chain_action(sqlite3_stmt *s, const char *today, struct chain_action *a)
{
	static const char *const outcomes[] = { "worked", "mixed", "failed", "not-yet", "dropped" };
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(s, 1);
	a->text = db_col_dup(s, 2);
	db_col_copy(s, 3, a->due_date, sizeof a->due_date);
	const char *status = (const char *)sqlite3_column_text(s, 4);
	a->status = !status || strcmp(status, "open") == 0 ? ACTION_OPEN
		    : strcmp(status, "dropped") == 0       ? ACTION_DROPPED
							   : ACTION_DONE;
	const char *outcome = (const char *)sqlite3_column_text(s, 5);
	for (int i = 0; i < 5; i++)
		if (outcome && strcmp(outcome, outcomes[i]) == 0)
			a->outcome = (enum action_outcome)(OUTCOME_WORKED + i);
	a->position = sqlite3_column_int(s, 6);
	a->due = a->status == ACTION_OPEN && strcmp(a->due_date, today) <= 0;
	a->follow_up.entry_id = sqlite3_column_int64(s, 7);
	db_col_copy(s, 8, a->follow_up.occurred_at, sizeof a->follow_up.occurred_at);
	a->follow_up.title = db_col_dup(s, 9);
	a->follow_up.trashed = sqlite3_column_int(s, 10);
	a->follow_up.in_inquiry = sqlite3_column_int(s, 11);
}

static int read_actions(struct journal *j, int64_t id, const char *today,
			struct chain_store *c, struct px_error *err)
{
	sqlite3_stmt *s = db_stmt(j, SQL_CHAIN_ACTIONS, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, id);
	size_t hint = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct step_store *st = find_step(c, sqlite3_column_int64(s, 0), &hint);
		if (!st)
			continue; /* the steps were read in the same transaction: cannot happen */
		px_grow((void **)&st->actions, &st->capactions, st->step.nactions + 1,
			sizeof *st->actions);
		struct chain_action *a = &st->actions[st->step.nactions++];
		row_to_chain_action(s, today, a);
		c->totals.actions++;
		c->totals.cycles_closed += a->follow_up.entry_id != 0;
		c->totals.cycles_due += a->due;
		c->totals.open_actions += a->status == ACTION_OPEN;
	}
	db_done(s);
	return rc == SQLITE_DONE ? 0 : db_fail(j, rc, "reading the inquiry's actions", err);
}

static const char SQL_CHAIN_FOLLOWS[] =
	"SELECT a.followed_up_by, a.id FROM action a JOIN entry f ON f.id = a.followed_up_by"
	" WHERE f.inquiry_id = ?1 AND f.deleted_at IS NULL ORDER BY a.followed_up_by, a.id";

static int read_follows(struct journal *j, int64_t id, struct chain_store *c,
			struct px_error *err)
{
	sqlite3_stmt *s = db_stmt(j, SQL_CHAIN_FOLLOWS, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, id);
	size_t hint = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct step_store *st = find_step(c, sqlite3_column_int64(s, 0), &hint);
		if (!st)
			continue;
		px_grow((void **)&st->follows, &st->capfollows, st->step.nfollows_up + 1,
			sizeof *st->follows);
		st->follows[st->step.nfollows_up++] = sqlite3_column_int64(s, 1);
	}
	db_done(s);
	return rc == SQLITE_DONE ? 0 : db_fail(j, rc, "reading the inquiry's follow-ups", err);
}

/* The three reads see one state of the journal: a read transaction when
 * the caller has none open, the caller's otherwise. */
static int read_chain(struct journal *j, int64_t id, const char *today, struct chain_store *c,
		      struct px_error *err)
{
	static const char SQL_READ_BEGIN[] = "BEGIN";
	static const char SQL_READ_END[] = "COMMIT";
	int own = j->tx_depth == 0 && sqlite3_get_autocommit(j->db);
	if (own && db_exec(j, SQL_READ_BEGIN, "reading the inquiry", err) < 0)
		return -1;
	int rc = read_steps(j, id, c, err) == 0 && read_actions(j, id, today, c, err) == 0 &&
				 read_follows(j, id, c, err) == 0
			 ? 0
			 : -1;
	if (own)
		db_exec(j, SQL_READ_END, "reading the inquiry", NULL);
	return rc;
}

int inquiry_chain(struct journal *j, int64_t id, const char *today,
		  int (*fn)(const struct chain_step *step, void *ctx), void *ctx,
		  struct chain_totals *totals, struct px_error *err)
{
	if (totals)
		memset(totals, 0, sizeof *totals);
	struct inquiry inq;
	if (check_date(today, err) < 0 || inquiry_get(j, id, &inq, err) < 0)
		return -1;
	inquiry_free(&inq);
	struct chain_store c = { 0 };
	if (read_chain(j, id, today, &c, err) < 0) {
		chain_store_free(&c);
		return -1;
	}
	c.totals.steps = (int)c.n;
	if (totals)
		*totals = c.totals;
	int passed = 0;
	for (size_t i = 0; fn && i < c.n; i++) {
		struct step_store *st = &c.steps[i];
		st->step.title = st->title;
		st->step.excerpt = st->excerpt;
		st->step.follows_up = st->follows;
		st->step.actions = st->actions;
		passed++;
		if (fn(&st->step, ctx))
			break;
	}
	chain_store_free(&c);
	return passed;
}
