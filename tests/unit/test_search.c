/*
 * test_search.c — full-text search (src/core/search.c): the query language
 * compiled to FTS5, every syntax error word for word, ranking, phrases,
 * prefixes, OR, exclusions, tag: and title:, the trash, snippets with the
 * caller's marks, filters, paging and counts.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

#include "praxis/answer.h"
#include "praxis/entry.h"
#include "praxis/journal.h"
#include "praxis/search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int64_t add(struct journal *j, enum entry_frame frame, const char *when,
		   const char *title, const char *body, const char *tag)
{
	return fixture_add(j, &(struct entry_spec){
		.frame = frame, .when = when, .title = title, .body = body, .tag = tag,
	});
}

/* ---- collecting hits --------------------------------------------------------- */

#define MAX_HITS 16

struct hits {
	int n;
	int64_t id[MAX_HITS];
	enum entry_frame frame[MAX_HITS];
	char when[MAX_HITS][20];
	char title[MAX_HITS][80];
	char snippet[MAX_HITS][200];
	double rank[MAX_HITS];
	int stop_after;         /* 0: never stop */
};

static int collect(const struct search_hit *h, void *ctx)
{
	struct hits *c = ctx;
	if (c->n >= MAX_HITS)
		return 1;
	c->id[c->n] = h->id;
	c->frame[c->n] = h->frame;
	snprintf(c->when[c->n], sizeof c->when[0], "%s", h->occurred_at);
	snprintf(c->title[c->n], sizeof c->title[0], "%s", h->title);
	snprintf(c->snippet[c->n], sizeof c->snippet[0], "%s", h->snippet);
	c->rank[c->n] = h->rank;
	c->n++;
	return c->stop_after && c->n >= c->stop_after;
}

/* Run QUERY with OPT (NULL: defaults) and return the hits; fails the test
 * on any error. */
static struct hits run(struct journal *j, const char *query, const struct search_options *opt)
{
	struct hits h;
	memset(&h, 0, sizeof h);
	struct px_error err;
	px_error_clear(&err);
	int n = search_run(j, query, opt, collect, &h, &err);
	if (n < 0)
		fail_msg("search '%s': %s", query, err.msg);
	assert_int_equal(n, h.n);
	return h;
}

static int64_t count(struct journal *j, const char *query, const struct search_options *opt)
{
	struct px_error err;
	px_error_clear(&err);
	int64_t n = -1;
	if (search_count(j, query, opt, &n, &err) < 0)
		fail_msg("count '%s': %s", query, err.msg);
	return n;
}

/* The ids of H in order, as "3 1 2", for one readable assertion. */
static const char *ids(const struct hits *h)
{
	static char out[256];
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; i < h->n; i++)
		len += (size_t)snprintf(out + len, sizeof out - len, i ? " %lld" : "%lld",
					(long long)h->id[i]);
	return out;
}

/* ---- compiling ------------------------------------------------------------------ */

