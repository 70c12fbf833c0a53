/*
 * export_impl.h — what the export's files share, private to the core:
 * the export context, an entry as the renderers see it (assembled from
 * one row of the selection and the preloaded tags, people, actions,
 * inquiries and template snapshots), the buffered output, the text
 * helpers every format needs, and the four renderers.
 *
 *   export.c         options, the selection statement, the read loop
 *   export_gather.c  preloads and assembling each entry (anonymised when
 *                    asked), word counts, templates and their citations
 *   export_out.c     buffered writing, cleaning and escaping text, dates,
 *                    the atomic file write and the pandoc conversion
 *   export_md.c export_html.c export_json.c export_txt.c   the formats
 *
 * A renderer is three calls: begin (the cover), entry (once per entry,
 * oldest first) and end (word count, references; JSON's other sections).
 * Strings of an xentry are borrowed for the entry call only.
 */
#ifndef PRAXIS_CORE_EXPORT_IMPL_H
#define PRAXIS_CORE_EXPORT_IMPL_H

#include "praxis/action.h"
#include "praxis/anonymise.h"
#include "praxis/answer.h"
#include "praxis/buf.h"
#include "praxis/cite.h"
#include "praxis/date.h"
#include "praxis/export.h"
#include "praxis/inquiry.h"
#include "praxis/template.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- output (export_out.c) ---------------------------------------------- */

#define XOUT_FLUSH_AT (256 * 1024)

struct xout {
	int fd;
	struct px_buf buf;
	int error;                  /* errno of the first failed write, 0 */
};

void xout_flush(struct xout *o);
/* Write out what is buffered once it passes XOUT_FLUSH_AT. */
void xout_step(struct xout *o);

/* S (LEN bytes) with control characters other than tab and newline, and
 * C1 controls, shown as U+FFFD: an export may be read on a terminal. */
void xclean(struct px_buf *b, const char *s, size_t len);
void xclean_s(struct px_buf *b, const char *s);
/* As xclean, escaped for HTML text and attribute values (& < > " '). */
void xhtml(struct px_buf *b, const char *s, size_t len);
void xhtml_s(struct px_buf *b, const char *s);
/* 'YYYY-MM-DD HH:MM:SS' as "Mon 9 Mar 2026 14:30" (no time at midnight
 * when DATE_ONLY), or the text as it is when it does not parse. */
void xdate_human(struct px_buf *b, const char *stored, bool with_time);
/* "1,234": counts in prose. */
void xcount(struct px_buf *b, size_t n);

/* ---- what an entry is made of --------------------------------------------- */

struct xtemplate {
	char *id;
	int version;
	char *hash;
	char *yaml;                 /* the snapshot, NULL when there is none */
	struct template *t;         /* NULL when it could not be read */
};

struct xinquiry {
	int64_t id;
	char uuid[37];
	char *question, *summary;   /* anonymised when asked */
	enum inquiry_status status;
	char opened_at[20], closed_at[20], created_at[21], updated_at[21];
	bool used;                  /* an exported entry belongs to it */
};

struct xaction {
	int64_t id;
	char uuid[37];
	char *text;                 /* anonymised when asked */
	size_t words;
	char due_date[11];
	enum action_status status;
	enum action_outcome outcome;
	int position;
	char *follow_up_template;
	char created_at[21], updated_at[21];
	int64_t planned_by;
	int64_t followed_up_by;     /* 0: none */
	/* The follow-up entry, read for the document formats only. */
	char *follower_title;       /* anonymised when asked; "" when not to be shown */
	char follower_at[20];
	bool follower_shown;        /* live, and not private unless private is exported */
};

struct xanswer {
	struct answer a;            /* strings anonymised when asked */
	const struct template_step *step;   /* from the snapshot; NULL when unknown */
	size_t words;
	bool counted;               /* the learner's own words: a text answer */
};

