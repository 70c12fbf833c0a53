/*
 * scr_browse.c — Browse: every entry, newest first, one line each, with
 * filters (frame, tag, person, inquiry, dates) and `/` search as you type,
 * the matched words highlighted.
 *
 * The list is a window of at most BROWSE_KEEP rows paged from the journal
 * with keyset paging (entry_filter.after_*): moving near either end of the
 * window fetches the next BROWSE_PAGE rows past it and drops rows from
 * the far end, so opening and scrolling a 100k-entry journal costs what a
 * 10-entry one does, and memory stays bounded.  Search results are ranked
 * (search.h) and paged by offset as search_run offers.
 *
 * A search runs once per burst of typing: the question's callback only
 * records the query, and the query runs when the screen is next drawn,
 * after the loop has handled every key already typed.
 */
#include "draw.h"
#include "export_flow.h"
#include "list.h"
#include "screen.h"

#include "praxis/buf.h"
#include "praxis/export.h"
#include "praxis/inquiry.h"
#include "praxis/person.h"
#include "praxis/search.h"
#include "praxis/tag.h"
#include "praxis/text.h"
#include "term.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define BROWSE_PAGE 100
#define BROWSE_KEEP 600
#define BROWSE_SEARCH_MAX 2000

struct browse {
	int frame;                  /* -1: any */
	char *tag, *person;         /* NULL: any */
	int64_t inquiry_id;
	char *inquiry_label;
	char from[11], to[11];
	int64_t *ids;               /* only these entries (from a Review), or NULL */
	size_t n_ids;
	char *ids_label;            /* what they are, for the header */
	struct entry_row *rows;
	size_t n, cap;
	bool more_before, more_after;
	struct list list;
	char *query;                /* searching when not NULL: as typed */
	char *match;                /* what runs (see as_typed, widen_last_word) */
	char *search_error;         /* why the query cannot run, or NULL */
	bool query_dirty;
	bool widened;               /* match is the query with a '*' after it */
	int64_t hits;
	unsigned long generation;
	bool stale;                 /* a filter or the query changed: load again */
	bool broken;                /* the last load failed: do not retry every frame */
	struct export_flow *export; /* E's questions, while they are asked */
};

static void clear_rows(struct browse *b)
{
	for (size_t i = 0; i < b->n; i++)
		entry_row_free(&b->rows[i]);
	b->n = 0;
}

static void set_filter(const struct browse *b, struct entry_filter *f)
{
	entry_filter_init(f);
	f->frame = b->frame;
	f->tag = b->tag;
	f->person = b->person;
	f->inquiry_id = b->inquiry_id;
	memcpy(f->from, b->from, sizeof f->from);
	memcpy(f->to, b->to, sizeof f->to);
	f->ids = b->ids;
	f->n_ids = b->n_ids;
	f->limit = BROWSE_PAGE;
}

/* ---- the window of entries ------------------------------------------------- */

struct fetch {
	struct entry_row *rows;
	size_t n, cap;
};

static int fetch_row(const struct entry_summary *s, void *ctx)
{
	struct fetch *f = ctx;
	px_grow((void **)&f->rows, &f->cap, f->n + 1, sizeof *f->rows);
	entry_row_from_summary(&f->rows[f->n++], s);
	return 0;
}

/* Run F into a fresh batch; -1 on error (status set). */
static int fetch(struct ui *ui, struct browse *b, const struct entry_filter *f, struct fetch *out)
{
	memset(out, 0, sizeof *out);
	struct px_error err;
	px_error_clear(&err);
	if (entry_list(ui->j, f, fetch_row, out, &err) < 0) {
		for (size_t i = 0; i < out->n; i++)
			entry_row_free(&out->rows[i]);
		free(out->rows);
		ui_error_px(ui, &err);
		b->broken = true;
		return -1;
	}
	return 0;
}

