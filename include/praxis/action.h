/*
 * action.h — actions: what the learner plans to try, and the follow-up
 * that closes the action–reflection cycle.
 *
 * An action is planned by an entry (planned_by) and has a due date.  When
 * it is due it comes back as a prompt; the entry written then follows it
 * up (action_follow_up), recording an outcome:
 *     worked, mixed, failed   the action is done
 *     not-yet                 still open, due again on a new date
 *     dropped                 the learner let it go
 * followed_up_by always names the latest follow-up entry, so a not-yet
 * action remembers where it was last reflected on.
 *
 * Writes (action_add, action_follow_up) each run in one transaction that
 * nests inside the caller's (journal.h), so the prompt engine can write an
 * entry, its actions and a follow-up together.  Every input is checked, and
 * every refusal (PX_ERR_INVALID, PX_ERR_LIMIT, PX_ERR_NOT_FOUND) is decided
 * before anything is written: a refused call leaves the caller's
 * transaction as it was and still usable.  Only a database failure part
 * way marks the caller's transaction failed (its commit then fails).
 *
 * struct action is a plain value.  From action_get it is the caller's:
 * free it with action_free().  In list callbacks it is borrowed for the
 * duration of the call.  Callbacks return non-zero to stop early; list
 * functions return how many actions they passed to FN, or -1.  They read
 * every matching row before the first call, so FN may call any journal
 * function, writes included.
 *
 * Dates are text: due dates 'YYYY-MM-DD', entry times 'YYYY-MM-DD HH:MM:SS'
 * (local).  "Today" is always the caller's (date_now() in the faces), so
 * tests fix it.
 */
#ifndef PRAXIS_ACTION_H
#define PRAXIS_ACTION_H

#include "praxis/error.h"
#include "praxis/journal.h"

#include <stdint.h>

#define ACTION_MAX_TEXT 1000        /* bytes */
#define ACTION_DEFAULT_TEMPLATE "action-review"
#define ACTION_MAX_UPCOMING 3660    /* days action_list_due looks ahead, at most */

enum action_status { ACTION_OPEN, ACTION_DONE, ACTION_DROPPED };

enum action_outcome {
	OUTCOME_NONE,      /* not followed up yet */
	OUTCOME_WORKED,
	OUTCOME_MIXED,
	OUTCOME_FAILED,
	OUTCOME_NOT_YET,
	OUTCOME_DROPPED,
};
#define OUTCOME_COUNT 6

/* "open", "done", "dropped". */
const char *action_status_name(enum action_status status);
/* "worked", "mixed", "failed", "not-yet", "dropped"; "" for OUTCOME_NONE. */
const char *action_outcome_name(enum action_outcome outcome);
/* Parse an outcome name (also "not yet", "notyet", "drop"); the error
 * suggests the nearest name.  "" and OUTCOME_NONE are not outcomes. */
int action_outcome_parse(const char *text, enum action_outcome *out, struct px_error *err);

struct action {
	int64_t id;
	char uuid[37];
	char *text;                 /* what to try: one line */
	char due_date[11];          /* 'YYYY-MM-DD' */
	enum action_status status;
	enum action_outcome outcome; /* OUTCOME_NONE until followed up */
	int64_t planned_by;         /* the entry that planned it */
	char *planned_title;        /* that entry's title ("" when it has none) */
	char planned_on[20];        /* that entry's occurred_at */
	int64_t followed_up_by;     /* the latest follow-up entry, 0: none */
	char *follow_up_template;   /* template id for the follow-up */
	int position;               /* order within the planning entry, from 0 */
	char created_at[21];        /* UTC 'YYYY-MM-DD HH:MM:SSZ' */
	char updated_at[21];
};

void action_free(struct action *a);

