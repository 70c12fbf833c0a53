/*
 * jsonread.c — a strict JSON reader for import (jsonread.h states what it
 * refuses).  A recursive descent parser, at most JSON_READ_MAX_DEPTH deep,
 * that decodes strings in place and keeps a container's children on a
 * stack until it closes, then copies them into the document's blocks in
 * one piece, so a node costs no allocation of its own.
 *
 * Columns are counted in characters of the text as written.  Decoding a
 * string rewrites its bytes, so the column is kept up to date as the
 * parser moves (strings add the characters they were written with) rather
 * than recounted from the start of the line.
 */
#include "jsonread.h"

#include "praxis/buf.h"
#include "praxis/text.h"

#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_SIZE (1024 * 1024)

struct json_block {
	struct json_block *next;
	size_t used, size;
	max_align_t data[];
};

struct reader {
	char *buf;
	size_t len, pos;
	int line;
	int col;              /* column of byte col_pos */
	size_t col_pos;
	int depth;
	struct json_doc *doc;
	struct jv *vals;      /* children of the open arrays */
	size_t nvals, capvals;
	struct jmember *mems; /* members of the open objects */
	size_t nmems, capmems;
	struct json_read_error *err;
	int failed;
};

/* ---- memory ------------------------------------------------------------- */

static void *doc_alloc(struct json_doc *doc, size_t size)
{
	size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	struct json_block *b = doc->blocks;
	if (!b || b->size - b->used < size) {
		size_t cap = size > BLOCK_SIZE ? size : BLOCK_SIZE;
		b = px_xmalloc(sizeof *b + cap);
		b->size = cap;
		b->used = 0;
		b->next = doc->blocks;
		doc->blocks = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += size;
	return p;
}

void json_doc_free(struct json_doc *doc)
{
	while (doc->blocks) {
		struct json_block *next = doc->blocks->next;
		free(doc->blocks);
		doc->blocks = next;
	}
	memset(&doc->root, 0, sizeof doc->root);
}

/* ---- positions and errors ------------------------------------------------- */

/* Bring the column up to POS over bytes not yet rewritten. */
static void sync_col(struct reader *r, size_t pos)
{
	for (; r->col_pos < pos; r->col_pos++)
		if (((unsigned char)r->buf[r->col_pos] & 0xC0) != 0x80)
			r->col++;
}

static int vfail_at(struct reader *r, int line, int column, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));

static int vfail_at(struct reader *r, int line, int column, const char *fmt, va_list ap)
{
	if (r->failed)
		return -1;
	r->failed = 1;
	r->err->line = line;
	r->err->column = column;
	vsnprintf(r->err->msg, sizeof r->err->msg, fmt, ap);
	return -1;
}

