/*
 * search.c — turning what a user types into an FTS5 query, and running it
 * ranked over live entries.
 *
 * The parser never lets user text become FTS5 syntax: every term it emits
 * is a double-quoted string, and the operators, parentheses and column
 * filters around them come only from here.  So the only errors a user sees
 * are the ones named in this file, in words.
 *
 * Ranking is bm25() over the newest matches (the window of search.h) in a
 * subquery with ORDER BY .. LIMIT, which SQLite serves with a top-N sorter; FTS5's own `ORDER BY rank` (weights given
 * with `rank MATCH` or the rank config) sorts every match in full and was
 * about 1.3 times slower for common words on a 100k-entry journal.  The
 * trash and the filters are applied inside that subquery (see
 * compose_from), and the snippet is made only for the page of hits.
 */
#include "praxis/search.h"

#include "db.h"
#include "stem.h"
#include "praxis/buf.h"
#include "praxis/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void search_options_init(struct search_options *opt)
{
	memset(opt, 0, sizeof *opt);
	opt->frame = -1;
	opt->limit = SEARCH_LIMIT_DEFAULT;
	opt->mark_open = "[";
	opt->mark_close = "]";
}

/* ---- parsing --------------------------------------------------------------- */

enum term_col { COL_ANY, COL_TITLE, COL_TAGS };

enum token_kind { TOK_TERM, TOK_OR, TOK_AND, TOK_NOT };

struct token {
	enum token_kind kind;
	enum term_col col;
	const char *text;       /* the term's characters, in the query */
	size_t len;
	int prefix;             /* word* */
	int exclude;            /* -word */
	int quoted;             /* "a phrase" */
	const char *src;        /* the term as typed, with its '-' and column */
	size_t src_len;
};

struct parser {
	const char *query;
	const char *p;
	struct px_error *err;
};

/* Quote at most ~200 bytes of the query in a message, cut on a character
 * boundary, so the whole line fits the error and stays valid UTF-8. */
