/*
 * cmd_review.c — `praxis review [PERIOD]`: a period looked at as a whole,
 * as a readable report (aligned columns, bars and sparklines in block
 * characters, or plain ASCII when the locale is not UTF-8) or as JSON.
 */
#include "cli.h"

#include "praxis/buf.h"
#include "praxis/chart.h"
#include "praxis/inquiry.h"
#include "praxis/json.h"
#include "praxis/review.h"
#include "praxis/text.h"

#include <langinfo.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define BAR_WIDTH 20

static bool utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* Append a bar of VALUE against MAX in WIDTH cells (chart.h). */
static void bar(struct px_buf *b, double value, double max, int width, bool utf8)
{
	char *cells = chart_bar(value, max, width, utf8);
	px_buf_adds(b, cells);
	free(cells);
}

static void heading(const char *title)
{
	printf("\n%s\n", title);
}

static void print_ids(const int64_t *ids, size_t n, size_t max)
{
	for (size_t i = 0; i < n && i < max; i++)
		printf(" #%lld", (long long)ids[i]);
	if (n > max)
		printf(" …");
}

/* ---- text report ---------------------------------------------------------------- */

static void report_activity(const struct review *r, bool utf8)
{
	heading("Activity");
	printf("  %-18s %d (%s: %d)\n", "entries", r->entries, r->previous_label,
	       r->previous_entries);
	printf("  %-18s %lld\n", "words", (long long)r->words);
	printf("  %-18s %d of %zu%s", "days written", r->days_journaled, r->n_days_so_far,
	       r->n_days_so_far < r->n_days ? " so far" : "");
	if (r->longest_streak)
		printf(", longest streak %d %s (%s to %s)", r->longest_streak,
		       r->longest_streak == 1 ? "day" : "days", r->streak_from, r->streak_to);
	fputc('\n', stdout);
	if (r->n_days_so_far > 1) {
		/* One mark a day up to two months, else one a week. */
		size_t step = r->n_days_so_far > 62 ? 7 : 1;
		double *v = calloc(r->n_days_so_far, sizeof *v), hi = 0;
		size_t n = chart_buckets(r->daily, r->n_days_so_far, step, v, &hi);
		char *line = chart_sparkline(v, n < 80 ? n : 80, 0, hi, true, utf8);
		printf("  %-18s %s\n", step == 1 ? "day by day" : "week by week", line);
		free(line);
		free(v);
	}
	int most = 0;
	for (int f = 0; f < FRAME_COUNT; f++)
		most = r->per_frame[f] > most ? r->per_frame[f] : most;
	for (int f = 0; f < FRAME_COUNT; f++) {
		struct px_buf b = PX_BUF_INIT;
		bar(&b, r->per_frame[f], most, BAR_WIDTH, utf8);
		char *label = text_pad(entry_frame_label((enum entry_frame)f), 18);
		printf("  %s %4d %s\n", label, r->per_frame[f], b.data);
		free(label);
		px_buf_free(&b);
	}
}

static void report_counts(const char *title, char sigil, const struct review_count *c, size_t n,
			  bool utf8)
{
	if (!n)
		return;
	heading(title);
	int most = 0, width = 8;
	for (size_t i = 0; i < n; i++) {
		most = c[i].count > most ? c[i].count : most;
		int w = text_width(c[i].name) + 1;
		width = w > width ? (w < 28 ? w : 28) : width;
	}
	printf("  %-*s %5s %6s  %-8s\n", width, "", "now", "before", "change");
	for (size_t i = 0; i < n && i < 25; i++) {
		struct px_buf name = PX_BUF_INIT, b = PX_BUF_INIT;
		px_buf_addc(&name, sigil);
		char *safe = text_escape_controls(c[i].name);
		px_buf_adds(&name, safe);
		free(safe);
		char *cell = text_truncate(name.data, width, "…");
		char *padded = text_pad(cell, width);
		bar(&b, c[i].count, most, BAR_WIDTH, utf8);
		printf("  %s %5d %6d  %-8s %s\n", padded, c[i].count, c[i].prev,
		       review_change_name(c[i].change), b.data);
		free(padded);
		free(cell);
		px_buf_free(&name);
		px_buf_free(&b);
	}
	if (n > 25)
		printf("  … and %zu more\n", n - 25);
}

static void report_terms(const struct review *r)
{
	if (!r->n_terms)
		return;
	heading(r->sampled ? "Distinctive terms (weighted log-odds against the whole journal; "
			     "from a sample of the text)"
			   : "Distinctive terms (weighted log-odds against the whole journal)");
	for (size_t i = 0; i < r->n_terms; i++) {
		const struct review_term *t = &r->terms[i];
		char *safe = text_escape_controls(t->term);
		char *padded = text_pad(safe, 24);
		printf("  %s %3d entries  z %4.1f ", padded, t->entries, t->z);
		print_ids(t->entry_ids, t->n_entry_ids, 6);
		fputc('\n', stdout);
		free(padded);
		free(safe);
	}
}