static int fail_at(struct reader *r, int line, int column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int fail_at(struct reader *r, int line, int column, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail_at(r, line, column, fmt, ap);
	va_end(ap);
	return -1;
}

/* What is at POS, for messages: 'x', U+00E9, byte 0xff or the end. */
static void describe(const struct reader *r, size_t pos, char *out, size_t size)
{
	if (pos >= r->len) {
		snprintf(out, size, "the end of the file");
		return;
	}
	unsigned char c = (unsigned char)r->buf[pos];
	if (c >= 0x21 && c < 0x7f) {
		snprintf(out, size, "'%c'", c);
		return;
	}
	uint32_t cp;
	size_t n = text_utf8_decode(r->buf + pos, r->len - pos, &cp);
	if (c < 0x80 || (cp != 0xFFFD || n != 1))
		snprintf(out, size, "U+%04X", (unsigned)cp);
	else
		snprintf(out, size, "byte 0x%02x", c);
}

static int fail_here(struct reader *r, const char *what)
{
	char found[32];
	describe(r, r->pos, found, sizeof found);
	sync_col(r, r->pos);
	if (r->pos >= r->len)
		return fail_at(r, r->line, r->col, "%s, found the end of the file (is it cut short?)",
			       what);
	return fail_at(r, r->line, r->col, "%s, found %s", what, found);
}

/* ---- white space and literals ------------------------------------------------ */

static void skip_space(struct reader *r)
{
	while (r->pos < r->len) {
		char c = r->buf[r->pos];
		if (c == '\n') {
			r->pos++;
			r->line++;
			r->col = 1;
			r->col_pos = r->pos;
		} else if (c == ' ' || c == '\t' || c == '\r') {
			r->pos++;
		} else {
			break;
		}
	}
}

static void mark(struct reader *r, struct jv *v)
{
	sync_col(r, r->pos);
	v->line = r->line;
	v->column = r->col;
}

static int parse_literal(struct reader *r, struct jv *v)
{
	static const struct {
		const char *word;
		enum jv_type type;
		bool b;
	} words[] = { { "true", JV_BOOL, true }, { "false", JV_BOOL, false }, { "null", JV_NULL, false } };
	for (size_t i = 0; i < 3; i++) {
		size_t n = strlen(words[i].word);
		if (r->len - r->pos >= n && memcmp(r->buf + r->pos, words[i].word, n) == 0) {
			v->type = (unsigned char)words[i].type;
			v->u.b = words[i].b;
			r->pos += n;
			return 0;
		}
	}
	return fail_here(r, "expected a value");
}

/* ---- numbers ------------------------------------------------------------------ */

static size_t digits(const struct reader *r, size_t pos)
{
	size_t n = 0;
	while (pos + n < r->len && r->buf[pos + n] >= '0' && r->buf[pos + n] <= '9')
		n++;
	return n;
}

/* strtod in the C locale: the faces set the user's, whose decimal point
 * may be a comma. */
static double c_strtod(const char *s)
{
	static locale_t c_numeric;
	if (!c_numeric)
		c_numeric = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	locale_t before = c_numeric ? uselocale(c_numeric) : (locale_t)0;
	double d = strtod(s, NULL);
	if (c_numeric)
		uselocale(before);
	return d;
}

static void number_value(const char *text, size_t n, bool integral, struct jv *v)
{
	char small[64];
	char *copy = n < sizeof small ? small : px_xmalloc(n + 1);
	memcpy(copy, text, n);
	copy[n] = '\0';
	v->u.num.d = c_strtod(copy);
	if (integral && n <= 19) {
		/* Exact when it fits: ids, versions and positions are integers. */
		errno = 0;
		long long i = strtoll(copy, NULL, 10);
		if (errno == 0) {
			v->u.num.i = i;
			v->is_int = true;
		}
	}
	if (copy != small)
		free(copy);
}

static int parse_number(struct reader *r, struct jv *v)
{
	size_t start = r->pos, p = r->pos;
	bool integral = true;
	if (p < r->len && r->buf[p] == '-')
		p++;
	size_t n = digits(r, p);
	if (n == 0) {
		r->pos = p;
		return fail_here(r, "expected a digit");
	}
	if (n > 1 && r->buf[p] == '0') {
		r->pos = p;
		return fail_here(r, "a number may not start with 0 (write 0.5, or 5)");
	}
	p += n;
	if (p < r->len && r->buf[p] == '.') {
		integral = false;
		if ((n = digits(r, ++p)) == 0) {
			r->pos = p;
			return fail_here(r, "expected a digit after the decimal point");
		}
		p += n;
	}
	if (p < r->len && (r->buf[p] == 'e' || r->buf[p] == 'E')) {
		integral = false;
		if (++p < r->len && (r->buf[p] == '+' || r->buf[p] == '-'))
			p++;
		if ((n = digits(r, p)) == 0) {
			r->pos = p;
			return fail_here(r, "expected a digit in the exponent");
		}
		p += n;
	}
	v->type = JV_NUMBER;
	number_value(r->buf + start, p - start, integral, v);
	r->pos = p;
	return 0;
}

/* ---- strings ---------------------------------------------------------------- */

static int hex4(const char *s, uint32_t *out)
{
	uint32_t v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (uint32_t)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

static size_t put_utf8(char *w, uint32_t cp)
{
	if (cp < 0x80) {
		w[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		w[0] = (char)(0xC0 | (cp >> 6));
		w[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		w[0] = (char)(0xE0 | (cp >> 12));
		w[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		w[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	w[0] = (char)(0xF0 | (cp >> 18));
	w[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	w[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	w[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Where a string is being read: the error column inside it is the column
 * of its quote plus the characters read so far. */
struct str_pos {
	int line, column;     /* of the opening quote */
	int chars;            /* characters after the quote, as written */
};

static int string_fail(struct reader *r, const struct str_pos *sp, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int string_fail(struct reader *r, const struct str_pos *sp, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail_at(r, sp->line, sp->column + 1 + sp->chars, fmt, ap);
	va_end(ap);
	return -1;
}

/* The four hex digits of a \u escape at r->pos, and the low surrogate that
 * must follow a high one.  Writes the character at *W. */
static int unicode_escape(struct reader *r, struct str_pos *sp, char **w)
{
	uint32_t cp, low;
	char shown[16];
	if (r->len - r->pos < 4 || hex4(r->buf + r->pos, &cp) < 0)
		return string_fail(r, sp, "%s", "\\u needs four hex digits");
	snprintf(shown, sizeof shown, "\\u%.4s", r->buf + r->pos);
	r->pos += 4;
	sp->chars += 4;
	if (cp == 0)
		return string_fail(r, sp, "%s: text may not contain a NUL character", shown);
	if (cp >= 0xDC00 && cp <= 0xDFFF)
		return string_fail(r, sp, "%s is half of a UTF-16 pair without its first half",
				   shown);
	if (cp >= 0xD800 && cp <= 0xDBFF) {
		if (r->len - r->pos < 6 || r->buf[r->pos] != '\\' || r->buf[r->pos + 1] != 'u' ||
		    hex4(r->buf + r->pos + 2, &low) < 0 || low < 0xDC00 || low > 0xDFFF)
			return string_fail(r, sp, "%s is half of a UTF-16 pair without its second half",
					   shown);
		cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
		r->pos += 6;
		sp->chars += 6;
	}
	*w += put_utf8(*w, cp);
	return 0;
}

static int simple_escape(struct reader *r, struct str_pos *sp, char **w)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	char c = r->pos < r->len ? r->buf[r->pos] : '\0';
	const char *hit = c ? strchr(from, c) : NULL;
	if (!hit) {
		if (c > 0x20 && c < 0x7f)
			return string_fail(r, sp, "'\\%c' is not an escape (\\\" \\\\ \\/ \\b \\f "
					   "\\n \\r \\t or \\u with four hex digits)", c);
		return string_fail(r, sp, "a backslash must start an escape (\\\" \\\\ \\/ "
				   "\\b \\f \\n \\r \\t or \\u with four hex digits)");
	}
	*(*w)++ = to[hit - from];
	r->pos++;
	sp->chars++;
	return 0;
}

/* One byte or character of a string that is not plain ASCII. */
static int string_special(struct reader *r, struct str_pos *sp, char **w)
{
	unsigned char c = (unsigned char)r->buf[r->pos];
	if (c == '\\') {
		r->pos++;
		sp->chars++;
		if (r->pos < r->len && r->buf[r->pos] == 'u') {
			r->pos++;
			sp->chars++;
			return unicode_escape(r, sp, w);
		}
		return simple_escape(r, sp, w);
	}
	if (c == '\n')
		return string_fail(r, sp, "a line break inside text (write it as \\n; or is a "
				   "closing quote missing?)");
	if (c < 0x20)
		return string_fail(r, sp, "control character 0x%02x inside text (write it as "
				   "\\u%04x)", c, c);
	uint32_t cp;
	size_t n = text_utf8_decode(r->buf + r->pos, r->len - r->pos, &cp);
	if (cp == 0xFFFD && n == 1) {
		char shown[16];
		snprintf(shown, sizeof shown, "0x%02x", c);
		return string_fail(r, sp, "invalid UTF-8 (byte %s)", shown);
	}
	memmove(*w, r->buf + r->pos, n);
	*w += n;
	r->pos += n;
	sp->chars++;
	return 0;
}

static bool plain_byte(unsigned char c)
{
	return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/* The string at r->pos (its opening quote), decoded in place. */
static int parse_string(struct reader *r, const char **out, size_t *len)
{
	sync_col(r, r->pos);
	struct str_pos sp = { r->line, r->col, 0 };
	r->pos++;
	char *start = r->buf + r->pos, *w = start;
	for (;;) {
		size_t run = r->pos;
		while (run < r->len && plain_byte((unsigned char)r->buf[run]))
			run++;
		if (run > r->pos) {
			size_t n = run - r->pos;
			if (w != r->buf + r->pos)
				memmove(w, r->buf + r->pos, n);
			w += n;
			sp.chars += (int)n;
			r->pos = run;
		}
		if (r->pos >= r->len)
			return fail_at(r, sp.line, sp.column, "this text has no closing quote (is the "
				       "file cut short?)");
		if (r->buf[r->pos] == '"')
			break;
		if (string_special(r, &sp, &w) < 0)
			return -1;
	}
	r->pos++;
	*len = (size_t)(w - start);
	*w = '\0';   /* never past the closing quote: decoding only shrinks */
	*out = start;
	/* The bytes just read may be rewritten now: account for them as written. */
	r->col = sp.column + sp.chars + 2;
	r->col_pos = r->pos;
	return 0;
}

/* ---- containers ------------------------------------------------------------------ */

static int parse_value(struct reader *r, struct jv *v);

static int enter(struct reader *r)
{
	if (++r->depth > JSON_READ_MAX_DEPTH) {
		sync_col(r, r->pos);
		return fail_at(r, r->line, r->col, "nested more than %d levels deep",
			       JSON_READ_MAX_DEPTH);
	}
	r->pos++;
	skip_space(r);
	return 0;
}

/* After a member or item: ',' (and *more) or the closing CLOSE. */
static int after_item(struct reader *r, char close, const char *what, bool *more)
{
	skip_space(r);
	if (r->pos < r->len && r->buf[r->pos] == ',') {
		r->pos++;
		skip_space(r);
		if (r->pos < r->len && r->buf[r->pos] == close)
			return fail_here(r, "expected another value after ',' (a trailing comma "
					 "is not JSON)");
		*more = true;
		return 0;
	}
	if (r->pos < r->len && r->buf[r->pos] == close) {
		r->pos++;
		*more = false;
		return 0;
	}
	return fail_here(r, what);
}

static int parse_array(struct reader *r, struct jv *v)
{
	if (enter(r) < 0)
		return -1;
	size_t base = r->nvals;
	bool more = r->pos >= r->len || r->buf[r->pos] != ']';
	if (!more)
		r->pos++;
	while (more) {
		struct jv item;
		if (parse_value(r, &item) < 0)
			return -1;
		px_grow((void **)&r->vals, &r->capvals, r->nvals + 1, sizeof *r->vals);
		r->vals[r->nvals++] = item;
		if (after_item(r, ']', "expected ',' or ']' after an item of the list", &more) < 0)
			return -1;
	}
	size_t n = r->nvals - base;
	v->type = JV_ARRAY;
	v->u.arr.n = n;
	v->u.arr.items = n ? doc_alloc(r->doc, n * sizeof *v->u.arr.items) : NULL;
	if (n)
		memcpy(v->u.arr.items, r->vals + base, n * sizeof *r->vals);
	r->nvals = base;
	r->depth--;
	return 0;
}

static int key_order(const void *a, const void *b)
{
	const struct jmember *x = *(const struct jmember *const *)a;
	const struct jmember *y = *(const struct jmember *const *)b;
	if (x->key_len != y->key_len)
		return x->key_len < y->key_len ? -1 : 1;
	int c = memcmp(x->key, y->key, x->key_len);
	if (c)
		return c;
	/* Equal keys: the later one is the duplicate. */
	return (x->line - y->line) ? (x->line < y->line ? -1 : 1)
				   : (x->column < y->column ? -1 : x->column > y->column);
}

/* The first member that repeats an earlier key, or NULL.  Pairwise for the
 * small objects documents are made of; sorted for big ones, so no input
 * costs quadratic time. */
static const struct jmember *duplicate_key(struct jmember *m, size_t n)
{
	if (n <= 32) {
		for (size_t i = 1; i < n; i++)
			for (size_t k = 0; k < i; k++)
				if (m[k].key_len == m[i].key_len &&
				    memcmp(m[k].key, m[i].key, m[i].key_len) == 0)
					return &m[i];
		return NULL;
	}
	const struct jmember **sorted = px_xmalloc(n * sizeof *sorted);
	for (size_t i = 0; i < n; i++)
		sorted[i] = &m[i];
	qsort(sorted, n, sizeof *sorted, key_order);
	const struct jmember *dup = NULL;
	for (size_t i = 1; i < n; i++) {
		const struct jmember *a = sorted[i - 1], *b = sorted[i];
		if (a->key_len == b->key_len && memcmp(a->key, b->key, a->key_len) == 0 &&
		    (!dup || b->line < dup->line || (b->line == dup->line && b->column < dup->column)))
			dup = b;
	}
	free(sorted);
	return dup;
}

static int parse_member(struct reader *r, struct jmember *m)
{
	if (r->pos >= r->len || r->buf[r->pos] != '"')
		return fail_here(r, "expected a key in double quotes");
	sync_col(r, r->pos);
	m->line = r->line;
	m->column = r->col;
	if (parse_string(r, &m->key, &m->key_len) < 0)
		return -1;
	skip_space(r);
	if (r->pos >= r->len || r->buf[r->pos] != ':')
		return fail_here(r, "expected ':' after the key");
	r->pos++;
	return parse_value(r, &m->value);
}

static int parse_object(struct reader *r, struct jv *v)
{
	if (enter(r) < 0)
		return -1;
	size_t base = r->nmems;
	bool more = r->pos >= r->len || r->buf[r->pos] != '}';
	if (!more)
		r->pos++;
	while (more) {
		struct jmember m;
		if (parse_member(r, &m) < 0)
			return -1;
		px_grow((void **)&r->mems, &r->capmems, r->nmems + 1, sizeof *r->mems);
		r->mems[r->nmems++] = m;
		if (after_item(r, '}', "expected ',' or '}' after a member of the object", &more) < 0)
			return -1;
	}
	size_t n = r->nmems - base;
	/* An empty object may come before any member was kept (mems NULL). */
	const struct jmember *dup = n ? duplicate_key(r->mems + base, n) : NULL;
	if (dup)
		return fail_at(r, dup->line, dup->column, "the key '%.80s' appears twice in one object",
			       dup->key);
	v->type = JV_OBJECT;
	v->u.obj.n = n;
	v->u.obj.members = n ? doc_alloc(r->doc, n * sizeof *v->u.obj.members) : NULL;
	if (n)
		memcpy(v->u.obj.members, r->mems + base, n * sizeof *r->mems);
	r->nmems = base;
	r->depth--;
	return 0;
}

static int parse_value(struct reader *r, struct jv *v)
{
	memset(v, 0, sizeof *v);
	skip_space(r);
	mark(r, v);
	if (r->pos >= r->len)
		return fail_here(r, "expected a value");
	char c = r->buf[r->pos];
	if (c == '{')
		return parse_object(r, v);
	if (c == '[')
		return parse_array(r, v);
	if (c == '"') {
		v->type = JV_STRING;
		return parse_string(r, &v->u.str.s, &v->u.str.len);
	}
	if (c == '-' || (c >= '0' && c <= '9'))
		return parse_number(r, v);
	return parse_literal(r, v);
}

/* ---- the document ------------------------------------------------------------------ */

int json_read(char *buf, size_t len, struct json_doc *doc, struct json_read_error *err)
{
	memset(doc, 0, sizeof *doc);
	memset(err, 0, sizeof *err);
	struct reader r = { .buf = buf, .len = len, .line = 1, .col = 1, .doc = doc, .err = err };
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		r.pos = r.col_pos = 3;
	skip_space(&r);
	int rc;
	if (r.pos >= len)
		rc = fail_at(&r, r.line, 1, "the file holds no JSON (it is empty)");
	else
		rc = parse_value(&r, &doc->root);
	if (rc == 0) {
		skip_space(&r);
		if (r.pos < len)
			rc = fail_here(&r, "expected the end of the file after the document");
	}
	free(r.vals);
	free(r.mems);
	if (rc < 0)
		json_doc_free(doc);
	return rc;
}

const struct jv *jv_get(const struct jv *obj, const char *key)
{
	if (!obj || obj->type != JV_OBJECT)
		return NULL;
	size_t len = strlen(key);
	for (size_t i = 0; i < obj->u.obj.n; i++) {
		const struct jmember *m = &obj->u.obj.members[i];
		if (m->key_len == len && memcmp(m->key, key, len) == 0)
			return &m->value;
	}
	return NULL;
}

const char *jv_type_phrase(const struct jv *v)
{
	switch (v ? (enum jv_type)v->type : JV_NULL) {
	case JV_NULL: return "null";
	case JV_BOOL: return "true or false";
	case JV_NUMBER: return "a number";
	case JV_STRING: return "text";
	case JV_ARRAY: return "a list";
	case JV_OBJECT: return "an object";
	}
	return "null";
}