static void drop_front(struct browse *b, size_t k)
{
	for (size_t i = 0; i < k; i++)
		entry_row_free(&b->rows[i]);
	memmove(b->rows, b->rows + k, (b->n - k) * sizeof *b->rows);
	b->n -= k;
	b->list.count = b->n;
	list_shift(&b->list, -(long)k);
	b->more_before = true;
}

static void drop_back(struct browse *b, size_t k)
{
	for (size_t i = b->n - k; i < b->n; i++)
		entry_row_free(&b->rows[i]);
	b->n -= k;
	b->list.count = b->n;
	if (b->list.sel >= b->n)
		list_select(&b->list, b->n ? b->n - 1 : 0);
	b->more_after = true;
}

/* Older rows, after the key (AT, ID); from the newest when AT is "". */
static void fetch_older(struct ui *ui, struct browse *b, const char *at, int64_t id)
{
	struct entry_filter f;
	set_filter(b, &f);
	snprintf(f.after_occurred, sizeof f.after_occurred, "%s", at);
	f.after_id = id;
	struct fetch got;
	if (fetch(ui, b, &f, &got) < 0)
		return;
	if (got.n) {   /* none: got.rows is NULL, which memcpy may not be given */
		px_grow((void **)&b->rows, &b->cap, b->n + got.n, sizeof *b->rows);
		memcpy(b->rows + b->n, got.rows, got.n * sizeof *got.rows);
	}
	b->n += got.n;
	b->list.count = b->n;
	b->more_after = got.n == BROWSE_PAGE;
	free(got.rows);
	if (b->n > BROWSE_KEEP)
		drop_front(b, b->n - BROWSE_KEEP);
}

/* Older rows, after the window's last one. */
static void fetch_after(struct ui *ui, struct browse *b)
{
	if (b->n)
		fetch_older(ui, b, b->rows[b->n - 1].occurred_at, b->rows[b->n - 1].id);
	else
		fetch_older(ui, b, "", 0);
}

/* Newer rows, before the window's first one (fetched oldest first). */
static void fetch_before(struct ui *ui, struct browse *b)
{
	struct entry_filter f;
	set_filter(b, &f);
	f.oldest_first = 1;
	memcpy(f.after_occurred, b->rows[0].occurred_at, sizeof f.after_occurred);
	f.after_id = b->rows[0].id;
	struct fetch got;
	if (fetch(ui, b, &f, &got) < 0)
		return;
	px_grow((void **)&b->rows, &b->cap, b->n + got.n, sizeof *b->rows);
	memmove(b->rows + got.n, b->rows, b->n * sizeof *b->rows);
	for (size_t i = 0; i < got.n; i++)
		b->rows[i] = got.rows[got.n - 1 - i];
	b->n += got.n;
	b->list.count = b->n;
	list_shift(&b->list, (long)got.n);
	b->more_before = got.n == BROWSE_PAGE;
	free(got.rows);
	if (b->n > BROWSE_KEEP)
		drop_back(b, b->n - BROWSE_KEEP);
}

/* The oldest page, for G. */
static void jump_last(struct ui *ui, struct browse *b)
{
	struct entry_filter f;
	set_filter(b, &f);
	f.oldest_first = 1;
	struct fetch got;
	if (fetch(ui, b, &f, &got) < 0)
		return;
	clear_rows(b);
	px_grow((void **)&b->rows, &b->cap, got.n, sizeof *b->rows);
	for (size_t i = 0; i < got.n; i++)
		b->rows[i] = got.rows[got.n - 1 - i];
	b->n = got.n;
	free(got.rows);
	b->list.count = b->n;
	b->more_after = false;
	b->more_before = got.n == BROWSE_PAGE;
	list_select(&b->list, b->n ? b->n - 1 : 0);
}

/* ---- search ------------------------------------------------------------------ */

/* A prefix of one or two letters ("f*") matches most of a large journal
 * and takes seconds to rank; as you type that would be felt at every key.
 * Returns the offending word's length, or 0 when QUERY may run. */
