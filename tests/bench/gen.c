/*
 * gen.c — builds a realistic praxis journal of N entries for `make bench`.
 *
 *     gen --entries N --db PATH [--seed S] [--years Y] [--probe WORD]...
 *
 * The journal is written through the core's public API only (entry_add,
 * inquiry_new/close, action_add/follow_up, person_set, entry_trash), so
 * what the benchmarks read is exactly what praxis itself would have
 * stored, triggers and indexes included.  Entries are batched many to a
 * journal_begin/journal_commit transaction; the core's own calls nest
 * inside (journal.h).
 *
 * Everything is drawn from one seeded xoshiro256** generator, never
 * rand(), so the same seed, N and PRAXIS_NOW give the same journal on
 * every machine: the same rows, text, dates and links, all but the UUIDs
 * the core draws at random.
 * The text is meant to look, to the indexes, like real reflective writing:
 *   - 50 to 400 words an entry (median about 150) of sentences built from a
 *     vocabulary of professional-development words whose use follows a
 *     Zipf-like curve, so some words are in most entries and many are rare;
 *   - #tags (0 to 4 an entry, Zipf-skewed over a few dozen, with families
 *     such as power/expert and feedback/giving), written in the text or
 *     set explicitly as `--tag` would; one tag ("induction") only in the
 *     journal's first months, the worst case for a newest-first tag filter;
 *   - @People (0 to 3 an entry, Zipf-skewed over a few dozen names);
 *   - frames mixed: mostly notes and incidents, a weekly time-period
 *     review, inquiry entries spread over inquiries opened and closed
 *     through the years;
 *   - actions planned with due dates, most followed up by a later entry
 *     (worked, mixed, failed, not-yet, dropped), some forgotten, some
 *     still due near the end; a few entries in the trash.
 * Dates run over Y years (default 4) ending the day before date_now(),
 * so PRAXIS_NOW fixes the whole timeline.  The word "sabbatical" is written
 * in about one entry in 500, for a rare-word search.
 *
 * At the end it prints what it made, how long it took and, for each
 * --probe WORD, how many live entries a search for WORD matches.
 */
#include "praxis/action.h"
#include "praxis/buf.h"
#include "praxis/date.h"
#include "praxis/entry.h"
#include "praxis/error.h"
#include "praxis/inquiry.h"
#include "praxis/journal.h"
#include "praxis/person.h"
#include "praxis/search.h"
#include "praxis/tag.h"

#include "gen_vocab.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define GEN_MAX_ENTRIES 10000000
#define GEN_BATCH 1000          /* entries per transaction */
#define GEN_MAX_PROBES 16
#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* ---- the random source ----------------------------------------------------------- */

/* xoshiro256** seeded through splitmix64: small, fast, and the same
 * sequence everywhere. */
