/*
 * anonymise.c — stand-ins for a journal's people and the one-pass
 * replacement of their names in text (anonymise.h states the rules).
 *
 * Stand-ins are worked out once, on first use: generated letters in the
 * order people were added, then roles with any names inside them replaced
 * by the stand-ins that never come from a role (so replacing cannot
 * loop).  Names are indexed by their first byte, ASCII case folded, each
 * bucket longest first, so most positions of a text cost one table look.
 */
#include "praxis/anonymise.h"

#include "praxis/person.h"
#include "praxis/text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct anon_person {
	char *name;
	size_t len;
	char *role, *pseudonym;
	int64_t order;
	char *primary;          /* pseudonym or generated: never from a role */
	char *at_form;          /* what "@Name" becomes */
	char *bare_form;        /* what a bare "Name" becomes */
};

struct anonymiser {
	struct anon_person *people;
	size_t n, cap;
	bool ready;
	size_t *index;          /* people by folded first byte, longest first */
	size_t bucket[257];     /* index[bucket[c] .. bucket[c + 1]) start with byte c */
};

static unsigned char fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

struct anonymiser *anonymiser_new(void)
{
	return px_xcalloc(1, sizeof(struct anonymiser));
}

void anonymiser_free(struct anonymiser *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->n; i++) {
		struct anon_person *p = &a->people[i];
		free(p->name);
		free(p->role);
		free(p->pseudonym);
		free(p->primary);
		free(p->at_form);
		free(p->bare_form);
	}
	free(a->people);
	free(a->index);
	free(a);
}

void anonymiser_add(struct anonymiser *a, const char *name, const char *role,
		    const char *pseudonym, int64_t order)
{
	if (name && name[0] == '@')
		name++;
	if (!name || !*name)
		return;
	for (size_t i = 0; i < a->n; i++)
		if (strcasecmp(a->people[i].name, name) == 0)
			return;
	if (pseudonym && pseudonym[0] == '@')
		pseudonym++;
	px_grow((void **)&a->people, &a->cap, a->n + 1, sizeof *a->people);
	struct anon_person *p = &a->people[a->n++];
	memset(p, 0, sizeof *p);
	p->name = px_xstrdup(name);
	p->len = strlen(name);
	p->role = role && *role ? px_xstrdup(role) : NULL;
	p->pseudonym = pseudonym && *pseudonym ? px_xstrdup(pseudonym) : NULL;
	p->order = order;
	a->ready = false;
}

static int load_one(const struct person *p, void *ctx)
{
	anonymiser_add(ctx, p->name, p->role, p->pseudonym, p->id);
	return 0;
}

