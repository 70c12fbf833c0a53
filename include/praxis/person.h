/*
 * person.h — the people entries mention as @Name, with the role and the
 * pseudonym an anonymised export puts in their place.
 *
 * Names are case-insensitive (ASCII) and given without the leading '@'
 * (one is ignored if present).  People are created by entry_add and
 * entry_update when an entry mentions them, and by person_set.
 *
 * A pseudonym is itself a valid @name, so anonymised text still reads as
 * mentions.  It may not be the person's own name, another person's real
 * name (the export would then point at the wrong person) or another
 * person's pseudonym (two people would read as one).
 *
 * struct person owns its strings: person_get fills one for the caller to
 * release with person_free; person_list lends one to its callback.
 */
#ifndef PRAXIS_PERSON_H
#define PRAXIS_PERSON_H

#include "praxis/error.h"
#include "praxis/journal.h"

#include <stdint.h>

#define PERSON_ROLE_MAX 200     /* bytes */

struct person {
	int64_t id;
	char *name;             /* as first written after '@' */
	char *role;             /* "" when not set */
	char *pseudonym;        /* "" when not set */
	int64_t entries;        /* live (not trashed) entries mentioning them */
};
void person_free(struct person *p);

/* Call FN for every person, most mentioned first, then by name (people
 * mentioned only in the trash, or set before being mentioned, come last
 * with 0).  FN returns non-zero to stop early.  Returns the number of
 * people passed to FN, or -1. */
int person_list(struct journal *j, int (*fn)(const struct person *p, void *ctx), void *ctx,
		struct px_error *err);

/* Load the person called NAME into OUT.  PX_ERR_NOT_FOUND when there is no
 * such person (with a suggestion when one is close); OUT is then empty
 * but still safe to person_free. */
int person_get(struct journal *j, const char *name, struct person *out, struct px_error *err);

/* Succeed when the journal knows a person called NAME (one leading '@'
 * allowed; any case): a filter on anyone else selects nothing, so it is
 * refused as person_get refuses, with the nearest name.  Returns 0 or -1. */
int person_check_known(struct journal *j, const char *name, struct px_error *err);

/* Set the role and pseudonym of NAME, creating the person when the journal
 * does not know them yet (the name checked with text_person_valid).  NULL
 * leaves a field as it is; "" clears it.  The role is one line of at most
 * PERSON_ROLE_MAX bytes.  One transaction.  Returns 0 or -1. */
int person_set(struct journal *j, const char *name, const char *role, const char *pseudonym,
	       struct px_error *err);

#endif
