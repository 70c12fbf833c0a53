/*
 * export.c — what to export and the one pass that writes it: options and
 * formats, the selection as one statement composed from constant
 * fragments (every value bound), checks of what was asked for, and the
 * loop that hands each selected entry, oldest first, to the format's
 * renderer, all inside one read transaction (a savepoint, so it nests in
 * a caller's transaction and never takes the write lock).
 *
 * The loop streams: one row of the selection at a time, written out in
 * large pieces as it goes, so memory does not grow with the journal and
 * an export of 100k entries costs little more than reading them.
 */
#include "export_impl.h"

#include "db.h"
#include "praxis/search.h"
#include "praxis/suggest.h"
#include "praxis/text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- formats and options ------------------------------------------------------- */

static const char *const format_names[] = {
	[EXPORT_MARKDOWN] = "md", [EXPORT_HTML] = "html", [EXPORT_JSON] = "json",
	[EXPORT_TEXT] = "txt", [EXPORT_DOCX] = "docx", [EXPORT_PDF] = "pdf",
};
#define FORMAT_COUNT (sizeof format_names / sizeof format_names[0])

const char *export_format_name(enum export_format f)
{
	return (size_t)f < FORMAT_COUNT ? format_names[f] : "";
}

int export_format_binary(enum export_format f)
{
	return f == EXPORT_DOCX || f == EXPORT_PDF;
}

int export_format_parse(const char *name, enum export_format *out, struct px_error *err)
{
	for (size_t i = 0; i < FORMAT_COUNT; i++)
		if (strcmp(name, format_names[i]) == 0) {
			*out = (enum export_format)i;
			return 0;
		}
	if (strcmp(name, "markdown") == 0 || strcmp(name, "text") == 0) {
		*out = name[0] == 'm' ? EXPORT_MARKDOWN : EXPORT_TEXT;
		return 0;
	}
	const char *near = suggest_nearest(name, format_names, FORMAT_COUNT);
	if (near)
		return px_error_set(err, PX_ERR_INVALID, "'%s' is not an export format (did you "
				    "mean '%s'?)", name, near);
	return px_error_set(err, PX_ERR_INVALID, "'%s' is not an export format (md, html, json, "
			    "txt, docx or pdf)", name);
}

void export_selection_init(struct export_selection *s)
{
	memset(s, 0, sizeof *s);
	s->frame = -1;
}

void export_selection_from_filter(struct export_selection *s, const struct entry_filter *f)
{
	export_selection_init(s);
	s->frame = f->frame;
	s->tag = f->tag && *f->tag ? f->tag : NULL;
	s->person = f->person && *f->person ? f->person : NULL;
	s->inquiry_id = f->inquiry_id;
	memcpy(s->from, f->from, sizeof s->from);
	memcpy(s->to, f->to, sizeof s->to);
	s->ids = f->ids;
	s->n_ids = f->n_ids;
}

void export_options_init(struct export_options *o)
{
	memset(o, 0, sizeof *o);
	o->format = EXPORT_MARKDOWN;
	export_selection_init(&o->sel);
}

void export_report_free(struct export_report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n_over; i++)
		free(r->over[i].title);
	free(r->over);
	memset(r, 0, sizeof *r);
}

/* ---- the selection ----------------------------------------------------------------- */

enum {
	P_FRAME = 1, P_TAG, P_PERSON, P_INQUIRY, P_FROM, P_TO, P_TEMPLATE, P_IDS, P_MATCH,
};

static void compose_where(const struct export_selection *s, struct px_buf *sql)
{
	px_buf_adds(sql, " FROM entry e WHERE e.deleted_at IS NULL");
	if (!s->include_private)
		px_buf_adds(sql, " AND e.private = 0");
	if (s->frame >= 0)
		px_buf_adds(sql, " AND e.frame = ?1");
	/* The unary + keeps the time index driving the scan; each set is built
	 * once. */
	if (s->tag)
		px_buf_adds(sql, " AND +e.id IN (SELECT entry_id FROM entry_tag WHERE tag_id IN"
				 " (SELECT id FROM tag WHERE name = ?2 OR (substr(?2, -1) = '/'"
				 " AND substr(name, 1, length(?2)) = ?2 COLLATE NOCASE)))");
	if (s->person)
		px_buf_adds(sql, " AND +e.id IN (SELECT entry_id FROM entry_person WHERE person_id IN"
				 " (SELECT id FROM person WHERE name = ?3))");
	if (s->inquiry_id)
		px_buf_adds(sql, " AND e.inquiry_id = ?4");
	if (s->from[0])
		px_buf_adds(sql, " AND e.occurred_at >= ?5");
	if (s->to[0])
		px_buf_adds(sql, " AND e.occurred_at <= ?6 || ' 23:59:59'");
	if (s->template_id)
		px_buf_adds(sql, " AND e.template_id = ?7");
	if (s->ids)
		px_buf_adds(sql, " AND e.id IN (SELECT value FROM json_each(?8))");
	if (s->query)
		px_buf_adds(sql, " AND e.id IN (SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?9)");
}

