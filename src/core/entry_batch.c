/*
 * entry_batch.c — adding many entries at once, for import (entry.h states
 * the contract).  Three things make it fast where entry_add is not:
 *   - tag and person names are resolved through maps loaded once, so an
 *     entry's names cost one insert each instead of an upsert and a link;
 *   - the entry's tags, people and answers are written before the entry,
 *     with foreign keys deferred to the commit, so its search row is
 *     written once with everything in it (schema 0003) instead of being
 *     indexed again for every tag and answer;
 *   - every statement is cached.
 * The checks are entry_add's and answer_add's own (entry_impl.h,
 * answer_impl.h), all made before the first write.
 */
#include "praxis/entry.h"

#include "answer_impl.h"
#include "db.h"
#include "entry_impl.h"
#include "praxis/answer.h"
#include "praxis/buf.h"
#include "praxis/text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* ---- name maps (ASCII case folded, as the tables' NOCASE) -------------------- */

struct name_slot {
	char *key;                  /* folded; NULL: empty */
	int64_t id;
	bool existed, used;
};

struct name_map {
	struct name_slot *slots;
	size_t cap, n;
};

static char *folded(const char *name)
{
	char *k = px_xstrdup(name);
	for (char *p = k; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
	return k;
}

static size_t slot_of(const struct name_map *m, const char *key)
{
	uint64_t h = 1469598103934665603u;
	for (const char *p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	size_t mask = m->cap - 1, i = (size_t)h & mask;
	while (m->slots[i].key && strcmp(m->slots[i].key, key) != 0)
		i = (i + 1) & mask;
	return i;
}

static struct name_slot *map_find(struct name_map *m, const char *name)
{
	if (!m->cap)
		return NULL;
	char *key = folded(name);
	struct name_slot *s = &m->slots[slot_of(m, key)];
	free(key);
	return s->key ? s : NULL;
}

static struct name_slot *map_put(struct name_map *m, const char *name, int64_t id, bool existed)
{
	if ((m->n + 1) * 2 > m->cap) {
		struct name_slot *old = m->slots;
		size_t old_cap = m->cap;
		m->cap = old_cap ? old_cap * 2 : 64;
		m->slots = px_xcalloc(m->cap, sizeof *m->slots);
		for (size_t i = 0; i < old_cap; i++)
			if (old[i].key)
				m->slots[slot_of(m, old[i].key)] = old[i];
		free(old);
	}
	char *key = folded(name);
	struct name_slot *s = &m->slots[slot_of(m, key)];
	if (s->key)
		free(key);
	else
		m->n++, s->key = key;
	s->id = id;
	s->existed = existed;
	return s;
}

static void map_free(struct name_map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
}

/* ---- the batch -------------------------------------------------------------------- */

/* Entries are inserted BATCH_ROWS to a statement: FTS5 writes its pending
 * index to disk at every statement that opens a savepoint, so one entry a
 * statement made a tiny index segment per entry, which cost more than
 * indexing the text itself. */
#define BATCH_ROWS 256
#define ENTRY_COLUMNS 17

struct pending {
	struct entry e;             /* the copy the statement binds */
};

struct entry_batch {
	struct journal *j;
	struct name_map tags, people;
	int64_t next_id;            /* 0 until the first entry */
	struct pending rows[BATCH_ROWS];
	size_t n_rows;
	/* The held entries' links as JSON lists of [entry, tag, explicit] and
	 * [entry, person]: one statement writes them all. */
	struct px_buf tag_links, person_links;
	int failed;                 /* a write failed: the transaction must go */
};

static int load_map(struct journal *j, const char *sql, struct name_map *m, struct px_error *err)
{
	sqlite3_stmt *s = db_stmt(j, sql, err);
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		map_put(m, (const char *)sqlite3_column_text(s, 1), sqlite3_column_int64(s, 0), true);
	db_done(s);
	return rc == SQLITE_DONE ? 0 : db_fail(j, rc, "reading names", err);
}

int entry_batch_new(struct journal *j, struct entry_batch **out, struct px_error *err)
{
	static const char SQL_TAGS[] = "SELECT id, name FROM tag";
	static const char SQL_PEOPLE[] = "SELECT id, name FROM person";
	static const char SQL_DEFER[] = "PRAGMA defer_foreign_keys = ON";
	*out = NULL;
	if (j->tx_depth == 0)
		return px_error_set(err, PX_ERR_INVALID,
				    "an entry batch needs the caller's transaction");
	struct entry_batch *b = px_xcalloc(1, sizeof *b);
	b->j = j;
	/* Lasts until the transaction ends; the commit checks every link. */
	if (db_exec(j, SQL_DEFER, "deferring link checks", err) < 0 ||
	    load_map(j, SQL_TAGS, &b->tags, err) < 0 || load_map(j, SQL_PEOPLE, &b->people, err) < 0) {
		entry_batch_free(b);
		return -1;
	}
	*out = b;
	return 0;
}

void entry_batch_free(struct entry_batch *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n_rows; i++)
		entry_free(&b->rows[i].e);
	px_buf_free(&b->tag_links);
	px_buf_free(&b->person_links);
	map_free(&b->tags);
	map_free(&b->people);
	free(b);
}

void entry_batch_counts(const struct entry_batch *b, struct entry_batch_counts *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < b->tags.cap; i++)
		if (b->tags.slots[i].key && b->tags.slots[i].used)
			*(b->tags.slots[i].existed ? &out->tags_found : &out->tags_added) += 1;
	for (size_t i = 0; i < b->people.cap; i++)
		if (b->people.slots[i].key && b->people.slots[i].used)
			*(b->people.slots[i].existed ? &out->people_found : &out->people_added) += 1;
}

