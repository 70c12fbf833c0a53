/*
 * cite.c — Harvard references (Cite Them Right) from template citations:
 * deep copies merged by authors, year and title, sorted for a reference
 * list, and formatted by type (cite.h shows the shapes).  Formatting goes
 * through a span callback so that Markdown, HTML and plain text each add
 * their own italics and escaping.
 */
#include "praxis/cite.h"

#include "praxis/buf.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct cite_copy {
	struct template_cite c;
	struct {
		char **items;
		size_t n, cap;
	} owned;                    /* every string and list the copy points at */
};

struct cite_list {
	struct cite_copy **items;
	size_t n, cap;
	bool sorted;
};

/* ---- copies ---------------------------------------------------------------- */

static const char *keep(struct cite_copy *cc, const char *s)
{
	if (!s)
		return NULL;
	char *copy = px_xstrdup(s);
	px_grow((void **)&cc->owned.items, &cc->owned.cap, cc->owned.n + 1, sizeof *cc->owned.items);
	cc->owned.items[cc->owned.n++] = copy;
	return copy;
}

static const char *const *keep_list(struct cite_copy *cc, const char *const *list, size_t n)
{
	if (!n)
		return NULL;
	const char **out = px_xcalloc(n, sizeof *out);
	for (size_t i = 0; i < n; i++)
		out[i] = keep(cc, list[i]);
	px_grow((void **)&cc->owned.items, &cc->owned.cap, cc->owned.n + 1, sizeof *cc->owned.items);
	cc->owned.items[cc->owned.n++] = (char *)out;
	return out;
}

static struct cite_copy *copy_cite(const struct template_cite *c)
{
	struct cite_copy *cc = px_xcalloc(1, sizeof *cc);
	struct template_cite *d = &cc->c;
	d->type = keep(cc, c->type);
	d->authors = keep_list(cc, c->authors, c->n_authors);
	d->n_authors = c->n_authors;
	d->year = keep(cc, c->year);
	d->title = keep(cc, c->title);
	d->edition = keep(cc, c->edition);
	d->place = keep(cc, c->place);
	d->publisher = keep(cc, c->publisher);
	d->editors = keep_list(cc, c->editors, c->n_editors);
	d->n_editors = c->n_editors;
	d->book_title = keep(cc, c->book_title);
	d->pages = keep(cc, c->pages);
	d->journal = keep(cc, c->journal);
	d->volume = keep(cc, c->volume);
	d->issue = keep(cc, c->issue);
	d->translators = keep_list(cc, c->translators, c->n_translators);
	d->n_translators = c->n_translators;
	d->note = keep(cc, c->note);
	d->url = keep(cc, c->url);
	d->accessed = keep(cc, c->accessed);
	return cc;
}

static void free_copy(struct cite_copy *cc)
{
	for (size_t i = 0; i < cc->owned.n; i++)
		free(cc->owned.items[i]);
	free(cc->owned.items);
	free(cc);
}

/* ---- the list ---------------------------------------------------------------- */

struct cite_list *cite_list_new(void)
{
	return px_xcalloc(1, sizeof(struct cite_list));
}

void cite_list_free(struct cite_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		free_copy(l->items[i]);
	free(l->items);
	free(l);
}

static bool same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static bool same_reference(const struct template_cite *a, const struct template_cite *b)
{
	if (a->n_authors != b->n_authors || !same_text(a->year, b->year) ||
	    !same_text(a->title, b->title))
		return false;
	for (size_t i = 0; i < a->n_authors; i++)
		if (!same_text(a->authors[i], b->authors[i]))
			return false;
	return true;
}

int cite_list_add(struct cite_list *l, const struct template_cite *c)
{
	for (size_t i = 0; i < l->n; i++)
		if (same_reference(&l->items[i]->c, c))
			return 0;
	px_grow((void **)&l->items, &l->cap, l->n + 1, sizeof *l->items);
	l->items[l->n++] = copy_cite(c);
	l->sorted = false;
	return 1;
}

size_t cite_list_count(const struct cite_list *l)
{
	return l->n;
}

static int compare_text(const char *a, const char *b)
{
	return strcasecmp(a ? a : "", b ? b : "");
}

static int reading_order(const void *x, const void *y)
{
	const struct template_cite *a = &(*(struct cite_copy *const *)x)->c;
	const struct template_cite *b = &(*(struct cite_copy *const *)y)->c;
	for (size_t i = 0; i < a->n_authors && i < b->n_authors; i++) {
		int c = compare_text(a->authors[i], b->authors[i]);
		if (c)
			return c;
	}
	if (a->n_authors != b->n_authors)
		return a->n_authors < b->n_authors ? -1 : 1;
	int c = compare_text(a->year, b->year);
	return c ? c : compare_text(a->title, b->title);
}

const struct template_cite *cite_list_at(struct cite_list *l, size_t i)
{
	if (!l->sorted) {
		qsort(l->items, l->n, sizeof *l->items, reading_order);
		l->sorted = true;
	}
	return i < l->n ? &l->items[i]->c : NULL;
}

/* ---- formatting ------------------------------------------------------------------ */

struct out {
	cite_span_fn *fn;
	void *ctx;
};

static void put(struct out *o, const char *s, bool italic)
{
	if (s && *s)
		o->fn(s, strlen(s), italic, o->ctx);
}