static void bind_selection(sqlite3_stmt *st, const struct export_selection *s,
			   struct px_buf *ids, const char *match)
{
	if (match)
		db_bind_text(st, P_MATCH, match);
	if (s->frame >= 0 && s->frame < FRAME_COUNT)
		db_bind_text(st, P_FRAME, entry_frame_name((enum entry_frame)s->frame));
	if (s->tag)
		db_bind_text(st, P_TAG, s->tag[0] == '#' ? s->tag + 1 : s->tag);
	if (s->person)
		db_bind_text(st, P_PERSON, s->person[0] == '@' ? s->person + 1 : s->person);
	if (s->inquiry_id)
		db_bind_int(st, P_INQUIRY, s->inquiry_id);
	if (s->from[0])
		db_bind_text(st, P_FROM, s->from);
	if (s->to[0])
		db_bind_text(st, P_TO, s->to);
	if (s->template_id)
		db_bind_text(st, P_TEMPLATE, s->template_id);
	if (s->ids) {
		/* The ids as one JSON array: a list of any length, still bound. */
		px_buf_reset(ids);
		px_buf_addc(ids, '[');
		for (size_t i = 0; i < s->n_ids; i++)
			px_buf_addf(ids, "%s%lld", i ? "," : "", (long long)s->ids[i]);
		px_buf_addc(ids, ']');
		db_bind_text(st, P_IDS, ids->data);
	}
}

static const char SQL_ENTRY_STATE[] =
	"SELECT deleted_at IS NOT NULL, private FROM entry WHERE id = ?1";

