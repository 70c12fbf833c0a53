/*
 * test_template_doc.c — praxis-templates(5) kept in step with the loader.
 *
 * The page must name everything the loader accepts and nothing it does
 * not: top-level keys; step keys and which kinds take them; the kinds;
 * condition subjects and operators, and which kinds and fact types each
 * operator may test; the facts, their types and whether the review module
 * computes them; recall sources; substitution names; citation keys and
 * the types they suit; vocabulary keys; the warnings; the example
 * diagnostics (which must be the loader's own words); and the example
 * template, which must load without a single diagnostic.
 *
 * Where the names come from.  Kinds and operators come through the public
 * template_kind_name() and template_op_name(), facts are checked with
 * template_fact_lookup(); the other lists are read from the loader's own
 * tables in src/core (a table the test cannot find fails the test, so a
 * refactor cannot quietly turn it off).  Every name read there is then
 * tried on the loader with a small template, so the lists are what the
 * loader does, not what its source seems to say; which kinds take a key,
 * which operators fit a kind or a fact type and which citation types take
 * a key are learnt only by loading.
 *
 * How the page is read.  Roff escapes become text.  A name is documented
 * as the term of a .TP entry (the line after .TP; several names may share
 * a term, "eq, ne, lt") in its section: TOP-LEVEL KEYS, STEPS, CONDITIONS,
 * FACTS, RECALL, CITATIONS, VOCABULARIES, and each kind's own keys under
 * the kind's .SS in STEP KINDS.  Text after '(' in a term is its note: a
 * fact's type and "not computed yet", a citation key's types.  A kind's
 * operators are the one line starting "Conditions:" in its .SS; a fact
 * type's, the line "Conditions on a TYPE fact:" in FACTS.
 *
 * Run from the repository root.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "praxis/buf.h"
#include "praxis/template.h"

#define PAGE "man/praxis-templates.5"
#define CORE "src/core/"
#define BAD_EXPECTED "tests/templates/bad/expected.txt"

/* ---- lists of names ----------------------------------------------------- */

struct names {
	char **v;
	size_t n, cap;
};

static bool names_has(const struct names *s, const char *x)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i], x) == 0)
			return true;
	return false;
}

static void names_add(struct names *s, const char *x)
{
	if (names_has(s, x))
		return;
	px_grow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n++] = px_xstrdup(x);
}

static void names_addn(struct names *s, const char *x, size_t len)
{
	char *copy = px_xstrndup(x, len);
	names_add(s, copy);
	free(copy);
}

static void names_free(struct names *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof *s);
}

/* Fail, listing both differences, unless DOC and CODE hold the same names. */
static void expect_same(const struct names *doc, const struct names *code, const char *what)
{
	size_t bad = 0;
	for (size_t i = 0; i < code->n; i++)
		if (!names_has(doc, code->v[i])) {
			print_error("%s: '%s' is accepted by the loader but not documented\n", what,
				    code->v[i]);
			bad++;
		}
	for (size_t i = 0; i < doc->n; i++)
		if (!names_has(code, doc->v[i])) {
			print_error("%s: '%s' is documented but the loader has no such name\n", what,
				    doc->v[i]);
			bad++;
		}
	if (bad)
		fail_msg("%s: the page and the loader disagree on %zu names", what, bad);
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s (run the test from the repository root)", path);
	struct px_buf b = PX_BUF_INIT;
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		px_buf_add(&b, chunk, n);
	fclose(f);
	return px_buf_detach(&b);
}

/* ---- the loader's tables ------------------------------------------------ */

/* The string literals of the line at P. */
static void line_literals(const char *p, struct names *out)
{
	for (; *p && *p != '\n'; p++) {
		if (*p != '"')
			continue;
		const char *end = strchr(p + 1, '"');
		if (!end)
			return;
		names_addn(out, p + 1, (size_t)(end - p - 1));
		p = end;
	}
}

/* The string literals of the brace block opening at OPEN in SRC; an
 * identifier #defined in SRC adds the literals of its definition. */
static void block_literals(const char *src, const char *open, struct names *out)
{
	int depth = 0;
	for (const char *p = open; *p; p++) {
		if (p[0] == '/' && p[1] == '*') {
			const char *end = strstr(p + 2, "*/");
			if (!end)
				return;
			p = end + 1;
		} else if (*p == '"') {
			const char *end = strchr(p + 1, '"');
			if (!end)
				return;
			names_addn(out, p + 1, (size_t)(end - p - 1));
			p = end;
		} else if (isalpha((unsigned char)*p) || *p == '_') {
			const char *start = p;
			while (isalnum((unsigned char)p[1]) || p[1] == '_')
				p++;
			char define[128];
			snprintf(define, sizeof define, "#define %.*s ", (int)(p - start + 1), start);
			const char *def = strstr(src, define);
			if (def)
				line_literals(def + strlen(define), out);
		} else if (*p == '{') {
			depth++;
		} else if (*p == '}' && --depth == 0) {
			return;
		}
	}
}

/* The names in the table that follows ANCHORS in FILE (each anchor found
 * after the one before), or false when an anchor is missing. */
static bool table_find(const char *file, const char *const *anchors, size_t n,
		       struct names *out)
{
	char *src = read_all(file);
	const char *p = src;
	for (size_t i = 0; p && i < n; i++) {
		if (i)
			p += strlen(anchors[i - 1]);
		p = strstr(p, anchors[i]);
	}
	const char *open = p ? strchr(p, '{') : NULL;   /* the last anchor may hold it */
	if (open)
		block_literals(src, open, out);
	free(src);
	return open != NULL;
}

/* As table_find, but the table must be there and must not be empty. */
static void table(const char *file, const char *a1, const char *a2, struct names *out)
{
	const char *anchors[] = { a1, a2 };
	size_t before = out->n;
	if (!table_find(file, anchors, a2 ? 2 : 1, out) || out->n == before)
		fail_msg("%s: no table after '%s'%s%s: update this test to where the loader keeps "
			 "its names", file, a1, a2 ? " then " : "", a2 ? a2 : "");
}