static size_t short_prefix(const char *query)
{
	for (const char *p = query; *p;) {
		p += strspn(p, " \"-#(");
		size_t n = strcspn(p, " ");
		if (n && p[n - 1] == '*') {
			const char *word = memchr(p, ':', n) ? (const char *)memchr(p, ':', n) + 1 : p;
			size_t letters = (size_t)(p + n - 1 - word);
			if (letters < 3)
				return n;
		}
		p += n;
	}
	return 0;
}

static int add_hit(const struct search_hit *hit, void *ctx)
{
	struct browse *b = ctx;
	px_grow((void **)&b->rows, &b->cap, b->n + 1, sizeof *b->rows);
	struct entry_row *r = &b->rows[b->n++];
	memset(r, 0, sizeof *r);
	r->id = hit->id;
	r->frame = hit->frame;
	memcpy(r->occurred_at, hit->occurred_at, sizeof r->occurred_at);
	r->heading = px_xstrndup(hit->title[0] ? hit->title : "(no title)", 200);
	r->heading[strcspn(r->heading, "\n")] = '\0';
	r->tags = px_xstrdup("");
	r->snippet = px_xstrdup(hit->snippet);
	return 0;
}

static void search_options(const struct browse *b, struct search_options *opt, size_t offset)
{
	search_options_init(opt);
	opt->frame = b->frame;
	opt->tag = b->tag;
	memcpy(opt->from, b->from, sizeof opt->from);
	memcpy(opt->to, b->to, sizeof opt->to);
	opt->limit = BROWSE_PAGE;
	opt->offset = offset;
	opt->mark_open = DRAW_MARK_OPEN;
	opt->mark_close = DRAW_MARK_CLOSE;
}

/* Shown in the list (the status line holds the question while typing). */
static void search_failed(struct browse *b, const struct px_error *err)
{
	char line[PX_ERROR_WHERE_MAX + PX_ERROR_MSG_MAX + 8];
	px_error_format(err, line, sizeof line);
	free(b->search_error);
	b->search_error = px_xstrdup(line);
	b->more_after = false;
}

/* The next page of hits after those loaded (the first when none are). */
static void search_more(struct ui *ui, struct browse *b)
{
	struct search_options opt;
	search_options(b, &opt, b->n);
	struct px_error err;
	px_error_clear(&err);
	size_t before = b->n;
	if (search_run(ui->j, b->match, &opt, add_hit, b, &err) < 0) {
		search_failed(b, &err);
		return;
	}
	b->list.count = b->n;
	b->more_after = b->n - before == BROWSE_PAGE && b->n < BROWSE_SEARCH_MAX;
}

/* Typed part way, a word is mostly no word at all ("delegat" of
 * delegation): when the query as typed finds nothing and ends in at least
 * three letters, its last word is tried as the start of a word, and kept
 * when that finds something (the header shows the '*').  Only then: a
 * start costs more than a word over a large journal (search.h). */
static void widen_last_word(struct ui *ui, struct browse *b, const struct search_options *opt)
{
	size_t len = strlen(b->match), letters = 0;
	if (strcmp(b->match, b->query) != 0)
		return;                 /* already widened for CJK */
	while (letters < len) {
		char c = b->match[len - 1 - letters];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
			break;
		letters++;
	}
	size_t quotes = 0;
	for (size_t i = 0; i < len; i++)
		quotes += b->match[i] == '"';
	if (letters < 3 || quotes % 2)
		return;
	struct px_buf wide = PX_BUF_INIT;
	px_buf_addf(&wide, "%s*", b->match);
	int64_t n = 0;
	struct px_error err;
	px_error_clear(&err);
	if (search_count(ui->j, wide.data, opt, &n, &err) == 0 && n > 0) {
		free(b->match);
		b->match = px_buf_detach(&wide);
		b->widened = true;
		b->hits = n;
	}
	px_buf_free(&wide);
}