static int parse_fail(const struct parser *ps, const char *hint, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int parse_fail(const struct parser *ps, const char *hint, const char *fmt, ...)
{
	char problem[160];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(problem, sizeof problem, fmt, ap);
	va_end(ap);
	size_t n = strlen(ps->query);
	const char *more = "";
	if (n > 200) {
		n = 200;
		while (n > 0 && ((unsigned char)ps->query[n] & 0xc0) == 0x80)
			n--;
		more = "…";
	}
	return px_error_at(ps->err, PX_ERR_SYNTAX, "search", 0, 0, "%s in '%.*s%s'%s%s", problem,
			   (int)n, ps->query, more, hint ? ": " : "", hint ? hint : "");
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int word_end(char c)
{
	return c == '\0' || is_space(c) || c == '"';
}

static int is_keyword(const char *p, size_t len, const char *kw)
{
	return len == strlen(kw) && memcmp(p, kw, len) == 0;
}

/* A column prefix (tag:, title:, #) at P: sets *col and returns its length. */
static size_t column_prefix(const char *p, enum term_col *col)
{
	if (strncasecmp(p, "tag:", 4) == 0) {
		*col = COL_TAGS;
		return p[4] == '#' ? 5 : 4;
	}
	if (strncasecmp(p, "title:", 6) == 0) {
		*col = COL_TITLE;
		return 6;
	}
	if (p[0] == '#') {
		*col = COL_TAGS;
		return 1;
	}
	return 0;
}

/* The quoted phrase or bare word at ps->p, after any '-' and column. */
static int lex_term_text(struct parser *ps, struct token *t, const char *what)
{
	const char *p = ps->p;
	if (word_end(*p) && *p != '"')
		return parse_fail(ps, NULL, "'%s' with nothing after it", what);
	if (*p == '"') {
		const char *close = strchr(p + 1, '"');
		if (!close)
			return parse_fail(ps, NULL, "unbalanced quote");
		if (close == p + 1)
			return parse_fail(ps, NULL, "empty quotes");
		t->text = p + 1;
		t->len = (size_t)(close - p - 1);
		t->quoted = 1;
		p = close + 1;
		if (*p == '*') {
			t->prefix = 1;
			p++;
		}
	} else {
		const char *start = p;
		while (!word_end(*p))
			p++;
		t->text = start;
		t->len = (size_t)(p - start);
		if (t->text[t->len - 1] == '*') {
			t->prefix = 1;
			t->len--;
		}
		if (t->len == 0)
			return parse_fail(ps, "put it at the end of a word, as in deleg*",
					  "a lone '*'");
	}
	ps->p = p;
	return 0;
}

/* The next token, or 0 with t->len == 0 and kind TOK_TERM at the end. */
static int lex_token(struct parser *ps, struct token *t, int *at_end)
{
	memset(t, 0, sizeof *t);
	while (is_space(*ps->p))
		ps->p++;
	*at_end = *ps->p == '\0';
	if (*at_end)
		return 0;
	const char *p = ps->p;
	size_t len = 0;
	while (!word_end(p[len]))
		len++;
	static const struct {
		const char *word;
		enum token_kind kind;
	} keywords[] = { { "OR", TOK_OR }, { "AND", TOK_AND }, { "NOT", TOK_NOT } };
	for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
		if (is_keyword(p, len, keywords[i].word)) {
			t->kind = keywords[i].kind;
			ps->p = p + len;
			return 0;
		}
	}
	t->kind = TOK_TERM;
	t->src = p;
	const char *what = "-";
	if (*p == '-') {
		t->exclude = 1;
		p++;
	}
	size_t col = column_prefix(p, &t->col);
	if (col > 0)
		what = t->col == COL_TITLE ? "title:" : *p == '#' ? "#" : "tag:";
	ps->p = p + col;
	if (!t->exclude && col == 0)
		what = "";
	int rc = lex_term_text(ps, t, what);
	t->src_len = (size_t)(ps->p - t->src);
	return rc;
}

/* True when the term holds a letter or digit.  The index keeps only those
 * (unicode61 splits on the rest), so a term of punctuation alone is an
 * empty phrase that FTS5 matches nowhere: beside other words it would make
 * the whole query find nothing. */
static bool has_word_char(const char *s, size_t len)
{
	while (len > 0) {
		uint32_t cp;
		size_t n = text_utf8_decode(s, len, &cp);
		if (text_is_word_char(cp))
			return true;
		s += n;
		len -= n;
	}
	return false;
}

/* Punctuation typed between words ('&', a dash, '...') is passed over, as
 * any search box does; asked for on purpose (quoted, excluded, in a
 * column), it is a mistake worth naming. */
static int wordless_term(struct parser *ps, const struct token *t)
{
	if (!t->quoted && !t->exclude && t->col == COL_ANY)
		return 1;
	size_t n = t->src_len < 40 ? t->src_len : 40;   /* the message quotes the query too */
	while (n < t->src_len && n > 0 && ((unsigned char)t->src[n] & 0xc0) == 0x80)
		n--;
	return parse_fail(ps, NULL, "'%.*s%s' has no letter or digit to look for", (int)n, t->src,
			  n < t->src_len ? "…" : "");
}

static void emit_column(struct px_buf *out, enum term_col col)
{
	if (col == COL_TITLE)
		px_buf_adds(out, "title : ");
	else if (col == COL_TAGS)
		px_buf_adds(out, "tags : ");
}

static void emit_quoted(struct px_buf *out, const char *text, size_t len)
{
	px_buf_addc(out, '"');
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '"')
			px_buf_addc(out, '"');   /* FTS5 escapes a quote by doubling it */
		px_buf_addc(out, text[i]);
	}
	px_buf_addc(out, '"');
}

/* ---- the start of a word ----------------------------------------------------- */

/* The index keeps words as Porter stems, and FTS5 stems the start of a word
 * typed as deleg* before looking for stems that begin with it.  That finds
 * every form when the stem keeps the whole start ("deleg*": delegate,
 * delegation), and none when the stem is shorter than what was typed:
 * "delegat*" is its own stem, and "delegate" is stored as "deleg".  So for
 * such a start the query also asks for the stems of the start completed
 * by the endings a learner leaves off, those the stemmer cuts into the
 * start: "delegat*" becomes ("delegat" * OR "deleg").  They are whole
 * stems, not starts again, so "generalizat*" finds generalisation's stem
 * "gener" and what shares it, as searching for "generalization" does,
 * not every word beginning with "gener". */