static void report_themes(const struct review *r)
{
	if (!r->n_themes)
		return;
	printf("\nRecurring themes (in %d or more entries)\n", REVIEW_THEME_ENTRIES);
	for (size_t i = 0; i < r->n_themes; i++) {
		const struct review_theme *t = &r->themes[i];
		fputs("  ", stdout);
		cli_print_safe(stdout, t->name);
		printf(": %d entries", t->entries);
		if (t->incidents)
			printf(", %d critical %s", t->incidents, t->incidents == 1 ? "incident"
										  : "incidents");
		fputs(" ·", stdout);
		print_ids(t->entry_ids, t->n_entry_ids, 6);
		fputc('\n', stdout);
	}
}

static void report_pairs_measures(const struct review *r, bool utf8)
{
	if (r->n_pairs)
		heading("Tags that go together");
	for (size_t i = 0; i < r->n_pairs; i++) {
		printf("  #");
		cli_print_safe(stdout, r->pairs[i].a);
		printf(" + #");
		cli_print_safe(stdout, r->pairs[i].b);
		printf("  %d entries\n", r->pairs[i].count);
	}
	if (r->n_measures)
		heading("Scales over time");
	for (size_t i = 0; i < r->n_measures; i++) {
		const struct review_measure *m = &r->measures[i];
		double *v = malloc((m->n + 1) * sizeof *v), lo = INFINITY, hi = -INFINITY;
		for (size_t k = 0; k < m->n; k++) {
			v[k] = m->points[k].value;
			lo = fmin(lo, v[k]);
			hi = fmax(hi, v[k]);
		}
		char *line = chart_sparkline(v, m->n < 60 ? m->n : 60, lo > 0 ? lo - 1 : lo, hi,
					     false, utf8);
		printf("  %-18s mean %.1f over %zu %s, %s  %s\n", m->name, m->mean, m->n,
		       m->n == 1 ? "answer" : "answers", m->trend, line);
		free(line);
		free(v);
	}
}

static void report_cycle(const struct review *r)
{
	const struct review_cycle *c = &r->cycle;
	heading("Action and reflection");
	printf("  %d planned, %d followed up, %d dropped, %d overdue\n", c->planned, c->followed_up,
	       c->dropped, c->overdue);
	if (c->due)
		printf("  %d came due in the period; %d of them followed up (%.0f%% of cycles "
		       "closed)\n", c->due, c->closed, c->closed_pct);
	else
		printf("  no action came due in the period\n");
	if (!r->n_on_this_day)
		return;
	heading("On this day");
	for (size_t i = 0; i < r->n_on_this_day; i++) {
		const struct review_recall *d = &r->on_this_day[i];
		printf("  %.10s (%s) #%lld ", d->occurred_at, d->ago, (long long)d->id);
		cli_print_safe(stdout, d->title);
		fputc('\n', stdout);
	}
}

static void report_text(const struct review *r, const char *scope)
{
	bool utf8 = utf8_locale();
	char from[11], to[11];
	date_format(&r->period.from, from);
	date_format(&r->period.to, to);
	printf("Review of %s (%s to %s)%s\n", r->label, from, to, scope);
	if (r->entries == 0) {
		printf("\nNo entries in this period%s.\n",
		       r->previous_entries ? "" : " or the one before it");
		return;
	}
	report_activity(r, utf8);
	report_counts("Tags", '#', r->tags, r->n_tags, utf8);
	report_counts("People", '@', r->people, r->n_people, utf8);
	report_terms(r);
	report_themes(r);
	report_pairs_measures(r, utf8);
	report_cycle(r);
}

/* ---- JSON ------------------------------------------------------------------------ */

static void json_ids(struct json_writer *w, const char *key, const int64_t *ids, size_t n)
{
	json_key(w, key);
	json_begin_array(w);
	for (size_t i = 0; i < n; i++)
		json_int(w, ids[i]);
	json_end_array(w);
}

static void json_counts(struct json_writer *w, const char *key, const struct review_count *c,
			size_t n)
{
	json_key(w, key);
	json_begin_array(w);
	for (size_t i = 0; i < n; i++) {
		json_begin_object(w);
		json_member_string(w, "name", c[i].name);
		json_member_int(w, "count", c[i].count);
		json_member_int(w, "previous", c[i].prev);
		json_member_string(w, "change", review_change_name(c[i].change));
		json_ids(w, "entries", c[i].entries, c[i].n_entries);
		json_end_object(w);
	}
	json_end_array(w);
}