struct xentry {
	int64_t id;
	const char *uuid;
	enum entry_frame frame;
	const char *title, *body;
	const char *occurred_at, *period_start, *period_end, *created_at, *updated_at;
	int is_private, starred;
	const struct xinquiry *inquiry;      /* NULL: none */
	const char *template_id;             /* NULL: written freely */
	int template_version;
	const char *template_hash;
	const struct xtemplate *tmpl;        /* NULL: written freely */
	const char **tags;                   /* sorted by name */
	const bool *tag_explicit;
	size_t n_tags;
	const char **people;                 /* names; stand-ins when anonymising */
	const char **people_shown;           /* as documents show them, same order */
	size_t n_people;
	const struct xanswer *answers;
	size_t n_answers;
	const struct xaction *const *planned;   /* in position order */
	size_t n_planned;
	const struct xaction *const *follows;   /* actions it followed up */
	size_t n_follows;
	size_t words;
};

/* ---- the context ------------------------------------------------------------- */

/* Where each entry's rows start in a list sorted by entry id. */
struct xindex;

/* An entry seen by the export: written, or looked up for a link. */
struct xseen {
	int64_t id;                 /* 0: an empty slot of the map */
	char uuid[37];
	char occurred_at[20];
	char *title;                /* anonymised when asked */
	bool exported;              /* written in this export */
	bool shown;                 /* live, and not private unless private is exported */
};

struct xpair {
	int64_t entry_id, other_id;
	bool flag;
};

struct xname {
	int64_t id;
	char *name;                 /* as exported (people: a stand-in when anonymising) */
	char *shown;                /* people in documents: "@Sam", or the mention's stand-in */
	char *role, *pseudonym;     /* people */
	size_t rank;                /* place in name order */
	bool used;
};

struct export_ctx;

struct export_renderer {
	void (*begin)(struct export_ctx *x);
	void (*entry)(struct export_ctx *x, const struct xentry *e);
	void (*end)(struct export_ctx *x);
	void (*release)(struct export_ctx *x);  /* frees rstate after a failure; may be NULL */
};

extern const struct export_renderer export_md_renderer;
extern const struct export_renderer export_html_renderer;
extern const struct export_renderer export_json_renderer;
extern const struct export_renderer export_txt_renderer;

struct export_ctx {
	struct journal *j;
	const struct export_options *o;
	const struct export_renderer *r;
	void *rstate;               /* the renderer's own state */
	struct xout out;
	struct anonymiser *anon;    /* NULL unless anonymising */
	char now[20];               /* 'YYYY-MM-DD HH:MM:SS', local */
	char *selection;            /* the selection in words, for the cover */
	const struct xinquiry *focus;        /* the one inquiry selected, or NULL */
	struct chain_totals focus_totals;
	/* preloaded */
	struct xname *tags, *people;
	size_t n_tags, n_people;
	struct xpair *entry_tags, *entry_people;     /* sorted by entry */
	size_t n_entry_tags, n_entry_people;
	struct xinquiry *inquiries;                  /* by id */
	size_t n_inquiries;
	struct xaction *actions;
	size_t n_actions;
	struct xaction **by_planner, **by_follower;  /* sorted by that entry */
	size_t n_by_follower;
	struct xindex *idx_tags, *idx_people, *idx_planner, *idx_follower;
	bool ranked;                                 /* names have their rank */
	struct xseen *seen;                          /* a map by id */
	size_t cap_seen, n_seen;
	struct xtemplate *templates;
	size_t n_templates, cap_templates;
	/* gathered while writing */
	struct cite_list *cites;
	bool adapted;               /* a template says its prompts are adapted */
	size_t entries, words;
	struct export_report *report;
	int failed;                 /* a gather step failed: ERR says why */
	struct px_error *err;
};

/* ---- the selection (export.c) ---------------------------------------------------- */

