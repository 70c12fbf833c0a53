/*
 * fuzz_import.h — what the importer targets share (fuzz_import_praxis.c,
 * fuzz_import_jrnl_json.c, fuzz_import_jrnl_txt.c): a journal to import
 * into, a second SQLite connection on it that sees what really landed in
 * the file, and the checks of what import.h promises.
 *
 * The journal is made once per process in a private folder under /dev/shm
 * (or $TMPDIR) from a small praxis document and a jrnl entry, so inputs
 * can link to its inquiry and entry and collide with its UUIDs, people and
 * tags.  An import commits (it cannot be wrapped in a transaction the
 * target rolls back: begins nest, and the outermost one would decide for
 * it), so what an input added is deleted again through the second
 * connection, every table trimmed back to its last id as made; the
 * journal's export must then be what it was.  Connections stay open:
 * opening one costs more, under the sanitizers, than an import.
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
 *   - with what it added taken out, the journal exports as it did before:
 *     nothing it had was changed;
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
	struct journal *blank;  /* an empty one, for round trips */
	sqlite3 *peek, *blank_peek;   /* second connections on their files */
	sqlite3_stmt *counts, *version;
	sqlite3_stmt *trim[2][6];     /* trim()'s DELETEs on each, compiled once */
	char dir[256], path[300], blank_path[300], out_path[300];
	int64_t last[5];        /* the last id of each table reset() trims */
	char *base;             /* the journal's export as made */
	size_t base_len;
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
	size_t cap = 16384, n = 0;
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

static void import_unlink_all(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm" };
	for (size_t i = 0; i < 3; i++) {
		char file[320];
		snprintf(file, sizeof file, "%s%s", path, suffixes[i]);
		unlink(file);
	}
}

static struct journal *import_open(const char *path, sqlite3 **peek)
{
	struct journal *j = NULL;
	struct px_error err;
	px_error_clear(&err);
	if (journal_open(path, JOURNAL_CREATE, &j, &err) < 0)
		fuzz_fail("cannot open %s: %s", path, err.msg);
	/* Foreign keys on, so that trimming an entry takes its answers, tags
	 * and people with it. */
	if (sqlite3_open_v2(path, peek, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_exec(*peek, "PRAGMA foreign_keys=ON", NULL, NULL, NULL) != SQLITE_OK)
		fuzz_fail("cannot open a second connection on %s", path);
	return j;
}

static void import_close(struct journal *j)
{
	if (journal_close(j) < 0)
		fuzz_fail("a statement or transaction was left open");
}

static void peek_exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fuzz_fail("'%.60s': %s", sql, msg ? msg : "");
}

static int64_t peek_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK || sqlite3_step(s) != SQLITE_ROW)
		fuzz_fail("peeking with '%s': %s", sql, sqlite3_errmsg(db));
	int64_t v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static void import_world_remove(void)
{
	struct import_world *w = &import_world_;
	sqlite3_finalize(w->counts);
	sqlite3_finalize(w->version);
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < 6; i++)
			sqlite3_finalize(w->trim[k][i]);
	sqlite3_close(w->peek);
	sqlite3_close(w->blank_peek);
	import_close(w->j);
	import_close(w->blank);
	import_unlink_all(w->path);
	import_unlink_all(w->blank_path);
	unlink(w->out_path);
	rmdir(w->dir);
	free(w->base);
}

static void import_setup(struct journal *j, const char *text, enum import_format f)
{
	char *copy = fuzz_cstr((const uint8_t *)text, strlen(text));
	struct import_options o = { .format = f };
	struct px_error err;
	px_error_clear(&err);
	if (import_buffer(j, copy, strlen(text), "setup", &o, NULL, &err) < 0)
		fuzz_fail("cannot set up the fuzz journal: %s", err.msg);
	free(copy);
}

static char *export_json(struct journal *j, const char *path, size_t *len);

/* The tables an import adds to, newest rows last: trimming each back to
 * its last id as made undoes any import (entries take their answers, tags
 * and people with them; the journal had no template texts). */
static const char *const trimmed[5] = { "action", "entry", "inquiry", "tag", "person" };

/* Trim DB's tables back to LAST (all zero: empty them), with the DELETEs
 * cached in STMTS: compiling them, with their cascades and the search
 * index's triggers, costs more than running them. */
static void trim(sqlite3 *db, sqlite3_stmt **stmts, const int64_t *last)
{
	peek_exec(db, "BEGIN");
	for (int i = 0; i < 6; i++) {
		char sql[80];
		if (i < 5)
			snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id > ?1", trimmed[i]);
		else
			snprintf(sql, sizeof sql, "DELETE FROM template_version");
		if (!stmts[i] && sqlite3_prepare_v2(db, sql, -1, &stmts[i], NULL) != SQLITE_OK)
			fuzz_fail("'%s': %s", sql, sqlite3_errmsg(db));
		if (i < 5)
			sqlite3_bind_int64(stmts[i], 1, last[i]);
		if (sqlite3_step(stmts[i]) != SQLITE_DONE)
			fuzz_fail("'%s': %s", sql, sqlite3_errmsg(db));
		sqlite3_reset(stmts[i]);
	}
	peek_exec(db, "COMMIT");
}

