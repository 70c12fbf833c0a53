/*
 * cite.h — a references list in one Harvard style (Cite Them Right, which
 * the Open University uses), from the structured citations of templates
 * (struct template_cite, template.h; the keys are REFLECTION.md §4.8).
 *
 * A cite_list collects citations, merging duplicates: two citations with
 * the same authors (in order), year and title are one reference, the one
 * added first.  It copies what it is given, so the templates may be freed
 * at once.  References come out sorted as a reference list is read: by
 * the authors as written, then year, then title (ASCII case ignored).
 *
 * cite_format() writes one reference through a callback that receives
 * spans of text and whether each is in italics, so every export format
 * adds its own markup and escaping:
 *
 *     Gibbs, G. (1988) *Learning by doing: a guide to teaching and learning
 *     methods*. Oxford: Further Education Unit, Oxford Polytechnic.
 *     Flanagan, J.C. (1954) 'The critical incident technique', *Psychological
 *     Bulletin*, 51(4), pp. 327–358.
 *     French, J.R.P. and Raven, B. (1959) 'The bases of social power', in
 *     Cartwright, D. (ed.) *Studies in social power*. Ann Arbor, MI:
 *     Institute for Social Research, pp. 150–167.
 *
 * Page ranges get an en dash; "2nd" becomes "2nd edn."; translators are
 * "Translated by L. Maude and A. Maude."; web pages end "Available at: URL
 * (Accessed: DATE)."; a note closes the reference as written.
 */
#ifndef PRAXIS_CITE_H
#define PRAXIS_CITE_H

#include "praxis/template.h"

#include <stdbool.h>
#include <stddef.h>

struct cite_list;

struct cite_list *cite_list_new(void);
void cite_list_free(struct cite_list *l);

/* Add a copy of C unless the list already holds the same reference.
 * Returns 1 when added, 0 when it was a duplicate. */
int cite_list_add(struct cite_list *l, const struct template_cite *c);
size_t cite_list_count(const struct cite_list *l);
/* The I-th reference in reading order (borrowed from the list). */
const struct template_cite *cite_list_at(struct cite_list *l, size_t i);

/* Called with each span of a formatted reference; ITALIC for titles. */
typedef void cite_span_fn(const char *text, size_t len, bool italic, void *ctx);

/* Write reference C through FN. */
void cite_format(const struct template_cite *c, cite_span_fn *fn, void *ctx);

/* Reference C as plain text (no italics), the caller's to free. */
char *cite_format_plain(const struct template_cite *c);

#endif