int anonymiser_load(struct journal *j, struct anonymiser **out, struct px_error *err)
{
	*out = anonymiser_new();
	if (person_list(j, load_one, *out, err) < 0) {
		anonymiser_free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

/* ---- stand-ins -------------------------------------------------------------- */

/* "A" .. "Z", "AA" .. : bijective base 26 of K (from 0). */
static void letters(size_t k, struct px_buf *out)
{
	char rev[16];
	size_t n = 0;
	k++;
	while (k > 0 && n < sizeof rev) {
		k--;
		rev[n++] = (char)('A' + k % 26);
		k /= 26;
	}
	while (n > 0)
		px_buf_addc(out, rev[--n]);
}

static int by_order(const void *x, const void *y, void *ctx)
{
	const struct anon_person *people = ctx;
	const struct anon_person *a = &people[*(const size_t *)x], *b = &people[*(const size_t *)y];
	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* qsort has no context argument: sort indices with a small insertion sort,
 * which is plenty for the few dozen people of a journal. */
static void sort_indices(size_t *idx, size_t n, int (*cmp)(const void *, const void *, void *),
			 void *ctx)
{
	for (size_t i = 1; i < n; i++) {
		size_t v = idx[i], k = i;
		while (k > 0 && cmp(&idx[k - 1], &v, ctx) > 0) {
			idx[k] = idx[k - 1];
			k--;
		}
		idx[k] = v;
	}
}

static int by_first_byte(const void *x, const void *y, void *ctx)
{
	const struct anon_person *people = ctx;
	const struct anon_person *a = &people[*(const size_t *)x], *b = &people[*(const size_t *)y];
	unsigned char fa = fold((unsigned char)a->name[0]), fb = fold((unsigned char)b->name[0]);
	if (fa != fb)
		return fa < fb ? -1 : 1;
	if (a->len != b->len)
		return a->len > b->len ? -1 : 1;
	return strcmp(a->name, b->name);
}

static void build_index(struct anonymiser *a)
{
	free(a->index);
	a->index = px_xcalloc(a->n + 1, sizeof *a->index);
	for (size_t i = 0; i < a->n; i++)
		a->index[i] = i;
	sort_indices(a->index, a->n, by_first_byte, a->people);
	size_t k = 0;
	for (unsigned c = 0; c < 256; c++) {
		a->bucket[c] = k;
		while (k < a->n && fold((unsigned char)a->people[a->index[k]].name[0]) == c)
			k++;
	}
	a->bucket[256] = a->n;
}

static void replace_all(struct anonymiser *a, const char *text, struct px_buf *out,
			bool primary_only);

static void prepare(struct anonymiser *a)
{
	if (a->ready)
		return;
	a->ready = true;
	size_t *order = px_xcalloc(a->n + 1, sizeof *order);
	for (size_t i = 0; i < a->n; i++)
		order[i] = i;
	sort_indices(order, a->n, by_order, a->people);
	size_t letter = 0;
	for (size_t k = 0; k < a->n; k++) {
		struct anon_person *p = &a->people[order[k]];
		free(p->primary);
		if (p->pseudonym) {
			p->primary = px_xstrdup(p->pseudonym);
			continue;
		}
		struct px_buf b = PX_BUF_INIT;
		px_buf_adds(&b, "Colleague ");
		letters(letter++, &b);
		p->primary = px_buf_detach(&b);
	}
	free(order);
	build_index(a);
	for (size_t i = 0; i < a->n; i++) {
		struct anon_person *p = &a->people[i];
		free(p->at_form);
		free(p->bare_form);
		if (p->pseudonym) {
			struct px_buf b = PX_BUF_INIT;
			px_buf_addf(&b, "@%s", p->pseudonym);
			p->at_form = px_buf_detach(&b);
			p->bare_form = px_xstrdup(p->pseudonym);
		} else if (p->role) {
			struct px_buf b = PX_BUF_INIT;
			replace_all(a, p->role, &b, true);
			p->bare_form = px_buf_detach(&b);
			p->at_form = px_xstrdup(p->bare_form);
		} else {
			p->at_form = px_xstrdup(p->primary);
			p->bare_form = px_xstrdup(p->primary);
		}
	}
}

/* ---- replacing ---------------------------------------------------------------- */

static bool same_folded(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (fold((unsigned char)a[i]) != fold((unsigned char)b[i]))
			return false;
	return true;
}

/* The character at TEXT+I: its length, and itself in *CP (ASCII without
 * the decoder: it is nearly all of most journals). */
static size_t char_at(const char *text, size_t i, size_t len, uint32_t *cp)
{
	unsigned char c = (unsigned char)text[i];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	return text_utf8_decode(text + i, len - i, cp);
}

static bool word_char(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9') || cp == '_';
	return text_is_word_char(cp);
}

static bool word_char_at(const char *text, size_t i, size_t len)
{
	uint32_t cp = 0;
	if (i < len)
		char_at(text, i, len, &cp);
	return word_char(cp);
}

/* The person whose name is at TEXT+I as a whole word on its right, or NULL. */
static const struct anon_person *match_at(const struct anonymiser *a, const char *text,
					  size_t i, size_t len)
{
	unsigned char c = fold((unsigned char)text[i]);
	for (size_t k = a->bucket[c]; k < a->bucket[c + 1]; k++) {
		const struct anon_person *p = &a->people[a->index[k]];
		if (p->len <= len - i && same_folded(text + i, p->name, p->len) &&
		    !word_char_at(text, i + p->len, len))
			return p;
	}
	return NULL;
}

/* A character after which '@' does not start a mention (text.h). */
static bool blocks_sigil(uint32_t prev)
{
	return text_is_word_char(prev) || prev == '_' || prev == '&' || prev == '#' ||
	       prev == '@' || prev == '/' || prev == '\\' || prev == '.' || prev == '-';
}

/* One pass over TEXT: a name can only start where a word does, so the
 * rest of a word is stepped over, and what is not replaced is copied a
 * run at a time (one copy a character made anonymising 100k entries take
 * four times as long as exporting them). */
static void replace_all(struct anonymiser *a, const char *text, struct px_buf *out,
			bool primary_only)
{
	size_t len = strlen(text), run = 0;   /* text[run, i) is copied as it is */
	uint32_t prev = 0;
	for (size_t i = 0; i < len;) {
		if (word_char(prev)) {           /* inside a word: no name starts here */
			i += char_at(text, i, len, &prev);
			continue;
		}
		const struct anon_person *p = NULL;
		bool mention = text[i] == '@' && !(prev && blocks_sigil(prev)) && i + 1 < len &&
			       (p = match_at(a, text, i + 1, len));
		if (!mention)
			p = match_at(a, text, i, len);
		if (!p) {
			i += char_at(text, i, len, &prev);
			continue;
		}
		px_buf_add(out, text + run, i - run);
		const char *with = primary_only ? p->primary
				   : mention    ? p->at_form
						: p->bare_form;
		/* A mention inside a role keeps its '@' only before a pseudonym,
		 * the one stand-in that is itself a name. */
		if (primary_only && mention && p->pseudonym)
			px_buf_addc(out, '@');
		px_buf_adds(out, with);
		i += p->len + mention;
		run = i;
		prev = 'a';
	}
	px_buf_add(out, text + run, len - run);
}

void anonymise_append(struct anonymiser *a, const char *text, struct px_buf *out)
{
	if (!text || !*text)
		return;
	prepare(a);
	if (a->n == 0) {
		px_buf_adds(out, text);
		return;
	}
	replace_all(a, text, out, false);
}

char *anonymise_text(struct anonymiser *a, const char *text)
{
	struct px_buf b = PX_BUF_INIT;
	anonymise_append(a, text, &b);
	return px_buf_detach(&b);
}

static const struct anon_person *find_person(struct anonymiser *a, const char *name)
{
	if (name && name[0] == '@')
		name++;
	if (!name)
		return NULL;
	prepare(a);
	for (size_t i = 0; i < a->n; i++)
		if (strcasecmp(a->people[i].name, name) == 0)
			return &a->people[i];
	return NULL;
}

const char *anonymise_person(struct anonymiser *a, const char *name)
{
	const struct anon_person *p = find_person(a, name);
	return p ? p->at_form : NULL;
}

const char *anonymise_person_bare(struct anonymiser *a, const char *name)
{
	const struct anon_person *p = find_person(a, name);
	return p ? p->bare_form : NULL;
}
