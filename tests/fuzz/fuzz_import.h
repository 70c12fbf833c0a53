/*
 * fuzz_import.h — what the importer targets share (fuzz_import_praxis.c,
 * fuzz_import_jrnl_json.c, fuzz_import_jrnl_txt.c): a journal to import
 * into, a second SQLite connection on it that sees what really landed in
 * the file, and the checks of what import.h promises.
 *
 * The journal is made once per process in a private folder under /dev/shm
 * (or $TMPDIR) from a small praxis document and a jrnl entry, so inputs
 * can link to its inquiry and entry and collide with its UUIDs, people and
 * tags.  Its bytes are kept: an input that added something is undone by
 * writing them back (an import commits; it cannot be wrapped in a
 * transaction the target rolls back, since begins nest and only the
 * outermost one would then decide).
 *
 * Checked for every input:
 *   - a refusal is one line naming the file and its place (line, and
 *     column for JSON), of a kind that says the input is wrong (syntax,
 *     invalid or limit: never a database failure, which would mean the
 *     input got past the importer's checks into SQLite's), with nothing
 *     counted and nothing in the file changed (SQLite's data_version and
 *     every table's row count);
 *   - an import that succeeds added exactly what its summary says, table
 *     by table, and one that added nothing wrote nothing (records already
 *     there are skipped, not changed); a jrnl journal adds no people (its
 *     @words are tags); the
 *     journal then passes journal_check, SQLite's integrity and foreign-key
 *     checks and the search index's own check, and the index agrees with
 *     every entry;
 *   - the same input again, with the format guessed (praxis JSON, jrnl
 *     text) or named (jrnl JSON, which names nothing), succeeds, adds
 *     nothing, counts every record of the first run as already there and
 *     writes nothing to the file;
 *   - the journal exported as praxis JSON imports into an empty journal
 *     which exports to the same bytes;
 *   - progress reports count up and never past their total.
 */
#ifndef PRAXIS_FUZZ_IMPORT_H
#define PRAXIS_FUZZ_IMPORT_H

#include "fuzz.h"

#include "praxis/export.h"
#include "praxis/import.h"
#include "praxis/journal.h"
#include "praxis/text.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdint.h>
#include <unistd.h>

struct import_world {
	struct journal *j;      /* the journal inputs are imported into */
	sqlite3 *peek;          /* a second connection on its file */
	char dir[256], path[300], blank_path[300], out_path[300];
	char *base, *blank;     /* the bytes of the journal as made, and of an empty one */
	size_t base_len, blank_len;
};

static struct import_world import_world_;

/* The records the journal starts with: an inquiry, an entry in it that
 * plans an action, a person with a role, a tag. */
static const char import_world_doc[] =
	"{\"format\": \"praxis-journal\", \"version\": 1,\n"
	" \"people\": [{\"name\": \"Sam\", \"role\": \"mentor\", \"pseudonym\": \"\"}],\n"
	" \"tags\": [\"baseline\"],\n"
	" \"inquiries\": [{\"uuid\": \"00000000-0000-4000-8000-00000000a001\",\n"
	"   \"question\": \"What helps a handover?\", \"status\": \"open\",\n"
	"   \"opened_at\": \"2026-03-01 09:00:00\"}],\n"
	" \"entries\": [{\"uuid\": \"00000000-0000-4000-8000-00000000e001\", \"frame\": \"inquiry\",\n"
	"   \"title\": \"The first handover\", \"body\": \"Asked @Sam first. #baseline\",\n"
	"   \"occurred_at\": \"2026-03-01 09:00:00\",\n"
	"   \"inquiry\": \"00000000-0000-4000-8000-00000000a001\"}],\n"
	" \"actions\": [{\"uuid\": \"00000000-0000-4000-8000-00000000c001\",\n"
	"   \"planned_by\": \"00000000-0000-4000-8000-00000000e001\",\n"
	"   \"text\": \"Ask before deciding\", \"due_date\": \"2026-03-08\", \"status\": \"open\"}]}\n";
