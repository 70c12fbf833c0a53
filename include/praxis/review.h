/*
 * review.h — looking at a period as a whole: what came up, what changed,
 * what recurs.  The time-period frame asks the learner to notice patterns
 * that go unseen in the moment; this module does the counting with them.
 *
 * review_compute() reads the journal (never writes) for one period and an
 * optional scope (an inquiry, a tag or tag family, a frame) and returns a
 * read-only `struct review`: activity (entries per frame, words, days
 * written, the longest streak), tags and people with the change against the
 * previous period of the same length, distinctive terms, recurring themes,
 * tag pairs, scale measures over time, the action–reflection cycle and
 * "on this day".  Everything in it is owned by the review: free it with
 * review_free().  Lists are sorted as documented on each field, ties by
 * name, so the same journal always gives the same review.
 *
 * Distinctive terms are words and two-word phrases (stop words removed,
 * words reduced to their Porter stems so "delegate", "delegated" and
 * "delegation" count together, shown as their most frequent spelling),
 * scored by the weighted log-odds ratio with an informative Dirichlet prior
 * (Monroe, Colaresi and Quinn 2008) of their frequency in the period against
 * the whole journal; a term must occur in at least REVIEW_MIN_TERM_ENTRIES
 * entries of the period and score a z above REVIEW_MIN_TERM_Z.  To keep a
 * review of a very large period fast, the text of at most
 * REVIEW_TEXT_SAMPLE entries of the period (and as many of the journal for
 * the comparison) is read, evenly spread; `sampled` says when that
 * happened, and term entry lists then come from the sample.
 *
 * Review templates read these figures by name as facts (template.h,
 * praxis-templates(5)); review_fact() is that contract.
 */
#ifndef PRAXIS_REVIEW_H
#define PRAXIS_REVIEW_H

#include "praxis/date.h"
#include "praxis/entry.h"
#include "praxis/error.h"
#include "praxis/journal.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define REVIEW_TEXT_SAMPLE 1000       /* entries whose text is read, at most */
#define REVIEW_MAX_TERMS 15           /* distinctive terms kept */
#define REVIEW_MIN_TERM_ENTRIES 2
#define REVIEW_MIN_TERM_Z 1.5            /* standard errors above the journal's rate */
#define REVIEW_THEME_ENTRIES 3        /* a recurring theme appears in this many entries */
#define REVIEW_MAX_ENTRY_IDS 50       /* entries listed per tag, person, term or theme */
#define REVIEW_MAX_THEMES 20          /* recurring themes kept, most entries first */

struct template_set;

struct review_options {
	const char *period;           /* week, month, 2026-03, 2026-W10, FROM..TO …; NULL: month */
	const struct px_date_range *range;   /* instead of PERIOD, a period already parsed */
	int64_t inquiry_id;           /* 0: any */
	const char *tag;              /* NULL: any; "power/" for a family */
	int frame;                    /* -1: any */
	const struct px_datetime *now;  /* NULL: date_now() */
	/* The templates: a tag one of them puts on every entry it makes (its
	 * `tags:`, such as #weekly-review) is counted under tags but is no
	 * recurring theme and pairs with no tag.  NULL: none are known. */
	const struct template_set *templates;
};

void review_options_init(struct review_options *o);

enum review_change { REVIEW_SAME, REVIEW_NEW, REVIEW_RISING, REVIEW_FALLING, REVIEW_GONE };

/* "same", "new", "rising", "falling", "gone". */
const char *review_change_name(enum review_change c);

/* A tag or person: entries in the period and in the previous one. */
struct review_count {
	const char *name;             /* without '#' or '@' */
	int count, prev;
	int incidents;                /* of the period's entries, critical incidents */
	enum review_change change;
	const int64_t *entries;       /* newest first, at most REVIEW_MAX_ENTRY_IDS */
	size_t n_entries;
};

