/*
 * review_terms.c — the words and two-word phrases a period uses unusually
 * often compared with the whole journal.
 *
 * Texts are cut into words (letters and digits, inner apostrophes; #tags,
 * @names, numbers, short words and stop words are left out: tags and people
 * are counted on their own), each word reduced to its Porter stem.  A phrase
 * is two such words side by side with nothing between them.  Counts are kept
 * for the period and for a background sample of the whole journal in one
 * open-addressing table keyed by stem; each key remembers its most frequent
 * spelling by a majority vote, so "delegation" is shown rather than "deleg".
 *
 * The score is the weighted log-odds ratio with an informative Dirichlet
 * prior (Monroe, Colaresi and Quinn 2008): the prior for a term is its share
 * of the background times the background's size, which damps rare words,
 * and the z-score
 * divides the log-odds by its standard error, so a word is distinctive only
 * when the difference is larger than its counts can explain.
 */
#include "review_impl.h"

#include "praxis/buf.h"
#include "praxis/text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The prior is as strong as the background is large (Monroe et al. use the
 * whole corpus's counts as the prior), but never below this many
 * pseudo-counts, so a small journal's few words are not taken at face value. */
#define ALPHA0_MIN 50.0
#define WORD_MAX 40

struct term {
	char *key;                    /* stem, or "stem stem" */
	uint64_t hash;
	size_t len;
	bool phrase;
	int period_n, background_n;   /* occurrences */
	int period_docs;
	int64_t last_doc;             /* the last period entry counted in period_docs */
	int64_t ids[REVIEW_MAX_ENTRY_IDS];
	size_t n_ids;
	char *surface;                /* majority-vote spelling */
	int votes;
};

/* Words repeat: a direct-mapped cache of stems spares most Porter runs. */
#define STEM_CACHE 8192

struct stem_slot {
	char word[WORD_MAX + 1];
	char stem[WORD_MAX + 1];
	unsigned char stem_len;
};

struct term_table {
	struct stem_slot *stems;
	struct term *slots;
	size_t cap, used;
	double period_total[2], background_total[2];   /* [0] words, [1] phrases */
};

struct term_table *terms_new(void)
{
	struct term_table *t = px_xcalloc(1, sizeof *t);
	t->cap = 4096;
	t->slots = px_xcalloc(t->cap, sizeof *t->slots);
	t->stems = px_xcalloc(STEM_CACHE, sizeof *t->stems);
	return t;
}

void terms_free(struct term_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->cap; i++) {
		free(t->slots[i].key);
		free(t->slots[i].surface);
	}
	free(t->slots);
	free(t->stems);
	free(t);
}

static uint64_t hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static void grow(struct term_table *t);

static struct term *lookup(struct term_table *t, const char *key, size_t n)
{
	if (t->used * 2 >= t->cap)
		grow(t);
	uint64_t h = hash(key, n);
	size_t i = (size_t)h & (t->cap - 1);
	for (;; i = (i + 1) & (t->cap - 1)) {
		struct term *s = &t->slots[i];
		if (!s->key) {
			s->key = px_xstrndup(key, n);
			s->hash = h;
			s->len = n;
			s->last_doc = -1;
			t->used++;
			return s;
		}
		if (s->hash == h && s->len == n && memcmp(s->key, key, n) == 0)
			return s;
	}
}

static void grow(struct term_table *t)
{
	struct term *old = t->slots;
	size_t old_cap = t->cap;
	t->cap *= 2;
	t->slots = px_xcalloc(t->cap, sizeof *t->slots);
	for (size_t i = 0; i < old_cap; i++) {
		if (!old[i].key)
			continue;
		size_t k = (size_t)old[i].hash & (t->cap - 1);
		while (t->slots[k].key)
			k = (k + 1) & (t->cap - 1);
		t->slots[k] = old[i];
	}
	free(old);
}

/* Boyer–Moore majority vote over spellings: O(1) space per term. */
static void vote(struct term *s, const char *surface)
{
	if (s->surface && strcmp(s->surface, surface) == 0) {
		s->votes++;
	} else if (s->votes == 0) {
		free(s->surface);
		s->surface = px_xstrdup(surface);
		s->votes = 1;
	} else {
		s->votes--;
	}
}