static const char *const completions[] = {
	"e", "s", "es", "ed", "ing", "ion", "ions", "ation", "ations", "ator", "ive", "or",
	"er", "ers", "ment", "ments", "al", "ally", "ity", "ness", "ful", "ly", "ise", "ize",
	"ised", "ized", "ate", "ates", "ance", "ence",
};

#define STEM_WORD_MAX 48

static int ascii_word(const char *text, size_t len)
{
	if (len < 3 || len > STEM_WORD_MAX)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z')))
			return 0;
	return 1;
}

/* Stem TEXT + ENDING into OUT (lower case); its length. */
static size_t stem_of(const char *text, size_t len, const char *ending, char *out)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		out[n++] = (char)(text[i] | 0x20);
	for (const char *e = ending; *e; e++)
		out[n++] = *e;
	out[n] = '\0';
	n = porter_stem(out, n);
	out[n] = '\0';
	return n;
}

#define MAX_STEMS 16

struct stems {
	char s[MAX_STEMS + 1][STEM_WORD_MAX + 8];   /* one spare to stem into */
	size_t n;
};

/* Add the stem of TEXT + ENDING to OUT unless "TEXT" * finds it already
 * (its stem begins with OWN), FTS5 would stem it again into something
 * else, or it is there. */
static void add_stem(struct stems *out, const char *text, size_t len, const char *ending,
		     const char *own, size_t own_len)
{
	char *c = out->s[out->n], again[STEM_WORD_MAX + 8];
	size_t n = stem_of(text, len, ending, c);
	if (n >= own_len && memcmp(c, own, own_len) == 0)
		return;
	memcpy(again, c, n + 1);
	if (porter_stem(again, n) != n)
		return;
	for (size_t k = 0; k < out->n; k++)
		if (strcmp(out->s[k], c) == 0)
			return;
	out->n++;
}

/* The stems "TEXT" * misses (see above).  The start may end part way
 * into an ending ("coachi" of "coaching"): each ending is tried from
 * every point the start already ends with. */
static void missed_stems(const char *text, size_t len, struct stems *out)
{
	out->n = 0;
	char own[STEM_WORD_MAX + 8];
	size_t own_len = stem_of(text, len, "", own);
	for (size_t i = 0; i < sizeof completions / sizeof completions[0]; i++) {
		const char *e = completions[i];
		size_t elen = strlen(e);
		for (size_t typed = 0; typed < elen && typed < len && out->n < MAX_STEMS; typed++)
			if (strncasecmp(text + len - typed, e, typed) == 0)
				add_stem(out, text, len, e + typed, own, own_len);
	}
}

/* The FTS5 form of one term: column filter, quoted text, prefix star, and
 * for the start of a word the stems that the star alone would miss. */
static void emit_term(struct px_buf *out, const struct token *t)
{
	struct stems more = { .n = 0 };
	if (t->prefix && ascii_word(t->text, t->len))
		missed_stems(t->text, t->len, &more);
	if (more.n)
		px_buf_addc(out, '(');
	emit_column(out, t->col);
	emit_quoted(out, t->text, t->len);
	if (t->prefix)
		px_buf_adds(out, " *");
	for (size_t i = 0; i < more.n; i++) {
		px_buf_adds(out, " OR ");
		emit_column(out, t->col);
		emit_quoted(out, more.s[i], strlen(more.s[i]));
	}
	if (more.n)
		px_buf_addc(out, ')');
}

struct compiled {
	struct px_buf pos;      /* the positive part: groups joined by AND */
	struct px_buf neg;      /* exclusions joined by OR */
	size_t groups, group_len, nneg;
	struct px_buf group;    /* the OR group being built */
};

static void flush_group(struct compiled *c)
{
	if (c->group_len == 0)
		return;
	if (c->groups++ > 0)
		px_buf_adds(&c->pos, " AND ");
	if (c->group_len > 1)
		px_buf_addc(&c->pos, '(');
	px_buf_add(&c->pos, c->group.data, c->group.len);
	if (c->group_len > 1)
		px_buf_addc(&c->pos, ')');
	px_buf_reset(&c->group);
	c->group_len = 0;
}