static void run_search(struct ui *ui, struct browse *b)
{
	b->query_dirty = false;
	clear_rows(b);
	b->list.count = 0;
	b->hits = 0;
	b->more_before = false;
	struct search_options opt;
	search_options(b, &opt, 0);
	struct px_error err;
	px_error_clear(&err);
	free(b->search_error);
	b->search_error = NULL;
	if (short_prefix(b->match)) {
		b->search_error = px_xstrdup("a word ending in * needs at least 3 letters before it");
		b->more_after = false;
	} else if (search_count(ui->j, b->match, &opt, &b->hits, &err) < 0) {
		search_failed(b, &err);
	} else {
		if (b->hits == 0)
			widen_last_word(ui, b, &opt);
		search_more(ui, b);
	}
	list_select(&b->list, 0);
	char detail[64];
	snprintf(detail, sizeof detail, "%" PRId64 " hits", b->hits);
	trace_event("search", detail);
}

/* ---- loading ------------------------------------------------------------------- */

/* Load again.  A filter or the query changed (STALE): from the top.  The
 * journal changed (here or in another praxis): around the selected row,
 * which stays selected, or the row now in its place when it has gone, so
 * an entry written elsewhere never moves the list under the reader. */
static void reload(struct ui *ui, struct browse *b)
{
	bool anchored = !b->stale && b->n;
	int64_t keep = b->n ? b->rows[b->list.sel].id : 0;
	char keep_at[20] = "";
	if (b->n)
		memcpy(keep_at, b->rows[b->list.sel].occurred_at, sizeof keep_at);
	b->generation = ui->generation;
	b->stale = false;
	b->broken = false;
	size_t sel = 0;
	if (b->query) {
		run_search(ui, b);
	} else {
		clear_rows(b);
		b->list.count = 0;
		b->more_before = false;
		if (anchored) {
			/* (at, id) < (at, id + 1): the kept row itself comes first. */
			fetch_older(ui, b, keep_at, keep + 1);
			if (b->n) {
				size_t older = b->n;
				fetch_before(ui, b);
				sel = b->n - older;
			} else {
				fetch_after(ui, b);   /* nothing at or past it is left */
			}
		} else {
			fetch_after(ui, b);
		}
	}
	for (size_t i = 0; anchored && i < b->n; i++)
		if (b->rows[i].id == keep)
			sel = i;
	list_select(&b->list, sel);
}

/* Fetch past the window's ends before the selection reaches them. */
static void keep_loaded(struct ui *ui, struct browse *b)
{
	size_t margin = (size_t)(b->list.height > 0 ? b->list.height : 30) + 10;
	if (b->more_after && !b->broken && b->list.sel + margin >= b->n) {
		if (b->query)
			search_more(ui, b);
		else
			fetch_after(ui, b);
	}
	if (b->more_before && !b->broken && !b->query && b->list.sel < margin && b->n)
		fetch_before(ui, b);
}

/* ---- drawing --------------------------------------------------------------------- */

static void row_draw(void *ctx, size_t row, int y, int x, int w, bool selected)
{
	entry_row_draw(&((struct browse *)ctx)->rows[row], y, x, w, selected);
}

static void describe_filters(const struct browse *b, struct px_buf *out)
{
	if (b->frame >= 0)
		px_buf_addf(out, " · %s", entry_frame_label((enum entry_frame)b->frame));
	if (b->tag)
		px_buf_addf(out, " · #%s", b->tag);
	if (b->person)
		px_buf_addf(out, " · @%s", b->person);
	if (b->inquiry_label)
		px_buf_addf(out, " · inquiry: %s", b->inquiry_label);
	if (b->from[0])
		px_buf_addf(out, " · %s..%s", b->from, b->to);
	if (b->ids_label)
		px_buf_addf(out, " · %s", b->ids_label);
}

