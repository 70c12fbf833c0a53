/*
 * scr_review.c — the Review screen: one period of the journal looked at
 * as a whole, with the figures of `praxis review` (review.h) drawn as
 * bars and sparklines (chart.h): activity, tags and people against the
 * period before, distinctive terms, recurring themes, tags that go
 * together, scales over time, the action–reflection cycle and on this
 * day.  [ and ] step through time, w m t y change the length of the
 * period, and every line that stands for entries opens them: Browse with
 * the tag, person or frame and the period's dates, or with the list of
 * entries the review names (entry_filter.ids) for terms, themes, pairs
 * and scales; an on-this-day line opens its entry.
 *
 * A review of a long period reads much of the journal, so it is computed
 * only when the screen opens, when the period changes and when the
 * journal changed, and then on the next draw, after every key already
 * typed (five presses of [ compute once).  The rows are built once per
 * review and laid out for the width as they are drawn: a resize costs a
 * draw, never a review.
 */
#include "draw.h"
#include "list.h"
#include "screen.h"
#include "term.h"

#include "praxis/buf.h"
#include "praxis/chart.h"
#include "praxis/review.h"
#include "praxis/text.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define LABEL_W 18      /* the label column of Activity (as the report's) */
#define LABEL_W_NARROW 15
#define NARROW 56       /* rows narrower than this use the short labels */
#define BAR_MAX 30      /* a bar never grows wider than this */
#define DAILY_MAX 62    /* longer periods are drawn week by week */

enum section {
	SEC_ACTIVITY, SEC_TAGS, SEC_PEOPLE, SEC_TERMS, SEC_THEMES, SEC_PAIRS, SEC_MEASURES,
	SEC_CYCLE, SEC_ON_THIS_DAY,
};

enum row_kind {
	ROW_HEADING,            /* i: the section */
	ROW_EMPTY,              /* "No entries in this period." */
	ROW_ENTRIES, ROW_WORDS, ROW_DAYS, ROW_STREAK, ROW_SPARK_LABEL, ROW_SPARK,
	ROW_FRAME,              /* i: the frame */
	ROW_TAG, ROW_PERSON, ROW_TERM, ROW_THEME, ROW_PAIR, ROW_MEASURE,   /* i: the index */
	ROW_PLANNED, ROW_DROPPED, ROW_CLOSED,
	ROW_RECALL,             /* i: the on-this-day index */
};

struct row {
	enum row_kind kind;
	size_t i;
};

struct review_view {
	struct px_date_range range;
	struct review *r;       /* NULL when the last review failed */
	char *error;            /* why it failed */
	struct row *rows;
	size_t n, cap;
	struct list list;
	bool stale;             /* the period changed: review again when drawn */
	unsigned long generation;
	bool utf8;
	int name_w[2];          /* the widest tag and person, "#name", in columns */
	int term_w;
	double *spark;          /* the daily (or weekly) counts drawn */
	size_t n_spark;
	double spark_most;
	bool weekly;
};

/* ---- periods ----------------------------------------------------------------- */

/* FROM..TO as the period it is: a whole week, month, quarter or year is
 * that unit (so [ and ] step by it); anything else is a custom span. */
static int range_from_dates(const char *from, const char *to, struct px_date_range *out)
{
	struct px_datetime f, t;
	if (datetime_parse_storage(from, &f) < 0 || datetime_parse_storage(to, &t) < 0 ||
	    date_compare(&f.date, &t.date) > 0)
		return -1;
	date_range_of(&f.date, &t.date, out);
	return 0;
}

/* ---- rows ----------------------------------------------------------------------- */

static void add_row(struct review_view *v, enum row_kind kind, size_t i)
{
	px_grow((void **)&v->rows, &v->cap, v->n + 1, sizeof *v->rows);
	v->rows[v->n++] = (struct row){ kind, i };
}

/* Columns NAME takes on screen with its sigil, escaped as it is drawn. */
static int name_width(char sigil, const char *name)
{
	char *safe = text_escape_controls(name);
	int w = text_width(safe) + (sigil ? 1 : 0);
	free(safe);
	return w;
}

static void build_activity(struct review_view *v, const struct review *r)
{
	add_row(v, ROW_HEADING, SEC_ACTIVITY);
	add_row(v, ROW_ENTRIES, 0);
	if (r->entries == 0) {
		add_row(v, ROW_EMPTY, 0);
		return;
	}
	add_row(v, ROW_WORDS, 0);
	add_row(v, ROW_DAYS, 0);
	if (r->longest_streak)
		add_row(v, ROW_STREAK, 0);
	if (r->n_days_so_far > 1) {
		v->weekly = r->n_days_so_far > DAILY_MAX;
		v->spark = px_xcalloc(r->n_days_so_far, sizeof *v->spark);
		v->n_spark = chart_buckets(r->daily, r->n_days_so_far, v->weekly ? 7 : 1, v->spark,
					   &v->spark_most);
		add_row(v, ROW_SPARK_LABEL, 0);
		add_row(v, ROW_SPARK, 0);
	}
	for (size_t f = 0; f < FRAME_COUNT; f++)
		add_row(v, ROW_FRAME, f);
}

