/*
 * test_journal.c — opening, refusing, migrating, transactions and backup
 * of the journal file (src/core/db.c).  Each test works in its own
 * temporary directory and asserts that journal_close() found nothing left
 * open.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

#include "praxis/entry.h"
#include "praxis/journal.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct fixture {
	struct sandbox box;
	char path[128];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	*state = f;
	if (sandbox_make(&f->box, "unit") < 0)
		return -1;
	sandbox_file(&f->box, "sub/dir/journal.db", f->path, sizeof f->path);
	setenv("PRAXIS_NOW", "2026-03-10T09:00:00", 1);
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int rc = sandbox_close(&f->box, NULL);
	free(f);
	return rc;
}

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	fclose(fp);
}

static int file_mode(const char *path)
{
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	return (int)(st.st_mode & 0777);
}

static void add_note(struct journal *j, const char *body)
{
	struct entry e;
	struct px_error err;
	px_error_clear(&err);
	entry_init(&e);
	entry_set(&e.body, body);
	snprintf(e.occurred_at, sizeof e.occurred_at, "2026-03-10 09:00:00");
	assert_int_equal(entry_add(j, &e, &err), 0);
	entry_free(&e);
}

static void test_create_sets_private_modes(void **state)
{
	struct fixture *f = *state;
	struct journal *j = NULL;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(journal_open(f->path, JOURNAL_CREATE, &j, &err), 0);
	add_note(j, "first words");
	char dir[160], wal[160];
	snprintf(dir, sizeof dir, "%s/sub/dir", f->box.dir);
	snprintf(wal, sizeof wal, "%s-wal", f->path);
	assert_int_equal(file_mode(dir), 0700);
	assert_int_equal(file_mode(f->path), 0600);
	assert_int_equal(file_mode(wal), 0600);
	assert_int_equal(journal_schema_version(j), journal_schema_latest());
	assert_int_equal(journal_close(j), 0);
}

static void count_problem(const char *p, void *ctx)
{
	(void)p;
	++*(int *)ctx;
}

static int page_size_of(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	int size = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return size;
}

/* A new journal gets 16 KiB pages; one made with SQLite's 4 KiB (every
 * journal made before December 2026) keeps them and goes on working. */
static void test_page_size_new_and_kept(void **state)
{
	struct fixture *f = *state;
	struct journal *j = NULL;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(journal_open(f->path, JOURNAL_CREATE, &j, &err), 0);
	add_note(j, "first words");
	assert_int_equal(journal_close(j), 0);
	assert_int_equal(page_size_of(f->path), 16384);

	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA journal_mode=DELETE; PRAGMA page_size=4096;"
				      " VACUUM; PRAGMA journal_mode=WAL;", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(page_size_of(f->path), 4096);
	assert_int_equal(journal_open(f->path, 0, &j, &err), 0);
	add_note(j, "second words");
	int problems = 0;
	assert_int_equal(journal_check(j, count_problem, &problems, &err), 0);
	assert_int_equal(problems, 0);
	assert_int_equal(journal_close(j), 0);
	assert_int_equal(page_size_of(f->path), 4096);
}