static void json_activity(struct json_writer *w, const struct review *r)
{
	char d[11];
	json_key(w, "period");
	json_begin_object(w);
	date_format(&r->period.from, d);
	json_member_string(w, "from", d);
	date_format(&r->period.to, d);
	json_member_string(w, "to", d);
	json_member_string(w, "label", r->label);
	json_end_object(w);
	json_key(w, "previous");
	json_begin_object(w);
	date_format(&r->previous.from, d);
	json_member_string(w, "from", d);
	date_format(&r->previous.to, d);
	json_member_string(w, "to", d);
	json_member_int(w, "entries", r->previous_entries);
	json_end_object(w);
	json_member_int(w, "entries", r->entries);
	json_key(w, "frames");
	json_begin_object(w);
	for (int f = 0; f < FRAME_COUNT; f++)
		json_member_int(w, entry_frame_name((enum entry_frame)f), r->per_frame[f]);
	json_end_object(w);
	json_member_int(w, "words", r->words);
	json_member_int(w, "days_journaled", r->days_journaled);
	json_member_int(w, "longest_streak", r->longest_streak);
	json_key(w, "daily");
	json_begin_array(w);
	for (size_t i = 0; i < r->n_days; i++)
		json_int(w, r->daily[i]);
	json_end_array(w);
}

static void json_terms_themes(struct json_writer *w, const struct review *r)
{
	json_member_bool(w, "terms_sampled", r->sampled);
	json_key(w, "terms");
	json_begin_array(w);
	for (size_t i = 0; i < r->n_terms; i++) {
		const struct review_term *t = &r->terms[i];
		json_begin_object(w);
		json_member_string(w, "term", t->term);
		json_member_bool(w, "phrase", t->phrase);
		json_member_int(w, "entries", t->entries);
		json_member_int(w, "occurrences", t->occurrences);
		json_key(w, "z");
		json_double(w, round(t->z * 100) / 100);
		json_ids(w, "entry_ids", t->entry_ids, t->n_entry_ids);
		json_end_object(w);
	}
	json_end_array(w);
	static const char *const kinds[] = { "tag", "person", "term" };
	json_key(w, "themes");
	json_begin_array(w);
	for (size_t i = 0; i < r->n_themes; i++) {
		const struct review_theme *t = &r->themes[i];
		json_begin_object(w);
		json_member_string(w, "kind", kinds[t->kind]);
		json_member_string(w, "name", t->name);
		json_member_int(w, "entries", t->entries);
		json_member_int(w, "incidents", t->incidents);
		json_ids(w, "entry_ids", t->entry_ids, t->n_entry_ids);
		json_end_object(w);
	}
	json_end_array(w);
	json_key(w, "pairs");
	json_begin_array(w);
	for (size_t i = 0; i < r->n_pairs; i++) {
		json_begin_object(w);
		json_member_string(w, "a", r->pairs[i].a);
		json_member_string(w, "b", r->pairs[i].b);
		json_member_int(w, "count", r->pairs[i].count);
		json_end_object(w);
	}
	json_end_array(w);
}

static void json_measures_cycle(struct json_writer *w, const struct review *r)
{
	json_key(w, "measures");
	json_begin_array(w);
	for (size_t i = 0; i < r->n_measures; i++) {
		const struct review_measure *m = &r->measures[i];
		json_begin_object(w);
		json_member_string(w, "name", m->name);
		json_key(w, "mean");
		json_double(w, round(m->mean * 100) / 100);
		json_member_string(w, "trend", m->trend);
		json_key(w, "points");
		json_begin_array(w);
		for (size_t k = 0; k < m->n; k++) {
			json_begin_object(w);
			json_member_string(w, "date", m->points[k].date);
			json_key(w, "value");
			json_double(w, m->points[k].value);
			json_member_int(w, "entry", m->points[k].entry);
			json_end_object(w);
		}
		json_end_array(w);
		json_end_object(w);
	}
	json_end_array(w);
	const struct review_cycle *c = &r->cycle;
	json_key(w, "cycle");
	json_begin_object(w);
	json_member_int(w, "planned", c->planned);
	json_member_int(w, "followed_up", c->followed_up);
	json_member_int(w, "dropped", c->dropped);
	json_member_int(w, "overdue", c->overdue);
	json_member_int(w, "due", c->due);
	json_member_int(w, "closed", c->closed);
	json_key(w, "closed_pct");
	json_double(w, round(c->closed_pct * 10) / 10);
	json_end_object(w);
	json_key(w, "on_this_day");
	json_begin_array(w);
	for (size_t i = 0; i < r->n_on_this_day; i++) {
		json_begin_object(w);
		json_member_int(w, "id", r->on_this_day[i].id);
		json_member_string(w, "date", r->on_this_day[i].occurred_at);
		json_member_string(w, "ago", r->on_this_day[i].ago);
		json_member_string(w, "title", r->on_this_day[i].title);
		json_end_object(w);
	}
	json_end_array(w);
}

