/*
 * entry.h — entries: the unit of writing, with their frame, tags, people
 * and place in an inquiry.
 *
 * struct entry is a plain value the caller fills (entry_init first) and
 * frees (entry_free).  Strings in it are owned by the struct.
 *
 * entry_add() and entry_update() each run in one transaction (nested inside
 * the caller's, if one is open: see journal.h).  They
 *   - check the text is valid UTF-8 and the frame's rules hold (a period
 *     entry has its start and end, no other frame has them);
 *   - refuse an entry whose title and body are both blank;
 *   - collect tags: the explicit ones in e->tags plus every #tag in the
 *     title and body, and people: e->people plus every @Name;
 *   - keep the word count of title and body.
 * Timestamps and the UUID are filled in by entry_add unless already set
 * (import keeps the ones it brings).
 *
 * Entries in the trash (entry_trash) are kept whole and come back with
 * entry_restore; entry_empty_trash removes them for good, with the tags and
 * the people (those without a role or pseudonym set) that only they named,
 * and leaves no text of theirs in the file: SQLite's secure_delete
 * overwrites it, the search index is rebuilt without it, and the WAL is
 * folded in and emptied (unless another connection is reading just then).
 */
#ifndef PRAXIS_ENTRY_H
#define PRAXIS_ENTRY_H

#include "praxis/error.h"
#include "praxis/journal.h"

#include <stddef.h>
#include <stdint.h>

enum entry_frame {
	FRAME_NOTE,
	FRAME_INCIDENT,
	FRAME_PERIOD,
	FRAME_INQUIRY,
};
#define FRAME_COUNT 4

/* "note", "incident", "period", "inquiry". */
const char *entry_frame_name(enum entry_frame frame);
/* A readable name: "note", "critical incident", "time period", "inquiry". */
const char *entry_frame_label(enum entry_frame frame);
/* One-character mark for lists: '-', '!', '~', '?'. */
char entry_frame_mark(enum entry_frame frame);
/* Parse a frame name (also "critical-incident", "review", "n", "i" …);
 * the error suggests the nearest name. */
int entry_frame_parse(const char *text, enum entry_frame *out, struct px_error *err);

/* A list of owned strings. */
struct px_strlist {
	char **items;
	size_t len;
	size_t cap;
};
void strlist_add(struct px_strlist *l, const char *s);
/* Add unless an equal string (ASCII case-insensitive) is already there. */
void strlist_add_unique(struct px_strlist *l, const char *s);
void strlist_free(struct px_strlist *l);

struct entry {
	int64_t id;                 /* 0 until saved */
	char uuid[37];
	enum entry_frame frame;
	char *title;                /* never NULL after entry_init */
	char *body;
	char occurred_at[20];       /* 'YYYY-MM-DD HH:MM:SS', local: the date it is about */
	char period_start[11];      /* 'YYYY-MM-DD' for FRAME_PERIOD, else "" */
	char period_end[11];
	char created_at[21];        /* UTC 'YYYY-MM-DD HH:MM:SSZ' */
	char updated_at[21];
	char deleted_at[21];        /* "" unless in the trash */
	int is_private;
	int starred;
	int64_t inquiry_id;         /* 0: none */
	char *template_id;          /* NULL: written freely */
	int template_version;
	char *template_hash;
	int word_count;
	struct px_strlist tags;     /* explicit tags on input; all tags on output */
	size_t explicit_tags;       /* on output: the first N of tags were set explicitly */
	struct px_strlist people;
};

void entry_init(struct entry *e);
void entry_free(struct entry *e);
/* Replace a string field of E with a copy of VALUE (NULL allowed for
 * template fields). */
void entry_set(char **field, const char *value);

int entry_add(struct journal *j, struct entry *e, struct px_error *err);
/* Save E's fields over the stored entry E->id (not trashed ones).  Tags and
 * people are recomputed: explicit tags are E->tags. */
int entry_update(struct journal *j, struct entry *e, struct px_error *err);
/* Before entry_update of a loaded entry: keep only the explicit tags and
 * forget the people, so that what the new text no longer mentions goes. */
void entry_forget_derived(struct entry *e);
/* Load entry ID (trashed ones too: check deleted_at). */
int entry_get(struct journal *j, int64_t id, struct entry *out, struct px_error *err);
/* Look up an entry id by its UUID; 0 when there is none. */
int entry_find_uuid(struct journal *j, const char *uuid, int64_t *id, struct px_error *err);

