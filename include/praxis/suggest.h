/*
 * suggest.h — "did you mean …?" for every name a user can misspell:
 * commands, options, frames, template keys, step ids, vocabularies.
 *
 * suggest_nearest() returns the candidate closest to WORD by
 * Damerau–Levenshtein distance (ASCII case-insensitive), or NULL when none
 * is within a distance that still reads as a typo (at most 2, and less
 * than half of WORD's length).  The result is borrowed from CANDIDATES.
 */
#ifndef PRAXIS_SUGGEST_H
#define PRAXIS_SUGGEST_H

#include <stddef.h>

size_t suggest_distance(const char *a, const char *b);
const char *suggest_nearest(const char *word, const char *const *candidates, size_t n);

#endif
