/*
 * entry.c — saving, loading, trashing and listing entries, and keeping
 * their tags and people in step with their text.  The rules an entry must
 * pass are stated in entry.h; listing uses keyset paging over the
 * (occurred_at, id) index so that page N costs what page 1 costs.
 */
#include "praxis/entry.h"

#include "db.h"
#include "entry_impl.h"
#include "praxis/buf.h"
#include "praxis/suggest.h"
#include "praxis/text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- frames and string lists --------------------------------------------- */

static const struct {
	const char *name, *label;
	char mark;
} frames[FRAME_COUNT] = {
	[FRAME_NOTE] = { "note", "note", '-' },
	[FRAME_INCIDENT] = { "incident", "critical incident", '!' },
	[FRAME_PERIOD] = { "period", "time period", '~' },
	[FRAME_INQUIRY] = { "inquiry", "inquiry", '?' },
};

const char *entry_frame_name(enum entry_frame f) { return frames[f].name; }
const char *entry_frame_label(enum entry_frame f) { return frames[f].label; }
char entry_frame_mark(enum entry_frame f) { return frames[f].mark; }

int entry_frame_parse(const char *text, enum entry_frame *out, struct px_error *err)
{
	static const struct {
		const char *alias;
		enum entry_frame frame;
	} aliases[] = {
		{ "note", FRAME_NOTE }, { "n", FRAME_NOTE },
		{ "incident", FRAME_INCIDENT }, { "critical-incident", FRAME_INCIDENT },
		{ "i", FRAME_INCIDENT },
		{ "period", FRAME_PERIOD }, { "time-period", FRAME_PERIOD },
		{ "review", FRAME_PERIOD }, { "p", FRAME_PERIOD },
		{ "inquiry", FRAME_INQUIRY }, { "enquiry", FRAME_INQUIRY }, { "q", FRAME_INQUIRY },
	};
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
		if (strcasecmp(text, aliases[i].alias) == 0) {
			*out = aliases[i].frame;
			return 0;
		}
	}
	const char *names[FRAME_COUNT];
	for (int i = 0; i < FRAME_COUNT; i++)
		names[i] = frames[i].name;
	const char *near = suggest_nearest(text, names, FRAME_COUNT);
	if (near)
		return px_error_set(err, PX_ERR_INVALID,
				    "'%s' is not a frame (did you mean '%s'?)", text, near);
	return px_error_set(err, PX_ERR_INVALID,
			    "'%s' is not a frame (note, incident, period or inquiry)", text);
}

void strlist_add(struct px_strlist *l, const char *s)
{
	px_grow((void **)&l->items, &l->cap, l->len + 1, sizeof *l->items);
	l->items[l->len++] = px_xstrdup(s);
}

void strlist_add_unique(struct px_strlist *l, const char *s)
{
	for (size_t i = 0; i < l->len; i++)
		if (strcasecmp(l->items[i], s) == 0)
			return;
	strlist_add(l, s);
}

void strlist_free(struct px_strlist *l)
{
	for (size_t i = 0; i < l->len; i++)
		free(l->items[i]);
	free(l->items);
	l->items = NULL;
	l->len = l->cap = 0;
}

/* ---- struct entry --------------------------------------------------------- */

void entry_init(struct entry *e)
{
	memset(e, 0, sizeof *e);
	e->frame = FRAME_NOTE;
	e->title = px_xstrdup("");
	e->body = px_xstrdup("");
}

void entry_free(struct entry *e)
{
	free(e->title);
	free(e->body);
	free(e->template_id);
	free(e->template_hash);
	strlist_free(&e->tags);
	strlist_free(&e->people);
	memset(e, 0, sizeof *e);
}

void entry_set(char **field, const char *value)
{
	free(*field);
	*field = value ? px_xstrdup(value) : NULL;
}

/* ---- validation ------------------------------------------------------------ */

static int is_datetime(const char *s)
{
	static const char shape[] = "dddd-dd-dd dd:dd:dd";
	if (strlen(s) != sizeof shape - 1)
		return 0;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
			return 0;
	return 1;
}

static int is_date(const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	if (strlen(s) != sizeof shape - 1)
		return 0;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
			return 0;
	return 1;
}

