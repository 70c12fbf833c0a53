/*
 * export_gather.c — everything an exported entry is made of besides its
 * own row: tags, people, actions (with the entries that planned and
 * followed them up), inquiries, answers and the template version it was
 * written with, anonymised when asked, and its word count.
 *
 * Tags, people, actions and inquiries are read once at the start: one pass
 * over each table costs less than the three statements per entry that
 * entry_get and action_list would need, which on 100k entries is the
 * difference between a fraction of a second and several.  A selection of
 * at most xgather_narrow_max entries (a week, an inquiry, a search: what is handed
 * to a tutor) reads only its own entries' links and actions instead, by
 * their indexes, since a whole pass over a large journal's links costs
 * some 200 ms where those lookups cost a few.  These passes read the
 * tables directly for that reason; nothing here writes.  Answers
 * are read per entry (only templated entries have them) through
 * answer_list, and template snapshots on first use.
 */
#include "export_impl.h"

#include "db.h"
#include "praxis/snapshot.h"
#include "praxis/text.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- small helpers ---------------------------------------------------------- */

char *xgather_text(struct export_ctx *x, const char *s)
{
	if (!s)
		return NULL;
	return x->anon ? anonymise_text(x->anon, s) : px_xstrdup(s);
}

static const char *col_text(sqlite3_stmt *s, int col)
{
	const char *t = (const char *)sqlite3_column_text(s, col);
	return t ? t : "";
}

static int read_fail(struct export_ctx *x, int rc, const char *what)
{
	x->failed = 1;
	return db_fail(x->j, rc, what, x->err);
}

/* ---- tags and people ------------------------------------------------------------ */

static int load_names(struct export_ctx *x, const char *sql, bool people)
{
	sqlite3_stmt *s = db_stmt(x->j, sql, x->err);
	if (!s)
		return -1;
	struct xname **list = people ? &x->people : &x->tags;
	size_t *n = people ? &x->n_people : &x->n_tags, cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		px_grow((void **)list, &cap, *n + 1, sizeof **list);
		struct xname *nm = &(*list)[(*n)++];
		memset(nm, 0, sizeof *nm);
		nm->id = sqlite3_column_int64(s, 0);
		const char *name = col_text(s, 1);
		if (people) {
			nm->role = px_xstrdup(col_text(s, 2));
			nm->pseudonym = px_xstrdup(col_text(s, 3));
			const char *bare = x->anon ? anonymise_person_bare(x->anon, name) : NULL;
			const char *at = x->anon ? anonymise_person(x->anon, name) : NULL;
			nm->name = px_xstrdup(bare ? bare : name);
			struct px_buf shown = PX_BUF_INIT;
			if (at)
				px_buf_adds(&shown, at);
			else
				px_buf_addf(&shown, "@%s", name);
			nm->shown = px_buf_detach(&shown);
		} else {
			nm->name = xgather_text(x, name);
		}
	}
	db_done(s);
	return rc == SQLITE_DONE ? 0 : read_fail(x, rc, "reading names");
}

static int load_pairs(struct export_ctx *x, const char *sql, const char *ids,
		      struct xpair **out, size_t *n)
{
	sqlite3_stmt *s = db_stmt(x->j, sql, x->err);
	if (!s)
		return -1;
	if (ids)
		db_bind_text(s, 1, ids);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		px_grow((void **)out, &cap, *n + 1, sizeof **out);
		struct xpair *p = &(*out)[(*n)++];
		p->entry_id = sqlite3_column_int64(s, 0);
		p->other_id = sqlite3_column_int64(s, 1);
		p->flag = sqlite3_column_int(s, 2) != 0;
	}
	db_done(s);
	return rc == SQLITE_DONE ? 0 : read_fail(x, rc, "reading links");
}

/* The row with ID among N rows of SIZE bytes at ROWS, sorted by the
 * int64_t id at OFFSET in each (tags, people, inquiries, actions); NULL
 * when there is none. */
static void *find_by_id(void *rows, size_t n, size_t size, size_t offset, int64_t id)
{
	size_t lo = 0, hi = n;
	int64_t key = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		memcpy(&key, (char *)rows + mid * size + offset, sizeof key);
		if (key < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == n)
		return NULL;
	memcpy(&key, (char *)rows + lo * size + offset, sizeof key);
	return key == id ? (char *)rows + lo * size : NULL;
}

static struct xname *find_name(struct xname *list, size_t n, int64_t id)
{
	return find_by_id(list, n, sizeof *list, offsetof(struct xname, id), id);
}