static const char *keyword_name(enum token_kind k)
{
	return k == TOK_OR ? "OR" : k == TOK_AND ? "AND" : "NOT";
}

/* Check an operator against what came before it (PREV, or none at the start). */
static int check_operator(struct parser *ps, const struct token *t, const struct token *prev,
			  int have_prev)
{
	if (t->kind == TOK_NOT) {
		if (have_prev && prev->kind == TOK_OR)
			return parse_fail(ps, NULL, "'OR' next to an exclusion");
		return 0;
	}
	const char *kw = keyword_name(t->kind);
	if (!have_prev)
		return parse_fail(ps, NULL, "'%s' with nothing before it", kw);
	if (prev->kind == t->kind)
		return parse_fail(ps, NULL, "doubled '%s'", kw);
	if (prev->kind != TOK_TERM)
		return parse_fail(ps, NULL, "'%s' right after '%s'", kw, keyword_name(prev->kind));
	if (prev->exclude && t->kind == TOK_OR)
		return parse_fail(ps, NULL, "'OR' next to an exclusion");
	return 0;
}

static int add_term(struct parser *ps, struct compiled *c, struct token *t,
		    const struct token *prev, int have_prev)
{
	if (have_prev && prev->kind == TOK_NOT)
		t->exclude = 1;
	int joined = have_prev && prev->kind == TOK_OR;
	if (t->exclude) {
		if (joined)
			return parse_fail(ps, NULL, "'OR' next to an exclusion");
		if (c->nneg++ > 0)
			px_buf_adds(&c->neg, " OR ");
		emit_term(&c->neg, t);
		return 0;
	}
	if (!joined)
		flush_group(c);
	else
		px_buf_adds(&c->group, " OR ");
	emit_term(&c->group, t);
	c->group_len++;
	return 0;
}

static int parse_tokens(struct parser *ps, struct compiled *c)
{
	struct token t, prev = { .kind = TOK_TERM };
	int have_prev = 0, at_end;
	for (;;) {
		if (lex_token(ps, &t, &at_end) < 0)
			return -1;
		if (at_end)
			break;
		if (t.kind != TOK_TERM) {
			if (check_operator(ps, &t, &prev, have_prev) < 0)
				return -1;
		} else if (!has_word_char(t.text, t.len)) {
			if (wordless_term(ps, &t) < 0)
				return -1;
			continue;
		} else if (add_term(ps, c, &t, &prev, have_prev) < 0) {
			return -1;
		}
		prev = t;
		have_prev = 1;
	}
	if (have_prev && prev.kind != TOK_TERM)
		return parse_fail(ps, NULL, "'%s' with nothing after it", keyword_name(prev.kind));
	flush_group(c);
	if (c->groups == 0 && c->nneg == 0)
		return parse_fail(ps, "a query needs a letter or digit", "nothing to look for");
	if (c->groups == 0)
		return parse_fail(ps, "add a word to look for", "only exclusions");
	return 0;
}

int search_compile(const char *query, char **match, struct px_error *err)
{
	*match = NULL;
	size_t n = strlen(query), bad = 0;
	if (n > SEARCH_QUERY_MAX)
		return px_error_at(err, PX_ERR_LIMIT, "search", 0, 0,
				   "the query is longer than %d bytes", SEARCH_QUERY_MAX);
	if (!text_utf8_valid(query, n, &bad))
		return px_error_at(err, PX_ERR_SYNTAX, "search", 0, 0,
				   "the query is not valid UTF-8 (bad byte at offset %zu)", bad);
	const char *p = query;
	while (is_space(*p))
		p++;
	if (!*p)
		return px_error_at(err, PX_ERR_SYNTAX, "search", 0, 0, "the query is empty");
	struct parser ps = { query, query, err };
	struct compiled c = { PX_BUF_INIT, PX_BUF_INIT, 0, 0, 0, PX_BUF_INIT };
	int rc = parse_tokens(&ps, &c);
	if (rc == 0) {
		struct px_buf out = PX_BUF_INIT;
		if (c.nneg > 0) {
			px_buf_addf(&out, "(%s) NOT ", c.pos.data);
			px_buf_adds(&out, c.nneg > 1 ? "(" : "");
			px_buf_adds(&out, c.neg.data);
			px_buf_adds(&out, c.nneg > 1 ? ")" : "");
		} else {
			px_buf_adds(&out, c.pos.data);
		}
		*match = px_buf_detach(&out);
	}
	px_buf_free(&c.pos);
	px_buf_free(&c.neg);
	px_buf_free(&c.group);
	return rc;
}