static void report_json(const struct review *r)
{
	struct px_buf b = PX_BUF_INIT;
	struct json_writer w;
	json_init(&w, &b, 1);
	json_begin_object(&w);
	json_activity(&w, r);
	json_counts(&w, "tags", r->tags, r->n_tags);
	json_counts(&w, "people", r->people, r->n_people);
	json_terms_themes(&w, r);
	json_measures_cycle(&w, r);
	json_end_object(&w);
	fputs(b.data, stdout);
	px_buf_free(&b);
}

/* ---- the command ------------------------------------------------------------------ */

static int parse(int argc, char **argv, struct review_options *o, enum out_format *format,
		 struct px_buf *period)
{
	static const struct option longopts[] = {
		{ "inquiry", required_argument, NULL, 'q' }, { "tag", required_argument, NULL, 'g' },
		{ "frame", required_argument, NULL, 'f' },   { "format", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },           { NULL, 0, NULL, 0 },
	};
	int c;
	struct px_error err;
	enum entry_frame frame;
	/* Options may follow the period ("review last week --tag x"). */
	for (;;) {
		while ((c = cli_getopt("review", argc, argv, "q:g:f:h", longopts)) != -1) {
			px_error_clear(&err);
			if (c == 'h')
				return cli_help_for("review") - 1;
			if (c == 'q') {
				if (cli_parse_id("review", "an inquiry", optarg, &o->inquiry_id))
					return EXIT_USAGE;
			} else if (c == 'g') {
				o->tag = optarg;
			} else if (c == 'f') {
				if (entry_frame_parse(optarg, &frame, &err) < 0)
					return cli_usage("review", "%s", err.msg);
				o->frame = (int)frame;
			} else if (c != 'o' || cli_parse_format("review", optarg, format)) {
				return EXIT_USAGE;
			}
		}
		if (optind >= argc)
			break;
		if (period->len)
			px_buf_addc(period, ' ');
		px_buf_adds(period, argv[optind++]);
	}
	return 0;
}

static void scope_text(struct cli *cli, const struct review_options *o, struct px_buf *out)
{
	if (o->inquiry_id) {
		struct inquiry inq;
		struct journal *j = cli_journal(cli, 0);
		if (j && inquiry_get(j, o->inquiry_id, &inq, NULL) == 0) {
			char *q = text_escape_controls(inq.question);
			px_buf_addf(out, ", inquiry %lld \u201c%s\u201d", (long long)o->inquiry_id, q);
			free(q);
			inquiry_free(&inq);
		}
	}
	if (o->tag) {
		char *t = text_escape_controls(o->tag[0] == '#' ? o->tag + 1 : o->tag);
		px_buf_addf(out, ", tag #%s", t);
		free(t);
	}
	if (o->frame >= 0)
		px_buf_addf(out, ", %s entries", entry_frame_label((enum entry_frame)o->frame));
}

int cmd_review(struct cli *cli, int argc, char **argv)
{
	struct review_options o;
	review_options_init(&o);
	enum out_format format = OUT_AUTO;
	struct px_buf period = PX_BUF_INIT, scope = PX_BUF_INIT;
	int rc = parse(argc, argv, &o, &format, &period);
	if (rc != 0) {
		px_buf_free(&period);
		return rc < 0 ? 0 : rc;
	}
	o.period = period.len ? period.data : "month";
	o.templates = cli_templates(cli);
	struct journal *j = cli_journal(cli, 0);
	struct review *r = NULL;
	struct px_error err;
	px_error_clear(&err);
	if (!j) {
		rc = EXIT_FAILURE;
	} else if ((rc = cli_check_names(cli, j, o.tag, NULL, NULL)) != 0) {
		/* said */
	} else if (review_compute(j, &o, &r, &err) < 0) {
		rc = err.code == PX_ERR_INVALID && !o.inquiry_id ? cli_usage("review", "%s", err.msg)
								 : cli_fail(&err);
	} else if (format == OUT_JSON) {
		report_json(r);
	} else {
		scope_text(cli, &o, &scope);
		report_text(r, scope.data);
	}
	review_free(r);
	px_buf_free(&period);
	px_buf_free(&scope);
	return rc;
}
