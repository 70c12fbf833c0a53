/*
 * answer.c — storing and reading the answers of a template run.  Checks
 * come first (so a refusal leaves the prompt engine's transaction usable);
 * the insert then also adds the answer's words to the entry's cached word
 * count, which covers title, body and answers.
 */
#include "praxis/answer.h"

#include "answer_impl.h"
#include "db.h"
#include "praxis/buf.h"
#include "praxis/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- checks -------------------------------------------------------------- */

static int check_id(const char *what, const char *s, struct px_error *err)
{
	if (!s || text_is_blank(s))
		return px_error_set(err, PX_ERR_INVALID, "an answer needs its %s", what);
	if (strchr(s, '\n') || strchr(s, '\r'))
		return px_error_set(err, PX_ERR_INVALID, "the answer's %s must be one line", what);
	if (strlen(s) > ANSWER_MAX_ID)
		return px_error_set(err, PX_ERR_LIMIT,
				    "the answer's %s is too long (at most %d bytes)",
				    what, ANSWER_MAX_ID);
	return 0;
}

int answer_check(const struct answer *a, struct px_error *err)
{
	const struct {
		const char *what, *value;
	} texts[] = {
		{ "step id", a->step_id }, { "kind", a->kind }, { "title", a->title },
		{ "prompt", a->prompt }, { "text", a->value_text }, { "option ids", a->value_ids },
		{ "measure", a->measure }, { "lens", a->lens }, { "depth", a->depth },
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		const char *v = texts[i].value;
		size_t bad = 0;
		if (v && !text_utf8_valid(v, strlen(v), &bad))
			return px_error_set(err, PX_ERR_INVALID, "the answer's %s is not valid "
					    "UTF-8 (bad byte at offset %zu)", texts[i].what, bad);
	}
	if (check_id("step id", a->step_id, err) < 0 || check_id("kind", a->kind, err) < 0)
		return -1;
	if (a->position < 0)
		return px_error_set(err, PX_ERR_INVALID, "step '%s': the position %d is negative",
				    a->step_id, a->position);
	if (a->has_num && !isfinite(a->value_num))
		return px_error_set(err, PX_ERR_INVALID, "step '%s': the value is not a number",
				    a->step_id);
	return 0;
}

/* Entry ENTRY_ID is live and has no answer for STEP_ID yet. */
static int check_place(struct journal *j, int64_t entry_id, const char *step_id,
		       struct px_error *err)
{
	static const char SQL[] =
		"SELECT deleted_at IS NOT NULL,"
		" EXISTS (SELECT 1 FROM answer WHERE entry_id = ?1 AND step_id = ?2)"
		" FROM entry WHERE id = ?1";
	sqlite3_stmt *s = db_stmt(j, SQL, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, entry_id);
	db_bind_text(s, 2, step_id);
	int rc = sqlite3_step(s);
	int trashed = rc == SQLITE_ROW && sqlite3_column_int(s, 0);
	int answered = rc == SQLITE_ROW && sqlite3_column_int(s, 1);
	db_done(s);
	if (rc == SQLITE_DONE)
		return px_error_set(err, PX_ERR_NOT_FOUND, "entry %lld: no such entry",
				    (long long)entry_id);
	if (rc != SQLITE_ROW)
		return db_fail(j, rc, "finding the entry", err);
	if (trashed)
		return px_error_set(err, PX_ERR_INVALID,
				    "entry %lld: in the trash (restore it first)",
				    (long long)entry_id);
	if (answered)
		return px_error_set(err, PX_ERR_INVALID,
				    "entry %lld: step '%s' is already answered",
				    (long long)entry_id, step_id);
	return 0;
}

/* ---- adding ---------------------------------------------------------------- */

static const char SQL_INSERT[] =
	"INSERT INTO answer (entry_id, step_id, position, kind, title, prompt, value_text,"
	" value_num, value_ids, measure, lens, depth)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
static const char SQL_ADD_WORDS[] =
	"UPDATE entry SET word_count = word_count + ?2 WHERE id = ?1";

int answer_insert_row(struct journal *j, int64_t entry_id, const struct answer *a,
		      struct px_error *err)
{
	sqlite3_stmt *s = db_stmt(j, SQL_INSERT, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, entry_id);
	db_bind_text(s, 2, a->step_id);
	db_bind_int(s, 3, a->position);
	db_bind_text(s, 4, a->kind);
	db_bind_text_or_empty(s, 5, a->title);
	db_bind_text_or_empty(s, 6, a->prompt);
	db_bind_text(s, 7, a->value_text);
	if (a->has_num)
		sqlite3_bind_double(s, 8, a->value_num);
	db_bind_text(s, 9, a->value_ids);
	db_bind_text(s, 10, a->measure);
	db_bind_text(s, 11, a->lens);
	db_bind_text(s, 12, a->depth);
	return db_exec_stmt(j, s, "saving the answer", err);
}

