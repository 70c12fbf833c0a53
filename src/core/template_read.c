/*
 * template_read.c — reading typed values out of the YAML tree: text with
 * limits, whole numbers in a range, booleans, ids, lists, word guides, date
 * expressions, periods and tags.  Each reader reports its own problem with
 * the node's mark and path and returns "no value", so callers read as a
 * list of fields and the loader goes on to find the next problem.
 *
 * Scalars are interpreted here, not by YAML's type rules (§4.9): `no` is
 * the text "no"; only `true` and `false` are booleans; numbers are decimal.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "praxis/suggest.h"
#include "template_impl.h"

#include "praxis/date.h"
#include "praxis/text.h"

const char *vpath_key(char buf[VPATH], const char *parent, const char *key)
{
	snprintf(buf, VPATH, "%s%s%.48s", parent, parent[0] ? "." : "", key);
	return buf;
}

const char *vpath_index(char buf[VPATH], const char *parent, size_t i)
{
	snprintf(buf, VPATH, "%s[%zu]", parent, i);
	return buf;
}

const char *vshow(const char *s, char buf[80])
{
	size_t len = strlen(s);
	if (len <= 48)
		return s;
	size_t cut = 45;
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;   /* never split a UTF-8 sequence */
	snprintf(buf, 80, "%.*s…", (int)cut, s);
	return buf;
}

size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

const char *vsuggest(const char *word, const char *const *cands, size_t n, char buf[128])
{
	const char *best = n ? suggest_nearest(word, cands, n) : NULL;
	if (!best || strcmp(best, word) == 0)
		return "";
	snprintf(buf, 128, " (did you mean '%.60s'?)", best);
	return buf;
}

bool vis_map(struct vctx *c, const struct ynode *n, const char *path)
{
	if (n->kind == YNODE_MAP)
		return true;
	verror(c, n, path, "expected a mapping of keys, found %s", ynode_kind_phrase(n));
	return false;
}

bool vis_seq(struct vctx *c, const struct ynode *n, const char *path)
{
	if (n->kind == YNODE_SEQ)
		return true;
	verror(c, n, path, "expected a list, found %s", ynode_kind_phrase(n));
	return false;
}

bool vis_scalar(struct vctx *c, const struct ynode *n, const char *path)
{
	if (n->kind == YNODE_SCALAR)
		return true;
	verror(c, n, path, "expected text, found %s", ynode_kind_phrase(n));
	return false;
}

const char *vtext(struct vctx *c, const struct ynode *n, const char *path, size_t max_chars)
{
	if (!vis_scalar(c, n, path))
		return NULL;
	if (n->len == 0) {
		verror(c, n, path, "must not be empty");
		return NULL;
	}
	size_t chars = utf8_chars(n->str);
	if (max_chars && chars > max_chars) {
		verror(c, n, path, "is %zu characters long; at most %zu", chars, max_chars);
		return NULL;
	}
	return n->str;
}

const char *vtext_bytes(struct vctx *c, const struct ynode *n, const char *path,
			size_t max_bytes)
{
	if (!vis_scalar(c, n, path))
		return NULL;
	if (n->len == 0) {
		verror(c, n, path, "must not be empty");
		return NULL;
	}
	if (n->len > max_bytes) {
		verror(c, n, path, "is %zu bytes long; at most %zu", n->len, max_bytes);
		return NULL;
	}
	return n->str;
}

static bool parse_long(const char *s, long *out)
{
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	if (!isdigit((unsigned char)*p))
		return false;
	for (const char *q = p; *q; q++)
		if (!isdigit((unsigned char)*q))
			return false;
	errno = 0;
	char *end;
	long v = strtol(s, &end, 10);
	if (errno || *end)
		return false;
	*out = v;
	return true;
}

bool vint(struct vctx *c, const struct ynode *n, const char *path, long lo, long hi,
	  long *out)
{
	char show[80];
	long v;
	if (!vis_scalar(c, n, path))
		return false;
	if (!parse_long(n->str, &v)) {
		verror(c, n, path, "'%s' is not a whole number", vshow(n->str, show));
		return false;
	}
	if (v < lo || v > hi) {
		verror(c, n, path, "must be a whole number from %ld to %ld (found %ld)", lo, hi, v);
		return false;
	}
	*out = v;
	return true;
}