static void test_compile_quotes_every_term(void **state)
{
	(void)state;
	static const struct {
		const char *query, *match;
	} cases[] = {
		{ "delegation", "\"delegation\"" },
		{ "  delegation   feedback ", "\"delegation\" AND \"feedback\"" },
		{ "\"exact phrase\"", "\"exact phrase\"" },
		{ "deleg*", "\"deleg\" *" },
		{ "\"the hand\"*", "\"the hand\" *" },
		{ "a OR b c", "(\"a\" OR \"b\") AND \"c\"" },
		{ "a OR b OR c", "(\"a\" OR \"b\" OR \"c\")" },
		{ "a AND b", "\"a\" AND \"b\"" },
		{ "cats or dogs", "\"cats\" AND \"or\" AND \"dogs\"" },
		{ "trust -rota", "(\"trust\") NOT \"rota\"" },
		{ "trust -rota NOT \"the team\"", "(\"trust\") NOT (\"rota\" OR \"the team\")" },
		{ "tag:power/referent", "tags : \"power/referent\"" },
		{ "TAG:#power", "tags : \"power\"" },
		{ "#Delegation", "tags : \"Delegation\"" },
		{ "title:hand*", "title : \"hand\" *" },
		/* A start the index's stems cut into also asks for those stems. */
		{ "delegat*", "(\"delegat\" * OR \"deleg\")" },
		{ "title:delegat*", "(title : \"delegat\" * OR title : \"deleg\")" },
		{ "x -Delegat*", "(\"x\") NOT (\"Delegat\" * OR \"deleg\")" },
		{ "\"delegat\"*", "(\"delegat\" * OR \"deleg\")" },
		{ "d\xc3\xa9legat*", "\"d\xc3\xa9legat\" *" },   /* not ASCII: not stemmed here */
		{ "title:\"the handover\"", "title : \"the handover\"" },
		{ "x -tag:draft", "(\"x\") NOT tags : \"draft\"" },
		{ "it's", "\"it's\"" },
		{ "x'); DROP TABLE entry;", "\"x');\" AND \"DROP\" AND \"TABLE\" AND \"entry;\"" },
		{ "NEAR(a b)", "\"NEAR(a\" AND \"b)\"" },
		{ "body:x {title}:y ^z", "\"body:x\" AND \"{title}:y\" AND \"^z\"" },
		{ "a\"b c\"", "\"a\" AND \"b c\"" },
		{ "caf\xc3\xa9 na\xc3\xafve", "\"caf\xc3\xa9\" AND \"na\xc3\xafve\"" },
		/* punctuation alone is no term; a character of another script is */
		{ "rota & meeting ...", "\"rota\" AND \"meeting\"" },
		{ "a OR \xe2\x80\x94 b", "(\"a\" OR \"b\")" },
		{ "(rota)", "\"(rota)\"" },
		{ "\xe4\xbc\x9a\xe8\xae\xae", "\"\xe4\xbc\x9a\xe8\xae\xae\"" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *match = NULL;
		struct px_error err;
		px_error_clear(&err);
		if (search_compile(cases[i].query, &match, &err) < 0)
			fail_msg("'%s': %s", cases[i].query, err.msg);
		if (strcmp(match, cases[i].match) != 0)
			fail_msg("'%s' gave %s, not %s", cases[i].query, match, cases[i].match);
		free(match);
	}
}

static void test_syntax_errors_word_for_word(void **state)
{
	struct journal_fixture *f = *state;
	char long_query[SEARCH_QUERY_MAX + 2];
	memset(long_query, 'a', sizeof long_query - 1);
	long_query[sizeof long_query - 1] = '\0';
	const struct {
		const char *query, *line;
	} cases[] = {
		{ "\"delegation", "search: unbalanced quote in '\"delegation'" },
		{ "a \"b\" \"c", "search: unbalanced quote in 'a \"b\" \"c'" },
		{ "", "search: the query is empty" },
		{ " \t\n", "search: the query is empty" },
		{ "-draft", "search: only exclusions in '-draft': add a word to look for" },
		{ "NOT rota -draft", "search: only exclusions in 'NOT rota -draft': add a word to look for" },
		{ "OR delegation", "search: 'OR' with nothing before it in 'OR delegation'" },
		{ "delegation OR", "search: 'OR' with nothing after it in 'delegation OR'" },
		{ "a OR OR b", "search: doubled 'OR' in 'a OR OR b'" },
		{ "OR", "search: 'OR' with nothing before it in 'OR'" },
		{ "a -b OR c", "search: 'OR' next to an exclusion in 'a -b OR c'" },
		{ "a OR -b", "search: 'OR' next to an exclusion in 'a OR -b'" },
		{ "a OR NOT b", "search: 'OR' next to an exclusion in 'a OR NOT b'" },
		{ "AND a", "search: 'AND' with nothing before it in 'AND a'" },
		{ "a AND OR b", "search: 'OR' right after 'AND' in 'a AND OR b'" },
		{ "a NOT", "search: 'NOT' with nothing after it in 'a NOT'" },
		{ "*", "search: a lone '*' in '*': put it at the end of a word, as in deleg*" },
		{ "team -*", "search: a lone '*' in 'team -*': put it at the end of a word, as in deleg*" },
		{ "a -", "search: '-' with nothing after it in 'a -'" },
		{ "tag:", "search: 'tag:' with nothing after it in 'tag:'" },
		{ "x title: y", "search: 'title:' with nothing after it in 'x title: y'" },
		{ "# x", "search: '#' with nothing after it in '# x'" },
		{ "a \"\"", "search: empty quotes in 'a \"\"'" },
		{ "(", "search: nothing to look for in '(': a query needs a letter or digit" },
		{ "... & !", "search: nothing to look for in '... & !': a query needs a letter or digit" },
		{ "x -...", "search: '-...' has no letter or digit to look for in 'x -...'" },
		{ "x \"?!\"", "search: '\"?!\"' has no letter or digit to look for in 'x \"?!\"'" },
		{ "x tag:--", "search: 'tag:--' has no letter or digit to look for in 'x tag:--'" },
		{ "x NOT ...", "search: 'NOT' with nothing after it in 'x NOT ...'" },
		{ "x -\"\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94"
		  "\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\"",
		  "search: '-\"\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94"
		  "\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94…' has no "
		  "letter or digit to look for in 'x -\"\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94"
		  "\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94"
		  "\xe2\x80\x94\"'" },
		{ long_query, "search: the query is longer than 1000 bytes" },
		{ "caf\xc3 x", "search: the query is not valid UTF-8 (bad byte at offset 3)" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct hits h;
		memset(&h, 0, sizeof h);
		struct px_error err;
		px_error_clear(&err);
		assert_int_equal(search_run(f->j, cases[i].query, NULL, collect, &h, &err), -1);
		assert_int_equal(h.n, 0);
		assert_int_equal(err.code, cases[i].query == long_query ? PX_ERR_LIMIT : PX_ERR_SYNTAX);
		char line[PX_ERROR_WHERE_MAX + PX_ERROR_MSG_MAX];
		px_error_format(&err, line, sizeof line);
		assert_string_equal(line, cases[i].line);
		int64_t n = 7;
		px_error_clear(&err);
		assert_int_equal(search_count(f->j, cases[i].query, NULL, &n, &err), -1);
		assert_int_equal(n, 0);
	}
	/* Exactly 1000 bytes is still a query. */
	long_query[SEARCH_QUERY_MAX] = '\0';
	assert_int_equal(count(f->j, long_query, NULL), 0);
}

static void test_long_query_is_quoted_short(void **state)
{
	(void)state;
	char query[600];
	memset(query, 'x', sizeof query - 1);
	query[sizeof query - 1] = '\0';
	query[0] = '"';
	memcpy(query + 199, "\xc3\xa9", 2);      /* a character across the cut */
	char *match = NULL;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(search_compile(query, &match, &err), -1);
	assert_null(match);
	char want[300];
	snprintf(want, sizeof want, "unbalanced quote in '%.199s…'", query);
	assert_string_equal(err.msg, want);
}

/* ---- matching and ranking ---------------------------------------------------------- */

/* Five entries that the matching tests share. */
static void add_five(struct journal *j, int64_t id[5])
{
	id[0] = add(j, FRAME_INCIDENT, "2026-03-02 10:00:00", "Delegation at the handover",
		    "I gave the rota to Sam before the handover.", NULL);
	id[1] = add(j, FRAME_NOTE, "2026-03-03 10:00:00", "Monday",
		    "A note about delegation and trust in the team, with many other words to "
		    "make this body longer than the rest of them.", NULL);
	id[2] = add(j, FRAME_NOTE, "2026-03-04 10:00:00", "Feedback session",
		    "The feedback was about the rota; I assumed too much. #power/referent", NULL);
	id[3] = add(j, FRAME_INQUIRY, "2026-03-05 10:00:00", "Supervision",
		    "We talked about trust, and the team handover went well.", "coaching");
	id[4] = add(j, FRAME_NOTE, "2026-03-06 10:00:00", "Teams",
		    "Handing over to the team went badly. #Delegation", NULL);
}

static void test_title_match_ranks_above_body_match(void **state)
{
	struct journal_fixture *f = *state;
	int64_t id[5];
	add_five(f->j, id);
	struct hits h = run(f->j, "delegation", NULL);
	char want[64];
	/* Title (weight 10) first, then the tagged entry (tags 5 + body), then
	 * the long body-only one. */
	snprintf(want, sizeof want, "%lld %lld %lld", (long long)id[0], (long long)id[4],
		 (long long)id[1]);
	assert_string_equal(ids(&h), want);
	assert_true(h.rank[0] < h.rank[1] && h.rank[1] < h.rank[2]);
	assert_string_equal(h.title[0], "Delegation at the handover");
	assert_int_equal(h.frame[0], FRAME_INCIDENT);
	assert_string_equal(h.when[0], "2026-03-02 10:00:00");
	assert_int_equal(count(f->j, "delegation", NULL), 3);
	/* Words are matched as the index stores them: case and endings aside. */
	assert_int_equal(count(f->j, "DELEGATING", NULL), 3);
}

/* First pages rank only the newest SEARCH_RANK_WINDOW matches; a page that
 * reaches past the window ranks them all, so the best old hit is never
 * out of reach. */
static int first_hit(const struct search_hit *hit, void *ctx)
{
	int64_t *id = ctx;
	if (*id == 0)
		*id = hit->id;
	return 0;
}

static void test_rank_window(void **state)
{
	struct journal_fixture *f = *state;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(journal_begin(f->j, &err), 0);
	int64_t old = add(f->j, FRAME_NOTE, "2020-01-01 09:00:00", "Zeppelin", "zeppelin", NULL);
	for (int i = 0; i < SEARCH_RANK_WINDOW; i++)
		add(f->j, FRAME_NOTE, "2026-01-01 09:00:00", "",
		    "a long note that mentions the zeppelin once among many other words", NULL);
	assert_int_equal(journal_commit(f->j, &err), 0);
	struct search_options o;
	search_options_init(&o);
	int64_t best = 0;
	assert_int_equal(search_run(f->j, "zeppelin", &o, first_hit, &best, &err), 20);
	assert_true(best != old);                    /* outside the newest window */
	best = 0;
	o.limit = SEARCH_RANK_WINDOW + 1;
	assert_int_equal(search_run(f->j, "zeppelin", &o, first_hit, &best, &err),
			 SEARCH_RANK_WINDOW + 1);
	assert_int_equal(best, old);                 /* ranked in full: the title wins */
	assert_int_equal(count(f->j, "zeppelin", NULL), SEARCH_RANK_WINDOW + 1);
}

static void test_phrase_prefix_or_and_exclusion(void **state)
{
	struct journal_fixture *f = *state;
	int64_t id[5];
	add_five(f->j, id);
	char want[64];

	struct hits h = run(f->j, "\"the team\"", NULL);
	assert_int_equal(h.n, 3);           /* "the team" in 1, 3 and 4, not "the rota" */
	h = run(f->j, "\"team the\"", NULL);
	assert_int_equal(h.n, 0);

	h = run(f->j, "feed*", NULL);
	snprintf(want, sizeof want, "%lld", (long long)id[2]);
	assert_string_equal(ids(&h), want);
	assert_int_equal(count(f->j, "hand*", NULL), 3);   /* handover, Handing */
	assert_int_equal(count(f->j, "hand", NULL), 1);    /* Handing, stemmed */

	/* The start of a word finds its forms even where the stored stem is
	 * shorter than what was typed: handover, Handing (stem "hand"). */
	assert_int_equal(count(f->j, "handi*", NULL), 1);
	assert_int_equal(count(f->j, "feedb*", NULL), 1);

	assert_int_equal(count(f->j, "feedback OR supervision", NULL), 2);
	assert_int_equal(count(f->j, "trust feedback OR supervision", NULL), 1);
	h = run(f->j, "trust feedback OR supervision", NULL);
	snprintf(want, sizeof want, "%lld", (long long)id[3]);
	assert_string_equal(ids(&h), want);

	assert_int_equal(count(f->j, "team", NULL), 3);
	assert_int_equal(count(f->j, "team -trust", NULL), 1);
	assert_int_equal(count(f->j, "team NOT trust", NULL), 1);
	assert_int_equal(count(f->j, "team -trust -badly", NULL), 0);
	assert_int_equal(count(f->j, "team -\"trust in\"", NULL), 2);
	assert_int_equal(count(f->j, "rota AND handover", NULL), 1);
	/* Punctuation between words is passed over, not an empty phrase that
	 * would match nowhere and take the whole query with it. */
	assert_int_equal(count(f->j, "team ...", NULL), 3);
	assert_int_equal(count(f->j, "rota & handover", NULL), 1);
	assert_int_equal(count(f->j, "rota \xe2\x80\x93 handover", NULL), 1);   /* an en dash */
	assert_int_equal(count(f->j, "feedback OR ! supervision", NULL), 2);
}

/* Every form of a word by the start a learner types, however far into its
 * ending they got, and nothing that merely shares the letters. */
static void test_prefix_finds_stemmed_forms(void **state)
{
	struct journal_fixture *f = *state;
	static const char *const bodies[] = {
		"I delegated the rota to Sam.", "Delegation is hard.",
		"We discussed delegating tasks.", "The delegate arrived late.",
		"Coaching the new starter.", "The coach said so.", "Deleting old notes.",
	};
	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++)
		fixture_add(f->j, &(struct entry_spec){ .body = bodies[i] });
	static const struct {
		const char *query;
		int n;
	} cases[] = {
		{ "delegat*", 4 }, { "delegati*", 4 }, { "Delegat*", 4 }, { "deleg*", 4 },
		{ "delegat", 0 },           /* a whole word: no such word */
		{ "coachi*", 2 }, { "coachin*", 2 }, { "coac*", 2 },
		{ "dele*", 5 },             /* deleting too: it begins so */
		{ "delet*", 1 },
		{ "title:delegat*", 0 },    /* the column still holds */
		{ "rota -delegat*", 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int got = count(f->j, cases[i].query, NULL);
		if (got != cases[i].n)
			fail_msg("'%s': %d hits, not %d", cases[i].query, got, cases[i].n);
	}
}

static void test_tag_and_title_columns(void **state)
{
	struct journal_fixture *f = *state;
	int64_t id[5];
	add_five(f->j, id);
	char want[64];

	/* #Delegation tags entry 4 only; entry 0 and 1 have the word elsewhere. */
	struct hits h = run(f->j, "tag:delegation", NULL);
	snprintf(want, sizeof want, "%lld", (long long)id[4]);
	assert_string_equal(ids(&h), want);
	assert_string_equal(ids((struct hits[]){ run(f->j, "#delegation", NULL) }), want);
	/* Tags match by their words: the family and its members. */
	h = run(f->j, "tag:power", NULL);
	snprintf(want, sizeof want, "%lld", (long long)id[2]);
	assert_string_equal(ids(&h), want);
	assert_int_equal(count(f->j, "tag:power/referent", NULL), 1);
	assert_int_equal(count(f->j, "tag:coaching", NULL), 1);
	assert_int_equal(count(f->j, "tag:rota", NULL), 0);
	assert_int_equal(count(f->j, "team -tag:coaching", NULL), 2);

	h = run(f->j, "title:handover", NULL);
	snprintf(want, sizeof want, "%lld", (long long)id[0]);
	assert_string_equal(ids(&h), want);
	assert_int_equal(count(f->j, "handover", NULL), 2);
	assert_int_equal(count(f->j, "title:team*", NULL), 1);
	assert_int_equal(count(f->j, "title:\"at the handover\"", NULL), 1);
}

static void test_trashed_entries_never_found(void **state)
{
	struct journal_fixture *f = *state;
	int64_t keep = add(f->j, FRAME_NOTE, "2026-03-01 09:00:00", "Kept", "a quokka story", NULL);
	int64_t gone = add(f->j, FRAME_NOTE, "2026-03-01 10:00:00", "Quokka", "the quokka #quokka",
			   NULL);
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(count(f->j, "quokka", NULL), 2);
	assert_int_equal(entry_trash(f->j, gone, &err), 0);
	struct hits h = run(f->j, "quokka", NULL);
	char want[32];
	snprintf(want, sizeof want, "%lld", (long long)keep);
	assert_string_equal(ids(&h), want);
	assert_int_equal(count(f->j, "quokka", NULL), 1);
	assert_int_equal(count(f->j, "tag:quokka", NULL), 0);
	assert_int_equal(count(f->j, "title:quokka", NULL), 0);

	/* Filters take the other path to the live set: still no trash. */
	struct search_options opt;
	search_options_init(&opt);
	opt.frame = FRAME_NOTE;
	assert_int_equal(count(f->j, "quokka", &opt), 1);
	assert_int_equal(run(f->j, "quokka", &opt).n, 1);

	assert_int_equal(entry_restore(f->j, gone, &err), 0);
	assert_int_equal(count(f->j, "quokka", NULL), 2);
	int removed = 0;
	assert_int_equal(entry_trash(f->j, gone, &err), 0);
	assert_int_equal(entry_empty_trash(f->j, &removed, &err), 0);
	assert_int_equal(removed, 1);
	assert_int_equal(count(f->j, "quokka", NULL), 1);
}

static void test_snippet_marks_the_match(void **state)
{
	struct journal_fixture *f = *state;
	int64_t id[5];
	add_five(f->j, id);
	struct search_options opt;
	search_options_init(&opt);
	opt.mark_open = "\x1b[1m";
	opt.mark_close = "\x1b[0m";
	struct hits h = run(f->j, "rota", &opt);
	assert_int_equal(h.n, 2);
	for (int i = 0; i < h.n; i++)
		assert_non_null(strstr(h.snippet[i], "\x1b[1mrota\x1b[0m"));
	/* The body is the best column when the title does not match. */
	h = run(f->j, "sam", &opt);
	assert_int_equal(h.n, 1);
	assert_string_equal(h.snippet[0],
			    "I gave the rota to \x1b[1mSam\x1b[0m before the handover.");
	/* Default marks; a phrase is marked as one run; long text is cut. */
	h = run(f->j, "\"many other words\"", NULL);
	assert_int_equal(h.n, 1);
	assert_string_equal(h.snippet[0], "A note about delegation and trust in the team, with "
					  "[many other words] to make this…");
	/* No marks at all. */
	opt.mark_open = NULL;
	opt.mark_close = "";
	h = run(f->j, "sam", &opt);
	assert_string_equal(h.snippet[0], "I gave the rota to Sam before the handover.");
	/* A title match is shown from the title. */
	h = run(f->j, "supervision", NULL);
	assert_string_equal(h.snippet[0], "[Supervision]");
}

static void test_filters_paging_and_counts(void **state)
{
	struct journal_fixture *f = *state;
	int64_t id[12];
	for (int i = 0; i < 12; i++) {
		char when[32], title[40];
		snprintf(when, sizeof when, "2026-02-%02d 08:00:00", i + 1);
		snprintf(title, sizeof title, "Otter %d", i);
		id[i] = add(f->j, i % 3 == 0 ? FRAME_INCIDENT : FRAME_NOTE, when, title,
			    i % 2 ? "the otter swam #power/expert" : "an otter slept #power/referent",
			    i % 4 == 0 ? "river" : NULL);
	}
	struct search_options opt;
	search_options_init(&opt);
	assert_int_equal(count(f->j, "otter", &opt), 12);
	assert_int_equal(run(f->j, "otter", &opt).n, 12);

	opt.limit = 5;
	struct hits p1 = run(f->j, "otter", &opt);
	opt.offset = 5;
	struct hits p2 = run(f->j, "otter", &opt);
	opt.offset = 10;
	struct hits p3 = run(f->j, "otter", &opt);
	assert_int_equal(p1.n + p2.n + p3.n, 12);
	assert_int_equal(p3.n, 2);
	int seen[12] = { 0 };
	struct hits *pages[] = { &p1, &p2, &p3 };
	for (int p = 0; p < 3; p++)
		for (int i = 0; i < pages[p]->n; i++)
			seen[pages[p]->id[i] - id[0]]++;
	for (int i = 0; i < 12; i++)
		assert_int_equal(seen[i], 1);
	assert_true(p1.rank[4] <= p2.rank[0] && p2.rank[4] <= p3.rank[0]);

	search_options_init(&opt);
	opt.frame = FRAME_INCIDENT;
	assert_int_equal(count(f->j, "otter", &opt), 4);
	opt.tag = "#river";
	assert_int_equal(count(f->j, "otter", &opt), 1);       /* 0: 4 and 8 are notes */
	opt.frame = -1;
	opt.tag = "power/";
	assert_int_equal(count(f->j, "otter", &opt), 12);
	opt.tag = "power/expert";
	assert_int_equal(count(f->j, "otter", &opt), 6);
	assert_int_equal(count(f->j, "swam", &opt), 6);
	assert_int_equal(count(f->j, "slept", &opt), 0);
	opt.tag = "power";                                      /* no such tag */
	assert_int_equal(count(f->j, "otter", &opt), 0);
	opt.tag = NULL;
	snprintf(opt.from, sizeof opt.from, "2026-02-03");
	snprintf(opt.to, sizeof opt.to, "2026-02-05");
	assert_int_equal(count(f->j, "otter", &opt), 3);
	struct hits h = run(f->j, "otter", &opt);
	assert_int_equal(h.n, 3);
	for (int i = 0; i < h.n; i++)
		assert_true(h.id[i] >= id[2] && h.id[i] <= id[4]);
	opt.from[0] = '\0';
	assert_int_equal(count(f->j, "otter", &opt), 5);

	/* The callback can stop the run. */
	search_options_init(&opt);
	memset(&h, 0, sizeof h);
	h.stop_after = 2;
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(search_run(f->j, "otter", &opt, collect, &h, &err), 2);
	assert_int_equal(search_run(f->j, "nothing-like-it", NULL, collect, &h, &err), 0);
}

static void test_answers_are_searched(void **state)
{
	struct journal_fixture *f = *state;
	int64_t plain = add(f->j, FRAME_NOTE, "2026-03-01 09:00:00", "Wombat", "a wombat day", NULL);
	int64_t run_entry = add(f->j, FRAME_INCIDENT, "2026-03-02 09:00:00", "Gibbs run",
				"what happened", NULL);
	struct answer a = {
		.step_id = "feelings", .kind = "text", .prompt = "What were you feeling?",
		.value_text = "anxious about the marsupial",
	};
	struct px_error err;
	px_error_clear(&err);
	assert_int_equal(answer_add(f->j, run_entry, &a, &err), 0);
	struct hits h = run(f->j, "marsupial", NULL);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.id[0], run_entry);
	assert_string_equal(h.snippet[0], "anxious about the [marsupial]");
	/* The template's question is not the learner's writing (schema 0004):
	 * a word only the prompt has finds nothing, so it cannot bury the
	 * entries that are about it. */
	assert_int_equal(count(f->j, "feeling", NULL), 0);
	a.step_id = "animal";
	a.prompt = "Which wombat?";
	a.value_text = "";
	assert_int_equal(answer_add(f->j, run_entry, &a, &err), 0);
	h = run(f->j, "wombat", NULL);
	char want[32];
	snprintf(want, sizeof want, "%lld", (long long)plain);
	assert_string_equal(ids(&h), want);
	/* Answers written later, and taken away, keep the index in step. */
	a.step_id = "animal2";
	a.prompt = "Which one?";
	a.value_text = "a wombat after all";
	assert_int_equal(answer_add(f->j, run_entry, &a, &err), 0);
	h = run(f->j, "wombat", NULL);
	snprintf(want, sizeof want, "%lld %lld", (long long)plain, (long long)run_entry);
	assert_string_equal(ids(&h), want);
}

/* Whatever is typed, the user sees hits or one of our sentences, never
 * SQLite's (the fuzz seeds in tests/fuzz/corpus/search are the same kind). */
static void test_odd_queries_never_leak_sqlite_errors(void **state)
{
	struct journal_fixture *f = *state;
	int64_t id[5];
	add_five(f->j, id);
	static const char *const queries[] = {
		"a\"b", "\"\"\"\"", "\"a\"\"b\"", "-\"\"", "(", ")", "a OR (b", "NEAR/3",
		"title:*", "*deleg", "**", "a**", "\"a\"**", "-- --x", "#", "##x", "tag:tag:x",
		":", "title::", "\\\"", "'", "%", "_", "a:b:c", "OR OR", "NOT NOT a", "x NOT NOT y",
		"\xe2\x80\x9cquoted\xe2\x80\x9d", "\xf0\x9f\x98\x80", "a\x01b", "x -y -z OR w",
		"AND", "NOT", "- x", "x AND AND y", "\"*\"", "rank:1", "rowid", "entry_fts",
	};
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		struct hits h;
		memset(&h, 0, sizeof h);
		struct px_error err;
		px_error_clear(&err);
		int n = search_run(f->j, queries[i], NULL, collect, &h, &err);
		if (n < 0) {
			assert_int_equal(err.code, PX_ERR_SYNTAX);
			assert_string_equal(err.where, "search");
			assert_null(strstr(err.msg, "fts5"));
			assert_null(strstr(err.msg, "cannot search"));
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compile_quotes_every_term),
		JOURNAL_TEST(test_syntax_errors_word_for_word),
		cmocka_unit_test(test_long_query_is_quoted_short),
		JOURNAL_TEST(test_title_match_ranks_above_body_match),
		JOURNAL_TEST(test_phrase_prefix_or_and_exclusion),
		JOURNAL_TEST(test_rank_window),
		JOURNAL_TEST(test_prefix_finds_stemmed_forms),
		JOURNAL_TEST(test_tag_and_title_columns),
		JOURNAL_TEST(test_trashed_entries_never_found),
		JOURNAL_TEST(test_snippet_marks_the_match),
		JOURNAL_TEST(test_filters_paging_and_counts),
		JOURNAL_TEST(test_answers_are_searched),
		JOURNAL_TEST(test_odd_queries_never_leak_sqlite_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