/* "A", "A and B", "A, B and C". */
static void put_names(struct out *o, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			put(o, i + 1 == n ? " and " : ", ", false);
		put(o, names[i], false);
	}
}

/* "Maude, L." as "L. Maude", the order a translator is credited in. */
static void put_forename_first(struct out *o, const char *name)
{
	const char *comma = strchr(name, ',');
	if (!comma) {
		put(o, name, false);
		return;
	}
	const char *given = comma + 1;
	while (*given == ' ')
		given++;
	put(o, given, false);
	if (*given)
		put(o, " ", false);
	char *surname = px_xstrndup(name, (size_t)(comma - name));
	put(o, surname, false);
	free(surname);
}

/* Pages with an en dash for a range, after "p. " or "pp. ". */
static void put_pages(struct out *o, const char *pages)
{
	const char *dash = strchr(pages, '-');
	put(o, dash ? "pp. " : "p. ", false);
	if (!dash) {
		put(o, pages, false);
		return;
	}
	char *first = px_xstrndup(pages, (size_t)(dash - pages));
	put(o, first, false);
	free(first);
	put(o, "\xe2\x80\x93", false);
	const char *rest = dash;
	while (*rest == '-')
		rest++;
	put(o, rest, false);
}

static bool ends_sentence(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	return n && (s[n - 1] == '.' || s[n - 1] == '?' || s[n - 1] == '!');
}

/* "TITLE." in italics, without a second full stop after "?" or "!". */
static void put_italic_title(struct out *o, const char *title)
{
	put(o, title, true);
	if (!ends_sentence(title))
		put(o, ".", false);
}

static void put_place_publisher(struct out *o, const char *place, const char *publisher)
{
	if (place && publisher) {
		put(o, " ", false);
		put(o, place, false);
		put(o, ": ", false);
		put(o, publisher, false);
	} else if (place || publisher) {
		put(o, " ", false);
		put(o, place ? place : publisher, false);
	}
}

static void put_book(struct out *o, const struct template_cite *c)
{
	put_italic_title(o, c->title);
	if (c->edition) {
		put(o, " ", false);
		put(o, c->edition, false);
		put(o, " edn.", false);
	}
	put_place_publisher(o, c->place, c->publisher);
	if (c->place || c->publisher)
		put(o, ".", false);
}

static void put_chapter(struct out *o, const struct template_cite *c)
{
	put(o, "'", false);
	put(o, c->title, false);
	put(o, "', in ", false);
	if (c->n_editors) {
		put_names(o, c->editors, c->n_editors);
		put(o, c->n_editors == 1 ? " (ed.) " : " (eds) ", false);
	}
	put_italic_title(o, c->book_title);
	put_place_publisher(o, c->place, c->publisher);
	if (c->pages) {
		put(o, c->place || c->publisher ? ", " : " ", false);
		put_pages(o, c->pages);
	}
	if (c->place || c->publisher || c->pages)
		put(o, ".", false);
}

static void put_article(struct out *o, const struct template_cite *c)
{
	put(o, "'", false);
	put(o, c->title, false);
	put(o, "', ", false);
	put(o, c->journal, true);
	if (c->volume) {
		put(o, ", ", false);
		put(o, c->volume, false);
		if (c->issue) {
			put(o, "(", false);
			put(o, c->issue, false);
			put(o, ")", false);
		}
	}
	if (c->pages) {
		put(o, ", ", false);
		put_pages(o, c->pages);
	}
	put(o, ".", false);
}

static void put_web(struct out *o, const struct template_cite *c)
{
	put_italic_title(o, c->title);
	if (c->url) {
		put(o, " Available at: ", false);
		put(o, c->url, false);
	}
	if (c->accessed) {
		put(o, " (Accessed: ", false);
		put(o, c->accessed, false);
		put(o, ")", false);
	}
	if (c->url || c->accessed)
		put(o, ".", false);
}

static void put_translators(struct out *o, const struct template_cite *c)
{
	if (!c->n_translators)
		return;
	put(o, " Translated by ", false);
	for (size_t i = 0; i < c->n_translators; i++) {
		if (i)
			put(o, i + 1 == c->n_translators ? " and " : ", ", false);
		put_forename_first(o, c->translators[i]);
	}
	put(o, ".", false);
}

void cite_format(const struct template_cite *c, cite_span_fn *fn, void *ctx)
{
	struct out o = { fn, ctx };
	put_names(&o, c->authors, c->n_authors);
	put(&o, " (", false);
	put(&o, c->year ? c->year : "n.d.", false);
	put(&o, ") ", false);
	const char *type = c->type ? c->type : "book";
	if (strcmp(type, "chapter") == 0)
		put_chapter(&o, c);
	else if (strcmp(type, "article") == 0)
		put_article(&o, c);
	else if (strcmp(type, "web") == 0)
		put_web(&o, c);
	else
		put_book(&o, c);
	put_translators(&o, c);
	if (c->note) {
		put(&o, " ", false);
		put(&o, c->note, false);
		if (!ends_sentence(c->note))
			put(&o, ".", false);
	}
}

static void plain_span(const char *text, size_t len, bool italic, void *ctx)
{
	(void)italic;
	px_buf_add(ctx, text, len);
}

char *cite_format_plain(const struct template_cite *c)
{
	struct px_buf b = PX_BUF_INIT;
	cite_format(c, plain_span, &b);
	return px_buf_detach(&b);
}
