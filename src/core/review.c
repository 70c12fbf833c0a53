/*
 * review.c — one period of the journal looked at as a whole (review.h).
 *
 * Every figure is one SQL statement over the period's live entries with the
 * same filter (dates, and the optional inquiry, tag or frame), so the
 * database does the counting through its indexes and nothing is read twice;
 * only the text for distinctive terms is read row by row, and of a bounded
 * sample (review_terms.c).
 */
#include "review_impl.h"

#include "praxis/buf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The filter every figure shares, composed from constant fragments (never
 * from data): the period on the entry's time (?1 from and ?2 to, as
 * 'YYYY-MM-DD') and, only when asked for, the scope (?3 frame, ?4 inquiry,
 * ?5 tag).  Leaving out the scope that is not asked for keeps the plain
 * case inside the entry_live_by_time index, which covers deleted_at,
 * occurred_at and id, so no entry row (with its long body) is ever read
 * just to be counted. */
static void compose_filter(const struct ctx *c, bool dates, struct px_buf *sql)
{
	px_buf_adds(sql, " WHERE e.deleted_at IS NULL");
	if (dates)
		px_buf_adds(sql, " AND e.occurred_at >= ?1 AND e.occurred_at <= ?2 || ' 23:59:59'");
	if (c->frame[0])
		px_buf_adds(sql, " AND e.frame = ?3");
	if (c->o->inquiry_id)
		px_buf_adds(sql, " AND e.inquiry_id = ?4");
	if (c->o->tag && *c->o->tag)
		px_buf_adds(sql, " AND e.id IN (SELECT entry_id FROM entry_tag WHERE tag_id IN"
				 " (SELECT id FROM tag WHERE name = ?5 OR (substr(?5, -1) = '/'"
				 " AND substr(name, 1, length(?5)) = ?5 COLLATE NOCASE)))");
}

static const char SQL_ENTRIES[] =
	"SELECT e.id, e.frame, substr(e.occurred_at, 1, 10), e.word_count FROM entry e";
static const char SQL_ENTRIES_TAIL[] = " ORDER BY e.occurred_at, e.id";
static const char SQL_MEASURES[] =
	"SELECT a.measure, substr(e.occurred_at, 1, 10), a.value_num, e.id FROM entry e"
	" JOIN answer a ON a.entry_id = e.id";
static const char SQL_MEASURES_TAIL[] =
	" AND a.measure IS NOT NULL AND a.value_num IS NOT NULL"
	" ORDER BY a.measure, e.occurred_at, e.id";
/* Actions are reached from the period's entries through the time index
 * (CROSS JOIN fixes that order), never the other way round, which would
 * read each entry row to learn its date. */
static const char SQL_PLANNED[] =
	"SELECT count(*) FROM entry e CROSS JOIN action a ON a.planned_by = e.id";
static const char SQL_FOLLOWED[] =
	"SELECT count(*), coalesce(sum(a.status = 'dropped'), 0) FROM entry e"
	" CROSS JOIN action a ON a.followed_up_by = e.id";
/* Due in the period: by the action's date; the planner only has to be live
 * (the trash is small and indexed) and, for a scope, in it. */
#define DUE_HEAD \
	"SELECT count(*), coalesce(sum(a.followed_up_by IS NOT NULL), 0)," \
	" coalesce(sum(a.status = 'open' AND a.due_date < ?6), 0) FROM action a" \
	" WHERE a.due_date >= ?1 AND a.due_date <= ?2" \
	" AND a.planned_by NOT IN (SELECT id FROM entry WHERE deleted_at IS NOT NULL)"
static const char SQL_DUE[] = DUE_HEAD;
static const char SQL_DUE_WITH_SCOPE[] = DUE_HEAD " AND a.planned_by IN (SELECT e.id FROM entry e";
static const char SQL_DUE_TAIL[] = ")";
static const char SQL_COUNT[] = "SELECT count(*) FROM entry e";
static const char SQL_TEXT[] =
	"SELECT e.title, e.body, (SELECT group_concat(a.value_text, char(10)) FROM answer a"
	" WHERE a.entry_id = e.id AND a.kind = 'text') FROM entry e WHERE e.id = ?1";