/* ---- running ------------------------------------------------------------------ */

enum { P_MATCH = 1, P_OPEN, P_CLOSE, P_FRAME, P_TAG, P_FROM, P_TO, P_LIMIT, P_OFFSET, P_WINDOW };

/* FROM and WHERE over the matches that are live entries passing the
 * filters.  Two costs were weighed on a 100k-entry journal: reading an
 * entry row per match (under 1 µs, nothing when a word is rare) and
 * gathering a filter's ids once (about 0.15 µs per id, paid even for a
 * word that matches nothing).  So the trash, which is small and indexed,
 * is named rather than every live entry; frame and dates, which keep most
 * entries, are checked on the matches' rows; a tag keeps few, and its ids
 * come from entry_tag_by_tag alone.  The unary + keeps SQLite from handing
 * that IN list to FTS5 as rowid lookups, one full MATCH per id (seconds
 * instead of milliseconds). */
static void compose_from(const struct search_options *o, struct px_buf *sql)
{
	if (o->frame >= 0 || o->from[0] || o->to[0]) {
		px_buf_adds(sql, " FROM entry_fts CROSS JOIN entry f ON f.id = entry_fts.rowid"
				 " WHERE entry_fts MATCH ?1 AND f.deleted_at IS NULL");
		if (o->frame >= 0)
			px_buf_adds(sql, " AND f.frame = ?4");
		if (o->from[0])
			px_buf_adds(sql, " AND f.occurred_at >= ?6");
		if (o->to[0])
			px_buf_adds(sql, " AND f.occurred_at <= ?7 || ' 23:59:59'");
	} else {
		px_buf_adds(sql, " FROM entry_fts WHERE entry_fts MATCH ?1 AND entry_fts.rowid NOT IN"
				 " (SELECT id FROM entry WHERE deleted_at IS NOT NULL)");
	}
	if (o->tag && *o->tag)
		px_buf_adds(sql, " AND +entry_fts.rowid IN (SELECT entry_id FROM entry_tag WHERE tag_id IN"
				 " (SELECT id FROM tag WHERE name = ?5 OR (substr(?5, -1) = '/'"
				 " AND substr(name, 1, length(?5)) = ?5 COLLATE NOCASE)))");
}

static void bind_filters(sqlite3_stmt *s, const struct search_options *o)
{
	if (o->frame >= 0 && o->frame < FRAME_COUNT)
		db_bind_text(s, P_FRAME, entry_frame_name((enum entry_frame)o->frame));
	if (o->tag && *o->tag)
		db_bind_text(s, P_TAG, o->tag[0] == '#' ? o->tag + 1 : o->tag);
	if (o->from[0])
		db_bind_text(s, P_FROM, o->from);
	if (o->to[0])
		db_bind_text(s, P_TO, o->to);
}

/* Compile QUERY and prepare SQL built by COMPOSE; *s is ready to step. */
static int prepare(struct journal *j, const char *query, const struct search_options *o,
		   void (*compose)(const struct search_options *, struct px_buf *),
		   sqlite3_stmt **s, struct px_error *err)
{
	char *match = NULL;
	if (search_compile(query, &match, err) < 0)
		return -1;
	struct px_buf sql = PX_BUF_INIT;
	compose(o, &sql);
	*s = db_stmt_composed(j, sql.data, err);
	px_buf_free(&sql);
	if (!*s) {
		free(match);
		return -1;
	}
	db_bind_text(*s, P_MATCH, match);
	free(match);
	bind_filters(*s, o);
	return 0;
}

/* FTS5 rejects nothing search_compile emits; should it ever, the user
 * still gets a sentence rather than SQLite's grammar. */
