/*
 * entry_list.c — listing entries with filters and keyset paging.
 *
 * The statement is composed from constant fragments chosen by which
 * filters are set (never from data: every value is a bound parameter) and
 * cached by its text.  Ordering is always (occurred_at, id), which the
 * partial index entry_live_by_time serves directly, so the first page of a
 * 100k-entry journal costs what it costs for ten entries, and the next page
 * starts from the last key seen rather than skipping an OFFSET.
 *
 * A tag filter is answered in two steps, because neither way of testing
 * an entry's tags suits every tag (measured on 100k entries, make bench):
 *   - a correlated EXISTS per entry costs about 0.7 µs for every entry the
 *     scan passes, which is nothing for a tag on recent entries (the page
 *     fills at once) but 79 ms for a tag found only in the journal's first
 *     months, when the scan passes nearly every entry;
 *   - gathering the tag's entry ids once from entry_tag_by_tag and testing
 *     the scan against that set costs about 0.25 µs per tagged entry to
 *     build plus 0.13 µs per entry passed: 10 to 15 ms for any tag, even
 *     the most common, whose page the EXISTS scan fills in under 1 ms.
 * So the EXISTS scan runs over the next LIST_EXISTS_SPAN live entries (up
 * to the key of the last of them, found on the time index), and only a
 * page still not full is listed again with the set, passing over the rows
 * of that span already given.  (Going on from the span's key instead
 * would make SQLite test the key on every row, about 5 ms more.)
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
	P_FRAME = 1, P_TAG, P_PERSON, P_INQUIRY, P_FROM, P_TO, P_AFTER_AT, P_AFTER_ID, P_LIMIT,
	P_UNTIL_AT, P_UNTIL_ID, P_SPAN, P_IDS
};

/* Live entries the EXISTS scan of a tag filter may pass (see the top). */
#define LIST_EXISTS_SPAN 1000

enum tag_test { TAG_EXISTS, TAG_SET };

/* How one statement of a listing runs: how the tag is tested, and what the
 * key (the end of the EXISTS span, inclusive) means for it. */
struct list_plan {
	enum tag_test tag;
	int stop_at_key;            /* the scan ends at the key */
	int skip_to_key;            /* rows up to the key are passed over */
	char key_at[20];
	int64_t key_id;
};

static void compose_tag(enum tag_test test, struct px_buf *sql)
{
	if (test == TAG_EXISTS)
		px_buf_adds(sql, " AND EXISTS (SELECT 1 FROM entry_tag et JOIN tag t ON t.id = et.tag_id"
				 " WHERE et.entry_id = e.id AND (t.name = ?2 OR (substr(?2, -1) = '/'"
				 " AND substr(t.name, 1, length(?2)) = ?2 COLLATE NOCASE)))");
	else /* the unary + keeps the time order driving: see the top */
		px_buf_adds(sql, " AND +e.id IN (SELECT entry_id FROM entry_tag WHERE tag_id IN"
				 " (SELECT id FROM tag WHERE name = ?2 OR (substr(?2, -1) = '/'"
				 " AND substr(name, 1, length(?2)) = ?2 COLLATE NOCASE)))");
}

static void compose(const struct entry_filter *f, const struct list_plan *plan,
		    struct px_buf *sql)
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
		compose_tag(plan->tag, sql);
	if (f->person && *f->person)
		px_buf_adds(sql, " AND EXISTS (SELECT 1 FROM entry_person ep JOIN person p"
				 " ON p.id = ep.person_id WHERE ep.entry_id = e.id AND p.name = ?3)");
	if (f->inquiry_id)
		px_buf_adds(sql, " AND e.inquiry_id = ?4");
	if (f->from[0])
		px_buf_adds(sql, " AND e.occurred_at >= ?5");
	if (f->to[0])
		px_buf_adds(sql, " AND e.occurred_at <= ?6 || ' 23:59:59'");
	if (f->ids)  /* one statement for any number of ids: see ids_json */
		px_buf_adds(sql, " AND e.id IN (SELECT value FROM json_each(?13))");
	if (f->after_occurred[0])
		px_buf_adds(sql, f->oldest_first ? " AND (e.occurred_at, e.id) > (?7, ?8)"
						 : " AND (e.occurred_at, e.id) < (?7, ?8)");
	if (plan->stop_at_key)
		px_buf_adds(sql, f->oldest_first ? " AND (e.occurred_at, e.id) <= (?10, ?11)"
						 : " AND (e.occurred_at, e.id) >= (?10, ?11)");
	px_buf_adds(sql, f->oldest_first ? " ORDER BY e.occurred_at ASC, e.id ASC"
					 : " ORDER BY e.occurred_at DESC, e.id DESC");
	px_buf_adds(sql, " LIMIT ?9");
}

/* F's ids as a JSON array, "[3,17,42]": bound as one value, so the
 * statement's text (and its place in the cache) is the same however many
 * ids there are, and no id is ever written into SQL. */