struct xname *xgather_person(struct export_ctx *x, int64_t id)
{
	return find_name(x->people, x->n_people, id);
}

struct xname *xgather_tag(struct export_ctx *x, int64_t id)
{
	return find_name(x->tags, x->n_tags, id);
}

/* ---- finding an entry's rows --------------------------------------------------------- */

/* Entries come in date order, not id order, so a search per entry would
 * jump about: with ids dense (they are the journal's row ids), a table of
 * where each id's rows start answers in one step.  Ids far sparser than
 * the rows fall back to binary search rather than a huge table. */
struct xindex {
	uint32_t *start;            /* rows of id k: start[k] .. start[k + 1]; NULL: search */
	int64_t max;
	size_t n;
	int64_t (*key)(const void *rows, size_t i);
	const void *rows;
};

static struct xindex *index_build(const void *rows, size_t n,
				  int64_t (*key)(const void *rows, size_t i))
{
	struct xindex *ix = px_xcalloc(1, sizeof *ix);
	ix->n = n;
	ix->key = key;
	ix->rows = rows;
	ix->max = n ? key(rows, n - 1) : 0;
	if (n == 0 || ix->max < 0 || (uint64_t)ix->max > 8 * (uint64_t)n + 65536 || n > UINT32_MAX)
		return ix;
	ix->start = px_xcalloc((size_t)ix->max + 2, sizeof *ix->start);
	size_t i = 0;
	for (int64_t id = 0; id <= ix->max + 1; id++) {
		while (i < n && key(rows, i) < id)
			i++;
		ix->start[id] = (uint32_t)i;
	}
	return ix;
}

static void index_free(struct xindex *ix)
{
	if (ix)
		free(ix->start);
	free(ix);
}

/* The rows of entry ID: [*lo, *lo + count). */
static size_t index_find(const struct xindex *ix, int64_t id, size_t *lo)
{
	if (ix->start) {
		if (id < 0 || id > ix->max) {
			*lo = 0;
			return 0;
		}
		*lo = ix->start[id];
		return ix->start[id + 1] - ix->start[id];
	}
	size_t a = 0, b = ix->n;
	while (a < b) {
		size_t mid = a + (b - a) / 2;
		if (ix->key(ix->rows, mid) < id)
			a = mid + 1;
		else
			b = mid;
	}
	size_t end = a;
	while (end < ix->n && ix->key(ix->rows, end) == id)
		end++;
	*lo = a;
	return end - a;
}

static int64_t pair_key(const void *rows, size_t i)
{
	return ((const struct xpair *)rows)[i].entry_id;
}

/* ---- inquiries -------------------------------------------------------------------- */

static const char SQL_INQUIRIES[] =
	"SELECT id, uuid, question, status, opened_at, coalesce(closed_at, ''), summary,"
	" created_at, updated_at FROM inquiry ORDER BY id";

static int load_inquiries(struct export_ctx *x)
{
	sqlite3_stmt *s = db_stmt(x->j, SQL_INQUIRIES, x->err);
	if (!s)
		return -1;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		px_grow((void **)&x->inquiries, &cap, x->n_inquiries + 1, sizeof *x->inquiries);
		struct xinquiry *q = &x->inquiries[x->n_inquiries++];
		memset(q, 0, sizeof *q);
		q->id = sqlite3_column_int64(s, 0);
		db_col_copy(s, 1, q->uuid, sizeof q->uuid);
		q->question = xgather_text(x, col_text(s, 2));
		q->status = strcmp(col_text(s, 3), "closed") == 0 ? INQUIRY_CLOSED : INQUIRY_OPEN;
		db_col_copy(s, 4, q->opened_at, sizeof q->opened_at);
		db_col_copy(s, 5, q->closed_at, sizeof q->closed_at);
		q->summary = xgather_text(x, col_text(s, 6));
		db_col_copy(s, 7, q->created_at, sizeof q->created_at);
		db_col_copy(s, 8, q->updated_at, sizeof q->updated_at);
	}
	db_done(s);
	return rc == SQLITE_DONE ? 0 : read_fail(x, rc, "reading inquiries");
}

static struct xinquiry *find_inquiry(struct export_ctx *x, int64_t id)
{
	return find_by_id(x->inquiries, x->n_inquiries, sizeof *x->inquiries, offsetof(struct xinquiry, id), id);
}

/* ---- actions ------------------------------------------------------------------------- */

