/*
 * entry_impl.h — what entry.c shares with entry_batch.c, private to the
 * core: the checks every entry passes and the names it carries, so a batch
 * of imported entries obeys exactly the rules entry_add does.
 */
#ifndef PRAXIS_CORE_ENTRY_IMPL_H
#define PRAXIS_CORE_ENTRY_IMPL_H

#include "praxis/entry.h"

/* The rules of entry.h: UTF-8, one-line title, not empty, frame and period,
 * valid explicit tags and people.  Returns 0 or -1 with ERR. */
int entry_validate(const struct entry *e, struct px_error *err);

/* E's tags (the explicit ones first, *EXPLICIT_TAGS of them, then every #tag
 * of its title and body) and people (E's, then every @Name), without a
 * leading sigil, each once whatever its ASCII case, into empty lists. */
void entry_gather_names(const struct entry *e, struct px_strlist *tags, int *explicit_tags,
			struct px_strlist *people);

#endif