static void kinds(struct names *out)
{
	for (int k = 0; k < 64; k++) {
		const char *name = template_kind_name((enum template_kind)k);
		if (strcmp(name, "?") == 0)
			break;
		names_add(out, name);
	}
	assert_true(out->n > 0);
}

static void operators(struct names *out)
{
	for (int k = 0; k < 64; k++) {
		const char *name = template_op_name((enum template_cond_op)k);
		if (strcmp(name, "?") == 0)
			break;
		names_add(out, name);
	}
	assert_true(out->n > 0);
}

/* ---- the loader, tried ---------------------------------------------------- */

/* Whether TEXT loads as a template from SOURCE; problems go to DIAGS. */
static bool loads_as(const char *text, enum template_source source,
		     struct template_diags *diags)
{
	struct template_load_opts opts = { NULL, source, NULL };
	struct template *t = template_load_buffer(text, strlen(text), "probe.yaml", &opts, diags);
	template_free(t);
	return t != NULL;
}

static bool loads(const char *text)
{
	return loads_as(text, TEMPLATE_SOURCE_USER, NULL);
}

/* A diagnostic at exactly PATH whose message contains PART. */
static bool diag_at(const struct template_diags *d, const char *path, const char *part)
{
	for (size_t i = 0; i < template_diags_count(d); i++) {
		const struct template_diag *x = template_diags_get(d, i);
		if (strcmp(x->path, path) == 0 && strstr(x->message, part))
			return true;
	}
	return false;
}

/* Whether a template built from TEXT reports KEY at PATH as unknown (or,
 * for steps and citations, as not applying). */
static bool key_refused(const char *text, const char *path)
{
	struct template_diags *d = template_diags_new();
	loads_as(text, TEMPLATE_SOURCE_USER, d);
	bool refused = diag_at(d, path, "unknown key") || diag_at(d, path, "does not apply");
	template_diags_free(d);
	return refused;
}

/* Whether some line of TEXT sets KEY (after any indentation or "- "). */
static bool has_key(const char *text, const char *key)
{
	size_t len = strlen(key);
	for (const char *line = text; line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		line += strspn(line, " -");
		if (strncmp(line, key, len) == 0 && line[len] == ':')
			return true;
	}
	return false;
}

static void head(struct px_buf *b, const char *role, const char *frames)
{
	px_buf_addf(b, "praxis_template: 1\nid: probe\nversion: 1\nname: Probe\nrole: %s\n"
		    "frames: [%s]\n", role, frames);
}

/* ---- the page ----------------------------------------------------------- */

enum mkind { M_BREAK, M_TERM, M_TEXT };

struct mline {
	enum mkind kind;
	char *sec, *sub, *text;
	bool ex;                     /* inside .EX/.EE */
};

struct man {
	struct mline *v;
	size_t n, cap;
	struct names sections;       /* .SH names in order */
};

static const struct { const char *name, *text; } glyphs[] = {
	{ "em", "\xE2\x80\x94" }, { "en", "\xE2\x80\x93" }, { "aq", "'" }, { "dq", "\"" },
	{ "lq", "\xE2\x80\x9C" }, { "rq", "\xE2\x80\x9D" }, { "bu", "\xE2\x80\xA2" },
	{ "<=", "\xE2\x89\xA4" }, { "ga", "`" }, { "uFFFD", "\xEF\xBF\xBD" },
};

static void add_glyph(struct px_buf *b, const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof glyphs / sizeof glyphs[0]; i++)
		if (strlen(glyphs[i].name) == len && strncmp(glyphs[i].name, name, len) == 0) {
			px_buf_adds(b, glyphs[i].text);
			return;
		}
	fail_msg(PAGE ": the test does not know the glyph '%.*s'; add it to glyphs[]", (int)len,
		 name);
}

/* Roff text as it reads: fonts dropped, escapes turned into characters. */
static void add_plain(struct px_buf *b, const char *s)
{
	while (*s) {
		if (*s != '\\') {
			px_buf_addc(b, *s++);
			continue;
		}
		char c = *++s;
		if (c == '\0')
			return;
		s++;
		if (c == 'f') {
			if (*s == '(')
				s += *(s + 1) && *(s + 2) ? 3 : strlen(s);
			else if (*s)
				s++;
		} else if (c == '(' && s[0] && s[1]) {
			add_glyph(b, s, 2);
			s += 2;
		} else if (c == '[' && strchr(s, ']')) {
			add_glyph(b, s, (size_t)(strchr(s, ']') - s));
			s = strchr(s, ']') + 1;
		} else if (c == 'e') {
			px_buf_addc(b, '\\');
		} else if (c == ' ' || c == '~') {
			px_buf_addc(b, ' ');
		} else if (c != '&' && c != 'c') {
			px_buf_addc(b, c);   /* \- and the like */
		}
	}
}

/* A macro's arguments as they read: joined with spaces (.B, .I) or with
 * nothing between them (.BR, .IR and the other alternating macros). */
static char *macro_text(const char *args, bool alternate)
{
	struct px_buf raw = PX_BUF_INIT, out = PX_BUF_INIT;
	size_t count = 0;
	for (const char *p = args; *p;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		const char *start = p, *end;
		if (*p == '"') {
			start = ++p;
			end = strchr(p, '"');
			if (!end)
				end = p + strlen(p);
			p = *end ? end + 1 : end;
		} else {
			end = strchr(p, ' ');
			if (!end)
				end = p + strlen(p);
			p = end;
		}
		if (count++ && !alternate)
			px_buf_addc(&raw, ' ');
		px_buf_add(&raw, start, (size_t)(end - start));
	}
	add_plain(&out, raw.data);
	px_buf_free(&raw);
	return px_buf_detach(&out);
}

static void man_push(struct man *m, enum mkind kind, const char *sec, const char *sub,
		     char *text, bool ex)
{
	px_grow((void **)&m->v, &m->cap, m->n + 1, sizeof *m->v);
	struct mline *l = &m->v[m->n++];
	l->kind = kind;
	l->sec = px_xstrdup(sec);
	l->sub = px_xstrdup(sub);
	l->text = text ? text : px_xstrdup("");
	l->ex = ex;
}