/* Read in rowid order (the table's own order, the cheapest) and sorted
 * here: an ORDER BY over the planner index would sort in a temporary
 * b-tree anyway. */
#define ACTIONS_JSON \
	"SELECT id, uuid, text, due_date, status, coalesce(outcome, ''), planned_by, position," \
	" follow_up_template, created_at, updated_at, coalesce(followed_up_by, 0) FROM action"
/* Documents show neither UUIDs, templates nor record times. */
#define ACTIONS_DOCUMENT \
	"SELECT id, '', text, due_date, status, coalesce(outcome, ''), planned_by, position," \
	" '', '', '', coalesce(followed_up_by, 0) FROM action"
/* A narrow selection's actions: those its entries planned or followed up,
 * ?1 the entries' ids as a JSON array; in id order, as the full pass reads
 * them (find_action searches by id). */
#define OF_SELECTED(col) col " IN (SELECT value FROM json_each(?1))"
#define ACTIONS_OF " WHERE " OF_SELECTED("planned_by") " OR " OF_SELECTED("followed_up_by")
static const char SQL_ACTIONS_JSON[] = ACTIONS_JSON;
static const char SQL_ACTIONS_DOCUMENT[] = ACTIONS_DOCUMENT;
static const char SQL_ACTIONS_JSON_OF[] = ACTIONS_JSON ACTIONS_OF " ORDER BY id";
static const char SQL_ACTIONS_DOCUMENT_OF[] = ACTIONS_DOCUMENT ACTIONS_OF " ORDER BY id";
/* The follow-up entries, in their own order so their rows are read in
 * sequence; ?2 whether private entries are shown. */
#define FOLLOWERS \
	"SELECT a.id, f.title, f.occurred_at, f.deleted_at IS NULL AND (f.private = 0 OR ?2)" \
	" FROM action a JOIN entry f ON f.id = a.followed_up_by WHERE a.followed_up_by IS NOT NULL"
static const char SQL_FOLLOWERS[] = FOLLOWERS " ORDER BY a.followed_up_by";
static const char SQL_FOLLOWERS_OF[] =
	FOLLOWERS " AND (" OF_SELECTED("a.planned_by") " OR " OF_SELECTED("a.followed_up_by")
	") ORDER BY a.followed_up_by";

static void row_to_action(struct export_ctx *x, sqlite3_stmt *s, struct xaction *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(s, 0);
	db_col_copy(s, 1, a->uuid, sizeof a->uuid);
	a->text = xgather_text(x, col_text(s, 2));
	a->words = text_word_count(a->text);
	db_col_copy(s, 3, a->due_date, sizeof a->due_date);
	const char *status = col_text(s, 4), *outcome = col_text(s, 5);
	for (int k = ACTION_OPEN; k <= ACTION_DROPPED; k++)
		if (strcmp(status, action_status_name((enum action_status)k)) == 0)
			a->status = (enum action_status)k;
	for (int k = OUTCOME_WORKED; k < OUTCOME_COUNT; k++)
		if (strcmp(outcome, action_outcome_name((enum action_outcome)k)) == 0)
			a->outcome = (enum action_outcome)k;
	a->planned_by = sqlite3_column_int64(s, 6);
	a->position = sqlite3_column_int(s, 7);
	a->follow_up_template = px_xstrdup(col_text(s, 8));
	db_col_copy(s, 9, a->created_at, sizeof a->created_at);
	db_col_copy(s, 10, a->updated_at, sizeof a->updated_at);
	a->followed_up_by = sqlite3_column_int64(s, 11);
}

