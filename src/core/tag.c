/*
 * tag.c — listing tags with their counts, and renaming or merging a tag.
 *
 * Trashed entries do not count, so a tag left only on trashed entries
 * drops out of the list.  Renaming works
 * on the rows and on the text: an entry's tags are recomputed from its
 * #words whenever it is edited (entry.c), so the words are rewritten too,
 * and the FTS row's tags column, which the triggers refresh only when
 * entry_tag changes, is rebuilt for the entries concerned.
 */
#include "praxis/tag.h"

#include "db.h"
#include "praxis/buf.h"
#include "praxis/entry.h"
#include "praxis/suggest.h"
#include "praxis/text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void tag_list_options_init(struct tag_list_options *opt)
{
	memset(opt, 0, sizeof *opt);
}

static const char *bare(const char *name)
{
	return name && name[0] == '#' ? name + 1 : name;
}

/* ---- listing --------------------------------------------------------------- */

/* Links to trashed entries are subtracted by naming the (small, indexed)
 * trash, so counting reads only entry_tag_by_tag, never the wide entry
 * rows: 25 ms rather than 150 ms over 100k tagged entries. */
#define LIST_FROM \
	"SELECT t.name, count(*) AS n FROM tag t JOIN entry_tag et ON et.tag_id = t.id" \
	" WHERE et.entry_id NOT IN (SELECT id FROM entry WHERE deleted_at IS NOT NULL)" \
	" AND (?1 IS NULL OR substr(t.name, 1, length(?1)) = ?1 COLLATE NOCASE) GROUP BY t.id"

static const char SQL_LIST_BY_COUNT[] = LIST_FROM " ORDER BY n DESC, t.name COLLATE NOCASE";
static const char SQL_LIST_BY_NAME[] = LIST_FROM " ORDER BY t.name COLLATE NOCASE";