/* The statement HEAD (columns), SEL's conditions and TAIL, bound; IDS and
 * MATCH hold what it is bound to until it is done (free MATCH).  NULL, with
 * ERR set, when the search does not parse or the statement cannot be
 * made. */
sqlite3_stmt *xselect_entries(struct journal *j, const struct export_selection *sel,
			      const char *head, const char *tail, struct px_buf *ids,
			      char **match, struct px_error *err);

/* ---- gathering (export_gather.c) ------------------------------------------------ */

int xgather_load(struct export_ctx *x);
/* The most entries a selection may have for xgather_load to read only
 * their links and actions (by index) rather than every one (in a pass);
 * the documents are the same either way, which the unit tests check by
 * setting it to 0. */
extern size_t xgather_narrow_max;
void xgather_free(struct export_ctx *x);
/* The template version an entry was written with, loaded on first use. */
const struct xtemplate *xgather_template(struct export_ctx *x, const char *id, int version,
					 const char *hash);
/* Inquiry ID (0 or unknown: NULL), marked as used by the export. */
struct xinquiry *xgather_inquiry(struct export_ctx *x, int64_t id);
/* A person or tag name as exported: the stand-in when anonymising. */
struct xname *xgather_person(struct export_ctx *x, int64_t id);
struct xname *xgather_tag(struct export_ctx *x, int64_t id);
/* Anonymise S into a new string when asked, else copy it. */
char *xgather_text(struct export_ctx *x, const char *s);
/* Remember E as written (its uuid, title and date, for links to it). */
void xgather_note_written(struct export_ctx *x, const struct xentry *e);
/* Entry ID as links show it: written, or read now (NULL when there is no
 * such entry, or on a read error with x->failed set). */
const struct xseen *xgather_entry(struct export_ctx *x, int64_t id);
/* Entry ID if this export wrote it (so far), else NULL; never reads. */
const struct xseen *xgather_written(const struct export_ctx *x, int64_t id);
/* The planner of A as "‘Title’, Mon 9 Mar 2026" (or "an entry"). */
void xplanner(struct export_ctx *x, const struct xaction *a, struct px_buf *b);
/* Complete E (its row fields set) with everything it is made of, in
 * *STORE (made on first use, reused for every later entry; E's strings
 * last until the next call), freed with xentry_release. */
struct xentry_store;
int xentry_assemble(struct export_ctx *x, struct xentry *e, int cached_words,
		    struct xentry_store **store);
void xentry_release(struct xentry_store *store);

/* ---- shared by the document formats -------------------------------------------- */

/* "Critical incident · Mon 9 Mar 2026 14:30 · 182 words" and the like. */
void xmeta_line(const struct export_ctx *x, const struct xentry *e, struct px_buf *b);
/* The heading: the title, or "Entry of Mon 9 Mar 2026". */
void xheading(const struct xentry *e, struct px_buf *b);
/* What an action came to: "due Mon 16 Mar 2026 · done, worked · followed up by
 * 'Briefing' (Mon 16 Mar 2026)". */
void xaction_status(const struct xaction *a, struct px_buf *b);
/* "7 (scale 0 to 10: not at all – completely)" for a scale answer. */
void xscale_value(const struct xanswer *a, struct px_buf *b);
/* The sentence stating what is counted. */
extern const char xword_rule[];
/* The inquiry's status line: "open since …" / "opened … closed …". */
void xinquiry_line(const struct xinquiry *q, struct px_buf *b);
/* The plain formats' cover, in their words: "AUTHOR · COURSE" and END when
 * either was given; "Entries: SELECTION. Exported DATE." (or "All
 * entries. ..."), cleaned. */
void xcover_byline(const struct export_ctx *x, struct px_buf *b, const char *end);
void xcover_chosen(const struct export_ctx *x, struct px_buf *b);
/* " · 4 entries, 3 actions, 2 cycles closed". */
void xinquiry_totals(const struct chain_totals *t, struct px_buf *b);

#endif