static int by_planner(const void *p, const void *q)
{
	const struct xaction *a = *(struct xaction *const *)p, *b = *(struct xaction *const *)q;
	if (a->planned_by != b->planned_by)
		return a->planned_by < b->planned_by ? -1 : 1;
	if (a->position != b->position)
		return a->position < b->position ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

static int by_follower(const void *p, const void *q)
{
	const struct xaction *a = *(struct xaction *const *)p, *b = *(struct xaction *const *)q;
	if (a->followed_up_by != b->followed_up_by)
		return a->followed_up_by < b->followed_up_by ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

static struct xaction *find_action(struct export_ctx *x, int64_t id)
{
	return find_by_id(x->actions, x->n_actions, sizeof *x->actions, offsetof(struct xaction, id), id);
}

static int load_followers(struct export_ctx *x, const char *ids)
{
	sqlite3_stmt *s = db_stmt(x->j, ids ? SQL_FOLLOWERS_OF : SQL_FOLLOWERS, x->err);
	if (!s)
		return -1;
	if (ids)
		db_bind_text(s, 1, ids);
	db_bind_int(s, 2, x->o->sel.include_private != 0);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct xaction *a = find_action(x, sqlite3_column_int64(s, 0));
		if (!a)
			continue;
		a->follower_shown = sqlite3_column_int(s, 3) != 0;
		free(a->follower_title);
		a->follower_title = a->follower_shown ? xgather_text(x, col_text(s, 1))
						      : px_xstrdup("");
		db_col_copy(s, 2, a->follower_at, sizeof a->follower_at);
	}
	db_done(s);
	return rc == SQLITE_DONE ? 0 : read_fail(x, rc, "reading follow-ups");
}

static int64_t planner_key(const void *rows, size_t i)
{
	return (*((struct xaction *const *)rows + i))->planned_by;
}

static int64_t follower_key(const void *rows, size_t i)
{
	return (*((struct xaction *const *)rows + i))->followed_up_by;
}

static int load_actions(struct export_ctx *x, const char *ids)
{
	bool json = x->o->format == EXPORT_JSON;
	const char *sql = ids ? (json ? SQL_ACTIONS_JSON_OF : SQL_ACTIONS_DOCUMENT_OF)
			      : (json ? SQL_ACTIONS_JSON : SQL_ACTIONS_DOCUMENT);
	sqlite3_stmt *s = db_stmt(x->j, sql, x->err);
	if (!s)
		return -1;
	if (ids)
		db_bind_text(s, 1, ids);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		px_grow((void **)&x->actions, &cap, x->n_actions + 1, sizeof *x->actions);
		row_to_action(x, s, &x->actions[x->n_actions++]);
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		return read_fail(x, rc, "reading actions");
	x->by_planner = px_xcalloc(x->n_actions + 1, sizeof *x->by_planner);
	x->by_follower = px_xcalloc(x->n_actions + 1, sizeof *x->by_follower);
	for (size_t i = 0; i < x->n_actions; i++) {
		x->by_planner[i] = &x->actions[i];
		if (x->actions[i].followed_up_by)
			x->by_follower[x->n_by_follower++] = &x->actions[i];
	}
	qsort(x->by_planner, x->n_actions, sizeof *x->by_planner, by_planner);
	qsort(x->by_follower, x->n_by_follower, sizeof *x->by_follower, by_follower);
	x->idx_planner = index_build(x->by_planner, x->n_actions, planner_key);
	x->idx_follower = index_build(x->by_follower, x->n_by_follower, follower_key);
	/* JSON links follow-ups by UUID through the entries it wrote. */
	return json ? 0 : load_followers(x, ids);
}

/* ---- entries seen ---------------------------------------------------------------------- */

static size_t seen_slot(const struct export_ctx *x, int64_t id)
{
	/* splitmix64's finaliser: every bit of the id moves every bit. */
	uint64_t h = (uint64_t)id;
	h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9u;
	h = (h ^ (h >> 27)) * 0x94d049bb133111ebu;
	h ^= h >> 31;
	size_t mask = x->cap_seen - 1, i = (size_t)h & mask;
	while (x->seen[i].id && x->seen[i].id != id)
		i = (i + 1) & mask;
	return i;
}

static struct xseen *seen_add(struct export_ctx *x, int64_t id)
{
	if ((x->n_seen + 1) * 2 > x->cap_seen) {
		struct xseen *old = x->seen;
		size_t old_cap = x->cap_seen;
		x->cap_seen = old_cap ? old_cap * 2 : 1024;
		x->seen = px_xcalloc(x->cap_seen, sizeof *x->seen);
		for (size_t i = 0; i < old_cap; i++)
			if (old[i].id)
				x->seen[seen_slot(x, old[i].id)] = old[i];
		free(old);
	}
	struct xseen *e = &x->seen[seen_slot(x, id)];
	if (!e->id) {
		e->id = id;
		x->n_seen++;
	}
	return e;
}

void xgather_note_written(struct export_ctx *x, const struct xentry *e)
{
	/* Only entries that actions link to are looked up again. */
	if (!e->n_planned && !e->n_follows)
		return;
	struct xseen *s = seen_add(x, e->id);
	snprintf(s->uuid, sizeof s->uuid, "%s", e->uuid ? e->uuid : "");
	snprintf(s->occurred_at, sizeof s->occurred_at, "%s", e->occurred_at);
	free(s->title);
	s->title = x->o->format == EXPORT_JSON ? NULL : px_xstrdup(e->title);
	s->exported = s->shown = true;
}

const struct xseen *xgather_written(const struct export_ctx *x, int64_t id)
{
	if (!x->cap_seen)
		return NULL;
	const struct xseen *s = &x->seen[seen_slot(x, id)];
	return s->id && s->exported ? s : NULL;
}

static const char SQL_ENTRY_LINK[] =
	"SELECT uuid, title, occurred_at, deleted_at IS NULL AND (private = 0 OR ?2)"
	" FROM entry WHERE id = ?1";

const struct xseen *xgather_entry(struct export_ctx *x, int64_t id)
{
	if (x->cap_seen) {
		struct xseen *s = &x->seen[seen_slot(x, id)];
		if (s->id)
			return s;
	}
	sqlite3_stmt *st = db_stmt(x->j, SQL_ENTRY_LINK, x->err);
	if (!st) {
		x->failed = 1;
		return NULL;
	}
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, x->o->sel.include_private != 0);
	int rc = sqlite3_step(st);
	struct xseen *s = NULL;
	if (rc == SQLITE_ROW) {
		s = seen_add(x, id);
		db_col_copy(st, 0, s->uuid, sizeof s->uuid);
		s->shown = sqlite3_column_int(st, 3) != 0;
		s->title = s->shown ? xgather_text(x, col_text(st, 1)) : px_xstrdup("");
		db_col_copy(st, 2, s->occurred_at, sizeof s->occurred_at);
	}
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		read_fail(x, rc, "reading a linked entry");
	return s;
}

