/*
 * anonymise.h — consistent stand-ins for the people of a journal, put in
 * place of their names in any text, for exports that must not name
 * colleagues (REFLECTION.md §6).  The journal itself is never changed.
 *
 * Every person gets one stand-in for the whole export:
 *   - their recorded pseudonym (person.h), which is itself a valid @name:
 *     "@Sam" reads "@Alex", and a bare "Sam" reads "Alex";
 *   - else their recorded role, as written: "@Sam" and "Sam" both read
 *     "the ward manager";
 *   - else a generated one, "Colleague A", "Colleague B" … "Colleague Z",
 *     "Colleague AA" …, lettered in the order the journal first met each
 *     person without a pseudonym (their id), so a person keeps their
 *     letter from one export to the next.
 * A role that names another person has that name replaced too (by their
 * pseudonym or generated stand-in), so no real name survives through it.
 *
 * anonymise_text() replaces, in one pass that never looks at what it has
 * written, every @Name mention and every bare occurrence of a known name:
 * compared ignoring ASCII case, longest names first ("Jo-Ann" before
 * "Jo"), and only as a whole word (not the "Sam" of "Samantha"; the "Sam"
 * of "Sam's" and "Sam." is).  Names that are also everyday words ("Will",
 * "May") are replaced wherever the word appears: anonymisation errs
 * towards hiding.
 *
 * Build one with anonymiser_new() and anonymiser_add() (tests, or a face
 * with its own list), or anonymiser_load() for a journal's people list.
 * Returned char * strings are the caller's; const char * are borrowed
 * from the anonymiser.
 */
#ifndef PRAXIS_ANONYMISE_H
#define PRAXIS_ANONYMISE_H

#include "praxis/buf.h"
#include "praxis/error.h"
#include "praxis/journal.h"

#include <stdint.h>

struct anonymiser;

struct anonymiser *anonymiser_new(void);
void anonymiser_free(struct anonymiser *a);

/* Add a person.  ORDER decides generated letters (lower first; the
 * journal's person id).  ROLE and PSEUDONYM may be NULL or "" for none.
 * A NAME already added (in any ASCII case) is ignored. */
void anonymiser_add(struct anonymiser *a, const char *name, const char *role,
		    const char *pseudonym, int64_t order);

/* Every person of the journal, with their roles and pseudonyms. */
int anonymiser_load(struct journal *j, struct anonymiser **out, struct px_error *err);

/* The stand-in for person NAME (with or without '@', any ASCII case) as
 * it reads in a mention: "@Alex", "the ward manager", "Colleague A".
 * NULL when NAME is not a known person. */
const char *anonymise_person(struct anonymiser *a, const char *name);

/* The same as it reads bare, without the mention's '@': "Alex". */
const char *anonymise_person_bare(struct anonymiser *a, const char *name);

/* TEXT (NULL reads as "") with every person replaced, appended to OUT. */
void anonymise_append(struct anonymiser *a, const char *text, struct px_buf *out);
/* The same as a new string. */
char *anonymise_text(struct anonymiser *a, const char *text);

#endif
