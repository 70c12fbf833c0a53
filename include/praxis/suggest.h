/*
 * suggest.h — "did you mean …?" for every name a user can misspell:
 * commands, options, frames, template keys, step ids, vocabularies.
 *
 * suggest_nearest() returns the candidate closest to WORD by optimal
 * string alignment distance (Damerau–Levenshtein where a transposed pair
 * is not edited again; ASCII case-insensitive, on bytes), or NULL when none
 * is within a distance that still reads as a typo: 1 for words of up to 3
 * bytes, else 2, and never more than half of WORD's length ("ad" → "add",
 * "srch" → "search", but not "sh" → "show").  The first of equally near
 * candidates wins; an exact match is returned as it is.  Words or
 * candidates over 64 bytes are never near.  The result is borrowed from
 * CANDIDATES.
 */
#ifndef PRAXIS_SUGGEST_H
#define PRAXIS_SUGGEST_H

#include <stddef.h>

size_t suggest_distance(const char *a, const char *b);
const char *suggest_nearest(const char *word, const char *const *candidates, size_t n);

#endif