bool vbool(struct vctx *c, const struct ynode *n, const char *path, bool *out)
{
	char show[80];
	if (!vis_scalar(c, n, path))
		return false;
	if (strcmp(n->str, "true") == 0 || strcmp(n->str, "false") == 0) {
		*out = n->str[0] == 't';
		return true;
	}
	verror(c, n, path, "'%s' is not true or false", vshow(n->str, show));
	return false;
}

/* Decimal numbers only: digits, one optional point, an optional sign. */
bool vnumber(struct vctx *c, const struct ynode *n, const char *path, double *out)
{
	char show[80];
	if (!vis_scalar(c, n, path))
		return false;
	const char *p = n->str;
	size_t digits = 0, points = 0;
	if (*p == '-' || *p == '+')
		p++;
	for (; *p; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (*p == '.')
			points++;
		else
			break;
	}
	if (*p || !digits || points > 1 || n->len > 32) {
		verror(c, n, path, "'%s' is not a number", vshow(n->str, show));
		return false;
	}
	*out = strtod(n->str, NULL);
	return true;
}

static bool id_char(enum vid_kind kind, char ch)
{
	if (islower((unsigned char)ch) || isdigit((unsigned char)ch))
		return true;
	switch (kind) {
	case VID_TEMPLATE:
	case VID_MEASURE:
		return ch == '-';
	case VID_STEP:
		return ch == '_';
	case VID_OPTION:
		return ch == '-' || ch == '_';
	}
	return false;
}

bool id_valid(enum vid_kind kind, const char *s)
{
	size_t len = strlen(s);
	size_t max = kind == VID_STEP ? 32 : 40;
	if (len == 0 || len > max)
		return false;
	if (kind != VID_STEP && !islower((unsigned char)s[0]) && !isdigit((unsigned char)s[0]))
		return false;
	for (; *s; s++)
		if (!id_char(kind, *s))
			return false;
	return true;
}

const char *vid(struct vctx *c, const struct ynode *n, const char *path, enum vid_kind kind)
{
	static const char *const rules[] = {
		[VID_TEMPLATE] = "an id (lower-case letters, digits and '-', at most 40, "
				 "starting with a letter or digit)",
		[VID_STEP] = "a step id (lower-case letters, digits and '_', at most 32)",
		[VID_OPTION] = "an option id (lower-case letters, digits, '-' and '_', at most "
			       "40, starting with a letter or digit)",
		[VID_MEASURE] = "a measure name (lower-case letters, digits and '-', at most 40, "
				"starting with a letter or digit)",
	};
	char show[80];
	if (!vis_scalar(c, n, path))
		return NULL;
	if (!id_valid(kind, n->str)) {
		verror(c, n, path, "'%s' is not %s", vshow(n->str, show), rules[kind]);
		return NULL;
	}
	return n->str;
}

void vkeys(struct vctx *c, const struct ynode *map, const char *path,
	   const char *const *allowed, size_t n_allowed)
{
	char p[VPATH], show[80], sug[128];
	for (size_t i = 0; i < map->n; i++) {
		const struct ynode *key = map->kids[2 * i];
		if (strncmp(key->str, "x-", 2) == 0)
			continue;
		size_t k = 0;
		while (k < n_allowed && strcmp(allowed[k], key->str) != 0)
			k++;
		if (k < n_allowed)
			continue;
		verror(c, key, vpath_key(p, path, key->str), "unknown key '%s'%s",
		       vshow(key->str, show),
		       vquiet(c) ? "" : vsuggest(key->str, allowed, n_allowed, sug));
	}
}

/* A missing key is not reported when another key of MAP looks like a
 * misspelling of it: that key's own "did you mean" says it better. */
bool vrequire(struct vctx *c, const struct ynode *map, const char *path, const char *key)
{
	if (ymap_get(map, key))
		return true;
	for (size_t i = 0; i < map->n && map->n <= 64 && !vquiet(c); i++) {
		const char *k = map->kids[2 * i]->str;
		if (strncmp(k, "x-", 2) != 0 && suggest_nearest(k, &key, 1))
			return false;
	}
	verror(c, map, path, "missing required key '%s'", key);
	return false;
}