static const char SQL_LIVE_IDS[] = "SELECT id FROM entry WHERE deleted_at IS NULL ORDER BY id";
static const char SQL_ON_DAY[] =
	"SELECT id, occurred_at, CASE WHEN title <> '' THEN title ELSE substr(body, 1, 80) END"
	" FROM entry WHERE deleted_at IS NULL AND occurred_at >= ?1 AND occurred_at <= ?1 || ' 23:59:59'"
	" ORDER BY occurred_at, id LIMIT 10";

void review_options_init(struct review_options *o)
{
	memset(o, 0, sizeof *o);
	o->frame = -1;
}

const char *review_change_name(enum review_change c)
{
	static const char *const names[] = { "same", "new", "rising", "falling", "gone" };
	return (unsigned)c < 5 ? names[c] : "same";
}

/* ---- the query context --------------------------------------------------------- */

static bool has_scope(const struct ctx *c)
{
	return c->frame[0] || c->o->inquiry_id || (c->o->tag && *c->o->tag);
}

/* A cached statement HEAD + the filter (on the entry's dates when DATES) +
 * TAIL, with the period RANGE and the scope bound.  A NULL TAIL with
 * DATES false and no scope asked for leaves the filter out entirely. */
sqlite3_stmt *review_stmt(struct ctx *c, const char *head, bool dates, const char *tail,
			  const struct px_date_range *range, struct px_error *err)
{
	struct px_buf sql = PX_BUF_INIT;
	px_buf_adds(&sql, head);
	if (dates || tail || has_scope(c))
		compose_filter(c, dates, &sql);
	px_buf_adds(&sql, tail ? tail : "");
	sqlite3_stmt *s = db_stmt_composed(c->j, sql.data, err);
	px_buf_free(&sql);
	if (!s)
		return NULL;
	char from[11], to[11];
	date_format(&range->from, from);
	date_format(&range->to, to);
	int n = sqlite3_bind_parameter_count(s);
	sqlite3_bind_text(s, 1, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, to, -1, SQLITE_TRANSIENT);
	if (c->frame[0])
		db_bind_text(s, 3, c->frame);
	if (c->o->inquiry_id)
		db_bind_int(s, 4, c->o->inquiry_id);
	const char *tag = c->o->tag;
	if (tag && *tag)
		db_bind_text(s, 5, tag[0] == '#' ? tag + 1 : tag);
	if (n >= 6)
		db_bind_text(s, 6, c->today);
	return s;
}

int review_finish_stmt(struct ctx *c, sqlite3_stmt *s, int rc, const char *what,
		       struct px_error *err)
{
	db_done(s);
	return rc == SQLITE_DONE ? 0 : db_fail(c->j, rc, what, err);
}

/* ---- activity ------------------------------------------------------------------- */


static int read_entries(struct ctx *c, struct period_entry **out, size_t *n, struct px_error *err)
{
	struct review *r = &c->ro->r;
	sqlite3_stmt *s = review_stmt(c, SQL_ENTRIES, true, SQL_ENTRIES_TAIL, &r->period, err);
	if (!s)
		return -1;
	size_t cap = 0;
	int rc;
	int64_t start = date_to_days(&r->period.from);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		px_grow((void **)out, &cap, *n + 1, sizeof **out);
		struct period_entry *pe = &(*out)[(*n)++];
		pe->id = sqlite3_column_int64(s, 0);
		enum entry_frame fr = FRAME_NOTE;
		entry_frame_parse((const char *)sqlite3_column_text(s, 1), &fr, NULL);
		pe->frame = (int)fr;
		struct px_datetime d;
		const char *day = (const char *)sqlite3_column_text(s, 2);
		pe->day = day && datetime_parse_storage(day, &d) == 0
				  ? (int)(date_to_days(&d.date) - start) : 0;
		r->per_frame[fr]++;
		r->words += sqlite3_column_int64(s, 3);
	}
	r->entries = (int)*n;
	return review_finish_stmt(c, s, rc, "reading the period's entries", err);
}