/* ---- loading and freeing ---------------------------------------------------------------- */

static const char SQL_TAGS[] = "SELECT id, name FROM tag ORDER BY id";
static const char SQL_PEOPLE[] = "SELECT id, name, role, pseudonym FROM person ORDER BY id";
#define ENTRY_TAGS "SELECT entry_id, tag_id, explicit FROM entry_tag"
#define ENTRY_PEOPLE "SELECT entry_id, person_id, 0 FROM entry_person"
static const char SQL_ENTRY_TAGS[] = ENTRY_TAGS " ORDER BY entry_id, tag_id";
static const char SQL_ENTRY_PEOPLE[] = ENTRY_PEOPLE " ORDER BY entry_id, person_id";
static const char SQL_ENTRY_TAGS_OF[] =
	ENTRY_TAGS " WHERE " OF_SELECTED("entry_id") " ORDER BY entry_id, tag_id";
static const char SQL_ENTRY_PEOPLE_OF[] =
	ENTRY_PEOPLE " WHERE " OF_SELECTED("entry_id") " ORDER BY entry_id, person_id";

#define NARROW_MAX 4096

size_t xgather_narrow_max = NARROW_MAX;

/* The ids of a selection of at most xgather_narrow_max entries, as a JSON array in
 * *OUT; NULL in *OUT for a wider one (everything is read then). */
static int narrow_ids(struct export_ctx *x, char **out)
{
	*out = NULL;
	struct px_buf ids = PX_BUF_INIT, list = PX_BUF_INIT;
	char *match;
	char tail[32];
	snprintf(tail, sizeof tail, " LIMIT %zu", xgather_narrow_max + 1);
	sqlite3_stmt *s = xselect_entries(x->j, &x->o->sel, "SELECT e.id", tail, &ids, &match,
					  x->err);
	int rc = SQLITE_ERROR;
	size_t n = 0;
	px_buf_addc(&list, '[');
	while (s && (rc = sqlite3_step(s)) == SQLITE_ROW)
		px_buf_addf(&list, "%s%lld", n++ ? "," : "", (long long)sqlite3_column_int64(s, 0));
	px_buf_addc(&list, ']');
	db_done(s);
	px_buf_free(&ids);
	free(match);
	if (!s) {
		px_buf_free(&list);
		x->failed = 1;
		return -1;
	}
	if (rc != SQLITE_DONE) {
		px_buf_free(&list);
		return read_fail(x, rc, "choosing the entries");
	}
	if (n <= xgather_narrow_max)
		*out = px_buf_detach(&list);
	px_buf_free(&list);
	return 0;
}

