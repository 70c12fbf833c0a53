/*
 * answer_impl.h — answer.c's checks and row insert for entry_batch.c,
 * private to the core: an imported entry's answers are written before the
 * entry itself (see entry_batch_add), so they skip answer_add's look at the
 * entry and its update of the entry's word count, and keep its checks.
 */
#ifndef PRAXIS_CORE_ANSWER_IMPL_H
#define PRAXIS_CORE_ANSWER_IMPL_H

#include "praxis/answer.h"

/* The checks answer_add makes of A itself (ids, kind, position, UTF-8,
 * a finite number).  Returns 0 or -1 with ERR. */
int answer_check(const struct answer *a, struct px_error *err);

/* Insert A as an answer of ENTRY_ID, checked already; nothing else. */
int answer_insert_row(struct journal *j, int64_t entry_id, const struct answer *a,
		      struct px_error *err);

#endif