/* The id of NAME in M, inserted with INSERT_SQL when new. */
static int name_id(struct entry_batch *b, struct name_map *m, const char *insert_sql,
		   const char *name, int64_t *id, struct px_error *err)
{
	struct name_slot *s = map_find(m, name);
	if (!s) {
		sqlite3_stmt *st = db_stmt(b->j, insert_sql, err);
		if (!st)
			return -1;
		db_bind_text(st, 1, name);
		int rc = sqlite3_step(st);
		int64_t new_id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		db_done(st);
		if (rc != SQLITE_ROW)
			return db_fail(b->j, rc, "saving a name", err);
		s = map_put(m, name, new_id, false);
	}
	s->used = true;
	*id = s->id;
	return 0;
}

static const char SQL_TAG_NEW[] = "INSERT INTO tag (name) VALUES (?1) RETURNING id";
static const char SQL_PERSON_NEW[] = "INSERT INTO person (name) VALUES (?1) RETURNING id";

int entry_batch_tag(struct entry_batch *b, const char *name, struct px_error *err)
{
	if (name && name[0] == '#')
		name++;
	if (text_tag_valid(name, err) < 0)
		return -1;
	struct name_slot *s = map_find(&b->tags, name);
	bool had = s != NULL;
	int64_t id;
	if (name_id(b, &b->tags, SQL_TAG_NEW, name, &id, err) < 0)
		return -1;
	return had ? 0 : 1;
}

/* ---- adding ------------------------------------------------------------------------ */

static int check_answers(const struct answer *a, size_t n, struct px_error *err)
{
	for (size_t i = 0; i < n; i++) {
		if (answer_check(&a[i], err) < 0)
			return -1;
		for (size_t k = 0; k < i; k++)
			if (strcmp(a[k].step_id, a[i].step_id) == 0)
				return px_error_set(err, PX_ERR_INVALID,
						    "step '%s' is answered twice", a[i].step_id);
	}
	return 0;
}

/* As entry_add: the inquiry must exist (its link is checked only at the
 * commit otherwise, without saying which entry). */
static int check_inquiry(struct entry_batch *b, int64_t id, struct px_error *err)
{
	static const char SQL[] = "SELECT 1 FROM inquiry WHERE id = ?1";
	if (!id)
		return 0;
	sqlite3_stmt *s = db_stmt(b->j, SQL, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, id);
	int rc = sqlite3_step(s);
	db_done(s);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return db_fail(b->j, rc, "finding the inquiry", err);
	return px_error_set(err, PX_ERR_NOT_FOUND, "inquiry %lld: no such inquiry", (long long)id);
}