static int check_utf8(const char *what, const char *s, struct px_error *err)
{
	size_t bad = 0;
	if (!text_utf8_valid(s, strlen(s), &bad))
		return px_error_set(err, PX_ERR_INVALID,
				    "the %s is not valid UTF-8 (bad byte at offset %zu)", what, bad);
	return 0;
}

int entry_validate(const struct entry *e, struct px_error *err)
{
	if ((unsigned)e->frame >= FRAME_COUNT)
		return px_error_set(err, PX_ERR_INVALID, "unknown frame");
	/* entry_set(field, NULL) is how a caller clears a field; an entry
	 * needs both, empty or not. */
	if (!e->title || !e->body)
		return px_error_set(err, PX_ERR_INVALID, "the entry has no %s (set it, if only to "
				    "\"\")", e->title ? "body" : "title");
	if (check_utf8("title", e->title, err) < 0 || check_utf8("body", e->body, err) < 0)
		return -1;
	if (strchr(e->title, '\n'))
		return px_error_set(err, PX_ERR_INVALID, "the title must be one line");
	if (text_is_blank(e->title) && text_is_blank(e->body))
		return px_error_set(err, PX_ERR_INVALID, "the entry is empty: write a title or a body");
	if (!is_datetime(e->occurred_at))
		return px_error_set(err, PX_ERR_INVALID, "'%s' is not a date-time", e->occurred_at);
	int period = e->frame == FRAME_PERIOD;
	if (period && (!is_date(e->period_start) || !is_date(e->period_end)))
		return px_error_set(err, PX_ERR_INVALID,
				    "a time-period entry needs the period's start and end dates");
	if (!period && (e->period_start[0] || e->period_end[0]))
		return px_error_set(err, PX_ERR_INVALID, "only a time-period entry has a period");
	if (period && strcmp(e->period_start, e->period_end) > 0)
		return px_error_set(err, PX_ERR_INVALID, "the period starts (%s) after it ends (%s)",
				    e->period_start, e->period_end);
	for (size_t i = 0; i < e->tags.len; i++)
		if (text_tag_valid(e->tags.items[i], err) < 0)
			return -1;
	for (size_t i = 0; i < e->people.len; i++)
		if (text_person_valid(e->people.items[i], err) < 0)
			return -1;
	return 0;
}

/* ---- tags and people --------------------------------------------------------- */

struct scan_ctx {
	struct px_strlist *list;
};

static void collect_name(const char *name, size_t len, void *ctx)
{
	struct scan_ctx *c = ctx;
	char *copy = px_xstrndup(name, len);
	strlist_add_unique(c->list, copy);
	free(copy);
}

static int link_names(struct journal *j, int64_t entry_id, const struct px_strlist *names,
		      const char *sql_insert_name, const char *sql_link, int explicit_count,
		      struct px_error *err)
{
	for (size_t i = 0; i < names->len; i++) {
		const char *name = names->items[i];
		if (name[0] == '#')
			name++;
		sqlite3_stmt *s = db_stmt(j, sql_insert_name, err);
		if (!s)
			return -1;
		db_bind_text(s, 1, name);
		int rc = sqlite3_step(s);
		int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
		db_done(s);
		if (rc != SQLITE_ROW)
			return db_fail(j, rc, "saving a name", err);
		if (!(s = db_stmt(j, sql_link, err)))
			return -1;
		db_bind_int(s, 1, entry_id);
		db_bind_int(s, 2, id);
		db_bind_int(s, 3, (int)i < explicit_count);
		if (db_exec_stmt(j, s, "linking a name", err) < 0)
			return -1;
	}
	return 0;
}

static const char SQL_TAG_UPSERT[] =
	"INSERT INTO tag (name) VALUES (?1) ON CONFLICT (name) DO UPDATE SET name = name "
	"RETURNING id";
static const char SQL_TAG_LINK[] =
	"INSERT OR IGNORE INTO entry_tag (entry_id, tag_id, explicit) VALUES (?1, ?2, ?3)";
static const char SQL_PERSON_UPSERT[] =
	"INSERT INTO person (name) VALUES (?1) ON CONFLICT (name) DO UPDATE SET name = name "
	"RETURNING id";
static const char SQL_PERSON_LINK[] =
	"INSERT OR IGNORE INTO entry_person (entry_id, person_id) VALUES (?1, ?2 + 0 * ?3)";
