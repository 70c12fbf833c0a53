/*
 * import.h — adding entries from elsewhere: praxis JSON (an export, see
 * export.h), or a journal kept with jrnl (its JSON export, or its plain
 * text file).
 *
 * An import is one transaction: the whole file is read and checked as it
 * is written, and any problem rolls everything back, so a file is either
 * imported entirely or not at all.  A problem is one error, one line of
 * valid UTF-8 (a newline in a value it quotes is folded, a quote cut short
 * ends on a whole character), naming the file, the place (JSON: line,
 * column and the JSON path, such as "entries[12].occurred_at"; jrnl text:
 * the line) and what is wrong:
 *
 *     journal.json:130:22: entries[3].occurred_at: '2026-02-30 10:00:00' is
 *     not a valid date-time
 *     journal.txt:57: '2018-13-02 10:00 PM' is not a valid date
 *
 * Malformed input of any kind is refused that way: bad JSON (jsonread.h),
 * wrong types, missing or unknown members (praxis JSON), invalid UTF-8, a
 * file cut short, dates that do not parse, links to records that are
 * neither in the file nor in the journal, and anything the journal's own
 * rules refuse (an empty entry, a bad tag).
 *
 * praxis JSON: records are matched by UUID, so importing the same export
 * twice adds nothing the second time (entries, inquiries and actions
 * already in the journal are skipped, not changed), and an export imported
 * into an empty journal and exported again gives the same document.
 * People are matched by name: one the journal has is kept as it is.  An
 * anonymised export is refused, since its people are stand-ins.
 *
 * jrnl: each entry becomes a note with its date and time, title, body and
 * starred mark.  jrnl's tags are written @tag; praxis reads @Name as a
 * person and #tag as a tag, so every @word jrnl meant as a tag is written
 * #word, and the tags jrnl listed are kept.  jrnl has no ids: an entry's
 * UUID is made from its date, title and body (a SHA-256, RFC 9562 version
 * 8), so importing the same journal again skips the entries it added.
 * The text format is jrnl's default: "[YYYY-MM-DD HH:MM[:SS][ AM|PM]]
 * Title" lines, each followed by the entry's body; a title line ending in
 * " *" marks a starred entry.
 *
 * The format is guessed from the content when not given.  The summary says
 * how many records were added and how many skipped (already there).
 */
#ifndef PRAXIS_IMPORT_H
#define PRAXIS_IMPORT_H

#include "praxis/error.h"
#include "praxis/journal.h"

#include <stddef.h>

#define IMPORT_MAX_FILE (1024u * 1024u * 1024u)   /* bytes */

enum import_format { IMPORT_GUESS, IMPORT_PRAXIS, IMPORT_JRNL_JSON, IMPORT_JRNL_TXT };

/* "guess", "praxis", "jrnl-json", "jrnl-txt". */
const char *import_format_name(enum import_format f);
/* Those names ("json" for praxis too); the error suggests the nearest. */
int import_format_parse(const char *name, enum import_format *out, struct px_error *err);

/* Called every few hundred entries: DONE of TOTAL entries in the file
 * (TOTAL is 0 for a jrnl text file, whose entries are found as it is read). */
typedef void import_progress_fn(size_t done, size_t total, void *ctx);

struct import_options {
	enum import_format format;  /* IMPORT_GUESS: from the content */
	import_progress_fn *progress;
	void *ctx;
};

struct import_counts {
	size_t added, skipped;
};

struct import_summary {
	enum import_format format;  /* the format read */
	struct import_counts entries, tags, people, inquiries, actions, templates;
};

/* Read PATH (a regular file, not a symbolic link, at most IMPORT_MAX_FILE
 * bytes) and import it; errors name PATH. */
int import_file(struct journal *j, const char *path, const struct import_options *o,
		struct import_summary *summary, struct px_error *err);

/* Read FD to its end (a pipe: standard input; at most IMPORT_MAX_FILE
 * bytes), then import it as import_file does; errors name NAME.  A
 * terminal is refused. */
int import_stream(struct journal *j, int fd, const char *name, const struct import_options *o,
		  struct import_summary *summary, struct px_error *err);

/* Import the LEN bytes of BUF, named NAME in errors.  BUF is rewritten in
 * place (JSON strings are decoded where they lie). */
int import_buffer(struct journal *j, char *buf, size_t len, const char *name,
		  const struct import_options *o, struct import_summary *summary,
		  struct px_error *err);

#endif