/* Every explicit id names a live entry the selection may show. */
static int check_ids(struct journal *j, const struct export_selection *s, struct px_error *err)
{
	if (s->ids && s->n_ids > EXPORT_MAX_IDS)
		return px_error_set(err, PX_ERR_LIMIT, "at most %d entries by id, not %zu",
				    EXPORT_MAX_IDS, s->n_ids);
	for (size_t i = 0; s->ids && s->ids_strict && i < s->n_ids; i++) {
		sqlite3_stmt *st = db_stmt(j, SQL_ENTRY_STATE, err);
		if (!st)
			return -1;
		db_bind_int(st, 1, s->ids[i]);
		int rc = sqlite3_step(st);
		int trashed = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
		int private = rc == SQLITE_ROW && sqlite3_column_int(st, 1);
		db_done(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return db_fail(j, rc, "finding the entries", err);
		long long id = (long long)s->ids[i];
		if (rc == SQLITE_DONE)
			return px_error_set(err, PX_ERR_NOT_FOUND, "entry %lld: no such entry", id);
		if (trashed)
			return px_error_set(err, PX_ERR_INVALID, "entry %lld: in the trash, which is "
					    "never exported (restore it first)", id);
		if (private && !s->include_private)
			return px_error_set(err, PX_ERR_INVALID, "entry %lld: private, and private "
					    "entries are exported only when asked for", id);
	}
	return 0;
}

static int check_selection(struct journal *j, const struct export_selection *s,
			   struct px_error *err)
{
	if (s->inquiry_id) {
		struct inquiry q;
		int rc = inquiry_get(j, s->inquiry_id, &q, err);
		inquiry_free(&q);
		if (rc < 0)
			return -1;
	}
	return check_ids(j, s, err);
}

sqlite3_stmt *xselect_entries(struct journal *j, const struct export_selection *sel,
			      const char *head, const char *tail, struct px_buf *ids,
			      char **match, struct px_error *err)
{
	*match = NULL;
	if (sel->query && search_compile(sel->query, match, err) < 0)
		return NULL;
	struct px_buf sql = PX_BUF_INIT;
	px_buf_adds(&sql, head);
	compose_where(sel, &sql);
	px_buf_adds(&sql, tail);
	sqlite3_stmt *s = db_stmt_composed(j, sql.data, err);
	px_buf_free(&sql);
	if (s)
		bind_selection(s, sel, ids, *match);
	return s;
}

int export_count(struct journal *j, const struct export_selection *sel, size_t *count,
		 struct px_error *err)
{
	*count = 0;
	struct px_buf ids = PX_BUF_INIT;
	char *match;
	sqlite3_stmt *s = xselect_entries(j, sel, "SELECT count(*)", "", &ids, &match, err);
	int rc = s ? sqlite3_step(s) : SQLITE_ERROR;
	if (rc == SQLITE_ROW)
		*count = (size_t)sqlite3_column_int64(s, 0);
	db_done(s);
	px_buf_free(&ids);
	free(match);
	if (!s)
		return -1;
	return rc == SQLITE_ROW ? 0 : db_fail(j, rc, "counting entries", err);
}

/* ---- the selection in words ------------------------------------------------------------ */

static void describe(struct export_ctx *x)
{
	const struct export_selection *s = &x->o->sel;
	struct px_buf b = PX_BUF_INIT;
	const char *sep = "";
#define PART() (px_buf_adds(&b, sep), sep = "; ")
	if (s->frame >= 0 && s->frame < FRAME_COUNT) {
		PART();
		px_buf_adds(&b, entry_frame_label((enum entry_frame)s->frame));
		px_buf_adds(&b, " entries");
	}
	if (s->tag) {
		PART();
		char *t = xgather_text(x, s->tag[0] == '#' ? s->tag + 1 : s->tag);
		px_buf_addf(&b, "tagged #%s", t);
		free(t);
	}
	if (s->person) {
		PART();
		const char *name = s->person[0] == '@' ? s->person + 1 : s->person;
		const char *stand_in = x->anon ? anonymise_person(x->anon, name) : NULL;
		px_buf_adds(&b, "mentioning ");
		if (stand_in)
			px_buf_adds(&b, stand_in);
		else if (x->anon)
			px_buf_adds(&b, "a person");
		else
			px_buf_addf(&b, "@%s", name);
	}
	if (s->template_id) {
		PART();
		px_buf_addf(&b, "written with the template %s", s->template_id);
	}
	if (s->from[0] || s->to[0]) {
		PART();
		px_buf_adds(&b, s->from[0] ? "from " : "up to ");
		xdate_human(&b, s->from[0] ? s->from : s->to, false);
		if (s->from[0] && s->to[0]) {
			px_buf_adds(&b, " to ");
			xdate_human(&b, s->to, false);
		}
	}
	if (s->ids) {
		PART();
		px_buf_adds(&b, "chosen entries");
	}
	if (s->query) {
		PART();
		char *q = xgather_text(x, s->query);
		px_buf_addf(&b, "found by the search '%s'", q);
		free(q);
	}
	if (s->include_private) {
		PART();
		px_buf_adds(&b, "private entries included");
	}
#undef PART
	x->selection = px_buf_detach(&b);
}

/* ---- the pass ---------------------------------------------------------------------------- */

static void row_to_entry(struct export_ctx *x, sqlite3_stmt *s, struct xentry *e)
{
	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(s, 0);
	e->uuid = (const char *)sqlite3_column_text(s, 1);
	const char *frame = (const char *)sqlite3_column_text(s, 2);
	enum entry_frame fr = FRAME_NOTE;
	if (frame && entry_frame_parse(frame, &fr, NULL) == 0)
		e->frame = fr;
	e->title = (const char *)sqlite3_column_text(s, 3);
	e->body = (const char *)sqlite3_column_text(s, 4);
	e->occurred_at = (const char *)sqlite3_column_text(s, 5);
	e->period_start = (const char *)sqlite3_column_text(s, 6);
	e->period_end = (const char *)sqlite3_column_text(s, 7);
	e->created_at = (const char *)sqlite3_column_text(s, 8);
	e->updated_at = (const char *)sqlite3_column_text(s, 9);
	e->is_private = sqlite3_column_int(s, 10);
	e->starred = sqlite3_column_int(s, 11);
	e->inquiry = xgather_inquiry(x, sqlite3_column_int64(s, 12));
	e->template_id = (const char *)sqlite3_column_text(s, 13);
	e->template_version = sqlite3_column_int(s, 14);
	e->template_hash = (const char *)sqlite3_column_text(s, 15);
	if (!e->title)
		e->title = "";
	if (!e->body)
		e->body = "";
	if (e->period_start && !*e->period_start)
		e->period_start = e->period_end = NULL;
}

static void note_overrun(struct export_ctx *x, const struct xentry *e)
{
	struct export_report *r = x->report;
	if (!r || !x->o->entry_limit || e->words <= x->o->entry_limit)
		return;
	r->over = px_xrealloc(r->over, (r->n_over + 1) * sizeof *r->over);
	struct export_overrun *ov = &r->over[r->n_over++];
	memset(ov, 0, sizeof *ov);
	ov->id = e->id;
	snprintf(ov->occurred_at, sizeof ov->occurred_at, "%s", e->occurred_at);
	ov->title = px_xstrdup(e->title);
	ov->words = e->words;
}

static void note_written(struct export_ctx *x, const struct xentry *e)
{
	xgather_note_written(x, e);
	x->entries++;
	x->words += e->words;
	note_overrun(x, e);
	if (x->o->progress && x->entries % 256 == 0)
		x->o->progress(x->entries, x->o->ctx);
}

/* The documents never show record times: not reading them saves a little
 * on every row. */
static const char SQL_COLUMNS_JSON[] =
	"SELECT e.id, e.uuid, e.frame, e.title, e.body, e.occurred_at,"
	" coalesce(e.period_start, ''), coalesce(e.period_end, ''), e.created_at, e.updated_at,"
	" e.private, e.starred, coalesce(e.inquiry_id, 0), e.template_id,"
	" coalesce(e.template_version, 0), e.template_hash, e.word_count";
static const char SQL_COLUMNS_DOCUMENT[] =
	"SELECT e.id, e.uuid, e.frame, e.title, e.body, e.occurred_at,"
	" coalesce(e.period_start, ''), coalesce(e.period_end, ''), NULL, NULL,"
	" e.private, e.starred, coalesce(e.inquiry_id, 0), e.template_id,"
	" coalesce(e.template_version, 0), e.template_hash, e.word_count";

static int write_entries(struct export_ctx *x)
{
	struct px_buf ids = PX_BUF_INIT;
	char *match;
	sqlite3_stmt *s = xselect_entries(x->j, &x->o->sel, x->o->format == EXPORT_JSON
			? SQL_COLUMNS_JSON : SQL_COLUMNS_DOCUMENT, " ORDER BY e.occurred_at, e.id",
			&ids, &match, x->err);
	if (!s) {
		px_buf_free(&ids);
		free(match);
		return -1;
	}
	int rc;
	struct xentry_store *store = NULL;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct xentry e;
		row_to_entry(x, s, &e);
		int ok = xentry_assemble(x, &e, sqlite3_column_int(s, 16), &store) == 0;
		if (ok) {
			x->r->entry(x, &e);
			note_written(x, &e);
		}
		if (!ok || x->out.error)
			break;
		xout_step(&x->out);
	}
	xentry_release(store);
	db_done(s);
	px_buf_free(&ids);
	free(match);
	if (x->failed)
		return -1;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(x->j, rc, "reading entries", x->err);
	return 0;
}