struct rng {
	uint64_t s[4];
};

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static void rng_seed(struct rng *r, uint64_t seed)
{
	for (size_t i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

/* Uniform in [0, 1). */
static double rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

/* Uniform in [0, n); n > 0. */
static size_t rng_below(struct rng *r, size_t n)
{
	return (size_t)(rng_unit(r) * (double)n);
}

static int rng_chance(struct rng *r, double p)
{
	return rng_unit(r) < p;
}

/* Uniform in [lo, hi]. */
static int rng_range(struct rng *r, int lo, int hi)
{
	return lo + (int)rng_below(r, (size_t)(hi - lo + 1));
}

#define PICK(r, a) ((a)[rng_below((r), COUNT(a))])

/* Rank k (from 0) drawn with weight 1/(k+1)^s: a few items take most
 * draws, as words, tags and people do in real writing. */
struct zipf {
	size_t n;
	double *cum;
};

static void zipf_init(struct zipf *z, size_t n, double s)
{
	z->n = n;
	z->cum = px_xmalloc(n * sizeof *z->cum);
	double total = 0;
	for (size_t k = 0; k < n; k++)
		z->cum[k] = (total += 1.0 / pow((double)(k + 1), s));
	for (size_t k = 0; k < n; k++)
		z->cum[k] /= total;
}

static size_t zipf_pick(const struct zipf *z, struct rng *r)
{
	double u = rng_unit(r);
	size_t lo = 0, hi = z->n - 1;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (z->cum[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* ---- composing text ------------------------------------------------------------------ */

struct gen;

/* What one entry is being written with: its people and pending tags. */
struct compose {
	struct gen *g;
	struct px_buf *out;
	int words;
	size_t people[3], npeople, mentioned;
	const char *inline_tags[5];
	size_t ntags;
};

struct gen {
	struct rng r;
	struct zipf znouns, ztags, zpeople;
	struct journal *j;
	int64_t n, years;
	struct px_date start, end, now;
	struct px_error err;
	/* totals for the report */
	int64_t frames[FRAME_COUNT], trashed, actions, followed, forgotten;
	int64_t ninquiries, closed;
};

static size_t count_words(const char *s)
{
	size_t n = 0;
	for (int in = 0; *s; s++) {
		int space = *s == ' ' || *s == '\n';
		n += !space && !in;
		in = !space;
	}
	return n;
}

static void put_person(struct compose *c)
{
	size_t k = c->npeople ? c->mentioned < c->npeople ? c->mentioned++
							   : rng_below(&c->g->r, c->npeople)
			      : 0;
	px_buf_addc(c->out, '@');
	px_buf_adds(c->out, people[c->npeople ? c->people[k] : 0]);
}

/* Write TEMPLATE with each {x} replaced: n noun, N noun with a capital,
 * p a person of the entry, f a feeling, m a reflective model. */
static void expand(struct compose *c, const char *template)
{
	size_t before = c->out->len;
	struct rng *r = &c->g->r;
	for (const char *p = template; *p; p++) {
		if (p[0] != '{' || !p[1] || p[2] != '}') {
			px_buf_addc(c->out, *p);
			continue;
		}
		const char *noun = strchr("nN", p[1]) ? nouns[zipf_pick(&c->g->znouns, r)] : "";
		switch (p[1]) {
		case 'n': px_buf_adds(c->out, noun); break;
		case 'N':
			px_buf_addc(c->out, (char)(noun[0] - 'a' + 'A'));
			px_buf_adds(c->out, noun + 1);
			break;
		case 'p': put_person(c); break;
		case 'f': px_buf_adds(c->out, PICK(r, feelings)); break;
		case 'm': px_buf_adds(c->out, PICK(r, models)); break;
		default: px_buf_add(c->out, p, 3); break;
		}
		p += 2;
	}
	c->words += (int)count_words(c->out->data + before);
}

/* One narrative sentence: opener, verb, object, tail. */
static void narrate(struct compose *c)
{
	struct rng *r = &c->g->r;
	int with_person = c->npeople && (c->mentioned < c->npeople ? rng_chance(r, 0.5)
								    : rng_chance(r, 0.15));
	expand(c, with_person ? PICK(r, person_openers) : PICK(r, openers));
	px_buf_addc(c->out, ' ');
	expand(c, PICK(r, verbs));
	px_buf_addc(c->out, ' ');
	expand(c, PICK(r, determiners));
	px_buf_addc(c->out, ' ');
	expand(c, "{n}");
	expand(c, PICK(r, tails));
	px_buf_addc(c->out, '.');
}

static void sentence(struct compose *c)
{
	struct rng *r = &c->g->r;
	double u = rng_unit(r);
	if (c->npeople && c->mentioned < c->npeople && u < 0.2)
		expand(c, PICK(r, person_reflections));
	else if (u < 0.5)
		narrate(c);
	else if (c->npeople && u < 0.6)
		expand(c, PICK(r, person_reflections));
	else
		expand(c, PICK(r, reflections));
}

/* Place a pending #tag after this sentence, spreading them through the text. */
static void maybe_tag(struct compose *c, int target)
{
	if (c->ntags == 0)
		return;
	double left = (double)(target - c->words) / 15.0;
	if (left < 1 || rng_chance(&c->g->r, 1.0 / left)) {
		px_buf_adds(c->out, " #");
		px_buf_adds(c->out, c->inline_tags[--c->ntags]);
		c->words++;
	}
}

/* Paragraphs of 2 to 6 sentences until TARGET words; then any tags and
 * people not yet written. */
static void compose_body(struct compose *c, int target)
{
	struct rng *r = &c->g->r;
	int in_para = 0, para_len = rng_range(r, 2, 6);
	if (rng_chance(r, 0.002)) {
		px_buf_adds(c->out, "I keep thinking about asking for a sabbatical. ");
		c->words += 8;
	}
	while (c->words < target) {
		if (in_para == para_len) {
			px_buf_adds(c->out, "\n\n");
			in_para = 0;
			para_len = rng_range(r, 2, 6);
		} else if (in_para > 0) {
			px_buf_addc(c->out, ' ');
		}
		sentence(c);
		maybe_tag(c, target);
		in_para++;
	}
	while (c->mentioned < c->npeople) {
		px_buf_adds(c->out, "\n\nMust follow up with ");
		put_person(c);
		px_buf_addc(c->out, '.');
	}
	while (c->ntags > 0)
		maybe_tag(c, 0);
}

/* ---- dates ----------------------------------------------------------------------- */

static void format_at(struct px_date d, int minute_of_day, char out[20])
{
	struct px_datetime dt = { .date = d, .hour = minute_of_day / 60,
				  .minute = minute_of_day % 60, .has_time = 1 };
	datetime_format(&dt, out);
}

/* The day entry I is about: evenly through the span, a few backdated. */
static struct px_date entry_day(struct gen *g, int64_t i)
{
	int64_t span = date_days_between(&g->start, &g->end);
	int64_t day = (int64_t)((double)span * ((double)i + 0.5) / (double)g->n);
	if (rng_chance(&g->r, 0.03))
		day -= rng_range(&g->r, 1, 30);
	if (day < 0)
		day = 0;
	return date_add_days(&g->start, day);
}

/* ---- inquiries ------------------------------------------------------------------------ */

struct inq_plan {
	struct px_date open, close;  /* close after end: stays open */
	int64_t id;                   /* 0 until opened */
	int closed;
};

struct inq_set {
	struct inq_plan *p;
	size_t n;
};

static void inquiries_plan(struct gen *g, struct inq_set *s)
{
	int64_t span = date_days_between(&g->start, &g->end);
	s->n = (size_t)(g->n / 2000 + 3);
	if (s->n > 48)
		s->n = 48;
	s->p = px_xcalloc(s->n, sizeof *s->p);
	for (size_t k = 0; k < s->n; k++) {
		int64_t at = span * (int64_t)k / (int64_t)s->n + rng_range(&g->r, 0, 20);
		s->p[k].open = date_add_days(&g->start, at);
		s->p[k].close = date_add_days(&s->p[k].open, rng_range(&g->r, 60, 400));
	}
}

/* Open and close the inquiries whose day has come by DAY. */
static int inquiries_advance(struct gen *g, struct inq_set *s, struct px_date day)
{
	char at[20];
	for (size_t k = 0; k < s->n; k++) {
		struct inq_plan *p = &s->p[k];
		if (!p->id && date_compare(&p->open, &day) <= 0) {
			struct inquiry inq;
			format_at(p->open, 8 * 60, at);
			if (inquiry_new(g->j, questions[k % COUNT(questions)], at, &inq, &g->err) < 0)
				return -1;
			p->id = inq.id;
			inquiry_free(&inq);
			g->ninquiries++;
		}
		if (p->id && !p->closed && date_compare(&p->close, &day) <= 0) {
			format_at(p->close, 20 * 60, at);
			if (inquiry_close(g->j, p->id, PICK(&g->r, summaries), at, &g->err) < 0)
				return -1;
			p->closed = 1;
			g->closed++;
		}
	}
	return 0;
}

/* A random inquiry open on DAY, or 0. */
static int64_t inquiries_pick(struct gen *g, const struct inq_set *s)
{
	size_t open[48], n = 0;
	for (size_t k = 0; k < s->n; k++)
		if (s->p[k].id && !s->p[k].closed)
			open[n++] = k;
	return n ? s->p[open[rng_below(&g->r, n)]].id : 0;
}

/* ---- actions due: a min-heap by due day -------------------------------------------------- */

struct pending {
	int64_t due;                  /* date_to_days */
	int64_t id;
};

struct heap {
	struct pending *a;
	size_t n, cap;
};

static void heap_push(struct heap *h, struct pending p)
{
	px_grow((void **)&h->a, &h->cap, h->n + 1, sizeof *h->a);
	size_t i = h->n++;
	while (i > 0 && h->a[(i - 1) / 2].due > p.due) {
		h->a[i] = h->a[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	h->a[i] = p;
}

static struct pending heap_pop(struct heap *h)
{
	struct pending top = h->a[0], last = h->a[--h->n];
	size_t i = 0;
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= h->n)
			break;
		if (c + 1 < h->n && h->a[c + 1].due < h->a[c].due)
			c++;
		if (h->a[c].due >= last.due)
			break;
		h->a[i] = h->a[c];
		i = c;
	}
	if (h->n > 0)
		h->a[i] = last;
	return top;
}

/* Plan 0 to 2 actions from entry E, more often from incidents and inquiries. */
static int plan_actions(struct gen *g, struct heap *h, const struct entry *e, struct px_date day)
{
	static const double chance[FRAME_COUNT] = { 0.08, 0.45, 0.35, 0.5 };
	struct rng *r = &g->r;
	for (int k = 0; k < 2 && rng_chance(r, k == 0 ? chance[e->frame] : 0.25); k++) {
		struct px_buf text = PX_BUF_INIT;
		struct compose c = { .g = g, .out = &text };
		c.npeople = 1;
		c.people[0] = zipf_pick(&g->zpeople, r);
		expand(&c, PICK(r, action_texts));
		struct px_date due = date_add_days(&day, rng_range(r, 3, 28));
		char due_s[11];
		date_format(&due, due_s);
		int64_t id;
		int rc = action_add(g->j, e->id, text.data, due_s, NULL, -1, &id, &g->err);
		px_buf_free(&text);
		if (rc < 0)
			return -1;
		/* one in five is never followed up: it stays open, some still due */
		if (rng_chance(r, 0.2))
			g->forgotten++;
		else
			heap_push(h, (struct pending){ date_to_days(&due), id });
		g->actions++;
	}
	return 0;
}

/* Entry E, written on DAY, follows up the action most overdue, most of
 * the time. */
static int follow_up(struct gen *g, struct heap *h, const struct entry *e, struct px_date day)
{
	int64_t today = date_to_days(&day);
	if (h->n == 0 || h->a[0].due > today || e->frame == FRAME_PERIOD ||
	    !rng_chance(&g->r, 0.6))
		return 0;
	static const enum action_outcome outcomes[] = {
		OUTCOME_WORKED, OUTCOME_WORKED, OUTCOME_WORKED, OUTCOME_WORKED, OUTCOME_MIXED,
		OUTCOME_MIXED, OUTCOME_MIXED, OUTCOME_FAILED, OUTCOME_NOT_YET, OUTCOME_NOT_YET,
		OUTCOME_DROPPED,
	};
	struct pending p = heap_pop(h);
	enum action_outcome o = PICK(&g->r, outcomes);
	char due_s[11] = "";
	if (o == OUTCOME_NOT_YET) {
		struct px_date due = date_add_days(&day, rng_range(&g->r, 7, 21));
		date_format(&due, due_s);
		heap_push(h, (struct pending){ date_to_days(&due), p.id });
	}
	if (action_follow_up(g->j, p.id, e->id, o, due_s[0] ? due_s : NULL, &g->err) < 0)
		return -1;
	g->followed++;
	return 0;
}

/* ---- entries ------------------------------------------------------------------------------ */

static void choose_tags(struct gen *g, struct entry *e, struct compose *c, struct px_date day)
{
	static const int counts[] = { 0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4 };
	struct rng *r = &g->r;
	int n = PICK(r, counts);
	const char *chosen[5];
	size_t nchosen = 0;
	if (date_days_between(&g->start, &day) < 90 && rng_chance(r, 0.3))
		chosen[nchosen++] = TAG_OLD;
	for (int k = 0; k < n; k++) {
		const char *t = tag_names[zipf_pick(&g->ztags, r)];
		int dup = 0;
		for (size_t i = 0; i < nchosen; i++)
			dup |= strcmp(chosen[i], t) == 0;
		if (!dup)
			chosen[nchosen++] = t;
	}
	for (size_t i = 0; i < nchosen; i++) {
		if (rng_chance(r, 0.3))
			strlist_add_unique(&e->tags, chosen[i]);
		else
			c->inline_tags[c->ntags++] = chosen[i];
	}
}

static void choose_people(struct gen *g, struct compose *c)
{
	static const int counts[] = { 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3 };
	int n = PICK(&g->r, counts);
	for (int k = 0; k < n; k++) {
		size_t who = zipf_pick(&g->zpeople, &g->r), dup = 0;
		for (size_t i = 0; i < c->npeople; i++)
			dup |= c->people[i] == who;
		if (!dup)
			c->people[c->npeople++] = who;
	}
}

/* The frame of an entry on DAY.  The first entry of each week reviews the
 * week before; *REVIEWED is the newest Monday (a day number) already given
 * a review, so a backdated entry never reviews a week twice. */
static enum entry_frame choose_frame(struct gen *g, struct px_date day, int64_t *reviewed)
{
	int64_t monday = date_to_days(&day) - (date_weekday(&day) - 1);
	if (monday > *reviewed) {
		*reviewed = monday;
		if (rng_chance(&g->r, 0.85))
			return FRAME_PERIOD;
	}
	double u = rng_unit(&g->r);
	return u < 0.56 ? FRAME_NOTE : u < 0.86 ? FRAME_INCIDENT : FRAME_INQUIRY;
}

static void fill_entry(struct gen *g, struct entry *e, struct px_date day, struct inq_set *inq)
{
	struct rng *r = &g->r;
	struct px_buf body = PX_BUF_INIT, title = PX_BUF_INIT;
	struct compose c = { .g = g, .out = &body };
	if (e->frame == FRAME_INQUIRY && !(e->inquiry_id = inquiries_pick(g, inq)))
		e->frame = FRAME_NOTE;
	if (e->frame == FRAME_PERIOD) {
		struct px_date to = date_add_days(&day, -date_weekday(&day));
		struct px_date from = date_add_days(&to, -6);
		date_format(&from, e->period_start);
		date_format(&to, e->period_end);
		px_buf_addf(&title, "Week of %s review", e->period_start);
	} else if (rng_chance(r, 0.85)) {
		struct compose tc = { .g = g, .out = &title };
		expand(&tc, PICK(r, titles));
	}
	choose_people(g, &c);
	choose_tags(g, e, &c, day);
	compose_body(&c, 50 + (int)(350.0 * pow(rng_unit(r), 1.8)));
	entry_set(&e->title, title.data);
	entry_set(&e->body, body.data);
	format_at(day, rng_range(r, 7 * 60, 22 * 60 - 1), e->occurred_at);
	/* written when it happened (TZ=UTC in the benchmarks: local is UTC) */
	snprintf(e->created_at, sizeof e->created_at, "%sZ", e->occurred_at);
	e->is_private = rng_chance(r, 0.04);
	px_buf_free(&body);
	px_buf_free(&title);
}

struct timeline {
	struct inq_set inq;
	struct heap due;
	int64_t reviewed;             /* see choose_frame */
};

static int write_entry(struct gen *g, struct timeline *t, int64_t i)
{
	struct px_date day = entry_day(g, i);
	if (inquiries_advance(g, &t->inq, day) < 0)
		return -1;
	struct entry e;
	entry_init(&e);
	e.frame = choose_frame(g, day, &t->reviewed);
	fill_entry(g, &e, day, &t->inq);
	int rc = entry_add(g->j, &e, &g->err);
	if (rc == 0)
		rc = follow_up(g, &t->due, &e, day);
	if (rc == 0)
		rc = plan_actions(g, &t->due, &e, day);
	if (rc == 0 && rng_chance(&g->r, 0.003)) {
		rc = entry_trash(g->j, e.id, &g->err);
		g->trashed++;
	}
	g->frames[e.frame]++;
	entry_free(&e);
	return rc;
}

/* Roles for the people mentioned most, as a user would set them. */
static int set_roles(struct gen *g)
{
	for (size_t k = 0; k < COUNT(people) && k < 12; k++)
		if (person_set(g->j, people[k], roles[k % COUNT(roles)], NULL, &g->err) < 0)
			return -1;
	return 0;
}

static int generate(struct gen *g)
{
	struct timeline t = { .reviewed = INT64_MIN };
	inquiries_plan(g, &t.inq);
	int rc = 0;
	for (int64_t i = 0; i < g->n && rc == 0; i += GEN_BATCH) {
		if (journal_begin(g->j, &g->err) < 0) {
			rc = -1;
			break;
		}
		for (int64_t k = i; k < i + GEN_BATCH && k < g->n && rc == 0; k++)
			rc = write_entry(g, &t, k);
		if (rc == 0 && i + GEN_BATCH >= g->n)
			rc = set_roles(g);
		if (rc < 0)
			journal_rollback(g->j);
		else
			rc = journal_commit(g->j, &g->err);
	}
	free(t.inq.p);
	free(t.due.a);
	return rc;
}

/* ---- command line and report ------------------------------------------------------------------ */

struct options {
	int64_t entries;
	const char *db;
	uint64_t seed;
	int64_t years;
	const char *probes[GEN_MAX_PROBES];
	size_t nprobes;
};

static int parse_number(const char *opt, const char *text, int64_t lo, int64_t hi, int64_t *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(text, &end, 10);
	if (errno || end == text || *end || v < lo || v > hi) {
		fprintf(stderr, "gen: %s: '%s' is not a whole number from %" PRId64 " to %" PRId64
				"\n", opt, text, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

static int usage(void)
{
	fputs("usage: gen --entries N --db PATH [--seed S] [--years Y] [--probe WORD]...\n",
	      stderr);
	return 2;
}

static int parse_args(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "entries", required_argument, NULL, 'n' }, { "db", required_argument, NULL, 'd' },
		{ "seed", required_argument, NULL, 's' },    { "years", required_argument, NULL, 'y' },
		{ "probe", required_argument, NULL, 'p' },   { NULL, 0, NULL, 0 },
	};
	int c;
	int64_t seed = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		int bad = 0;
		switch (c) {
		case 'n': bad = parse_number("--entries", optarg, 1, GEN_MAX_ENTRIES, &o->entries); break;
		case 'd': o->db = optarg; break;
		case 's': bad = parse_number("--seed", optarg, 0, INT64_MAX, &seed); break;
		case 'y': bad = parse_number("--years", optarg, 1, 50, &o->years); break;
		case 'p':
			if (o->nprobes == GEN_MAX_PROBES) {
				fprintf(stderr, "gen: at most %d --probe words\n", GEN_MAX_PROBES);
				return 2;
			}
			o->probes[o->nprobes++] = optarg;
			break;
		default: return usage();
		}
		if (bad)
			return 2;
	}
	o->seed = (uint64_t)seed;
	if (optind < argc || !o->entries || !o->db || !*o->db)
		return usage();
	return 0;
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static int count_tag(const char *name, int64_t count, void *ctx)
{
	(void)name;
	(void)count;
	++*(int64_t *)ctx;
	return 0;
}

static int count_person(const struct person *p, void *ctx)
{
	(void)p;
	++*(int64_t *)ctx;
	return 0;
}

static int report(struct gen *g, const struct options *o, double secs)
{
	int64_t ntags = 0, npeople = 0, live = 0;
	if (tag_list(g->j, NULL, count_tag, &ntags, &g->err) < 0 ||
	    person_list(g->j, count_person, &npeople, &g->err) < 0 ||
	    entry_count(g->j, &live, &g->err) < 0)
		return -1;
	printf("gen: %" PRId64 " entries in %.1f s (%.0f entries/s), seed %" PRIu64 "\n", g->n,
	       secs, (double)g->n / secs, o->seed);
	printf("gen:   %" PRId64 " notes, %" PRId64 " incidents, %" PRId64 " period reviews, %"
	       PRId64 " inquiry entries; %" PRId64 " live, %" PRId64 " in the trash\n",
	       g->frames[FRAME_NOTE], g->frames[FRAME_INCIDENT], g->frames[FRAME_PERIOD],
	       g->frames[FRAME_INQUIRY], live, g->trashed);
	printf("gen:   %" PRId64 " tags in use, %" PRId64 " people, %" PRId64 " inquiries (%" PRId64
	       " closed), %" PRId64 " actions (%" PRId64 " follow-ups, %" PRId64 " forgotten)\n",
	       ntags, npeople, g->ninquiries, g->closed, g->actions, g->followed,
	       g->forgotten);
	for (size_t i = 0; i < o->nprobes; i++) {
		int64_t hits = 0;
		if (search_count(g->j, o->probes[i], NULL, &hits, &g->err) < 0)
			return -1;
		printf("gen:   search '%s' matches %" PRId64 " entries (%.1f%%)\n", o->probes[i],
		       hits, 100.0 * (double)hits / (double)(live ? live : 1));
	}
	return 0;
}

static void gen_setup(struct gen *g, const struct options *o)
{
	rng_seed(&g->r, o->seed);
	zipf_init(&g->znouns, COUNT(nouns), 1.0);
	zipf_init(&g->ztags, COUNT(tag_names), 1.1);
	zipf_init(&g->zpeople, COUNT(people), 0.9);
	g->n = o->entries;
	g->years = o->years ? o->years : 4;
	g->end = date_add_days(&g->now, -1);
	g->start = date_add_days(&g->end, -(int64_t)(365.25 * (double)g->years));
}

static void gen_free(struct gen *g)
{
	free(g->znouns.cum);
	free(g->ztags.cum);
	free(g->zpeople.cum);
}

static int fail(const struct px_error *err)
{
	char line[PX_ERROR_WHERE_MAX + PX_ERROR_MSG_MAX + 16];
	px_error_format(err, line, sizeof line);
	fprintf(stderr, "gen: %s\n", line);
	return 1;
}

int main(int argc, char **argv)
{
	struct options o = { 0 };
	int rc = parse_args(argc, argv, &o);
	if (rc)
		return rc;
	struct stat st;
	if (lstat(o.db, &st) == 0) {
		fprintf(stderr, "gen: '%s': already exists; give a new path\n", o.db);
		return 1;
	}
	static struct gen g;
	px_error_clear(&g.err);
	struct px_datetime now;
	if (date_now(&now, &g.err) < 0)
		return fail(&g.err);
	g.now = now.date;
	gen_setup(&g, &o);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (journal_open(o.db, JOURNAL_CREATE, &g.j, &g.err) < 0) {
		gen_free(&g);
		return fail(&g.err);
	}
	rc = generate(&g);
	double secs = seconds_since(&t0);
	if (rc == 0)
		rc = report(&g, &o, secs);
	if (rc < 0)
		fail(&g.err);
	if (journal_close(g.j) < 0 && rc == 0) {
		fprintf(stderr, "gen: '%s': a statement or transaction was left open\n", o.db);
		rc = -1;
	}
	gen_free(&g);
	return rc < 0 ? 1 : 0;
}