static int step_fail(struct journal *j, int rc, const char *query, struct px_error *err)
{
	const char *msg = sqlite3_errmsg(j->db);
	if ((rc & 0xff) == SQLITE_ERROR && strncmp(msg, "fts5:", 5) == 0) {
		struct parser ps = { query, query, err };
		return parse_fail(&ps, NULL, "cannot search for this");
	}
	return db_fail(j, rc, "searching", err);
}

static void compose_run(const struct search_options *o, struct px_buf *sql)
{
	px_buf_adds(sql,
		    "SELECT e.id, e.frame, e.occurred_at, e.title,"
		    " snippet(entry_fts, -1, ?2, ?3, '…', 16), m.r"
		    " FROM (SELECT rid, r FROM (SELECT entry_fts.rowid AS rid,"
		    " bm25(entry_fts, 10.0, 1.0, 1.0, 5.0) AS r");
	compose_from(o, sql);
	/* FTS5 walks the matches newest first and stops after the window, so
	 * bm25 runs on at most SEARCH_RANK_WINDOW of them (see search.h). */
	px_buf_adds(sql,
		    " ORDER BY entry_fts.rowid DESC LIMIT ?10)"
		    " ORDER BY r, rid DESC LIMIT ?8 OFFSET ?9) AS m"
		    " CROSS JOIN entry e ON e.id = m.rid"
		    " CROSS JOIN entry_fts ON entry_fts.rowid = m.rid"
		    " WHERE entry_fts MATCH ?1 ORDER BY m.r, m.rid DESC");
}

static void row_to_hit(sqlite3_stmt *s, struct search_hit *h)
{
	memset(h, 0, sizeof *h);
	h->id = sqlite3_column_int64(s, 0);
	const char *frame = (const char *)sqlite3_column_text(s, 1);
	enum entry_frame fr = FRAME_NOTE;
	if (frame && entry_frame_parse(frame, &fr, NULL) == 0)
		h->frame = fr;
	db_col_copy(s, 2, h->occurred_at, sizeof h->occurred_at);
	h->title = (const char *)sqlite3_column_text(s, 3);
	h->snippet = (const char *)sqlite3_column_text(s, 4);
	h->rank = sqlite3_column_double(s, 5);
	if (!h->title)
		h->title = "";
	if (!h->snippet)
		h->snippet = "";
}

int search_run(struct journal *j, const char *query, const struct search_options *opt,
	       int (*fn)(const struct search_hit *hit, void *ctx), void *ctx,
	       struct px_error *err)
{
	struct search_options defaults;
	search_options_init(&defaults);
	const struct search_options *o = opt ? opt : &defaults;
	sqlite3_stmt *s;
	if (prepare(j, query, o, compose_run, &s, err) < 0)
		return -1;
	db_bind_text_or_empty(s, P_OPEN, o->mark_open);
	db_bind_text_or_empty(s, P_CLOSE, o->mark_close);
	db_bind_int(s, P_LIMIT, o->limit ? (int64_t)o->limit : SEARCH_LIMIT_DEFAULT);
	db_bind_int(s, P_OFFSET, (int64_t)o->offset);
	size_t limit = o->limit ? o->limit : SEARCH_LIMIT_DEFAULT;
	db_bind_int(s, P_WINDOW, o->offset + limit <= SEARCH_RANK_WINDOW ? SEARCH_RANK_WINDOW : -1);
	int rc, n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct search_hit hit;
		row_to_hit(s, &hit);
		n++;
		if (fn(&hit, ctx) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	if (rc != SQLITE_DONE)
		step_fail(j, rc, query, err);
	db_done(s);
	return rc == SQLITE_DONE ? n : -1;
}

static void compose_count(const struct search_options *o, struct px_buf *sql)
{
	px_buf_adds(sql, "SELECT count(*)");
	compose_from(o, sql);
}

int search_count(struct journal *j, const char *query, const struct search_options *opt,
		 int64_t *count, struct px_error *err)
{
	struct search_options defaults;
	search_options_init(&defaults);
	const struct search_options *o = opt ? opt : &defaults;
	sqlite3_stmt *s;
	*count = 0;
	if (prepare(j, query, o, compose_count, &s, err) < 0)
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*count = sqlite3_column_int64(s, 0);
	else
		step_fail(j, rc, query, err);
	db_done(s);
	return rc == SQLITE_ROW ? 0 : -1;
}