static const char SQL_TAGS_CLEAR[] = "DELETE FROM entry_tag WHERE entry_id = ?1";
static const char SQL_PEOPLE_CLEAR[] = "DELETE FROM entry_person WHERE entry_id = ?1";

void entry_gather_names(const struct entry *e, struct px_strlist *tags, int *explicit_tags,
			struct px_strlist *people)
{
	for (size_t i = 0; i < e->tags.len; i++)
		strlist_add_unique(tags, e->tags.items[i][0] == '#' ? e->tags.items[i] + 1
								  : e->tags.items[i]);
	*explicit_tags = (int)tags->len;
	for (size_t i = 0; i < e->people.len; i++)
		strlist_add_unique(people, e->people.items[i][0] == '@' ? e->people.items[i] + 1
									: e->people.items[i]);
	struct scan_ctx tc = { tags }, pc = { people };
	text_scan_tags(e->title, collect_name, &tc);
	text_scan_tags(e->body, collect_name, &tc);
	text_scan_people(e->title, collect_name, &pc);
	text_scan_people(e->body, collect_name, &pc);
}

/* Replace the entry's tags and people with the explicit ones plus those in
 * its text.  Explicit tags come first so their flag can be kept. */
static int save_names(struct journal *j, struct entry *e, struct px_error *err)
{
	struct px_strlist tags = { 0 }, people = { 0 };
	int explicit_tags;
	entry_gather_names(e, &tags, &explicit_tags, &people);

	int rc = -1;
	sqlite3_stmt *s;
	if ((s = db_stmt(j, SQL_TAGS_CLEAR, err)) && db_bind_int(s, 1, e->id) == SQLITE_OK &&
	    db_exec_stmt(j, s, "updating tags", err) == 0 &&
	    (s = db_stmt(j, SQL_PEOPLE_CLEAR, err)) && db_bind_int(s, 1, e->id) == SQLITE_OK &&
	    db_exec_stmt(j, s, "updating people", err) == 0 &&
	    link_names(j, e->id, &tags, SQL_TAG_UPSERT, SQL_TAG_LINK, explicit_tags, err) == 0 &&
	    link_names(j, e->id, &people, SQL_PERSON_UPSERT, SQL_PERSON_LINK, 0, err) == 0)
		rc = 0;
	strlist_free(&e->tags);
	strlist_free(&e->people);
	e->tags = tags;
	e->people = people;
	return rc;
}

static int count_words(const struct entry *e)
{
	return (int)(text_word_count(e->title) + text_word_count(e->body));
}

/* ---- add, update, get --------------------------------------------------------- */

static const char SQL_INSERT[] =
	"INSERT INTO entry (uuid, frame, title, body, occurred_at, period_start, period_end,"
	" created_at, updated_at, private, starred, inquiry_id, template_id, template_version,"
	" template_hash, word_count)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";

static int insert_row(struct journal *j, struct entry *e, struct px_error *err)
{
	sqlite3_stmt *s = db_stmt(j, SQL_INSERT, err);
	if (!s)
		return -1;
	db_bind_text(s, 1, e->uuid);
	db_bind_text(s, 2, entry_frame_name(e->frame));
	db_bind_text(s, 3, e->title);
	db_bind_text(s, 4, e->body);
	db_bind_text(s, 5, e->occurred_at);
	db_bind_text(s, 6, e->period_start[0] ? e->period_start : NULL);
	db_bind_text(s, 7, e->period_end[0] ? e->period_end : NULL);
	db_bind_text(s, 8, e->created_at);
	db_bind_text(s, 9, e->updated_at);
	db_bind_int(s, 10, e->is_private != 0);
	db_bind_int(s, 11, e->starred != 0);
	db_bind_id(s, 12, e->inquiry_id);
	db_bind_text(s, 13, e->template_id);
	if (e->template_id)
		db_bind_int(s, 14, e->template_version);
	db_bind_text(s, 15, e->template_hash);
	db_bind_int(s, 16, e->word_count);
	if (db_exec_stmt(j, s, "saving the entry", err) < 0)
		return -1;
	e->id = sqlite3_last_insert_rowid(j->db);
	return 0;
}

