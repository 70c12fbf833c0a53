/*
 * suggest.c — nearest-name suggestions by optimal-string-alignment
 * (restricted Damerau–Levenshtein) distance.  Names are short, so the
 * O(len²) table is cheap; longer inputs are capped so a hostile 1 MB
 * "command" costs nothing.
 */
#include "praxis/suggest.h"

#include <ctype.h>
#include <string.h>

#define SUGGEST_MAX_LEN 64

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;
	return m < c ? m : c;
}

size_t suggest_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > SUGGEST_MAX_LEN || lb > SUGGEST_MAX_LEN)
		return (size_t)-1;
	size_t d[SUGGEST_MAX_LEN + 1][SUGGEST_MAX_LEN + 1];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t k = 0; k <= lb; k++)
		d[0][k] = k;
	for (size_t i = 1; i <= la; i++) {
		for (size_t k = 1; k <= lb; k++) {
			int ca = tolower((unsigned char)a[i - 1]);
			int cb = tolower((unsigned char)b[k - 1]);
			size_t cost = ca != cb;
			d[i][k] = min3(d[i - 1][k] + 1, d[i][k - 1] + 1, d[i - 1][k - 1] + cost);
			if (i > 1 && k > 1 && ca == tolower((unsigned char)b[k - 2]) &&
			    tolower((unsigned char)a[i - 2]) == cb && d[i - 2][k - 2] + 1 < d[i][k])
				d[i][k] = d[i - 2][k - 2] + 1;
		}
	}
	return d[la][lb];
}

const char *suggest_nearest(const char *word, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	size_t len = strlen(word);
	size_t limit = len < 4 ? 1 : 2;
	for (size_t i = 0; i < n; i++) {
		size_t dist = suggest_distance(word, candidates[i]);
		if (dist < best_d) {
			best_d = dist;
			best = candidates[i];
		}
	}
	if (!best || best_d == 0 || best_d > limit || best_d * 2 > len)
		return best_d == 0 ? best : NULL;
	return best;
}