/* Days written, the longest run of consecutive days and the daily counts. */
static void activity(struct review_owned *ro, const struct period_entry *pe, size_t n,
		     const struct px_date *today)
{
	struct review *r = &ro->r;
	size_t days = (size_t)(date_days_between(&r->period.from, &r->period.to) + 1);
	int64_t so_far = date_days_between(&r->period.from, today) + 1;
	r->n_days_so_far = so_far < 0 ? 0 : (size_t)so_far < days ? (size_t)so_far : days;
	int *daily = arena_array(&ro->arena, days + 1, sizeof *daily);
	for (size_t i = 0; i < n; i++)
		if (pe[i].day >= 0 && (size_t)pe[i].day < days)
			daily[pe[i].day]++;
	int run = 0, best = 0;
	size_t best_end = 0;
	for (size_t d = 0; d < days; d++) {
		r->days_journaled += daily[d] > 0;
		run = daily[d] ? run + 1 : 0;
		if (run > best) {
			best = run;
			best_end = d;
		}
	}
	r->longest_streak = best;
	if (best) {
		struct px_date to = date_add_days(&r->period.from, (int64_t)best_end);
		struct px_date from = date_add_days(&to, -(int64_t)(best - 1));
		date_format(&from, r->streak_from);
		date_format(&to, r->streak_to);
	}
	r->daily = daily;
	r->n_days = days;
}

/* ---- measures, cycles, on this day ------------------------------------------------------ */

static const char *trend_of(const struct review_point *p, size_t n)
{
	if (n < 2)
		return "flat";
	/* Least-squares slope over the order of answers, in scale points per
	 * answer; a change of under a tenth of a point per answer is flat. */
	double mx = (double)(n - 1) / 2, my = 0, sxy = 0, sxx = 0;
	for (size_t i = 0; i < n; i++)
		my += p[i].value / (double)n;
	for (size_t i = 0; i < n; i++) {
		sxy += ((double)i - mx) * (p[i].value - my);
		sxx += ((double)i - mx) * ((double)i - mx);
	}
	double slope = sxy / sxx;
	return slope > 0.1 ? "rising" : slope < -0.1 ? "falling" : "flat";
}

static int measures(struct ctx *c, struct px_error *err)
{
	struct review_owned *ro = c->ro;
	sqlite3_stmt *s = review_stmt(c, SQL_MEASURES, true, SQL_MEASURES_TAIL, &ro->r.period, err);
	if (!s)
		return -1;
	struct review_measure *list = NULL;
	struct review_point *pts = NULL;
	size_t n = 0, cap = 0, np = 0, capp = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		if (!n || strcmp(list[n - 1].name, name) != 0) {
			px_grow((void **)&list, &cap, n + 1, sizeof *list);
			list[n++] = (struct review_measure){ .name = arena_strdup(&ro->arena, name) };
		}
		px_grow((void **)&pts, &capp, np + 1, sizeof *pts);
		db_col_copy(s, 1, pts[np].date, sizeof pts[np].date);
		pts[np].value = sqlite3_column_double(s, 2);
		pts[np++].entry = sqlite3_column_int64(s, 3);
		list[n - 1].n++;
	}
	struct review_measure *out = arena_array(&ro->arena, n + 1, sizeof *out);
	/* The rows come by measure, so each measure's points follow the last's. */
	for (size_t i = 0, first = 0; i < n; first += list[i].n, i++) {
		struct review_point *p = arena_array(&ro->arena, list[i].n, sizeof *p);
		memcpy(p, pts + first, list[i].n * sizeof *p);
		double sum = 0;
		for (size_t k = 0; k < list[i].n; k++)
			sum += p[k].value;
		out[i] = list[i];
		out[i].points = p;
		out[i].mean = sum / (double)list[i].n;
		out[i].trend = trend_of(p, list[i].n);
	}
	free(list);
	free(pts);
	ro->r.measures = out;
	ro->r.n_measures = n;
	return review_finish_stmt(c, s, rc, "reading scale answers", err);
}

static int one_row(struct ctx *c, const char *head, bool dates, const char *tail, int *a, int *b,
		   int *d, struct px_error *err)
{
	sqlite3_stmt *s = review_stmt(c, head, dates, tail, &c->ro->r.period, err);
	if (!s)
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		if (a)
			*a = sqlite3_column_int(s, 0);
		if (b)
			*b = sqlite3_column_int(s, 1);
		if (d)
			*d = sqlite3_column_int(s, 2);
		rc = SQLITE_DONE;
	}
	return review_finish_stmt(c, s, rc, "counting actions", err);
}