static int check_inquiry(struct journal *j, int64_t id, struct px_error *err)
{
	static const char SQL[] = "SELECT 1 FROM inquiry WHERE id = ?1";
	if (!id)
		return 0;
	sqlite3_stmt *s = db_stmt(j, SQL, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, id);
	int rc = sqlite3_step(s);
	db_done(s);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return db_fail(j, rc, "finding the inquiry", err);
	return px_error_at(err, PX_ERR_NOT_FOUND, NULL, 0, 0, "inquiry %lld: no such inquiry",
			   (long long)id);
}

int entry_add(struct journal *j, struct entry *e, struct px_error *err)
{
	if (entry_validate(e, err) < 0)
		return -1;
	if (!e->uuid[0])
		journal_uuid(e->uuid);
	if (!e->created_at[0] && db_now_utc(e->created_at, err) < 0)
		return -1;
	if (!e->updated_at[0])
		memcpy(e->updated_at, e->created_at, sizeof e->updated_at);
	e->word_count = count_words(e);
	if (journal_begin(j, err) < 0)
		return -1;
	if (check_inquiry(j, e->inquiry_id, err) < 0 || insert_row(j, e, err) < 0 ||
	    save_names(j, e, err) < 0) {
		journal_rollback(j);
		e->id = 0;
		return -1;
	}
	return journal_commit(j, err) < 0 ? (e->id = 0, -1) : 0;
}

/* The words of entry ID's answers, which its kept count includes. */
static int answer_words(struct journal *j, int64_t id, int *words, struct px_error *err)
{
	static const char SQL[] = "SELECT value_text FROM answer WHERE entry_id = ?1";
	sqlite3_stmt *s = db_stmt(j, SQL, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, id);
	int rc;
	*words = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*words += (int)text_word_count((const char *)sqlite3_column_text(s, 0));
	db_done(s);
	return rc == SQLITE_DONE ? 0 : db_fail(j, rc, "counting the answers' words", err);
}

static const char SQL_UPDATE[] =
	"UPDATE entry SET frame = ?2, title = ?3, body = ?4, occurred_at = ?5,"
	" period_start = ?6, period_end = ?7, updated_at = ?8, private = ?9, inquiry_id = ?10,"
	" word_count = ?11 WHERE id = ?1 AND deleted_at IS NULL";

int entry_update(struct journal *j, struct entry *e, struct px_error *err)
{
	if (entry_validate(e, err) < 0)
		return -1;
	int answers;
	if (db_now_utc(e->updated_at, err) < 0 || answer_words(j, e->id, &answers, err) < 0)
		return -1;
	/* Title, body and answers, as entry_add and answer_add keep it. */
	e->word_count = count_words(e) + answers;
	if (journal_begin(j, err) < 0)
		return -1;
	sqlite3_stmt *s = check_inquiry(j, e->inquiry_id, err) < 0 ? NULL
								     : db_stmt(j, SQL_UPDATE, err);
	if (!s) {
		journal_rollback(j);
		return -1;
	}
	db_bind_int(s, 1, e->id);
	db_bind_text(s, 2, entry_frame_name(e->frame));
	db_bind_text(s, 3, e->title);
	db_bind_text(s, 4, e->body);
	db_bind_text(s, 5, e->occurred_at);
	db_bind_text(s, 6, e->period_start[0] ? e->period_start : NULL);
	db_bind_text(s, 7, e->period_end[0] ? e->period_end : NULL);
	db_bind_text(s, 8, e->updated_at);
	db_bind_int(s, 9, e->is_private != 0);
	db_bind_id(s, 10, e->inquiry_id);
	db_bind_int(s, 11, e->word_count);
	if (db_exec_stmt(j, s, "saving the entry", err) < 0) {
		journal_rollback(j);
		return -1;
	}
	if (sqlite3_changes(j->db) != 1) {
		journal_rollback(j);
		return px_error_at(err, PX_ERR_NOT_FOUND, NULL, 0, 0,
				   "entry %lld: no such entry (or it is in the trash)",
				   (long long)e->id);
	}
	if (save_names(j, e, err) < 0) {
		journal_rollback(j);
		return -1;
	}
	return journal_commit(j, err);
}