static int next_id(struct entry_batch *b, int64_t *id, struct px_error *err)
{
	static const char SQL[] = "SELECT coalesce(max(id), 0) + 1 FROM entry";
	if (!b->next_id) {
		sqlite3_stmt *s = db_stmt(b->j, SQL, err);
		if (!s)
			return -1;
		int rc = sqlite3_step(s);
		b->next_id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
		db_done(s);
		if (rc != SQLITE_ROW)
			return db_fail(b->j, rc, "numbering the entry", err);
	}
	*id = b->next_id++;
	return 0;
}

/* Resolve NAMES and note their links to ENTRY for the next flush. */
static int link_all(struct entry_batch *b, int64_t entry, const struct px_strlist *names,
		    int explicit_count, bool people, struct px_error *err)
{
	struct px_buf *links = people ? &b->person_links : &b->tag_links;
	for (size_t i = 0; i < names->len; i++) {
		int64_t id = 0;
		if (name_id(b, people ? &b->people : &b->tags, people ? SQL_PERSON_NEW : SQL_TAG_NEW,
			    names->items[i], &id, err) < 0)
			return -1;
		px_buf_adds(links, links->len ? ",[" : "[[");
		if (people)
			px_buf_addf(links, "%lld,%lld]", (long long)entry, (long long)id);
		else
			px_buf_addf(links, "%lld,%lld,%d]", (long long)entry, (long long)id,
				    (int)i < explicit_count);
	}
	return 0;
}

