/*
 * template_cite.c — `based_on:` lists and their structured citations
 * (§4.8).  Citations are kept as data so that export can print one Harvard
 * references list with duplicates merged; here they are only checked:
 * the type is known, the keys suit the type, and what every reference needs
 * (authors, year, title, and the journal, book or address its type needs)
 * is there.
 */
#include <ctype.h>
#include <string.h>

#include "template_impl.h"

#define CITE_TEXT_MAX 400

enum {
	CT_BOOK = 1, CT_CHAPTER = 2, CT_ARTICLE = 4, CT_REPORT = 8, CT_WEB = 16,
	CT_ANY = 31,
};

static const char *const cite_types[] = { "book", "chapter", "article", "report", "web" };

struct cite_key {
	const char *key;
	unsigned types;
	bool list;
};

static const struct cite_key cite_keys[] = {
	{ "type", CT_ANY, false },        { "authors", CT_ANY, true },
	{ "year", CT_ANY, false },        { "title", CT_ANY, false },
	{ "edition", CT_BOOK | CT_CHAPTER | CT_REPORT, false },
	{ "place", CT_BOOK | CT_CHAPTER | CT_REPORT, false },
	{ "publisher", CT_BOOK | CT_CHAPTER | CT_REPORT, false },
	{ "editors", CT_CHAPTER, true },  { "book_title", CT_CHAPTER, false },
	{ "pages", CT_CHAPTER | CT_ARTICLE, false },
	{ "journal", CT_ARTICLE, false }, { "volume", CT_ARTICLE, false },
	{ "issue", CT_ARTICLE, false },   { "translators", CT_ANY, true },
	{ "note", CT_ANY, false },        { "url", CT_ANY, false },
	{ "accessed", CT_ANY, false },
};
#define N_CITE_KEYS (sizeof cite_keys / sizeof cite_keys[0])

static const char **cite_text_field(struct template_cite *ct, const char *key)
{
	const char **fields[] = {
		&ct->type, NULL, &ct->year, &ct->title, &ct->edition, &ct->place, &ct->publisher,
		NULL, &ct->book_title, &ct->pages, &ct->journal, &ct->volume, &ct->issue, NULL,
		&ct->note, &ct->url, &ct->accessed,
	};
	for (size_t i = 0; i < N_CITE_KEYS; i++)
		if (strcmp(cite_keys[i].key, key) == 0)
			return fields[i];
	return NULL;
}

static bool year_valid(const char *s)
{
	size_t len = strlen(s);
	if (strcmp(s, "n.d.") == 0)
		return true;
	if (len != 4 && len != 5)
		return false;
	for (size_t i = 0; i < 4; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return len == 4 || islower((unsigned char)s[4]);
}

static unsigned cite_type(struct vctx *c, const struct ynode *map, const char *path,
			  const char **out)
{
	char p[VPATH];
	const struct ynode *t = ymap_get(map, "type");
	if (!t || !vtext(c, t, vpath_key(p, path, "type"), 0))
		return 0;
	for (size_t i = 0; i < 5; i++) {
		if (strcmp(t->str, cite_types[i]) == 0) {
			*out = t->str;
			return 1u << i;
		}
	}
	vnot_one_of(c, t, p, "a citation type", cite_types, 5, "book, chapter, article, report "
		    "or web");
	return 0;
}

static void cite_list(struct vctx *c, struct template_cite *ct, const struct ynode *v,
		      const char *key, const char *path)
{
	size_t n;
	const char **list = vtext_list(c, v, path, &n, NULL);
	if (strcmp(key, "authors") == 0) {
		ct->authors = list;
		ct->n_authors = n;
	} else if (strcmp(key, "editors") == 0) {
		ct->editors = list;
		ct->n_editors = n;
	} else {
		ct->translators = list;
		ct->n_translators = n;
	}
}

/* Every key: known, suits the type, and of the right shape. */
static void cite_fields(struct vctx *c, struct template_cite *ct, const struct ynode *map,
			const char *path, unsigned type)
{
	char p[VPATH];
	const char *names[N_CITE_KEYS];
	const char **field;
	for (size_t i = 0; i < N_CITE_KEYS; i++)
		names[i] = cite_keys[i].key;
	vkeys(c, map, path, names, N_CITE_KEYS);
	for (size_t i = 0; i < N_CITE_KEYS; i++) {
		const struct ynode *v = ymap_get(map, cite_keys[i].key);
		if (!v || i == 0)
			continue;
		vpath_key(p, path, cite_keys[i].key);
		if (type && !(cite_keys[i].types & type)) {
			verror(c, ymap_key(map, cite_keys[i].key), p, "'%s' does not apply to %s %s "
			       "citation", cite_keys[i].key, type == CT_ARTICLE ? "an" : "a", ct->type);
			continue;
		}
		if (cite_keys[i].list)
			cite_list(c, ct, v, cite_keys[i].key, p);
		else if ((field = cite_text_field(ct, cite_keys[i].key)))
			*field = vtext(c, v, p, CITE_TEXT_MAX);
	}
}

static bool cite_parse(struct vctx *c, const struct ynode *map, const char *path,
		       struct template_cite *ct)
{
	char p[VPATH], show[80];
	size_t before = c->errors;
	if (!vis_map(c, map, path))
		return false;
	unsigned type = cite_type(c, map, path, &ct->type);
	cite_fields(c, ct, map, path, type);
	static const char *const required[] = { "type", "authors", "year", "title" };
	for (size_t i = 0; i < 4; i++)
		vrequire(c, map, path, required[i]);
	if (type == CT_ARTICLE)
		vrequire(c, map, path, "journal");
	if (type == CT_CHAPTER)
		vrequire(c, map, path, "book_title");
	if (type == CT_WEB)
		vrequire(c, map, path, "url");
	if (ct->year && !year_valid(ct->year))
		verror(c, ymap_get(map, "year"), vpath_key(p, path, "year"),
		       "'%s' is not a year (four digits, optionally a letter, or n.d.)",
		       vshow(ct->year, show));
	const struct ynode *authors = ymap_get(map, "authors");
	if (authors && authors->kind == YNODE_SEQ && authors->n == 0)
		verror(c, authors, vpath_key(p, path, "authors"), "must name at least one author");
	return c->errors == before;
}

struct template_basis *basis_parse(struct vctx *c, const struct ynode *n, const char *path,
				   size_t *count)
{
	static const char *const keys[] = { "model", "cite" };
	char p[VPATH], q[VPATH];
	*count = 0;
	if (!vis_seq(c, n, path))
		return NULL;
	struct template_basis *out = arena_array(c->arena, n->n + 1, sizeof *out);
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *item = n->kids[i];
		vpath_index(p, path, i);
		if (!vis_map(c, item, p))
			continue;
		vkeys(c, item, p, keys, 2);
		bool ok = vrequire(c, item, p, "model") & vrequire(c, item, p, "cite");
		const struct ynode *model = ymap_get(item, "model");
		const struct ynode *cite = ymap_get(item, "cite");
		struct template_basis *b = &out[*count];
		if (model && !(b->model = vtext(c, model, vpath_key(q, p, "model"), 200)))
			ok = false;
		if (cite && !cite_parse(c, cite, vpath_key(q, p, "cite"), &b->cite))
			ok = false;
		if (ok)
			(*count)++;
		else
			memset(b, 0, sizeof *b);
	}
	return out;
}