static struct import_world *import_world(void)
{
	struct import_world *w = &import_world_;
	if (w->j)
		return w;
	/* Pages from a buffer of their own: three connections writing in
	 * turn reload each other's pages all the time, and through the
	 * sanitizer's malloc that cost more than the imports. */
	static char pages[4096][4096 + 256];
	int hdr = 0;
	sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &hdr);
	if (hdr <= 256)
		sqlite3_config(SQLITE_CONFIG_PAGECACHE, pages, (int)sizeof pages[0],
			       (int)(sizeof pages / sizeof pages[0]));
	const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
	snprintf(w->dir, sizeof w->dir, "%s/praxis-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(w->dir))
		fuzz_fail("cannot make a folder for the fuzz journal");
	snprintf(w->path, sizeof w->path, "%.255s/journal.db", w->dir);
	snprintf(w->blank_path, sizeof w->blank_path, "%.255s/blank.db", w->dir);
	snprintf(w->out_path, sizeof w->out_path, "%.255s/export.json", w->dir);
	setenv("PRAXIS_NOW", "2026-03-10T09:00:00", 1);
	w->blank = import_open(w->blank_path, &w->blank_peek);
	w->j = import_open(w->path, &w->peek);
	import_setup(w->j, import_world_doc, IMPORT_PRAXIS);
	import_setup(w->j, import_world_jrnl, IMPORT_JRNL_TXT);
	for (int i = 0; i < 5; i++) {
		char sql[80];
		snprintf(sql, sizeof sql, "SELECT coalesce(max(id), 0) FROM %s", trimmed[i]);
		w->last[i] = peek_int(w->peek, sql);
	}
	if (peek_int(w->peek, "SELECT count(*) FROM template_version") != 0)
		fuzz_fail("the fuzz journal starts with no template texts");
	w->base = export_json(w->j, w->out_path, &w->base_len);
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

static struct tally tally_of(struct import_world *w)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM entry), (SELECT count(*) FROM answer),"
		" (SELECT count(*) FROM tag), (SELECT count(*) FROM entry_tag),"
		" (SELECT count(*) FROM person), (SELECT count(*) FROM entry_person),"
		" (SELECT count(*) FROM inquiry), (SELECT count(*) FROM action),"
		" (SELECT count(*) FROM template_version), (SELECT count(*) FROM draft),"
		" (SELECT count(*) FROM entry_fts)";
	struct tally t;
	if ((!w->counts && sqlite3_prepare_v2(w->peek, sql, -1, &w->counts, NULL) != SQLITE_OK) ||
	    (!w->version && sqlite3_prepare_v2(w->peek, "PRAGMA data_version", -1, &w->version,
					       NULL) != SQLITE_OK) ||
	    sqlite3_step(w->counts) != SQLITE_ROW || sqlite3_step(w->version) != SQLITE_ROW)
		fuzz_fail("counting: %s", sqlite3_errmsg(w->peek));
	for (int i = 0; i < T_VERSION; i++)
		t.n[i] = sqlite3_column_int64(w->counts, i);
	t.n[T_VERSION] = sqlite3_column_int64(w->version, 0);
	sqlite3_reset(w->counts);
	sqlite3_reset(w->version);
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

static void compare_exports(const char *a, size_t len_a, const char *b, size_t len_b,
			    const char *what)
{
	if (len_a == len_b && memcmp(a, b, len_a) == 0)
		return;
	char diff[600];
	first_difference(a, b, diff, sizeof diff);
	fuzz_fail("%s: %s", what, diff);
}

/* The journal's own export goes into an empty journal and comes out the
 * same; the empty journal is emptied again. */
static void check_round_trip(struct import_world *w)
{
	size_t len, len2;
	char *doc = export_json(w->j, w->out_path, &len);
	struct import_options o = { .format = IMPORT_GUESS };
	struct px_error err;
	px_error_clear(&err);
	char *copy = fuzz_cstr((const uint8_t *)doc, len);
	if (import_buffer(w->blank, copy, len, "export.json", &o, NULL, &err) < 0)
		fuzz_fail("the journal's export does not import: %s:%d:%d: %s", err.where, err.line,
			  err.column, err.msg);
	free(copy);
	char *again = export_json(w->blank, w->out_path, &len2);
	compare_exports(doc, len, again, len2, "export, import into an empty journal, export: "
			"not the same");
	free(doc);
	free(again);
	static const int64_t none[5];
	trim(w->blank_peek, w->trim[1], none);
}

/* Take back what an import added, and check that it changed nothing the
 * journal had (records already there are skipped, not changed). */
static void import_world_reset(struct import_world *w)
{
	trim(w->peek, w->trim[0], w->last);
	size_t len;
	char *now = export_json(w->j, w->out_path, &len);
	compare_exports(w->base, w->base_len, now, len, "an import changed what the journal had");
	free(now);
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
