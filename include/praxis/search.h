/*
 * search.h — full-text search over entries, best match first.
 *
 * Users type words, not FTS5 syntax.  search_compile() parses what they
 * type and builds the FTS5 MATCH expression itself, quoting every term, so
 * no query can reach SQLite as syntax and no SQLite message ever reaches
 * the user.  The query language:
 *
 *     delegation feedback     both words (anywhere: title, body, answers, tags)
 *     "exact phrase"          the words next to each other, in that order
 *     deleg*                  any word beginning with "deleg"; also when the
 *                             start runs into an ending the index's stems
 *                             cut off: "delegat*" finds delegate (stored
 *                             as "deleg"), "coachi*" coaching
 *     a OR b                  either; OR binds tighter than the space, so
 *                             `trust a OR b` is trust AND (a OR b)
 *     AND                     optional, the same as a space
 *     -word  NOT word         entries without the word (or -"phrase"); the
 *                             exclusions apply to the whole query
 *     tag:NAME  #NAME         entries tagged NAME, matched by the words of
 *                             tags like any words: `tag:power` also finds
 *                             power/referent, tag:delegating #delegation
 *                             (search_options.tag filters exactly)
 *     title:WORD              WORD in the title (title:"a phrase" and
 *                             title:deleg* too)
 *
 * OR, AND and NOT are operators only in capitals; in lower case they are
 * words.  Words are matched the way the index stores them: case, accents
 * and English endings are ignored ("delegating" finds "delegation").
 *
 * A query that does not parse fails with one line in the error, code
 * PX_ERR_SYNTAX, place "search", naming the problem and quoting the query:
 *     search: unbalanced quote in '"delegation'
 * A query longer than SEARCH_QUERY_MAX bytes fails with PX_ERR_LIMIT.
 *
 * Only live entries are searched, never the trash.  Hits come ranked by
 * BM25 with the title weighted 10, tags 5, body and answers 1.  Ranking
 * costs about 1.5 µs per matching entry, so a word found in most of a
 * 100k-entry journal would take 100-170 ms to rank in full.  Ranking
 * therefore looks at the SEARCH_RANK_WINDOW most recently written matches
 * (by rowid, which follows writing order): a word that rare is ranked over
 * all its matches exactly; for a word that common, BM25 tells the matches
 * apart by little more than length, and the newest are what a learner is
 * looking for.  Paging past the window (offset + limit beyond it) ranks
 * every match, so no hit is ever out of reach; search_count always counts
 * every match.
 */
#ifndef PRAXIS_SEARCH_H
#define PRAXIS_SEARCH_H

#include "praxis/entry.h"
#include "praxis/error.h"
#include "praxis/journal.h"

#include <stddef.h>
#include <stdint.h>

#define SEARCH_QUERY_MAX 1000   /* bytes */
#define SEARCH_LIMIT_DEFAULT 20
#define SEARCH_RANK_WINDOW 2000  /* newest matches ranked for the first pages */

struct search_options {
	int frame;              /* -1: any, else enum entry_frame */
	const char *tag;        /* only entries with this tag; "power/" matches the family */
	char from[11];          /* 'YYYY-MM-DD' inclusive on occurred_at, "" for open */
	char to[11];
	size_t limit;           /* hits per call; 0 means SEARCH_LIMIT_DEFAULT */
	size_t offset;          /* hits to skip, for paging */
	/* Put around each matched word in the snippet, passed through as they
	 * are (NULL: nothing).  search_options_init sets "[" and "]". */
	const char *mark_open;
	const char *mark_close;
};
void search_options_init(struct search_options *opt);

struct search_hit {
	int64_t id;
	enum entry_frame frame;
	char occurred_at[20];   /* 'YYYY-MM-DD HH:MM:SS' */
	const char *title;      /* borrowed for the duration of the callback */
	/* A passage of about 16 words from the column that matched best, the
	 * matches between the marks, "…" where text was cut.  Borrowed. */
	const char *snippet;
	/* The BM25 score as FTS5 gives it: negative, lower is better.  Hits
	 * arrive in increasing rank. */
	double rank;
};

/* Parse QUERY into an FTS5 MATCH expression; *match is the caller's to
 * free.  search_run does this itself; it is public for tests and the
 * fuzzer, which check that every query either fails with a clean message
 * or yields an expression FTS5 accepts. */
int search_compile(const char *query, char **match, struct px_error *err);

/* Call FN for each hit, best first, skipping opt->offset hits and passing
 * at most opt->limit.  FN returns non-zero to stop early.  OPT may be NULL
 * (the defaults).  Returns the number of hits passed to FN, or -1. */
int search_run(struct journal *j, const char *query, const struct search_options *opt,
	       int (*fn)(const struct search_hit *hit, void *ctx), void *ctx,
	       struct px_error *err);

/* The number of entries QUERY matches under OPT's filters (its limit and
 * offset are ignored), for "page 2 of 7". */
int search_count(struct journal *j, const char *query, const struct search_options *opt,
		 int64_t *count, struct px_error *err);

#endif
