/*
 * stem.h — Porter's stemmer (review_stem.c), shared by the review, which
 * counts a word's forms as one, and search, which must find the forms of a
 * word the way the search index (FTS5's porter tokenizer, the same 1980
 * algorithm) stored them.
 */
#ifndef PRAXIS_CORE_STEM_H
#define PRAXIS_CORE_STEM_H

#include <stddef.h>

/* Porter's stemmer on lower-case ASCII WORD of LEN bytes, in place;
 * returns the new length. */
size_t porter_stem(char *word, size_t len);

#endif