void vnot_one_of(struct vctx *c, const struct ynode *at, const char *path, const char *what,
		 const char *const *names, size_t n, const char *list)
{
	char show[80], sug[128];
	const char *s = at->kind == YNODE_SCALAR ? at->str : "";
	const char *hint = vsuggest(s, names, n, sug);
	if (hint[0])
		verror(c, at, path, "'%s' is not %s%s", vshow(s, show), what, hint);
	else
		verror(c, at, path, "'%s' is not %s (%s)", vshow(s, show), what, list);
}

const char **vtext_list(struct vctx *c, const struct ynode *n, const char *path,
			size_t *count,
			bool (*check)(struct vctx *, const struct ynode *, const char *))
{
	char p[VPATH], show[80];
	*count = 0;
	if (!vis_seq(c, n, path))
		return NULL;
	if (n->n > TEMPLATE_MAX_LIST) {
		verror(c, n, path, "has %zu items; at most %d", n->n, TEMPLATE_MAX_LIST);
		return NULL;
	}
	const char **out = arena_array(c->arena, n->n + 1, sizeof *out);
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *item = n->kids[i];
		vpath_index(p, path, i);
		if (!vtext(c, item, p, 0) || (check && !check(c, item, p)))
			continue;
		size_t k = 0;
		while (k < *count && strcmp(out[k], item->str) != 0)
			k++;
		if (k < *count) {
			verror(c, item, p, "'%s' is listed twice", vshow(item->str, show));
			continue;
		}
		out[(*count)++] = item->str;
	}
	return out;
}

static bool words_order(struct vctx *c, const struct ynode *n, const char *path,
			const struct template_words *w)
{
	struct { const char *a; int av; const char *b; int bv; } pairs[] = {
		{ "min", w->min, "max", w->max },
		{ "min", w->min, "target", w->target },
		{ "target", w->target, "max", w->max },
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		if (pairs[i].av && pairs[i].bv && pairs[i].av > pairs[i].bv) {
			verror(c, n, path, "%s (%d) is more than %s (%d)", pairs[i].a, pairs[i].av,
			       pairs[i].b, pairs[i].bv);
			return false;
		}
	}
	return true;
}

bool vwords(struct vctx *c, const struct ynode *n, const char *path,
	    struct template_words *out)
{
	static const char *const keys[] = { "min", "target", "max" };
	char p[VPATH];
	struct template_words w = { 0, 0, 0 };
	int *fields[] = { &w.min, &w.target, &w.max };
	if (!vis_map(c, n, path))
		return false;
	vkeys(c, n, path, keys, 3);
	bool ok = true;
	for (size_t i = 0; i < 3; i++) {
		const struct ynode *v = ymap_get(n, keys[i]);
		long x;
		if (!v)
			continue;
		if (vint(c, v, vpath_key(p, path, keys[i]), 0, 100000, &x))
			*fields[i] = (int)x;
		else
			ok = false;
	}
	if (!ok || !words_order(c, n, path, &w))
		return false;
	*out = w;
	return true;
}

/* Date expressions and periods mean what the date module says they mean
 * (date.h): checking them with the same parser that resolves them at run
 * time means a template can never hold a date the engine then refuses.
 * A fixed reference day stands for "now": validity does not depend on it. */
static const struct px_datetime reference_now = { { 2000, 1, 1 }, 12, 0, 0, 1 };

bool date_expr_valid(const char *s)
{
	struct px_datetime out;
	return date_parse_expr(s, &reference_now, DATE_FUTURE, &out, NULL) == 0;
}

bool period_valid(const char *s)
{
	struct px_date_range r;
	return date_parse_range(s, &reference_now, &r, NULL) == 0;
}

/* §7.1: letters, digits, '-', '_' and '/', with no '/' at either end.
 * Bytes of multi-byte UTF-8 count as letters. */
static bool tag_chars(const char *s)
{
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (!(isalnum(ch) || ch == '-' || ch == '_' || ch == '/' || ch >= 0x80))
			return false;
	}
	return true;
}


bool prefix_valid(const char *s)
{
	size_t len = strlen(s);
	return len > 0 && len <= 40 && tag_chars(s) && s[0] != '/';
}

bool vtag(struct vctx *c, const struct ynode *n, const char *path)
{
	struct px_error why;
	px_error_clear(&why);
	if (text_tag_valid(n->str, &why) == 0)
		return true;
	verror(c, n, path, "%s", why.msg);
	return false;
}