static const char import_world_jrnl[] =
	"[2020-01-01 09:00] Baseline jrnl entry.\nSomething @work related.\n";

static char *import_slurp(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		fuzz_fail("cannot read %s", path);
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap + 1);
	ssize_t got;
	while (buf && (got = read(fd, buf + n, cap - n)) > 0) {
		n += (size_t)got;
		if (n == cap)
			buf = realloc(buf, (cap *= 2) + 1);
	}
	close(fd);
	if (!buf)
		abort();
	buf[n] = '\0';
	*len = n;
	return buf;
}

static void import_spill(const char *path, const char *bytes, size_t len)
{
	int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
	if (fd < 0 || write(fd, bytes, len) != (ssize_t)len || close(fd) < 0)
		fuzz_fail("cannot write %s", path);
}

static void import_unlink_all(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm" };
	for (size_t i = 0; i < 3; i++) {
		char file[320];
		snprintf(file, sizeof file, "%s%s", path, suffixes[i]);
		unlink(file);
	}
}

static struct journal *import_open(const char *path)
{
	struct journal *j = NULL;
	struct px_error err;
	px_error_clear(&err);
	if (journal_open(path, JOURNAL_CREATE, &j, &err) < 0)
		fuzz_fail("cannot open %s: %s", path, err.msg);
	return j;
}

static void import_close(struct journal *j)
{
	if (journal_close(j) < 0)
		fuzz_fail("a statement or transaction was left open");
}