struct review_term {
	const char *term;             /* "delegation", "difficult meeting" */
	bool phrase;
	int entries;                  /* entries of the period (or sample) using it */
	int occurrences;
	double z;                     /* the log-odds z-score; larger is more distinctive */
	const int64_t *entry_ids;     /* newest first, at most REVIEW_MAX_ENTRY_IDS */
	size_t n_entry_ids;
};

enum review_theme_kind { REVIEW_THEME_TAG, REVIEW_THEME_PERSON, REVIEW_THEME_TERM };

struct review_theme {
	enum review_theme_kind kind;
	const char *name;             /* "#delegation", "@Sam", "difficult meeting" */
	int entries;
	int incidents;                /* of them, critical incidents */
	const int64_t *entry_ids;
	size_t n_entry_ids;
};

struct review_pair {
	const char *a, *b;            /* tag names, a < b */
	int count;
};

struct review_point {
	char date[11];
	double value;
	int64_t entry;
};

struct review_measure {
	const char *name;             /* the scale's measure, e.g. "confidence" */
	size_t n;
	const struct review_point *points;   /* oldest first */
	double mean;
	const char *trend;            /* "rising", "falling", "flat" (fewer than 2: "flat") */
};

struct review_cycle {
	int planned;                  /* actions planned by entries of the period */
	int followed_up;              /* follow-ups written in the period */
	int overdue;                  /* open, due in the period and before today */
	int dropped;                  /* dropped by a follow-up in the period */
	int due;                      /* actions due in the period */
	int closed;                   /* of those, followed up */
	double closed_pct;            /* closed / due × 100; 0 when none was due */
};

struct review_recall {
	int64_t id;
	char occurred_at[20];
	const char *title;            /* the title or the body's first words */
	const char *ago;              /* "a year ago", "a month ago" */
};

struct review {
	struct px_date_range period, previous;
	char label[64], previous_label[64];
	int entries;
	int per_frame[FRAME_COUNT];
	int64_t words;
	int days_journaled;
	int longest_streak;           /* consecutive days with an entry */
	char streak_from[11], streak_to[11];
	int previous_entries;
	const int *daily;             /* entries per day of the period, n_days of them */
	size_t n_days;
	size_t n_days_so_far;         /* days of the period up to today (n_days when past) */
	const struct review_count *tags;      /* by count, then name; gone tags last */
	size_t n_tags;
	const struct review_count *people;
	size_t n_people;
	const struct review_term *terms;      /* by z, highest first */
	size_t n_terms;
	const struct review_theme *themes;    /* by entries, most first */
	size_t n_themes;
	const struct review_pair *pairs;      /* by count, at least 2 */
	size_t n_pairs;
	const struct review_measure *measures;
	size_t n_measures;
	struct review_cycle cycle;
	const struct review_recall *on_this_day;
	size_t n_on_this_day;
	bool sampled;                 /* term figures come from a sample of the text */
	int text_entries;             /* entries whose text was read for terms */
};

/* Compute the review.  Refused: a period that does not parse (the date
 * module's message: "'fortnight' is not a period (try week, month, …)"),
 * an unknown inquiry, a frame out of range. */
int review_compute(struct journal *j, const struct review_options *opt, struct review **out,
		   struct px_error *err);
void review_free(struct review *r);

/*
 * A fact for templates (praxis-templates(5) lists them): NAME is e.g.
 * "entries_count", "new_tags" or "measure.confidence.mean".  Returns the
 * fact's type (as template.h's enum template_fact_type: 0 number, 1 text,
 * 2 list) with the value in *NUMBER, *TEXT or *ITEMS and *N_ITEMS (borrowed from
 * the review), or -1 when the review has no such fact (an unknown name, a
 * measure with no answers, no rising tag).  A list fact with no items is
 * returned with *N_ITEMS 0.
 */
int review_fact(const struct review *r, const char *name, double *number, const char **text,
		const char *const **items, size_t *n_items);

#endif