static void build_lists(struct review_view *v, const struct review *r)
{
	v->name_w[0] = v->name_w[1] = 0;
	if (r->n_tags)
		add_row(v, ROW_HEADING, SEC_TAGS);
	for (size_t i = 0; i < r->n_tags; i++) {
		add_row(v, ROW_TAG, i);
		int w = name_width('#', r->tags[i].name);
		v->name_w[0] = w > v->name_w[0] ? w : v->name_w[0];
	}
	if (r->n_people)
		add_row(v, ROW_HEADING, SEC_PEOPLE);
	for (size_t i = 0; i < r->n_people; i++) {
		add_row(v, ROW_PERSON, i);
		int w = name_width('@', r->people[i].name);
		v->name_w[1] = w > v->name_w[1] ? w : v->name_w[1];
	}
	v->term_w = 0;
	if (r->n_terms)
		add_row(v, ROW_HEADING, SEC_TERMS);
	for (size_t i = 0; i < r->n_terms; i++) {
		add_row(v, ROW_TERM, i);
		int w = name_width(0, r->terms[i].term);
		v->term_w = w > v->term_w ? w : v->term_w;
	}
	if (r->n_themes)
		add_row(v, ROW_HEADING, SEC_THEMES);
	for (size_t i = 0; i < r->n_themes; i++)
		add_row(v, ROW_THEME, i);
	if (r->n_pairs)
		add_row(v, ROW_HEADING, SEC_PAIRS);
	for (size_t i = 0; i < r->n_pairs; i++)
		add_row(v, ROW_PAIR, i);
	if (r->n_measures)
		add_row(v, ROW_HEADING, SEC_MEASURES);
	for (size_t i = 0; i < r->n_measures; i++)
		add_row(v, ROW_MEASURE, i);
}

static void build_rows(struct review_view *v)
{
	v->n = 0;
	free(v->spark);
	v->spark = NULL;
	v->n_spark = 0;
	const struct review *r = v->r;
	if (r) {
		build_activity(v, r);
		build_lists(v, r);
		add_row(v, ROW_HEADING, SEC_CYCLE);
		add_row(v, ROW_PLANNED, 0);
		add_row(v, ROW_DROPPED, 0);
		add_row(v, ROW_CLOSED, 0);
		if (r->n_on_this_day)
			add_row(v, ROW_HEADING, SEC_ON_THIS_DAY);
		for (size_t i = 0; i < r->n_on_this_day; i++)
			add_row(v, ROW_RECALL, i);
	}
	v->list.count = v->n;
}

/* What a row stands for besides its kind, to find it again in the next
 * period's review: the name of its tag, term or scale, its frame. */
static void row_key(const struct review_view *v, size_t row, struct px_buf *out)
{
	const struct row *w = &v->rows[row];
	const struct review *r = v->r;
	switch (w->kind) {
	case ROW_TAG: px_buf_adds(out, r->tags[w->i].name); break;
	case ROW_PERSON: px_buf_adds(out, r->people[w->i].name); break;
	case ROW_TERM: px_buf_adds(out, r->terms[w->i].term); break;
	case ROW_THEME: px_buf_adds(out, r->themes[w->i].name); break;
	case ROW_PAIR: px_buf_addf(out, "%s+%s", r->pairs[w->i].a, r->pairs[w->i].b); break;
	case ROW_MEASURE: px_buf_adds(out, r->measures[w->i].name); break;
	case ROW_FRAME: px_buf_addf(out, "%zu", w->i); break;
	default: break;
	}
}

/* Select the row of KIND standing for KEY, else the first of its kind,
 * else the first line (KEY NULL: the first line). */
static void reselect(struct review_view *v, enum row_kind kind, const char *key)
{
	size_t at = 0;
	for (size_t i = 0; i < v->n && key; i++) {
		if (v->rows[i].kind != kind)
			continue;
		struct px_buf k = PX_BUF_INIT;
		row_key(v, i, &k);
		bool same = strcmp(k.data, key) == 0;
		px_buf_free(&k);
		if (same) {
			at = i;
			break;
		}
		if (!at)
			at = i;
	}
	list_select(&v->list, at ? at : 1);
}

/* ---- computing ---------------------------------------------------------------------- */