static int insert_answer(struct journal *j, int64_t entry_id, const struct answer *a,
			 struct px_error *err)
{
	if (answer_insert_row(j, entry_id, a, err) < 0)
		return -1;
	sqlite3_stmt *s;
	size_t words = a->value_text ? text_word_count(a->value_text) : 0;
	if (words == 0)
		return 0;
	if (!(s = db_stmt(j, SQL_ADD_WORDS, err)))
		return -1;
	db_bind_int(s, 1, entry_id);
	db_bind_int(s, 2, (int64_t)words);
	return db_exec_stmt(j, s, "counting the entry's words", err);
}

int answer_add(struct journal *j, int64_t entry_id, const struct answer *a,
	       struct px_error *err)
{
	if (answer_check(a, err) < 0 || check_place(j, entry_id, a->step_id, err) < 0 ||
	    journal_begin(j, err) < 0)
		return -1;
	if (insert_answer(j, entry_id, a, err) < 0) {
		journal_rollback(j);
		return -1;
	}
	return journal_commit(j, err);
}

/* ---- listing ------------------------------------------------------------------ */

/* An answer with the storage behind its borrowed strings. */
struct answer_row {
	struct answer a;
	char *text[9];
};

static const char SQL_LIST[] =
	"SELECT step_id, kind, title, prompt, value_text, value_ids, measure, lens, depth,"
	" position, value_num FROM answer WHERE entry_id = ?1 ORDER BY position, step_id";

static void row_to_answer(sqlite3_stmt *s, struct answer_row *r)
{
	memset(r, 0, sizeof *r);
	for (int col = 0; col < 9; col++)
		if (sqlite3_column_type(s, col) != SQLITE_NULL)
			r->text[col] = db_col_dup(s, col);
	r->a.step_id = r->text[0];
	r->a.kind = r->text[1];
	r->a.title = r->text[2];
	r->a.prompt = r->text[3];
	r->a.value_text = r->text[4];
	r->a.value_ids = r->text[5];
	r->a.measure = r->text[6];
	r->a.lens = r->text[7];
	r->a.depth = r->text[8];
	r->a.position = sqlite3_column_int(s, 9);
	r->a.has_num = sqlite3_column_type(s, 10) != SQLITE_NULL;
	r->a.value_num = r->a.has_num ? sqlite3_column_double(s, 10) : 0.0;
}

static int entry_exists(struct journal *j, int64_t id, struct px_error *err)
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

int answer_list(struct journal *j, int64_t entry_id,
		int (*fn)(const struct answer *a, void *ctx), void *ctx, struct px_error *err)
{
	if (entry_exists(j, entry_id, err) < 0)
		return -1;
	sqlite3_stmt *s = db_stmt(j, SQL_LIST, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, entry_id);
	struct answer_row *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		px_grow((void **)&rows, &cap, n + 1, sizeof *rows);
		row_to_answer(s, &rows[n++]);
	}
	db_done(s);
	int passed = rc == SQLITE_DONE ? 0 : db_fail(j, rc, "reading the answers", err);
	int stop = passed < 0;
	for (size_t i = 0; i < n; i++) {
		if (!stop) {
			passed++;
			stop = fn && fn(&rows[i].a, ctx) != 0;
		}
		for (int k = 0; k < 9; k++)
			free(rows[i].text[k]);
	}
	free(rows);
	return passed;
}

/* ---- finding earlier answers (recall) ----------------------------------------- */

#define SQL_FIND_BASE \
	"SELECT a.value_text, e.title, e.uuid, e.occurred_at FROM answer a" \
	" JOIN entry e ON e.id = a.entry_id" \
	" WHERE a.step_id = ?1 AND e.deleted_at IS NULL" \
	" AND a.value_text IS NOT NULL AND a.value_text <> ''" \
	" AND (?2 IS NULL OR e.template_id = ?2) AND (?3 IS NULL OR e.inquiry_id = ?3)" \
	" AND (?4 IS NULL OR e.id = ?4) AND (?5 IS NULL OR e.id <> ?5)"

static const char SQL_FIND_LAST[] = SQL_FIND_BASE " ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1";
static const char SQL_FIND_FIRST[] = SQL_FIND_BASE " ORDER BY e.occurred_at, e.id LIMIT 1";

void answer_found_free(struct answer_found *f)
{
	free(f->text);
	free(f->entry_title);
	memset(f, 0, sizeof *f);
}

int answer_find(struct journal *j, const struct answer_query *q, struct answer_found *out,
		struct px_error *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(j, q->first ? SQL_FIND_FIRST : SQL_FIND_LAST, err);
	if (!s)
		return -1;
	db_bind_text(s, 1, q->step_id);
	db_bind_text(s, 2, q->template_id);
	db_bind_id(s, 3, q->inquiry_id);
	db_bind_id(s, 4, q->entry_id);
	db_bind_id(s, 5, q->exclude_entry);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->text = db_col_dup(s, 0);
		out->entry_title = db_col_dup(s, 1);
		db_col_copy(s, 2, out->entry_uuid, sizeof out->entry_uuid);
		db_col_copy(s, 3, out->occurred_at, sizeof out->occurred_at);
	}
	db_done(s);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_fail(j, rc, "reading an earlier answer", err);
}