static void count(struct term_table *t, const char *key, size_t n, bool phrase,
		  const char *surface, int64_t id, bool in_period)
{
	struct term *s = lookup(t, key, n);
	s->phrase = phrase;
	if (!in_period) {
		s->background_n++;
		t->background_total[phrase]++;
		return;
	}
	s->period_n++;
	t->period_total[phrase]++;
	vote(s, surface);
	if (s->last_doc != id) {
		s->last_doc = id;
		s->period_docs++;
		if (s->n_ids < REVIEW_MAX_ENTRY_IDS)
			s->ids[s->n_ids++] = id;
	}
}

/* ---- cutting text into words ------------------------------------------------- */

/* Bytes of the word character at S, or 0: ASCII letters and digits, and
 * outside ASCII whatever is not punctuation, a symbol or a space. */
static size_t word_char(const char *s)
{
	unsigned char c = (unsigned char)*s;
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	uint32_t cp;
	/* Safe on a NUL-terminated string: decoding stops at the first byte
	 * that is not a continuation, and NUL is not one. */
	size_t n = text_utf8_decode(s, 4, &cp);
	bool letter = cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && cp != 0xFFFD &&
		      !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F) &&
		      !(cp >= 0xFE00 && cp <= 0xFE4F) && !(cp >= 0xFF00 && cp <= 0xFF20) &&
		      !(cp >= 0x1F000 && cp <= 0x1FAFF);
	return letter ? n : 0;
}

/* Letters that end a phrase: anything but spaces between two words. */
static bool breaks_phrase(const char *from, const char *to)
{
	for (const char *p = from; p < to; p++)
		if (*p != ' ' && *p != '\t')
			return true;
	return false;
}

struct word {
	char text[WORD_MAX + 1];      /* lower case, stemmed when ASCII */
	size_t len;
	char surface[WORD_MAX + 1];
};

/* WORD (N bytes, lower case ASCII) stemmed into OUT; returns its length. */
static size_t stem_cached(struct term_table *t, const char *word, size_t n, char *out)
{
	struct stem_slot *slot = &t->stems[hash(word, n) & (STEM_CACHE - 1)];
	if (strncmp(slot->word, word, n) != 0 || slot->word[n] != '\0') {
		memcpy(slot->word, word, n);
		slot->word[n] = '\0';
		memcpy(slot->stem, word, n);
		slot->stem_len = (unsigned char)porter_stem(slot->stem, n);
		slot->stem[slot->stem_len] = '\0';
	}
	memcpy(out, slot->stem, (size_t)slot->stem_len + 1);
	return slot->stem_len;
}

/* The next word at or after *P into W, false at the end.  W->len is 0 for a
 * word that is not counted (it still breaks a phrase).  *START is where the
 * word begins, so the caller can tell what lay between two words. */