static void compute(struct ui *ui, struct review_view *v)
{
	char *keep = NULL;
	enum row_kind keep_kind = ROW_ENTRIES;
	if (v->r && v->n) {
		struct px_buf k = PX_BUF_INIT;
		row_key(v, v->list.sel, &k);
		keep = px_buf_detach(&k);
		keep_kind = v->rows[v->list.sel].kind;
	}
	v->stale = false;
	v->generation = ui->generation;
	review_free(v->r);
	v->r = NULL;
	free(v->error);
	v->error = NULL;
	struct review_options o;
	review_options_init(&o);
	o.range = &v->range;
	o.now = &ui->now;
	o.templates = ui_templates(ui);
	struct px_error err;
	px_error_clear(&err);
	if (review_compute(ui->j, &o, &v->r, &err) < 0) {
		char line[PX_ERROR_WHERE_MAX + PX_ERROR_MSG_MAX + 8];
		px_error_format(&err, line, sizeof line);
		v->error = px_xstrdup(line);
		ui_error_px(ui, &err);
	}
	build_rows(v);
	reselect(v, keep_kind, keep);
	free(keep);
	char label[64];
	date_range_label(&v->range, label, sizeof label);
	trace_event("review", label);
}

/* ---- drawing -------------------------------------------------------------------------- */

/* One row being drawn: where its content starts and how wide it is. */
struct cell {
	int y, x, w;
	attr_t base;
	bool selected;
};

/* STYLE on this row (a selected row is drawn in one style). */
static attr_t tone(const struct cell *c, enum style s)
{
	return c->selected ? c->base : c->base | draw_attr(s);
}

/* TEXT at column COL of the row in at most WIDTH columns (cut at the
 * row's end); returns the columns used. */
static int put(const struct cell *c, int col, int width, const char *text, attr_t attr)
{
	if (col >= c->w)
		return 0;
	if (width > c->w - col || width < 0)
		width = c->w - col;
	return draw_text(c->y, c->x + col, width, text, attr);
}

static int label_w(const struct cell *c)
{
	return c->w >= NARROW ? LABEL_W : LABEL_W_NARROW;
}

/* A label in the label column, then VALUE. */
static void put_labelled(const struct cell *c, const char *label, const char *value, attr_t attr)
{
	put(c, 0, label_w(c) - 1, label, tone(c, STYLE_DIM));
	put(c, label_w(c), -1, value, attr);
}

static void put_bar(const struct cell *c, int col, double value, double max, enum style s,
		    bool utf8)
{
	int width = c->w - col;
	if (width > BAR_MAX)
		width = BAR_MAX;
	if (width < 2)
		return;
	char *bar = chart_bar(value, max, width, utf8);
	put(c, col, width, bar, tone(c, s));
	free(bar);
}

/* The newest values of V that fit from column COL, as a sparkline; an
 * ellipsis first when older ones had to go. */
static void put_spark(const struct cell *c, int col, const double *v, size_t n, double lo,
		      double hi, bool blank_zero, bool utf8, enum style s)
{
	int room = c->w - col;
	if (room < 3 || n == 0)
		return;
	size_t from = 0;
	if (n > (size_t)room) {
		col += put(c, col, 1, draw_ellipsis(), tone(c, STYLE_DIM));
		from = n - (size_t)(room - 1);
	}
	char *line = chart_sparkline(v + from, n - from, lo, hi, blank_zero, utf8);
	put(c, col, -1, line, tone(c, s));
	free(line);
}