int xgather_load(struct export_ctx *x)
{
	x->cites = cite_list_new();
	if (x->o->anonymise && anonymiser_load(x->j, &x->anon, x->err) < 0)
		return -1;
	char *ids;
	if (narrow_ids(x, &ids) < 0)
		return -1;
	int rc = load_names(x, SQL_TAGS, false) < 0 || load_names(x, SQL_PEOPLE, true) < 0 ||
		 load_pairs(x, ids ? SQL_ENTRY_TAGS_OF : SQL_ENTRY_TAGS, ids, &x->entry_tags,
			    &x->n_entry_tags) < 0 ||
		 load_pairs(x, ids ? SQL_ENTRY_PEOPLE_OF : SQL_ENTRY_PEOPLE, ids, &x->entry_people,
			    &x->n_entry_people) < 0 ||
		 load_inquiries(x) < 0 || load_actions(x, ids) < 0;
	free(ids);
	if (rc)
		return -1;
	x->idx_tags = index_build(x->entry_tags, x->n_entry_tags, pair_key);
	x->idx_people = index_build(x->entry_people, x->n_entry_people, pair_key);
	if (x->o->sel.inquiry_id)
		x->focus = find_inquiry(x, x->o->sel.inquiry_id);
	return 0;
}

static void free_names(struct xname *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].name);
		free(list[i].shown);
		free(list[i].role);
		free(list[i].pseudonym);
	}
	free(list);
}

void xgather_free(struct export_ctx *x)
{
	free_names(x->tags, x->n_tags);
	free_names(x->people, x->n_people);
	free(x->entry_tags);
	free(x->entry_people);
	for (size_t i = 0; i < x->n_inquiries; i++) {
		free(x->inquiries[i].question);
		free(x->inquiries[i].summary);
	}
	free(x->inquiries);
	for (size_t i = 0; i < x->n_actions; i++) {
		struct xaction *a = &x->actions[i];
		free(a->text);
		free(a->follow_up_template);
		free(a->follower_title);
	}
	free(x->actions);
	free(x->by_planner);
	free(x->by_follower);
	index_free(x->idx_tags);
	index_free(x->idx_people);
	index_free(x->idx_planner);
	index_free(x->idx_follower);
	for (size_t i = 0; i < x->n_templates; i++) {
		free(x->templates[i].id);
		free(x->templates[i].hash);
		free(x->templates[i].yaml);
		template_free(x->templates[i].t);
	}
	free(x->templates);
	cite_list_free(x->cites);
	anonymiser_free(x->anon);
	for (size_t i = 0; i < x->cap_seen; i++)
		free(x->seen[i].title);
	free(x->seen);
}

/* ---- templates ------------------------------------------------------------------------------ */

static void read_template(struct export_ctx *x, struct xtemplate *t)
{
	struct px_error err;
	px_error_clear(&err);
	if (snapshot_get(x->j, t->id, t->version, t->hash, &t->yaml, &err) == 0) {
		char name[96];
		snprintf(name, sizeof name, "snapshot of %.40s version %d", t->id, t->version);
		struct template_load_opts opts = { NULL, TEMPLATE_SOURCE_FILE, NULL };
		t->t = template_load_buffer(t->yaml, strlen(t->yaml), name, &opts, NULL);
		/* A template that uses vocabularies needs them to load. */
		if (!t->t && x->o->templates && (opts.set = x->o->templates(x->o->templates_ctx)))
			t->t = template_load_buffer(t->yaml, strlen(t->yaml), name, &opts, NULL);
	}
	if (!t->t) {
		if (x->report)
			x->report->unread_templates++;
		return;
	}
	size_t n;
	const struct template_basis *b = template_based_on(t->t, &n);
	for (size_t i = 0; i < n; i++)
		cite_list_add(x->cites, &b[i].cite);
	x->adapted = x->adapted || template_adapted(t->t);
}

const struct xtemplate *xgather_template(struct export_ctx *x, const char *id, int version,
					 const char *hash)
{
	if (!id)
		return NULL;
	for (size_t i = 0; i < x->n_templates; i++) {
		struct xtemplate *t = &x->templates[i];
		if (t->version == version && strcmp(t->id, id) == 0 &&
		    strcmp(t->hash ? t->hash : "", hash ? hash : "") == 0)
			return t;
	}
	px_grow((void **)&x->templates, &x->cap_templates, x->n_templates + 1,
		sizeof *x->templates);
	struct xtemplate *t = &x->templates[x->n_templates++];
	memset(t, 0, sizeof *t);
	t->id = px_xstrdup(id);
	t->version = version;
	t->hash = hash ? px_xstrdup(hash) : NULL;
	read_template(x, t);
	return t;
}

