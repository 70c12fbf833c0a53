/*
 * draft.h — unfinished work, saved every few seconds and resumed after a
 * crash: free writing (kind entry: new, or editing entry_id) or a template
 * run in progress (kind run: the engine's JSON state).
 *
 * The payload is opaque text and is never judged: a draft that could not
 * be saved because of what it holds would lose the learner's work.
 *
 * draft_save inserts when d->id is 0 (and sets it) and otherwise updates
 * that draft.  Each save is one write in one transaction nested inside
 * the caller's (journal.h), through cached statements, so saving while
 * typing stays cheap, and a failed save leaves the draft stored before it
 * untouched.  The prompt engine deletes the draft in the same transaction
 * that writes the entry, so a crash leaves either the draft or the entry.
 *
 * struct draft owns its strings (draft_init, draft_set, draft_free); in
 * draft_list callbacks it is borrowed for the call.
 */
#ifndef PRAXIS_DRAFT_H
#define PRAXIS_DRAFT_H

#include "praxis/error.h"
#include "praxis/journal.h"

#include <stdint.h>

enum draft_kind { DRAFT_ENTRY, DRAFT_RUN };

/* "entry", "run". */
const char *draft_kind_name(enum draft_kind kind);

struct draft {
	int64_t id;                 /* 0 until saved */
	enum draft_kind kind;
	int64_t entry_id;           /* the entry being edited; 0 for a new one */
	int64_t action_id;          /* the action being followed up; 0: none */
	char *template_id;          /* runs: the template; NULL: none */
	char *label;                /* a short description for lists; never NULL */
	char *payload;              /* the editor's text or the run's JSON; never NULL */
	char created_at[21];        /* UTC, set by the first save */
	char updated_at[21];        /* UTC, set by every save */
};

void draft_init(struct draft *d);
void draft_free(struct draft *d);
/* Replace a string field of D with a copy of VALUE (NULL allowed for
 * template_id; label and payload store "" for NULL). */
void draft_set(char **field, const char *value);

/*
 * Save D.  Checked first: kind is entry or run; entry_id and action_id,
 * when not 0, name an entry and an action that exist ("entry 5: no such
 * entry", "action 7: no such action").  Updating an id that is not stored
 * (deleted meanwhile) is PX_ERR_NOT_FOUND "draft 3: no such draft"; set
 * d->id to 0 to store it afresh.
 */
int draft_save(struct journal *j, struct draft *d, struct px_error *err);

/* Load draft ID.  Unknown: PX_ERR_NOT_FOUND "draft 3: no such draft". */
int draft_get(struct journal *j, int64_t id, struct draft *out, struct px_error *err);

/* Every draft, most recently saved first; FN returns non-zero to stop.
 * All rows are read before the first call, so FN may call any journal
 * function (draft_delete included).  Returns how many were passed, or -1. */
int draft_list(struct journal *j, int (*fn)(const struct draft *d, void *ctx), void *ctx,
	       struct px_error *err);

/* Delete draft ID.  Unknown: PX_ERR_NOT_FOUND "draft 3: no such draft". */
int draft_delete(struct journal *j, int64_t id, struct px_error *err);

#endif