static bool is_macro(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(name, list[i]) == 0)
			return true;
	return false;
}

/* One source line into M; SEC and SUB are the current headings (owned). */
static void man_line_in(struct man *m, const char *line, char **sec, char **sub, bool *term,
			bool *ex)
{
	static const char *const plain_fonts[] = { "B", "I" };
	static const char *const alt_fonts[] = { "BR", "BI", "IB", "IR", "RB", "RI" };
	if (line[0] != '.') {
		struct px_buf b = PX_BUF_INIT;
		add_plain(&b, line);
		man_push(m, *term ? M_TERM : M_TEXT, *sec, *sub, px_buf_detach(&b), *ex);
		*term = false;
		return;
	}
	if (strncmp(line, ".\\\"", 3) == 0)
		return;
	char name[8] = "";
	size_t len = strcspn(line + 1, " ");
	snprintf(name, sizeof name, "%.*s", len < 7 ? (int)len : 7, line + 1);
	const char *args = line + 1 + len;
	bool alternate = is_macro(name, alt_fonts, 6);
	if (alternate || is_macro(name, plain_fonts, 2)) {
		man_push(m, *term ? M_TERM : M_TEXT, *sec, *sub, macro_text(args, alternate), *ex);
		*term = false;
		return;
	}
	if (strcmp(name, "SH") == 0 || strcmp(name, "SS") == 0) {
		char **slot = name[1] == 'H' ? sec : sub;
		free(*slot);
		*slot = macro_text(args, false);
		if (name[1] == 'H') {
			free(*sub);
			*sub = px_xstrdup("");
			names_add(&m->sections, *sec);
		}
	}
	if (strcmp(name, "EX") == 0 || strcmp(name, "EE") == 0)
		*ex = name[1] == 'X';
	if (strcmp(name, "TQ") == 0) {   /* another term for the same entry */
		*term = true;
		return;
	}
	man_push(m, M_BREAK, *sec, *sub, NULL, *ex);
	*term = strcmp(name, "TP") == 0;
}

static struct man *man_read(const char *path)
{
	struct man *m = px_xcalloc(1, sizeof *m);
	char *src = read_all(path);
	char *sec = px_xstrdup(""), *sub = px_xstrdup("");
	bool term = false, ex = false;
	for (char *line = src; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		man_line_in(m, line, &sec, &sub, &term, &ex);
		line = nl ? nl + 1 : NULL;
	}
	free(sec);
	free(sub);
	free(src);
	return m;
}

static void man_free(struct man *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->v[i].sec);
		free(m->v[i].sub);
		free(m->v[i].text);
	}
	free(m->v);
	names_free(&m->sections);
	free(m);
}

/* The first word of a subsection heading ("text — free writing": text). */
static bool sub_is(const char *sub, const char *name)
{
	size_t len = strlen(name);
	return strncmp(sub, name, len) == 0 && (sub[len] == '\0' || sub[len] == ' ');
}

static bool in(const struct mline *l, const char *sec, const char *sub)
{
	return strcmp(l->sec, sec) == 0 && (!sub || sub_is(l->sub, sub));
}

/* The names a term documents: its text before '(' or ':', split at commas
 * and spaces ("or" and "and" are not names). */
static void term_names(const char *term, struct names *out)
{
	size_t stop = strcspn(term, "(:");
	for (size_t i = 0; i < stop;) {
		size_t skip = strspn(term + i, ", ");
		i += skip;
		size_t len = strcspn(term + i, ", (:");
		if (len > stop - i)
			len = stop - i;
		bool joiner = (len == 2 && strncmp(term + i, "or", 2) == 0) ||
			      (len == 3 && strncmp(term + i, "and", 3) == 0);
		if (len && !joiner)
			names_addn(out, term + i, len);
		i += len;
		if (!skip && !len)
			i++;
	}
}

/* Every name documented as a term in SEC (and SUB, when not NULL); names
 * starting "x-" stand for keys praxis ignores. */
static void doc_terms(const struct man *m, const char *sec, const char *sub, struct names *out)
{
	struct names all = { 0 };
	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].kind == M_TERM && in(&m->v[i], sec, sub))
			term_names(m->v[i].text, &all);
	for (size_t i = 0; i < all.n; i++)
		if (strncmp(all.v[i], "x-", 2) != 0)
			names_add(out, all.v[i]);
	names_free(&all);
}

/* The term line of NAME's entry in SEC/SUB, and its body into BODY. */
static const char *doc_entry(const struct man *m, const char *sec, const char *sub,
			     const char *name, struct px_buf *body)
{
	for (size_t i = 0; i < m->n; i++) {
		if (m->v[i].kind != M_TERM || !in(&m->v[i], sec, sub))
			continue;
		struct names here = { 0 };
		term_names(m->v[i].text, &here);
		bool hit = names_has(&here, name);
		names_free(&here);
		if (!hit)
			continue;
		for (size_t k = i + 1; body && k < m->n && m->v[k].kind == M_TEXT; k++) {
			px_buf_adds(body, m->v[k].text);
			px_buf_addc(body, '\n');
		}
		return m->v[i].text;
	}
	fail_msg(PAGE ": %s: no entry for '%s'", sec, name);
	return NULL;
}

/* The one text line in SEC/SUB that starts with PREFIX. */
static const char *doc_line(const struct man *m, const char *sec, const char *sub,
			    const char *prefix)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].kind == M_TEXT && in(&m->v[i], sec, sub) &&
		    strncmp(m->v[i].text, prefix, strlen(prefix)) == 0)
			return m->v[i].text;
	fail_msg(PAGE ": %s%s%s: no line starting '%s'", sec, sub ? " / " : "", sub ? sub : "",
		 prefix);
	return NULL;
}

/* All the text of SEC, one line per line. */
static void doc_text(const struct man *m, const char *sec, struct px_buf *out)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].kind != M_BREAK && in(&m->v[i], sec, NULL)) {
			px_buf_adds(out, m->v[i].text);
			px_buf_addc(out, '\n');
		}
}