/*
 * Plan an action from entry PLANNED_BY (which must exist and not be in the
 * trash).  TEXT: not blank, one line, valid UTF-8, at most ACTION_MAX_TEXT
 * bytes after surrounding whitespace is removed.  DUE_DATE: 'YYYY-MM-DD', a
 * real date.  FOLLOW_UP_TEMPLATE: a template id, NULL or "" for
 * ACTION_DEFAULT_TEMPLATE.  POSITION: the order among the entry's actions;
 * negative means after the entry's last action.  *ID (may be NULL) gets the
 * new action's id.
 */
int action_add(struct journal *j, int64_t planned_by, const char *text, const char *due_date,
	       const char *follow_up_template, int position, int64_t *id, struct px_error *err);

/* Look up an action id by its UUID; *ID is 0 when there is none. */
int action_find_uuid(struct journal *j, const char *uuid, int64_t *id, struct px_error *err);

/*
 * Import: store A as it was elsewhere — its UUID, text, due date, status,
 * outcome, planning entry (A->planned_by), latest follow-up entry
 * (A->followed_up_by, 0 for none), follow-up template, position and record
 * times — in one transaction nested inside the caller's.  Checked first,
 * as action_add checks: the text and due date; the template id; the uuid
 * (lowercase 8-4-4-4-12 hex, not in the journal); the planning entry
 * exists and the follow-up entry too (trashed ones allowed: the journal
 * keeps such links); the follow-up is not the planning entry; the position
 * is not negative; status and outcome agree as action_follow_up leaves
 * them: open with none or not-yet, done with worked, mixed or failed,
 * dropped with dropped or none.  *ID (may be NULL) gets the new id.
 */
int action_import(struct journal *j, const struct action *a, int64_t *id, struct px_error *err);

/* Load action ID into OUT.  Unknown: PX_ERR_NOT_FOUND "action 7: no such action". */
int action_get(struct journal *j, int64_t id, struct action *out, struct px_error *err);

/*
 * Open actions due on or before TODAY + UPCOMING_DAYS (0: due today or
 * overdue only; at most ACTION_MAX_UPCOMING), earliest due first, then by
 * id.  Actions whose planning entry is in the trash are never listed.
 */
int action_list_due(struct journal *j, const char *today, int upcoming_days,
		    int (*fn)(const struct action *a, void *ctx), void *ctx,
		    struct px_error *err);

/* As action_list_due for what is due today or overdue, reading at most
 * LIMIT actions (at least 1): what a screen shows, without reading the
 * thousands a long-neglected journal can hold.  Ask for one more than
 * will be shown to know whether there are more. */
int action_list_due_first(struct journal *j, const char *today, size_t limit,
			  int (*fn)(const struct action *a, void *ctx), void *ctx,
			  struct px_error *err);

/* Every action ENTRY_ID planned, in position order, whatever its status.
 * An unknown entry is PX_ERR_NOT_FOUND; a trashed one still lists. */
int action_list_for_entry(struct journal *j, int64_t entry_id,
			  int (*fn)(const struct action *a, void *ctx), void *ctx,
			  struct px_error *err);

/* Every action whose latest follow-up is ENTRY_ID, in id order. */
int action_list_followed_by(struct journal *j, int64_t entry_id,
			    int (*fn)(const struct action *a, void *ctx), void *ctx,
			    struct px_error *err);

/*
 * Close (or carry on) the cycle of action ACTION_ID, which must be open
 * ("action 7: already done (worked); only an open action can be followed
 * up", "action 7: dropped; …").
 *   OUTCOME_WORKED, _MIXED, _FAILED   status done
 *   OUTCOME_NOT_YET                   stays open; due date moves to NEW_DUE,
 *                                     which must be given and be a real date
 *   OUTCOME_DROPPED                   status dropped
 * NEW_DUE must be NULL for every other outcome.  FOLLOW_UP_ENTRY is the
 * entry that reflected on the action (live, and not the entry that planned
 * it); it becomes followed_up_by.  0 records the outcome without an entry
 * (a quick "drop it" from the command line) and leaves followed_up_by as it
 * was.
 */
int action_follow_up(struct journal *j, int64_t action_id, int64_t follow_up_entry,
		     enum action_outcome outcome, const char *new_due, struct px_error *err);

#endif