static int write_links(struct entry_batch *b, struct px_error *err)
{
	static const char SQL_TAG_LINKS[] =
		"INSERT OR IGNORE INTO entry_tag (entry_id, tag_id, explicit)"
		" SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?1)";
	static const char SQL_PERSON_LINKS[] =
		"INSERT OR IGNORE INTO entry_person (entry_id, person_id)"
		" SELECT value ->> 0, value ->> 1 FROM json_each(?1)";
	struct px_buf *lists[] = { &b->tag_links, &b->person_links };
	const char *sql[] = { SQL_TAG_LINKS, SQL_PERSON_LINKS };
	for (int k = 0; k < 2; k++) {
		if (!lists[k]->len)
			continue;
		px_buf_addc(lists[k], ']');
		sqlite3_stmt *s = db_stmt(b->j, sql[k], err);
		if (!s)
			return -1;
		db_bind_text(s, 1, lists[k]->data);
		int rc = db_exec_stmt(b->j, s, "linking names", err);
		px_buf_reset(lists[k]);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static const char SQL_INSERT_HEAD[] =
	"INSERT INTO entry (id, uuid, frame, title, body, occurred_at, period_start, period_end,"
	" created_at, updated_at, private, starred, inquiry_id, template_id, template_version,"
	" template_hash, word_count) VALUES ";
static const char SQL_INSERT_ROW[] = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

static void bind_row(sqlite3_stmt *s, int base, const struct entry *e)
{
	db_bind_int(s, base + 1, e->id);
	db_bind_text(s, base + 2, e->uuid);
	db_bind_text(s, base + 3, entry_frame_name(e->frame));
	db_bind_text(s, base + 4, e->title);
	db_bind_text(s, base + 5, e->body);
	db_bind_text(s, base + 6, e->occurred_at);
	db_bind_text(s, base + 7, e->period_start[0] ? e->period_start : NULL);
	db_bind_text(s, base + 8, e->period_end[0] ? e->period_end : NULL);
	db_bind_text(s, base + 9, e->created_at);
	db_bind_text(s, base + 10, e->updated_at);
	db_bind_int(s, base + 11, e->is_private != 0);
	db_bind_int(s, base + 12, e->starred != 0);
	db_bind_id(s, base + 13, e->inquiry_id);
	db_bind_text(s, base + 14, e->template_id);
	if (e->template_id)
		db_bind_int(s, base + 15, e->template_version);
	db_bind_text(s, base + 16, e->template_hash);
	db_bind_int(s, base + 17, e->word_count);
}

int entry_batch_flush(struct entry_batch *b, struct px_error *err)
{
	if (b->failed)
		return px_error_set(err, PX_ERR_DB, "an earlier write of this batch failed");
	if (!b->n_rows)
		return 0;
	struct px_buf sql = PX_BUF_INIT;
	px_buf_adds(&sql, SQL_INSERT_HEAD);
	for (size_t i = 0; i < b->n_rows; i++)
		px_buf_addf(&sql, "%s%s", i ? ", " : "", SQL_INSERT_ROW);
	sqlite3_stmt *s = db_stmt_composed(b->j, sql.data, err);
	px_buf_free(&sql);
	/* Links first: the entries' search rows are made from them (0003). */
	int rc = -1;
	if (s && write_links(b, err) == 0) {
		for (size_t i = 0; i < b->n_rows; i++)
			bind_row(s, (int)i * ENTRY_COLUMNS, &b->rows[i].e);
		rc = db_exec_stmt(b->j, s, "saving the entries", err);
	}
	for (size_t i = 0; i < b->n_rows; i++)
		entry_free(&b->rows[i].e);
	b->n_rows = 0;
	b->failed = rc < 0;
	return rc;
}

/* Keep a copy of E's row for the next flush. */
static void hold(struct entry_batch *b, const struct entry *e)
{
	struct entry *c = &b->rows[b->n_rows++].e;
	entry_init(c);
	c->id = e->id;
	memcpy(c->uuid, e->uuid, sizeof c->uuid);
	c->frame = e->frame;
	entry_set(&c->title, e->title);
	entry_set(&c->body, e->body);
	memcpy(c->occurred_at, e->occurred_at, sizeof c->occurred_at);
	memcpy(c->period_start, e->period_start, sizeof c->period_start);
	memcpy(c->period_end, e->period_end, sizeof c->period_end);
	memcpy(c->created_at, e->created_at, sizeof c->created_at);
	memcpy(c->updated_at, e->updated_at, sizeof c->updated_at);
	c->is_private = e->is_private;
	c->starred = e->starred;
	c->inquiry_id = e->inquiry_id;
	entry_set(&c->template_id, e->template_id);
	c->template_version = e->template_version;
	entry_set(&c->template_hash, e->template_hash);
	c->word_count = e->word_count;
}

/* Everything but the entry row, in the order its search row needs. */
static int write_children(struct entry_batch *b, struct entry *e, const struct answer *answers,
			  size_t n, struct px_error *err)
{
	struct px_strlist tags = { 0 }, people = { 0 };
	int explicit_tags;
	entry_gather_names(e, &tags, &explicit_tags, &people);
	int rc = link_all(b, e->id, &tags, explicit_tags, false, err);
	if (rc == 0)
		rc = link_all(b, e->id, &people, 0, true, err);
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = answer_insert_row(b->j, e->id, &answers[i], err);
	strlist_free(&e->tags);
	strlist_free(&e->people);
	e->tags = tags;
	e->people = people;
	e->explicit_tags = (size_t)explicit_tags;
	return rc;
}

int entry_batch_add(struct entry_batch *b, struct entry *e, const struct answer *answers,
		    size_t n_answers, struct px_error *err)
{
	if (entry_validate(e, err) < 0 || check_answers(answers, n_answers, err) < 0 ||
	    check_inquiry(b, e->inquiry_id, err) < 0)
		return -1;
	if (!e->uuid[0])
		journal_uuid(e->uuid);
	if (!e->created_at[0] && db_now_utc(e->created_at, err) < 0)
		return -1;
	if (!e->updated_at[0])
		memcpy(e->updated_at, e->created_at, sizeof e->updated_at);
	size_t words = text_word_count(e->title) + text_word_count(e->body);
	for (size_t i = 0; i < n_answers; i++)
		words += text_word_count(answers[i].value_text);
	e->word_count = (int)words;
	if (b->failed)
		return px_error_set(err, PX_ERR_DB, "an earlier write of this batch failed");
	if (next_id(b, &e->id, err) < 0)
		return -1;
	if (write_children(b, e, answers, n_answers, err) < 0) {
		b->failed = 1;
		e->id = 0;
		return -1;
	}
	hold(b, e);
	return b->n_rows == BATCH_ROWS ? entry_batch_flush(b, err) : 0;
}