/* ---- one entry ---------------------------------------------------------------------------------- */

/* What an entry is assembled in.  One store serves every entry of an
 * export: its arrays are kept and reused, only the copies an entry owns
 * are freed after it. */
struct xentry_store {
	char *title, *body;         /* anonymised copies */
	const char **tags;
	struct xname **tag_names;
	bool *tag_explicit;
	size_t cap_tags;
	const char **people, **people_shown;
	struct xname **person_names;
	bool *person_flags;
	size_t cap_people;
	struct xanswer *answers;
	size_t n_answers, cap_answers;
	char **strings;             /* the answers' copies */
	size_t n_strings, cap_strings;
};

/* Free what the last entry owned; keep the arrays. */
static void store_reset(struct xentry_store *st)
{
	free(st->title);
	free(st->body);
	st->title = st->body = NULL;
	for (size_t i = 0; i < st->n_strings; i++)
		free(st->strings[i]);
	st->n_strings = st->n_answers = 0;
}

void xentry_release(struct xentry_store *st)
{
	if (!st)
		return;
	store_reset(st);
	free(st->tags);
	free(st->tag_names);
	free(st->tag_explicit);
	free(st->people);
	free(st->people_shown);
	free(st->person_names);
	free(st->person_flags);
	free(st->answers);
	free(st->strings);
	free(st);
}

struct answer_copy {
	struct export_ctx *x;
	struct xentry_store *st;
};

static const char *keep(struct answer_copy *c, const char *s, bool anonymise)
{
	if (!s)
		return NULL;
	char *copy = anonymise ? xgather_text(c->x, s) : px_xstrdup(s);
	px_grow((void **)&c->st->strings, &c->st->cap_strings, c->st->n_strings + 1,
		sizeof *c->st->strings);
	c->st->strings[c->st->n_strings++] = copy;
	return copy;
}

static int copy_answer(const struct answer *a, void *ctx)
{
	struct answer_copy *c = ctx;
	struct xentry_store *st = c->st;
	px_grow((void **)&st->answers, &st->cap_answers, st->n_answers + 1, sizeof *st->answers);
	struct xanswer *xa = &st->answers[st->n_answers++];
	memset(xa, 0, sizeof *xa);
	xa->a = *a;
	xa->a.step_id = keep(c, a->step_id, false);
	xa->a.kind = keep(c, a->kind, false);
	xa->a.title = keep(c, a->title, true);
	xa->a.prompt = keep(c, a->prompt, true);
	xa->a.value_text = keep(c, a->value_text, true);
	xa->a.value_ids = keep(c, a->value_ids, false);
	xa->a.measure = keep(c, a->measure, false);
	xa->a.lens = keep(c, a->lens, false);
	xa->a.depth = keep(c, a->depth, false);
	xa->counted = strcmp(a->kind, "text") == 0;
	return 0;
}

/* Names in the order lists show them: by name, ASCII case aside. */
static int cmp_name_order(const void *a, const void *b)
{
	const struct xname *x = *(struct xname *const *)a, *y = *(struct xname *const *)b;
	int c = strcasecmp(x->name, y->name);
	return c ? c : strcmp(x->name, y->name);
}

/* Give every name its place in that order once, so an entry's few names
 * sort by number. */
static void rank_names(struct xname *list, size_t n)
{
	struct xname **order = px_xcalloc(n + 1, sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = &list[i];
	qsort(order, n, sizeof *order, cmp_name_order);
	for (size_t i = 0; i < n; i++)
		order[i]->rank = i;
	free(order);
}

/* Insertion sort of N names by rank: an entry has a handful. */
static void sort_by_rank(struct xname **v, bool *flags, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct xname *t = v[i];
		bool f = flags ? flags[i] : false;
		size_t k = i;
		for (; k > 0 && v[k - 1]->rank > t->rank; k--) {
			v[k] = v[k - 1];
			if (flags)
				flags[k] = flags[k - 1];
		}
		v[k] = t;
		if (flags)
			flags[k] = f;
	}
}

