/*
 * fuzz_search.c — the search query language (search_compile).
 *
 * search.h promises that no query reaches SQLite as syntax: every query
 * either fails with a clean message (PX_ERR_SYNTAX or PX_ERR_LIMIT, place
 * "search", never naming FTS5 or SQL) or compiles to a MATCH expression
 * that FTS5 accepts.  The second half is checked against a real FTS5
 * table with the journal's tokenizer, in memory.
 */
#include "fuzz.h"

#include "praxis/search.h"

#include <sqlite3.h>

static sqlite3_stmt *match_stmt(void)
{
	static sqlite3 *db;
	static sqlite3_stmt *stmt;
	if (stmt)
		return stmt;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlite3_exec(db,
			 "CREATE VIRTUAL TABLE entry_fts USING fts5 (title, body, answers, tags,"
			 " tokenize = 'porter unicode61 remove_diacritics 2');"
			 "INSERT INTO entry_fts VALUES ('Handover', 'I assumed @Sam had read the notes',"
			 " '', 'delegation power/referent');",
			 NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?1", -1,
			       &stmt, NULL) != SQLITE_OK)
		fuzz_fail("cannot set up the FTS5 table: %s", sqlite3_errmsg(db));
	return stmt;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *query = fuzz_cstr(data, size);
	char *match = NULL;
	struct px_error err;
	px_error_clear(&err);
	if (search_compile(query, &match, &err) == 0) {
		sqlite3_stmt *s = match_stmt();
		sqlite3_bind_text(s, 1, match, -1, SQLITE_STATIC);
		int rc;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			;
		if (rc != SQLITE_DONE)
			fuzz_fail("FTS5 refused '%s' compiled from '%s': %s", match, query,
				  sqlite3_errmsg(sqlite3_db_handle(s)));
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		free(match);
	} else {
		FUZZ_CHECK(err.code == PX_ERR_SYNTAX || err.code == PX_ERR_LIMIT);
		FUZZ_CHECK(strcmp(err.where, "search") == 0 && err.msg[0]);
		/* SQLite's words never show, unless the query itself holds them
		 * (the message quotes it). */
		static const char *const leaks[] = { "fts5", "SQL", "syntax error near",
						     "no such column", "unknown special query" };
		for (size_t i = 0; i < sizeof leaks / sizeof leaks[0]; i++)
			FUZZ_CHECK(strstr(query, leaks[i]) || !strstr(err.msg, leaks[i]));
	}
	free(query);
	return 0;
}