/* The words of TEXT that are in AMONG. */
static void words_among(const char *text, const struct names *among, struct names *out)
{
	for (const char *p = text; *p;) {
		size_t len = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789_-");
		if (len) {
			char *w = px_xstrndup(p, len);
			if (names_has(among, w))
				names_add(out, w);
			free(w);
			p += len;
		} else {
			p++;
		}
	}
}

static bool has_word(const char *text, const char *word)
{
	struct names one = { 0 }, found = { 0 };
	names_add(&one, word);
	words_among(text, &one, &found);
	bool hit = found.n > 0;
	names_free(&one);
	names_free(&found);
	return hit;
}

/* The lines of the first .EX block in SEC, joined. */
static char *doc_example(const struct man *m, const char *sec)
{
	struct px_buf b = PX_BUF_INIT;
	bool started = false;
	for (size_t i = 0; i < m->n; i++) {
		const struct mline *l = &m->v[i];
		if (!in(l, sec, NULL))
			continue;
		if (l->ex && l->kind == M_TEXT) {
			px_buf_adds(&b, l->text);
			px_buf_addc(&b, '\n');
			started = true;
		} else if (started && !l->ex) {
			break;
		}
	}
	if (!started)
		fail_msg(PAGE ": %s has no .EX block", sec);
	return px_buf_detach(&b);
}

/* ---- probes ------------------------------------------------------------- */

static void names_union(struct names *out, const struct names *more)
{
	for (size_t i = 0; i < more->n; i++)
		names_add(out, more->v[i]);
}

/* Fail unless the template TEXT takes the key at PATH, which FILE lists. */
static void expect_taken(const char *text, const char *path, const char *file)
{
	if (key_refused(text, path))
		fail_msg("%s lists '%s' but the loader refuses it", file, strrchr(path, '.') ?
			 strrchr(path, '.') + 1 : path);
}

/* Which of KEYS a step of KIND takes, learnt by loading. */
static void kind_keys(const char *kind, const struct names *keys, struct names *out)
{
	for (size_t i = 0; i < keys->n; i++) {
		struct px_buf b = PX_BUF_INIT;
		char path[96];
		head(&b, "follow-up", "note");
		px_buf_addf(&b, "steps:\n  - id: s\n    kind: %s\n", kind);
		if (!has_key(b.data, keys->v[i]))
			px_buf_addf(&b, "    %s: x\n", keys->v[i]);
		snprintf(path, sizeof path, "steps[0].%s", keys->v[i]);
		if (!key_refused(b.data, path))
			names_add(out, keys->v[i]);
		px_buf_free(&b);
	}
}

/* The kinds, every step key of the loader's tables, the keys every step
 * has, and for each kind the keys it takes (TAKES[k], from loading). */
struct step_keys {
	struct names kinds, all, common, *takes;
};

static void step_keys_read(struct step_keys *s)
{
	memset(s, 0, sizeof *s);
	kinds(&s->kinds);
	table(CORE "template_step.c", "common_keys[] = {", NULL, &s->common);
	names_union(&s->all, &s->common);
	table(CORE "template_step.c", "kind_keys[", NULL, &s->all);
	s->takes = px_xcalloc(s->kinds.n, sizeof *s->takes);
	struct names taken = { 0 };
	for (size_t k = 0; k < s->kinds.n; k++) {
		kind_keys(s->kinds.v[k], &s->all, &s->takes[k]);
		names_union(&taken, &s->takes[k]);
	}
	for (size_t i = 0; i < s->all.n; i++)
		if (!names_has(&taken, s->all.v[i]))
			fail_msg("template_step.c lists '%s' but no kind takes it", s->all.v[i]);
	names_free(&taken);
}

static void step_keys_free(struct step_keys *s)
{
	for (size_t k = 0; k < s->kinds.n; k++)
		names_free(&s->takes[k]);
	free(s->takes);
	names_free(&s->kinds);
	names_free(&s->all);
	names_free(&s->common);
}

/* A template whose step s is of KIND (with options or a source when the
 * kind takes them) and whose step t has WHEN (NULL: none). */
static char *kind_probe(const char *kind, const char *when)
{
	struct names keys = { 0 }, takes = { 0 };
	names_add(&keys, "options");
	names_add(&keys, "from");
	kind_keys(kind, &keys, &takes);
	struct px_buf b = PX_BUF_INIT;
	head(&b, "follow-up", "note");
	px_buf_addf(&b, "steps:\n  - id: s\n    kind: %s\n    prompt: P\n", kind);
	if (names_has(&takes, "options"))
		px_buf_adds(&b, "    options: [{id: worked, label: Worked}]\n");
	if (names_has(&takes, "from"))
		px_buf_adds(&b, "    from: {action: text}\n");
	px_buf_adds(&b, "  - id: t\n    kind: text\n    prompt: Q\n");
	if (when)
		px_buf_addf(&b, "    when: %s\n", when);
	names_free(&keys);
	names_free(&takes);
	return px_buf_detach(&b);
}

static char *fact_probe(const char *fact, const char *when)
{
	struct px_buf b = PX_BUF_INIT;
	head(&b, "review", "period");
	px_buf_addf(&b, "facts: [%s]\nsteps:\n  - id: t\n    kind: text\n    prompt: Q\n", fact);
	if (when)
		px_buf_addf(&b, "    when: %s\n", when);
	return px_buf_detach(&b);
}

/* Fail unless LINE names exactly the operators of which some leaf
 * "{SUBJECT: NAME, OP: value}" loads in the template MAKE(ARG, leaf). */
static void expect_ops(const char *line, const char *subject, const char *name,
		       char *(*make)(const char *arg, const char *when), const char *arg,
		       const char *what)
{
	static const char *const values[] = { "true", "3", "worked" };
	struct names ops = { 0 }, fit = { 0 }, said = { 0 };
	operators(&ops);
	for (size_t i = 0; i < ops.n; i++) {
		bool ok = false;
		for (size_t v = 0; v < sizeof values / sizeof values[0] && !ok; v++) {
			char when[160];
			snprintf(when, sizeof when, "{%s: %s, %s: %s}", subject, name, ops.v[i],
				 values[v]);
			char *text = make(arg, when);
			ok = loads(text);
			free(text);
		}
		if (ok)
			names_add(&fit, ops.v[i]);
	}
	words_among(line, &ops, &said);
	expect_same(&said, &fit, what);
	names_free(&ops);
	names_free(&fit);
	names_free(&said);
}