/* The names of ENTRY from PAIRS through INDEX, sorted, into ST's arrays. */
static size_t entry_names(struct export_ctx *x, const struct xindex *index,
			  const struct xpair *pairs, bool people, int64_t entry,
			  struct xname ***names, bool **flags, size_t *cap)
{
	size_t at, n = index_find(index, entry, &at), k = 0;
	if (n + 1 > *cap) {
		*cap = n + 1;
		*names = px_xrealloc(*names, *cap * sizeof **names);
		*flags = px_xrealloc(*flags, *cap * sizeof **flags);
	}
	for (size_t i = 0; i < n; i++) {
		struct xname *nm = people ? xgather_person(x, pairs[at + i].other_id)
					  : xgather_tag(x, pairs[at + i].other_id);
		if (!nm)
			continue;
		nm->used = true;
		(*names)[k] = nm;
		(*flags)[k++] = pairs[at + i].flag;
	}
	sort_by_rank(*names, *flags, k);
	return k;
}

static void assemble_names(struct export_ctx *x, struct xentry *e, struct xentry_store *st)
{
	if (!x->ranked) {
		rank_names(x->tags, x->n_tags);
		rank_names(x->people, x->n_people);
		x->ranked = true;
	}
	size_t k = entry_names(x, x->idx_tags, x->entry_tags, false, e->id, &st->tag_names,
			       &st->tag_explicit, &st->cap_tags);
	st->tags = px_xrealloc(st->tags, (k + 1) * sizeof *st->tags);
	for (size_t i = 0; i < k; i++)
		st->tags[i] = st->tag_names[i]->name;
	e->n_tags = k;
	size_t m = entry_names(x, x->idx_people, x->entry_people, true, e->id, &st->person_names,
			       &st->person_flags, &st->cap_people);
	st->people = px_xrealloc(st->people, (m + 1) * sizeof *st->people);
	st->people_shown = px_xrealloc(st->people_shown, (m + 1) * sizeof *st->people_shown);
	for (size_t i = 0; i < m; i++) {
		st->people[i] = st->person_names[i]->name;
		st->people_shown[i] = st->person_names[i]->shown;
	}
	e->n_people = m;
	e->tags = st->tags;
	e->tag_explicit = st->tag_explicit;
	e->people = st->people;
	e->people_shown = st->people_shown;
}

/* Words of the entry (export.h says which).  A body's words come from the
 * count kept with the entry (title, body and answers) when nothing was
 * rewritten: counting every body again would cost more than the rest of
 * an export.  Anonymised text is counted as it is written. */
static size_t own_words(const struct export_ctx *x, const struct xentry *e, int cached)
{
	size_t words = 0;
	for (size_t i = 0; i < e->n_answers; i++)
		if (e->answers[i].counted)
			words += e->answers[i].words;
	for (size_t i = 0; i < e->n_planned; i++)
		words += e->planned[i]->words;
	if (x->anon || e->n_answers) {
		words += text_word_count(e->body);
	} else {
		size_t title = text_word_count(e->title);
		words += (size_t)cached > title ? (size_t)cached - title : 0;
	}
	return words;
}

int xentry_assemble(struct export_ctx *x, struct xentry *e, int cached_words,
		    struct xentry_store **store)
{
	if (!*store)
		*store = px_xcalloc(1, sizeof **store);
	struct xentry_store *st = *store;
	store_reset(st);
	if (x->anon) {
		e->title = st->title = anonymise_text(x->anon, e->title);
		e->body = st->body = anonymise_text(x->anon, e->body);
	}
	assemble_names(x, e, st);
	e->tmpl = xgather_template(x, e->template_id, e->template_version, e->template_hash);
	if (e->template_id) {
		struct answer_copy c = { x, st };
		if (answer_list(x->j, e->id, copy_answer, &c, x->err) < 0) {
			x->failed = 1;
			return -1;
		}
	}
	for (size_t i = 0; i < st->n_answers; i++) {
		struct xanswer *a = &st->answers[i];
		a->words = text_word_count(a->a.value_text);
		if (e->tmpl && e->tmpl->t) {
			long k = template_step_find(e->tmpl->t, a->a.step_id);
			a->step = k >= 0 ? template_step_at(e->tmpl->t, (size_t)k) : NULL;
		}
	}
	e->answers = st->answers;
	e->n_answers = st->n_answers;
	size_t at;
	e->n_planned = index_find(x->idx_planner, e->id, &at);
	e->planned = (const struct xaction *const *)x->by_planner + at;
	e->n_follows = index_find(x->idx_follower, e->id, &at);
	e->follows = (const struct xaction *const *)x->by_follower + at;
	e->words = own_words(x, e, cached_words);
	return 0;
}

struct xinquiry *xgather_inquiry(struct export_ctx *x, int64_t id)
{
	struct xinquiry *q = id ? find_inquiry(x, id) : NULL;
	if (q)
		q->used = true;
	return q;
}
