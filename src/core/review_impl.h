/*
 * review_impl.h — what the review's files share.
 *
 * review.c        the period's entries, counts, cycles, measures, streaks
 * review_terms.c  words and phrases: tokens, stop words, stems, log-odds
 * review_facts.c  the figures by name, for templates
 *
 * Everything a review hands out lives in its arena, freed in one go.
 */
#ifndef PRAXIS_CORE_REVIEW_IMPL_H
#define PRAXIS_CORE_REVIEW_IMPL_H

#include "stem.h"
#include "praxis/review.h"
#include "db.h"
#include "template_impl.h"

struct review_owned {
	struct review r;              /* first: the public part */
	struct arena arena;
	/* Fact lists, built once when first asked for. */
	const char **new_tags, **gone_tags, **themes, **terms, **people, **days;
	size_t n_new_tags, n_gone_tags, n_themes_list, n_terms_list, n_people_list, n_days_list;
	char summary[160];
	const char *top_rising;
	int top_rising_count, top_rising_prev;
	/* The tags of the period without those the entries' templates put
	 * there: what tag themes are found in (review_names.c). */
	const struct review_count *theme_tags;
	size_t n_theme_tags;
};

/* What every query of one review shares. */
struct ctx {
	struct journal *j;
	const struct review_options *o;
	struct review_owned *ro;
	char frame[16];               /* the scope's frame name, "" for any */
	char today[11];
};

/* One entry of the period, in time order. */
struct period_entry {
	int64_t id;
	int frame;
	int day;                      /* days since the period's start */
};

/* review.c: a statement HEAD + the shared filter + TAIL with RANGE bound. */
sqlite3_stmt *review_stmt(struct ctx *c, const char *head, bool dates, const char *tail,
			  const struct px_date_range *range, struct px_error *err);
int review_finish_stmt(struct ctx *c, sqlite3_stmt *s, int rc, const char *what,
		       struct px_error *err);

/* review_names.c: tags and people with their change, and tag pairs, from
 * the period's entries PE (N of them, in time order). */
int review_names(struct ctx *c, const struct period_entry *pe, size_t n, struct px_error *err);

/* The terms model: feed texts of the period and of the background sample,
 * then score. */
struct term_table;

struct term_table *terms_new(void);
void terms_free(struct term_table *t);
/* Add TEXT of entry ID to the period (IN_PERIOD) or the background. */
void terms_add(struct term_table *t, const char *text, int64_t id, bool in_period);
/* Score and copy the distinctive terms into the review's arena. */
void terms_result(struct term_table *t, struct review_owned *ro);

/* Whether lower-case WORD is an English stop word. */
bool review_stop_word(const char *word, size_t len);

#endif