static void browse_draw(struct ui *ui, struct screen *s, const struct area *a)
{
	struct browse *b = s->data;
	if (b->stale || b->generation != ui->generation)
		reload(ui, b);
	if (b->query && b->query_dirty)
		run_search(ui, b);
	struct px_buf left = PX_BUF_INIT;
	char right[64];
	if (b->query) {
		px_buf_addf(&left, "Search: %s%s", b->query, b->widened ? "*" : "");
		snprintf(right, sizeof right, "%" PRId64 " match%s", b->hits, b->hits == 1 ? "" : "es");
		if (b->person || b->inquiry_id || b->ids)
			px_buf_adds(&left, b->ids ? " (not limited to the review's list)"
						  : " (not filtered by person or inquiry)");
	} else {
		px_buf_adds(&left, "Browse");
		/* Counted only when every row is loaded: a count of a 100k journal
		 * would cost more than the page itself. */
		if (b->more_before || b->more_after)
			snprintf(right, sizeof right, "newest first");
		else
			snprintf(right, sizeof right, "%zu entr%s", b->n, b->n == 1 ? "y" : "ies");
	}
	describe_filters(b, &left);
	draw_header(a, left.data, right);
	px_buf_free(&left);
	struct area rows = { a->y + 1, a->x, a->h - 1, a->w };
	if (b->n == 0) {
		const char *what = b->search_error ? b->search_error
				   : b->query ? "No entry matches the search."
					      : "No entries here. x clears the filters; Esc goes back.";
		draw_text(a->y + 2, a->x + 2, a->w - 4, what, draw_attr(STYLE_DIM));
	}
	keep_loaded(ui, b);
	list_draw(&b->list, &rows);
}

/* ---- search and filter questions ---------------------------------------------------- */

/* The index keeps a run of CJK (a script written without spaces) as one
 * word, so a last word in such a script also matches as the start of a
 * longer run: "日本語" finds "日本語のタイトル".  Latin words are not
 * widened here: the index holds English stems, so "deleg" already finds
 * "delegation", and a start costs far more over a large journal; a word
 * that finds nothing is widened after the fact (widen_last_word). */