/* ---- tests -------------------------------------------------------------- */

static int setup(void **state)
{
	*state = man_read(PAGE);
	return 0;
}

static int teardown(void **state)
{
	man_free(*state);
	return 0;
}

static void test_sections_in_order(void **state)
{
	static const char *const wanted[] = {
		"NAME", "SYNOPSIS", "DESCRIPTION", "FILE FORMAT", "TOP-LEVEL KEYS", "STEPS",
		"STEP KINDS", "CONDITIONS", "SUBSTITUTIONS", "FACTS", "RECALL",
		"FOLLOW-UPS AND CYCLES", "CITATIONS", "VOCABULARIES", "LIMITS",
		"VALIDATION AND DIAGNOSTICS", "EXAMPLE", "FILES", "SEE ALSO",
	};
	const struct man *m = *state;
	size_t at = 0;
	for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++) {
		while (at < m->sections.n && strcmp(m->sections.v[at], wanted[i]) != 0)
			at++;
		if (at == m->sections.n)
			fail_msg(PAGE ": no section %s after %s", wanted[i], i ? wanted[i - 1] : "the top");
	}
}

static void test_top_level_keys(void **state)
{
	struct names code = { 0 }, doc = { 0 };
	table(CORE "template.c", "top_keys[] = {", NULL, &code);
	for (size_t i = 0; i < code.n; i++) {
		struct px_buf b = PX_BUF_INIT;
		head(&b, "reflect", "note");
		px_buf_adds(&b, "steps:\n  - {id: a, kind: text, prompt: P}\n");
		if (!has_key(b.data, code.v[i]))
			px_buf_addf(&b, "%s: x\n", code.v[i]);
		expect_taken(b.data, code.v[i], "template.c");
		px_buf_free(&b);
	}
	assert_true(key_refused("praxis_template: 1\nprobe_no_such_key: x\n", "probe_no_such_key"));
	doc_terms(*state, "TOP-LEVEL KEYS", NULL, &doc);
	expect_same(&doc, &code, "TOP-LEVEL KEYS");
	names_free(&code);
	names_free(&doc);
}

/* STEPS lists the keys every step has, and says which kinds refuse one. */
static void test_step_keys(void **state)
{
	const struct man *m = *state;
	struct step_keys s;
	struct names doc = { 0 }, none = { 0 }, probe = { 0 };
	step_keys_read(&s);
	names_add(&probe, "probe_no_such_key");
	kind_keys("text", &probe, &none);
	assert_int_equal(none.n, 0);
	doc_terms(m, "STEPS", NULL, &doc);
	expect_same(&doc, &s.common, "STEPS");
	for (size_t i = 0; i < s.common.n; i++) {
		struct px_buf body = PX_BUF_INIT;
		doc_entry(m, "STEPS", NULL, s.common.v[i], &body);
		for (size_t k = 0; k < s.kinds.n; k++)
			if (!names_has(&s.takes[k], s.common.v[i]) && !has_word(body.data, s.kinds.v[k]))
				fail_msg("STEPS: '%s' does not apply to %s steps; its entry must say so",
					 s.common.v[i], s.kinds.v[k]);
		px_buf_free(&body);
	}
	names_free(&doc);
	names_free(&none);
	names_free(&probe);
	step_keys_free(&s);
}

/* STEP KINDS has one .SS per kind, in the loader's order, with the keys
 * that kind takes beyond the common ones and the operators that test it. */
static void test_step_kinds(void **state)
{
	const struct man *m = *state;
	struct step_keys s;
	struct names subs = { 0 };
	step_keys_read(&s);
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->v[i].sec, "STEP KINDS") == 0 && m->v[i].sub[0])
			names_addn(&subs, m->v[i].sub, strcspn(m->v[i].sub, " "));
	expect_same(&subs, &s.kinds, "STEP KINDS subsections");
	for (size_t k = 0; k < s.kinds.n; k++) {
		const char *kind = s.kinds.v[k];
		char what[80];
		struct names own = { 0 }, documented = { 0 };
		assert_string_equal(subs.v[k], kind);
		for (size_t i = 0; i < s.takes[k].n; i++)
			if (!names_has(&s.common, s.takes[k].v[i]))
				names_add(&own, s.takes[k].v[i]);
		doc_terms(m, "STEP KINDS", kind, &documented);
		snprintf(what, sizeof what, "STEP KINDS / %s", kind);
		expect_same(&documented, &own, what);

		char *base = kind_probe(kind, NULL);
		if (!loads(base))
			fail_msg("the test's template with a %s step does not load:\n%s", kind, base);
		free(base);
		snprintf(what, sizeof what, "STEP KINDS / %s / Conditions", kind);
		expect_ops(doc_line(m, "STEP KINDS", kind, "Conditions:"), "step", "s", kind_probe,
			   kind, what);
		names_free(&own);
		names_free(&documented);
	}
	names_free(&subs);
	step_keys_free(&s);
}

static void test_conditions(void **state)
{
	struct names subjects = { 0 }, code = { 0 }, doc = { 0 };
	table(CORE "template_cond.c", "subjects[] = {", NULL, &subjects);
	for (size_t i = 0; i < subjects.n; i++) {
		struct px_buf b = PX_BUF_INIT;
		char path[64];
		head(&b, "reflect", "note");
		px_buf_addf(&b, "steps:\n  - {id: a, kind: text, prompt: P}\n"
			    "  - {id: b, kind: text, prompt: Q, when: {%s: x}}\n", subjects.v[i]);
		snprintf(path, sizeof path, "steps[1].when.%s", subjects.v[i]);
		expect_taken(b.data, path, "template_cond.c");
		px_buf_free(&b);
	}
	names_union(&code, &subjects);
	operators(&code);
	doc_terms(*state, "CONDITIONS", NULL, &doc);
	expect_same(&doc, &code, "CONDITIONS");
	names_free(&subjects);
	names_free(&code);
	names_free(&doc);
}