int entry_trash(struct journal *j, int64_t id, struct px_error *err);
int entry_restore(struct journal *j, int64_t id, struct px_error *err);
/* Remove every trashed entry for good; *removed says how many. */
int entry_empty_trash(struct journal *j, int *removed, struct px_error *err);

/* ---- the text an editor holds ------------------------------------------ */

/* Editors (the UI's and $EDITOR) hold an entry as one text: a first line
 * "# Title", a blank line, then the body.  entry_split_text sets E's body
 * from TEXT, and its title from a leading "# Title" line when E has no
 * title yet; blank lines before the body and blank space after it are
 * dropped.  entry_join_text gives that text back for E's title and body,
 * ending in a newline (the caller frees it). */
void entry_split_text(struct entry *e, const char *text);
char *entry_join_text(const struct entry *e);

/* ---- listing ------------------------------------------------------------ */

struct entry_filter {
	int frame;                  /* -1: any, else enum entry_frame */
	const char *tag;            /* a tag; "power/" matches the whole family */
	const char *person;         /* a person's name */
	int64_t inquiry_id;         /* 0: any */
	char from[11];              /* 'YYYY-MM-DD' inclusive, "" for open */
	char to[11];
	int trash;                  /* 1: list the trash instead of live entries */
	int oldest_first;
	size_t limit;               /* 0: no limit */
	/* Keyset paging: continue after this (occurred_at, id), "" to start. */
	char after_occurred[20];
	int64_t after_id;
	/* Only these entries, when IDS is not NULL (none when N_IDS is 0): the
	 * entries behind a figure of a review.  Ids of trashed or removed
	 * entries are passed over; the other filters still apply. */
	const int64_t *ids;
	size_t n_ids;
};
void entry_filter_init(struct entry_filter *f);

struct entry_summary {
	int64_t id;
	char uuid[37];
	enum entry_frame frame;
	const char *title;          /* borrowed for the duration of the callback */
	const char *excerpt;        /* the body's first ~200 bytes */
	const char *tags;           /* space-separated, sorted */
	char occurred_at[20];
	char deleted_at[21];
	int word_count;
	int is_private;
	int64_t inquiry_id;
};

/* Call FN for each matching entry, newest first (or oldest first).  FN
 * returns non-zero to stop early.  Returns the number of entries passed to
 * FN, or -1. */
int entry_list(struct journal *j, const struct entry_filter *f,
	       int (*fn)(const struct entry_summary *s, void *ctx), void *ctx,
	       struct px_error *err);

/* Number of live (not trashed) entries. */
int entry_count(struct journal *j, int64_t *count, struct px_error *err);

/* ---- many at once (import) ---------------------------------------------------- */

/*
 * An entry batch adds entries as entry_add does (the same checks, tags and
 * people; UUID and timestamps kept when set) together with their answers
 * (answer.h), inside the caller's transaction: journal_begin before
 * entry_batch_new, entry_batch_free before journal_commit.  Outside a
 * transaction a batch is refused.
 *
 * It is many times faster than entry_add for many entries: tag and person
 * names are resolved in memory, and each entry is indexed for search once,
 * because its tags, people and answers are written before the entry
 * itself (foreign keys are deferred to the commit for that).  A refusal of
 * entry_batch_add is decided before anything is written and leaves the
 * transaction usable.
 */
struct entry_batch;
struct answer;

int entry_batch_new(struct journal *j, struct entry_batch **out, struct px_error *err);
/* Add E (E->id is set) with its N_ANSWERS answers, whose step ids must
 * differ.  E's tags and people become what entry_add makes of them.  The
 * entry rows are written a few dozen at a time: until entry_batch_flush
 * the latest ones are in the batch, not yet in the journal, and nothing
 * else may add entries meanwhile. */
int entry_batch_add(struct entry_batch *b, struct entry *e, const struct answer *answers,
		    size_t n_answers, struct px_error *err);
/* Write the entries still held.  Call it before anything reads them
 * (actions need their entry) and before the commit. */
int entry_batch_flush(struct entry_batch *b, struct px_error *err);
/* Make sure tag NAME (checked as a tag) exists, spelt as given when it is
 * new.  Returns 1 when it was added, 0 when the journal had it, or -1. */
int entry_batch_tag(struct entry_batch *b, const char *name, struct px_error *err);
/* Distinct tags and people the batch has used: written new, or found. */
struct entry_batch_counts {
	size_t tags_added, tags_found, people_added, people_found;
};
void entry_batch_counts(const struct entry_batch *b, struct entry_batch_counts *out);
/* Free B; entries still held are dropped (flush first to keep them). */
void entry_batch_free(struct entry_batch *b);

#endif