static void test_missing_without_create(void **state)
{
	struct fixture *f = *state;
	struct journal *j = NULL;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(journal_open(f->path, 0, &j, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_FOUND);
	assert_null(j);
}

static void test_not_sqlite_is_refused_untouched(void **state)
{
	struct fixture *f = *state;
	char path[160];
	snprintf(path, sizeof path, "%s/notes.txt", f->box.dir);
	const char text[] = "my precious notes, not a database\n";
	write_file(path, text, sizeof text - 1);
	struct journal *j = NULL;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(journal_open(path, JOURNAL_CREATE, &j, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_JOURNAL);
	assert_non_null(strstr(err.msg, "not a praxis journal"));
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, (off_t)(sizeof text - 1));
	char wal[180];
	snprintf(wal, sizeof wal, "%s-wal", path);
	assert_int_not_equal(access(wal, F_OK), 0);
}

static void test_foreign_sqlite_is_refused(void **state)
{
	struct fixture *f = *state;
	char path[160];
	snprintf(path, sizeof path, "%s/other.db", f->box.dir);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	struct journal *j = NULL;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(journal_open(path, 0, &j, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_JOURNAL);
}

static void test_newer_schema_is_refused_untouched(void **state)
{
	struct fixture *f = *state;
	struct journal *j = NULL;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(journal_open(f->path, JOURNAL_CREATE, &j, &err), 0);
	assert_int_equal(journal_close(j), 0);
	sqlite3 *db;
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version=%d", journal_schema_latest() + 1);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	struct stat before, after;
	assert_int_equal(stat(f->path, &before), 0);
	assert_int_equal(journal_open(f->path, 0, &j, &err), -1);
	assert_int_equal(err.code, PX_ERR_VERSION);
	assert_non_null(strstr(err.msg, "newer praxis"));
	assert_int_equal(stat(f->path, &after), 0);
	assert_int_equal(before.st_mtime, after.st_mtime);
	assert_int_equal(before.st_size, after.st_size);
}

static void test_symlink_is_refused(void **state)
{
	struct fixture *f = *state;
	struct journal *j = NULL;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(journal_open(f->path, JOURNAL_CREATE, &j, &err), 0);
	assert_int_equal(journal_close(j), 0);
	char link_path[160];
	snprintf(link_path, sizeof link_path, "%s/link.db", f->box.dir);
	assert_int_equal(symlink(f->path, link_path), 0);
	assert_int_equal(journal_open(link_path, 0, &j, &err), -1);
	assert_int_equal(err.code, PX_ERR_NOT_JOURNAL);
	assert_non_null(strstr(err.msg, "symbolic link"));
}

static void test_readonly_file_opens_for_reading(void **state)
{
	struct fixture *f = *state;
	struct journal *j = NULL;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(journal_open(f->path, JOURNAL_CREATE, &j, &err), 0);
	add_note(j, "kept safe");
	assert_int_equal(journal_close(j), 0);
	if (geteuid() == 0) { /* root writes anyway: ask for read-only explicitly */
		assert_int_equal(journal_open(f->path, JOURNAL_READONLY, &j, &err), 0);
	} else {
		assert_int_equal(chmod(f->path, 0400), 0);
		assert_int_equal(journal_open(f->path, 0, &j, &err), 0);
	}
	assert_true(journal_readonly(j));
	int64_t n = 0;
	assert_int_equal(entry_count(j, &n, &err), 0);
	assert_int_equal(n, 1);
	struct entry e;
	entry_init(&e);
	entry_set(&e.body, "cannot land");
	snprintf(e.occurred_at, sizeof e.occurred_at, "2026-03-10 09:00:00");
	assert_int_equal(entry_add(j, &e, &err), -1);
	assert_int_equal(err.code, PX_ERR_READONLY);
	entry_free(&e);
	assert_int_equal(journal_close(j), 0);
}

static void test_nested_transaction_rolls_back_whole(void **state)
{
	struct fixture *f = *state;
	struct journal *j = NULL;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(journal_open(f->path, JOURNAL_CREATE, &j, &err), 0);
	assert_int_equal(journal_begin(j, &err), 0);
	add_note(j, "inside an outer change");
	struct entry bad;
	entry_init(&bad);
	snprintf(bad.occurred_at, sizeof bad.occurred_at, "2026-03-10 09:00:00");
	assert_int_equal(entry_add(j, &bad, &err), -1); /* empty: refused */
	entry_free(&bad);
	journal_rollback(j);
	int64_t n = 0;
	assert_int_equal(entry_count(j, &n, &err), 0);
	assert_int_equal(n, 0);
	assert_int_equal(journal_close(j), 0);
}

static void test_close_reports_open_transaction(void **state)
{
	struct fixture *f = *state;
	struct journal *j = NULL;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(journal_open(f->path, JOURNAL_CREATE, &j, &err), 0);
	assert_int_equal(journal_begin(j, &err), 0);
	add_note(j, "never committed");
	assert_int_equal(journal_close(j), -1);
	assert_int_equal(journal_open(f->path, 0, &j, &err), 0);
	int64_t n = 1;
	assert_int_equal(entry_count(j, &n, &err), 0);
	assert_int_equal(n, 0);
	assert_int_equal(journal_close(j), 0);
}

/* A second handle (the UI) learns of what the first (the CLI) commits,
 * once per change, and never of its own changes or of a rolled-back one. */
static void test_changed_sees_other_connections(void **state)
{
	struct fixture *f = *state;
	struct journal *ui = NULL, *cli = NULL;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(journal_open(f->path, JOURNAL_CREATE, &ui, &err), 0);
	assert_int_equal(journal_changed(ui, &err), 0);
	assert_int_equal(journal_open(f->path, 0, &cli, &err), 0);
	assert_int_equal(journal_changed(ui, &err), 0);   /* opening is no change */
	add_note(cli, "written elsewhere");
	assert_int_equal(journal_changed(ui, &err), 1);
	assert_int_equal(journal_changed(ui, &err), 0);   /* told once */
	add_note(ui, "written here");
	assert_int_equal(journal_changed(ui, &err), 0);   /* its own change */
	assert_int_equal(journal_changed(cli, &err), 1);
	assert_int_equal(journal_begin(cli, &err), 0);
	add_note(cli, "never committed");
	journal_rollback(cli);
	assert_int_equal(journal_changed(ui, &err), 0);
	add_note(cli, "one");
	add_note(cli, "two");
	assert_int_equal(journal_changed(ui, &err), 1);   /* two changes, one answer */
	assert_int_equal(journal_changed(ui, &err), 0);
	assert_int_equal(journal_close(cli), 0);
	assert_int_equal(journal_close(ui), 0);
}

static void test_backup_is_complete_and_private(void **state)
{
	struct fixture *f = *state;
	struct journal *j = NULL;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(journal_open(f->path, JOURNAL_CREATE, &j, &err), 0);
	add_note(j, "one");
	add_note(j, "two");
	char dest[160];
	snprintf(dest, sizeof dest, "%s/backup.db", f->box.dir);
	assert_int_equal(journal_backup(j, dest, &err), 0);
	assert_int_equal(file_mode(dest), 0600);
	assert_int_equal(journal_backup(j, dest, &err), -1); /* never overwrites */
	assert_non_null(strstr(err.msg, "already exists"));
	assert_int_equal(journal_close(j), 0);
	assert_int_equal(journal_open(dest, 0, &j, &err), 0);
	int64_t n = 0;
	assert_int_equal(entry_count(j, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(journal_close(j), 0);
}

static void test_check_passes_on_fresh_journal(void **state)
{
	struct fixture *f = *state;
	struct journal *j = NULL;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(journal_open(f->path, JOURNAL_CREATE, &j, &err), 0);
	add_note(j, "#tagged with @Sam");
	int seen = 0;
	assert_int_equal(journal_check(j, count_problem, &seen, &err), 0);
	assert_int_equal(seen, 0);
	assert_int_equal(journal_close(j), 0);
}

static void test_default_path_order(void **state)
{
	(void)state;
	char *p = NULL;
	struct px_error err;
	px_error_clear(&err);
	setenv("PRAXIS_DB", "/x/env.db", 1);
	assert_int_equal(journal_default_path(&p, &err), 0);
	assert_string_equal(p, "/x/env.db");
	free(p);
	unsetenv("PRAXIS_DB");
	setenv("XDG_DATA_HOME", "/x/data", 1);
	assert_int_equal(journal_default_path(&p, &err), 0);
	assert_string_equal(p, "/x/data/praxis/journal.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/learner", 1);
	assert_int_equal(journal_default_path(&p, &err), 0);
	assert_string_equal(p, "/home/learner/.local/share/praxis/journal.db");
	free(p);
}

static void test_uuid_shape(void **state)
{
	(void)state;
	char a[37], b[37];
	journal_uuid(a);
	journal_uuid(b);
	assert_int_equal(strlen(a), 36);
	assert_int_equal(a[14], '4');
	assert_true(strchr("89ab", a[19]) != NULL);
	assert_string_not_equal(a, b);
	/* What the journal accepts from an import: any version, lowercase. */
	assert_true(journal_uuid_valid(a));
	assert_true(journal_uuid_valid("0b8d6c1e-33a9-8f0e-9c2b-1d4e5f6a7b8c"));
	assert_false(journal_uuid_valid("0B8D6C1E-33A9-4F0E-9C2B-1D4E5F6A7B8C"));
	assert_false(journal_uuid_valid("0b8d6c1e33a94f0e9c2b1d4e5f6a7b8c"));
	assert_false(journal_uuid_valid("0b8d6c1e-33a9-4f0e-9c2b-1d4e5f6a7b8"));
	assert_false(journal_uuid_valid("0b8d6c1e-33a9-4f0e-9c2b-1d4e5f6a7b8cc"));
	assert_false(journal_uuid_valid("0b8d6c1e-33a9-4f0e-9c2b_1d4e5f6a7b8c"));
	assert_false(journal_uuid_valid(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create_sets_private_modes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_page_size_new_and_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_without_create, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_sqlite_is_refused_untouched, setup, teardown),
		cmocka_unit_test_setup_teardown(test_foreign_sqlite_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_is_refused_untouched, setup, teardown),
		cmocka_unit_test_setup_teardown(test_symlink_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readonly_file_opens_for_reading, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nested_transaction_rolls_back_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(test_close_reports_open_transaction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changed_sees_other_connections, setup, teardown),
		cmocka_unit_test_setup_teardown(test_backup_is_complete_and_private, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_passes_on_fresh_journal, setup, teardown),
		cmocka_unit_test(test_default_path_order),
		cmocka_unit_test(test_uuid_shape),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