int tag_list(struct journal *j, const struct tag_list_options *opt,
	     int (*fn)(const char *name, int64_t count, void *ctx), void *ctx,
	     struct px_error *err)
{
	struct tag_list_options defaults;
	tag_list_options_init(&defaults);
	const struct tag_list_options *o = opt ? opt : &defaults;
	sqlite3_stmt *s = db_stmt(j, o->by_name ? SQL_LIST_BY_NAME : SQL_LIST_BY_COUNT, err);
	if (!s)
		return -1;
	const char *prefix = bare(o->prefix);
	db_bind_text(s, 1, prefix && *prefix ? prefix : NULL);
	int rc, n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		n++;
		if (fn((const char *)sqlite3_column_text(s, 0), sqlite3_column_int64(s, 1), ctx)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	if (rc != SQLITE_DONE)
		db_fail(j, rc, "listing tags", err);
	db_done(s);
	return rc == SQLITE_DONE ? n : -1;
}

/* ---- finding --------------------------------------------------------------- */

/* The id and stored spelling of tag NAME; *id is 0 when there is none. */
static int tag_find(struct journal *j, const char *name, int64_t *id, char **spelling,
		    struct px_error *err)
{
	static const char SQL[] = "SELECT id, name FROM tag WHERE name = ?1";
	sqlite3_stmt *s = db_stmt(j, SQL, err);
	if (!s)
		return -1;
	db_bind_text(s, 1, name);
	int rc = sqlite3_step(s);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	if (spelling)
		*spelling = rc == SQLITE_ROW ? db_col_dup(s, 1) : NULL;
	db_done(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(j, rc, "finding the tag", err);
}

static int not_found(struct journal *j, const char *name, struct px_error *err)
{
	static const char SQL[] = "SELECT name FROM tag ORDER BY name COLLATE NOCASE";
	struct px_strlist names = { 0 };
	bool family = name[0] && name[strlen(name) - 1] == '/';
	sqlite3_stmt *s = db_stmt(j, SQL, NULL);
	while (s && sqlite3_step(s) == SQLITE_ROW) {
		const char *tag = (const char *)sqlite3_column_text(s, 0);
		strlist_add_unique(&names, tag);
		if (!family)
			continue;
		/* a family is suggested from families too: "powr/" is near "power/" */
		for (const char *slash = strchr(tag, '/'); slash; slash = strchr(slash + 1, '/')) {
			char *prefix = px_xstrndup(tag, (size_t)(slash - tag) + 1);
			strlist_add_unique(&names, prefix);
			free(prefix);
		}
	}
	db_done(s);
	const char *near = suggest_nearest(name, (const char *const *)names.items, names.len);
	if (near)
		px_error_set(err, PX_ERR_NOT_FOUND, "no tag '#%s' (did you mean '#%s'?)", name, near);
	else
		px_error_set(err, PX_ERR_NOT_FOUND, "no tag '#%s'", name);
	strlist_free(&names);
	return -1;
}

int tag_check_known(struct journal *j, const char *name, struct px_error *err)
{
	static const char SQL[] =
		"SELECT EXISTS (SELECT 1 FROM tag WHERE name = ?1 OR (substr(?1, -1) = '/'"
		" AND substr(name, 1, length(?1)) = ?1 COLLATE NOCASE))";
	if (name[0] == '#')
		name++;
	sqlite3_stmt *s = db_stmt(j, SQL, err);
	if (!s)
		return -1;
	db_bind_text(s, 1, name);
	int rc = sqlite3_step(s);
	int known = rc == SQLITE_ROW && sqlite3_column_int(s, 0);
	db_done(s);
	if (rc != SQLITE_ROW)
		return db_fail(j, rc, "finding the tag", err);
	return known ? 0 : not_found(j, name, err);
}

/* ---- rewriting #old in entry text ------------------------------------------ */

struct rewrite {
	const char *text;
	size_t text_len;
	const char *from, *to;
	struct px_buf out;
	size_t copied;          /* bytes of text already in out */
	int changed;
};

static void rewrite_one(const char *name, size_t len, void *ctx)
{
	struct rewrite *r = ctx;
	/* The lexer hands out pointers into the text it scans; anything else
	 * (or an overlap with what is already copied) is left alone. */
	uintptr_t at = (uintptr_t)name, base = (uintptr_t)r->text;
	if (at < base + r->copied || at + len > base + r->text_len)
		return;
	if (len != strlen(r->from) || strncasecmp(name, r->from, len) != 0)
		return;
	size_t off = (size_t)(at - base);
	px_buf_add(&r->out, r->text + r->copied, off - r->copied);
	px_buf_adds(&r->out, r->to);
	r->copied = off + len;
	r->changed = 1;
}

/* TEXT with every #FROM (in any case) spelled #TO, or NULL when it has none. */
static char *rewrite_text(const char *text, const char *from, const char *to)
{
	struct rewrite r = { text, strlen(text), from, to, PX_BUF_INIT, 0, 0 };
	text_scan_tags(text, rewrite_one, &r);
	if (!r.changed) {
		px_buf_free(&r.out);
		return NULL;
	}
	px_buf_adds(&r.out, text + r.copied);
	return px_buf_detach(&r.out);
}

static int entry_ids(struct journal *j, int64_t tag_id, int64_t **ids, size_t *n,
		     struct px_error *err)
{
	static const char SQL[] = "SELECT entry_id FROM entry_tag WHERE tag_id = ?1 ORDER BY entry_id";
	size_t cap = 0;
	*ids = NULL;
	*n = 0;
	sqlite3_stmt *s = db_stmt(j, SQL, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, tag_id);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		px_grow((void **)ids, &cap, *n + 1, sizeof **ids);
		(*ids)[(*n)++] = sqlite3_column_int64(s, 0);
	}
	db_done(s);
	return rc == SQLITE_DONE ? 0 : db_fail(j, rc, "finding the tag's entries", err);
}

static const char SQL_TEXT_GET[] = "SELECT title, body, word_count FROM entry WHERE id = ?1";
static const char SQL_TEXT_SET[] =
	"UPDATE entry SET title = ?2, body = ?3, word_count = ?4, updated_at = ?5 WHERE id = ?1";

static int rewrite_entry(struct journal *j, int64_t id, const char *from, const char *to,
			 const char *now, struct px_error *err)
{
	sqlite3_stmt *s = db_stmt(j, SQL_TEXT_GET, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, id);
	int rc = sqlite3_step(s);
	char *title = rc == SQLITE_ROW ? db_col_dup(s, 0) : NULL;
	char *body = rc == SQLITE_ROW ? db_col_dup(s, 1) : NULL;
	int64_t words = sqlite3_column_int64(s, 2);
	db_done(s);
	if (rc != SQLITE_ROW) {
		free(title);
		free(body);
		return db_fail(j, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, "reading an entry", err);
	}
	char *new_title = rewrite_text(title, from, to), *new_body = rewrite_text(body, from, to);
	int ret = 0;
	if (new_title || new_body) {
		const char *t = new_title ? new_title : title, *b = new_body ? new_body : body;
		/* Keep whatever else the cached count holds (answers): adjust it by
		 * the difference the rewrite makes. */
		words += (int64_t)(text_word_count(t) + text_word_count(b)) -
			 (int64_t)(text_word_count(title) + text_word_count(body));
		ret = -1;
		if ((s = db_stmt(j, SQL_TEXT_SET, err))) {
			db_bind_int(s, 1, id);
			db_bind_text(s, 2, t);
			db_bind_text(s, 3, b);
			db_bind_int(s, 4, words);
			db_bind_text(s, 5, now);
			ret = db_exec_stmt(j, s, "rewriting an entry's tags", err);
		}
	}
	free(title);
	free(body);
	free(new_title);
	free(new_body);
	return ret;
}

/* ---- renaming ------------------------------------------------------------------- */

/* Merging.  An entry that carries both tags keeps the target's link, set
 * explicitly if either was; dropping its old link fires entry_tag's delete
 * trigger, which rebuilds its FTS tags.  The other links move with an
 * UPDATE, which fires no trigger (an insert and a delete trigger would
 * rewrite each FTS row twice), and their FTS tags are rebuilt once. */
static const char SQL_MERGE_EXPLICIT[] =
	"UPDATE entry_tag SET explicit = 1 WHERE tag_id = ?2 AND explicit = 0 AND entry_id IN"
	" (SELECT entry_id FROM entry_tag WHERE tag_id = ?1 AND explicit = 1)";
static const char SQL_DROP_OVERLAP[] =
	"DELETE FROM entry_tag WHERE tag_id = ?1 AND entry_id IN"
	" (SELECT entry_id FROM entry_tag WHERE tag_id = ?2)";
static const char SQL_MOVE[] = "UPDATE entry_tag SET tag_id = ?2 WHERE tag_id = ?1";
static const char SQL_DELETE[] = "DELETE FROM tag WHERE id = ?1";
static const char SQL_RESPELL[] = "UPDATE tag SET name = ?2 WHERE id = ?1";
#define FTS_TAGS \
	"UPDATE entry_fts SET tags = (SELECT coalesce(group_concat(t.name, ' '), '')" \
	" FROM entry_tag et JOIN tag t ON t.id = et.tag_id WHERE et.entry_id = entry_fts.rowid)"
static const char SQL_REFRESH_TAG[] =
	FTS_TAGS " WHERE rowid IN (SELECT entry_id FROM entry_tag WHERE tag_id = ?1)";
static const char SQL_REFRESH_ENTRY[] = FTS_TAGS " WHERE rowid = ?1";

static int run_ids(struct journal *j, const char *sql, int64_t a, int64_t b, const char *text,
		   struct px_error *err)
{
	sqlite3_stmt *s = db_stmt(j, sql, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, a);
	if (b)
		db_bind_int(s, 2, b);
	if (text)
		db_bind_text(s, 2, text);
	return db_exec_stmt(j, s, "renaming the tag", err);
}

static int merge(struct journal *j, int64_t old_id, int64_t to_id, const int64_t *ids, size_t n,
		 struct px_error *err)
{
	if (run_ids(j, SQL_MERGE_EXPLICIT, old_id, to_id, NULL, err) < 0 ||
	    run_ids(j, SQL_DROP_OVERLAP, old_id, to_id, NULL, err) < 0 ||
	    run_ids(j, SQL_MOVE, old_id, to_id, NULL, err) < 0 ||
	    run_ids(j, SQL_DELETE, old_id, 0, NULL, err) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (run_ids(j, SQL_REFRESH_ENTRY, ids[i], 0, NULL, err) < 0)
			return -1;
	return 0;
}

/* Respell OLD_ID as TO, or merge it into the tag already called TO; IDS
 * are OLD_ID's entries, whose FTS tags are rebuilt either way. */
static int relink(struct journal *j, int64_t old_id, const char *to, const int64_t *ids,
		  size_t n, struct px_error *err)
{
	int64_t to_id;
	if (tag_find(j, to, &to_id, NULL, err) < 0)
		return -1;
	if (to_id != 0 && to_id != old_id)
		return merge(j, old_id, to_id, ids, n, err);
	if (run_ids(j, SQL_RESPELL, old_id, 0, to, err) < 0)
		return -1;
	return run_ids(j, SQL_REFRESH_TAG, old_id, 0, NULL, err);
}

static int rename_in_tx(struct journal *j, const char *from, const char *to, int *count,
			struct px_error *err)
{
	int64_t old_id, *ids = NULL;
	char *spelling = NULL;
	size_t n = 0;
	char now[21];
	if (tag_find(j, from, &old_id, &spelling, err) < 0)
		return -1;
	if (old_id == 0)
		return not_found(j, from, err);
	int rc = db_now_utc(now, err) == 0 ? entry_ids(j, old_id, &ids, &n, err) : -1;
	*count = (int)n;
	/* Already spelled so: nothing to change, not even a case in the text. */
	int same = strcmp(spelling, to) == 0;
	for (size_t i = 0; i < n && rc == 0 && !same; i++)
		rc = rewrite_entry(j, ids[i], spelling, to, now, err);
	if (rc == 0 && !same)
		rc = relink(j, old_id, to, ids, n, err);
	free(ids);
	free(spelling);
	return rc;
}

int tag_rename(struct journal *j, const char *old_name, const char *new_name,
	       struct px_error *err)
{
	const char *from = bare(old_name), *to = bare(new_name);
	if (text_tag_valid(to, err) < 0)
		return -1;
	if (journal_begin(j, err) < 0)
		return -1;
	int count = 0;
	if (rename_in_tx(j, from, to, &count, err) < 0) {
		journal_rollback(j);
		return -1;
	}
	return journal_commit(j, err) < 0 ? -1 : count;
}