static int cycle(struct ctx *c, struct px_error *err)
{
	struct review_cycle *cy = &c->ro->r.cycle;
	if (one_row(c, SQL_PLANNED, true, NULL, &cy->planned, NULL, NULL, err) < 0 ||
	    one_row(c, SQL_FOLLOWED, true, NULL, &cy->followed_up, &cy->dropped, NULL, err) < 0 ||
	    (has_scope(c) ? one_row(c, SQL_DUE_WITH_SCOPE, false, SQL_DUE_TAIL, &cy->due, &cy->closed,
				    &cy->overdue, err)
			  : one_row(c, SQL_DUE, false, NULL, &cy->due, &cy->closed, &cy->overdue,
				    err)) < 0)
		return -1;
	cy->closed_pct = cy->due ? 100.0 * cy->closed / cy->due : 0;
	return 0;
}

static int on_day(struct ctx *c, const struct px_date *day, const char *ago,
		  struct review_recall *out, size_t *n, struct px_error *err)
{
	sqlite3_stmt *s = db_stmt(c->j, SQL_ON_DAY, err);
	if (!s)
		return -1;
	char d[11];
	date_format(day, d);
	sqlite3_bind_text(s, 1, d, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < 20) {
		struct review_recall *r = &out[(*n)++];
		r->id = sqlite3_column_int64(s, 0);
		db_col_copy(s, 1, r->occurred_at, sizeof r->occurred_at);
		r->title = arena_strdup(&c->ro->arena, (const char *)sqlite3_column_text(s, 2));
		r->ago = ago;
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;
	return review_finish_stmt(c, s, rc, "looking back", err);
}

/* Entries from the same date a year and a month before the review's day:
 * the period's last day, or today when the period runs past it. */
static int on_this_day(struct ctx *c, const struct px_datetime *now, struct px_error *err)
{
	struct review *r = &c->ro->r;
	struct px_date ref = date_compare(&r->period.to, &now->date) < 0 ? r->period.to : now->date;
	struct review_recall *out = arena_array(&c->ro->arena, 21, sizeof *out);
	size_t n = 0;
	struct px_date year = date_add_months(&ref, -12), month = date_add_months(&ref, -1);
	if (on_day(c, &year, "a year ago", out, &n, err) < 0 ||
	    on_day(c, &month, "a month ago", out, &n, err) < 0)
		return -1;
	r->on_this_day = out;
	r->n_on_this_day = n;
	return 0;
}

/* ---- distinctive terms and themes ----------------------------------------------------- */

static int add_text(struct ctx *c, struct term_table *t, int64_t id, bool in_period,
		    struct px_error *err)
{
	sqlite3_stmt *s = db_stmt(c->j, SQL_TEXT, err);
	if (!s)
		return -1;
	db_bind_int(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		for (int col = 0; col < 3; col++)
			terms_add(t, (const char *)sqlite3_column_text(s, col), id, in_period);
		rc = SQLITE_DONE;
	}
	return review_finish_stmt(c, s, rc, "reading entry text", err);
}

/* Every STRIDE-th of N ids, at most REVIEW_TEXT_SAMPLE. */
static size_t stride_for(size_t n)
{
	return n <= REVIEW_TEXT_SAMPLE ? 1 : (n + REVIEW_TEXT_SAMPLE - 1) / REVIEW_TEXT_SAMPLE;
}

static int cmp_int64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* The comparison: up to WANT entries of the journal outside the period
 * (PERIOD_IDS, sorted), evenly spread.  A period that is the whole journal
 * has nothing distinctive, which is the honest answer. */
static int background(struct ctx *c, struct term_table *t, size_t want, const int64_t *period_ids,
		      size_t n_period, struct px_error *err)
{
	sqlite3_stmt *s = db_stmt(c->j, SQL_LIVE_IDS, err);
	if (!s)
		return -1;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);
		if (n_period && bsearch(&id, period_ids, n_period, sizeof id, cmp_int64))
			continue;
		px_grow((void **)&ids, &cap, n + 1, sizeof *ids);
		ids[n++] = id;
	}
	rc = review_finish_stmt(c, s, rc, "sampling the journal", err);
	size_t stride = want && n > want ? (n + want - 1) / want : 1;
	for (size_t i = 0; rc == 0 && i < n; i += stride)
		rc = add_text(c, t, ids[i], false, err);
	free(ids);
	return rc;
}