static const char *const fact_types[] = { "number", "text", "list" };

/* A fact name as the page writes it: a measure pattern's "*" as NAME
 * (WITH: NULL), or as a measure id (WITH: "impact"). */
static char *fact_spelt(const char *name, const char *with)
{
	const char *star = strchr(name, '*');
	struct px_buf b = PX_BUF_INIT;
	if (!star)
		px_buf_adds(&b, name);
	else
		px_buf_addf(&b, "%.*s%s%s", (int)(star - name), name, with ? with : "NAME", star + 1);
	return px_buf_detach(&b);
}

/* Each fact's entry says its type, and whether it is computed yet. */
static void expect_fact_entry(const struct man *m, const char *name)
{
	const struct template_fact_info *info = template_fact_lookup(name);
	char *shown = fact_spelt(name, NULL), *sample = fact_spelt(name, "impact");
	if (!info || strcmp(info->name, name) != 0 || template_fact_lookup(sample) != info)
		fail_msg("template_facts.c lists '%s' but template_fact_lookup does not know it", name);
	const char *note = strchr(doc_entry(m, "FACTS", NULL, shown, NULL), '(');
	if (!note || !has_word(note, fact_types[info->type]))
		fail_msg("FACTS: '%s' must say it is a %s", shown, fact_types[info->type]);
	if (!info->available != (strstr(note, "not computed yet") != NULL))
		fail_msg("FACTS: '%s' is %scomputed now; its entry must say so", shown,
			 info->available ? "" : "not ");
	free(shown);
	free(sample);
}

static void test_facts(void **state)
{
	const struct man *m = *state;
	struct names code = { 0 }, shown = { 0 }, doc = { 0 };
	struct px_buf text = PX_BUF_INIT;
	const char *sample[3] = { NULL, NULL, NULL };
	size_t available = 0;
	table(CORE "template_facts.c", "facts[] = {", NULL, &code);
	for (size_t i = 0; i < code.n; i++) {
		char *spelt = fact_spelt(code.v[i], NULL);
		names_add(&shown, spelt);
		free(spelt);
	}
	doc_terms(m, "FACTS", NULL, &doc);
	expect_same(&doc, &shown, "FACTS");
	for (size_t i = 0; i < code.n; i++) {
		expect_fact_entry(m, code.v[i]);
		const struct template_fact_info *info = template_fact_lookup(code.v[i]);
		available += info->available;
		if (!strchr(code.v[i], '*') && !sample[info->type])
			sample[info->type] = code.v[i];
	}
	doc_text(m, "FACTS", &text);
	assert_true((available == 0) == (strstr(text.data, "does not compute any fact yet") != NULL));
	for (size_t t = 0; t < 3; t++) {
		char prefix[64], what[64];
		snprintf(prefix, sizeof prefix, "Conditions on a %s fact:", fact_types[t]);
		snprintf(what, sizeof what, "FACTS / %s facts / Conditions", fact_types[t]);
		if (sample[t])
			expect_ops(doc_line(m, "FACTS", NULL, prefix), "fact", sample[t], fact_probe,
				   sample[t], what);
	}
	px_buf_free(&text);
	names_free(&code);
	names_free(&shown);
	names_free(&doc);
}

static void test_recall_sources(void **state)
{
	const struct man *m = *state;
	struct names sources = { 0 }, keys = { 0 }, doc = { 0 };
	struct px_buf text = PX_BUF_INIT;
	table(CORE "template_recall.c", "recall_sources[] = {", NULL, &sources);
	table(CORE "template_recall.c", "*recall_parse(", "keys[] = {", &keys);
	for (size_t i = 0; i < sources.n; i++) {
		struct px_buf b = PX_BUF_INIT;
		struct template_diags *d = template_diags_new();
		char path[64];
		head(&b, "follow-up", "note");
		px_buf_addf(&b, "steps:\n  - {id: a, kind: text, prompt: P}\n"
			    "  - {id: r, kind: recall, from: {%s: x}}\n", sources.v[i]);
		snprintf(path, sizeof path, "steps[1].from.%s", sources.v[i]);
		loads_as(b.data, TEMPLATE_SOURCE_USER, d);
		if (diag_at(d, path, "unknown key") || diag_at(d, "steps[1].from", "needs one source"))
			fail_msg("template_recall.c lists the source '%s' but the loader refuses it",
				 sources.v[i]);
		template_diags_free(d);
		px_buf_free(&b);
	}
	doc_terms(m, "RECALL", NULL, &doc);
	expect_same(&doc, &sources, "RECALL");
	doc_text(m, "RECALL", &text);
	for (size_t i = 0; i < keys.n; i++)
		if (!names_has(&sources, keys.v[i]) && !has_word(text.data, keys.v[i]))
			fail_msg("RECALL: the key '%s' of from: is not mentioned", keys.v[i]);
	px_buf_free(&text);
	names_free(&sources);
	names_free(&keys);
	names_free(&doc);
}

/* Whether "{{NS.NAME}}" in a prompt loads in a template of some role. */
static bool substitution_loads(const char *ns, const char *name)
{
	static const char *const roles[] = { "reflect", "follow-up", "review" };
	bool ok = false;
	for (size_t r = 0; r < 3 && !ok; r++) {
		struct px_buf b = PX_BUF_INIT;
		head(&b, roles[r], "note");
		px_buf_addf(&b, "steps:\n  - {id: a, kind: text, prompt: \"{{%s.%s}}\"}\n", ns, name);
		ok = loads(b.data);
		px_buf_free(&b);
	}
	return ok;
}

/* Every namespace is documented; so is each name of the namespaces whose
 * names are fixed (those with a table of their own in check_one). */