static const char SQL_GET[] =
	"SELECT id, uuid, frame, title, body, occurred_at, coalesce(period_start, ''),"
	" coalesce(period_end, ''), created_at, updated_at, coalesce(deleted_at, ''), private,"
	" starred, coalesce(inquiry_id, 0), template_id, coalesce(template_version, 0),"
	" template_hash, word_count FROM entry WHERE id = ?1";
static const char SQL_GET_TAGS[] =
	"SELECT t.name, et.explicit FROM entry_tag et JOIN tag t ON t.id = et.tag_id WHERE et.entry_id = ?1"
	" ORDER BY et.explicit DESC, t.name COLLATE NOCASE";
static const char SQL_GET_PEOPLE[] =
	"SELECT p.name FROM entry_person ep JOIN person p ON p.id = ep.person_id"
	" WHERE ep.entry_id = ?1 ORDER BY p.name COLLATE NOCASE";

static int load_names(struct journal *j, const char *sql, int64_t id, struct px_strlist *out,
		      size_t *explicit_count, struct px_error *err)
{
	sqlite3_stmt *s = db_stmt(j, sql, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, id);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		strlist_add(out, (const char *)sqlite3_column_text(s, 0));
		if (explicit_count && sqlite3_column_int(s, 1))
			(*explicit_count)++;
	}
	db_done(s);
	return rc == SQLITE_DONE ? 0 : db_fail(j, rc, "reading names", err);
}

static void row_to_entry(sqlite3_stmt *s, struct entry *e)
{
	e->id = sqlite3_column_int64(s, 0);
	db_col_copy(s, 1, e->uuid, sizeof e->uuid);
	const char *frame = (const char *)sqlite3_column_text(s, 2);
	for (int f = 0; f < FRAME_COUNT; f++)
		if (frame && strcmp(frame, frames[f].name) == 0)
			e->frame = (enum entry_frame)f;
	free(e->title);
	e->title = db_col_dup(s, 3);
	free(e->body);
	e->body = db_col_dup(s, 4);
	db_col_copy(s, 5, e->occurred_at, sizeof e->occurred_at);
	db_col_copy(s, 6, e->period_start, sizeof e->period_start);
	db_col_copy(s, 7, e->period_end, sizeof e->period_end);
	db_col_copy(s, 8, e->created_at, sizeof e->created_at);
	db_col_copy(s, 9, e->updated_at, sizeof e->updated_at);
	db_col_copy(s, 10, e->deleted_at, sizeof e->deleted_at);
	e->is_private = sqlite3_column_int(s, 11);
	e->starred = sqlite3_column_int(s, 12);
	e->inquiry_id = sqlite3_column_int64(s, 13);
	if (sqlite3_column_type(s, 14) != SQLITE_NULL)
		e->template_id = db_col_dup(s, 14);
	e->template_version = sqlite3_column_int(s, 15);
	if (sqlite3_column_type(s, 16) != SQLITE_NULL)
		e->template_hash = db_col_dup(s, 16);
	e->word_count = sqlite3_column_int(s, 17);
}