/* Put the journal back as it was made. */
static void import_world_reset(struct import_world *w)
{
	sqlite3_close(w->peek);
	import_close(w->j);
	import_spill(w->path, w->base, w->base_len);
	w->j = import_open(w->path);
	if (sqlite3_open_v2(w->path, &w->peek, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		fuzz_fail("cannot open a second connection: %s", sqlite3_errmsg(w->peek));
}

static void import_world_remove(void)
{
	struct import_world *w = &import_world_;
	sqlite3_close(w->peek);
	import_close(w->j);
	import_unlink_all(w->path);
	import_unlink_all(w->blank_path);
	unlink(w->out_path);
	rmdir(w->dir);
	free(w->base);
	free(w->blank);
}

static int import_setup(struct journal *j, const char *text, enum import_format f)
{
	char *copy = fuzz_cstr((const uint8_t *)text, strlen(text));
	struct import_options o = { .format = f };
	struct px_error err;
	px_error_clear(&err);
	int rc = import_buffer(j, copy, strlen(text), "setup", &o, NULL, &err);
	if (rc < 0)
		fuzz_fail("cannot set up the fuzz journal: %s", err.msg);
	free(copy);
	return rc;
}

static struct import_world *import_world(void)
{
	struct import_world *w = &import_world_;
	if (w->j)
		return w;
	const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
	snprintf(w->dir, sizeof w->dir, "%s/praxis-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(w->dir))
		fuzz_fail("cannot make a folder for the fuzz journal");
	snprintf(w->path, sizeof w->path, "%.255s/journal.db", w->dir);
	snprintf(w->blank_path, sizeof w->blank_path, "%.255s/blank.db", w->dir);
	snprintf(w->out_path, sizeof w->out_path, "%.255s/export.json", w->dir);
	setenv("PRAXIS_NOW", "2026-03-10T09:00:00", 1);
	/* Closing folds the WAL in, so the file alone is the journal. */
	import_close(import_open(w->blank_path));
	w->blank = import_slurp(w->blank_path, &w->blank_len);
	struct journal *j = import_open(w->path);
	import_setup(j, import_world_doc, IMPORT_PRAXIS);
	import_setup(j, import_world_jrnl, IMPORT_JRNL_TXT);
	import_close(j);
	w->base = import_slurp(w->path, &w->base_len);
	w->j = import_open(w->path);
	if (sqlite3_open_v2(w->path, &w->peek, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		fuzz_fail("cannot open a second connection: %s", sqlite3_errmsg(w->peek));
	atexit(import_world_remove);
	return w;
}

/* ---- what is in the file ------------------------------------------------------ */

enum { T_ENTRY, T_ANSWER, T_TAG, T_ENTRY_TAG, T_PERSON, T_ENTRY_PERSON, T_INQUIRY, T_ACTION,
       T_TEMPLATE, T_DRAFT, T_FTS, T_VERSION, T_COUNT };

static const char *const tally_names[T_COUNT] = {
	"entries", "answers", "tags", "entry tags", "people", "entry people", "inquiries",
	"actions", "template versions", "drafts", "search rows", "data_version",
};

struct tally {
	int64_t n[T_COUNT];
};

static int64_t peek_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK || sqlite3_step(s) != SQLITE_ROW)
		fuzz_fail("peeking with '%s': %s", sql, sqlite3_errmsg(db));
	int64_t v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static struct tally tally_of(struct import_world *w)
{
	static const char *const sql[T_COUNT] = {
		"SELECT count(*) FROM entry", "SELECT count(*) FROM answer",
		"SELECT count(*) FROM tag", "SELECT count(*) FROM entry_tag",
		"SELECT count(*) FROM person", "SELECT count(*) FROM entry_person",
		"SELECT count(*) FROM inquiry", "SELECT count(*) FROM action",
		"SELECT count(*) FROM template_version", "SELECT count(*) FROM draft",
		"SELECT count(*) FROM entry_fts", "PRAGMA data_version",
	};
	struct tally t;
	for (int i = 0; i < T_COUNT; i++)
		t.n[i] = peek_int(w->peek, sql[i]);
	return t;
}

static void tally_same(const struct tally *a, const struct tally *b, const char *when)
{
	for (int i = 0; i < T_COUNT; i++)
		if (a->n[i] != b->n[i])
			fuzz_fail("%s: %s went from %lld to %lld", when, tally_names[i],
				  (long long)a->n[i], (long long)b->n[i]);
}

static void journal_problem(const char *problem, void *ctx)
{
	(void)ctx;
	fuzz_fail("the journal has a problem: %s", problem);
}

/* The journal passes every check there is, its own and SQLite's. */
static void import_sound(struct import_world *w)
{
	struct px_error err;
	px_error_clear(&err);
	if (journal_check(w->j, journal_problem, NULL, &err) != 0)
		fuzz_fail("journal_check failed: %s", err.msg);
	char *msg = NULL;
	if (sqlite3_exec(w->peek, "INSERT INTO entry_fts (entry_fts) VALUES ('integrity-check')",
			 NULL, NULL, &msg) != SQLITE_OK)
		fuzz_fail("the search index fails its check: %s", msg ? msg : "");
	FUZZ_CHECK(peek_int(w->peek, "SELECT count(*) FROM entry e LEFT JOIN entry_fts f "
			   "ON f.rowid = e.id WHERE f.rowid IS NULL OR f.title IS NOT e.title "
			   "OR f.body IS NOT e.body") == 0);
	FUZZ_CHECK(peek_int(w->peek, "SELECT count(*) FROM entry_fts") ==
		   peek_int(w->peek, "SELECT count(*) FROM entry"));
}

/* ---- the checks ------------------------------------------------------------------ */

struct progress_seen {
	size_t calls, last, total;
};

static void progress_check(size_t done, size_t total, void *ctx)
{
	struct progress_seen *p = ctx;
	FUZZ_CHECK(done > p->last || p->calls == 0);
	FUZZ_CHECK(total == 0 || done <= total);
	FUZZ_CHECK(p->calls == 0 || total == p->total);
	p->calls++;
	p->last = done;
	p->total = total;
}

static int import_run(struct import_world *w, const uint8_t *data, size_t size,
		      enum import_format f, const char *name, struct import_summary *s,
		      struct progress_seen *seen, struct px_error *err)
{
	char *buf = fuzz_cstr(data, size);
	struct import_options o = { .format = f, .progress = progress_check, .ctx = seen };
	memset(seen, 0, sizeof *seen);
	px_error_clear(err);
	int rc = import_buffer(w->j, buf, size, name, &o, s, err);
	free(buf);
	return rc;
}

static bool counts_zero(const struct import_summary *s)
{
	const struct import_counts *c[] = { &s->entries, &s->tags, &s->people, &s->inquiries,
					   &s->actions, &s->templates };
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
		if (c[i]->added || c[i]->skipped)
			return false;
	return true;
}

static bool nothing_added(const struct import_summary *s)
{
	return !s->entries.added && !s->tags.added && !s->people.added && !s->inquiries.added &&
	       !s->actions.added && !s->templates.added;
}

static void check_refusal(const struct px_error *err, const struct import_summary *s,
			  const char *name, bool json)
{
	char line[PX_ERROR_WHERE_MAX + PX_ERROR_MSG_MAX + 32];
	px_error_format(err, line, sizeof line);
	size_t bad;
	if (!err->msg[0] || strcmp(err->where, name) != 0 || err->line < 1 ||
	    (json && err->column < 1))
		fuzz_fail("a refusal names the file and the place: '%s'", line);
	if (strchr(line, '\n'))
		fuzz_fail("a refusal is one line: '%s'", line);
	if (!text_utf8_valid(line, strlen(line), &bad))
		fuzz_fail("a refusal is valid UTF-8 (byte %zu): '%s'", bad, line);
	if (err->code != PX_ERR_SYNTAX && err->code != PX_ERR_INVALID && err->code != PX_ERR_LIMIT)
		fuzz_fail("a refusal says the input is wrong, not '%s': '%s'",
			  px_error_code_name(err->code), line);
	FUZZ_CHECK(counts_zero(s));
}

/* What the summary says was added is what the file gained, table by table. */
static void check_added(const struct tally *before, const struct tally *after,
			const struct import_summary *s, enum import_format f)
{
	const struct { int table; size_t added; } kinds[] = {
		{ T_ENTRY, s->entries.added }, { T_TAG, s->tags.added },
		{ T_PERSON, s->people.added }, { T_INQUIRY, s->inquiries.added },
		{ T_ACTION, s->actions.added }, { T_TEMPLATE, s->templates.added },
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		int64_t grew = after->n[kinds[i].table] - before->n[kinds[i].table];
		if (grew != (int64_t)kinds[i].added)
			fuzz_fail("the summary says %zu %s added, the journal has %lld more",
				  kinds[i].added, tally_names[kinds[i].table], (long long)grew);
	}
	FUZZ_CHECK(after->n[T_DRAFT] == before->n[T_DRAFT]);
	FUZZ_CHECK(s->format == f);
	if (f != IMPORT_PRAXIS) {
		FUZZ_CHECK(s->people.added == 0);
		FUZZ_CHECK(!s->inquiries.added && !s->actions.added && !s->templates.added);
		FUZZ_CHECK(after->n[T_ANSWER] == before->n[T_ANSWER]);
	}
}

/* The same input again adds nothing and finds everything the first run
 * read already there. */
static void check_again(struct import_world *w, const uint8_t *data, size_t size,
			enum import_format f, const char *name, const struct import_summary *first)
{
	struct import_summary s;
	struct progress_seen seen;
	struct px_error err;
	struct tally before = tally_of(w);
	enum import_format again = f == IMPORT_JRNL_JSON ? f : IMPORT_GUESS;
	if (import_run(w, data, size, again, name, &s, &seen, &err) < 0) {
		char line[PX_ERROR_WHERE_MAX + PX_ERROR_MSG_MAX + 32];
		px_error_format(&err, line, sizeof line);
		fuzz_fail("imported once, refused the second time: %s", line);
	}
	FUZZ_CHECK(s.format == f);
	FUZZ_CHECK(nothing_added(&s));
	FUZZ_CHECK(s.entries.skipped == first->entries.added + first->entries.skipped);
	FUZZ_CHECK(s.inquiries.skipped == first->inquiries.added + first->inquiries.skipped);
	FUZZ_CHECK(s.actions.skipped == first->actions.added + first->actions.skipped);
	FUZZ_CHECK(s.templates.skipped == first->templates.added + first->templates.skipped);
	struct tally after = tally_of(w);
	tally_same(&before, &after, "importing the same input again");
}

static char *export_json(struct journal *j, const char *path, size_t *len)
{
	struct export_options o;
	export_options_init(&o);
	o.format = EXPORT_JSON;
	o.sel.include_private = 1;
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	struct px_error err;
	px_error_clear(&err);
	if (fd < 0 || export_to_fd(j, &o, fd, NULL, &err) < 0)
		fuzz_fail("cannot export the journal: %s", err.msg);
	close(fd);
	return import_slurp(path, len);
}

/* The first line where A and B differ, for the failure message. */
static void first_difference(const char *a, const char *b, char *out, size_t size)
{
	int line = 1;
	size_t i = 0, start = 0;
	while (a[i] && a[i] == b[i]) {
		if (a[i] == '\n') {
			line++;
			start = i + 1;
		}
		i++;
	}
	snprintf(out, size, "line %d: '%.*s' against '%.*s'", line,
		 (int)strcspn(a + start, "\n"), a + start, (int)strcspn(b + start, "\n"),
		 b + start);
}

/* The journal's own export goes into an empty journal and comes out the same. */
static void check_round_trip(struct import_world *w)
{
	size_t len, len2;
	char *doc = export_json(w->j, w->out_path, &len);
	struct journal *blank = import_open(w->blank_path);
	struct import_options o = { .format = IMPORT_GUESS };
	struct px_error err;
	px_error_clear(&err);
	char *copy = fuzz_cstr((const uint8_t *)doc, len);
	if (import_buffer(blank, copy, len, "export.json", &o, NULL, &err) < 0)
		fuzz_fail("the journal's export does not import: %s:%d:%d: %s", err.where, err.line,
			  err.column, err.msg);
	free(copy);
	char *again = export_json(blank, w->out_path, &len2);
	if (len != len2 || memcmp(doc, again, len) != 0) {
		char diff[600];
		first_difference(doc, again, diff, sizeof diff);
		fuzz_fail("export, import into an empty journal, export: not the same: %s", diff);
	}
	free(doc);
	free(again);
	import_close(blank);
	import_spill(w->blank_path, w->blank, w->blank_len);
}

/* Import DATA as format F, named NAME, and check every promise above. */
static int fuzz_import(const uint8_t *data, size_t size, enum import_format f, const char *name)
{
	struct import_world *w = import_world();
	struct import_summary s;
	struct progress_seen seen;
	struct px_error err;
	struct tally before = tally_of(w);
	bool json = f != IMPORT_JRNL_TXT;
	if (import_run(w, data, size, f, name, &s, &seen, &err) < 0) {
		check_refusal(&err, &s, name, json);
		struct tally after = tally_of(w);
		tally_same(&before, &after, "a refused import");
		return 0;
	}
	FUZZ_CHECK(seen.total == 0 || seen.last == seen.total);
	struct tally after = tally_of(w);
	check_added(&before, &after, &s, f);
	if (nothing_added(&s))
		tally_same(&before, &after, "an import that added nothing");
	import_sound(w);
	check_again(w, data, size, f, name, &s);
	if (!nothing_added(&s)) {
		check_round_trip(w);
		import_world_reset(w);
	}
	return 0;
}

#endif