static const char *plural(int n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void draw_activity(const struct review_view *v, const struct row *w, const struct cell *c)
{
	const struct review *r = v->r;
	char text[160];
	switch (w->kind) {
	case ROW_ENTRIES:
		snprintf(text, sizeof text, "%d (%s: %d)", r->entries, r->previous_label,
			 r->previous_entries);
		put_labelled(c, "entries", text, c->base);
		break;
	case ROW_EMPTY:
		put(c, 0, -1, r->previous_entries ? "No entries in this period."
						  : "No entries in this period or the one before it.",
		    tone(c, STYLE_DIM));
		break;
	case ROW_WORDS:
		snprintf(text, sizeof text, "%lld", (long long)r->words);
		put_labelled(c, "words", text, c->base);
		break;
	case ROW_DAYS:
		snprintf(text, sizeof text, "%d of %zu%s", r->days_journaled, r->n_days_so_far,
			 r->n_days_so_far < r->n_days ? " so far" : "");
		put_labelled(c, "days written", text, c->base);
		break;
	case ROW_STREAK:
		snprintf(text, sizeof text, "%d %s from %s", r->longest_streak,
			 plural(r->longest_streak, "day", "days"), r->streak_from);
		put_labelled(c, "longest streak", text, c->base);
		break;
	case ROW_SPARK_LABEL:
		snprintf(text, sizeof text, "most in a %s: %.0f", v->weekly ? "week" : "day",
			 v->spark_most);
		put_labelled(c, v->weekly ? "week by week" : "day by day", text, tone(c, STYLE_DIM));
		break;
	case ROW_SPARK:
		put_spark(c, 0, v->spark, v->n_spark, 0, v->spark_most, true, v->utf8,
			  STYLE_FRAME_PERIOD);
		break;
	default: {
		int most = 0;
		for (int f = 0; f < FRAME_COUNT; f++)
			most = r->per_frame[f] > most ? r->per_frame[f] : most;
		enum entry_frame f = (enum entry_frame)w->i;
		snprintf(text, sizeof text, "%4d", r->per_frame[f]);
		int lw = label_w(c);
		put(c, 0, lw - 1, c->w >= NARROW ? entry_frame_label(f) : entry_frame_name(f), c->base);
		put(c, lw, 4, text, c->base);
		put_bar(c, lw + 5, r->per_frame[f], most, draw_frame_style(f), v->utf8);
		break;
	}
	}
}

/* The columns of a tag or person row for names NAME_W wide. */
struct count_cols {
	int name, now, before, change, bar;
};

static struct count_cols count_cols(int w, int name_w)
{
	int cap = w / 3 > 8 ? w / 3 : 8;
	struct count_cols k;
	k.name = name_w + 1 < 8 ? 8 : name_w + 1 > cap ? cap : name_w + 1;
	if (k.name > 28)
		k.name = 28;
	k.now = k.name;           /* "%5d" */
	k.before = k.now + 5;     /* "%7d" */
	k.change = k.before + 9;  /* "falling" */
	k.bar = k.change + 8;
	return k;
}

static attr_t change_tone(const struct cell *c, enum review_change ch)
{
	if (ch == REVIEW_NEW || ch == REVIEW_RISING)
		return tone(c, STYLE_KEY);
	return ch == REVIEW_SAME ? c->base : tone(c, STYLE_DIM);
}

static void draw_count(const struct review_view *v, const struct row *w, const struct cell *c)
{
	bool tag = w->kind == ROW_TAG;
	const struct review_count *list = tag ? v->r->tags : v->r->people;
	size_t n = tag ? v->r->n_tags : v->r->n_people;
	const struct review_count *k = &list[w->i];
	int most = 0;
	for (size_t i = 0; i < n; i++)
		most = list[i].count > most ? list[i].count : most;
	struct count_cols col = count_cols(c->w, v->name_w[tag ? 0 : 1]);
	enum style s = tag ? STYLE_TAG : STYLE_PERSON;
	struct px_buf name = PX_BUF_INIT;
	px_buf_addf(&name, "%c%s", tag ? '#' : '@', k->name);
	put(c, 0, col.name - 1, name.data, tone(c, s));
	px_buf_free(&name);
	char num[16];
	snprintf(num, sizeof num, "%5d", k->count);
	put(c, col.now, 5, num, c->base);
	snprintf(num, sizeof num, "%7d", k->prev);
	put(c, col.before, 7, num, tone(c, STYLE_DIM));
	put(c, col.change, 7, review_change_name(k->change), change_tone(c, k->change));
	put_bar(c, col.bar, k->count, most, s, v->utf8);
}

static void draw_term(const struct review_view *v, const struct row *w, const struct cell *c)
{
	const struct review_term *t = &v->r->terms[w->i];
	int tw = v->term_w + 2;
	int cap = c->w / 2 > 10 ? c->w / 2 : 10;
	tw = tw < 10 ? 10 : tw > cap ? cap : tw;
	put(c, 0, tw - 1, t->term, c->base);
	char text[64];
	snprintf(text, sizeof text, "%3d %s, z %.1f", t->entries, plural(t->entries, "entry", "entries"),
		 t->z);
	put(c, tw, -1, text, tone(c, STYLE_DIM));
}

static void draw_theme(const struct review_view *v, const struct row *w, const struct cell *c)
{
	const struct review_theme *t = &v->r->themes[w->i];
	enum style s = t->kind == REVIEW_THEME_TAG      ? STYLE_TAG
		       : t->kind == REVIEW_THEME_PERSON ? STYLE_PERSON
							: STYLE_NORMAL;
	int used = put(c, 0, c->w / 2, t->name, tone(c, s));
	char text[96];
	int n = snprintf(text, sizeof text, ": %d %s", t->entries, plural(t->entries, "entry", "entries"));
	if (t->incidents && n > 0 && (size_t)n < sizeof text)
		snprintf(text + n, sizeof text - (size_t)n, ", %d critical %s", t->incidents,
			 plural(t->incidents, "incident", "incidents"));
	put(c, used, -1, text, c->base);
}

static void draw_pair(const struct review_view *v, const struct row *w, const struct cell *c)
{
	const struct review_pair *p = &v->r->pairs[w->i];
	struct px_buf b = PX_BUF_INIT;
	px_buf_addf(&b, "#%s + #%s", p->a, p->b);
	int used = put(c, 0, c->w - 12, b.data, tone(c, STYLE_TAG));
	px_buf_free(&b);
	char text[48];
	snprintf(text, sizeof text, "  %d %s", p->count, plural(p->count, "entry", "entries"));
	put(c, used, -1, text, c->base);
}

static void draw_measure(const struct review_view *v, const struct row *w, const struct cell *c)
{
	const struct review_measure *m = &v->r->measures[w->i];
	int nw = c->w / 3 < 16 ? c->w / 3 : 16;
	put(c, 0, nw - 1, m->name, c->base);
	char text[64];
	snprintf(text, sizeof text, "mean %.1f, %s", m->mean, m->trend);
	int used = nw + put(c, nw, -1, text, tone(c, STYLE_DIM));
	double *vals = px_xcalloc(m->n + 1, sizeof *vals), lo = 0, hi = 0;
	for (size_t k = 0; k < m->n; k++) {
		vals[k] = m->points[k].value;
		lo = k == 0 || vals[k] < lo ? vals[k] : lo;
		hi = k == 0 || vals[k] > hi ? vals[k] : hi;
	}
	/* The lowest answer still shows as a bar, as in the report. */
	put_spark(c, used + 1, vals, m->n, lo > 0 ? lo - 1 : lo, hi, false, v->utf8, STYLE_TITLE);
	free(vals);
}

static void draw_cycle(const struct review_view *v, const struct row *w, const struct cell *c)
{
	const struct review_cycle *k = &v->r->cycle;
	char text[128];
	if (w->kind == ROW_PLANNED) {
		snprintf(text, sizeof text, "%d planned, %d followed up", k->planned, k->followed_up);
		put(c, 0, -1, text, c->base);
	} else if (w->kind == ROW_DROPPED) {
		snprintf(text, sizeof text, "%d dropped, ", k->dropped);
		int used = put(c, 0, -1, text, c->base);
		snprintf(text, sizeof text, "%d overdue", k->overdue);
		put(c, used, -1, text, k->overdue ? tone(c, STYLE_DUE) : c->base);
	} else if (k->due) {
		snprintf(text, sizeof text, "%.0f%% of cycles closed (%d of %d due)", k->closed_pct,
			 k->closed, k->due);
		put(c, 0, -1, text, c->base);
	} else {
		put(c, 0, -1, "no action came due in the period", tone(c, STYLE_DIM));
	}
}

static void draw_recall(const struct review_view *v, const struct row *w, const struct cell *c)
{
	const struct review_recall *d = &v->r->on_this_day[w->i];
	char when[64];
	snprintf(when, sizeof when, "%.10s %s  ", d->occurred_at, d->ago);
	int used = put(c, 0, -1, when, tone(c, STYLE_DIM));
	put(c, used, -1, d->title, tone(c, STYLE_TITLE));
}

static const char *section_title(const struct review *r, enum section s)
{
	switch (s) {
	case SEC_ACTIVITY: return "Activity";
	case SEC_TAGS: return "Tags";
	case SEC_PEOPLE: return "People";
	case SEC_TERMS:
		return r->sampled ? "Distinctive terms (from a sample of the text)" : "Distinctive terms";
	case SEC_THEMES: return "Recurring themes";
	case SEC_PAIRS: return "Tags that go together";
	case SEC_MEASURES: return "Scales over time";
	case SEC_CYCLE: return "Action and reflection";
	case SEC_ON_THIS_DAY: return "On this day";
	}
	return "";
}

/* A section's heading; over tags and people, the captions of the columns. */
static void draw_heading(const struct review_view *v, enum section s, int y, int x, int w)
{
	draw_text(y, x + 1, w - 2, section_title(v->r, s), draw_attr(STYLE_HEADING));
	if (s != SEC_TAGS && s != SEC_PEOPLE)
		return;
	struct cell c = { y, x + 2, w - 3, A_NORMAL, false };
	struct count_cols col = count_cols(c.w, v->name_w[s == SEC_TAGS ? 0 : 1]);
	attr_t dim = draw_attr(STYLE_DIM);
	put(&c, col.now, 5, "  now", dim);
	put(&c, col.before, 7, " before", dim);
	put(&c, col.change, 7, "change", dim);
}

static bool row_selectable(void *ctx, size_t row)
{
	return ((struct review_view *)ctx)->rows[row].kind != ROW_HEADING;
}

static void row_draw(void *ctx, size_t row, int y, int x, int w, bool selected)
{
	const struct review_view *v = ctx;
	const struct row *r = &v->rows[row];
	if (r->kind == ROW_HEADING) {
		draw_heading(v, (enum section)r->i, y, x, w);
		return;
	}
	attr_t base = selected ? draw_attr(STYLE_SELECTED) : A_NORMAL;
	draw_fill(y, x, w, base);
	struct cell c = { y, x + 2, w - 3, base, selected };
	switch (r->kind) {
	case ROW_TAG: case ROW_PERSON: draw_count(v, r, &c); break;
	case ROW_TERM: draw_term(v, r, &c); break;
	case ROW_THEME: draw_theme(v, r, &c); break;
	case ROW_PAIR: draw_pair(v, r, &c); break;
	case ROW_MEASURE: draw_measure(v, r, &c); break;
	case ROW_PLANNED: case ROW_DROPPED: case ROW_CLOSED: draw_cycle(v, r, &c); break;
	case ROW_RECALL: draw_recall(v, r, &c); break;
	default: draw_activity(v, r, &c); break;
	}
}

static void review_draw(struct ui *ui, struct screen *s, const struct area *a)
{
	struct review_view *v = s->data;
	if (v->stale || v->generation != ui->generation)
		compute(ui, v);
	char label[64], left[96];
	date_range_label(&v->range, label, sizeof label);
	snprintf(left, sizeof left, "Review · %s", label);
	draw_header(a, left, a->w >= 76 ? "[ ] step · w m t y · Enter opens" : NULL);
	if (!v->r) {
		draw_text(a->y + 2, a->x + 2, a->w - 4, v->error ? v->error : "", draw_attr(STYLE_ERROR));
		return;
	}
	struct area rows = { a->y + 1, a->x, a->h - 1, a->w };
	list_draw(&v->list, &rows);
}

/* ---- opening the entries behind a row ------------------------------------------------------ */

static void set_dates(const struct px_date_range *r, struct browse_args *b)
{
	if (!date_valid(&r->from) || !date_valid(&r->to))
		return;
	date_format(&r->from, b->from);
	date_format(&r->to, b->to);
}

static int open_browse(struct ui *ui, const struct browse_args *b)
{
	ui_push(ui, &browse_screen, b);
	return UI_HANDLED | UI_REDRAW;
}

/* Browse the N entries IDS, which stand for WHAT ("with 'delegation'")
 * and are the newest of COUNT. */
static int open_ids(struct ui *ui, const struct review *r, const int64_t *ids, size_t n, int count,
		    const char *what)
{
	if (n == 0) {
		ui_status(ui, "no entries to list");
		return UI_HANDLED;
	}
	struct px_buf label = PX_BUF_INIT;
	if (count > 0 && (size_t)count > n)
		px_buf_addf(&label, "the newest %zu of %d entries %s, %s", n, count, what, r->label);
	else
		px_buf_addf(&label, "%zu %s %s, %s", n, n == 1 ? "entry" : "entries", what, r->label);
	struct browse_args b = { .ids = ids, .n_ids = n, .ids_label = label.data };
	int flags = open_browse(ui, &b);
	px_buf_free(&label);
	return flags;
}

/* A tag or person over the period; one that is gone, over the period
 * before, where its entries are. */
static int open_name(struct ui *ui, const struct review *r, const char *name, bool tag, int count)
{
	struct browse_args b = { .tag = tag ? name : NULL, .person = tag ? NULL : name };
	if (count > 0) {
		set_dates(&r->period, &b);
	} else {
		set_dates(&r->previous, &b);
		ui_status(ui, "%c%s is in %s, not in %s", tag ? '#' : '@', name, r->previous_label,
			  r->label);
	}
	return open_browse(ui, &b);
}

struct pair_ids {
	const char *other;
	int64_t *ids;
	size_t n, cap;
};

/* Whether the space-separated TAGS hold NAME (tags are case-insensitive). */
static bool has_tag(const char *tags, const char *name)
{
	size_t len = strlen(name);
	for (const char *p = tags; *p;) {
		size_t n = strcspn(p, " ");
		if (n == len && strncasecmp(p, name, len) == 0)
			return true;
		p += n;
		p += strspn(p, " ");
	}
	return false;
}

static int collect_pair(const struct entry_summary *s, void *ctx)
{
	struct pair_ids *p = ctx;
	if (has_tag(s->tags, p->other)) {
		px_grow((void **)&p->ids, &p->cap, p->n + 1, sizeof *p->ids);
		p->ids[p->n++] = s->id;
	}
	return 0;
}

/* The review counts pairs but does not name their entries: they are the
 * period's entries with the first tag that have the second. */
static int open_pair(struct ui *ui, const struct review *r, const struct review_pair *pair)
{
	struct entry_filter f;
	entry_filter_init(&f);
	f.tag = pair->a;
	date_format(&r->period.from, f.from);
	date_format(&r->period.to, f.to);
	struct pair_ids p = { .other = pair->b };
	struct px_error err;
	px_error_clear(&err);
	int flags = UI_HANDLED | UI_REDRAW;
	if (entry_list(ui->j, &f, collect_pair, &p, &err) < 0) {
		ui_error_px(ui, &err);
	} else {
		struct px_buf what = PX_BUF_INIT;
		px_buf_addf(&what, "with #%s and #%s", pair->a, pair->b);
		flags = open_ids(ui, r, p.ids, p.n, 0, what.data);
		px_buf_free(&what);
	}
	free(p.ids);
	return flags;
}

/* A scale's answers, one entry each (an entry answering twice, once). */
static int open_measure(struct ui *ui, const struct review *r, const struct review_measure *m)
{
	int64_t *ids = px_xcalloc(m->n + 1, sizeof *ids);
	size_t n = 0;
	for (size_t k = m->n; k-- > 0;) {   /* newest first, as Browse lists */
		bool seen = false;
		for (size_t i = 0; i < n && !seen; i++)
			seen = ids[i] == m->points[k].entry;
		if (!seen)
			ids[n++] = m->points[k].entry;
	}
	struct px_buf what = PX_BUF_INIT;
	px_buf_addf(&what, "rating '%s'", m->name);
	int flags = open_ids(ui, r, ids, n, 0, what.data);
	px_buf_free(&what);
	free(ids);
	return flags;
}

static int open_theme(struct ui *ui, const struct review *r, const struct review_theme *t)
{
	if (t->kind == REVIEW_THEME_TAG || t->kind == REVIEW_THEME_PERSON) {
		const char *name = t->name[0] == '#' || t->name[0] == '@' ? t->name + 1 : t->name;
		return open_name(ui, r, name, t->kind == REVIEW_THEME_TAG, t->entries);
	}
	struct px_buf what = PX_BUF_INIT;
	px_buf_addf(&what, "with '%s'", t->name);
	int flags = open_ids(ui, r, t->entry_ids, t->n_entry_ids, t->entries, what.data);
	px_buf_free(&what);
	return flags;
}

static int open_activity(struct ui *ui, const struct review *r, const struct row *w)
{
	struct browse_args b = { 0 };
	if (w->kind == ROW_FRAME) {
		b.by_frame = true;
		b.frame = (enum entry_frame)w->i;
	}
	if (w->kind == ROW_STREAK) {
		memcpy(b.from, r->streak_from, sizeof b.from);
		memcpy(b.to, r->streak_to, sizeof b.to);
	} else {
		set_dates(&r->period, &b);
	}
	return open_browse(ui, &b);
}

static int open_row(struct ui *ui, struct review_view *v)
{
	const struct review *r = v->r;
	if (!r || !v->n)
		return UI_HANDLED;
	const struct row *w = &v->rows[v->list.sel];
	switch (w->kind) {
	case ROW_TAG: return open_name(ui, r, r->tags[w->i].name, true, r->tags[w->i].count);
	case ROW_PERSON:
		return open_name(ui, r, r->people[w->i].name, false, r->people[w->i].count);
	case ROW_TERM: {
		const struct review_term *t = &r->terms[w->i];
		struct px_buf what = PX_BUF_INIT;
		px_buf_addf(&what, "with '%s'", t->term);
		int flags = open_ids(ui, r, t->entry_ids, t->n_entry_ids, t->entries, what.data);
		px_buf_free(&what);
		return flags;
	}
	case ROW_THEME: return open_theme(ui, r, &r->themes[w->i]);
	case ROW_PAIR: return open_pair(ui, r, &r->pairs[w->i]);
	case ROW_MEASURE: return open_measure(ui, r, &r->measures[w->i]);
	case ROW_RECALL:
		ui_push(ui, &entry_screen, &r->on_this_day[w->i].id);
		return UI_HANDLED | UI_REDRAW;
	case ROW_PLANNED: case ROW_DROPPED: case ROW_CLOSED:
		ui_status(ui, "the actions are in the entries that planned them; Home lists those due");
		return UI_HANDLED;
	case ROW_EMPTY: case ROW_HEADING:
		ui_status(ui, "nothing to open: [ goes to the period before");
		return UI_HANDLED;
	default: return open_activity(ui, r, w);
	}
}

/* ---- keys ------------------------------------------------------------------------------------ */

static int step_period(struct ui *ui, struct review_view *v, int dir)
{
	struct px_date_range next;
	if (dir < 0)
		date_range_previous(&v->range, &next);
	else
		date_range_next(&v->range, &next);
	if (!date_valid(&next.from) || !date_valid(&next.to)) {
		ui_status(ui, "praxis keeps dates from %d to %d only", DATE_YEAR_MIN, DATE_YEAR_MAX);
		return UI_HANDLED;
	}
	if (dir > 0 && date_compare(&next.from, &ui->now.date) > 0) {
		char label[64];
		date_range_label(&v->range, label, sizeof label);
		ui_status(ui, "%s holds today: there is nothing after it yet", label);
		return UI_HANDLED;
	}
	v->range = next;
	v->stale = true;
	return UI_HANDLED | UI_REDRAW;
}

/* The period of UNIT holding the day of the period shown nearest today. */
static int set_unit(struct ui *ui, struct review_view *v, enum date_unit unit)
{
	struct px_date day = ui->now.date;
	if (date_compare(&day, &v->range.from) < 0)
		day = v->range.from;
	if (date_compare(&day, &v->range.to) > 0)
		day = v->range.to;
	struct px_date_range next;
	date_range_containing(&day, unit, &next);
	if (next.unit != v->range.unit || date_compare(&next.from, &v->range.from) ||
	    date_compare(&next.to, &v->range.to)) {
		v->range = next;
		v->stale = true;
	}
	return UI_HANDLED | UI_REDRAW;
}

static int period_done(struct ui *ui, void *ctx, const char *text)
{
	struct review_view *v = ctx;
	if (!text || text_is_blank(text))
		return 0;
	struct px_date_range r;
	struct px_error err;
	px_error_clear(&err);
	if (date_parse_range(text, &ui->now, &r, &err) < 0) {
		ui_error_px(ui, &err);
		return UI_REDRAW;
	}
	v->range = r;
	v->stale = true;
	return UI_REDRAW;
}

static int review_key(struct ui *ui, struct screen *s, enum req req, int32_t key)
{
	(void)key;
	struct review_view *v = s->data;
	switch (req) {
	case REQ_OPEN: return open_row(ui, v);
	case REQ_BACK: return UI_HANDLED | UI_POP;
	case REQ_HOME: return ui_go_home(ui);
	case REQ_PERIOD_PREV: return step_period(ui, v, -1);
	case REQ_PERIOD_NEXT: return step_period(ui, v, +1);
	case REQ_BY_WEEK: return set_unit(ui, v, DATE_UNIT_WEEK);
	case REQ_BY_MONTH: return set_unit(ui, v, DATE_UNIT_MONTH);
	case REQ_BY_QUARTER: return set_unit(ui, v, DATE_UNIT_QUARTER);
	case REQ_BY_YEAR: return set_unit(ui, v, DATE_UNIT_YEAR);
	case REQ_REVIEW_DATES:
		/* Short: a question's label gets half the line; a period that
		 * does not parse is answered with the forms that do. */
		ui_ask_text(ui, "Period to review: ", NULL, period_done, NULL, v);
		return UI_HANDLED | UI_REDRAW;
	case REQ_TICK: case REQ_FLUSH: return 0;
	default: return list_move(&v->list, req);
	}
}

static bool utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

static int review_enter(struct ui *ui, struct screen *s, const void *arg)
{
	const struct review_args *a = arg;
	struct review_view *v = px_xcalloc(1, sizeof *v);
	if (!a || !a->from[0] || range_from_dates(a->from, a->to, &v->range) < 0)
		date_range_containing(&ui->now.date, DATE_UNIT_MONTH, &v->range);
	v->utf8 = utf8_locale();
	v->list.selectable = row_selectable;
	v->list.draw_row = row_draw;
	v->list.ctx = v;
	v->stale = true;
	s->data = v;
	return 0;
}

static void review_leave(struct ui *ui, struct screen *s)
{
	(void)ui;
	struct review_view *v = s->data;
	review_free(v->r);
	free(v->error);
	free(v->rows);
	free(v->spark);
	free(v);
}

static const struct key_binding review_bindings[] = {
	KEYS_MOVE,
	{ UIK_ENTER, REQ_OPEN }, { UIK_FN | KEY_ENTER, REQ_OPEN },
	{ '[', REQ_PERIOD_PREV }, { 'h', REQ_PERIOD_PREV }, { UIK_FN | KEY_LEFT, REQ_PERIOD_PREV },
	{ ']', REQ_PERIOD_NEXT }, { 'l', REQ_PERIOD_NEXT }, { UIK_FN | KEY_RIGHT, REQ_PERIOD_NEXT },
	{ 'w', REQ_BY_WEEK }, { 'm', REQ_BY_MONTH }, { 't', REQ_BY_QUARTER }, { 'y', REQ_BY_YEAR },
	{ 'd', REQ_REVIEW_DATES },
	{ 'q', REQ_BACK }, { UIK_ESC, REQ_BACK }, { 'H', REQ_HOME },
	KEYS_COMMON,
};
static const struct keymap review_keys =
	KEYMAP(review_bindings, "A period as a whole; Enter opens the entries behind a line.");

const struct screen_ops review_screen = {
	.name = "Review",
	.keys = &review_keys,
	.enter = review_enter,
	.draw = review_draw,
	.key = review_key,
	.resize = NULL,
	.leave = review_leave,
};
