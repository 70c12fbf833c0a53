/*
 * inquiry.h — inquiries: a question followed over time through entries and
 * the action–reflection cycles they carry.
 *
 * An inquiry is open until the learner closes it with a summary; it can be
 * reopened (the summary is kept until the next close replaces it).  Entries
 * join an inquiry through entry.inquiry_id (entry.h).  Its last activity is
 * the later of when it was opened and the occurred_at of its newest live
 * entry, so a backdated entry never pushes a fresh inquiry down the list.
 *
 * Writes (inquiry_new, inquiry_close, inquiry_reopen) each run in one
 * transaction nested inside the caller's (journal.h).  Refusals
 * (PX_ERR_INVALID, PX_ERR_LIMIT, PX_ERR_NOT_FOUND) are decided before
 * anything is written and leave the caller's transaction usable.
 *
 * struct inquiry is a plain value: from inquiry_new/inquiry_get the
 * caller's (inquiry_free), in callbacks borrowed for the call.  List and
 * chain functions read everything before the first callback, so callbacks
 * may call any journal function.  Callbacks return non-zero to stop.
 *
 * Times are local 'YYYY-MM-DD HH:MM:SS' text; "today" is the caller's
 * 'YYYY-MM-DD' (date_now() in the faces, fixed in tests).
 */
#ifndef PRAXIS_INQUIRY_H
#define PRAXIS_INQUIRY_H

#include "praxis/action.h"
#include "praxis/entry.h"
#include "praxis/error.h"
#include "praxis/journal.h"

#include <stddef.h>
#include <stdint.h>

#define INQUIRY_MAX_QUESTION 500    /* bytes */

enum inquiry_status { INQUIRY_OPEN, INQUIRY_CLOSED };

/* "open", "closed". */
const char *inquiry_status_name(enum inquiry_status status);

struct inquiry {
	int64_t id;
	char uuid[37];
	char *question;             /* one line */
	enum inquiry_status status;
	char opened_at[20];         /* local date-time */
	char closed_at[20];         /* "" while open */
	char *summary;              /* "" until closed with one */
	int entry_count;            /* live entries in the inquiry */
	char last_activity[20];     /* see above */
	char created_at[21];        /* UTC */
	char updated_at[21];
};

void inquiry_free(struct inquiry *inq);

/* Open a new inquiry.  QUESTION: not blank, one line, valid UTF-8, at most
 * INQUIRY_MAX_QUESTION bytes after surrounding whitespace is removed.
 * OPENED_AT: 'YYYY-MM-DD HH:MM:SS'.  OUT (may be NULL) gets the inquiry as
 * stored; free it with inquiry_free. */
int inquiry_new(struct journal *j, const char *question, const char *opened_at,
		struct inquiry *out, struct px_error *err);

/* Load inquiry ID.  Unknown: PX_ERR_NOT_FOUND "inquiry 7: no such inquiry". */
int inquiry_get(struct journal *j, int64_t id, struct inquiry *out, struct px_error *err);

enum inquiry_filter { INQUIRY_ALL, INQUIRY_ONLY_OPEN, INQUIRY_ONLY_CLOSED };

/* Inquiries matching FILTER, most recent activity first (then newest id).
 * Returns how many were passed to FN, or -1. */
int inquiry_list(struct journal *j, enum inquiry_filter filter,
		 int (*fn)(const struct inquiry *inq, void *ctx), void *ctx,
		 struct px_error *err);

/* Close inquiry ID with SUMMARY (NULL or "" for none; valid UTF-8, may be
 * several lines) at CLOSED_AT, which may not be before it was opened.
 * Closing a closed inquiry is PX_ERR_INVALID: "inquiry 7: already closed
 * (on 2026-03-10 09:00:00)". */
int inquiry_close(struct journal *j, int64_t id, const char *summary, const char *closed_at,
		  struct px_error *err);

/* Open a closed inquiry again: "inquiry 7: not closed" when it is open. */
int inquiry_reopen(struct journal *j, int64_t id, struct px_error *err);

/* Look up an inquiry id by its UUID; *ID is 0 when there is none. */
int inquiry_find_uuid(struct journal *j, const char *uuid, int64_t *id, struct px_error *err);

/*
 * Import: store Q as it was elsewhere — its UUID, question, status, dates,
 * summary and record times (created_at, updated_at: UTC, as stored) — in
 * one transaction nested inside the caller's.  Checked first: the uuid is
 * lowercase 8-4-4-4-12 hex and not in the journal; the question as for
 * inquiry_new; opened_at, and closed_at when closed, are real date-times,
 * closed_at not before opened_at and only when closed; the summary valid
 * UTF-8.  *ID (may be NULL) gets the new id.
 */
int inquiry_import(struct journal *j, const struct inquiry *q, int64_t *id, struct px_error *err);

/* ---- the chain of cycles ------------------------------------------------ */

/*
 * inquiry_chain() walks an inquiry as the learner lived it: each live entry
 * of the inquiry, oldest first, with the actions it planned, each action
 * with its outcome and the entry that followed it up, which is usually the
 * next step of the chain and plans the next action:
 *
 *     #12 2026-03-01 "Handover went wrong"
 *         → action 4 "brief Sam in person" due 2026-03-08: done, worked
 *           ↳ followed up by #15 2026-03-08 "Briefing Sam"
 *     #15 2026-03-08 "Briefing Sam"          (follows up action 4)
 *         → action 5 "write the checklist" due 2026-03-15: open, DUE
 *
 * Strings in these structs are borrowed for the duration of the callback.
 */
struct chain_follow_up {
	int64_t entry_id;           /* 0: not followed up */
	char occurred_at[20];
	const char *title;          /* "" when none */
	int trashed;                /* the follow-up entry is in the trash */
	int in_inquiry;             /* it is an entry of this inquiry (a later step) */
};

struct chain_action {
	int64_t id;
	const char *text;
	char due_date[11];
	enum action_status status;
	enum action_outcome outcome;
	int position;
	int due;                    /* open and due on or before today */
	struct chain_follow_up follow_up;
};

struct chain_step {
	size_t index;               /* 0 for the first entry of the inquiry */
	int64_t entry_id;
	enum entry_frame frame;
	char occurred_at[20];
	const char *title;          /* may be "": show the body's first words */
	const char *excerpt;        /* the body's first 120 characters, as one line */
	/* Actions this entry followed up (most often the previous step's). */
	const int64_t *follows_up;
	size_t nfollows_up;
	/* Actions this entry planned, in position order. */
	const struct chain_action *actions;
	size_t nactions;
};

struct chain_totals {
	int steps;                  /* live entries in the inquiry */
	int actions;                /* actions they planned */
	int cycles_closed;          /* of those, followed up at least once */
	int cycles_due;             /* of those, open and due on or before today */
	int open_actions;           /* of those, still open */
};

/*
 * Walk inquiry ID (unknown: PX_ERR_NOT_FOUND).  TODAY is 'YYYY-MM-DD'.
 * TOTALS (may be NULL) is filled before the first call of FN, so a header
 * can be drawn first; FN may be NULL when only the totals are wanted.
 * Returns the number of steps passed to FN, or -1.
 */
int inquiry_chain(struct journal *j, int64_t id, const char *today,
		  int (*fn)(const struct chain_step *step, void *ctx), void *ctx,
		  struct chain_totals *totals, struct px_error *err);

#endif
