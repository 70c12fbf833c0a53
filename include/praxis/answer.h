/*
 * answer.h — the answers of a template run, one per step, kept with the
 * entry they belong to.
 *
 * An answer stores the prompt exactly as it was asked (expanded), the
 * step's title, kind, lens and depth labels, so an old entry still reads
 * right after its template changes or disappears.  Values: value_text is
 * the text, or the readable form of any value (the label of a choice, a
 * date); value_num a scale value when has_num; value_ids the chosen option
 * ids, '\n'-separated.  The search index's `answers` column is built from
 * the prompts and value_text by triggers, and the entry's cached word
 * count includes the words of value_text.
 *
 * struct answer holds borrowed strings: the caller's when adding, the
 * journal's for the duration of an answer_list callback.  NULL is allowed
 * for every string but step_id and kind (NULL title and prompt store "").
 *
 * answer_add runs in one transaction nested inside the caller's
 * (journal.h); refusals are decided before anything is written and leave
 * the caller's transaction usable.
 */
#ifndef PRAXIS_ANSWER_H
#define PRAXIS_ANSWER_H

#include "praxis/error.h"
#include "praxis/journal.h"

#include <stdint.h>

#define ANSWER_MAX_ID 64            /* bytes in a step id or kind */

struct answer {
	const char *step_id;        /* the template step's id: unique in the entry */
	int position;               /* order of the step in the run, from 0 */
	const char *kind;           /* the step kind: text, scale, choice, … */
	const char *title;          /* the step's heading as shown */
	const char *prompt;         /* the prompt exactly as asked */
	const char *value_text;     /* NULL: none */
	double value_num;           /* meaningful when has_num */
	int has_num;
	const char *value_ids;      /* NULL: none */
	const char *measure;        /* scale measure name for reviews, NULL: none */
	const char *lens;           /* NULL: none */
	const char *depth;          /* NULL: none */
};

/*
 * Add answer A to entry ENTRY_ID (which must exist: "entry 5: no such
 * entry").  step_id and kind: not blank, one line, at most ANSWER_MAX_ID
 * bytes; position not negative; every string valid UTF-8; value_num finite.
 * A second answer for the same step is refused: "entry 5: step 'feelings'
 * is already answered".
 */
int answer_add(struct journal *j, int64_t entry_id, const struct answer *a,
	       struct px_error *err);

/* Call FN for each answer of ENTRY_ID in position order (then step id);
 * FN returns non-zero to stop.  All rows are read before the first call,
 * so FN may call any journal function.  Unknown entry: PX_ERR_NOT_FOUND.
 * Returns how many answers were passed to FN, or -1. */
int answer_list(struct journal *j, int64_t entry_id,
		int (*fn)(const struct answer *a, void *ctx), void *ctx, struct px_error *err);

/*
 * The most recent (or, with FIRST, the earliest) non-empty answer to step
 * STEP_ID among live entries matching every filter given: made with
 * TEMPLATE_ID (NULL: any), in INQUIRY_ID (0: any), or entry ENTRY_ID
 * (0: any), leaving out EXCLUDE_ENTRY (0: none).  This is what recall
 * steps read ("last week you said you would focus on …").
 */
struct answer_query {
	const char *step_id;
	const char *template_id;
	int64_t inquiry_id;
	int64_t entry_id;
	int64_t exclude_entry;
	int first;
};

struct answer_found {
	char *text;                 /* the answer's value_text: the caller's */
	char *entry_title;          /* the entry's title ("" when none): the caller's */
	char entry_uuid[37];
	char occurred_at[20];
};

void answer_found_free(struct answer_found *f);

/* Returns 1 with *OUT filled, 0 when there is no such answer, -1 on error. */
int answer_find(struct journal *j, const struct answer_query *q, struct answer_found *out,
		struct px_error *err);

#endif