static int focus_totals(struct export_ctx *x)
{
	if (!x->focus)
		return 0;
	char today[11];
	memcpy(today, x->now, 10);
	today[10] = '\0';
	return inquiry_chain(x->j, x->focus->id, today, NULL, NULL, &x->focus_totals, x->err) < 0
		       ? -1 : 0;
}

static int run(struct export_ctx *x)
{
	struct px_datetime now;
	if (date_now(&now, x->err) < 0)
		return -1;
	datetime_format(&now, x->now);
	if (check_selection(x->j, &x->o->sel, x->err) < 0 || xgather_load(x) < 0 ||
	    focus_totals(x) < 0)
		return -1;
	describe(x);
	x->r->begin(x);
	if (write_entries(x) < 0)
		return -1;
	x->r->end(x);
	xout_flush(&x->out);
	if (x->report) {
		x->report->entries = x->entries;
		x->report->words = x->words;
		x->report->references = cite_list_count(x->cites);
	}
	if (x->out.error)
		return px_error_set(x->err, PX_ERR_IO, "writing the export: %s",
				    strerror(x->out.error));
	return 0;
}

static const struct export_renderer *renderer_for(enum export_format f)
{
	switch (f) {
	case EXPORT_HTML: return &export_html_renderer;
	case EXPORT_JSON: return &export_json_renderer;
	case EXPORT_TEXT: return &export_txt_renderer;
	default: return &export_md_renderer;
	}
}

/* Write the text formats (binary ones as their Markdown) to FD. */
int export_write_text(struct journal *j, const struct export_options *o, int fd,
		      struct export_report *report, struct px_error *err);
int export_write_text(struct journal *j, const struct export_options *o, int fd,
		      struct export_report *report, struct px_error *err)
{
	if (report)
		memset(report, 0, sizeof *report);
	struct export_ctx x = {
		.j = j, .o = o, .r = renderer_for(o->format), .report = report, .err = err,
		.out = { .fd = fd, .buf = PX_BUF_INIT },
	};
	if (db_exec(j, "SAVEPOINT praxis_export", "reading the journal", err) < 0)
		return -1;
	int rc = run(&x);
	db_exec(j, "RELEASE praxis_export", "reading the journal", rc < 0 ? NULL : err);
	if (rc == 0 && x.o->progress)
		x.o->progress(x.entries, x.o->ctx);
	if (x.r->release)
		x.r->release(&x);
	px_buf_free(&x.out.buf);
	free(x.selection);
	xgather_free(&x);
	return rc;
}
