/*
 * export.h — parts of the journal as a document for tutors and assessors,
 * or whole as praxis JSON to import elsewhere (REFLECTION.md §6).
 *
 * A selection picks live entries: by frame, tag (a family with "power/"),
 * person, inquiry, template, a date range, explicit ids and a search (every
 * entry it finds, in search.h's language), all of which must hold.  The trash is never exported, and private entries only with
 * include_private; with ids_strict an explicit id that names a trashed,
 * private (without include_private) or missing entry is an error, so
 * nothing is left out silently.  Entries come oldest first, as a portfolio
 * is read.
 *
 * Every format renders an entry with its structure: frame, dates, tags,
 * people, the template it came from, each answered step under its title
 * with the prompt as it was asked, scales, the actions it planned with
 * their outcomes and follow-ups, and the actions it followed up.  When
 * the selection is one inquiry, its question and its totals head the
 * document and the entries read as its chain of cycles.  Documents end
 * with the word count and a Harvard references list of the models the
 * entries' templates are based on, read from the template text the
 * journal kept for each version (snapshot.h).
 *
 * Word counts are of the learner's own words: entry bodies, written (text)
 * answers and the texts of planned actions, counted by text_word_count;
 * titles, prompts, headings, dates, choices, scales and the references are
 * not counted.  With anonymise they are counted on the anonymised text.
 *
 * anonymise replaces every person (anonymise.h) in every string the
 * export writes, titles, tags, answers, actions and inquiry questions
 * included.  An anonymised JSON export says so ("anonymised": true) and
 * lists stand-ins, not people; import refuses it.
 *
 * Formats: Markdown and plain text readable as they are; one self-contained
 * HTML file with a print stylesheet and everything escaped; praxis JSON
 * (format "praxis-journal", version EXPORT_JSON_VERSION, documented in
 * praxis(1)): entries, answers, tags, people, inquiries, actions and the
 * template texts used, keyed by UUID, in an order that depends only on the
 * journal's content, so that importing an export into an empty journal and
 * exporting again gives the same bytes (exported_at comes from date_now(),
 * fixed by PRAXIS_NOW).  DOCX and PDF are converted from the Markdown by
 * pandoc, run with execv (never a shell); without it they fail with
 * PX_ERR_NOT_FOUND naming the package.
 *
 * Writing: export_to_path() writes a temporary file (mode 0600) in the
 * target's folder, flushes it to disk and renames it over the target, so a
 * failed export never leaves a partial file and never touches an existing
 * one.  export_to_fd() writes to an open descriptor (standard output).
 * Both read the journal in one read transaction, so the document is one
 * consistent moment of it, and never write to the journal.
 */
#ifndef PRAXIS_EXPORT_H
#define PRAXIS_EXPORT_H

#include "praxis/entry.h"
#include "praxis/error.h"
#include "praxis/journal.h"

#include <stddef.h>
#include <stdint.h>

#define EXPORT_JSON_FORMAT "praxis-journal"
#define EXPORT_JSON_VERSION 1
#define EXPORT_MAX_IDS 10000

enum export_format {
	EXPORT_MARKDOWN, EXPORT_HTML, EXPORT_JSON, EXPORT_TEXT, EXPORT_DOCX, EXPORT_PDF,
};

/* "md", "html", "json", "txt", "docx", "pdf". */
const char *export_format_name(enum export_format f);
/* Those names, and "markdown" and "text"; the error suggests the nearest. */
int export_format_parse(const char *name, enum export_format *out, struct px_error *err);
/* 1 for DOCX and PDF, which need pandoc. */
int export_format_binary(enum export_format f);
/* Whether F can be written here: 0, or for DOCX and PDF without PANDOC
 * (NULL: "pandoc" on $PATH) -1 with the PX_ERR_NOT_FOUND error naming the
 * package that export_to_path would fail with.  For a face to offer only
 * what works, before asking for a file. */
int export_format_ready(enum export_format f, const char *pandoc, struct px_error *err);

struct export_selection {
	int frame;                  /* -1: any, else enum entry_frame */
	const char *tag;            /* NULL: any; "power/" is a family */
	const char *person;         /* NULL: any; a person's name */
	int64_t inquiry_id;         /* 0: any */
	const char *template_id;    /* NULL: any; entries written with that template */
	char from[11], to[11];      /* 'YYYY-MM-DD' inclusive, "" for open */
	const int64_t *ids;         /* NULL: any; else only these (at most EXPORT_MAX_IDS) */
	/* NULL: any; else the entries a search for it finds (search.h), all of
	 * them: a query that does not parse fails as search_compile says. */
	const char *query;
	size_t n_ids;
	/* 1: an id that cannot be exported (missing, trashed, private without
	 * include_private) is an error; 0: it is passed over, as a list filter
	 * passes it over. */
	int ids_strict;
	int include_private;
};

void export_selection_init(struct export_selection *s);
/* What a list filter shows (the Browse screen): frame, tag, person,
 * inquiry, dates and ids (not strict: those the list passes over are
 * passed over); its paging, limit, order and trash are not a selection and
 * are ignored.  Private entries follow include_private, 0 here. */
void export_selection_from_filter(struct export_selection *s, const struct entry_filter *f);

struct template_set;

/* Called every few hundred entries with how many are written so far
 * (export_count gives the total to expect). */
typedef void export_progress_fn(size_t done, void *ctx);

struct export_options {
	enum export_format format;
	struct export_selection sel;
	int anonymise;
	const char *title;          /* the cover's title; NULL: "Learning journal" */
	const char *author;         /* the learner's name on the cover, NULL: none */
	const char *course;         /* module or course on the cover, NULL: none */
	size_t entry_limit;         /* report entries of more words (0: none) */
	/* Vocabularies to read template snapshots with: a template that uses
	 * one does not load without them.  Called only when a snapshot needs
	 * them (loading every template costs more than most exports); NULL:
	 * none. */
	const struct template_set *(*templates)(void *ctx);
	void *templates_ctx;
	const char *pandoc;         /* DOCX/PDF: the program; NULL: "pandoc" on $PATH */
	export_progress_fn *progress;
	void *ctx;
};

void export_options_init(struct export_options *o);

/* An entry with more words than entry_limit. */
struct export_overrun {
	int64_t id;
	char occurred_at[20];
	char *title;                /* as exported (anonymised with anonymise) */
	size_t words;
};

struct export_report {
	size_t entries;
	size_t words;               /* the learner's own words, in total */
	size_t references;
	struct export_overrun *over;
	size_t n_over;
	/* Template versions whose citations could not be read (no snapshot,
	 * or a snapshot that no longer loads): their references are missing. */
	size_t unread_templates;
};

void export_report_free(struct export_report *r);

/* How many entries SEL selects (to show progress against). */
int export_count(struct journal *j, const struct export_selection *sel, size_t *count,
		 struct px_error *err);

/* Write the export to FD; REPORT (may be NULL) says what was written. */
int export_to_fd(struct journal *j, const struct export_options *o, int fd,
		 struct export_report *report, struct px_error *err);
/* Write the export to PATH as described above. */
int export_to_path(struct journal *j, const struct export_options *o, const char *path,
		   struct export_report *report, struct px_error *err);

#endif