static void test_substitutions(void **state)
{
	struct names spaces = { 0 };
	struct px_buf text = PX_BUF_INIT;
	doc_text(*state, "SUBSTITUTIONS", &text);
	table(CORE "template_text.c", "static void check_one(", "namespaces[] = {", &spaces);
	for (size_t i = 0; i < spaces.n; i++) {
		struct names fixed = { 0 };
		char anchor[64], want[128];
		snprintf(anchor, sizeof anchor, " %s[] = {", spaces.v[i]);
		const char *anchors[] = { "static void check_one(", anchor };
		table_find(CORE "template_text.c", anchors, 2, &fixed);
		snprintf(want, sizeof want, "{{%s.", spaces.v[i]);
		if (!strstr(text.data, want))
			fail_msg("SUBSTITUTIONS: nothing about %s", want);
		for (size_t k = 0; k < fixed.n; k++) {
			if (!substitution_loads(spaces.v[i], fixed.v[k]))
				fail_msg("{{%s.%s}} loads in no template role", spaces.v[i], fixed.v[k]);
			snprintf(want, sizeof want, "{{%s.%s}}", spaces.v[i], fixed.v[k]);
			if (!strstr(text.data, want))
				fail_msg("SUBSTITUTIONS: %s is not documented", want);
		}
		names_free(&fixed);
	}
	assert_false(substitution_loads("probe", "x"));
	px_buf_free(&text);
	names_free(&spaces);
}

/* Whether a citation of TYPE takes KEY (the base citation has the keys
 * every type needs; a value of the wrong shape is not a refusal). */
static bool cite_takes(const char *type, const char *key)
{
	struct px_buf b = PX_BUF_INIT;
	char path[96];
	head(&b, "reflect", "note");
	px_buf_addf(&b, "based_on:\n  - model: M\n    cite:\n      type: %s\n"
		    "      authors: [\"A, B.\"]\n      year: 2000\n      title: T\n", type);
	if (!has_key(b.data, key))
		px_buf_addf(&b, "      %s: x\n", key);
	px_buf_adds(&b, "steps:\n  - {id: a, kind: text, prompt: P}\n");
	snprintf(path, sizeof path, "based_on[0].cite.%s", key);
	bool takes = !key_refused(b.data, path);
	px_buf_free(&b);
	return takes;
}

/* Each citation key's note names the types that take it ("all types"). */
static void test_citations(void **state)
{
	const struct man *m = *state;
	struct names keys = { 0 }, types = { 0 }, doc = { 0 };
	struct px_buf body = PX_BUF_INIT;
	table(CORE "template_cite.c", "cite_keys[] = {", NULL, &keys);
	table(CORE "template_cite.c", "cite_types[] = {", NULL, &types);
	doc_terms(m, "CITATIONS", NULL, &doc);
	expect_same(&doc, &keys, "CITATIONS");
	for (size_t i = 0; i < keys.n; i++) {
		struct names fit = { 0 }, said = { 0 };
		char what[64];
		for (size_t t = 0; t < types.n; t++)
			if (cite_takes(types.v[t], keys.v[i]))
				names_add(&fit, types.v[t]);
		const char *note = strchr(doc_entry(m, "CITATIONS", NULL, keys.v[i], NULL), '(');
		if (!note)
			fail_msg("CITATIONS: '%s' must say which types it suits", keys.v[i]);
		if (strstr(note, "all types"))
			names_union(&said, &types);
		else
			words_among(note, &types, &said);
		snprintf(what, sizeof what, "CITATIONS / %s / types", keys.v[i]);
		expect_same(&said, &fit, what);
		names_free(&fit);
		names_free(&said);
	}
	doc_entry(m, "CITATIONS", NULL, "type", &body);
	for (size_t t = 0; t < types.n; t++)
		if (!has_word(body.data, types.v[t]))
			fail_msg("CITATIONS: the type '%s' is not named", types.v[t]);
	px_buf_free(&body);
	names_free(&keys);
	names_free(&types);
	names_free(&doc);
}

static void test_vocabularies(void **state)
{
	const struct man *m = *state;
	struct names file = { 0 }, vocab = { 0 }, option = { 0 }, doc = { 0 };
	struct px_buf body = PX_BUF_INIT;
	table(CORE "template_vocab.c", "*vocab_file_parse(", "keys[] = {", &file);
	table(CORE "template_vocab.c", "bool vocab_parse(", "keys[] = {", &vocab);
	table(CORE "template_vocab.c", "static bool option_parse(", "keys[] = {", &option);
	for (size_t i = 0; i < vocab.n; i++) {
		struct px_buf b = PX_BUF_INIT;
		char path[96];
		head(&b, "reflect", "note");
		px_buf_adds(&b, "vocabularies:\n  v:\n    name: N\n    options: [{id: a, label: A}]\n");
		if (!has_key(b.data, vocab.v[i]))
			px_buf_addf(&b, "    %s: x\n", vocab.v[i]);
		px_buf_adds(&b, "steps:\n  - {id: a, kind: text, prompt: P}\n");
		snprintf(path, sizeof path, "vocabularies.v.%s", vocab.v[i]);
		expect_taken(b.data, path, "template_vocab.c");
		px_buf_free(&b);
	}
	names_union(&file, &vocab);
	doc_terms(m, "VOCABULARIES", NULL, &doc);
	expect_same(&doc, &file, "VOCABULARIES");
	doc_entry(m, "VOCABULARIES", NULL, "options", &body);
	for (size_t i = 0; i < option.n; i++)
		if (!has_word(body.data, option.v[i]))
			fail_msg("VOCABULARIES: options: the option key '%s' is not named", option.v[i]);
	px_buf_free(&body);
	names_free(&file);
	names_free(&vocab);
	names_free(&option);
	names_free(&doc);
}

/* The warnings SOURCE's TEXT draws, added to OUT. */
static void warnings_of(const char *text, enum template_source source, struct names *out)
{
	struct template_diags *d = template_diags_new();
	assert_true(loads_as(text, source, d));
	for (size_t i = 0; i < template_diags_count(d); i++) {
		const struct template_diag *x = template_diags_get(d, i);
		if (x->severity == TEMPLATE_WARNING)
			names_add(out, x->message);
	}
	template_diags_free(d);
}

/* The warnings shown are exactly those the loader gives: the lints and
 * the first fact that is not computed yet. */
