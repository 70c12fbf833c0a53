/*
 * entry_list.c — listing entries with filters and keyset paging.
 *
 * The statement is composed from constant fragments chosen by which
 * filters are set (never from data: every value is a bound parameter) and
 * cached by its text.  Ordering is always (occurred_at, id), which the
 * partial index entry_live_by_time serves directly, so the first page of a
 * 100k-entry journal costs what it costs for ten entries, and the next page
 * starts from the last key seen rather than skipping an OFFSET.
 */
#include "praxis/entry.h"

#include "db.h"
#include "praxis/buf.h"

#include <string.h>

void entry_filter_init(struct entry_filter *f)
{
	memset(f, 0, sizeof *f);
	f->frame = -1;
}

enum {
	P_FRAME = 1, P_TAG, P_PERSON, P_INQUIRY, P_FROM, P_TO, P_AFTER_AT, P_AFTER_ID, P_LIMIT
};

static void compose(const struct entry_filter *f, struct px_buf *sql)
{
	px_buf_adds(sql,
		    "SELECT e.id, e.uuid, e.frame, e.title, substr(e.body, 1, 200),"
		    " coalesce((SELECT group_concat(name, ' ') FROM (SELECT t.name FROM entry_tag et"
		    "  JOIN tag t ON t.id = et.tag_id WHERE et.entry_id = e.id"
		    "  ORDER BY t.name COLLATE NOCASE)), ''),"
		    " e.occurred_at, coalesce(e.deleted_at, ''), e.word_count, e.private,"
		    " coalesce(e.inquiry_id, 0) FROM entry e WHERE ");
	px_buf_adds(sql, f->trash ? "e.deleted_at IS NOT NULL" : "e.deleted_at IS NULL");
	if (f->frame >= 0)
		px_buf_adds(sql, " AND e.frame = ?1");
	if (f->tag && *f->tag)
		px_buf_adds(sql, " AND EXISTS (SELECT 1 FROM entry_tag et JOIN tag t ON t.id = et.tag_id"
				 " WHERE et.entry_id = e.id AND (t.name = ?2 OR (substr(?2, -1) = '/'"
				 " AND substr(t.name, 1, length(?2)) = ?2 COLLATE NOCASE)))");
	if (f->person && *f->person)
		px_buf_adds(sql, " AND EXISTS (SELECT 1 FROM entry_person ep JOIN person p"
				 " ON p.id = ep.person_id WHERE ep.entry_id = e.id AND p.name = ?3)");
	if (f->inquiry_id)
		px_buf_adds(sql, " AND e.inquiry_id = ?4");
	if (f->from[0])
		px_buf_adds(sql, " AND e.occurred_at >= ?5");
	if (f->to[0])
		px_buf_adds(sql, " AND e.occurred_at <= ?6 || ' 23:59:59'");
	if (f->after_occurred[0])
		px_buf_adds(sql, f->oldest_first ? " AND (e.occurred_at, e.id) > (?7, ?8)"
						 : " AND (e.occurred_at, e.id) < (?7, ?8)");
	px_buf_adds(sql, f->oldest_first ? " ORDER BY e.occurred_at ASC, e.id ASC"
					 : " ORDER BY e.occurred_at DESC, e.id DESC");
	px_buf_adds(sql, " LIMIT ?9");
}

static void bind_filter(sqlite3_stmt *s, const struct entry_filter *f)
{
	static const char *const names[FRAME_COUNT] = { "note", "incident", "period", "inquiry" };
	if (f->frame >= 0 && f->frame < FRAME_COUNT)
		db_bind_text(s, P_FRAME, names[f->frame]);
	if (f->tag && *f->tag)
		db_bind_text(s, P_TAG, f->tag[0] == '#' ? f->tag + 1 : f->tag);
	if (f->person && *f->person)
		db_bind_text(s, P_PERSON, f->person[0] == '@' ? f->person + 1 : f->person);
	if (f->inquiry_id)
		db_bind_int(s, P_INQUIRY, f->inquiry_id);
	if (f->from[0])
		db_bind_text(s, P_FROM, f->from);
	if (f->to[0])
		db_bind_text(s, P_TO, f->to);
	if (f->after_occurred[0]) {
		db_bind_text(s, P_AFTER_AT, f->after_occurred);
		db_bind_int(s, P_AFTER_ID, f->after_id);
	}
	db_bind_int(s, P_LIMIT, f->limit ? (int64_t)f->limit : -1);
}

static void row_to_summary(sqlite3_stmt *s, struct entry_summary *sum)
{
	memset(sum, 0, sizeof *sum);
	sum->id = sqlite3_column_int64(s, 0);
	db_col_copy(s, 1, sum->uuid, sizeof sum->uuid);
	const char *frame = (const char *)sqlite3_column_text(s, 2);
	enum entry_frame fr = FRAME_NOTE;
	if (frame && entry_frame_parse(frame, &fr, NULL) == 0)
		sum->frame = fr;
	sum->title = (const char *)sqlite3_column_text(s, 3);
	sum->excerpt = (const char *)sqlite3_column_text(s, 4);
	sum->tags = (const char *)sqlite3_column_text(s, 5);
	db_col_copy(s, 6, sum->occurred_at, sizeof sum->occurred_at);
	db_col_copy(s, 7, sum->deleted_at, sizeof sum->deleted_at);
	sum->word_count = sqlite3_column_int(s, 8);
	sum->is_private = sqlite3_column_int(s, 9);
	sum->inquiry_id = sqlite3_column_int64(s, 10);
	if (!sum->title)
		sum->title = "";
	if (!sum->excerpt)
		sum->excerpt = "";
	if (!sum->tags)
		sum->tags = "";
}

int entry_list(struct journal *j, const struct entry_filter *f,
	       int (*fn)(const struct entry_summary *s, void *ctx), void *ctx,
	       struct px_error *err)
{
	struct px_buf sql = PX_BUF_INIT;
	compose(f, &sql);
	sqlite3_stmt *s = db_stmt_composed(j, sql.data, err);
	px_buf_free(&sql);
	if (!s)
		return -1;
	bind_filter(s, f);
	int rc, n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct entry_summary sum;
		row_to_summary(s, &sum);
		n++;
		if (fn(&sum, ctx) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	db_done(s);
	return rc == SQLITE_DONE ? n : db_fail(j, rc, "listing entries", err);
}
