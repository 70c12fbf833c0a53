/*
 * tag.h — the journal's tags: listing them with their counts, and renaming
 * or merging one.
 *
 * Tag names are case-insensitive (ASCII): #Delegation and #delegation are
 * one tag, which keeps the spelling it was first written with.  Names are
 * given without the leading '#' (one is ignored if present).  A name with
 * '/' is part of a family: power/referent and power/expert are both under
 * "power/".
 *
 * Entries get their tags from entry_add/entry_update (entry.h); a tag whose
 * entries are all trashed or gone simply stops being listed.
 */
#ifndef PRAXIS_TAG_H
#define PRAXIS_TAG_H

#include "praxis/error.h"
#include "praxis/journal.h"

#include <stdint.h>

struct tag_list_options {
	/* Only tags beginning with this (case-insensitive): "power/" lists the
	 * family, "del" what completes "#del".  NULL or "" lists every tag. */
	const char *prefix;
	int by_name;            /* 1: by name; 0: most used first, then by name */
};
void tag_list_options_init(struct tag_list_options *opt);

/* Call FN with each tag used by at least one live entry and the number of
 * live entries carrying it.  NAME is borrowed for the duration of the
 * call.  FN returns non-zero to stop early.  OPT may be NULL.  Returns the
 * number of tags passed to FN, or -1. */
int tag_list(struct journal *j, const struct tag_list_options *opt,
	     int (*fn)(const char *name, int64_t count, void *ctx), void *ctx,
	     struct px_error *err);

/* Succeed when the journal has tag NAME (one leading '#' allowed; any
 * case), or for a family such as "power/" a tag in it, on live entries or
 * in the trash.  A filter on any other tag can select nothing at all, so
 * it is most likely mistyped: PX_ERR_NOT_FOUND, with the nearest tag
 * suggested.  Returns 0 or -1. */
int tag_check_known(struct journal *j, const char *name, struct px_error *err);

/* Rename tag OLD_NAME to NEW_NAME (checked with text_tag_valid) in one
 * transaction.  When another tag already has NEW_NAME (in any case), OLD's
 * entries join it and OLD goes away; an entry that had both keeps one, set
 * explicitly if either was.  A change of case alone respells the tag.
 *
 * The #OLD written in titles and bodies (trashed entries too) is rewritten
 * as #NEW_NAME and those entries' updated time is set, because an entry's
 * tags are read again from its text whenever it is edited: without the
 * rewrite the old tag would come back on the next edit.  Only the tag
 * itself is renamed, not the members of its family.
 *
 * Fails with PX_ERR_NOT_FOUND when no tag is called OLD_NAME (with a
 * suggestion when one is close).  Returns the number of entries that
 * carried OLD_NAME, or -1. */
int tag_rename(struct journal *j, const char *old_name, const char *new_name,
	       struct px_error *err);

#endif