static int terms(struct ctx *c, const struct period_entry *pe, size_t n, struct px_error *err)
{
	struct review_owned *ro = c->ro;
	struct term_table *t = terms_new();
	size_t stride = stride_for(n);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < n; i += stride) {
		rc = add_text(c, t, pe[i].id, true, err);
		ro->r.text_entries++;
	}
	ro->r.sampled = stride > 1;
	int64_t *ids = px_xmalloc((n + 1) * sizeof *ids);
	for (size_t i = 0; i < n; i++)
		ids[i] = pe[i].id;
	if (n)
		qsort(ids, n, sizeof *ids, cmp_int64);
	if (rc == 0)
		rc = background(c, t, REVIEW_TEXT_SAMPLE, ids, n, err);
	free(ids);
	if (rc == 0)
		terms_result(t, ro);
	terms_free(t);
	return rc;
}

static int by_id(const void *a, const void *b)
{
	const struct period_entry *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* The frame of entry ID in BY_ID (the period's entries sorted by id). */
static int frame_of_entry(const struct period_entry *by_id_list, size_t n, int64_t id)
{
	struct period_entry key = { .id = id };
	const struct period_entry *pe = bsearch(&key, by_id_list, n, sizeof key, by_id);
	return pe ? pe->frame : -1;
}

static void add_theme(struct review_theme *out, size_t *n, enum review_theme_kind kind,
		      const char *name, int entries, int incidents, const int64_t *ids, size_t n_ids)
{
	out[(*n)++] = (struct review_theme){ kind, name, entries, incidents, ids, n_ids };
}

static int by_theme(const void *a, const void *b)
{
	const struct review_theme *x = a, *y = b;
	if (x->entries != y->entries)
		return y->entries - x->entries;
	return strcasecmp(x->name, y->name);
}

static char *sigil_name(struct arena *a, char sigil, const char *name)
{
	size_t len = strlen(name);
	char *s = arena_alloc(a, len + 2);
	s[0] = sigil;
	memcpy(s + 1, name, len + 1);
	return s;
}

/* Recurring themes: tags, people and terms in at least REVIEW_THEME_ENTRIES
 * entries of the period.  A tag counts only where the entry's template did
 * not put it (review_names.c, own_links). */
static void themes(const struct ctx *c, const struct period_entry *pe, size_t n)
{
	struct review_owned *ro = c->ro;
	struct review *r = &ro->r;
	size_t cap = r->n_tags + r->n_people + r->n_terms + 1, k = 0;
	struct review_theme *out = arena_array(&ro->arena, cap, sizeof *out);
	const struct review_count *lists[2] = { ro->theme_tags, r->people };
	size_t counts[2] = { ro->n_theme_tags, r->n_people };
	for (int w = 0; w < 2; w++)
		for (size_t i = 0; i < counts[w]; i++) {
			const struct review_count *rc = &lists[w][i];
			if (rc->count >= REVIEW_THEME_ENTRIES)
				add_theme(out, &k, w ? REVIEW_THEME_PERSON : REVIEW_THEME_TAG,
					  sigil_name(&ro->arena, w ? '@' : '#', rc->name), rc->count,
					  rc->incidents, rc->entries, rc->n_entries);
		}
	struct period_entry *sorted = px_xmalloc((n + 1) * sizeof *sorted);
	if (n) {
		memcpy(sorted, pe, n * sizeof *sorted);
		qsort(sorted, n, sizeof *sorted, by_id);
	}
	for (size_t i = 0; i < r->n_terms; i++) {
		const struct review_term *t = &r->terms[i];
		if (t->entries < REVIEW_THEME_ENTRIES)
			continue;
		int incidents = 0;
		for (size_t m = 0; m < t->n_entry_ids; m++)
			incidents += frame_of_entry(sorted, n, t->entry_ids[m]) == FRAME_INCIDENT;
		add_theme(out, &k, REVIEW_THEME_TERM, t->term, t->entries, incidents, t->entry_ids,
			  t->n_entry_ids);
	}
	free(sorted);
	qsort(out, k, sizeof *out, by_theme);
	r->themes = out;
	r->n_themes = k < REVIEW_MAX_THEMES ? k : REVIEW_MAX_THEMES;
}

/* ---- the whole review ----------------------------------------------------------------------- */

static int check_scope(struct ctx *c, struct px_error *err)
{
	const struct review_options *o = c->o;
	if (o->frame >= FRAME_COUNT)
		return px_error_set(err, PX_ERR_INVALID, "frame %d is not a frame", o->frame);
	if (o->frame >= 0)
		snprintf(c->frame, sizeof c->frame, "%s", entry_frame_name((enum entry_frame)o->frame));
	if (o->inquiry_id) {
		static const char SQL[] = "SELECT 1 FROM inquiry WHERE id = ?1";
		sqlite3_stmt *s = db_stmt(c->j, SQL, err);
		if (!s)
			return -1;
		db_bind_int(s, 1, o->inquiry_id);
		int rc = sqlite3_step(s);
		db_done(s);
		if (rc == SQLITE_DONE)
			return px_error_set(err, PX_ERR_NOT_FOUND, "inquiry %lld: no such inquiry",
					    (long long)o->inquiry_id);
		if (rc != SQLITE_ROW)
			return db_fail(c->j, rc, "finding the inquiry", err);
	}
	return 0;
}

static int gather(struct ctx *c, const struct px_datetime *now, struct px_error *err)
{
	struct review_owned *ro = c->ro;
	struct period_entry *pe = NULL;
	size_t n = 0;
	int rc = read_entries(c, &pe, &n, err);
	if (rc == 0) {
		activity(ro, pe, n, &now->date);
		rc = review_names(c, pe, n, err);
	}
	if (rc == 0)
		rc = measures(c, err);
	if (rc == 0)
		rc = cycle(c, err);
	if (rc == 0)
		rc = on_this_day(c, now, err);
	if (rc == 0)
		rc = terms(c, pe, n, err);
	if (rc == 0)
		themes(c, pe, n);
	free(pe);
	return rc;
}

static int previous_count(struct ctx *c, struct px_error *err)
{
	sqlite3_stmt *s = review_stmt(c, SQL_COUNT, true, NULL, &c->ro->r.previous, err);
	if (!s)
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		c->ro->r.previous_entries = sqlite3_column_int(s, 0);
		rc = SQLITE_DONE;
	}
	return review_finish_stmt(c, s, rc, "counting the previous period", err);
}

int review_compute(struct journal *j, const struct review_options *opt, struct review **out,
		   struct px_error *err)
{
	*out = NULL;
	struct review_options defaults;
	review_options_init(&defaults);
	const struct review_options *o = opt ? opt : &defaults;
	struct px_datetime now;
	if (o->now)
		now = *o->now;
	else if (date_now(&now, err) < 0)
		return -1;
	struct review_owned *ro = px_xcalloc(1, sizeof *ro);
	struct ctx c = { j, o, ro, "", "" };
	date_format(&now.date, c.today);
	struct review *r = &ro->r;
	int rc = 0;
	if (o->range)
		r->period = *o->range;
	else
		rc = date_parse_range(o->period ? o->period : "month", &now, &r->period, err);
	if (rc == 0) {
		date_range_previous(&r->period, &r->previous);
		date_range_label(&r->period, r->label, sizeof r->label);
		date_range_label(&r->previous, r->previous_label, sizeof r->previous_label);
		rc = check_scope(&c, err);
	}
	if (rc == 0)
		rc = gather(&c, &now, err);
	if (rc == 0)
		rc = previous_count(&c, err);
	if (rc < 0) {
		review_free(r);
		return -1;
	}
	*out = r;
	return 0;
}

void review_free(struct review *r)
{
	if (!r)
		return;
	struct review_owned *ro = (struct review_owned *)r;
	arena_free(&ro->arena);
	free(ro->new_tags);
	free(ro->gone_tags);
	free(ro->themes);
	free(ro->terms);
	free(ro->people);
	free(ro->days);
	free(ro);
}