int entry_get(struct journal *j, int64_t id, struct entry *out, struct px_error *err)
{
	entry_init(out);
	sqlite3_stmt *s = db_stmt(j, SQL_GET, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		row_to_entry(s, out);
	db_done(s);
	if (rc == SQLITE_DONE)
		return px_error_at(err, PX_ERR_NOT_FOUND, NULL, 0, 0, "entry %lld: no such entry",
				   (long long)id);
	if (rc != SQLITE_ROW)
		return db_fail(j, rc, "reading the entry", err);
	if (load_names(j, SQL_GET_TAGS, id, &out->tags, &out->explicit_tags, err) < 0 ||
	    load_names(j, SQL_GET_PEOPLE, id, &out->people, NULL, err) < 0)
		return -1;
	return 0;
}

void entry_forget_derived(struct entry *e)
{
	while (e->tags.len > e->explicit_tags)
		free(e->tags.items[--e->tags.len]);
	strlist_free(&e->people);
}

int entry_find_uuid(struct journal *j, const char *uuid, int64_t *id, struct px_error *err)
{
	static const char SQL[] = "SELECT id FROM entry WHERE uuid = ?1";
	sqlite3_stmt *s = db_stmt(j, SQL, err);
	if (!s)
		return -1;
	db_bind_text(s, 1, uuid);
	int rc = sqlite3_step(s);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	db_done(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(j, rc, "finding an entry", err);
}

/* ---- trash --------------------------------------------------------------------- */

static int set_deleted(struct journal *j, int64_t id, int trash, struct px_error *err)
{
	static const char SQL_TRASH[] =
		"UPDATE entry SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL";
	static const char SQL_RESTORE[] =
		"UPDATE entry SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL";
	char now[21];
	if (db_now_utc(now, err) < 0 || journal_begin(j, err) < 0)
		return -1;
	sqlite3_stmt *s = db_stmt(j, trash ? SQL_TRASH : SQL_RESTORE, err);
	if (!s) {
		journal_rollback(j);
		return -1;
	}
	db_bind_int(s, 1, id);
	if (trash)
		db_bind_text(s, 2, now);
	if (db_exec_stmt(j, s, trash ? "moving the entry to the trash" : "restoring the entry",
			 err) < 0) {
		journal_rollback(j);
		return -1;
	}
	if (sqlite3_changes(j->db) == 0) {
		journal_rollback(j);
		struct entry e;
		int found = entry_get(j, id, &e, err) == 0;
		entry_free(&e);
		if (!found)
			return -1;
		return px_error_at(err, PX_ERR_INVALID, NULL, 0, 0, "entry %lld: %s",
				   (long long)id, trash ? "already in the trash" : "not in the trash");
	}
	return journal_commit(j, err);
}

int entry_trash(struct journal *j, int64_t id, struct px_error *err)
{
	return set_deleted(j, id, 1, err);
}

int entry_restore(struct journal *j, int64_t id, struct px_error *err)
{
	return set_deleted(j, id, 0, err);
}

int entry_empty_trash(struct journal *j, int *removed, struct px_error *err)
{
	static const char SQL_PURGE[] = "DELETE FROM entry WHERE deleted_at IS NOT NULL";
	/* Merging the FTS index drops the deleted rows' tokens from its
	 * segments, so no text of a purged entry is left in the file. */
	static const char SQL_OPTIMIZE[] = "INSERT INTO entry_fts (entry_fts) VALUES ('optimize')";
	/* A tag or a person only purged entries named is their text too; people
	 * whose role or pseudonym was set by hand are the learner's records. */
	static const char SQL_TAGS[] =
		"DELETE FROM tag WHERE NOT EXISTS (SELECT 1 FROM entry_tag WHERE tag_id = tag.id)";
	static const char SQL_PEOPLE[] =
		"DELETE FROM person WHERE role = '' AND pseudonym = ''"
		" AND NOT EXISTS (SELECT 1 FROM entry_person WHERE person_id = person.id)";
	*removed = 0;
	if (journal_begin(j, err) < 0)
		return -1;
	if (db_exec(j, SQL_PURGE, "emptying the trash", err) < 0) {
		journal_rollback(j);
		return -1;
	}
	*removed = sqlite3_changes(j->db);
	if (db_exec(j, SQL_TAGS, "emptying the trash", err) < 0 ||
	    db_exec(j, SQL_PEOPLE, "emptying the trash", err) < 0 ||
	    db_exec(j, SQL_OPTIMIZE, "compacting the search index", err) < 0) {
		journal_rollback(j);
		*removed = 0;
		return -1;
	}
	if (journal_commit(j, err) < 0)
		return -1;
	/* secure_delete zeroed the text in the file's pages, but the WAL keeps
	 * older copies of them until the last connection closes, which a UI
	 * left open may not do for days: fold it in and empty it now.  Best
	 * effort: a reader in the middle of reading keeps it a while longer. */
	if (!sqlite3_get_autocommit(j->db))
		return 0;
	sqlite3_wal_checkpoint_v2(j->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	return 0;
}

int entry_count(struct journal *j, int64_t *count, struct px_error *err)
{
	static const char SQL[] = "SELECT count(*) FROM entry WHERE deleted_at IS NULL";
	sqlite3_stmt *s = db_stmt(j, SQL, err);
	if (!s)
		return -1;
	int rc = sqlite3_step(s);
	*count = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	db_done(s);
	return rc == SQLITE_ROW ? 0 : db_fail(j, rc, "counting entries", err);
}