static char *as_typed(const char *query)
{
	size_t len = strlen(query), start = len, quotes = 0;
	while (start > 0 && query[start - 1] != ' ')
		start--;
	for (size_t i = 0; i < len; i++)
		quotes += query[i] == '"';
	bool wide = start < len && quotes % 2 == 0 && query[len - 1] != '*';
	bool cjk = false;
	for (size_t i = start; i < len && wide;) {
		uint32_t cp;
		i += text_utf8_decode(query + i, len - i, &cp);
		wide = cp >= 0x80 || (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		       (cp >= 'A' && cp <= 'Z');
		cjk = cjk || text_is_cjk(cp);
	}
	struct px_buf b = PX_BUF_INIT;
	px_buf_adds(&b, query);
	if (wide && cjk)
		px_buf_addf(&b, " OR %s*", query + start);
	return px_buf_detach(&b);
}

static void set_query(struct browse *b, const char *text)
{
	free(b->query);
	free(b->match);
	b->query = text && !text_is_blank(text) ? px_xstrdup(text) : NULL;
	b->match = b->query ? as_typed(b->query) : NULL;
	b->widened = false;
	b->query_dirty = b->query != NULL;
	b->stale = true;   /* reload on the next draw: search, or the list again */
}

static int query_changed(struct ui *ui, void *ctx, const char *text)
{
	(void)ui;
	set_query(ctx, text);
	return UI_REDRAW;
}

static int query_done(struct ui *ui, void *ctx, const char *text)
{
	struct browse *b = ctx;
	if (!text) {
		set_query(b, NULL);   /* Esc while typing: back to the list */
		return UI_REDRAW;
	}
	set_query(b, text);
	if (b->query)
		ui_status(ui, "n and N go through the matches; Esc ends the search");
	return UI_REDRAW;
}

static int ask_search(struct ui *ui, struct browse *b)
{
	ui_ask_text(ui, "/", b->query, query_done, query_changed, b);
	return UI_HANDLED | UI_REDRAW;
}

static int tag_done(struct ui *ui, void *ctx, const char *text)
{
	struct browse *b = ctx;
	if (!text)
		return 0;
	const char *name = text + strspn(text, " #");
	char *copy = px_xstrdup(name);
	copy[strcspn(copy, " ")] = '\0';
	/* "power/" is the family: check the name without its slash. */
	size_t n = strlen(copy);
	char *check = px_xstrndup(copy, n && copy[n - 1] == '/' ? n - 1 : n);
	struct px_error err;
	px_error_clear(&err);
	/* A tag no entry has could only empty the list: said, with the nearest. */
	if (*copy && (text_tag_valid(check, &err) < 0 || tag_check_known(ui->j, copy, &err) < 0)) {
		ui_error_px(ui, &err);
	} else {
		free(b->tag);
		b->tag = *copy ? px_xstrdup(copy) : NULL;
		b->stale = true;
	}
	free(check);
	free(copy);
	return UI_REDRAW;
}

static int person_done(struct ui *ui, void *ctx, const char *text)
{
	struct browse *b = ctx;
	if (!text)
		return 0;
	char *copy = px_xstrdup(text + strspn(text, " @"));
	copy[strcspn(copy, " ")] = '\0';
	struct px_error err;
	px_error_clear(&err);
	if (*copy &&
	    (text_person_valid(copy, &err) < 0 || person_check_known(ui->j, copy, &err) < 0)) {
		ui_error_px(ui, &err);
	} else {
		free(b->person);
		b->person = *copy ? px_xstrdup(copy) : NULL;
		b->stale = true;
	}
	free(copy);
	return UI_REDRAW;
}

static int dates_done(struct ui *ui, void *ctx, const char *text)
{
	struct browse *b = ctx;
	if (!text)
		return 0;
	if (text_is_blank(text)) {
		b->from[0] = b->to[0] = '\0';
	} else {
		struct px_date_range r;
		struct px_error err;
		px_error_clear(&err);
		if (date_parse_range(text, &ui->now, &r, &err) < 0) {
			ui_error_px(ui, &err);
			return UI_REDRAW;
		}
		date_format(&r.from, b->from);
		date_format(&r.to, b->to);
	}
	b->stale = true;
	return UI_REDRAW;
}

static const char *const frame_items[] = {
	"Any frame", "Notes", "Critical incidents", "Time periods", "Inquiry entries",
};

static int frame_done(struct ui *ui, void *ctx, long index)
{
	(void)ui;
	struct browse *b = ctx;
	if (index >= 0) {
		b->frame = (int)index - 1;
		b->stale = true;
	}
	return UI_REDRAW;
}

static int ask_frame(struct ui *ui, struct browse *b)
{
	struct choose_args args = {
		.title = "Show which frame?",
		.items = frame_items,
		.n = sizeof frame_items / sizeof frame_items[0],
		.selected = (size_t)(b->frame + 1),
		.done = frame_done,
		.ctx = b,
	};
	return ui_choose(ui, &args);
}

static int inquiry_done(struct ui *ui, void *ctx, bool chosen, int64_t id, const char *label)
{
	(void)ui;
	struct browse *b = ctx;
	if (chosen) {
		b->inquiry_id = id;
		free(b->inquiry_label);
		b->inquiry_label = id ? px_xstrdup(label) : NULL;
		b->stale = true;
	}
	return UI_REDRAW;
}

static int ask_inquiry(struct ui *ui, struct browse *b)
{
	int flags = ui_choose_inquiry(ui, "Show the entries of which inquiry?", INQUIRY_ALL,
				      "Any inquiry", NULL, b->inquiry_id, inquiry_done, b);
	if (flags < 0) {
		ui_status(ui, "there are no inquiries yet (N on Home opens one)");
		return UI_HANDLED;
	}
	return flags;
}

static void clear_filters(struct browse *b)
{
	b->frame = -1;
	free(b->tag);
	free(b->person);
	free(b->inquiry_label);
	free(b->query);
	free(b->match);
	free(b->search_error);
	free(b->ids);
	free(b->ids_label);
	b->tag = b->person = b->inquiry_label = b->query = b->match = b->search_error = NULL;
	b->ids = NULL;
	b->ids_label = NULL;
	b->n_ids = 0;
	b->inquiry_id = 0;
	b->from[0] = b->to[0] = '\0';
	b->stale = true;
}

/* ---- export ------------------------------------------------------------------------------ */

/* E: export exactly what the list shows: the filters, which the export
 * selection takes as they are, and a search as the selection's query, so
 * the export finds every match the header counts.  A search is filtered
 * by frame, tag and dates only (the header says so). */
static int export_list(struct ui *ui, struct browse *b)
{
	if (b->search_error) {
		ui_error(ui, "nothing to export: the search cannot run (%s)", b->search_error);
		return UI_HANDLED | UI_REDRAW;
	}
	struct entry_filter f;
	set_filter(b, &f);
	struct export_selection sel;
	export_selection_from_filter(&sel, &f);
	if (b->query) {
		if (b->hits == 0) {
			ui_status(ui, "Nothing to export: the search matches no entry");
			return UI_HANDLED | UI_REDRAW;
		}
		sel.person = NULL;
		sel.inquiry_id = 0;
		sel.query = b->match;
	}
	return export_flow_start(ui, &b->export, &sel);
}

/* ---- keys -------------------------------------------------------------------------------- */

static int browse_move(struct ui *ui, struct browse *b, enum req req)
{
	if (req == REQ_LAST && !b->query && b->more_after) {
		jump_last(ui, b);
		return UI_HANDLED | UI_REDRAW;
	}
	if (req == REQ_FIRST && !b->query && b->more_before) {
		clear_rows(b);
		b->list.count = 0;
		b->more_before = false;
		fetch_after(ui, b);
		list_select(&b->list, 0);
		return UI_HANDLED | UI_REDRAW;
	}
	int flags = list_move(&b->list, req);
	if (flags)
		keep_loaded(ui, b);
	return flags;
}

static int next_match(struct ui *ui, struct browse *b, enum req req)
{
	if (!b->query) {
		ui_status(ui, "no search yet: / starts one");
		return UI_HANDLED;
	}
	return browse_move(ui, b, req == REQ_NEXT_MATCH ? REQ_DOWN : REQ_UP);
}

static int browse_key(struct ui *ui, struct screen *s, enum req req, int32_t key)
{
	(void)key;
	struct browse *b = s->data;
	switch (req) {
	case REQ_OPEN:
		if (b->n)
			ui_push(ui, &entry_screen, &b->rows[b->list.sel].id);
		return UI_HANDLED | UI_REDRAW;
	case REQ_BACK:
		if (b->query) {   /* Esc ends a search before it leaves */
			set_query(b, NULL);
			return UI_HANDLED | UI_REDRAW;
		}
		return UI_HANDLED | UI_POP;
	case REQ_SEARCH: return ask_search(ui, b);
	case REQ_NEXT_MATCH: case REQ_PREV_MATCH: return next_match(ui, b, req);
	case REQ_FILTER_FRAME: return ask_frame(ui, b);
	case REQ_FILTER_TAG:
		ui_ask_text(ui, "Tag (power/ for a family; empty for any): ", b->tag, tag_done, NULL, b);
		return UI_HANDLED | UI_REDRAW;
	case REQ_FILTER_PERSON:
		ui_ask_text(ui, "Person (empty for any): ", b->person, person_done, NULL, b);
		return UI_HANDLED | UI_REDRAW;
	case REQ_FILTER_INQUIRY: return ask_inquiry(ui, b);
	case REQ_FILTER_DATES:
		ui_ask_text(ui, "Dates (last week, 2026-03, 2026-03-01..2026-03-15; empty for any): ",
			    NULL, dates_done, NULL, b);
		return UI_HANDLED | UI_REDRAW;
	case REQ_FILTER_CLEAR: clear_filters(b); return UI_HANDLED | UI_REDRAW;
	case REQ_EXPORT: return export_list(ui, b);
	case REQ_UNDO: return ui_undo_trash(ui);
	case REQ_REVIEW: {
		/* The period the list shows, or this month. */
		struct review_args r = { "", "" };
		memcpy(r.from, b->from, sizeof r.from);
		memcpy(r.to, b->to, sizeof r.to);
		ui_push(ui, &review_screen, &r);
		return UI_HANDLED | UI_REDRAW;
	}
	case REQ_HOME: return ui_go_home(ui);
	case REQ_TICK: case REQ_FLUSH: return 0;
	default: return browse_move(ui, b, req);
	}
}

/* The filters a caller (a Review row) opens Browse with. */
static void start_filters(struct browse *b, const struct browse_args *a)
{
	if (a->tag)
		b->tag = px_xstrdup(a->tag);
	if (a->person)
		b->person = px_xstrdup(a->person);
	if (a->by_frame)
		b->frame = (int)a->frame;
	memcpy(b->from, a->from, sizeof b->from);
	memcpy(b->to, a->to, sizeof b->to);
	if (a->ids) {
		b->ids = px_xmalloc((a->n_ids + 1) * sizeof *b->ids);
		memcpy(b->ids, a->ids, a->n_ids * sizeof *b->ids);
		b->n_ids = a->n_ids;
		b->ids_label = px_xstrdup(a->ids_label ? a->ids_label : "a list of entries");
	}
}

static int browse_enter(struct ui *ui, struct screen *s, const void *arg)
{
	const struct browse_args *a = arg;
	struct browse *b = px_xcalloc(1, sizeof *b);
	b->frame = -1;
	if (a)
		start_filters(b, a);
	b->list.draw_row = row_draw;
	b->list.ctx = b;
	s->data = b;
	reload(ui, b);
	if (a && a->search)
		ask_search(ui, b);
	return 0;
}

static void browse_leave(struct ui *ui, struct screen *s)
{
	(void)ui;
	struct browse *b = s->data;
	clear_rows(b);
	free(b->rows);
	clear_filters(b);
	export_flow_free(&b->export);
	free(b);
}

static const struct key_binding browse_bindings[] = {
	KEYS_MOVE,
	{ UIK_ENTER, REQ_OPEN }, { UIK_FN | KEY_ENTER, REQ_OPEN }, { 'l', REQ_OPEN },
	{ 'q', REQ_BACK }, { UIK_ESC, REQ_BACK }, { 'h', REQ_BACK },
	{ '/', REQ_SEARCH }, { 'n', REQ_NEXT_MATCH }, { 'N', REQ_PREV_MATCH },
	{ 'f', REQ_FILTER_FRAME }, { 't', REQ_FILTER_TAG }, { '#', REQ_FILTER_TAG },
	{ 'p', REQ_FILTER_PERSON }, { '@', REQ_FILTER_PERSON }, { 'I', REQ_FILTER_INQUIRY },
	{ 'd', REQ_FILTER_DATES }, { 'x', REQ_FILTER_CLEAR }, { 'u', REQ_UNDO },
	{ 'H', REQ_HOME }, { 'R', REQ_REVIEW }, { 'E', REQ_EXPORT },
	KEYS_COMMON,
};
static const struct keymap browse_keys =
	KEYMAP(browse_bindings, "Every entry, newest first; filters add up; Enter opens.");

const struct screen_ops browse_screen = {
	.name = "Browse",
	.keys = &browse_keys,
	.enter = browse_enter,
	.draw = browse_draw,
	.key = browse_key,
	.resize = NULL,
	.leave = browse_leave,
};