static void test_warnings(void **state)
{
	const struct man *m = *state;
	struct names drawn = { 0 }, doc = { 0 }, facts = { 0 };
	struct px_buf b = PX_BUF_INIT;
	head(&b, "reflect", "note");
	px_buf_adds(&b, "steps:\n  - {id: a, kind: text, prompt: P}\n  - {id: b, kind: text, "
		    "prompt: Q, required: true, when: {step: a, answered: true}}\n");
	warnings_of(b.data, TEMPLATE_SOURCE_USER, &drawn);
	px_buf_reset(&b);
	head(&b, "reflect", "note");
	px_buf_adds(&b, "adapted: false\nbased_on:\n  - model: M\n    cite: {type: book, authors: "
		    "[\"A, B.\"], year: 2000, title: T}\nsteps:\n  - {id: a, kind: date, prompt: P}\n");
	warnings_of(b.data, TEMPLATE_SOURCE_BUNDLED, &drawn);
	table(CORE "template_facts.c", "facts[] = {", NULL, &facts);
	for (size_t i = 0; i < facts.n; i++) {
		if (strchr(facts.v[i], '*') || template_fact_lookup(facts.v[i])->available)
			continue;
		char *text = fact_probe(facts.v[i], NULL);
		warnings_of(text, TEMPLATE_SOURCE_USER, &drawn);
		free(text);
		break;
	}
	assert_true(drawn.n >= 3);
	for (size_t i = 0; i < m->n; i++) {
		const struct mline *l = &m->v[i];
		const char *w = strstr(l->text, ": warning: ");
		if (l->ex && in(l, "VALIDATION AND DIAGNOSTICS", NULL) && w &&
		    strncmp(l->text, "mine.yaml:", 10) == 0)
			names_add(&doc, w + strlen(": warning: "));
	}
	expect_same(&doc, &drawn, "VALIDATION AND DIAGNOSTICS / warnings");
	px_buf_free(&b);
	names_free(&drawn);
	names_free(&doc);
	names_free(&facts);
}

/* Every error shown in VALIDATION AND DIAGNOSTICS is, from LINE:COLUMN on,
 * exactly what the loader says for a file of the malformed corpus. */
static void test_diagnostic_examples(void **state)
{
	const struct man *m = *state;
	char *expected = read_all(BAD_EXPECTED);
	size_t shown = 0;
	for (size_t i = 0; i < m->n; i++) {
		const struct mline *l = &m->v[i];
		if (!l->ex || !in(l, "VALIDATION AND DIAGNOSTICS", NULL) ||
		    strncmp(l->text, "mine.yaml:", 10) != 0 || strstr(l->text, ": warning: "))
			continue;
		const char *tail = l->text + strlen("mine.yaml");   /* ":L:C: PATH: MESSAGE" */
		size_t len = strlen(tail);
		bool found = false;
		for (const char *p = strstr(expected, tail); p && !found; p = strstr(p + 1, tail))
			found = p[len] == '\n' || p[len] == '\0';
		if (!found)
			fail_msg("VALIDATION AND DIAGNOSTICS: '%s' is not what the loader says for any "
				 "file in " BAD_EXPECTED, l->text);
		shown++;
	}
	assert_true(shown > 0);
	free(expected);
}

static const char action_review[] =
	"praxis_template: 1\nid: action-review\nversion: 1\nname: Action review\n"
	"role: follow-up\nframes: [note]\nsteps:\n"
	"  - {id: outcome, kind: outcome, prompt: Did you try it?}\n"
	"  - {id: new_due, kind: date, prompt: When instead?, when: {step: outcome, is: not-yet}}\n";

/* A set holding only a follow-up template with the id action-review. */
static struct template_set *follow_up_set(struct template_diags *d)
{
	char dir[] = "/tmp/praxis-doc-test-......", path[64];
	memset(dir + sizeof dir - 7, 'X', 6);   /* mkdtemp's pattern */
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/action-review.yaml", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(action_review, f);
	fclose(f);
	struct template_dir folder = { dir, TEMPLATE_SOURCE_USER };
	struct template_set *set = template_set_load(&folder, 1, d);
	unlink(path);
	rmdir(dir);
	assert_non_null(template_set_find(set, "action-review"));
	return set;
}

/* The example template loads without a single diagnostic, its follow-up
 * resolves, and the answers file in COMMANDS answers its steps. */
static void test_example_template(void **state)
{
	const struct man *m = *state;
	char *text = doc_example(m, "EXAMPLE"), *answers = doc_example(m, "COMMANDS");
	struct template_diags *d = template_diags_new();
	struct template_load_opts opts = { NULL, TEMPLATE_SOURCE_USER, NULL };
	struct template *t = template_load_buffer(text, strlen(text), "example.yaml", &opts, d);
	for (size_t i = 0; i < template_diags_count(d); i++) {
		char *s = template_diag_format(template_diags_get(d, i));
		print_error("%s\n", s);
		free(s);
	}
	assert_non_null(t);
	assert_int_equal(template_diags_count(d), 0);
	struct template_set *set = follow_up_set(d);
	assert_int_equal(template_check_refs(t, set, d), 0);
	assert_int_equal(template_diags_count(d), 0);

	size_t keys = 0;
	for (const char *line = answers; line; line = strchr(line, '\n')) {
		line += *line == '\n';
		size_t len = strspn(line, "abcdefghijklmnopqrstuvwxyz0123456789_");
		if (!len || line[len] != ':')
			continue;
		char *id = px_xstrndup(line, len);
		if (template_step_find(t, id) < 0)
			fail_msg("COMMANDS: the answers example names '%s', not a step of the example", id);
		free(id);
		keys++;
	}
	assert_true(keys > 0);
	template_set_free(set);
	template_diags_free(d);
	template_free(t);
	free(answers);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sections_in_order),
		cmocka_unit_test(test_top_level_keys),
		cmocka_unit_test(test_step_keys),
		cmocka_unit_test(test_step_kinds),
		cmocka_unit_test(test_conditions),
		cmocka_unit_test(test_facts),
		cmocka_unit_test(test_recall_sources),
		cmocka_unit_test(test_substitutions),
		cmocka_unit_test(test_citations),
		cmocka_unit_test(test_vocabularies),
		cmocka_unit_test(test_warnings),
		cmocka_unit_test(test_diagnostic_examples),
		cmocka_unit_test(test_example_template),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