static void ids_json(const struct entry_filter *f, struct px_buf *out)
{
	px_buf_addc(out, '[');
	for (size_t i = 0; i < f->n_ids; i++)
		px_buf_addf(out, "%s%lld", i ? "," : "", (long long)f->ids[i]);
	px_buf_addc(out, ']');
}

static void bind_filter(sqlite3_stmt *s, const struct entry_filter *f,
			const struct list_plan *plan)
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
	if (f->ids) {
		struct px_buf ids = PX_BUF_INIT;
		ids_json(f, &ids);
		db_bind_text(s, P_IDS, ids.data);
		px_buf_free(&ids);
	}
	db_bind_int(s, P_LIMIT, f->limit ? (int64_t)f->limit : -1);
	if (plan->stop_at_key) {
		db_bind_text(s, P_UNTIL_AT, plan->key_at);
		db_bind_int(s, P_UNTIL_ID, plan->key_id);
	}
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

/* Whether S comes after PLAN's key in F's order. */
static int past_key(const struct entry_summary *s, const struct entry_filter *f,
		    const struct list_plan *plan)
{
	int c = strcmp(s->occurred_at, plan->key_at);
	if (c == 0)
		c = (s->id > plan->key_id) - (s->id < plan->key_id);
	return f->oldest_first ? c > 0 : c < 0;
}

/* One statement of a listing.  *stopped is set when FN asked to stop. */
static int list_run(struct journal *j, const struct entry_filter *f, const struct list_plan *plan,
		    int (*fn)(const struct entry_summary *s, void *ctx), void *ctx, int *stopped,
		    struct px_error *err)
{
	struct px_buf sql = PX_BUF_INIT;
	compose(f, plan, &sql);
	sqlite3_stmt *s = db_stmt_composed(j, sql.data, err);
	px_buf_free(&sql);
	if (!s)
		return -1;
	bind_filter(s, f, plan);
	int rc, n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct entry_summary sum;
		row_to_summary(s, &sum);
		if (plan->skip_to_key && !past_key(&sum, f, plan))
			continue;
		n++;
		if (fn(&sum, ctx) != 0) {
			*stopped = 1;
			rc = SQLITE_DONE;
			break;
		}
	}
	db_done(s);
	return rc == SQLITE_DONE ? n : db_fail(j, rc, "listing entries", err);
}

/* The key of the LIST_EXISTS_SPAN-th live entry after F's page key, in
 * F's order, into PLAN: 1, or 0 when there are fewer. */
static int find_span_end(struct journal *j, const struct entry_filter *f,
			 struct list_plan *plan, struct px_error *err)
{
	struct px_buf sql = PX_BUF_INIT;
	px_buf_adds(&sql, "SELECT e.occurred_at, e.id FROM entry e WHERE e.deleted_at IS NULL");
	if (f->after_occurred[0])
		px_buf_adds(&sql, f->oldest_first ? " AND (e.occurred_at, e.id) > (?7, ?8)"
						  : " AND (e.occurred_at, e.id) < (?7, ?8)");
	px_buf_adds(&sql, f->oldest_first ? " ORDER BY e.occurred_at ASC, e.id ASC"
					  : " ORDER BY e.occurred_at DESC, e.id DESC");
	px_buf_adds(&sql, " LIMIT 1 OFFSET ?12");
	sqlite3_stmt *s = db_stmt_composed(j, sql.data, err);
	px_buf_free(&sql);
	if (!s)
		return -1;
	if (f->after_occurred[0]) {
		db_bind_text(s, P_AFTER_AT, f->after_occurred);
		db_bind_int(s, P_AFTER_ID, f->after_id);
	}
	db_bind_int(s, P_SPAN, LIST_EXISTS_SPAN - 1);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		db_col_copy(s, 0, plan->key_at, sizeof plan->key_at);
		plan->key_id = sqlite3_column_int64(s, 1);
	}
	db_done(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(j, rc, "listing entries", err);
	return rc == SQLITE_ROW;
}

int entry_list(struct journal *j, const struct entry_filter *f,
	       int (*fn)(const struct entry_summary *s, void *ctx), void *ctx,
	       struct px_error *err)
{
	struct list_plan plan = { .tag = TAG_EXISTS };
	int stopped = 0;
	/* The trash is small: any scan of it is short. */
	if (!f->tag || !*f->tag || f->trash)
		return list_run(j, f, &plan, fn, ctx, &stopped, err);
	int more = find_span_end(j, f, &plan, err);
	if (more < 0)
		return -1;
	plan.stop_at_key = more;
	int n = list_run(j, f, &plan, fn, ctx, &stopped, err);
	if (n < 0 || !more || stopped || (f->limit && (size_t)n >= f->limit))
		return n;
	/* The same listing with the set: within f->limit come the n rows
	 * already given (passed over by key), then the rest of the page. */
	plan.tag = TAG_SET;
	plan.stop_at_key = 0;
	plan.skip_to_key = 1;
	int m = list_run(j, f, &plan, fn, ctx, &stopped, err);
	return m < 0 ? -1 : n + m;
}