static bool next_word(struct term_table *t, const char **p, struct word *w,
		      const char **start_out)
{
	const char *s = *p;
	for (;;) {
		while (*s && !word_char(s))
			s++;
		*start_out = s;
		if (!*s) {
			*p = s;
			return false;
		}
		bool sigil = s > *p && (s[-1] == '#' || s[-1] == '@');
		const char *start = s;
		bool ascii = true, digits = true;
		size_t k;
		while (*s && ((k = word_char(s)) || (*s == '\'' && s > start && word_char(s + 1)))) {
			if (!k)
				k = 1;
			ascii = ascii && (unsigned char)*s < 0x80;
			digits = digits && *s >= '0' && *s <= '9';
			s += k;
		}
		size_t n = (size_t)(s - start);
		if (n >= 2 && (start[n - 2] == '\'') && (start[n - 1] == 's' || start[n - 1] == 'S'))
			n -= 2;                      /* Sam's -> sam */
		if (sigil || digits || n < 3 || n > WORD_MAX) {
			*p = s;
			w->len = 0;
			return true;                 /* a word that breaks phrases, not counted */
		}
		for (size_t i = 0; i < n; i++) {
			char c = start[i];
			w->surface[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
		}
		w->surface[n] = '\0';
		*p = s;
		if (review_stop_word(w->surface, n)) {
			w->len = 0;
			return true;
		}
		if (ascii && !memchr(w->surface, '\'', n)) {
			w->len = stem_cached(t, w->surface, n, w->text);
		} else {
			memcpy(w->text, w->surface, n + 1);
			w->len = n;
		}
		return true;
	}
}

void terms_add(struct term_table *t, const char *text, int64_t id, bool in_period)
{
	if (!text)
		return;
	const char *p = text, *start, *prev_end = NULL;
	struct word w, prev = { .len = 0 };
	while (next_word(t, &p, &w, &start)) {
		if (w.len == 0) {
			prev.len = 0;
			continue;
		}
		count(t, w.text, w.len, false, w.surface, id, in_period);
		if (prev.len && !breaks_phrase(prev_end, start)) {
			char key[2 * WORD_MAX + 2], surf[2 * WORD_MAX + 2];
			snprintf(key, sizeof key, "%s %s", prev.text, w.text);
			snprintf(surf, sizeof surf, "%s %s", prev.surface, w.surface);
			count(t, key, strlen(key), true, surf, id, in_period);
		}
		prev = w;
		prev_end = p;
	}
}

/* ---- scoring ------------------------------------------------------------------ */

static double log_odds_z(double yi, double ni, double yj, double nj, double a0, double alpha)
{
	double d = log((yi + alpha) / (ni + a0 - yi - alpha)) -
		   log((yj + alpha) / (nj + a0 - yj - alpha));
	double var = 1.0 / (yi + alpha) + 1.0 / (yj + alpha);
	return d / sqrt(var);
}

static int by_z(const void *a, const void *b)
{
	const struct review_term *x = a, *y = b;
	if (x->z != y->z)
		return x->z > y->z ? -1 : 1;
	return strcmp(x->term, y->term);
}

static int64_t newest_first(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return y - x;
}

static int cmp_ids(const void *a, const void *b)
{
	int64_t d = newest_first(a, b);
	return d < 0 ? -1 : d > 0;
}

/* A word that is the name of someone the journal mentions is counted with
 * the people, not again as a term ("Marta" as well as "@Marta"). */
static bool is_person(const struct review *r, const char *word)
{
	for (size_t i = 0; i < r->n_people; i++)
		if (strcasecmp(r->people[i].name, word) == 0)
			return true;
	return false;
}

void terms_result(struct term_table *t, struct review_owned *ro)
{
	struct review_term *out = px_xcalloc(t->used + 1, sizeof *out);
	size_t n = 0;
	for (size_t i = 0; i < t->cap; i++) {
		struct term *s = &t->slots[i];
		if (!s->key || s->period_docs < REVIEW_MIN_TERM_ENTRIES ||
		    (!s->phrase && is_person(&ro->r, s->surface)))
			continue;
		int kind = s->phrase;
		double nj = t->background_total[kind] > 0 ? t->background_total[kind] : 1;
		double vocab = (double)t->used;
		double a0 = nj > ALPHA0_MIN ? nj : ALPHA0_MIN;
		double alpha = a0 * ((s->background_n + 0.5) / (nj + 0.5 * vocab));
		double z = log_odds_z(s->period_n, t->period_total[kind], s->background_n, nj, a0,
				      alpha);
		if (!(z > REVIEW_MIN_TERM_Z))
			continue;
		out[n++] = (struct review_term){ .term = s->surface, .phrase = s->phrase,
						 .entries = s->period_docs, .occurrences = s->period_n,
						 .z = z, .entry_ids = s->ids, .n_entry_ids = s->n_ids };
	}
	qsort(out, n, sizeof *out, by_z);
	if (n > REVIEW_MAX_TERMS)
		n = REVIEW_MAX_TERMS;
	struct review_term *kept = arena_array(&ro->arena, n + 1, sizeof *kept);
	for (size_t i = 0; i < n; i++) {
		kept[i] = out[i];
		kept[i].term = arena_strdup(&ro->arena, out[i].term);
		int64_t *ids = arena_array(&ro->arena, out[i].n_entry_ids + 1, sizeof *ids);
		memcpy(ids, out[i].entry_ids, out[i].n_entry_ids * sizeof *ids);   /* never empty */
		qsort(ids, out[i].n_entry_ids, sizeof *ids, cmp_ids);
		kept[i].entry_ids = ids;
	}
	free(out);
	ro->r.terms = kept;
	ro->r.n_terms = n;
}
